"""The coach blueprint: every endpoint under /api/coach is for coaches only."""

from flask import Blueprint, abort
from flask_login import current_user

bp = Blueprint("coach", __name__, url_prefix="/api/coach")


@bp.before_request
def _coaches_only():
    # One gate for the whole blueprint, so no coach endpoint can be added without it.
    if not current_user.is_authenticated:
        abort(401, description="Log in to do this.")
    if not current_user.is_coach:
        abort(403, description="Only coaches can use the studio. Ask the operator to make your account a coach.")
