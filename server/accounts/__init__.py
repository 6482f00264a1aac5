"""Accounts: users, passwords and resets, the /api/auth and /api/account endpoints, the users CLI."""

from server.accounts import account_views, auth_views, login  # noqa: F401  (they register routes and hooks)
from server.accounts.blueprint import bp
from server.accounts.cli import cli

__all__ = ["bp", "cli"]
