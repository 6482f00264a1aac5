"""The runner's streaks from the session index, resumed from a kept walk instead of walking years of log.

The streak rule hands back its carry (its walk up to a week start). A few are kept per runner,
each with the log version it was made at: this week's, and the two latest from a fixed grid
of dates every 8 weeks. A load resumes from the latest one that still holds: no session dated
before its week written, moved or deleted since it was made, and made under the settings in
force (the rule refuses one that is not). So a push of today's session reads this week's day
counts; a session logged late, a few weeks of them; an old edit or a settings change, the
whole log once. The same rule either way (``streaks_carried`` from None is ``streaks``).
"""

import uuid
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import cache

from sqlalchemy import bindparam, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from server.extensions import db
from server.progress import session_index
from server.progress.models import StreakCarry
from server.progress.rules.streaks import streaks_carried

GRID_DAYS = 56  # a carry is made at every 56th day number (8 weeks) the walk passes
KEPT = 3  # the latest (this week's) and the two latest from the grid

_CARRIES = StreakCarry.__table__
_KEPT = select(_CARRIES.c.week, _CARRIES.c.carry, _CARRIES.c.version).where(_CARRIES.c.user_id == bindparam("uid"))
_DROP = delete(_CARRIES).where(_CARRIES.c.user_id == bindparam("uid"),
                               _CARRIES.c.week.not_in(bindparam("weeks", expanding=True)))


@cache
def _keep_statement(dialect: str):
    insert = (postgresql if dialect == "postgresql" else sqlite).insert(_CARRIES)
    return insert.on_conflict_do_update(index_elements=[_CARRIES.c.user_id, _CARRIES.c.week],
                                        set_={"carry": insert.excluded.carry, "version": insert.excluded.version})


class _Log:
    """The runner's day counts from one date on, as sessions the rule reads (it reads nothing but their date)."""

    def __init__(self, days: list[tuple[str, int]]):
        self.dates = [day for day, _ in days]
        self.sessions = [{"local_date": day} for day, count in days for _ in range(count)]
        self.starts, total = [], 0  # where each date's sessions begin in self.sessions
        for _, count in days:
            self.starts.append(total)
            total += count

    def between(self, first: str, last: str) -> list[dict]:
        """The sessions dated ``first``..``last``."""
        low, high = bisect_left(self.dates, first), bisect_right(self.dates, last)
        start = self.starts[low] if low < len(self.starts) else len(self.sessions)
        return self.sessions[start:self.starts[high] if high < len(self.starts) else len(self.sessions)]


def _on_grid(week: str) -> bool:
    """Whether a carry's week is that of one of the grid's dates (a grid date falls in its 7 days)."""
    day = date.fromisoformat(week).toordinal()
    return (day + 6) // GRID_DAYS * GRID_DAYS >= day


def _grid_dates(after: str | None, today: date) -> list[str]:
    """The grid's dates a walk from the week ``after`` (or the log's start) passes before this week."""
    last = today.toordinal() - 7  # its carry's week is over before this week begins
    first = date.fromisoformat(after).toordinal() + 7 if after else last - last % GRID_DAYS
    if not after:  # from nothing: the grid dates a late session or an old edit would resume from
        return [date.fromordinal(first - GRID_DAYS).isoformat(), date.fromordinal(first).isoformat()]
    return [date.fromordinal(day).isoformat() for day in range(first + (-first) % GRID_DAYS, last + 1, GRID_DAYS)]


def _walk(user_id: uuid.UUID, carry: dict | None, settings: dict, today: date) -> tuple[dict, list[dict]] | None:
    """The streaks from ``carry`` (or nothing), and the carries made on the way; None when the carry does not fit."""
    log = _Log(session_index.day_counts(user_id, carry["week"] if carry else ""))
    made = []
    for grid_date in _grid_dates(carry and carry["week"], today):
        answer = streaks_carried(carry, log.between(carry["week"] if carry else "", grid_date), settings, grid_date)
        if answer["streaks"] is None:
            return None
        carry = answer["carry"]
        made.append(carry)
    answer = streaks_carried(carry, log.between(carry["week"] if carry else "", today.isoformat()), settings,
                             today.isoformat())
    return None if answer["streaks"] is None else (answer["streaks"], [*made, answer["carry"]])


def current_streaks(user_id: uuid.UUID, settings: dict, today: date, version: int) -> dict:
    """The streak rule's answer over the runner's live sessions as of ``today``; ``version`` is the log's, read first."""
    kept = {row.week: row for row in db.session.connection().execute(_KEPT, {"uid": user_id})}
    changes = session_index.changes_since(user_id, min(row.version for row in kept.values())) if kept else []
    holding = {week: row for week, row in kept.items()
               if not any(changed > row.version and day < week for day, changed in changes)}
    walked = None
    for week in sorted(holding, reverse=True):
        if week > today.isoformat():
            continue  # a load for an earlier day: kept for the loads of today
        # Asked first with no sessions, which costs no query: a carry made under other settings does not fit.
        if streaks_carried(holding[week].carry, [], settings, today.isoformat())["streaks"] is not None:
            walked = _walk(user_id, holding[week].carry, settings, today)
        if walked is not None:
            break
        del holding[week]
    if walked is None:
        walked = _walk(user_id, None, settings, today)
    result, made = walked
    _keep(user_id, kept, holding, made, version)
    return result


def _keep(user_id: uuid.UUID, kept: dict, holding: dict, made: list[dict], version: int) -> None:
    """Keep the latest carries, the new ones tagged with the log version read before anything they were made from.

    A push landing meanwhile has a later version, so a session it wrote before a carry's week
    sets that carry aside next time: a tag can only be too old, never too new.
    """
    carries = {week: (row.carry, row.version) for week, row in holding.items()}
    for carry in made:
        if carry["week"] not in carries or carries[carry["week"]][0] != carry:
            carries[carry["week"]] = (carry, version)
    newest_first = sorted(carries, reverse=True)
    weeks = {*newest_first[:1], *[week for week in newest_first if _on_grid(week)][:KEPT - 1]}
    keep = {week: carries[week] for week in weeks}
    new = [{"user_id": user_id, "week": week, "carry": carry, "version": tag} for week, (carry, tag) in keep.items()
           if week not in kept or (kept[week].carry, kept[week].version) != (carry, tag)]
    if not new and set(keep) == set(kept):
        return
    try:
        if new:
            db.session.execute(_keep_statement(db.engine.dialect.name), new)
        if set(kept) - set(keep):
            db.session.execute(_DROP, {"uid": user_id, "weeks": list(keep)})
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
