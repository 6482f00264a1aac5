"""Shared bits for the media tests (plain pytest, no app needed)."""

from pathlib import Path

import imageio_ffmpeg

ROOT = Path(__file__).resolve().parents[2]
POSES_DIR = ROOT / "content" / "poses"
FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()

SLUGS = sorted("""
medicine-ball-wood-chop single-leg-balance multidirectional-hops heel-tap-front heel-tap-side
heel-tap-rotated barefoot-balance band-ankle-dorsiflexion band-ankle-plantarflexion band-ankle-inversion
band-ankle-eversion towel-curls side-lying-clamshell glute-bridge standing-leg-lift lateral-band-walk
bodyweight-squat step-up lunge heel-raise stability-ball-back-extension stability-ball-russian-twist
side-plank plank bicycle-crunch russian-twist leg-raise unstable-surface-balance
""".split())

HEEL_TAPS = ["heel-tap-front", "heel-tap-side", "heel-tap-rotated"]
# Where the fault to avoid (the knee drifting inward) is seen from the front: a front panel beside the side view.
FRONT_VIEW = HEEL_TAPS + ["single-leg-balance", "step-up", "lunge", "bodyweight-squat"]

MAX_CLIP_BYTES = 400 * 1024
MAX_TOTAL_BYTES = 10 * 1024 * 1024


def top_level_boxes(path: Path) -> list[str]:
    """The MP4's top-level box types, in file order."""
    data = path.read_bytes()
    out, pos = [], 0
    while pos + 8 <= len(data):
        size = int.from_bytes(data[pos:pos + 4], "big")
        out.append(data[pos + 4:pos + 8].decode("latin-1"))
        if size == 1:
            size = int.from_bytes(data[pos + 8:pos + 16], "big")
        if size < 8:
            break
        pos += size
    return out
