"""What can sync: each entity's model, the rule that checks its data, and how its id is fixed."""

import uuid
from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy import Connection

from server.progress.rules.level import validate_level
from server.progress.session_index import sessions_written
from server.sync.protocol import deterministic_id
from server.training.models import EnrolmentRecord, LevelRecord, RoutineRecord, SessionRecord, SettingsRecord
from server.training.rules.enrolment import validate_enrolment
from server.training.rules.routine import validate_routine
from server.training.rules.session import validate_session
from server.training.rules.settings import validate_settings

@dataclass(frozen=True)
class Context:
    """What the rules need besides the record: the device's latest possible date and the catalogue's slugs."""

    today: str  # YYYY-MM-DD
    exercise_slugs: frozenset[str]
    namespace: uuid.UUID  # the user's id: the namespace of deterministic record ids
    program_slugs: frozenset[str] = frozenset()  # retired ones included: an enrolment made before still syncs


@dataclass(frozen=True)
class Entity:
    """One synced entity: its table, its rule, and (for once-per-user records) the id it must have."""

    name: str
    model: type
    validate: Callable[[dict, Context], list[dict]]
    expected_id: Callable[[dict, Context], uuid.UUID | None] = lambda data, context: None
    untracked: frozenset[str] = field(default_factory=frozenset)  # clock stamps: latest write wins, never a conflict
    needs_catalogue: bool = False  # its rule checks slugs against the catalogue's exercises or programs
    # Told of every record of the entity a push writes ({id, version, deleted, data, created: new to the table}),
    # on the push's connection.
    written: Callable[[Connection, uuid.UUID, list[dict]], None] | None = None


def _unknown_exercises(items, at: str, context: Context) -> list[dict]:
    # The shared rules check a slug's shape; only the server knows the catalogue it must be in.
    errors = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        slug = item.get("exercise") if isinstance(item, dict) else None
        if isinstance(slug, str) and slug not in context.exercise_slugs:
            errors.append({"field": f"{at}.{i}.exercise", "message": "This exercise is not in the catalogue."})
    return errors


def _session_errors(data: dict, context: Context) -> list[dict]:
    return validate_session(data, context.today) + _unknown_exercises(data.get("entries"), "entries", context)


def _routine_errors(data: dict, context: Context) -> list[dict]:
    return validate_routine(data) + _unknown_exercises(data.get("items"), "items", context)


def _level_errors(data: dict, context: Context) -> list[dict]:
    errors = validate_level(data)
    if not errors and data["exercise"] not in context.exercise_slugs:
        errors.append({"field": "exercise", "message": "This exercise is not in the catalogue."})
    return errors


def _enrolment_errors(data: dict, context: Context) -> list[dict]:
    errors = validate_enrolment(data)
    if not errors and data["program"] not in context.program_slugs:
        errors.append({"field": "program", "message": "This program is not in the catalogue."})
    return errors


def _level_id(data: dict, context: Context) -> uuid.UUID:
    return deterministic_id(context.namespace, f"level:{data.get('exercise')}")


def _enrolment_id(data: dict, context: Context) -> uuid.UUID:
    # One record per program: two devices enrolling in it offline write the same record.
    return deterministic_id(context.namespace, f"enrolment:{data.get('program')}")


ENTITIES: dict[str, Entity] = {
    entity.name: entity
    for entity in (
        Entity("session", SessionRecord, _session_errors, untracked=frozenset({"updated_at"}), needs_catalogue=True,
               written=sessions_written),
        Entity("routine", RoutineRecord, _routine_errors, untracked=frozenset({"updated_at"}), needs_catalogue=True),
        Entity("settings", SettingsRecord, lambda data, context: validate_settings(data),
               expected_id=lambda data, context: deterministic_id(context.namespace, "settings"),
               untracked=frozenset({"updated_at"})),
        Entity("level", LevelRecord, _level_errors, expected_id=_level_id,
               untracked=frozenset({"updated_at"}), needs_catalogue=True),
        Entity("enrolment", EnrolmentRecord, _enrolment_errors, expected_id=_enrolment_id,
               untracked=frozenset({"updated_at"}), needs_catalogue=True),
    )
}


def entity_named(name: str) -> Entity | None:
    """The entity a mutation names, or None if there is no such entity."""
    return ENTITIES.get(name)
