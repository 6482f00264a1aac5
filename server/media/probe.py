"""Reading a clip back: is it a playable H.264 MP4, and what is in it.

imageio-ffmpeg ships ffmpeg but not ffprobe, so the facts come from two places,
both the file itself: the MP4 box structure (walked here, which catches a
truncated or non-MP4 file) and ``ffmpeg -i`` (whose report gives the duration,
codec, pixel format, size and frame rate). With ``decode=True`` every frame is
decoded too, which catches a damaged stream inside a well-formed file.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

import imageio_ffmpeg
from PIL import Image

PLAYABLE_PIX_FMTS = ("yuv420p", "yuvj420p")
SIDE_TAG = "steady side="
VIEWS_TAG = "views="  # after the side: "steady side=left views=side,front"


class ClipInvalid(ValueError):
    """A file that is not a playable H.264/MP4 clip; the message says why.

    ``reason`` names the kind of problem ("truncated", "not-mp4", "damaged", "unreadable",
    "no-video", "no-size", "codec"), so a caller can explain it in its own words.
    """

    def __init__(self, message: str, reason: str = "invalid"):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Clip:
    """One demonstration clip as read back from its file."""

    slug: str
    mp4: Path
    poster: Path | None
    duration_s: float
    width: int
    height: int
    codec: str
    bytes: int
    side: str            # "left" | "right" | "both": the side the clip shows
    content_hash: str    # sha256 of the MP4 bytes, hex (first 16 characters)
    pix_fmt: str = ""
    fps: float = 0.0
    views: tuple[str, ...] = ()  # the rendered panels, left to right ("side", "front"); () for footage

    def to_dict(self) -> dict:
        out = asdict(self)
        out["mp4"] = self.mp4.name
        out["poster"] = self.poster.name if self.poster else None
        return out


def ffmpeg_exe() -> str:
    return imageio_ffmpeg.get_ffmpeg_exe()


def walk_boxes(path: Path) -> list[bytes]:
    """Top-level box types; raise ClipInvalid unless the boxes tile the file exactly."""
    size_total = path.stat().st_size
    if size_total == 0:
        raise ClipInvalid(f"{path.name}: the file is empty", "empty")
    types = []
    with path.open("rb") as f:
        pos = 0
        while pos < size_total:
            f.seek(pos)
            header = f.read(16)
            if len(header) < 8:
                raise ClipInvalid(f"{path.name}: truncated: {size_total - pos} stray bytes at the end", "truncated")
            size = int.from_bytes(header[:4], "big")
            kind = header[4:8]
            if not all(48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122 or c == 32 for c in kind):
                if not types:
                    raise ClipInvalid(f"{path.name}: not an MP4 file (no ftyp box at the start)", "not-mp4")
                raise ClipInvalid(f"{path.name}: damaged MP4: unreadable box at byte {pos}", "damaged")
            head = 8
            if size == 1:
                if len(header) < 16:
                    raise ClipInvalid(f"{path.name}: truncated inside the {kind.decode()} box header", "truncated")
                size, head = int.from_bytes(header[8:16], "big"), 16
            elif size == 0:
                size = size_total - pos
            if size < head:
                raise ClipInvalid(f"{path.name}: damaged MP4: box {kind.decode()!r} at byte {pos} has size {size}", "damaged")
            if not types and kind != b"ftyp":
                raise ClipInvalid(f"{path.name}: not an MP4 file (starts with {kind!r}, not an ftyp box)", "not-mp4")
            if pos + size > size_total:
                raise ClipInvalid(f"{path.name}: truncated: the {kind.decode()!r} box needs {size} bytes "
                                  f"but only {size_total - pos} remain", "truncated")
            types.append(kind)
            pos += size
    for needed in (b"moov", b"mdat"):
        if needed not in types:
            raise ClipInvalid(f"{path.name}: not a complete MP4 (no {needed.decode()} box)", "truncated")
    return types


_DURATION = re.compile(r"Duration: (\d+):(\d+):(\d+(?:\.\d+)?)")
_VIDEO = re.compile(r"Stream #\d+:\d+.*?: Video: (?P<codec>\w+)(?P<rest>.*)")
_PIX = re.compile(r", (?P<pix>[a-z][a-z0-9_]*)(?:\((?P<colour>[^)]*)\))?, (?P<w>\d+)x(?P<h>\d+)")
_FPS = re.compile(r"(\d+(?:\.\d+)?) fps")
_COMMENT = re.compile(r"^\s*comment\s*:\s*(.*)$", re.M)


def read_report(path: Path) -> dict:
    """What ``ffmpeg -i`` says about the first video stream: codec, pixel format, its colour description (range,
    space/primaries/transfer, as ffmpeg writes them), size, duration, fps, comment."""
    proc = subprocess.run([ffmpeg_exe(), "-hide_banner", "-i", str(path)], capture_output=True, text=True,
                          errors="replace", timeout=60)
    report = proc.stderr
    if "Invalid data found" in report or "moov atom not found" in report:
        raise ClipInvalid(f"{path.name}: ffmpeg cannot read it as a video ({_last_line(report)})", "unreadable")
    video = _VIDEO.search(report)
    if not video:
        raise ClipInvalid(f"{path.name}: no video stream", "no-video")
    pix = _PIX.search(video.group("rest"))
    duration = _DURATION.search(report)
    if not pix or not duration:
        raise ClipInvalid(f"{path.name}: ffmpeg reports no size or duration ({_last_line(report)})", "no-size")
    fps = _FPS.search(video.group("rest"))
    comment = _COMMENT.search(report)
    h, m, s = duration.groups()
    return {
        "codec": video.group("codec"),
        "pix_fmt": pix.group("pix"),
        "colour": pix.group("colour") or "",
        "width": int(pix.group("w")),
        "height": int(pix.group("h")),
        "duration_s": int(h) * 3600 + int(m) * 60 + float(s),
        "fps": float(fps.group(1)) if fps else 0.0,
        "comment": comment.group(1).strip() if comment else "",
    }


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


def _decode_all(path: Path) -> None:
    proc = subprocess.run([ffmpeg_exe(), "-v", "error", "-xerror", "-i", str(path), "-map", "0:v:0", "-f", "null", "-"],
                          capture_output=True, text=True, errors="replace", timeout=120)
    if proc.returncode != 0 or proc.stderr.strip():
        raise ClipInvalid(f"{path.name}: the video does not decode cleanly ({_last_line(proc.stderr)})")


def probe_clip(path: Path, *, decode: bool = True) -> Clip:
    """Read a clip's facts from the file; raise ClipInvalid unless it is a playable H.264 MP4.

    The slug is the file name up to its first dot; the poster is a sibling with
    the same stem and a .jpg or .webp suffix, if present; the side comes from
    the ``comment`` metadata the renderer writes ("steady side=left"), and is
    "both" when the file does not say.
    """
    path = Path(path)
    if not path.is_file():
        raise ClipInvalid(f"{path}: no such file")
    walk_boxes(path)
    facts = read_report(path)
    if facts["codec"] != "h264":
        raise ClipInvalid(f"{path.name}: the video codec is {facts['codec']}, not H.264")
    if facts["pix_fmt"] not in PLAYABLE_PIX_FMTS:
        raise ClipInvalid(f"{path.name}: pixel format {facts['pix_fmt']} will not play in browsers (needs yuv420p)")
    if facts["duration_s"] <= 0:
        raise ClipInvalid(f"{path.name}: the clip has no duration")
    if decode:
        _decode_all(path)
    data = path.read_bytes()
    side, views = _steady_tags(facts["comment"])
    stem = path.name[: -len(".mp4")] if path.name.endswith(".mp4") else path.stem
    poster = next((p for p in (path.with_name(stem + ".jpg"), path.with_name(stem + ".webp")) if p.is_file()), None)
    return Clip(
        slug=path.name.split(".", 1)[0],
        mp4=path,
        poster=poster,
        duration_s=round(facts["duration_s"], 3),
        width=facts["width"],
        height=facts["height"],
        codec=facts["codec"],
        bytes=len(data),
        side=side,
        content_hash=hashlib.sha256(data).hexdigest()[:16],
        pix_fmt=facts["pix_fmt"],
        fps=facts["fps"],
        views=views,
    )


def _steady_tags(comment: str) -> tuple[str, tuple[str, ...]]:
    """(side, views) from the renderer's comment, "steady side=left views=side,front"; ("both", ()) if absent."""
    if not comment.startswith(SIDE_TAG):
        return "both", ()
    side, _, rest = comment[len(SIDE_TAG):].partition(" ")
    views = tuple(v for v in rest[len(VIEWS_TAG):].split(",") if v) if rest.startswith(VIEWS_TAG) else ()
    return (side if side in ("left", "right", "both") else "both"), views


def poster_is_whole(path: Path) -> bool:
    """Whether a poster exists and decodes to its last byte (a truncated JPEG does not)."""
    try:
        with Image.open(path) as image:
            image.load()
    except (OSError, SyntaxError, ValueError):
        return False
    return True
