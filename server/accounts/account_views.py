"""The /api/account endpoints: delete the account, export its data."""

from flask import Response, abort, jsonify, request
from flask_login import current_user, login_required

from server.accounts import export, limits, service
from server.accounts.blueprint import bp, json_body
from server.accounts.login import end_session


@bp.delete("/account")
@login_required
@limits.per_address
def delete_account():
    """Delete the account and every row of its data, after checking the password."""
    service.delete_account(current_user, json_body().get("password"))
    end_session()
    return "", 204


@bp.get("/account/export")
@login_required
def export_account():
    """Everything stored for the account, as JSON or as CSV (one row per set and side)."""
    kind = request.args.get("format", "json")
    if kind == "json":
        response = jsonify(export.account_json(current_user))
    elif kind == "csv":
        response = Response(export.account_csv(current_user), mimetype="text/csv")
    else:
        abort(400, description="Choose format=json or format=csv.")
    response.headers["Content-Disposition"] = f'attachment; filename="steady-export.{kind}"'
    response.cache_control.no_store = True
    return response
