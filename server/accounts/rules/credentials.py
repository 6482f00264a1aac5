"""What an email address and a new password must be; pure, so the views and the CLI agree."""

import re
from functools import cache

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024
MAX_EMAIL_LENGTH = 254
# One @, something before it, a dotted domain after it, no spaces: a typo check, not RFC 5322.
EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


def normal_email(value: object) -> str | None:
    """The email as it is stored (trimmed, lower-cased), or None if it is not an address."""
    if not isinstance(value, str):
        return None
    email = value.strip().lower()
    return email if len(email) <= MAX_EMAIL_LENGTH and EMAIL.match(email) else None


@cache
def _common_passwords() -> frozenset[str]:
    # zxcvbn ships the 30,000 passwords most often found in breaches.
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def password_problem(password: object, email: str | None = None) -> str | None:
    """Why a new password may not be used, naming the rule, or None when it is fine."""
    if not isinstance(password, str) or not password:
        return "Enter a password."
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Use at least {MIN_PASSWORD_LENGTH} characters for your password."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"Use at most {MAX_PASSWORD_LENGTH} characters for your password."
    lowered = password.lower()
    if lowered in _common_passwords() or len(set(lowered)) < 3:
        return "That password is one of the most common ones; choose one that is harder to guess."
    if email and lowered == email.lower():
        return "Don't use your email address as your password."
    return None
