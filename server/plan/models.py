"""The private calendar feed of a runner's week plan: one revocable link per account."""

import uuid
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from server.accounts.ownership import register_private
from server.extensions import db


class CalendarFeed(db.Model):
    """A subscribed calendar's secret: only its hash is kept, so the link itself is shown once."""

    __tablename__ = "calendar_feed"

    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


# A link to the plan, not training data: deleted with the account, never exported.
register_private(CalendarFeed)
