"""A coach's exercise, routine or program body, checked by the loader's own content models (one set of rules).

The body is the shape ``/api/catalog`` serves, without ``video``; what only the server computes
(``retired``, a ladder's ``exercise`` and ``start``) is ignored on input.
"""

from dataclasses import dataclass

from server.catalog.content import (SLUG_PATTERN, ExerciseCard, Ladder, ProgramFile, RoutineFile, ladder_dose_problem,
                                    validated)
from server.training.rules.limits import ROUTINE as LIMITS

COMPUTED = ("retired",)
LADDER_COMPUTED = ("exercise", "start")


class BodyInvalid(Exception):
    """The first problem in a body: the dotted field it is at and the loader's message."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


@dataclass(frozen=True)
class ExerciseBody:
    """A checked exercise body."""

    slug: str
    card: ExerciseCard
    ladder: Ladder | None


@dataclass(frozen=True)
class RoutineBody:
    """A checked routine body."""

    slug: str
    routine: RoutineFile


@dataclass(frozen=True)
class ProgramBody:
    """A checked program body."""

    slug: str
    program: ProgramFile


def exercise_body(body, slug: str | None = None) -> ExerciseBody:
    """Check an exercise body (for ``slug`` when the address names one); raise BodyInvalid at its first problem."""
    fields = _fields(body, slug)
    if "video" in fields:
        raise BodyInvalid("video", "Clips are uploaded, not edited.")
    ladder = fields.pop("ladder", None)
    card = _checked(ExerciseCard, fields)
    if ladder is None:
        return ExerciseBody(fields["slug"], card, None)
    if isinstance(ladder, dict):
        ladder = {key: value for key, value in ladder.items() if key not in LADDER_COMPUTED}
    checked = _checked(Ladder, ladder, "ladder")
    if message := ladder_dose_problem(card, checked):
        raise BodyInvalid("ladder.dose", message)
    return ExerciseBody(fields["slug"], card, checked)


def routine_body(body, slug: str | None = None) -> RoutineBody:
    """Check a routine body (for ``slug`` when the address names one); raise BodyInvalid at its first problem."""
    fields = _fields(body, slug)
    return RoutineBody(fields["slug"], _checked(RoutineFile, fields))


def program_body(body, slug: str | None = None) -> ProgramBody:
    """Check a program body (for ``slug`` when the address names one); raise BodyInvalid at its first problem."""
    fields = _fields(body, slug)
    return ProgramBody(fields["slug"], _checked(ProgramFile, fields))


def _fields(body, slug: str | None) -> dict:
    """The body's fields with the slug checked and the computed ones dropped; ``slug`` stays under its key."""
    if not isinstance(body, dict):
        raise BodyInvalid("", "Send a JSON object.")
    given = body.get("slug", slug)
    if given is None:
        raise BodyInvalid("slug", "Field required")
    if not isinstance(given, str) or len(given) > LIMITS["name"] or not SLUG_PATTERN.match(given):
        raise BodyInvalid("slug", "must be a slug like 'side-plank'")
    if slug is not None and given != slug:
        raise BodyInvalid("slug", f"must be '{slug}', the slug in the address")
    fields = {key: value for key, value in body.items() if key not in COMPUTED}
    fields["slug"] = given
    return fields


def _checked(model, raw, prefix: str = ""):
    """``raw`` (a dict, its ``slug`` left out) parsed by ``model``; BodyInvalid at the first problem."""
    if isinstance(raw, dict):
        raw = {key: value for key, value in raw.items() if key != "slug"}
    parsed, problems = validated(model, raw, prefix)
    if problems:
        raise BodyInvalid(*problems[0])
    return parsed
