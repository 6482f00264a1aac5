"""Push + pull throughput at 16 concurrent devices under ``gunicorn -w 2``, as a ratio to the floor.

Each device is its own runner, logged in over HTTP; one round trip is a push of one new session
followed by a pull from the device's cursor. The floor (``bench/floor_app.py``, a constant JSON
view) is driven by the same 16 threads, two requests per round trip, in the same run, the two
alternating round by round. On SQLite, then on a throwaway PostgreSQL.

The machine is shared, so besides the ratio of round trips per second it prints the ratio of
CPU spent per round trip, in all and by process (this process's threads, the gunicorn workers, PostgreSQL's
backends): what the ratio would be on a machine of one's own, and much steadier.

With ``--before DIR`` (another checkout, e.g. ``git archive <commit> | tar -x -C DIR``), that
code is served too, on the same database with accounts of its own, and measured in the same
rounds, so a change is read as two ratios taken side by side.

    .venv/bin/python bench/sync_throughput.py [--rounds 5] [--seconds 3] [--clients 16] [--before DIR]
        [--skip-sqlite] [--skip-postgres]
"""

import argparse
from datetime import date
import http.client
import json
import statistics
import sys
import tempfile
import threading
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from contextlib import ExitStack
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.app_server import loaded_database, process_cpu_seconds, serve, steady_app  # noqa: E402
from bench.sync_cost import FAST_HASH, loaded_app, session_on  # noqa: E402
from tests.conftest import register_account  # noqa: E402
from tests.postgres import PostgresServer  # noqa: E402

MAX_ROUND_TRIPS = 20_000  # per measurement, whatever the time limit: the load is always bounded


class Connection:
    """One device's HTTP/1.1 connection to 127.0.0.1, with its cookies and CSRF token."""

    def __init__(self, base: str):
        parts = urlsplit(base)
        assert parts.hostname == "127.0.0.1", "benches only ever load this machine"
        self.http = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        self.cookies, self.headers = {}, {"Content-Type": "application/json"}

    def call(self, method: str, path: str, body: dict | None = None) -> dict:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        self.http.request(method, path, body=json.dumps(body) if body is not None else None,
                          headers=self.headers | ({"Cookie": cookie} if cookie else {}))
        response = self.http.getresponse()
        payload = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        if response.status >= 400:
            raise RuntimeError(f"{method} {path} -> {response.status}: {payload[:300]!r}")
        return json.loads(payload) if payload else {}


class Device:
    """A logged-in runner's device on the Steady server."""

    def __init__(self, base: str, account):
        self.connection = Connection(base)
        self.connection.headers["X-CSRFToken"] = self.connection.call("GET", "/api/auth/csrf")["csrf_token"]
        answer = self.connection.call("POST", "/api/auth/login", {"email": account.email, "password": account.password})
        self.connection.headers["X-CSRFToken"] = answer["csrf_token"]
        self.client_id, self.next_id, self.cursor = str(uuid.uuid4()), 1, None

    def round_trip(self) -> None:
        record = session_on(date(2026, 11, 20))
        self.connection.call("POST", "/api/sync/push", {"protocol": 1, "client_id": self.client_id, "mutations": [
            {"id": self.next_id, "op": "put", "entity": "session", "entity_id": record["id"], "data": record}]})
        self.next_id += 1
        page = self.connection.call("POST", "/api/sync/pull", {"protocol": 1, "client_id": self.client_id,
                                                               "cursor": self.cursor, "limit": 100})
        self.cursor = page["cursor"]


class LoggedIn:
    """A reference: the same device asking ``GET /api/auth/me`` twice (login, session and CSRF, no sync)."""

    def __init__(self, device: Device):
        self.connection = device.connection

    def round_trip(self) -> None:
        self.connection.call("GET", "/api/auth/me")
        self.connection.call("GET", "/api/auth/me")


class Floor:
    """The floor's stand-in for a device: two GETs of the constant view per round trip."""

    def __init__(self, base: str):
        self.connection = Connection(base)

    def round_trip(self) -> None:
        self.connection.call("GET", "/")
        self.connection.call("GET", "/")


def cpu_per_round_trip(devices: list, seconds: float, pids: list[int]) -> tuple[float, list[float]]:
    """Round trips per second, and the CPU seconds one costs here and in each of ``pids`` (with their children)."""
    def spent() -> list[float]:
        return [time.process_time(), *(process_cpu_seconds(pid) for pid in pids)]

    began, cpu = time.monotonic(), spent()
    rate = round_trips_per_second(devices, seconds)
    trips = rate * (time.monotonic() - began)
    return rate, [(after - before) / trips for before, after in zip(cpu, spent())]


def round_trips_per_second(devices: list, seconds: float) -> float:
    """Round trips per second with every device in its own thread, bounded in time and count."""
    done, stop_at, lock = [0], time.monotonic() + seconds, threading.Lock()
    errors = []

    def run(device):
        try:
            while time.monotonic() < stop_at:
                device.round_trip()
                with lock:
                    done[0] += 1
                    if done[0] >= MAX_ROUND_TRIPS:
                        return
        except Exception as error:  # noqa: BLE001 - reported below, the bench must not hide a failure
            errors.append(error)

    began = time.monotonic()
    threads = [threading.Thread(target=run, args=(d,)) for d in devices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return done[0] / (time.monotonic() - began)


def measure(label: str, uri: str, options, database_pid: int | None = None) -> None:
    app = loaded_app(uri) if uri.startswith("postgresql") else _app(uri)
    with ExitStack() as servers:
        steady = servers.enter_context(serve(steady_app(uri, **FAST_HASH)))
        floor = servers.enter_context(serve("bench.floor_app:app"))
        database_floor = servers.enter_context(serve("bench.database_floor_app:app", env={"BENCH_DATABASE_URL": uri}))
        devices = _devices(app, steady.url, options.clients, "load")
        drivers = {"sync": devices, "me": [LoggedIn(device) for device in devices],
                   "one statement": [Floor(database_floor.url) for _ in range(options.clients)],
                   "floor": [Floor(floor.url) for _ in range(options.clients)]}
        pids = {"sync": [steady.pid], "me": [steady.pid], "one statement": [database_floor.pid], "floor": [floor.pid]}
        if options.before:
            before = servers.enter_context(serve(steady_app(uri, **FAST_HASH), code=options.before))
            drivers["before"] = _devices(app, before.url, options.clients, "before")
            pids["before"] = [before.pid]
        rates, cpu = {name: [] for name in drivers}, {name: [] for name in drivers}
        parts = {name: [] for name in drivers}  # per round trip: the devices, the app server, the database
        for _ in range(options.rounds):
            for name, round_trippers in drivers.items():
                rate, seconds = cpu_per_round_trip(round_trippers, options.seconds,
                                                   pids[name] + ([database_pid] if database_pid else []))
                rates[name].append(rate)
                cpu[name].append(sum(seconds))
                parts[name].append(seconds)
    ratios = {name: [r / f for r, f in zip(rates[name], rates["floor"])] for name in drivers}
    cpu_ratios = {name: [f / c for c, f in zip(cpu[name], cpu["floor"])] for name in drivers}
    print(f"{label}: {options.clients} devices, push+pull {statistics.median(rates['sync']):.1f} round trips/s, "
          f"floor {statistics.median(rates['floor']):.1f} pairs/s; ratio median {statistics.median(ratios['sync']):.2f} "
          f"(min {min(ratios['sync']):.2f}, max {max(ratios['sync']):.2f}) over {options.rounds} rounds (goal >= 0.5); "
          f"for reference two GET /api/auth/me: {statistics.median(ratios['me']):.2f} of the floor, two views "
          f"of one statement each (bench/database_floor_app.py): {statistics.median(ratios['one statement']):.2f}")
    print(f"{label}: CPU per round trip (ms, median): " + ", ".join(
        f"{name} {statistics.median(cpu[name]) * 1000:.2f}" for name in drivers)
        + "; as a ratio to the floor's: " + ", ".join(
        f"{name} {statistics.median(cpu_ratios[name]):.2f}" for name in drivers if name != "floor"))
    print(f"{label}: CPU per round trip by process (ms, median; devices / app server"
          + (" / database" if database_pid else "") + "): " + ", ".join(
        f"{name} " + " / ".join(f"{statistics.median(p[i] for p in parts[name]) * 1000:.2f}"
                                for i in range(len(parts[name][0]))) for name in drivers))
    if options.before:
        print(f"{label}: before ({options.before}): push+pull ratio median {statistics.median(ratios['before']):.2f} "
              f"(min {min(ratios['before']):.2f}, max {max(ratios['before']):.2f}), in the same rounds")


def _devices(app, base: str, clients: int, prefix: str) -> list[Device]:
    """Logged-in devices of new accounts on the server at ``base``, each with its sync client registered."""
    accounts = [register_account(app, f"{prefix}-{i}-{uuid.uuid4().hex[:6]}@example.com") for i in range(clients)]
    devices = [Device(base, account) for account in accounts]
    for device in devices:
        device.round_trip()  # register the sync clients before measuring
    return devices


_apps: dict = {}


def _app(uri: str):
    from tests.conftest import make_app

    return _apps.setdefault(uri, make_app(uri, **FAST_HASH))


def main() -> None:
    """Print the ratio on SQLite, then on PostgreSQL."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--before", help="another checkout to measure in the same rounds")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    options = parser.parse_args()
    if not options.skip_sqlite:
        measure("sqlite", loaded_database(tempfile.mkdtemp()), options)
    if not options.skip_postgres:
        server = PostgresServer()
        server.start()
        try:
            measure("postgres", server.create_database("bench"), options, server.pid())
        finally:
            server.stop()


if __name__ == "__main__":
    main()
