"""Levels and left/right asymmetry from the synced log: the device's progression and asymmetry rules.

Levels cover every exercise with a ladder that the runner has a level record for or has logged
at all; asymmetry every unilateral one worked on both sides in the last 4 weeks. Bounded
whatever the log's size: the rules read only the sessions of those 4 weeks and each
exercise's latest 2 after its level's ``since``, found through the session index.
"""

import uuid
from datetime import date, timedelta

from sqlalchemy import bindparam, select

from server.catalog.service import catalog_payload
from server.extensions import db
from server.progress import session_index
from server.progress.rules.asymmetry import DEFAULT_WEEKS, asymmetry
from server.progress.rules.progression import SESSIONS_NEEDED, progression
from server.training.models import LevelRecord, SessionRecord

_LEVELS = select(LevelRecord.data).where(LevelRecord.user_id == bindparam("uid"), LevelRecord.deleted.is_(False))
ASYMMETRY_KEYS = ("left", "right", "deficit_pct")


def _levels(user_id: uuid.UUID) -> dict[str, dict]:
    rows = db.session.connection().execute(_LEVELS, {"uid": user_id}).scalars()
    return {data["exercise"]: data for data in rows if isinstance(data, dict)}


def _dose(exercise: dict) -> str:
    # What the card prescribes is what the log records for it (the content loader holds ladders to it too).
    return "reps" if exercise.get("prescription", {}).get("reps") is not None else "seconds"


def _sessions(user_id: uuid.UUID, ids) -> list[dict]:
    # By key alone: the index holds live sessions only (a tombstone's data is None besides), and a
    # condition on ``deleted`` would lead SQLite to its index of every session's dates instead.
    query = select(SessionRecord.data).where(SessionRecord.user_id == user_id, SessionRecord.id.in_(ids))
    return [data for data in db.session.connection().execute(query).scalars() if isinstance(data, dict)]


def exercise_progress(user_id: uuid.UUID, today: date) -> tuple[dict, dict]:
    """The contract's ``levels`` ({slug: the progression rule's answer}) and ``asymmetry`` ({slug: left, right, deficit_pct})."""
    catalogue = {e["slug"]: e for e in catalog_payload()["exercises"]}
    levels = _levels(user_id)
    laddered = {slug for slug in set(levels) | set(session_index.logged_exercises(user_id))
                if slug in catalogue and catalogue[slug].get("ladder")}
    since = {slug: levels.get(slug, {}).get("since") for slug in laddered}
    first_day = today - timedelta(days=7 * DEFAULT_WEEKS - 1)
    ids = session_index.sessions_to_read(user_id, since, first_day.isoformat(), today.isoformat(), SESSIONS_NEEDED)
    sessions = _sessions(user_id, ids)
    answers = {slug: progression(catalogue[slug]["ladder"], levels.get(slug), sessions, catalogue[slug]["unilateral"])
               for slug in sorted(laddered)}
    doses = {slug: _dose(e) for slug, e in catalogue.items() if e["unilateral"]}
    sides = asymmetry(sessions, doses, today.isoformat())
    return answers, {slug: {key: figures[key] for key in ASYMMETRY_KEYS} for slug, figures in sides.items()}
