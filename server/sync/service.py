"""Apply a push and answer a pull, each in one transaction under the user's sync lock.

Statements per request do not grow with the batch: existing records are loaded with one
``IN`` query per entity, and written back with one bulk insert and one bulk update per entity.
Every statement a push or pull runs is built once, with bound parameters, and the hot ones run
on the bare DB-API cursor (``server/bare_sql.py``): through SQLAlchemy's execution machinery they
cost several times what the database takes to run them. A push takes its lock and reads its
client and the catalogue's version in one statement; given the session's login epoch (the fast path's
requests), it checks that too, so the login costs no statement of its own.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass
from contextlib import nullcontext
from datetime import UTC, datetime, timedelta
from functools import cache

from sqlalchemy import Connection, and_, bindparam, case, delete, func, insert, literal, or_, select, union_all, update
from sqlalchemy.dialects import postgresql, sqlite

from server.accounts.login import epoch_is_current, login_holds, stored_epoch
from server.bare_sql import BareStatement
from server.catalog.models import CatalogState, Exercise, Program
from server.extensions import db
from server.sync.models import SyncClient, SyncRejection, SyncUser
from server.sync.protocol import (
    Merged,
    Mutation,
    PullRequest,
    PushRequest,
    Stored,
    delete_wins,
    describe_errors,
    merge_put,
    new_mutations,
    read_mutation,
)
from server.sync.registry import ENTITIES, Context, Entity, entity_named

# The latest calendar date anywhere on Earth (UTC+14): a session logged "today" on any device is never future.
DATE_LINE = timedelta(hours=14)


class ClientTaken(Exception):
    """The client id is registered to another user."""


class LoginExpired(Exception):
    """The session's login epoch is no longer the user's (a password change or reset ended it): nothing was done."""


_COUNTERS, _CLIENTS = SyncUser.__table__, SyncClient.__table__
# Bound parameter names differ from the columns an UPDATE sets: SQLAlchemy reserves those.
_COUNTER = BareStatement(select(_COUNTERS.c.version, _COUNTERS.c.purged_version)
                         .where(_COUNTERS.c.user_id == bindparam("uid")))
_SET_VERSION = BareStatement(update(_COUNTERS).where(_COUNTERS.c.user_id == bindparam("uid"))
                             .values(version=bindparam("to_version")))
_CLIENT = BareStatement(select(_CLIENTS).where(_CLIENTS.c.client_id == bindparam("cid")))
_THIS_CLIENT = and_(_CLIENTS.c.user_id == bindparam("uid"), _CLIENTS.c.client_id == bindparam("cid"))
_SET_LAST_MUTATION = BareStatement(update(_CLIENTS).where(_THIS_CLIENT).values(last_mutation_id=bindparam("to")))
# PostgreSQL moves both in one statement, a data-modifying CTE (SQLite has none).
_SET_BOTH = BareStatement(_SET_VERSION.statement.add_cte(_SET_LAST_MUTATION.statement.cte("client_moved")))
_SET_SNAPSHOT = BareStatement(update(_CLIENTS).where(_THIS_CLIENT).values(snapshot_version=bindparam("to_version"),
                                                                          snapshot_cursor=bindparam("to_cursor")))
_CATALOGUE = select(CatalogState.__table__.c.version).where(CatalogState.__table__.c.id == 1).scalar_subquery()
# A known client's push: the lock on the user's counter and on the client's row, the head version,
# how far the client got, the catalogue's version (for its cached slugs) and the user's login epoch, in
# one statement. Both rows are locked, so on PostgreSQL a push that waited for another one reads what
# that one committed.
_LOCKED_CLIENT = BareStatement(
    select(_COUNTERS.c.version, _CLIENTS.c.last_mutation_id, _CATALOGUE.label("catalogue"),
           stored_epoch("uid").label("epoch"))
    .select_from(_COUNTERS.join(_CLIENTS, _CLIENTS.c.user_id == _COUNTERS.c.user_id))
    .where(_COUNTERS.c.user_id == bindparam("uid"), _CLIENTS.c.client_id == bindparam("cid")).with_for_update())
# The client, the user's head version and purge mark, read together (see _pull_state), with the login epoch.
_PULL_STATE = BareStatement(
    select(_CLIENTS, _COUNTERS.c.version.label("head"), _COUNTERS.c.purged_version.label("purged"),
           stored_epoch("uid").label("epoch"))
    .select_from(_CLIENTS.outerjoin(_COUNTERS, _COUNTERS.c.user_id == _CLIENTS.c.user_id))
    .where(_CLIENTS.c.client_id == bindparam("cid")))
_REJECT = BareStatement(insert(SyncRejection.__table__))
_REJECTIONS = SyncRejection.__table__
# Read on the bare cursor, which fetches its rows: in pipeline mode, SQLAlchemy's result would find none yet.
_EARLIER_REJECTIONS = BareStatement(
    select(_REJECTIONS.c.mutation_id, _REJECTIONS.c.reason).where(
        _REJECTIONS.c.user_id == bindparam("uid"), _REJECTIONS.c.client_id == bindparam("cid"),
        _REJECTIONS.c.mutation_id.in_(bindparam("ids", expanding=True))))
# The catalogue's exercise slugs, then its program slugs (a literal marks which).
_SLUGS = BareStatement(union_all(select(literal(False).label("program"), Exercise.__table__.c.slug),
                                 select(literal(True).label("program"), Program.__table__.c.slug)))
_slugs_by_version: dict = {}  # the catalogue's (exercise slugs, program slugs), for the one version loaded


def _insert(connection: Connection, table):
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def _begin_write(connection: Connection) -> None:
    if connection.dialect.name == "sqlite" and not connection.connection.dbapi_connection.in_transaction:
        # SQLite has no row locks; BEGIN IMMEDIATE takes the write lock up front, so two pushes
        # queue here (busy_timeout) instead of failing when the second one first writes.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _lock_and_load(connection: Connection, user_id: uuid.UUID, client_id: uuid.UUID, now: datetime,
                   epoch: str | None, named: dict[str, set]) -> tuple[tuple, dict[str, list[dict]]]:
    """Take the user's sync lock for the rest of the transaction: the head version, the client's last mutation
    id and the catalogue's version; then the ``named`` records, per entity, read under the lock. The counter and
    client rows are made on first use (ClientTaken if another user has the client). With a login ``epoch``,
    LoginExpired first if it is not the user's.

    The records are asked for right behind the lock, before its answer is read: PostgreSQL runs them in
    order, so they are read under it, and in pipeline mode both travel in one round trip."""
    _begin_write(connection)
    locked = _LOCKED_CLIENT.started(connection, {"uid": user_id, "cid": client_id})
    loads = _start_loads(connection, named)
    rows = locked()
    if rows:
        _check_login(rows[0][3], epoch)
    else:  # a new user or client: lock the counter first, then register the client under it
        if epoch is not None and not login_holds(connection, user_id, epoch):
            raise LoginExpired()
        for load in loads.values():
            load()  # read without the lock: read again below
        _take_counter(connection, user_id)
        _client(connection, user_id, client_id, now)
        rows = _LOCKED_CLIENT.rows(connection, {"uid": user_id, "cid": client_id})
        loads = _start_loads(connection, named)
    return rows[0][:3], {name: load() for name, load in loads.items()}


def _start_loads(connection: Connection, named: dict[str, set]) -> dict:
    return {name: _record_statements(name)[0].started(connection, {"ids": list(ids)}, mapped=True) for name, ids in named.items()}


def _check_login(stored, epoch: str | None) -> None:
    """LoginExpired if a login ``epoch`` was given and is not the ``stored`` one (read in a request's first statement)."""
    if epoch is not None and not epoch_is_current(stored, epoch):
        raise LoginExpired()


def _take_counter(connection: Connection, user_id: uuid.UUID) -> None:
    """Take the user's sync lock for the rest of the transaction, creating the counter row on first use."""
    _counter_statement(connection.dialect.name).execute(connection, {"user_id": user_id})


@cache
def _counter_statement(dialect: str) -> BareStatement:
    # An upsert that changes nothing: it makes the row if missing and, either way, locks it on PostgreSQL.
    add = (postgresql if dialect == "postgresql" else sqlite).insert(_COUNTERS).values(
        user_id=bindparam("user_id"), version=0, purged_version=0)
    return BareStatement(add.on_conflict_do_update(index_elements=[_COUNTERS.c.user_id],
                                                   set_={"version": _COUNTERS.c.version}))


def _client(connection: Connection, user_id: uuid.UUID, client_id: uuid.UUID, now: datetime) -> dict:
    """The user's sync client row, registered now if new; ClientTaken if another user has it."""
    rows = _CLIENT.mappings(connection, {"cid": client_id})
    if not rows:
        # A pull (which takes no lock) and a push may register the same new client at once.
        connection.execute(_insert(connection, _CLIENTS).values(
            user_id=user_id, client_id=client_id, last_mutation_id=0, created_at=now).on_conflict_do_nothing())
        rows = _CLIENT.mappings(connection, {"cid": client_id})
    if any(row["user_id"] != user_id for row in rows):
        raise ClientTaken()
    return next(row for row in rows if row["user_id"] == user_id)


def _context(connection: Connection, user_id: uuid.UUID, entities: set[str], now: datetime,
             catalogue: str | None) -> Context:
    needs_catalogue = any(ENTITIES[name].needs_catalogue for name in entities)
    exercises, programs = _catalogue_slugs(connection, catalogue) if needs_catalogue else (frozenset(), frozenset())
    return Context(today=(now + DATE_LINE).date().isoformat(), exercise_slugs=exercises, namespace=user_id,
                   program_slugs=programs)


def _catalogue_slugs(connection: Connection, version: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The catalogue's exercise slugs and program slugs, read once per catalogue version (a load or a coach's
    publish writes a new version)."""
    if (slugs := _slugs_by_version.get(version)) is None:
        rows = _SLUGS.rows(connection)
        slugs = tuple(frozenset(slug for program, slug in rows if bool(program) == wanted)
                      for wanted in (False, True))
        if version is not None:  # nothing loaded yet: nothing to keep
            _slugs_by_version.clear()
            _slugs_by_version[version] = slugs
    return slugs


@dataclass
class _Working:
    """One record's state while a batch is applied; written back once at the end."""

    stored: Stored
    version: int
    exists: bool  # a row is already in the table (update) rather than new (insert)
    dirty: bool = False


@cache
def _record_statements(name: str) -> tuple:
    """An entity's records by id (across users: ownership is checked on them), its bulk insert and bulk update."""
    table = ENTITIES[name].model.__table__
    # Keyed by "_uid" and "_id": SQLAlchemy reserves a column's own name for its SET value.
    by_key = update(table).where(table.c.user_id == bindparam("_uid"), table.c.id == bindparam("_id"))
    return tuple(BareStatement(statement) for statement in (
        select(table).where(table.c.id.in_(bindparam("ids", expanding=True))), insert(table), by_key))


def _check(mutation: Mutation | str, user_id, owners, context) -> tuple[Entity | None, str | None]:
    """The mutation's entity, and the reason it is rejected (None when it may be applied)."""
    if isinstance(mutation, str):
        return None, mutation
    entity = entity_named(mutation.entity)
    if entity is None:
        return None, f"entity: unknown entity {mutation.entity!r}"
    if owners.get((entity.name, mutation.entity_id), {user_id}) != {user_id}:
        return None, "entity_id: this record belongs to another account"
    if mutation.op == "delete":
        return entity, None
    data = mutation.data
    if "id" in data and str(data["id"]).lower() != str(mutation.entity_id):
        return None, "data.id: must equal entity_id"
    if (errors := entity.validate(data, context)):
        return None, describe_errors(errors)
    expected = entity.expected_id(data, context)
    if expected is not None and expected != mutation.entity_id:
        return None, f"entity_id: this {entity.name} record's id must be {expected}"
    return entity, None


def _apply(mutation: Mutation, entity: Entity, record: _Working | None, version: int, client: str,
           context: Context) -> _Working | None:
    """The record after one mutation, or None when it changes nothing."""
    stored = record.stored if record else Stored(data=None)
    if mutation.op == "put":
        merged = merge_put(stored, mutation.data, base=mutation.base_version, version=version, client=client,
                           untracked=entity.untracked, valid=lambda data: not entity.validate(data, context))
    elif delete_wins(stored, base=mutation.base_version, client=client):
        merged = Merged(None, {}, {}, True)
    elif stored.data is not None:
        # An edit beat this delete: re-stamp the record so the deleting device gets it back on its next pull.
        merged = Merged(stored.data, stored.fields, stored.conflicts, True)
    else:
        return None  # deleting what the server never had (or already deleted)
    if not merged.changed:
        return None
    return _Working(Stored(merged.data, merged.fields, merged.conflicts), version, record.exists if record else False,
                    dirty=True)


def _one_transaction(work, user_id: uuid.UUID, request, now: datetime | None, connection: Connection | None,
                     epoch: str | None, ready=lambda connection: connection, pipelined: bool = False) -> dict:
    # On a Core connection of its own, not the ORM session: for statements built once, the session's
    # bookkeeping around each one cost more than running it. Everything or nothing: any failure rolls
    # the whole request back before it propagates.
    with nullcontext(connection) if connection is not None else ready(db.engine.connect()) as connection, \
            _pipeline(connection) if pipelined else nullcontext():
        try:
            answer = work(connection, user_id, request, now or datetime.now(UTC), epoch)
            connection.commit()  # in pipeline mode, where a write the database refused is first heard of
        except Exception:
            connection.rollback()
            raise
    return answer


def _pipeline(connection: Connection):
    """On PostgreSQL, psycopg's pipeline mode for the block: a statement whose rows nobody reads travels with the
    next one read, or with the COMMIT, so a push's BEGIN goes with its lock and its writes with its COMMIT,
    in one round trip each. Errors still surface before the COMMIT is acknowledged, and roll everything back."""
    if connection.dialect.name != "postgresql":
        return nullcontext()
    return connection.connection.dbapi_connection.pipeline()


def apply_push(user_id: uuid.UUID, request: PushRequest, now: datetime | None = None,
               connection: Connection | None = None, epoch: str | None = None) -> dict:
    """Apply a push in order under the user's lock, in one transaction (on ``connection`` if given); the client's answer.

    With the session's login ``epoch``, LoginExpired (nothing applied) unless it is still the user's."""
    return _one_transaction(_apply_push, user_id, request, now, connection, epoch, pipelined=True)


def _apply_push(connection: Connection, user_id: uuid.UUID, request: PushRequest, now: datetime,
                epoch: str | None) -> dict:
    # Every mutation is read before the lock, so the records they name are loaded with it; a retry's
    # already applied ones are skipped below (their records are loaded, and left alone).
    every = [read_mutation(raw) for raw in request.mutations]
    named = defaultdict(set)
    for m in every:
        if isinstance(m, Mutation) and m.entity in ENTITIES:
            named[m.entity].add(m.entity_id)
    (head, previous, catalogue), loaded = _lock_and_load(connection, user_id, request.client_id, now, epoch, named)
    previous = previous or 0
    fresh = new_mutations(previous, request.mutations)
    rejected = _earlier_rejections(connection, user_id, request, previous) if len(fresh) < len(request.mutations) else []
    mutations = every[len(every) - len(fresh):]
    context = _context(connection, user_id, {m.entity for m in mutations if isinstance(m, Mutation)} & set(named),
                       now, catalogue)
    working: dict[tuple[str, uuid.UUID], _Working] = {}
    owners: dict[tuple[str, uuid.UUID], set] = defaultdict(set)
    for name, rows in loaded.items():
        for row in rows:
            owners[(name, row["id"])].add(row["user_id"])
            if row["user_id"] == user_id:
                stored = Stored(None if row["deleted"] else row["data"], row["fields"] or {}, row["conflicts"] or {})
                working[(name, row["id"])] = _Working(stored, row["version"], exists=True)
    version, client_key, new_rejections = head, str(request.client_id), []
    for raw, mutation in zip(fresh, mutations):
        entity, reason = _check(mutation, user_id, owners, context)
        if reason:
            new_rejections.append({"id": raw["id"], "reason": reason})
            continue
        key = (entity.name, mutation.entity_id)
        after = _apply(mutation, entity, working.get(key), version + 1, client_key, context)
        if after is not None:
            version += 1
            working[key] = after
    _write(connection, user_id, working, now)
    if new_rejections:
        _REJECT.execute(connection, [
            {"user_id": user_id, "client_id": request.client_id, "mutation_id": r["id"], "reason": r["reason"],
             "created_at": now} for r in new_rejections])
    last_mutation_id = previous + len(fresh)
    _advance(connection, user_id, request.client_id, last_mutation_id if fresh else None,
             version if version != head else None)
    return {"last_mutation_id": last_mutation_id, "rejected": rejected + new_rejections}


def _advance(connection: Connection, user_id, client_id, last_mutation_id: int | None, version: int | None) -> None:
    """Move the client's last mutation id and the user's version, each unless None."""
    params = {"uid": user_id, "cid": client_id, "to": last_mutation_id, "to_version": version}
    if last_mutation_id is not None and version is not None and connection.dialect.name == "postgresql":
        _SET_BOTH.execute(connection, params)
        return
    if last_mutation_id is not None:
        _SET_LAST_MUTATION.execute(connection, params)
    if version is not None:
        _SET_VERSION.execute(connection, params)


def _earlier_rejections(connection: Connection, user_id, request: PushRequest, previous: int) -> list[dict]:
    """Rejections recorded for the already-applied part of a retried batch, so the answer is the same."""
    ids = [m["id"] for m in request.mutations if m["id"] <= previous]
    rows = _EARLIER_REJECTIONS.rows(connection, {"uid": user_id, "cid": request.client_id, "ids": ids})
    return [{"id": mutation_id, "reason": reason} for mutation_id, reason in sorted(rows)]


def _write(connection: Connection, user_id: uuid.UUID, working: dict, now: datetime) -> None:
    """Write every changed record back: one bulk insert and one bulk update per entity."""
    inserts, updates, written = defaultdict(list), defaultdict(list), defaultdict(list)
    for (name, record_id), record in working.items():
        if not record.dirty:
            continue
        stored = record.stored
        key = {"_uid": user_id, "_id": record_id} if record.exists else {"user_id": user_id, "id": record_id}
        row = key | {"version": record.version, "deleted": stored.data is None, "data": stored.data,
                     "fields": stored.fields, "conflicts": stored.conflicts, "changed_at": now}
        (updates if record.exists else inserts)[name].append(row)
        written[name].append({"id": record_id, "version": record.version, "deleted": stored.data is None,
                              "data": stored.data, "created": not record.exists})
    for name, rows in inserts.items():
        _record_statements(name)[1].execute(connection, rows)
    for name, rows in updates.items():
        _record_statements(name)[2].execute(connection, rows)
    for name in sorted(written):
        if ENTITIES[name].written:  # what another domain keeps beside these records, in this transaction
            ENTITIES[name].written(connection, user_id, written[name])


def pull(user_id: uuid.UUID, request: PullRequest, now: datetime | None = None,
         connection: Connection | None = None, epoch: str | None = None) -> dict:
    """The changes after the client's cursor, oldest first, at most ``limit``; a reset snapshot when needed.

    A ``connection`` given is one ``ready_for_pull`` set up; a login ``epoch`` is checked as ``apply_push`` does."""
    return _one_transaction(_pull, user_id, request, now, connection, epoch, ready=ready_for_pull)


def ready_for_pull(connection: Connection) -> Connection:
    """Set up a connection for a pull, before its first statement: on PostgreSQL, without a transaction.

    A pull needs none: each of its statements stands on its own (its first reads the client and the
    head version together, the page is bounded by that head, and it writes at most one row), as they
    already do under READ COMMITTED; without one, PostgreSQL spares the BEGIN and COMMIT round trips.
    """
    if connection.dialect.name == "postgresql":
        connection.execution_options(isolation_level="AUTOCOMMIT")
    return connection


def _pull(connection: Connection, user_id: uuid.UUID, request: PullRequest, now: datetime, epoch: str | None) -> dict:
    client, head, purged = _pull_state(connection, user_id, request.client_id, now, epoch)
    cursor, reset = request.cursor, False
    snapshot = client["snapshot_version"] if cursor is not None and cursor == client["snapshot_cursor"] else None
    if cursor is None or cursor > head or (snapshot if snapshot is not None else cursor) < purged:
        cursor, reset, snapshot = 0, True, head
    rows = _changes(connection, user_id, cursor, head, snapshot, request.limit)
    more = len(rows) > request.limit
    rows = rows[:request.limit]
    next_cursor = rows[-1]["version"] if more else head
    # A snapshot is paged: remember where, so its next page still skips tombstones the device never needed.
    paging = (snapshot, next_cursor) if snapshot is not None and more else (None, None)
    if paging != (client["snapshot_version"], client["snapshot_cursor"]):
        _SET_SNAPSHOT.execute(connection, {"uid": user_id, "cid": request.client_id, "to_version": paging[0],
                                           "to_cursor": paging[1]})
    return {
        "cursor": next_cursor,
        "more": more,
        "last_mutation_id": client["last_mutation_id"] or 0,
        "reset": reset,
        "changes": [_change(row) for row in rows],
    }


def _pull_state(connection: Connection, user_id: uuid.UUID, client_id: uuid.UUID, now: datetime,
                epoch: str | None) -> tuple:
    """The client row, the user's head version and purge mark, read together in one statement (LoginExpired first
    if a login ``epoch`` is given and is not the user's).

    Read together, they agree: a push landing meanwhile shows neither its mutation ids nor its
    changes (the device would otherwise drop mutations from its outbox whose effect it had not pulled).
    """
    rows = _PULL_STATE.mappings(connection, {"cid": client_id, "uid": user_id})
    if rows:
        _check_login(rows[0]["epoch"], epoch)
    elif epoch is not None and not login_holds(connection, user_id, epoch):
        raise LoginExpired()
    if any(row["user_id"] != user_id for row in rows):
        raise ClientTaken()
    if rows:
        return rows[0], rows[0]["head"] or 0, rows[0]["purged"] or 0
    client = _client(connection, user_id, client_id, now)
    counter = _COUNTER.rows(connection, {"uid": user_id})
    return client, *(counter[0] if counter else (0, 0))


def _changes(connection: Connection, user_id, cursor: int, head: int, snapshot: int | None, limit: int) -> list:
    """Up to limit + 1 changes after ``cursor`` and up to ``head``, in version order, across entities."""
    values = {"user_id": user_id, "cursor": cursor, "head": head, "snapshot": snapshot, "limit": limit + 1}
    return _changes_query(snapshot is not None).mappings(connection, values)


@cache
def _changes_query(snapshot: bool):
    """The pull's one statement, built once: each entity's table walks its (user_id, version) index
    for at most limit + 1 rows, and the union is cut to limit + 1 again.

    Built per request it cost more than running it; a built statement also keeps its cache key.
    """
    parts = []
    for name, entity in ENTITIES.items():
        table = entity.model.__table__
        query = select(literal(name).label("entity"), table.c.id, table.c.version, table.c.deleted, table.c.data,
                       table.c.conflicts).where(table.c.user_id == bindparam("user_id"),
                                                table.c.version > bindparam("cursor"),
                                                table.c.version <= bindparam("head"))
        if snapshot:  # a snapshot needs no tombstone older than itself
            query = query.where(or_(table.c.deleted.is_(False), table.c.version > bindparam("snapshot")))
        parts.append(select(query.order_by(table.c.version).limit(bindparam("limit")).subquery()))
    every = union_all(*parts).subquery()
    return BareStatement(select(every).order_by(every.c.version).limit(bindparam("limit")))


def _change(row) -> dict:
    name = row["entity"]
    if row["deleted"]:
        return {"op": "delete", "entity": name, "id": str(row["id"]), "version": row["version"], "data": None}
    conflicts = {field: c["value"] for field, c in (row["conflicts"] or {}).items()}
    return {"op": "put", "entity": name, "id": str(row["id"]), "version": row["version"], "data": row["data"],
            "conflicts": conflicts}


def purge_tombstones(days: int, now: datetime | None = None) -> int:
    """Remove tombstones (and recorded rejections) older than ``days``; devices behind them get a reset."""
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=days)
    removed = 0
    for entity in ENTITIES.values():
        table = entity.model.__table__
        old = and_(table.c.deleted.is_(True), table.c.changed_at < cutoff)
        newest = db.session.execute(select(table.c.user_id, func.max(table.c.version)).where(old)
                                    .group_by(table.c.user_id)).all()
        if newest:
            users = SyncUser.__table__
            raise_to = case((users.c.purged_version < bindparam("v"), bindparam("v")), else_=users.c.purged_version)
            db.session.execute(update(users).where(users.c.user_id == bindparam("uid")).values(purged_version=raise_to),
                               [{"uid": uid, "v": v} for uid, v in newest])
        removed += db.session.execute(delete(table).where(old)).rowcount
    db.session.execute(delete(SyncRejection.__table__).where(SyncRejection.created_at < cutoff))
    db.session.commit()
    return removed
