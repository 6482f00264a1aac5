"""The clip library: one clip per exercise, rendered from its pose script unless a coach dropped in footage.

A coach replaces a rendered clip by adding ``content/clips/<slug>.mp4``. It is checked by
reading the file (it must be a playable H.264 MP4), copied under a content-hashed name, and
given a poster taken from its first second. Both are published under a temporary name and
renamed, so a reader never sees half a file; a poster that is missing or truncated is made again.

Building never deletes a file the live catalogue may name: ``stale`` lists older renders
for the loader to delete once the new catalogue is committed.
"""

import hashlib
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from server.content_files import listed_files
from server.media import (Clip, ClipInvalid, PoseScriptError, extract_poster, poster_is_whole, probe_clip, publish_file,
                          render_all, stale_renders)
from server.problems import Problem, ProblemsFound

COACH_CLIP_MAX_BYTES = 8 * 1024 * 1024


class ClipsInvalid(ProblemsFound):
    """Raised with every clip problem found; nothing is built into the catalogue."""


@dataclass(frozen=True)
class Video:
    """What the catalogue says about an exercise's clip."""

    src: str
    poster: str
    duration_s: float
    bytes: int
    width: int
    height: int
    side: str
    origin: str  # "rendered" or "coach"

    def as_json(self) -> dict:
        """The ``video`` object of an exercise in ``/api/catalog``."""
        return asdict(self)


@dataclass(frozen=True)
class BuiltClips:
    """Every exercise's clip, and the older renders to delete once a catalogue naming these is committed."""

    videos: dict[str, Video]
    stale: list[Path]


def build_clips(content_dir: Path, media_dir: Path, slugs: list[str], *, workers: int = 2) -> BuiltClips:
    """A clip for every slug: coach footage where present, else rendered (incrementally) from poses."""
    media_dir.mkdir(parents=True, exist_ok=True)
    errors: list[Problem] = []
    coach = _coach_clips(content_dir / "clips", media_dir, set(slugs), errors)
    try:
        rendered = render_all(content_dir / "poses", media_dir, workers=workers, prune=False)
    except PoseScriptError as invalid:
        errors.extend(invalid.errors)
        rendered = {}
    videos = {}
    for slug in slugs:
        if slug in coach:
            videos[slug] = coach[slug]
        elif slug in rendered:
            videos[slug] = _video(rendered[slug], origin="rendered")
        elif not errors:
            errors.append(Problem(f"exercises/{slug}.toml", "", f"no clip: add poses/{slug}.toml or clips/{slug}.mp4"))
    if errors:
        raise ClipsInvalid(errors)
    return BuiltClips(videos, stale_renders(media_dir, rendered))


def _video(clip: Clip, origin: str) -> Video:
    return Video(src=f"/media/{clip.mp4.name}", poster=f"/media/{clip.poster.name}", duration_s=round(clip.duration_s, 2),
                 bytes=clip.bytes, width=clip.width, height=clip.height, side=clip.side, origin=origin)


def _coach_clips(folder: Path, media_dir: Path, slugs: set[str], errors: list[Problem]) -> dict[str, Video]:
    """Validate and publish every MP4 a coach dropped into ``content/clips``."""
    videos = {}
    for path in listed_files(folder, ".mp4", errors):
        where = f"clips/{path.name}"
        if path.stem not in slugs:
            errors.append(Problem(where, "", f"no exercise '{path.stem}' to attach this clip to"))
            continue
        if path.stat().st_size > COACH_CLIP_MAX_BYTES:
            errors.append(Problem(where, "", f"clip is over {COACH_CLIP_MAX_BYTES // 1024 // 1024} MB; trim or re-encode it"))
            continue
        try:
            probed = probe_clip(path)
        except ClipInvalid as invalid:
            errors.append(Problem(where, "", f"not a playable H.264 MP4: {invalid}"))
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        mp4 = media_dir / f"{path.stem}.coach-{digest}.mp4"
        poster = mp4.with_suffix(".jpg")
        if not mp4.is_file() or mp4.stat().st_size != path.stat().st_size:
            publish_file(mp4, lambda temp: shutil.copyfile(path, temp))
        if not poster_is_whole(poster):
            publish_file(poster, lambda temp: extract_poster(mp4, temp, at=min(1.0, probed.duration_s / 2)))
        videos[path.stem] = Video(src=f"/media/{mp4.name}", poster=f"/media/{poster.name}",
                                  duration_s=round(probed.duration_s, 2), bytes=mp4.stat().st_size,
                                  width=probed.width, height=probed.height, side="both", origin="coach")
    return videos
