"""Writing the live catalogue (built-in content with the coach layer over it) as content files ``catalog load`` accepts.

Loading the folder back gives the same catalogue: retired items are written with
``retired = true``; a rendered clip comes with the pose script it was rendered from (taken
from the content folder), and any other clip (a coach's) is copied to ``clips/<slug>.mp4``,
which the loader takes as coach footage.
"""

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from server.catalog.models import Exercise, Routine, Source
from server.catalog.service import exercise_json, routine_json
from server.extensions import db

# What the files never hold: the slug is the file name, the rest is computed by the loader.
EXERCISE_COMPUTED = ("slug", "video", "ladder", "retired")
LADDER_COMPUTED = ("exercise", "start")


class ExportRefused(Exception):
    """The catalogue cannot be written as content files; the message says why and what to do."""


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote, for the CLI to report."""

    exercises: int
    routines: int
    clips: int


def export_catalog(dest: Path, content_dir: Path, media_dir: Path) -> ExportResult:
    """Write the live catalogue under ``dest`` (which must be empty or new); ExportRefused before writing anything."""
    exercises = [exercise_json(row) for row in db.session.scalars(select(Exercise).order_by(Exercise.position))]
    routines = [routine_json(row) for row in db.session.scalars(select(Routine).order_by(Routine.position))]
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise ExportRefused(f"{dest} is not an empty folder: export into a new one.")
    clipless = [exercise["slug"] for exercise in exercises if exercise["video"] is None]
    if clipless:
        raise ExportRefused(f"content files need a clip for every exercise, and these have none yet: "
                            f"{', '.join(clipless)}. Upload their clips first.")
    for folder in ("exercises", "ladders", "routines"):
        (dest / folder).mkdir(parents=True)

    sources = db.session.scalars(select(Source).order_by(Source.key))
    (dest / "sources.toml").write_text("".join(
        f"[{source.key}]\n" + _toml({"title": source.title, "author": source.author, "summary": source.summary}) + "\n"
        for source in sources))
    copied = 0
    for exercise in exercises:
        slug = exercise["slug"]
        card = {key: value for key, value in exercise.items() if key not in EXERCISE_COMPUTED}
        (dest / "exercises" / f"{slug}.toml").write_text(_toml(card | _retired(exercise)))
        if exercise["ladder"]:
            ladder = {key: value for key, value in exercise["ladder"].items() if key not in LADDER_COMPUTED}
            (dest / "ladders" / f"{slug}.toml").write_text(_toml(ladder))
        copied += _write_clip(slug, exercise["video"], dest, content_dir, media_dir)
    for routine in routines:
        fields = {key: value for key, value in routine.items() if key not in ("slug", "retired")}
        (dest / "routines" / f"{routine['slug']}.toml").write_text(_toml(fields | _retired(routine)))
    return ExportResult(len(exercises), len(routines), copied)


def _retired(item: dict) -> dict:
    return {"retired": True} if item["retired"] else {}


def _write_clip(slug: str, video: dict, dest: Path, content_dir: Path, media_dir: Path) -> int:
    """The pose script a rendered clip comes from, else the clip itself as footage; 1 if a clip file was copied."""
    pose = content_dir / "poses" / f"{slug}.toml"
    if video["origin"] == "rendered" and pose.is_file():
        (dest / "poses").mkdir(exist_ok=True)
        shutil.copyfile(pose, dest / "poses" / pose.name)
        return 0
    clip = media_dir / video["src"].removeprefix("/media/")
    if not clip.is_file():
        raise ExportRefused(f"the clip of '{slug}' ({video['src']}) is not in {media_dir}.")
    (dest / "clips").mkdir(exist_ok=True)
    shutil.copyfile(clip, dest / "clips" / f"{slug}.mp4")
    return 1


def _toml(fields: dict) -> str:
    """Top-level ``key = value`` lines; nulls are left out (the loader's defaults are null)."""
    return "".join(f"{key} = {_value(value)}\n" for key, value in fields.items() if value is not None)


def _value(value) -> str:
    """One TOML value: a JSON string is a valid TOML basic string; tables are inline."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return "{ " + ", ".join(f"{key} = {_value(item)}" for key, item in value.items() if item is not None) + " }"
