"""Footage from a coach's phone: what the file really is, and converting it to the house clip format.

A phone hands over MP4 or MOV (ISO boxes, starting with ``ftyp``) or WebM (Matroska's EBML
header); the file's own bytes say which, never its name. The conversion gives what the renderer
gives (H.264 High, yuv420p, no audio, faststart MP4), at most 480 lines on the short side and
30 frames a second, with the phone's metadata (place, device) left out.

Every refusal is a ``FootageRefused`` whose message is written for the coach, not for an engineer.
"""

from __future__ import annotations

import subprocess
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from server.media.build import CRF, PRESET
from server.media.probe import ClipInvalid, ffmpeg_exe, read_report, walk_boxes

EBML_MAGIC = b"\x1a\x45\xdf\xa3"
SEGMENT_ID = b"\x18\x53\x80\x67"
SHORT_SIDE = 480
MAX_FPS = 30
# A ceiling on the bitrate (over any second, x264's VBV buffer), so busy footage stays small: a minute
# of it is under 7 MB, below the 8 MB a coach clip may be (server/clips/library.py). Calm footage
# stays below it on the CRF alone.
MAX_KBPS = 900
# Phones film HDR (iPhones HLG, by default): such footage is tone-mapped to the SDR BT.709 every clip is
# in, after scaling down (float maths on fewer pixels). Mobius keeps HDR's reference white near SDR white.
HDR_TRANSFERS = ("smpte2084", "arib-std-b67")  # PQ and HLG, as ffmpeg names them
TONE_MAP = ("zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=mobius:desat=0,"
            "zscale=t=bt709:m=bt709:r=tv")
POSTER_WIDTH = 480

NOT_A_VIDEO = "This file is not a video Steady can use. Upload an MP4, MOV or WebM video."
ZIP = "This is a zip archive, not a video. Unzip it and upload the video inside (MP4, MOV or WebM)."
EMPTY = "This file is empty. Choose the video again and upload it."
INCOMPLETE = ("This video is incomplete: the file ends before the video does. The upload may have been cut short,"
              " or the phone was still saving it. Try again, or export the video again.")
DAMAGED = "This video is damaged and can't be played. Export it again on the phone and upload the new file."
NO_PICTURE = "This file has no picture (only sound, or nothing to play). Upload a video."
NO_LENGTH = "Steady can't tell how long this video is. Export it again as MP4 and upload that."
NOT_CONVERTED = ("This video could not be converted: it may be damaged or use a format Steady can't read."
                 " Export it again as MP4 and upload that.")

_REASONS = {"empty": EMPTY, "truncated": INCOMPLETE, "not-mp4": NOT_A_VIDEO, "damaged": DAMAGED,
            "unreadable": DAMAGED, "no-video": NO_PICTURE, "no-size": NO_LENGTH}


class FootageRefused(ValueError):
    """Footage Steady cannot use; the message is for the coach."""


class ConversionTooSlow(FootageRefused):
    """ffmpeg ran past its time limit and was stopped."""


@dataclass(frozen=True)
class Footage:
    """What a coach's file holds, read from its bytes and from ffmpeg."""

    container: str  # "mp4" (MP4 and MOV) or "webm" (WebM and Matroska)
    duration_s: float
    width: int
    height: int
    codec: str


def sniff_container(head: bytes) -> str | None:
    """The container the first bytes announce ("mp4" or "webm"), or None for anything else."""
    if len(head) >= 8 and head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(EBML_MAGIC):
        return "webm"
    return None


def check_footage(path: Path) -> Footage:
    """Read a coach's file: its container from its bytes, then a video stream and a duration from ffmpeg."""
    with path.open("rb") as handle:
        head = handle.read(64)
    if not head:
        raise FootageRefused(EMPTY)
    container = sniff_container(head)
    if container is None:
        raise FootageRefused(ZIP if head.startswith(b"PK\x03\x04") else NOT_A_VIDEO)
    try:
        if container == "mp4":
            walk_boxes(path)
        else:
            _check_segment_size(path, head)
        facts = read_report(path)
    except ClipInvalid as invalid:
        raise FootageRefused(_REASONS.get(invalid.reason, DAMAGED)) from invalid
    except subprocess.TimeoutExpired as slow:
        raise FootageRefused(DAMAGED) from slow
    if facts["duration_s"] <= 0:
        raise FootageRefused(NO_LENGTH)
    return Footage(container, facts["duration_s"], facts["width"], facts["height"], facts["codec"])


def _is_hdr(facts: dict) -> bool:
    """Whether ``read_report``'s facts describe PQ or HLG video."""
    return any(transfer in facts["colour"] for transfer in HDR_TRANSFERS)


def _tone_map(colour: str) -> str:
    """The tone-mapping filters for HDR video ffmpeg describes as ``colour`` ("tv, bt2020nc/bt2020/arib-std-b67").

    A file that names its transfer but not its matrix or primaries is taken as BT.2020, as PQ and HLG
    come (zscale refuses to guess); one that names them keeps its own."""
    named = next((part.split("/") for part in colour.split(", ") if part.count("/") == 2), ["unknown"] * 3)
    given = [*(["colorspace=bt2020nc"] if named[0] == "unknown" else []),
             *(["color_primaries=bt2020"] if named[1] == "unknown" else [])]
    return f"setparams={':'.join(given)},{TONE_MAP}" if given else TONE_MAP


def _check_segment_size(path: Path, head: bytes) -> None:
    """A WebM whose Segment says how long it is must be that long (a live recording's size is unknown)."""
    header_size, header_len = _vint(head, 4)
    at = 4 + header_len + header_size
    with path.open("rb") as handle:
        handle.seek(at)
        segment = handle.read(12)
    if segment[:4] != SEGMENT_ID:
        raise ClipInvalid(f"{path.name}: no Segment after the EBML header", "truncated" if len(segment) < 4 else "damaged")
    size, size_len = _vint(segment, 4)
    unknown = size == (1 << (7 * size_len)) - 1
    if not unknown and at + 4 + size_len + size > path.stat().st_size:
        raise ClipInvalid(f"{path.name}: the Segment needs {size} bytes", "truncated")


def _vint(data: bytes, at: int) -> tuple[int, int]:
    """An EBML variable-length size at ``at``: (value, length in bytes)."""
    if at >= len(data) or data[at] == 0:
        raise ClipInvalid("damaged EBML size", "damaged")
    first = data[at]
    length = 9 - first.bit_length()
    if at + length > len(data):
        raise ClipInvalid("truncated EBML size", "truncated")
    value = first & ((1 << (8 - length)) - 1)
    for byte in data[at + 1:at + length]:
        value = (value << 8) | byte
    return value, length


def convert_footage(source: Path, target: Path, *, duration_s: float, time_limit_s: float,
                    on_progress: Callable[[float], None]) -> None:
    """Convert ``source`` to the house clip format at ``target``, calling ``on_progress(0..1)`` as ffmpeg reports.

    Raises ConversionTooSlow once ``time_limit_s`` has passed (ffmpeg is killed), FootageRefused if it fails.
    """
    # The short side at most 480 (never enlarged), both sides even as yuv420p needs; sideways phone
    # footage is already upright here, as ffmpeg applies the rotation before the filters.
    short = f"trunc(min({SHORT_SIDE},%s)/2)*2"
    scale = f"scale='if(gt(iw,ih),-2,{short % 'iw'})':'if(gt(iw,ih),{short % 'ih'},-2)'"
    try:
        facts = read_report(source)
    except (ClipInvalid, subprocess.TimeoutExpired):
        facts = {"colour": ""}  # ffmpeg's own run below says what is wrong with the file
    filters = f"{scale},{_tone_map(facts['colour'])},format=yuv420p" if _is_hdr(facts) else f"{scale},format=yuv420p"
    command = [
        ffmpeg_exe(), "-hide_banner", "-nostdin", "-v", "error", "-y", "-i", str(source),
        "-map", "0:v:0", "-an", "-sn", "-dn", "-map_metadata", "-1", "-vf", filters, "-fpsmax", str(MAX_FPS),
        "-c:v", "libx264", "-preset", PRESET, "-crf", str(CRF), "-maxrate", f"{MAX_KBPS}k",
        "-bufsize", f"{MAX_KBPS}k", "-profile:v", "high", "-pix_fmt", "yuv420p",
        "-threads", "1", "-movflags", "+faststart", "-progress", "pipe:1", "-nostats", "-f", "mp4", str(target),
    ]
    # Errors go to a file: a damaged video can print more than a pipe holds while progress is being read.
    with tempfile.TemporaryFile("w+", errors="replace") as errors:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True, errors="replace")
        stopped = _run_with_limit(process, duration_s, time_limit_s, on_progress)
        errors.seek(0)
        report = errors.read()
    if stopped:
        raise ConversionTooSlow(f"Converting this video took longer than {_spoken(time_limit_s)}, so it was stopped."
                                " Trim it to the movement itself and upload it again.")
    if process.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        raise FootageRefused(NOT_CONVERTED) from RuntimeError(report.strip()[-500:])


def _run_with_limit(process: subprocess.Popen, duration_s: float, time_limit_s: float,
                    on_progress: Callable[[float], None]) -> bool:
    """Read ffmpeg's ``-progress`` lines until it exits; True if the time limit stopped it."""
    stopped = threading.Event()

    def stop() -> None:
        stopped.set()
        process.kill()

    # The timer also stops an ffmpeg that hangs without printing anything.
    timer = threading.Timer(time_limit_s, stop)
    timer.start()
    try:
        for line in process.stdout:
            key, _, value = line.strip().partition("=")
            if key == "out_time_us" and value.isdigit() and duration_s > 0:
                on_progress(min(1.0, int(value) / 1e6 / duration_s))
        process.wait()
    finally:
        timer.cancel()
        process.stdout.close()
        if process.poll() is None:
            process.kill()
            process.wait()
    return stopped.is_set()


def extract_poster(mp4: Path, poster: Path, at: float) -> None:
    """A JPEG poster from the frame at ``at`` seconds, at most 480 wide."""
    subprocess.run(
        [ffmpeg_exe(), "-v", "error", "-y", "-ss", f"{at:.2f}", "-i", str(mp4),
         "-frames:v", "1", "-vf", f"scale='min({POSTER_WIDTH},iw)':-2", "-q:v", "4", str(poster)],
        check=True, capture_output=True, timeout=60,
    )


def _spoken(seconds: float) -> str:
    if seconds >= 120:
        return f"{seconds / 60:g} minutes"
    return "1 second" if seconds == 1 else f"{seconds:g} seconds"
