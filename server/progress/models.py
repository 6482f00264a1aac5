"""What the progress API keeps beside the synced log: a compact index of the sessions, and the streak walk so far.

Both are derived from the session records (server/progress/session_index.py writes the index in
the push's own transaction), so they are deleted with the account but not exported: the
sessions they come from are.
"""

import uuid

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from server.accounts.ownership import register_private
from server.extensions import db


def _ordered_text(length: int):
    # The rules compare dates and instants as text, code point by code point: so must the database,
    # and its indexes, whatever PostgreSQL's default collation (SQLite's is already binary).
    return String(length).with_variant(String(length, collation="C"), "postgresql")


def _user_key() -> Mapped[uuid.UUID]:
    return mapped_column(Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)


class SessionDay(db.Model):
    """How many live sessions the runner logged on one local date, and the log version that last changed that.

    A day whose sessions were all deleted keeps its row at 0: its version says a past week changed.
    """

    __tablename__ = "session_day"
    __table_args__ = (Index("ix_session_day_user_id_version", "user_id", "version"),)

    user_id: Mapped[uuid.UUID] = _user_key()
    local_date: Mapped[str] = mapped_column(_ordered_text(10), primary_key=True)
    sessions: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(BigInteger)


class SessionExercise(db.Model):
    """One exercise worked in one live session, with the session's local date and start (as written)."""

    __tablename__ = "session_exercise"
    __table_args__ = (
        # The latest sessions of an exercise (levels), and the sessions of a span of dates (asymmetry).
        Index("ix_session_exercise_user_id_exercise", "user_id", "exercise", "local_date", "started_at", "session_id"),
        Index("ix_session_exercise_user_id_local_date", "user_id", "local_date"),
    )

    user_id: Mapped[uuid.UUID] = _user_key()
    session_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    exercise: Mapped[str] = mapped_column(String(80), primary_key=True)
    local_date: Mapped[str] = mapped_column(_ordered_text(10))
    started_at: Mapped[str] = mapped_column(_ordered_text(40))


class StreakCarry(db.Model):
    """The streak rule's walk up to the start of a week (its carry), and the log version it was made at.

    A few per runner (server/progress/streaks.py): this week's, and two from a fixed grid of dates
    further back, so a session logged late re-walks weeks, not the whole log.
    """

    __tablename__ = "streak_carry"

    user_id: Mapped[uuid.UUID] = _user_key()
    week: Mapped[str] = mapped_column(_ordered_text(10), primary_key=True)
    carry: Mapped[dict] = mapped_column(JSON)  # read and written whole, never queried into
    version: Mapped[int] = mapped_column(BigInteger)


for _model in (SessionDay, SessionExercise, StreakCarry):
    register_private(_model)
