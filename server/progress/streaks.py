"""The runner's streaks from the session index, resumed from the walk kept at the start of the last week.

The first load after a push reads one week of day counts, not years of sessions: the streak
rule's carry (its walk up to a week start) is kept with the log version it was made at, and used
while no session dated before its week has been written, moved or deleted since and the
settings it was made under still hold. Otherwise the rule walks from nothing, the same rule
either way (``streaks_carried`` from None is ``streaks``), and the new carry is kept.
"""

import uuid
from datetime import date
from functools import cache

from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite

from server.extensions import db
from server.progress import session_index
from server.progress.models import StreakCarry
from server.progress.rules.streaks import streaks_carried

_CARRIES = StreakCarry.__table__
_CARRY = select(_CARRIES.c.carry, _CARRIES.c.version).where(_CARRIES.c.user_id == bindparam("uid"))


@cache
def _keep_statement(dialect: str):
    insert = (postgresql if dialect == "postgresql" else sqlite).insert(_CARRIES)
    return insert.on_conflict_do_update(index_elements=[_CARRIES.c.user_id],
                                        set_={"carry": insert.excluded.carry, "version": insert.excluded.version})


def _sessions(days: list[tuple[str, int]]) -> list[dict]:
    # The rule counts sessions, and reads nothing of them but their date.
    return [{"local_date": day} for day, count in days for _ in range(count)]


def current_streaks(user_id: uuid.UUID, settings: dict, today: date, version: int) -> dict:
    """The streak rule's answer over the runner's live sessions as of ``today``; ``version`` is the log's, read first."""
    kept = db.session.connection().execute(_CARRY, {"uid": user_id}).first()
    carry = kept.carry if kept and not session_index.changed_before(user_id, kept.carry["week"], kept.version) \
        else None
    answer = None
    if carry is not None:
        answer = streaks_carried(carry, _sessions(session_index.day_counts(user_id, carry["week"])), settings,
                                 today.isoformat())
    if answer is None or answer["streaks"] is None:  # no carry, or one made under other settings
        answer = streaks_carried(None, _sessions(session_index.day_counts(user_id)), settings, today.isoformat())
    if kept is None or answer["carry"] != kept.carry:
        _keep(user_id, answer["carry"], version, kept)
    return answer["streaks"]


def _keep(user_id: uuid.UUID, carry: dict, version: int, kept) -> None:
    """Keep the newer carry, tagged with the log version read before anything it was made from.

    A push landing meanwhile has a later version, so a session it wrote before the carry's week
    sets it aside next time: the tag can only be too old, never too new.
    """
    if kept is not None and carry["week"] < kept.carry["week"] and kept.carry["settings"] == carry["settings"] \
            and not session_index.changed_before(user_id, kept.carry["week"], kept.version):
        return  # a load for an earlier day keeps the later carry others resume from
    try:
        db.session.execute(_keep_statement(db.engine.dialect.name), {"user_id": user_id, "carry": carry,
                                                                     "version": version})
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
