"""Rendering clips: frames to an H.264 MP4 and a poster, incrementally, two at a time."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import subprocess
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from server.media.load import load_motions
from server.media.motion import Motion
from server.media.panels import ClipPainter
from server.media.probe import SIDE_TAG, VIEWS_TAG, Clip, ClipInvalid, ffmpeg_exe, poster_is_whole, probe_clip
from server.media.script import PoseScript

# Bump when a change to the renderer should re-render every clip. The hash of the
# modules that decide the pixels is folded in as well, so a forgotten bump cannot
# serve stale clips.
RENDERER_VERSION = "steady-figure-2"
FPS = 24
CRF = 26
PRESET = "medium"
POSTER_QUALITY = 84
_PIXEL_MODULES = ("draw.py", "panels.py", "vector.py", "figure.py", "props.py", "motion.py", "load.py", "build.py", "script.py")


def renderer_digest() -> str:
    h = hashlib.sha256(RENDERER_VERSION.encode())
    here = Path(__file__).parent
    for name in _PIXEL_MODULES:
        h.update((here / name).read_bytes())
    return h.hexdigest()


def render_hash(script: PoseScript, digest: str | None = None) -> str:
    """12 hex digits naming a render: the pose script's bytes plus the renderer version."""
    h = hashlib.sha256((digest or renderer_digest()).encode())
    h.update(script.source)
    return h.hexdigest()[:12]


def output_names(slug: str, digest: str) -> tuple[str, str]:
    return f"{slug}.{digest}.mp4", f"{slug}.{digest}.jpg"


def frame_count(script: PoseScript) -> int:
    return max(1, round(script.duration_s * FPS))


def render_clip(motion: Motion, out_dir: Path, digest: str | None = None) -> Clip:
    """Render one checked motion (from ``load_motion``) to ``<slug>.<hash>.mp4`` and ``.jpg`` in ``out_dir``."""
    script = motion.script
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = render_hash(script, digest)
    mp4_name, jpg_name = output_names(script.slug, name)
    renderer = ClipPainter(script, motion)
    frames = frame_count(script)
    tmp_mp4 = out_dir / f".{mp4_name}.{os.getpid()}.tmp.mp4"
    tmp_jpg = out_dir / f".{jpg_name}.{os.getpid()}.tmp.jpg"
    cmd = [
        ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y",
        "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{renderer.width}x{renderer.height}", "-r", str(FPS), "-i", "-",
        "-an", "-c:v", "libx264", "-preset", PRESET, "-crf", str(CRF), "-tune", "animation",
        "-profile:v", "high", "-pix_fmt", "yuv420p", "-threads", "1", "-movflags", "+faststart",
        "-metadata", f"title={script.slug}", "-metadata", f"comment={SIDE_TAG}{script.side} {VIEWS_TAG}{','.join(script.views)}",
        str(tmp_mp4),
    ]
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            for i in range(frames):
                proc.stdin.write(renderer.render(i / frames).tobytes())
        except BrokenPipeError:
            pass
        proc.stdin.close()
        err = proc.stderr.read().decode(errors="replace")
        if proc.wait() != 0:
            raise RuntimeError(f"ffmpeg failed for {script.slug}: {err.strip()}")
        poster_u = script.keyframes[script.poster].t
        renderer.render(poster_u).save(tmp_jpg, "JPEG", quality=POSTER_QUALITY, optimize=True, progressive=True)
        probe_clip(tmp_mp4)  # never publish a clip that does not read back cleanly
        os.replace(tmp_jpg, out_dir / jpg_name)
        os.replace(tmp_mp4, out_dir / mp4_name)
    finally:
        for tmp in (tmp_mp4, tmp_jpg):
            tmp.unlink(missing_ok=True)
    return probe_clip(out_dir / mp4_name, decode=False)


def stale_renders(out_dir: Path, clips: dict[str, Clip]) -> list[Path]:
    """Older renders (another hash) of every slug in ``clips``; files of other slugs are left alone."""
    stale = []
    for slug, clip in clips.items():
        keep = {clip.mp4.name, clip.poster.name if clip.poster else ""}
        pattern = re.compile(rf"^\.?{re.escape(slug)}\.[0-9a-f]{{12}}\.(mp4|jpg)(\.\d+\.tmp\.(mp4|jpg))?$")
        stale.extend(p for p in out_dir.iterdir() if pattern.match(p.name) and p.name not in keep)
    return stale


def render_all(poses_dir: Path, out_dir: Path, *, workers: int = 2, prune: bool = True) -> dict[str, Clip]:
    """Render every pose script in ``poses_dir`` into ``out_dir``; return {slug: Clip}.

    Incremental: a clip whose ``<slug>.<hash>.mp4`` and a whole ``.jpg`` already exist is
    only read back, not rendered again. With ``prune``, older renders of the same slug
    are deleted (the catalogue loader passes False and deletes them only once the
    catalogue naming the new ones is committed). Every pose script is validated
    before anything is rendered (PoseScriptError names the file and field).
    """
    poses_dir, out_dir = Path(poses_dir), Path(out_dir)
    motions = load_motions(poses_dir)  # validates every script, kinematics included, once
    out_dir.mkdir(parents=True, exist_ok=True)
    digest = renderer_digest()
    clips: dict[str, Clip] = {}
    todo: list[Motion] = []
    for slug, motion in motions.items():
        mp4_name, jpg_name = output_names(slug, render_hash(motion.script, digest))
        if (out_dir / mp4_name).is_file() and poster_is_whole(out_dir / jpg_name):
            try:
                clips[slug] = probe_clip(out_dir / mp4_name, decode=False)
                continue
            except ClipInvalid:
                pass
        todo.append(motion)
    todo.sort(key=lambda m: -frame_count(m.script))  # longest first keeps both workers busy to the end
    if todo:
        if workers <= 1 or len(todo) == 1:
            for motion in todo:
                clips[motion.script.slug] = render_clip(motion, out_dir, digest)
        else:
            # Workers get the checked motion itself (pickled), so none of them loads or checks it again.
            ctx = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
                futures = {m.script.slug: pool.submit(render_clip, m, out_dir, digest) for m in todo}
                for slug, future in futures.items():
                    clips[slug] = future.result()
    if prune:
        for path in stale_renders(out_dir, clips):
            path.unlink(missing_ok=True)
    return dict(sorted(clips.items()))
