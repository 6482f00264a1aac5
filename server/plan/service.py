"""The week plan on the server: the calendar feed's link (create, replace, revoke) and its content."""

import hashlib
import secrets
import uuid
from datetime import UTC, date, datetime, timedelta

from flask import current_app
from sqlalchemy import delete, select

from server.extensions import db
from server.plan.models import CalendarFeed
from server.progress.rules.week_calendar import week_calendar
from server.progress.rules.week_plan import week_plan
from server.progress.service import plan_inputs


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_url(token: str) -> str:
    """The address a calendar app subscribes to, on the public origin."""
    return f"{current_app.config['ORIGIN']}/calendar/{token}.ics"


def create_feed(user_id: uuid.UUID) -> str:
    """A new secret calendar link for this user, replacing (and so revoking) any earlier one."""
    token = secrets.token_urlsafe(32)
    db.session.execute(delete(CalendarFeed).where(CalendarFeed.user_id == user_id))
    db.session.add(CalendarFeed(user_id=user_id, token_hash=_hash(token), created_at=datetime.now(UTC).replace(tzinfo=None)))
    db.session.commit()
    return feed_url(token)


def revoke_feed(user_id: uuid.UUID) -> None:
    """Stop the user's calendar link from working; a calendar subscribed to it gets a 404 from now on."""
    db.session.execute(delete(CalendarFeed).where(CalendarFeed.user_id == user_id))
    db.session.commit()


def feed_created(user_id: uuid.UUID) -> datetime | None:
    """When the user's current calendar link was made, or None without one."""
    return db.session.scalar(select(CalendarFeed.created_at).where(CalendarFeed.user_id == user_id))


def feed_calendar(token: str, now: datetime | None = None) -> str | None:
    """The calendar behind a link: this week's plan from today and next week's, or None for an unknown link."""
    user_id = db.session.scalar(select(CalendarFeed.user_id).where(CalendarFeed.token_hash == _hash(token)))
    if user_id is None:
        return None
    now = now or datetime.now(UTC)
    settings, local_dates, today = plan_inputs(user_id, now)
    sessions = [{"local_date": day} for day in local_dates]
    this_week = week_plan(settings, sessions, today.isoformat())
    next_start = date.fromisoformat(this_week["week_start"]) + timedelta(days=7)
    next_week = week_plan(settings, [], next_start.isoformat())
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return week_calendar([this_week, next_week], current_app.config["ORIGIN"], stamp)
