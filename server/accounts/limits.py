"""Rate limits on the doors an attacker would knock on: per address, and per account."""

from flask import request
from flask_limiter.util import get_remote_address

from server.accounts.rules.credentials import normal_email
from server.extensions import limiter

FAILED_LOGINS_PER_ACCOUNT = "10 per 15 minutes"
ATTEMPTS_PER_ADDRESS = "20 per minute"
REGISTRATIONS_PER_ACCOUNT = "10 per 15 minutes"
RESETS_PER_ACCOUNT = "5 per hour"
TOO_MANY_FROM_ADDRESS = "Too many attempts from your network. Wait a minute and try again."
TOO_MANY_FOR_ACCOUNT = "Too many attempts for this account. Wait a few minutes and try again."


def account_key() -> str:
    """The account a request is about, by the email in its body (typos count as their own key)."""
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    return "account:" + (normal_email(email) or str(email)[:254])


def _failed(response) -> bool:
    return response.status_code == 401


# Each endpoint counts its own attempts per address.
per_address = limiter.limit(ATTEMPTS_PER_ADDRESS, key_func=get_remote_address, error_message=TOO_MANY_FROM_ADDRESS)
failed_logins_per_account = limiter.limit(
    FAILED_LOGINS_PER_ACCOUNT, key_func=account_key, deduct_when=_failed, error_message=TOO_MANY_FOR_ACCOUNT
)
registrations_per_account = limiter.limit(
    REGISTRATIONS_PER_ACCOUNT, key_func=account_key, error_message=TOO_MANY_FOR_ACCOUNT
)
resets_per_account = limiter.limit(RESETS_PER_ACCOUNT, key_func=account_key, error_message=TOO_MANY_FOR_ACCOUNT)
