"""Sync costs that must not grow: pull time for a runner with 10 years of daily sessions versus a
new runner, and SQL statements per push and per pull against the batch size.

In-process (Flask's test client), on SQLite and on a throwaway PostgreSQL, alternating the two
runners round by round so the machine's noise hits both alike.

    .venv/bin/python bench/sync_cost.py [--rounds 200] [--skip-postgres]
"""

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402

from server.catalog.service import load_catalog  # noqa: E402
from tests.conftest import CONTENT_DIR, MEDIA_DIR, log_in, make_app, register_account  # noqa: E402
from tests.postgres import PostgresServer  # noqa: E402
from tests.sync.conftest import count_statements  # noqa: E402

YEARS_OF_DAYS = 3650
FAST_HASH = {"PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000", "TESTING": False, "RATELIMIT_ENABLED": False}


def session_on(day: date) -> dict:
    """A valid logged session on ``day``."""
    return {"id": str(uuid.uuid4()), "started_at": f"{day}T07:00:00Z", "ended_at": f"{day}T07:20:00Z",
            "time_zone": "Europe/Paris", "local_date": str(day), "routine": None, "pain": "none",
            "entries": [{"exercise": "side-plank", "side": "left", "seconds": 30},
                        {"exercise": "side-plank", "side": "right", "seconds": 30}]}


class Runner:
    """A logged-in device: pushes sessions, pulls from its cursor."""

    def __init__(self, app, email: str):
        self.http = app.test_client()
        log_in(self.http, register_account(app, email))
        self.client_id, self.next_id, self.cursor = str(uuid.uuid4()), 1, None

    def push(self, records: list[dict]) -> None:
        mutations = [{"id": self.next_id + i, "op": "put", "entity": "session", "entity_id": r["id"],
                      "base_version": None, "data": r} for i, r in enumerate(records)]
        self.next_id += len(records)
        response = self.http.post("/api/sync/push", json={"protocol": 1, "client_id": self.client_id,
                                                          "mutations": mutations})
        assert response.status_code == 200 and not response.get_json()["rejected"], response.get_json()

    def pull(self, limit: int = 500) -> dict:
        response = self.http.post("/api/sync/pull", json={"protocol": 1, "client_id": self.client_id,
                                                          "cursor": self.cursor, "limit": limit})
        page = response.get_json()
        self.cursor = page["cursor"]
        return page

    def catch_up(self) -> None:
        while self.pull()["more"]:
            pass


def measure(app, label: str, rounds: int) -> None:
    start = date(2016, 11, 21)
    veteran, newcomer = Runner(app, f"veteran-{label}@example.com"), Runner(app, f"new-{label}@example.com")
    days = [start + timedelta(days=i) for i in range(YEARS_OF_DAYS)]
    for i in range(0, len(days), 500):
        veteran.push([session_on(d) for d in days[i:i + 500]])
    veteran.catch_up()
    newcomer.catch_up()
    timings = {"veteran": [], "new": []}
    for n in range(rounds):
        for name, runner in (("veteran", veteran), ("new", newcomer))[:: 1 if n % 2 else -1]:
            runner.push([session_on(date(2026, 11, 20))])
            began = time.perf_counter()
            page = runner.pull()
            timings[name].append(time.perf_counter() - began)
            assert len(page["changes"]) == 1
    old, new = (statistics.median(timings[k]) * 1000 for k in ("veteran", "new"))
    print(f"{label}: pull of one change, median of {rounds}: {YEARS_OF_DAYS + rounds} sessions {old:.2f} ms, "
          f"new runner {new:.2f} ms, ratio {old / new:.2f} (goal <= 1.5)")
    for size in (1, 10, 100, 500):
        runner = Runner(app, f"count-{size}-{label}@example.com")
        records = [session_on(date(2026, 1, 1)) for _ in range(size)]
        pushes = count_statements(app, lambda: runner.push(records))
        pulls = count_statements(app, lambda: runner.pull())
        edits = count_statements(app, lambda: runner.push([r | {"notes": "edited"} for r in records]))
        print(f"{label}: batch {size:>3}: statements per push of new records {pushes}, per push of edits {edits}, "
              f"per pull {pulls}")


def loaded_app(uri: str):
    app = make_app(uri, **FAST_HASH)
    with app.app_context():
        upgrade()
        load_catalog(CONTENT_DIR, MEDIA_DIR)
    return app


def on_both_databases(measure, description: str) -> None:
    """Parse ``--rounds`` and ``--skip-postgres``, then run ``measure(app, label, rounds)`` on SQLite, then PostgreSQL."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--skip-postgres", action="store_true")
    options = parser.parse_args()
    measure(loaded_app(f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite"), "sqlite", options.rounds)
    if not options.skip_postgres:
        server = PostgresServer()
        server.start()
        try:
            measure(loaded_app(server.create_database("bench")), "postgres", options.rounds)
        finally:
            server.stop()


def main() -> None:
    """Print the figures for SQLite, then PostgreSQL."""
    on_both_databases(measure, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
