"""Sync bookkeeping tables, and the columns every synced record carries (``SyncedRecord``)."""

import re
import uuid
from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, ForeignKey, Index, Text, Uuid
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from server.accounts.ownership import register_private
from server.extensions import db

# JSONB on PostgreSQL (binary, compact); JSON text elsewhere.
Document = JSON().with_variant(JSONB(), "postgresql")


KEY = re.compile(r"[a-z_]+")


class DocumentText(ColumnElement):
    """One top-level field of a JSON document, as text (NULL when absent).

    Written with the key as a literal, never a bound parameter, so an index on the expression
    matches the query's text and serves the value without reading the document.
    """

    type = Text()
    inherit_cache = True
    # Both parts are in the statement cache's key: two keys never share a compiled statement.
    _traverse_internals = [("document", InternalTraversal.dp_clauseelement), ("key", InternalTraversal.dp_string)]

    def __init__(self, document, key: str):
        if not KEY.fullmatch(key):
            raise ValueError(f"not a plain JSON key: {key!r}")
        self.document, self.key = document, key


@compiles(DocumentText)
def _document_text(element: DocumentText, compiler, **kw) -> str:
    return f"{compiler.process(element.document, **kw)} ->> '{element.key}'"


@compiles(DocumentText, "sqlite")
def _document_text_sqlite(element: DocumentText, compiler, **kw) -> str:
    # json_extract, not ->> (SQLite 3.38+), so any SQLite with JSON runs it.
    return f"json_extract({compiler.process(element.document, **kw)}, '$.{element.key}')"


def _user_key() -> Mapped[uuid.UUID]:
    # Every sync table's key starts with user_id, the distribution column on a sharded PostgreSQL.
    return mapped_column(Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)


class SyncedRecord:
    """Columns of a synced entity's table: (user_id, id) key, per-user version, tombstone, field merge state."""

    user_id: Mapped[uuid.UUID] = _user_key()
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict | None] = mapped_column(Document)  # the record as the device stores it; None once deleted
    fields: Mapped[dict] = mapped_column(Document)  # per field: version, writer, value before (protocol.Stored)
    conflicts: Mapped[dict] = mapped_column(Document)  # per field: a losing value and the version it lost at
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # server clock: tombstone horizon

    @declared_attr.directive
    def __table_args__(cls):
        # Pulls walk (user_id, version); ownership checks look an id up across users.
        return (
            Index(f"ix_{cls.__tablename__}_user_id_version", "user_id", "version", unique=True),
            Index(f"ix_{cls.__tablename__}_id", "id"),
        )


class SyncUser(db.Model):
    """Per-user sync state: the version counter (locked by every push) and the newest purged tombstone."""

    __tablename__ = "sync_user"

    user_id: Mapped[uuid.UUID] = _user_key()
    version: Mapped[int] = mapped_column(BigInteger, default=0)
    purged_version: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncClient(db.Model):
    """A device's sync client, registered to one user on its first push or pull."""

    __tablename__ = "sync_client"
    __table_args__ = (Index("ix_sync_client_client_id", "client_id"),)

    user_id: Mapped[uuid.UUID] = _user_key()
    client_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    last_mutation_id: Mapped[int] = mapped_column(BigInteger, default=0)
    # While a reset snapshot is being paged: the user's version when it began (see service.pull).
    snapshot_version: Mapped[int | None] = mapped_column(BigInteger)
    snapshot_cursor: Mapped[int | None] = mapped_column(BigInteger)  # the cursor its last page handed out
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SyncRejection(db.Model):
    """A mutation the server refused, kept so a retried push reports it again."""

    __tablename__ = "sync_rejection"

    user_id: Mapped[uuid.UUID] = _user_key()
    client_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    mutation_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


# The user's own sync bookkeeping: deleted with the account, not part of its export.
for _model in (SyncUser, SyncClient, SyncRejection):
    register_private(_model)
