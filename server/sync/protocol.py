"""The sync protocol, pure: envelopes, mutation order and the field merge (no database, no clock).

Modelled on Replicache push/pull: each client numbers its mutations 1, 2, 3, …; the server
applies them in that order under a per-user lock and stamps every change with the user's next
version; a pull returns what changed after a version cursor.
"""

import json
import math
import uuid
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationError

PROTOCOL = 1
MAX_MUTATIONS = 500
MAX_PULL = 500
MAX_ID = 2**63 - 1  # ids and versions are stored as 64-bit integers
MAX_DEPTH = 32  # deeper than any record of ours; stops a crafted payload from recursing

StrictId = Annotated[int, Strict(), Field(gt=0, le=MAX_ID)]
StrictVersion = Annotated[int, Strict(), Field(ge=0, le=MAX_ID)]


class EnvelopeError(Exception):
    """The request as a whole is malformed: answered 400, naming the field, applying nothing."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class MutationGap(Exception):
    """The batch skips mutation ids: the client must resend from ``expected``."""

    def __init__(self, expected: int):
        super().__init__(f"expected mutation {expected}")
        self.expected = expected


class _MutationHead(BaseModel):
    # Only the id is checked at the envelope level: a bad id makes ordering impossible.
    model_config = ConfigDict(extra="allow")
    id: StrictId


class _Push(BaseModel):
    model_config = ConfigDict(extra="ignore")
    protocol: Literal[1]
    client_id: uuid.UUID
    mutations: list[_MutationHead] = Field(max_length=MAX_MUTATIONS)


class _Pull(BaseModel):
    model_config = ConfigDict(extra="ignore")
    protocol: Literal[1]
    client_id: uuid.UUID
    cursor: StrictVersion | None = None
    limit: Annotated[int, Strict(), Field(ge=1, le=MAX_PULL)] = MAX_PULL


class Mutation(BaseModel):
    """One change a client asks for; checked alone, so a bad one is rejected without blocking the rest."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    id: StrictId
    op: Literal["put", "delete"]
    entity: str
    entity_id: uuid.UUID
    base_version: StrictVersion | None = None
    data: dict | None = None


@dataclass(frozen=True)
class PushRequest:
    """A validated push envelope: the client and its mutations, each still raw."""

    client_id: uuid.UUID
    mutations: list[dict]


@dataclass(frozen=True)
class PullRequest:
    """A validated pull envelope."""

    client_id: uuid.UUID
    cursor: int | None
    limit: int


def _load_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than the parser allows
        raise EnvelopeError("body", "The body is not valid JSON.") from None


def _first_error(error: ValidationError) -> EnvelopeError:
    problem = error.errors()[0]
    where = ".".join(str(part) for part in problem["loc"]) or "body"
    # pydantic's UUID messages describe its parser's internals; say what is wanted instead.
    message = "Input should be a UUID" if problem["type"].startswith("uuid") else problem["msg"]
    return EnvelopeError(where, message)


def _validate(model: type[BaseModel], body: bytes) -> tuple[Any, dict]:
    value = _load_json(body)
    if not isinstance(value, dict):
        raise EnvelopeError("body", "The body must be a JSON object.")
    try:
        return model.model_validate(value), value
    except ValidationError as error:
        raise _first_error(error) from None


def parse_push(body: bytes) -> PushRequest:
    """A push envelope from raw bytes, or EnvelopeError naming the first bad field."""
    envelope, raw = _validate(_Push, body)
    # The heads are validated; each mutation is kept whole, to be checked on its own.
    return PushRequest(client_id=envelope.client_id, mutations=raw["mutations"])


def parse_pull(body: bytes) -> PullRequest:
    """A pull envelope from raw bytes, or EnvelopeError naming the first bad field."""
    envelope, _ = _validate(_Pull, body)
    return PullRequest(client_id=envelope.client_id, cursor=envelope.cursor, limit=envelope.limit)


def new_mutations(last_mutation_id: int, mutations: list[dict]) -> list[dict]:
    """The mutations after ``last_mutation_id``, which must follow it without a gap; else MutationGap."""
    expected = last_mutation_id + 1
    fresh = []
    for mutation in mutations:
        if mutation["id"] < expected and not fresh:
            continue  # already applied: a retry of a push whose answer was lost
        if mutation["id"] != expected:
            raise MutationGap(expected)
        fresh.append(mutation)
        expected += 1
    return fresh


def read_mutation(raw: dict) -> Mutation | str:
    """A mutation checked field by field, or the reason it is rejected."""
    try:
        mutation = Mutation.model_validate(raw)
    except ValidationError as error:
        problem = _first_error(error)
        return f"{problem.field}: {problem.message}"
    if mutation.op == "put" and mutation.data is None:
        return "data: a put needs the record as an object"
    if mutation.data is not None and (problem := unstorable(mutation.data)):
        return f"data: {problem}"
    return mutation


def unstorable(value: Any) -> str | None:
    """Why a JSON value cannot be stored in both databases (NUL, lone surrogates, NaN, depth), or None."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return f"nested more than {MAX_DEPTH} levels deep"
        if isinstance(item, dict):
            stack.extend((key, depth + 1) for key in item)
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, str):
            if "\x00" in item:
                return "text may not contain a NUL character"
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return "text is not valid Unicode"
        elif isinstance(item, float) and not math.isfinite(item):
            return "numbers must be finite"
        elif isinstance(item, int) and not isinstance(item, bool) and abs(item) > 2**53:
            return "numbers must fit in a double"  # JavaScript on the device could not read it back
    return None


def describe_errors(errors: list[dict]) -> str:
    """A rule's [{field, message}] as one reason line."""
    return "; ".join(f"{e['field']}: {e['message']}" for e in errors)


def deterministic_id(namespace: uuid.UUID, name: str) -> uuid.UUID:
    """The id every device computes for a once-per-user record: UUIDv5 of ``name`` in the user's namespace."""
    return uuid.uuid5(namespace, name)


def deterministic_id_text(namespace: str, name: str) -> str:
    """``deterministic_id`` on ids as text, as the device computes it (frontend/js/rules/record-ids.js)."""
    return str(deterministic_id(uuid.UUID(namespace), name))


# --- the field merge -------------------------------------------------------------------------

MISSING = object()


@dataclass
class Stored:
    """A record as the server holds it, in the merge's terms.

    ``fields`` says, per top-level field, the version that last changed it (``v``), the client
    that wrote it (``by``), and the value and version before that change (``p``, ``pv``), so a
    put from an older base can tell a field it left alone from one it changed.
    """

    data: dict | None  # None: absent or a tombstone
    fields: dict = field(default_factory=dict)
    conflicts: dict = field(default_factory=dict)


@dataclass
class Merged:
    """What a put or delete leaves on the record; ``changed`` False means nothing to write."""

    data: dict | None
    fields: dict
    conflicts: dict
    changed: bool


def _meta(stored: Stored, name: str) -> dict:
    return stored.fields.get(name) or {"v": 0, "by": None, "pv": 0}


def _client_changed(meta: dict, value: Any, base: int) -> bool:
    """Whether a client whose base predates the server's change of this field changed it too."""
    if meta["pv"] <= base:  # the client saw the value before the server's change
        before = meta.get("p", MISSING)
        return value is MISSING and before is not MISSING or value is not MISSING and value != before
    return True  # older still: we cannot tell, so keep its value as a conflict rather than lose it


def _fresh_fields(data: dict, version: int, client: str) -> dict:
    return {name: {"v": version, "by": client, "pv": 0} for name in data}


def merge_put(stored: Stored, incoming: dict, *, base: int | None, version: int, client: str,
              untracked: frozenset = frozenset(), valid=lambda data: True) -> Merged:
    """Merge a put into the stored record, field by field; the server's value wins a clash and the loser is kept.

    A field the server changed after ``base`` (by another client) keeps the server's value; if
    the client changed it too, the client's value goes under ``conflicts``. ``untracked`` fields
    (clock stamps) take the latest write in server order. A put on a tombstone revives it: an
    edit beats a delete. ``valid`` checks the merged record; if the mix is not a valid record,
    the server's record stays whole and every differing client field becomes a conflict.
    """
    base = base or 0
    conflicts = {k: c for k, c in stored.conflicts.items() if c["version"] > base}
    if stored.data is None:
        return Merged(incoming, _fresh_fields(incoming, version, client), conflicts, True)
    data, fields, lost, won = dict(stored.data), dict(stored.fields), {}, {}
    for name in sorted(set(stored.data) | set(incoming)):
        mine, theirs = incoming.get(name, MISSING), stored.data.get(name, MISSING)
        if mine == theirs:
            continue
        meta = _meta(stored, name)
        if name in untracked or meta["v"] <= base or meta["by"] == client:
            _write(data, fields, name, mine, theirs, meta, version, client)
            if name not in untracked:
                won[name] = mine
        elif _client_changed(meta, mine, base):
            lost[name] = mine
    if not valid(data):
        data, fields, lost = dict(stored.data), dict(stored.fields), lost | won
    for name, value in lost.items():
        conflicts[name] = {"value": None if value is MISSING else value, "version": version}
    changed = data != stored.data or conflicts != stored.conflicts
    return Merged(data, fields, conflicts, changed)


def _write(data, fields, name, mine, theirs, meta, version, client) -> None:
    if mine is MISSING:
        data.pop(name, None)
    else:
        data[name] = mine
    previous = {"pv": meta["v"]} | ({} if theirs is MISSING else {"p": theirs})
    fields[name] = {"v": version, "by": client} | previous


def delete_wins(stored: Stored, *, base: int | None, client: str) -> bool:
    """Whether a delete applies: not if another client edited the record after the deleting client's base."""
    if stored.data is None:
        return False
    base = base or 0
    return all(meta["v"] <= base or meta["by"] == client for meta in stored.fields.values())
