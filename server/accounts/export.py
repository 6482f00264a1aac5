"""An account's data, whole: JSON (every registered table) and CSV (one row per set and side)."""

from sqlalchemy import select

from server.accounts.models import User, utc_now
from server.accounts.ownership import EXPORTED
from server.accounts.rules.session_csv import sessions_csv
from server.extensions import db


def account_json(user: User) -> dict:
    """The account and the rows of every registered table, under the names they registered."""
    tables = {
        name: [table.as_json(row) for row in db.session.scalars(
            select(table.model).where(table.model.user_id == user.id, table.where))]
        for name, table in EXPORTED.items()
    }
    return {
        "format": "steady-account-export",
        "format_version": 1,
        "exported_at": utc_now().isoformat(timespec="seconds"),
        "account": user.as_json(),
        **tables,
    }


def account_csv(user: User) -> str:
    """The account's sessions in the one CSV format the device writes too."""
    return sessions_csv(account_json(user).get("sessions", []))
