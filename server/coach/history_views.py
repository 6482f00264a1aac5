"""What coaches did, for the studio's activity list."""

from flask import jsonify

from server.coach.blueprint import bp
from server.coach.history import recent_actions


@bp.get("/actions")
def actions():
    """The studio's latest actions, newest first."""
    return jsonify({"actions": recent_actions()})
