"""The coach layer: items coaches edit over the built-in catalogue, and one row per action they took."""

import uuid
from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Index, String, UniqueConstraint, Uuid, false
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


class CoachItem(db.Model):
    """An exercise or routine in the coach layer over the built-in catalogue.

    ``draft`` is the body a coach saved (what runners do not see yet); ``published`` is the served
    shape (without ``video``) runners get; ``video`` is the coach's own clip. A row outlives every
    ``catalog load``: the content files never overwrite it.
    """

    __tablename__ = "coach_items"
    __table_args__ = (UniqueConstraint("kind", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # exercise, routine
    slug: Mapped[str] = mapped_column(String(80))
    draft: Mapped[dict | None] = mapped_column(JSON)
    published: Mapped[dict | None] = mapped_column(JSON)
    video: Mapped[dict | None] = mapped_column(JSON)
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
