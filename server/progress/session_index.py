"""The compact index of the runner's sessions the progress API reads instead of their JSON.

Per local date, how many live sessions and the log version that last changed the count; per
session, the exercises it worked with its local date and start. Written by sync in the same
transaction as the session records it mirrors (``sessions_written``), so it never disagrees with them.
"""

import uuid
from collections import Counter
from functools import cache

from sqlalchemy import Connection, bindparam, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from server.bare_sql import BareStatement
from server.extensions import db
from server.progress.models import SessionDay, SessionExercise

_DAYS, _EXERCISES = SessionDay.__table__, SessionExercise.__table__


@cache
def _write_statements(dialect: str) -> tuple:
    """Drop a batch's exercise rows (handing back their old dates), add the new ones, move the day counts."""
    insert = (postgresql if dialect == "postgresql" else sqlite).insert
    drop = delete(_EXERCISES).where(_EXERCISES.c.user_id == bindparam("uid"),
                                    _EXERCISES.c.session_id.in_(bindparam("ids", expanding=True))) \
        .returning(_EXERCISES.c.session_id, _EXERCISES.c.local_date)
    add_day = insert(_DAYS)
    add_day = add_day.on_conflict_do_update(
        index_elements=[_DAYS.c.user_id, _DAYS.c.local_date],
        set_={"sessions": _DAYS.c.sessions + add_day.excluded.sessions, "version": add_day.excluded.version})
    return BareStatement(drop), BareStatement(insert(_EXERCISES)), BareStatement(add_day)


def _exercises(data: dict) -> list[str]:
    entries = data.get("entries")
    return sorted({e["exercise"] for e in entries if isinstance(e, dict) and isinstance(e.get("exercise"), str)}) \
        if isinstance(entries, list) else []


def sessions_written(connection: Connection, user_id: uuid.UUID, rows: list[dict]) -> None:
    """Bring the index up to date with session records sync is writing ({id, version, deleted, data, created} each),
    on its connection.

    Sync stores only sessions its rule accepts, so a live one has a local date, a start and at
    least one exercise, and counts toward the streaks; a tombstone counts for nothing. A record
    ``created`` by this write has no index rows yet, so only older ones are looked up to be dropped.
    """
    if not rows:
        return
    drop, add_exercises, add_day = _write_statements(connection.dialect.name)
    older = [row["id"] for row in rows if not row["created"]]
    old = dict(drop.rows(connection, {"uid": user_id, "ids": older})) if older else {}
    change, versions, exercises = Counter(), {}, []
    version = max(row["version"] for row in rows)
    for day in old.values():
        change[day] -= 1
        versions[day] = version
    for row in rows:
        data = row["data"]
        if row["deleted"] or not isinstance(data, dict) or not (worked := _exercises(data)):
            continue
        day = data["local_date"]
        change[day] += 1
        versions[day] = version
        exercises.extend({"user_id": user_id, "session_id": row["id"], "exercise": slug, "local_date": day,
                          "started_at": data["started_at"]} for slug in worked)
    if exercises:
        add_exercises.execute(connection, exercises)
    days = [{"user_id": user_id, "local_date": day, "sessions": n, "version": versions[day]}
            for day, n in sorted(change.items()) if n]
    if days:
        add_day.execute(connection, days)


_DAY_COUNTS = select(_DAYS.c.local_date, _DAYS.c.sessions).where(
    _DAYS.c.user_id == bindparam("uid"), _DAYS.c.local_date >= bindparam("since"), _DAYS.c.sessions > 0) \
    .order_by(_DAYS.c.local_date)
_CHANGES = select(_DAYS.c.local_date, _DAYS.c.version).where(
    _DAYS.c.user_id == bindparam("uid"), _DAYS.c.version > bindparam("after"))


def day_counts(user_id: uuid.UUID, since: str = "") -> list[tuple[str, int]]:
    """(local date, live sessions) for each date from ``since`` on (every date when it is empty), in date order."""
    return db.session.connection().execute(_DAY_COUNTS, {"uid": user_id, "since": since}).all()


def changes_since(user_id: uuid.UUID, after: int) -> list[tuple[str, int]]:
    """(local date, log version) of each date whose session count a push changed after log version ``after``."""
    return db.session.connection().execute(_CHANGES, {"uid": user_id, "after": after}).all()


_LOGGED = select(_EXERCISES.c.exercise).where(_EXERCISES.c.user_id == bindparam("uid")).distinct()


def logged_exercises(user_id: uuid.UUID) -> list[str]:
    """Every exercise the runner's live sessions worked."""
    return list(db.session.connection().execute(_LOGGED, {"uid": user_id}).scalars())


def sessions_to_read(user_id: uuid.UUID, since_by_exercise: dict[str, str | None], first_day: str, last_day: str,
                     latest: int):
    """A query of the ids of the sessions dated ``first_day``..``last_day``, and each exercise's ``latest`` started after its ``since``.

    Ordered as the progression rule orders them (local date, then start), newest first, each
    exercise's walk stopping after ``latest`` rows of its index.
    """
    e = _EXERCISES.c
    parts = [select(e.session_id).where(e.user_id == user_id, e.local_date >= first_day, e.local_date <= last_day)]
    for n, (exercise, since) in enumerate(sorted(since_by_exercise.items())):
        query = select(e.session_id).where(e.user_id == user_id, e.exercise == exercise)
        if since is not None:
            query = query.where(e.started_at > since)
        query = query.order_by(e.local_date.desc(), e.started_at.desc()).limit(latest)
        parts.append(select(query.subquery(f"latest_{n}")))
    return parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
