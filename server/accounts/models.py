"""Accounts: a user, and the password-reset links mailed to them."""

import uuid
from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Uuid, false
from sqlalchemy.orm import Mapped, mapped_column

from server.accounts.ownership import register_private
from server.extensions import db


def utc_now() -> datetime:
    """The current instant, timezone-aware."""
    return datetime.now(UTC)


class User(UserMixin, db.Model):
    """An account: an email (stored lower-cased) and a password hash."""

    __tablename__ = "users"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    # Part of every session and remember cookie; bumping it signs out every device at once.
    auth_epoch: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    # Granted and revoked by an operator (``flask users grant-coach``); read afresh on every request.
    is_coach: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    def get_id(self) -> str:
        """The login identity Flask-Login keeps in the session and remember cookie: id and epoch."""
        return f"{self.id}.{self.auth_epoch}"

    def as_json(self) -> dict:
        """What the account API tells its owner about the account."""
        return {"id": str(self.id), "email": self.email, "created_at": _iso(self.created_at), "coach": self.is_coach}


class PasswordReset(db.Model):
    """A mailed reset link, by the hash of its secret; deleted when used, useless once expired."""

    __tablename__ = "password_resets"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def as_utc(moment: datetime) -> datetime:
    """A stored datetime made aware: SQLite hands back naive ones, and every stored one is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _iso(moment: datetime) -> str:
    return as_utc(moment).isoformat(timespec="seconds")


register_private(PasswordReset)
