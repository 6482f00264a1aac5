"""Core statements run straight on a connection's DB-API cursor, compiled once per dialect.

For the few statements every sync request runs: around each one, SQLAlchemy's execution
machinery (cache key, execution context, result object) costs several times what the database
spends on it. Values still go through SQLAlchemy's own type conversions, in and out, so a bare
statement binds and reads exactly what ``connection.execute`` would; and the connection's
``before_cursor_execute`` / ``after_cursor_execute`` events still fire, so anything counting or
logging statements sees every one.
"""

from dataclasses import dataclass, field
from typing import Any, Callable

from sqlalchemy import Connection, Dialect
from sqlalchemy.sql import Executable


@dataclass(frozen=True)
class _Compiled:
    compiled: Any  # SQLCompiler
    expanding: bool  # an IN list whose SQL is written per call (construct_expanded_state)
    defaults: dict  # values bound in the statement itself, e.g. a literal()
    names: tuple | None  # the order of positional parameters; None for named ones
    processors: dict
    plan: tuple  # positional only: per parameter, its name and conversion (or None)
    columns: tuple  # the result's column names
    results: tuple  # per result column, SQLAlchemy's conversion (or None)
    expanding_names: tuple = ()  # the IN lists' parameter names
    shapes: dict = field(default_factory=dict)  # per IN-list lengths: the SQL, its parameter order, conversions


class BareStatement:
    """A Core statement to run on the bare DB-API cursor; an insert or an update without values() compiles
    for the keys of the rows it is given."""

    def __init__(self, statement: Executable):
        self.statement = statement
        self._by_dialect: dict[tuple, _Compiled] = {}

    def rows(self, connection: Connection, params: dict | None = None) -> list[tuple]:
        """The statement's result rows, converted as SQLAlchemy converts them."""
        return self._fetch(connection, params or {})[1]

    def started(self, connection: Connection, params: dict | None = None, mapped: bool = False) -> Callable[[], list]:
        """Run the statement now and read its rows later (what ``rows``, or ``mappings`` if ``mapped``, answers;
        once): in psycopg's pipeline mode, statements started one after the other reach PostgreSQL in one round trip."""
        compiled, cursor = self._run(connection, params or {}, many=False)
        if mapped:
            return lambda: [dict(zip(compiled.columns, row)) for row in _collected(compiled, cursor)]
        return lambda: _collected(compiled, cursor)

    def mappings(self, connection: Connection, params: dict | None = None) -> list[dict]:
        """The result rows as dicts by column name."""
        columns, rows = self._fetch(connection, params or {})
        return [dict(zip(columns, row)) for row in rows]

    def scalar(self, connection: Connection, params: dict | None = None):
        """The first column of the first row, or None."""
        rows = self.rows(connection, params)
        return rows[0][0] if rows else None

    def execute(self, connection: Connection, params: dict | list[dict]) -> None:
        """Run the statement once, or once per row of a list (executemany)."""
        many = isinstance(params, list)
        if many and len(params) == 1:  # psycopg runs executemany in a pipeline, which costs more for one row
            params, many = params[0], False
        _, cursor = self._run(connection, params, many=many)
        cursor.close()

    def _fetch(self, connection: Connection, params: dict) -> tuple[tuple, list[tuple]]:
        compiled, cursor = self._run(connection, params, many=False)
        return compiled.columns, _collected(compiled, cursor)

    def _compiled(self, dialect: Dialect, params: dict) -> _Compiled:
        keys = tuple(sorted(params))
        key = (dialect.name, keys)
        if (found := self._by_dialect.get(key)) is None:
            found = self._by_dialect[key] = _compile(self.statement, dialect, keys)
        return found

    def _run(self, connection: Connection, params: dict | list[dict], many: bool):
        compiled = self._compiled(connection.dialect, params[0] if many else params)
        if many:
            sql = compiled.compiled.string
            values = [_bound(compiled, row) for row in params]
        else:
            sql, values = _expanded(compiled, params) if compiled.expanding else (compiled.compiled.string,
                                                                                 _bound(compiled, params))
        if not connection.in_transaction():
            connection.begin()  # so the connection's commit() commits what runs here
        cursor = connection.connection.dbapi_connection.cursor()
        events = connection._has_events or connection.engine._has_events
        if events:
            for listener in connection.dispatch.before_cursor_execute:
                sql, values = listener(connection, cursor, sql, values, None, many)
        try:
            (cursor.executemany if many else cursor.execute)(sql, values)
        except Exception:
            cursor.close()
            raise
        if events:
            for listener in connection.dispatch.after_cursor_execute:
                listener(connection, cursor, sql, values, None, many)
        return compiled, cursor


def _collected(compiled: _Compiled, cursor) -> list[tuple]:
    """The cursor's rows, converted; the cursor is closed."""
    try:
        fetched = cursor.fetchall()
    finally:
        cursor.close()
    processors = compiled.results
    if any(processors):
        fetched = [tuple(value if convert is None else convert(value) for convert, value in zip(processors, row))
                   for row in fetched]
    return fetched


def _compile(statement: Executable, dialect: Dialect, keys: tuple) -> _Compiled:
    compiled = statement.compile(dialect=dialect, column_keys=list(keys))
    if compiled.escaped_bind_names:
        raise ValueError("bare statements take plain parameter names")
    if getattr(compiled, "insert_prefetch", None) or getattr(compiled, "update_prefetch", None):
        raise ValueError("a bare insert or update sets every column that has a Python-side default itself")
    expanding = any(bind.expanding for bind in compiled.binds.values())
    processors = dict(compiled._bind_processors)
    names = tuple(compiled.positiontup) if compiled.positional else None
    return _Compiled(
        compiled=compiled, expanding=expanding,
        defaults={name: bind.value for name, bind in compiled.binds.items() if bind.value is not None},
        names=names, processors=processors,
        plan=tuple((name, processors.get(name)) for name in names or ()),
        columns=tuple(entry.keyname for entry in compiled._result_columns),
        results=tuple(entry.type._cached_result_processor(dialect, None) for entry in compiled._result_columns),
        expanding_names=tuple(name for name, bind in compiled.binds.items() if bind.expanding))


def _bound(compiled: _Compiled, params: dict):
    values = compiled.defaults | params if compiled.defaults else params
    if compiled.names is not None:
        return tuple(values[name] if convert is None else convert(values[name]) for name, convert in compiled.plan)
    processors: dict[str, Callable] = compiled.processors
    return {name: processors[name](value) if name in processors else value for name, value in values.items()}


def _expanded(compiled: _Compiled, params: dict) -> tuple[str, Any]:
    values = compiled.defaults | params
    lengths = tuple(len(values[name]) for name in compiled.expanding_names)
    # SQLAlchemy writes the SQL afresh for each call; it only depends on the lists' lengths, so it is kept per
    # lengths once it is known that the list items are bound as SQLAlchemy names them (``ids_1``, ``ids_2``, …).
    # At most one per list length a request may send (MAX_MUTATIONS), so the kept shapes stay few.
    flat = _flattened(compiled, values)
    if (shape := compiled.shapes.get(lengths)) is None:
        state = compiled.compiled.construct_expanded_state(values)
        shape = (state.statement, state.positiontup, compiled.processors | state.processors)
        if flat != state.parameters:
            return _converted(shape, state.parameters)
        compiled.shapes[lengths] = shape
    return _converted(shape, flat)


def _flattened(compiled: _Compiled, values: dict) -> dict:
    """The parameters with each IN list's items under names of their own, as ``construct_expanded_state`` binds them."""
    flat = {name: value for name, value in values.items() if name not in compiled.expanding_names}
    for name in compiled.expanding_names:
        flat.update((f"{name}_{i}", item) for i, item in enumerate(values[name], 1))
    return flat


def _converted(shape: tuple, parameters: dict) -> tuple[str, Any]:
    statement, positiontup, processors = shape  # the latter has the expanded names
    converted = {name: processors[name](value) if name in processors else value for name, value in parameters.items()}
    if positiontup is not None:
        return statement, tuple(converted[name] for name in positiontup)
    return statement, converted
