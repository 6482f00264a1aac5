"""The runner's progress from the synced log: the device's streak, progression and asymmetry rules.

A fixed number of queries whatever the log's size: the log's version counter, and when the log
has changed since this process last answered, the settings record, the streaks resumed from
their kept walk (server/progress/streaks.py) and the levels and asymmetry from the sessions
they need (server/progress/exercises.py), both found through the session index sync keeps.
"""

import copy
import re
import uuid
from collections import OrderedDict
from datetime import UTC, date, datetime
from threading import Lock
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Select, select

from server.extensions import db
# server.sync before what imports server.training.models: those models import server.sync, whose registry imports them.
from server.sync.models import DocumentText, SyncUser
from server.sync.service import DATE_LINE
from server.training.models import SESSION_DATES, SessionRecord, SettingsRecord
from server.progress.exercises import exercise_progress  # noqa: E402 (after server.sync, above)
from server.progress.streaks import current_streaks

DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
WEEKLY_KEYS = ("current", "longest", "target", "this_week")


def utc_now() -> datetime:
    """The server's clock (tests set it, to put midnight where they want it)."""
    return datetime.now(UTC)


class BadQuery(Exception):
    """A query parameter the progress API cannot read: which one, and what to send instead."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def read_today(values: list[str], now: datetime | None = None) -> date | None:
    """The ``today`` query values as one date (None when absent); BadQuery unless one real, reachable date."""
    if not values:
        return None
    if len(values) > 1:
        raise BadQuery("today", "Send today once.")
    # fullmatch and [0-9]: "2026-11-30\n" and non-ASCII digits are not dates in JavaScript either.
    try:
        today = date.fromisoformat(values[0]) if DATE.fullmatch(values[0]) else None
    except ValueError:
        today = None
    if today is None:
        raise BadQuery("today", "today must be a date written YYYY-MM-DD.")
    # The rule walks every day up to today: a far-future date would make one request run for minutes.
    if today > ((now or utc_now()) + DATE_LINE).date():
        raise BadQuery("today", "today can't be after today's date anywhere on Earth.")
    return today


def _sessions_query(user_id: uuid.UUID, with_start: bool) -> Select:
    """Each live session's (local_date,), or (local_date, started_at, time_zone) to find the default today.

    Only these fields leave the database, on SQLite straight from an index on them (migration 0006).
    Sync stores only sessions its rule accepts, so each has entries and these fields.
    """
    keys = SESSION_DATES if with_start else SESSION_DATES[:1]
    return select(*(DocumentText(SessionRecord.data, key) for key in keys)) \
        .where(SessionRecord.user_id == user_id, SessionRecord.deleted.is_(False))


def _sessions(user_id: uuid.UUID, with_start: bool) -> list[tuple]:
    # On the session's connection, as plain Core rows: the ORM's per-row loading costs more than the rule.
    return db.session.connection().execute(_sessions_query(user_id, with_start)).all()


def _settings(user_id: uuid.UUID) -> dict:
    """The runner's settings record (one per user, at its fixed id), or {} for the rule's defaults."""
    query = select(SettingsRecord.data).where(SettingsRecord.user_id == user_id, SettingsRecord.deleted.is_(False))
    data = db.session.scalar(query)
    return data if isinstance(data, dict) else {}


def _instant_order(started_at: str) -> str:
    # UTC instants written YYYY-MM-DDTHH:MM:SS[.fff]Z sort as text once the Z is gone ("…:00" < "…:00.5").
    return started_at.removesuffix("Z")


def _latest_zone(sessions: list[tuple]):
    latest = max(sessions, key=lambda row: (_instant_order(row[1]), row[0]), default=None)
    try:
        return ZoneInfo(latest[2]) if latest else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def default_today(sessions: list[tuple], now: datetime) -> date:
    """Today's date where the latest session was logged (UTC with no sessions, or a zone this server lacks)."""
    return now.astimezone(_latest_zone(sessions)).date()


def plan_inputs(user_id: uuid.UUID, now: datetime) -> tuple[dict, list[str], date]:
    """What the week plan needs: the settings, each live session's local date, and today where the runner is."""
    sessions = _sessions(user_id, with_start=True)
    return _settings(user_id), [row[0] for row in sessions], default_today(sessions, now)


def progress(user_id: uuid.UUID, today: date | None = None, now: datetime | None = None) -> dict:
    """The progress contract: weekly and daily streaks and freezes, levels and asymmetry.

    Worked out once per state of the runner's log: a screen loaded again with nothing synced in
    between reads one counter and answers from this process's memory.
    """
    version = _log_version(user_id)
    if today is None:
        zone = _remembered(("zone", user_id, version), lambda: _latest_zone(_sessions(user_id, with_start=True)))
        today = (now or utc_now()).astimezone(zone).date()
    return _remembered(("progress", user_id, version, today), lambda: _progress(user_id, today, version))


def _progress(user_id: uuid.UUID, today: date, version: int) -> dict:
    result = current_streaks(user_id, _settings(user_id), today, version)
    levels, asymmetry = exercise_progress(user_id, today)
    return {
        # The rule also says how this week and the pauses stand, for the screen; the contract keeps to these.
        "weekly": {key: result["weekly"][key] for key in WEEKLY_KEYS},
        "daily": result["daily"],
        "freezes": result["freezes"],
        "levels": levels,
        "asymmetry": asymmetry,
    }


def _log_version(user_id: uuid.UUID) -> int:
    # Every accepted change to any of the runner's records moves this counter (server/sync), in
    # whichever process wrote it, so an answer kept under it can never be stale.
    return db.session.scalar(select(SyncUser.version).where(SyncUser.user_id == user_id)) or 0


# Answers by (what, user, log version, …): bounded, per process, shared by its threads.
_REMEMBERED: OrderedDict[tuple, object] = OrderedDict()
_REMEMBERED_MOST = 2048
_REMEMBERED_LOCK = Lock()


def _remembered(key: tuple, work):
    with _REMEMBERED_LOCK:
        if key in _REMEMBERED:
            _REMEMBERED.move_to_end(key)
            return copy.deepcopy(_REMEMBERED[key])
    value = work()
    with _REMEMBERED_LOCK:
        _REMEMBERED[key] = value
        while len(_REMEMBERED) > _REMEMBERED_MOST:
            _REMEMBERED.popitem(last=False)
    return copy.deepcopy(value)


def forget_remembered() -> None:
    """Drop every remembered answer (benches time the first request after a change this way)."""
    with _REMEMBERED_LOCK:
        _REMEMBERED.clear()
