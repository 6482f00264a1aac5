"""Account operations: each one changes state and commits, or refuses with a reason."""

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from server.accounts.models import User
from server.accounts.ownership import owned_models
from server.accounts.passwords import hash_password, needs_rehash, password_matches
from server.accounts.rules.credentials import normal_email, password_problem
from server.extensions import db


class AccountRefused(Exception):
    """An operation refused, with the HTTP status and the message the user sees."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


WRONG_CREDENTIALS = "That email and password don't match an account."
WRONG_PASSWORD = "That password isn't right."


def register(email: object, password: object) -> User:
    """Create an account; refuses a malformed email, a weak password or an email already used."""
    address = normal_email(email)
    if address is None:
        raise AccountRefused(400, "Enter a valid email address, like name@example.com.")
    problem = password_problem(password, address)
    if problem:
        raise AccountRefused(400, problem)
    if find_user(address) is not None:
        raise AccountRefused(409, "An account with that email already exists. Log in instead.")
    user = User(email=address, password_hash=hash_password(password))
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError:  # the same email registered by a request racing this one
        db.session.rollback()
        raise AccountRefused(409, "An account with that email already exists. Log in instead.")
    return user


def set_coach(email: object, coach: bool) -> User:
    """Make the account with this email a coach, or a runner again; refuses an unknown email."""
    user = find_user(email)
    if user is None:
        raise AccountRefused(404, f"No account has the email {email!r}.")
    user.is_coach = coach
    db.session.commit()
    return user


def find_user(email: object) -> User | None:
    """The account with this email, if any."""
    address = normal_email(email)
    if address is None:
        return None
    return db.session.scalar(select(User).where(User.email == address))


def authenticate(email: object, password: object) -> User:
    """The account these credentials open, rehashing the password if the KDF parameters changed."""
    user = find_user(email)
    given = password if isinstance(password, str) else ""
    if not password_matches(user.password_hash if user else None, given) or user is None:
        raise AccountRefused(401, WRONG_CREDENTIALS)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(given)
        db.session.commit()
    return user


def confirm_password(user: User, password: object) -> None:
    """Refuse unless ``password`` is the user's current one."""
    if not isinstance(password, str) or not password_matches(user.password_hash, password):
        raise AccountRefused(403, WRONG_PASSWORD)


def set_password(user: User, password: object) -> None:
    """Give the user a new password and sign out every device (the caller logs this one in again)."""
    problem = password_problem(password, user.email)
    if problem:
        raise AccountRefused(400, problem)
    user.password_hash = hash_password(password)
    user.auth_epoch += 1
    db.session.commit()


def change_password(user: User, current: object, new: object) -> None:
    """Change the password after checking the current one."""
    confirm_password(user, current)
    set_password(user, new)


def delete_account(user: User, password: object) -> None:
    """Remove the account and every row of every table that holds its data, in one commit."""
    confirm_password(user, password)
    for model in owned_models():
        db.session.execute(delete(model).where(model.user_id == user.id))
    db.session.delete(user)
    db.session.commit()
