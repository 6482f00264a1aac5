"""Flask-Login wiring: who the cookie says you are, and what a missing login gets (a 401, never a redirect)."""

import uuid

from flask import abort, current_app, request, session
from flask_login import login_user, logout_user
from sqlalchemy import Connection, bindparam, select

from server.accounts.models import User
from server.bare_sql import BareStatement
from server.extensions import db, login_manager

# Every logged-in request runs it: built once, it skips the query building and cache key
# that Session.get pays each time (the request's session is new, so its identity map is empty).
_USER_BY_ID = select(User).where(User.id == bindparam("id"))
_EPOCH_BY_ID = BareStatement(select(User.__table__.c.auth_epoch).where(User.__table__.c.id == bindparam("id")))


def stored_epoch(user_id_param: str):
    """The user's stored login epoch as a scalar subquery on the bound parameter named ``user_id_param``, for a
    service to read in its first statement (with ``epoch_is_current``) instead of a statement of its own."""
    return select(User.__table__.c.auth_epoch).where(User.__table__.c.id == bindparam(user_id_param)).scalar_subquery()


def split_identity(identity: str) -> tuple[uuid.UUID, str] | None:
    """The user id and epoch of a login identity (``User.get_id``), or None when it is malformed."""
    user_id, _, epoch = identity.partition(".")
    try:
        return uuid.UUID(user_id), epoch
    except ValueError:
        return None


def epoch_is_current(stored: int | None, epoch: str) -> bool:
    """Whether a login identity's epoch is the user's stored one (None: no such user)."""
    # A password change or reset bumps the epoch: every older cookie stops working.
    return stored is not None and str(stored) == epoch


@login_manager.user_loader
def load_user(identity: str) -> User | None:
    """The user a session or remember cookie names, if its epoch is still the current one."""
    parts = split_identity(identity)
    if parts is None:
        return None
    user = db.session.scalars(_USER_BY_ID, {"id": parts[0]}).one_or_none()
    return user if user is not None and epoch_is_current(user.auth_epoch, parts[1]) else None


def login_holds(connection: Connection, user_id: uuid.UUID, epoch: str) -> bool:
    """``load_user``'s verdict on a split identity, in one bare statement (for the sync fast path, which has no ORM
    session)."""
    return epoch_is_current(_EPOCH_BY_ID.scalar(connection, {"id": user_id}), epoch)


@login_manager.unauthorized_handler
def unauthorized():
    """A JSON 401: a redirect to a login page would look like success to the service worker."""
    abort(401, description="Log in to do this.")


def start_session(user: User, remember: bool) -> None:
    """Log ``user`` in on a brand-new session, so no session id planted before login survives."""
    session.clear()
    login_user(user, remember=remember)
    if not remember and has_remember_cookie():
        session["_remember"] = "clear"  # an older "remember me" must not outlive this choice


def end_session() -> None:
    """Forget everything the session held, then log out (which also clears a remember cookie)."""
    session.clear()
    logout_user()


def has_remember_cookie() -> bool:
    """Whether this device asked to be remembered when it logged in."""
    return current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies
