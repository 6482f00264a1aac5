"""Forgotten passwords: a single-use link, valid for an hour, mailed to the account's address."""

import hashlib
import secrets
from flask import current_app
from sqlalchemy import delete, select

from server.accounts import mail
from server.accounts.models import PasswordReset, User, as_utc, utc_now
from server.accounts.service import AccountRefused, find_user, set_password
from server.extensions import db

LINK_INVALID = "This reset link has expired or was already used. Ask for a new one."


def _digest(token: str) -> str:
    # Only a hash is stored: a copy of the database opens no account.
    return hashlib.sha256(token.encode()).hexdigest()


def request_reset(email: object) -> None:
    """Mail a reset link when an account has this email; do nothing visible otherwise."""
    user = find_user(email)
    if user is None:
        return
    token = secrets.token_urlsafe(32)
    now = utc_now()
    db.session.execute(delete(PasswordReset).where(PasswordReset.expires_at < now))
    db.session.add(PasswordReset(
        token_hash=_digest(token), user_id=user.id, expires_at=now + current_app.config["PASSWORD_RESET_MAX_AGE"]
    ))
    db.session.commit()
    mail.send(user.email, "Reset your Steady password", _message(reset_link(token)))


def reset_link(token: str) -> str:
    """The link in the mail, on the configured public origin (never the request's Host)."""
    return f"{current_app.config['ORIGIN'].rstrip('/')}/reset/{token}"


def _message(link: str) -> str:
    return (
        "Someone (hopefully you) asked to reset the password of your Steady account.\n\n"
        "Open this link within an hour to choose a new password:\n\n"
        f"{link}\n\n"
        "The link works once. If you didn't ask, ignore this mail: your password stays as it is.\n"
    )


def complete_reset(token: str, password: object) -> User:
    """Set a new password from a valid link, use the link up, and sign out every device."""
    reset = db.session.scalar(select(PasswordReset).where(PasswordReset.token_hash == _digest(token)))
    if reset is None or as_utc(reset.expires_at) <= utc_now():
        raise AccountRefused(400, LINK_INVALID)
    user = db.session.get(User, reset.user_id)
    # Every outstanding link of this account goes with the one used, in the same commit.
    db.session.execute(delete(PasswordReset).where(PasswordReset.user_id == user.id))
    try:
        set_password(user, password)
    except AccountRefused:
        db.session.rollback()  # a weak new password leaves the link usable for a better one
        raise
    return user
