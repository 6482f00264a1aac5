"""What coaches did: one row per action, kept after the coach's account is gone."""

import uuid
from datetime import datetime

from sqlalchemy import JSON, DateTime, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from server.extensions import db


class CoachAction(db.Model):
    """Who did what to which item, and when.

    The coach is kept by id and email without a foreign key: the record of who changed the
    catalogue must outlive the account that changed it.
    """

    __tablename__ = "coach_actions"
    __table_args__ = (Index("ix_coach_actions_item", "kind", "slug", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    coach_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    coach_email: Mapped[str] = mapped_column(String(254))
    kind: Mapped[str] = mapped_column(String(20))  # exercise, routine, program, clip
    slug: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(20))  # create, edit, publish, revert, retire, upload…
    detail: Mapped[dict | None] = mapped_column(JSON)
