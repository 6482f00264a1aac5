"""The progress API (thin: parse, call the service, answer)."""

from flask import Blueprint, jsonify, request
from flask_login import current_user, login_required

from server.progress import service

bp = Blueprint("progress", __name__, url_prefix="/api")


@bp.errorhandler(service.BadQuery)
def _bad_query(error: service.BadQuery):
    return jsonify({"error": {"status": 400, "message": error.message, "field": error.field}}), 400


@bp.get("/progress")
@login_required
def progress():
    """Streaks, freezes, levels and asymmetry from the synced log, as of ``today`` (YYYY-MM-DD) or the latest session's date."""
    return jsonify(service.progress(current_user.id, service.read_today(request.args.getlist("today"))))
