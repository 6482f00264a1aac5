"""Where a sync round trip's time goes: CPU per request in-process, layer by layer, against the floor.

Each request is a WSGI call on a prepared environ (no HTTP, no test client), timed in thread
CPU time and alternated with the others, so the machine's noise hits every layer alike:

- ``floor``: the floor app's constant JSON view (``bench/floor_app.py``);
- ``stack``: a constant JSON view on Steady's app (its extensions and hooks, no session read);
- ``logged-in GET``: ``GET /api/auth/me`` (session cookie, the user loaded);
- ``logged-in POST``: a POST with the CSRF check that only loads the user;
- ``+ write``: the same POST, plus the least write transaction a push makes (take the user's
  lock, bump the counter, commit);
- ``push`` and ``pull``: one round trip of ``bench/sync_throughput.py``.

And, outside Flask, the database's own floor: that least write transaction through the
SQLAlchemy session, and through the bare DB-API connection. On SQLite, then PostgreSQL.

    .venv/bin/python bench/sync_request_cost.py [--rounds 400] [--skip-postgres]
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_login import current_user, login_required  # noqa: E402
from sqlalchemy import Uuid, bindparam, text  # noqa: E402
from werkzeug.test import EnvironBuilder  # noqa: E402

from bench.floor_app import app as floor_app  # noqa: E402
from bench.sync_cost import loaded_app, session_on  # noqa: E402
from server.extensions import db  # noqa: E402
from tests.conftest import log_in, register_account  # noqa: E402
from tests.postgres import PostgresServer  # noqa: E402

USER = bindparam("uid", type_=Uuid())
LOCK = text("SELECT version FROM sync_user WHERE user_id = :uid FOR UPDATE").bindparams(USER)
BUMP = text("UPDATE sync_user SET version = version + 1 WHERE user_id = :uid").bindparams(USER)
COUNTER = text("INSERT INTO sync_user (user_id, version, purged_version) VALUES (:uid, 0, 0)").bindparams(USER)


def _least_write(user_id) -> None:
    """The least a push writes: the user's lock, one update, the commit."""
    if db.engine.dialect.name == "sqlite":
        db.session.connection().exec_driver_sql("BEGIN IMMEDIATE")
    else:
        db.session.execute(LOCK, {"uid": user_id})
    db.session.execute(BUMP, {"uid": user_id})
    db.session.commit()


class Requests:
    """Prepared WSGI calls on one logged-in account of ``app``."""

    def __init__(self, app):
        self.app = app
        app.add_url_rule("/api/bench/stack", "bench_stack", lambda: {"ok": True})
        app.add_url_rule("/api/bench/post", "bench_post", login_required(lambda: {"ok": True}), methods=["POST"])
        app.add_url_rule("/api/bench/write", "bench_write", login_required(self._write), methods=["POST"])
        account = register_account(app, f"cost-{uuid.uuid4().hex[:8]}@example.com")
        http = app.test_client()
        log_in(http, account)
        self.user_id = account.id
        self.headers = {"Cookie": "; ".join(f"{c.key}={c.value}" for c in http._cookies.values()),
                        "X-CSRFToken": http.environ_base["HTTP_X_CSRFTOKEN"],
                        # The login's address and agent: the session's protection identifier matches.
                        "User-Agent": http.environ_base["HTTP_USER_AGENT"]}
        self.client_id, self.next_id, self.cursor = str(uuid.uuid4()), 1, None
        with app.app_context():
            db.session.execute(COUNTER, {"uid": account.id})
            db.session.commit()

    @staticmethod
    def _write():
        _least_write(current_user.id)
        return {"ok": True}

    def call(self, wsgi, path: str, method: str = "GET", body: dict | None = None, headers: dict | None = None):
        """One WSGI call; the answer's JSON bytes (any status but 200 is an error)."""
        environ = EnvironBuilder(path=path, method=method, json=body, base_url="http://127.0.0.1:5000",
                                 headers=self.headers if headers is None else headers,
                                 environ_base={"REMOTE_ADDR": "127.0.0.1"}).get_environ()
        statuses = []
        began = time.thread_time()
        chunks = wsgi(environ, lambda status, headers, exc_info=None: statuses.append(status))
        answer = b"".join(chunks)
        spent = time.thread_time() - began
        assert statuses[0].startswith("200"), (path, statuses, answer[:300])
        return spent, answer

    def push(self):
        """Push one new session, as the throughput bench does."""
        record = session_on(date(2026, 11, 20))
        spent, _ = self.call(self.app.wsgi_app, "/api/sync/push", "POST", {
            "protocol": 1, "client_id": self.client_id, "mutations": [
                {"id": self.next_id, "op": "put", "entity": "session", "entity_id": record["id"], "data": record}]})
        self.next_id += 1
        return spent

    def pull(self):
        """Pull from the device's cursor, as the throughput bench does."""
        spent, answer = self.call(self.app.wsgi_app, "/api/sync/pull", "POST", {
            "protocol": 1, "client_id": self.client_id, "cursor": self.cursor, "limit": 100})
        self.cursor = json.loads(answer)["cursor"]
        return spent


def _outside_flask(app, user_id) -> dict:
    """The least write transaction without Flask: through the SQLAlchemy session, and on the bare DB-API."""
    with app.app_context():
        session_began = time.thread_time()
        _least_write(user_id)
        db.session.remove()
        through_session = time.thread_time() - session_began
        raw = db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            began = time.thread_time()
            if db.engine.dialect.name == "sqlite":
                cursor.execute("BEGIN IMMEDIATE")
                cursor.execute("UPDATE sync_user SET version = version + 1 WHERE user_id = ?", (user_id.hex,))
            else:
                cursor.execute("SELECT version FROM sync_user WHERE user_id = %s FOR UPDATE", (user_id,))
                cursor.execute("UPDATE sync_user SET version = version + 1 WHERE user_id = %s", (user_id,))
            raw.commit()
            bare = time.thread_time() - began
        finally:
            raw.close()
    return {"write, SQLAlchemy session": through_session, "write, bare DB-API": bare}


def measure(label: str, uri: str, rounds: int) -> None:
    app = loaded_app(uri)
    requests = Requests(app)
    cases = {
        "floor": lambda: requests.call(floor_app.wsgi_app, "/", headers={})[0],
        "stack": lambda: requests.call(app.wsgi_app, "/api/bench/stack", headers={})[0],
        "logged-in GET": lambda: requests.call(app.wsgi_app, "/api/auth/me")[0],
        "logged-in POST": lambda: requests.call(app.wsgi_app, "/api/bench/post", "POST", {})[0],
        "+ write": lambda: requests.call(app.wsgi_app, "/api/bench/write", "POST", {})[0],
        "push": requests.push,
        "pull": requests.pull,
    }
    spent = {name: [] for name in cases} | {"write, SQLAlchemy session": [], "write, bare DB-API": []}
    for _ in range(3):  # warm every cache before timing
        for case in cases.values():
            case()
    for _ in range(rounds):
        for name, case in cases.items():
            spent[name].append(case())
        for name, seconds in _outside_flask(app, requests.user_id).items():
            spent[name].append(seconds)
    floor = statistics.mean(spent["floor"])
    print(f"{label}: CPU per request, mean of {rounds} (µs, and × the floor):")
    for name, values in spent.items():
        print(f"  {name:<26} {statistics.mean(values) * 1e6:7.0f}  {statistics.mean(values) / floor:5.1f}×")


def main() -> None:
    """Print the layers on SQLite, then on PostgreSQL."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=400)
    parser.add_argument("--skip-postgres", action="store_true")
    options = parser.parse_args()
    measure("sqlite", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite", options.rounds)
    if not options.skip_postgres:
        server = PostgresServer()
        server.start()
        try:
            measure("postgres", server.create_database("bench"), options.rounds)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
