"""GET /api/progress for a runner with 10 years of daily sessions versus one with 1 month, side by side.

In-process (Flask's test client), on SQLite and on a throwaway PostgreSQL, alternating the two
runners round by round so the machine's noise hits both alike (goal: 10 years < 2 x 1 month):
first as the first load after a change (the answer worked out afresh), then loaded again with
nothing synced in between (the answer this process remembers under the log's version).
Wall time, and this process's CPU time (on SQLite the whole request; on PostgreSQL all but the
server's share), which the other engineers' load on a shared machine disturbs less. Also prints
where the 10-year request's time goes: the sessions query and the streak rule alone (CPU).

    .venv/bin/python bench/progress_api.py [--rounds 200] [--skip-postgres]
"""

import statistics
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.sync_cost import Runner, on_both_databases, session_on  # noqa: E402
from server.progress import service  # noqa: E402
from server.progress.rules.streaks import streaks  # noqa: E402

TODAY = date(2026, 11, 30)
LOGS = {"10 years": 3652, "1 month": 30}


def median_ms(call, rounds: int) -> float:
    """The median CPU time of ``call()`` in milliseconds."""
    times = []
    for _ in range(rounds):
        began = time.process_time()
        call()
        times.append(time.process_time() - began)
    return statistics.median(times) * 1000


def measure(app, label: str, rounds: int) -> None:
    """Load both runners through sync, then time their requests alternately and print the figures."""
    runners = {}
    for name, days in LOGS.items():
        runner = runners[name] = Runner(app, f"{name.replace(' ', '-')}-{label}@example.com")
        records = [session_on(TODAY - timedelta(days=n)) for n in range(days)]
        for i in range(0, len(records), 500):
            runner.push(records[i:i + 500])
    url = f"/api/progress?today={TODAY}"
    expected = {"10 years": 3652, "1 month": 30}
    for name, runner in runners.items():
        body = runner.http.get(url).get_json()
        assert body["daily"] == {"current": expected[name], "longest": expected[name]}, body
    for situation, forget in (("first load after a change", True), ("loaded again, nothing synced since", False)):
        wall, cpu = {name: [] for name in LOGS}, {name: [] for name in LOGS}
        for n in range(rounds):
            for name, runner in list(runners.items())[:: 1 if n % 2 else -1]:
                if forget:
                    service.forget_remembered()  # as after a push: the log's version moved, nothing is remembered
                began, began_cpu = time.perf_counter(), time.process_time()
                response = runner.http.get(url)
                wall[name].append(time.perf_counter() - began)
                cpu[name].append(time.process_time() - began_cpu)
                assert response.status_code == 200
        for kind, timings in (("wall", wall), ("app CPU", cpu)):
            old, new = (statistics.median(timings[name]) * 1000 for name in LOGS)
            print(f"{label}: GET /api/progress, {situation}, {kind}, median of {rounds}: 10 years ({LOGS['10 years']} sessions) "
                  f"{old:.2f} ms, 1 month ({LOGS['1 month']}) {new:.2f} ms, ratio {old / new:.2f} (goal < 2)")
    with app.app_context():
        user_id = uuid.UUID(runners["10 years"].http.get("/api/auth/me").get_json()["id"])
        rows = service._sessions(user_id, with_start=False)
        query = median_ms(lambda: service._sessions(user_id, with_start=False), max(rounds // 4, 10))
        sessions = [{"local_date": row[0]} for row in rows]
        rule = median_ms(lambda: streaks(sessions, {}, TODAY.isoformat()), max(rounds // 4, 10))
    print(f"{label}: 10 years alone (CPU): sessions query {query:.2f} ms, streak rule {rule:.2f} ms")


def main() -> None:
    """Print the figures for SQLite, then PostgreSQL."""
    on_both_databases(measure, __doc__.splitlines()[0])

if __name__ == "__main__":
    main()
