"""The registry of tables that hold a user's data, which export and deletion both walk.

Every model with a ``user_id`` foreign key to ``users.id`` (``ON DELETE CASCADE``) registers
here, with the name its rows carry in the JSON export and how one row is written there, or
says that it is not the user's data to export (a password-reset link, say). A test fails
for any such table that is in neither list, so a new entity cannot be forgotten.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class OwnedTable:
    """One table of user data: its export name, model, the JSON form of a row, and which rows count."""

    name: str
    model: Any
    as_json: Callable[[Any], dict]
    where: Any = True  # a SQL condition: synced tables leave out their tombstones


EXPORTED: dict[str, OwnedTable] = {}
NOT_EXPORTED: set[str] = set()


def register_owned(name: str, model: Any, as_json: Callable[[Any], dict], where: Any = True) -> None:
    """Declare ``model`` (with a ``user_id`` column) as user data exported under ``name`` (the rows ``where`` holds)."""
    EXPORTED[name] = OwnedTable(name, model, as_json, where)


def register_private(model: Any) -> None:
    """Declare ``model`` as tied to a user but not part of their export (it still goes on deletion)."""
    NOT_EXPORTED.add(model.__tablename__)


def owned_models() -> list[Any]:
    """Every registered model that holds rows of one user."""
    from server.extensions import db

    names = {table.model.__tablename__ for table in EXPORTED.values()} | NOT_EXPORTED
    return [mapper.class_ for mapper in db.Model.registry.mappers if mapper.class_.__tablename__ in names]
