"""The catalogue's content files: their schema, and reading a whole folder of them.

Content lives as TOML files a coach can review in a pull request:
``sources.toml``, ``exercises/<slug>.toml``, ``ladders/<slug>.toml`` (an exercise's progression),
``routines/<slug>.toml`` and ``programs/<slug>.toml`` (weeks of those routines).
Reading is all-or-nothing: every file is validated, every cross-reference
checked, and any problem is reported with its file and field before anything
is loaded.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from server.content_files import NOT_A_FILE, content_files, listed_files
from server.problems import Problem, ProblemsFound
# One table of limits: a ready-made routine is held to the same bounds as a runner's own.
from server.training.rules.limits import ROUTINE as LIMITS
from server.training.rules.limits import SESSION as LIMITS_SESSION

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

Tag = Literal["core", "balance", "hips", "feet-ankles", "trail"]
EquipmentItem = Literal[
    "medicine-ball",
    "stability-ball",
    "resistance-band",
    "step",
    "foam-pad",
    "wobble-board",
    "balance-disc",
    "towel",
    "mat",
]
Surface = Literal["floor", "towel", "foam_pad", "wobble_board"]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=600)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN.pattern, max_length=LIMITS["name"])]


class Strict(BaseModel):
    """Base for content models: unknown keys are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """One of the articles the catalogue was written from."""

    title: Text
    author: Text
    summary: Text


class Equipment(Strict):
    """A piece of kit the exercise uses, and what to use when you have none."""

    item: EquipmentItem
    substitute: Text | None = None
    optional: bool = False


class Prescription(Strict):
    """The default dose: exactly one of reps, a hold or a timed bout, per side when unilateral."""

    sets: int = Field(1, ge=1, le=LIMITS["rounds"])
    reps: int | None = Field(None, ge=1, le=LIMITS["reps"])
    reps_min: int | None = Field(None, ge=1, le=LIMITS["reps"])
    hold_seconds: int | None = Field(None, ge=1, le=LIMITS["seconds"])
    work_seconds: int | None = Field(None, ge=1, le=LIMITS["seconds"])

    @model_validator(mode="after")
    def _one_measure(self) -> Prescription:
        measures = [m for m in (self.reps, self.hold_seconds, self.work_seconds) if m is not None]
        if len(measures) != 1:
            raise ValueError("give exactly one of reps, hold_seconds or work_seconds")
        if self.reps_min is not None and (self.reps is None or self.reps_min > self.reps):
            raise ValueError("reps_min needs reps, and must not exceed it")
        return self


class Variation(Strict):
    """An easier or harder way to do the exercise: another exercise or a changed condition."""

    exercise: Slug | None = None
    surface: Surface | None = None
    eyes: Literal["closed"] | None = None
    footwear: Literal["barefoot"] | None = None
    note: Text

    @model_validator(mode="after")
    def _at_most_one_change(self) -> Variation:
        named = [k for k in ("exercise", "surface", "eyes", "footwear") if getattr(self, k) is not None]
        if len(named) > 1:
            raise ValueError(f"a variation changes one thing; got {', '.join(named)}")
        return self


class Rung(Strict):
    """One rung of a ladder: a condition to work under, as the log records it."""

    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=80)]
    surface: Surface | None = None
    eyes: Literal["open", "closed"] | None = None
    footwear: Literal["shoes", "barefoot"] | None = None
    load_kg: float | None = Field(None, ge=0, le=LIMITS_SESSION["load_kg"])


class Ladder(Strict):
    """An exercise's progression, as written in ``ladders/<slug>.toml``: the dose climbs, then the rung."""

    dose: Literal["reps", "seconds"]
    low: int = Field(ge=1, le=LIMITS["seconds"])
    high: int = Field(ge=1, le=LIMITS["seconds"])
    step: int = Field(ge=1, le=LIMITS["seconds"])
    rungs: list[Rung] = Field(min_length=1, max_length=8)

    @model_validator(mode="after")
    def _steps_reach_the_top(self) -> Ladder:
        if self.low >= self.high:
            raise ValueError("low must be below high")
        if (self.high - self.low) % self.step:
            raise ValueError(f"steps of {self.step} from {self.low} never reach {self.high}")
        labels = [rung.label.casefold() for rung in self.rungs]
        if len(set(labels)) != len(labels):
            raise ValueError("each rung needs its own label")
        return self


class ExerciseCard(Strict):
    """One exercise card, as written in ``exercises/<slug>.toml``."""

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=80)]
    summary: Text
    tags: list[Tag] = Field(min_length=1)
    muscles: list[Text] = Field(min_length=1)
    steps: list[Text] = Field(min_length=2, max_length=12)
    top_tip: Text
    faults: list[Text] = Field(min_length=1)
    equipment: list[Equipment] = []
    unilateral: bool
    prescription: Prescription
    easier: list[Variation] = []
    harder: list[Variation] = []
    sources: list[Slug] = Field(min_length=1)
    retired: bool = False  # still served, so what names it resolves; hidden from runners' lists


class RoutineItem(Strict):
    """One exercise in a routine, with its target; timed items may inherit the routine's work time."""

    exercise: Slug
    reps: int | None = Field(None, ge=1, le=LIMITS["reps"])
    reps_min: int | None = Field(None, ge=1, le=LIMITS["reps"])
    hold_seconds: int | None = Field(None, ge=1, le=LIMITS["seconds"])
    work_seconds: int | None = Field(None, ge=1, le=LIMITS["seconds"])
    note: Text | None = None

    @model_validator(mode="after")
    def _at_most_one_measure(self) -> RoutineItem:
        measures = [m for m in (self.reps, self.hold_seconds, self.work_seconds) if m is not None]
        if len(measures) > 1:
            raise ValueError("give at most one of reps, hold_seconds or work_seconds")
        if self.reps_min is not None and (self.reps is None or self.reps_min > self.reps):
            raise ValueError("reps_min needs reps, and must not exceed it")
        return self


class RoutineFile(Strict):
    """A ready-made routine, as written in ``routines/<slug>.toml``."""

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=LIMITS["name"])]
    summary: Text
    format: Literal["circuit", "sets"]
    rounds: int = Field(ge=1, le=LIMITS["rounds"])
    work_seconds: int | None = Field(None, ge=LIMITS["work_seconds_min"], le=LIMITS["seconds"])
    rest_seconds: int = Field(ge=0, le=LIMITS["seconds"])
    round_rest_seconds: int = Field(0, ge=0, le=LIMITS["seconds"])
    sessions_per_week: list[Annotated[int, Field(ge=1, le=7)]] = Field(default=[], max_length=2)
    tags: list[Tag] = Field(min_length=1)
    sources: list[Slug] = Field(min_length=1)
    items: list[RoutineItem] = Field(min_length=1, max_length=LIMITS["items"])
    retired: bool = False  # as on ExerciseCard

    @model_validator(mode="after")
    def _items_have_targets(self) -> RoutineFile:
        if self.work_seconds is None:
            for index, item in enumerate(self.items):
                if item.reps is None and item.hold_seconds is None and item.work_seconds is None:
                    raise ValueError(f"items.{index} has no target and the routine sets no work_seconds")
        return self


class ProgramDose(Strict):
    """A week's dose for one exercise of a session's routine, in the player's terms: reps or seconds."""

    reps: int | None = Field(None, ge=1, le=LIMITS["reps"])
    seconds: int | None = Field(None, ge=1, le=LIMITS["seconds"])

    @model_validator(mode="after")
    def _one_measure(self) -> ProgramDose:
        if (self.reps is None) == (self.seconds is None):
            raise ValueError("give exactly one of reps or seconds")
        return self


class ProgramSession(Strict):
    """One session of a program week: a ready-made routine, and optionally its doses that week."""

    routine: Slug
    doses: dict[Slug, ProgramDose] = {}


class ProgramWeek(Strict):
    """A week of a program: its sessions in order, at most one a day."""

    focus: Text | None = None
    sessions: list[ProgramSession] = Field(min_length=1, max_length=7)


class ProgramFile(Strict):
    """A multi-week program, as written in ``programs/<slug>.toml``."""

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=LIMITS["name"])]
    summary: Text
    tags: list[Tag] = Field(min_length=1)
    sources: list[Slug] = Field(min_length=1)
    weeks: list[ProgramWeek] = Field(min_length=1, max_length=26)
    retired: bool = False  # as on ExerciseCard


class CatalogInvalid(ProblemsFound):
    """The content cannot be loaded: every problem found, in files, clips or pose scripts."""


@dataclass
class Catalog:
    """A fully validated catalogue, ready to load."""

    version: str
    sources: dict[str, Source] = field(default_factory=dict)
    exercises: dict[str, ExerciseCard] = field(default_factory=dict)
    routines: dict[str, RoutineFile] = field(default_factory=dict)
    ladders: dict[str, Ladder] = field(default_factory=dict)
    programs: dict[str, ProgramFile] = field(default_factory=dict)


def read_catalog(root: Path) -> Catalog:
    """Read and validate every content file under ``root``; raise CatalogInvalid on any error."""
    errors: list[Problem] = []
    catalog = Catalog(version=content_version(root))

    sources_path = root / "sources.toml"
    for key, raw in _read_toml(sources_path, root, errors).items():
        parsed = _parse(Source, raw, sources_path, root, errors, prefix=key)
        if parsed:
            catalog.sources[key] = parsed

    for kind, model, target in (
        ("exercises", ExerciseCard, catalog.exercises),
        ("routines", RoutineFile, catalog.routines),
    ):
        paths = listed_files(root / kind, ".toml", errors)
        if not paths:
            errors.append(Problem(_rel(root / kind, root), "", f"no {kind} found"))
        for path in paths:
            if not SLUG_PATTERN.match(path.stem):
                errors.append(Problem(_rel(path, root), "", "file name must be a slug like 'side-plank'"))
                continue
            parsed = _parse(model, _read_toml(path, root, errors), path, root, errors)
            if parsed:
                target[path.stem] = parsed

    for path in listed_files(root / "ladders", ".toml", errors):
        parsed = _parse(Ladder, _read_toml(path, root, errors), path, root, errors)
        if parsed:
            catalog.ladders[path.stem] = parsed

    # Programs are optional: a catalogue may have none.
    for path in listed_files(root / "programs", ".toml", errors):
        if not SLUG_PATTERN.match(path.stem):
            errors.append(Problem(_rel(path, root), "", "file name must be a slug like 'side-plank'"))
            continue
        parsed = _parse(ProgramFile, _read_toml(path, root, errors), path, root, errors)
        if parsed:
            catalog.programs[path.stem] = parsed

    # A file that exists but failed validation is reported once, not again by everything naming it.
    present = {path.stem for path in listed_files(root / "exercises", ".toml", [])}
    errors.extend(_broken_references(catalog, present))
    errors.extend(_program_problems(catalog, {path.stem for path in listed_files(root / "routines", ".toml", [])}))
    errors.extend(_ladder_problems(catalog, present))
    errors.extend(_shared_names(catalog))
    if errors:
        raise CatalogInvalid(errors)
    return catalog


def content_version(root: Path) -> str:
    """Hash every file a load reads (names and bytes), so any edit gives a new version."""
    digest = hashlib.sha256()
    for path in content_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _broken_references(catalog: Catalog, present: set[str]) -> list[Problem]:
    """Every slug a card or routine names must have a file."""
    errors = []
    for slug, card in catalog.exercises.items():
        errors.extend(Problem(f"exercises/{slug}.toml", place, message)
                      for place, message in exercise_reference_problems(slug, card, present, catalog.sources))
    for slug, routine in catalog.routines.items():
        errors.extend(Problem(f"routines/{slug}.toml", place, message)
                      for place, message in routine_reference_problems(routine, present, catalog.sources))
    return errors


def exercise_reference_problems(slug: str, card: ExerciseCard, exercises: Container[str],
                                sources: Container[str]) -> list[tuple[str, str]]:
    """(field, message) for each exercise or source a card names that does not exist."""
    errors = []
    for direction in ("easier", "harder"):
        for index, variation in enumerate(getattr(card, direction)):
            if variation.exercise and variation.exercise not in exercises:
                errors.append((f"{direction}.{index}.exercise", f"no exercise '{variation.exercise}'"))
            if variation.exercise == slug:
                errors.append((f"{direction}.{index}.exercise", "an exercise cannot vary into itself"))
    return errors + _unknown_sources(card.sources, sources)


def routine_reference_problems(routine: RoutineFile, exercises: Container[str],
                               sources: Container[str]) -> list[tuple[str, str]]:
    """(field, message) for each exercise or source a routine names that does not exist."""
    errors = [(f"items.{index}.exercise", f"no exercise '{item.exercise}'")
              for index, item in enumerate(routine.items) if item.exercise not in exercises]
    return errors + _unknown_sources(routine.sources, sources)


def ladder_dose_problem(card: ExerciseCard, ladder: Ladder) -> str | None:
    """A ladder climbs the dose its card prescribes: the message if it does not."""
    prescribed = "reps" if card.prescription.reps is not None else "seconds"
    if ladder.dose != prescribed:
        return f"the card prescribes {prescribed}, so the ladder climbs {prescribed}"
    return None


def shared_name_problem(name: str, other: str) -> str:
    """The message for a name another exercise (``other``, as the reader finds it) already has."""
    return f"'{name}' is already the name of {other}"


def _ladder_problems(catalog: Catalog, present: set[str]) -> list[Problem]:
    """A ladder belongs to an exercise and climbs the dose its card prescribes."""
    errors = []
    for slug, ladder in catalog.ladders.items():
        where = f"ladders/{slug}.toml"
        card = catalog.exercises.get(slug)
        if slug not in present:
            errors.append(Problem(where, "", f"no exercise '{slug}' for this ladder"))
        elif card is not None and (message := ladder_dose_problem(card, ladder)):
            errors.append(Problem(where, "dose", message))
    return errors


def _program_problems(catalog: Catalog, present: set[str]) -> list[Problem]:
    """Every program's references, checked against the routine files (one that failed validation is reported once)."""
    routines = {slug: None for slug in present} | {
        slug: {item.exercise: item.reps is not None for item in routine.items} for slug, routine in catalog.routines.items()}
    return [Problem(f"programs/{slug}.toml", place, message) for slug, program in catalog.programs.items()
            for place, message in program_reference_problems(program, routines, catalog.sources)]


def program_reference_problems(program: ProgramFile, routines: Mapping[str, Mapping[str, bool] | None],
                               sources: Container[str]) -> list[tuple[str, str]]:
    """(field, message) for each routine or source a program names that does not exist, and each dose that does not fit.

    ``routines`` maps each routine slug to its exercises, each with whether it is counted in reps (None: the
    routine exists but cannot be read).
    A session's routine must exist; its doses name only that routine's exercises, in the kind each is counted.
    """
    errors = _unknown_sources(program.sources, sources)
    for w, week in enumerate(program.weeks):
        for s, session in enumerate(week.sessions):
            at = f"weeks.{w}.sessions.{s}"
            if session.routine not in routines:
                errors.append((f"{at}.routine", f"no routine '{session.routine}'"))
            counts = routines.get(session.routine)
            for exercise, dose in session.doses.items() if counts is not None else ():
                if exercise not in counts:
                    errors.append((f"{at}.doses.{exercise}", f"'{session.routine}' has no exercise '{exercise}'"))
                elif counts[exercise] != (dose.reps is not None):
                    counted = "reps" if counts[exercise] else "seconds"
                    errors.append((f"{at}.doses.{exercise}", f"the routine counts this exercise in {counted}"))
    return errors


def _shared_names(catalog: Catalog) -> list[Problem]:
    """Two exercises with one name would be indistinguishable in every list."""
    errors, first = [], {}
    for slug, card in catalog.exercises.items():
        other = first.setdefault(card.name.casefold(), slug)
        if other != slug:
            errors.append(Problem(f"exercises/{slug}.toml", "name", shared_name_problem(card.name, f"exercises/{other}.toml")))
    return errors


def _unknown_sources(keys: list[str], sources: Container[str]) -> list[tuple[str, str]]:
    return [(f"sources.{index}", f"no source '{key}' in sources.toml") for index, key in enumerate(keys)
            if key not in sources]


def _read_toml(path: Path, root: Path, errors: list[Problem]) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        errors.append(Problem(_rel(path, root), "", "file is missing"))
    except IsADirectoryError:
        errors.append(Problem(_rel(path, root), "", NOT_A_FILE))
    except OSError as error:
        errors.append(Problem(_rel(path, root), "", f"cannot be read ({error.strerror})"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        errors.append(Problem(_rel(path, root), "", f"not valid TOML: {error}"))
    except RecursionError:
        errors.append(Problem(_rel(path, root), "", "not valid TOML: nested too deeply"))
    return {}


def _parse(model, raw: dict, path: Path, root: Path, errors: list[Problem], prefix: str = ""):
    parsed, problems = validated(model, raw, prefix)
    errors.extend(Problem(_rel(path, root), place, message) for place, message in problems)
    return parsed


def validated(model, raw, prefix: str = ""):
    """``raw`` checked by ``model``: (the parsed value, []) or (None, [(dotted field, message)...]).

    The one place a content model's errors become messages, for files and JSON bodies alike.
    """
    try:
        return model.model_validate(raw), []
    except ValidationError as error:
        problems = []
        for problem in error.errors():
            location = ".".join(str(part) for part in ((prefix,) if prefix else ()) + problem["loc"])
            problems.append((location, problem["msg"].removeprefix("Value error, ")))
        return None, problems


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()
