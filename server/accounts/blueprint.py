"""The accounts blueprint and what its views share: the JSON body, and refusals as JSON errors."""

from flask import Blueprint, abort, jsonify, request

from server.accounts.service import AccountRefused

bp = Blueprint("accounts", __name__, url_prefix="/api")


def json_body() -> dict:
    """The request's JSON object, or a 400 saying one is needed."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400, description="Send a JSON object.")
    return body


@bp.errorhandler(AccountRefused)
def _refused(refused: AccountRefused):
    return jsonify({"error": {"status": refused.status, "message": refused.message}}), refused.status
