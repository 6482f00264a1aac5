"""The week plan's calendar: its private link for the logged-in runner, and the feed a calendar app reads."""

from flask import Blueprint, Response, abort, jsonify
from flask_login import current_user, login_required

from server.plan import service

bp = Blueprint("plan", __name__)


@bp.get("/api/plan/calendar")
@login_required
def calendar_link():
    """Whether the runner has a calendar link, and since when (the link itself is only shown when made)."""
    created = service.feed_created(current_user.id)
    return jsonify({"active": created is not None, "created_at": created.isoformat() + "Z" if created else None})


@bp.post("/api/plan/calendar")
@login_required
def new_calendar_link():
    """Make a new private calendar link, revoking any earlier one."""
    return jsonify({"url": service.create_feed(current_user.id)}), 201


@bp.delete("/api/plan/calendar")
@login_required
def revoke_calendar_link():
    """Revoke the runner's calendar link."""
    service.revoke_feed(current_user.id)
    return "", 204


@bp.get("/calendar/<token>.ics")
def calendar_feed(token: str):
    """The plan as iCalendar for whoever holds the link; an unknown or revoked link is a 404."""
    calendar = service.feed_calendar(token)
    if calendar is None:
        abort(404)
    # A calendar app polls: always fresh, never kept by a shared cache (the link is a secret).
    return Response(calendar, mimetype="text/calendar", headers={"Cache-Control": "private, no-cache"})
