"""The record of coach actions: written beside each change, read back as an item's history."""

from sqlalchemy import select

from server.accounts.models import User, as_utc, utc_now
from server.coach.models import CoachAction
from server.extensions import db


def record_action(coach: User, kind: str, slug: str, action: str, detail: dict | None = None) -> CoachAction:
    """Add one action to the caller's transaction: the caller's commit keeps the change and its record together."""
    row = CoachAction(at=utc_now(), coach_id=coach.id, coach_email=coach.email, kind=kind, slug=slug,
                      action=action, detail=detail)
    db.session.add(row)
    return row


def history_of(kind: str, slug: str) -> list[dict]:
    """An item's actions, newest first."""
    rows = db.session.scalars(select(CoachAction).where(CoachAction.kind == kind, CoachAction.slug == slug)
                              .order_by(CoachAction.id.desc()))
    return [action_json(row) for row in rows]


def recent_actions(limit: int = 50) -> list[dict]:
    """The latest actions across the studio, newest first."""
    rows = db.session.scalars(select(CoachAction).order_by(CoachAction.id.desc()).limit(limit))
    return [action_json(row) for row in rows]


def action_json(row: CoachAction) -> dict:
    """One action as the studio shows it."""
    return {"at": as_utc(row.at).isoformat(timespec="seconds"), "by": row.coach_email, "kind": row.kind,
            "slug": row.slug, "action": row.action, "detail": row.detail}
