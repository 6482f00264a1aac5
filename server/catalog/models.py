"""Catalogue tables: sources, exercises, routines and their items, programs, and the loaded version."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.extensions import db


class Source(db.Model):
    """An article the catalogue was written from."""

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    author: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)


class Exercise(db.Model):
    """An exercise card as served (built-in content or the coach layer over it); list-shaped fields are JSON.

    A retired exercise stays served, so every session that names it still resolves.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    summary: Mapped[str] = mapped_column(Text)
    unilateral: Mapped[bool]
    position: Mapped[int]
    card: Mapped[dict] = mapped_column(JSON)
    video: Mapped[dict | None] = mapped_column(JSON)
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())
    # What the content files last said (the served shape), kept so a coach's revert needs no content folder.
    built_in: Mapped[dict | None] = mapped_column(JSON)
    # The content retires it: its file is gone (a load never deletes a row), or it says ``retired = true``.
    built_in_retired: Mapped[bool] = mapped_column(default=False, server_default=false())


class Routine(db.Model):
    """A ready-made routine: its format, timings and ordered items."""

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    summary: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(20))
    rounds: Mapped[int]
    work_seconds: Mapped[int | None]
    rest_seconds: Mapped[int]
    round_rest_seconds: Mapped[int]
    position: Mapped[int]
    details: Mapped[dict] = mapped_column(JSON)
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())
    built_in: Mapped[dict | None] = mapped_column(JSON)  # as on Exercise
    built_in_retired: Mapped[bool] = mapped_column(default=False, server_default=false())
    items: Mapped[list["RoutineItem"]] = relationship(
        order_by="RoutineItem.position", cascade="all, delete-orphan", lazy="selectin"
    )


class RoutineItem(db.Model):
    """One exercise in a routine with its target."""

    __table_args__ = (UniqueConstraint("routine_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    routine_id: Mapped[int] = mapped_column(ForeignKey("routine.id", ondelete="CASCADE"))
    position: Mapped[int]
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercise.id"))
    reps: Mapped[int | None]
    reps_min: Mapped[int | None]
    hold_seconds: Mapped[int | None]
    work_seconds: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(Text)
    exercise: Mapped[Exercise] = relationship(lazy="joined")


class CatalogState(db.Model):
    """The single row recording which catalogue version is served: the loaded content's, and the coach layer's over it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[str] = mapped_column(String(64))
    built_in_version: Mapped[str | None] = mapped_column(String(64))  # the content files' alone
    loaded_at: Mapped[datetime]


class Program(db.Model):
    """A multi-week program as served: its weeks of sessions (a routine and that week's doses) as JSON.

    Like a routine, built-in content or the coach layer over it; a retired one stays served, so an enrolment resolves.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    summary: Mapped[str] = mapped_column(Text)
    position: Mapped[int]
    details: Mapped[dict] = mapped_column(JSON)  # tags, sources, weeks
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())
    built_in: Mapped[dict | None] = mapped_column(JSON)  # as on Exercise
    built_in_retired: Mapped[bool] = mapped_column(default=False, server_default=false())
