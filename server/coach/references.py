"""What refers to an exercise, routine or program: anything listed here keeps it from being deleted (it is retired instead).

One source a line, so a new kind of content that names them is one more ``Source``.
"""

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Text, cast, exists, or_, select

from server.catalog.models import Exercise, Program, RoutineItem
from server.coach.models import CoachItem
from server.extensions import db


@dataclass(frozen=True)
class Source:
    """Something that can name an item: what the studio calls it, the kinds it names, and the check."""

    name: str
    kinds: tuple[str, ...]
    names: Callable[[str, str], bool]  # (kind, slug) -> whether any of it names the slug


def _naming(column, slug: str):
    """Whether a JSON document column holds the slug as a string anywhere.

    As text, the slug quoted: JSON text on SQLite and ``jsonb::text`` on PostgreSQL both write a string
    that way. A slug is [a-z0-9-], so it holds no LIKE wildcard. It may over-match (a note that is
    exactly the slug), which retires an item that could have been deleted: never the other way.
    """
    return cast(column, Text).like(f'%"{slug}"%')


def _records(entity: str) -> Callable[[str, str], bool]:
    """Any user's live synced records of one entity (tombstones have no data)."""
    def names(kind: str, slug: str) -> bool:
        # Imported on use: server.training's models load server.sync, which needs server.progress loaded first.
        from server.sync.registry import ENTITIES
        model = ENTITIES[entity].model
        return db.session.scalar(select(exists().where(_naming(model.data, slug))))
    return names


def _routines(kind: str, slug: str) -> bool:
    """Any served routine's items, or any coach routine's draft or published version."""
    served = select(RoutineItem.id).join(RoutineItem.exercise).where(Exercise.slug == slug)
    layer = select(CoachItem.id).where(CoachItem.kind == "routine",
                                       or_(_naming(CoachItem.draft, slug), _naming(CoachItem.published, slug)))
    return db.session.scalar(select(exists(served))) or db.session.scalar(select(exists(layer)))


def _variations(kind: str, slug: str) -> bool:
    """Any served exercise, or coach exercise draft, that gives it as an easier or harder variation."""
    served = select(Exercise.id).where(Exercise.slug != slug, _naming(Exercise.card, slug))
    layer = select(CoachItem.id).where(CoachItem.kind == "exercise", CoachItem.slug != slug,
                                       or_(_naming(CoachItem.draft, slug), _naming(CoachItem.published, slug)))
    return db.session.scalar(select(exists(served))) or db.session.scalar(select(exists(layer)))


def _programs(kind: str, slug: str) -> bool:
    """Any served program's weeks (each session names its routine, its doses name exercises), or any coach program's."""
    served = select(Program.id).where(_naming(Program.details, slug))
    layer = select(CoachItem.id).where(CoachItem.kind == "program",
                                       or_(_naming(CoachItem.draft, slug), _naming(CoachItem.published, slug)))
    return db.session.scalar(select(exists(served))) or db.session.scalar(select(exists(layer)))


SOURCES = [
    Source("a runner's session", ("exercise", "routine"), _records("session")),
    Source("a runner's own routine", ("exercise",), _records("routine")),
    Source("a runner's level", ("exercise",), _records("level")),
    Source("a routine", ("exercise",), _routines),
    Source("another exercise's variations", ("exercise",), _variations),
    Source("a program", ("exercise", "routine"), _programs),
    Source("a runner's enrolment", ("program",), _records("enrolment")),
]


def references_to(kind: str, slug: str) -> list[str]:
    """The names of the sources that refer to the item, in SOURCES order (empty: nothing does)."""
    return [source.name for source in SOURCES if kind in source.kinds and source.names(kind, slug)]
