"""Password hashing with scrypt, and the check that notices when the parameters changed."""

from functools import cache

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash


def hash_password(password: str) -> str:
    """A salted hash of ``password`` with the configured KDF parameters."""
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def password_matches(password_hash: str | None, password: str) -> bool:
    """Whether ``password`` is the one hashed; with no hash, does the same work and says no."""
    if password_hash is None:
        # An unknown email costs as much as a wrong password, so timing tells nothing.
        check_password_hash(_dummy_hash(current_app.config["PASSWORD_HASH_METHOD"]), password)
        return False
    return check_password_hash(password_hash, password)


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with other parameters than the configured ones."""
    return not password_hash.startswith(current_app.config["PASSWORD_HASH_METHOD"] + "$")


@cache
def _dummy_hash(method: str) -> str:
    return generate_password_hash("not anyone's password", method=method)
