"""Sync fixtures: the same tests on SQLite and on PostgreSQL, a logged-in device, and records to send."""

import uuid

import pytest
from flask_migrate import upgrade
from sqlalchemy import event

from server.catalog.service import load_catalog
from server.extensions import db
from tests.conftest import CONTENT_DIR, MEDIA_DIR, log_in, make_app, register_account


# Logging in hashes a password; the sync tests log in often and test nothing about hashing.
FAST_HASH = {"PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"}


@pytest.fixture(scope="session")
def pg_database(postgres):
    """One migrated PostgreSQL database with the catalogue loaded, shared by the sync tests.

    Sync keeps every runner's data apart, so each test's fresh account is all the isolation it needs.
    """
    url = postgres.create_database("sync_tests")
    app = make_app(url)
    with app.app_context():
        upgrade()
        load_catalog(CONTENT_DIR, MEDIA_DIR)
        db.engine.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sync_app(request):
    """An app on a loaded database: a fresh SQLite copy, then the shared PostgreSQL one."""
    if request.param == "sqlite":
        app = request.getfixturevalue("app")
        app.config.update(FAST_HASH)
        yield app
        return
    app = make_app(request.getfixturevalue("pg_database"), **FAST_HASH)
    yield app
    with app.app_context():
        db.engine.dispose()


class Device:
    """One device of a logged-in runner: a test client, its sync client id and its next mutation id."""

    def __init__(self, app, account, client_id: uuid.UUID | None = None):
        self.app, self.account = app, account
        self.http = app.test_client()
        log_in(self.http, account)
        self.client_id = str(client_id or uuid.uuid4())
        self.next_id = 1

    def push(self, *mutations: dict, ids: list[int] | None = None):
        """POST the mutations, numbered from this device's next id unless ``ids`` says otherwise."""
        numbered = []
        for i, mutation in enumerate(mutations):
            numbered.append({"id": ids[i] if ids else self.next_id + i} | mutation)
        if not ids:
            self.next_id += len(mutations)
        return self.http.post("/api/sync/push", json={"protocol": 1, "client_id": self.client_id,
                                                      "mutations": numbered})

    def pull(self, cursor=None, limit=500):
        """POST a pull."""
        return self.http.post("/api/sync/pull", json={"protocol": 1, "client_id": self.client_id,
                                                      "cursor": cursor, "limit": limit})

    def everything(self) -> dict:
        """Every live record the server holds for this runner, by (entity, id), via reset pulls."""
        records, cursor = {}, None
        while True:
            page = self.pull(cursor, limit=500).get_json()
            for change in page["changes"]:
                key = (change["entity"], change["id"])
                if change["op"] == "put":
                    records[key] = change
                else:
                    records.pop(key, None)
            cursor = page["cursor"]
            if not page["more"]:
                return records


def count_statements(app, call) -> int:
    """How many SQL statements ``call()`` sends to ``app``'s database."""
    count = 0

    def tick(*_):
        nonlocal count
        count += 1

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", tick)
        try:
            call()
        finally:
            event.remove(db.engine, "before_cursor_execute", tick)
    return count


@pytest.fixture
def account(sync_app):
    """A registered runner on ``sync_app``."""
    return new_account(sync_app)


def new_account(app):
    """A runner with an email of its own (PostgreSQL's database is shared by the tests)."""
    return register_account(app, f"runner-{uuid.uuid4().hex[:12]}@example.com")


@pytest.fixture
def device(sync_app, account):
    """A logged-in device of ``account``."""
    return Device(sync_app, account)


@pytest.fixture
def second_device(sync_app, account):
    """Another logged-in device of ``account``."""
    return Device(sync_app, account)


def session_record(record_id: str | None = None, **overrides) -> dict:
    """A valid session record as the player logs it."""
    return {
        "id": record_id or str(uuid.uuid4()),
        "started_at": "2026-11-20T07:00:00Z",
        "ended_at": "2026-11-20T07:20:00Z",
        "time_zone": "Europe/Paris",
        "local_date": "2026-11-20",
        "routine": None,
        "entries": [{"exercise": "side-plank", "side": "left", "seconds": 30}],
        "pain": "none",
    } | overrides


SETTINGS = {"cue_speech": True, "cue_beeps": True, "cue_vibration": True, "switch_seconds": 5, "get_ready_seconds": 10,
            "units": "kg", "time_zone": "auto", "weekly_target": 3, "week_start": "monday", "pauses": [],
            "runs": {}, "weaker_side_first": False}


def level_record(**overrides) -> dict:
    """A progression level as the device stores it: side plank, second rung, 30 s."""
    return {"exercise": "side-plank", "rung": 1, "dose": 30, "since": "2026-11-20T07:00:00Z",
            "updated_at": "2026-11-20T07:00:00Z", **overrides}


def routine_record(**overrides) -> dict:
    """A valid custom routine as the device builds it."""
    return {
        "id": str(uuid.uuid4()), "name": "Ankle armour", "format": "circuit", "rounds": 2, "work_seconds": 40,
        "rest_seconds": 20, "round_rest_seconds": 60,
        "items": [{"exercise": "single-leg-balance", "reps": None, "reps_min": None, "hold_seconds": None,
                   "work_seconds": 30},
                  {"exercise": "glute-bridge", "reps": 12, "reps_min": None, "hold_seconds": None, "work_seconds": None}],
        "created_at": "2026-11-21T07:30:00.000Z", "updated_at": "2026-11-21T07:30:00.000Z",
    } | overrides


def put(entity: str, data: dict, entity_id: str | None = None, base: int | None = None) -> dict:
    """A put mutation (its id is numbered by the device)."""
    return {"op": "put", "entity": entity, "entity_id": entity_id or data["id"], "base_version": base, "data": data}


def remove(entity: str, entity_id: str, base: int | None = None) -> dict:
    """A delete mutation."""
    return {"op": "delete", "entity": entity, "entity_id": entity_id, "base_version": base}


def enrolment_record(**overrides) -> dict:
    """An enrolment as the device stores it: the shipped program, from Monday 30 November 2026."""
    return {"program": "core-and-balance-foundations", "start_date": "2026-11-30", "left_on": None,
            "finished_on": None, "updated_at": "2026-11-30T07:00:00Z", **overrides}
