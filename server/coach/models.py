"""The coach layer: items coaches edit over the built-in catalogue, one row per action they took, and clip upload jobs."""

import uuid
from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Float, Index, Integer, String, Text, UniqueConstraint, Uuid, false
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
    """An exercise, routine or program in the coach layer over the built-in catalogue.

    ``draft`` is the body a coach saved (what runners do not see yet); ``published`` is the served
    shape (without ``video``) runners get; ``video`` is the coach's own clip. A row outlives every
    ``catalog load``: the content files never overwrite it.
    """

    __tablename__ = "coach_items"
    __table_args__ = (UniqueConstraint("kind", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # exercise, routine, program
    slug: Mapped[str] = mapped_column(String(80))
    draft: Mapped[dict | None] = mapped_column(JSON)
    published: Mapped[dict | None] = mapped_column(JSON)
    video: Mapped[dict | None] = mapped_column(JSON)
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ClipJob(db.Model):
    """One uploaded clip on its way to the catalogue: queued, running, done or failed.

    Kept in the database so that any app server can report it, and so that a job whose
    runner died (its heartbeat went quiet) is found and retried or failed by another.
    """

    __tablename__ = "clip_jobs"
    __table_args__ = (Index("ix_clip_jobs_slug", "slug", "created_at"), Index("ix_clip_jobs_state", "state", "created_at"))

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    slug: Mapped[str] = mapped_column(String(80))
    coach_id: Mapped[uuid.UUID] = mapped_column(Uuid)  # no foreign key: like CoachAction, it outlives the account
    coach_email: Mapped[str] = mapped_column(String(254))
    state: Mapped[str] = mapped_column(String(10))  # queued, running, done, failed
    progress: Mapped[float | None] = mapped_column(Float)
    error: Mapped[str | None] = mapped_column(Text)  # for the coach to read
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    duration_s: Mapped[float] = mapped_column(Float)  # of the upload, for progress
    video: Mapped[dict | None] = mapped_column(JSON)  # the clip it made, once done
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # while running
    worker: Mapped[str | None] = mapped_column(String(120))  # host:pid of the runner that claimed it
