"""The /api/auth endpoints: thin, each parses the body, calls one service function, answers."""

from flask import jsonify
from flask_login import current_user, login_required
from flask_wtf.csrf import generate_csrf

from server.accounts import limits, reset, service
from server.accounts.blueprint import bp, json_body
from server.accounts.login import end_session, has_remember_cookie, start_session


def _signed_in(user, status: int):
    # The session is new, so the page needs a new CSRF token for its next request.
    return jsonify({**user.as_json(), "csrf_token": generate_csrf()}), status


@bp.get("/auth/csrf")
def csrf_token():
    """A fresh CSRF token for the next state-changing request."""
    response = jsonify({"csrf_token": generate_csrf()})
    response.cache_control.no_store = True
    return response


@bp.post("/auth/register")
@limits.per_address
@limits.registrations_per_account
def register():
    """Create an account and log in on this device."""
    body = json_body()
    user = service.register(body.get("email"), body.get("password"))
    start_session(user, remember=bool(body.get("remember")))
    return _signed_in(user, 201)


@bp.post("/auth/login")
@limits.per_address
@limits.failed_logins_per_account
def login():
    """Log in; one message for a wrong email or a wrong password."""
    body = json_body()
    user = service.authenticate(body.get("email"), body.get("password"))
    start_session(user, remember=bool(body.get("remember")))
    return _signed_in(user, 200)


@bp.post("/auth/logout")
def logout():
    """Log out on this device."""
    end_session()
    return "", 204


@bp.get("/auth/me")
@login_required
def me():
    """The logged-in account."""
    response = jsonify(current_user.as_json())
    response.cache_control.no_store = True
    return response


@bp.post("/auth/password")
@login_required
@limits.per_address
def change_password():
    """Change the password; every other device is signed out, this one stays in."""
    body = json_body()
    user = current_user._get_current_object()
    remember = has_remember_cookie()
    service.change_password(user, body.get("current_password"), body.get("password"))
    start_session(user, remember=remember)
    return _signed_in(user, 200)


@bp.post("/auth/reset")
@limits.per_address
@limits.resets_per_account
def request_reset():
    """Mail a reset link if the account exists; the answer is the same either way."""
    reset.request_reset(json_body().get("email"))
    return jsonify({"message": "If an account uses that email, a link to reset its password is on its way."}), 202


@bp.post("/auth/reset/<token>")
@limits.per_address
def complete_reset(token: str):
    """Set a new password from a mailed link; every device is signed out."""
    reset.complete_reset(token, json_body().get("password"))
    end_session()
    return jsonify({"message": "Your password is changed. Log in with the new one."}), 200
