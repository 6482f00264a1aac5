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

from server.catalog.models import Exercise, Program, Routine, Source
from server.catalog.service import exercise_json, program_json, routine_json
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
    programs: int
    clips: int


def export_catalog(dest: Path, content_dir: Path, media_dir: Path) -> ExportResult:
    """Write the live catalogue under ``dest`` (which must be empty or new); ExportRefused before writing anything."""
    exercises = [exercise_json(row) for row in db.session.scalars(select(Exercise).order_by(Exercise.position))]
    routines = [routine_json(row) for row in db.session.scalars(select(Routine).order_by(Routine.position))]
    programs = [program_json(row) for row in db.session.scalars(select(Program).order_by(Program.position))]
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise ExportRefused(f"{dest} is not an empty folder: export into a new one.")
    clipless = [exercise["slug"] for exercise in exercises if exercise["video"] is None]
    if clipless:
        raise ExportRefused(f"content files need a clip for every exercise, and these have none yet: "
                            f"{', '.join(clipless)}. Upload their clips first.")
    clips = {exercise["slug"]: _clip_source(exercise["slug"], exercise["video"], content_dir, media_dir)
             for exercise in exercises}
    for folder in ("exercises", "ladders", "routines", "programs"):
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
        kind, source = clips[slug]
        (dest / kind).mkdir(exist_ok=True)
        shutil.copyfile(source, dest / kind / f"{slug}{source.suffix}")
        copied += 1 if kind == "clips" else 0
    for folder, items in (("routines", routines), ("programs", programs)):
        for item in items:
            fields = {key: value for key, value in item.items() if key not in ("slug", "retired")}
            (dest / folder / f"{item['slug']}.toml").write_text(_toml(fields | _retired(item)))
    return ExportResult(len(exercises), len(routines), len(programs), copied)


def _retired(item: dict) -> dict:
    return {"retired": True} if item["retired"] else {}


def _clip_source(slug: str, video: dict, content_dir: Path, media_dir: Path) -> tuple[str, Path]:
    """Where the exercise's clip comes from: (folder, file) — the pose script a render was made from, else the clip."""
    pose = content_dir / "poses" / f"{slug}.toml"
    if video["origin"] == "rendered" and pose.is_file():
        return "poses", pose
    clip = media_dir / video["src"].removeprefix("/media/")
    if not clip.is_file():
        raise ExportRefused(f"the clip of '{slug}' ({video['src']}) is not in {media_dir}.")
    return "clips", clip


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
