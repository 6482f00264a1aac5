"""GET /api/progress for a runner with 10 years of daily sessions versus one with 1 month, side by side.

In-process (Flask's test client), on SQLite and on a throwaway PostgreSQL, alternating the two
runners round by round so the machine's noise hits both alike (goal: 10 years < 2 x 1 month).
The measured request is the whole contract: streaks, levels (a synced level record too) and
asymmetry. Three situations, the GET alone timed in each:

- the first load after a push (today's session edited through sync: the log's version moved);
- loaded again with nothing synced in between (the answer this process remembers);
- the first load after a session 10 days back moved to another day, as a late sync does: the
  streak walk resumes from the kept one before that week (the grid's, up to 16 weeks back);
- the first load after a settings change (the weekly target): every kept walk is set aside and
  the rule walks the whole log again, as after an edit older than the kept walks.

Wall time, and this process's CPU time (on SQLite the whole request; on PostgreSQL all but the
server's share), which the other engineers' load on a shared machine disturbs less. Also prints
where the 10-year request's time goes (CPU, each part alone).

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
from tests.sync.conftest import SETTINGS  # noqa: E402
from server.progress import service, session_index  # noqa: E402
from server.progress.exercises import exercise_progress  # noqa: E402
from server.progress.rules.streaks import streaks_carried  # noqa: E402
from server.progress.streaks import _Log, current_streaks  # noqa: E402

TODAY = date(2026, 11, 30)
LOGS = {"10 years": 3652, "1 month": 30}
LEVEL = {"exercise": "side-plank", "rung": 0, "dose": 30, "since": "2026-01-01T00:00:00Z",
         "updated_at": "2026-01-01T00:00:00Z"}


def median_ms(call, rounds: int) -> float:
    """The median CPU time of ``call()`` in milliseconds."""
    times = []
    for _ in range(rounds):
        began = time.process_time()
        call()
        times.append(time.process_time() - began)
    return statistics.median(times) * 1000


def put(runner: Runner, entity: str, data: dict, entity_id: str) -> None:
    """Push one put through sync, asserting it is accepted."""
    mutation = {"id": runner.next_id, "op": "put", "entity": entity, "entity_id": entity_id, "base_version": None,
                "data": data}
    runner.next_id += 1
    response = runner.http.post("/api/sync/push", json={"protocol": 1, "client_id": runner.client_id,
                                                        "mutations": [mutation]})
    assert response.status_code == 200 and not response.get_json()["rejected"], response.get_json()


def load(app, label: str) -> dict:
    """Both runners, their sessions and a level record pushed through sync; {name: (runner, today's, a past one)}."""
    runners = {}
    for name, days in LOGS.items():
        runner = Runner(app, f"{name.replace(' ', '-')}-{label}@example.com")
        records = [session_on(TODAY - timedelta(days=n)) for n in range(days)]
        for i in range(0, len(records), 500):
            runner.push(records[i:i + 500])
        user_id = uuid.UUID(runner.http.get("/api/auth/me").get_json()["id"])
        put(runner, "level", LEVEL, str(uuid.uuid5(user_id, "level:side-plank")))
        runner.user_id = user_id
        runners[name] = (runner, records[0], records[10])
    return runners


def edit_today(runner: Runner, record: dict, n: int) -> None:
    """Today's session, its hold a second longer or not: a change to the log in this week."""
    entries = [entry | {"seconds": 30 + n % 2} for entry in record["entries"]]
    put(runner, "session", record | {"entries": entries}, record["id"])


def move_past(runner: Runner, record: dict, n: int) -> None:
    """A session 10 days back, moved a day earlier or back: a change to a week the kept walk covers."""
    day = date.fromisoformat(record["local_date"]) - timedelta(days=n % 2)
    put(runner, "session", record | {"local_date": str(day), "started_at": f"{day}T07:00:00Z",
                                     "ended_at": f"{day}T07:20:00Z"}, record["id"])


def change_target(runner: Runner, n: int) -> None:
    """The weekly target set to 2 or back to 3."""
    settings = SETTINGS | {"weekly_target": 2 + n % 2}
    put(runner, "settings", settings, str(uuid.uuid5(runner.user_id, "settings")))


def measure(app, label: str, rounds: int) -> None:
    """Load both runners through sync, then time their requests alternately and print the figures."""
    runners = load(app, label)
    url = f"/api/progress?today={TODAY}"
    for name, (runner, _, _) in runners.items():
        body = runner.http.get(url).get_json()
        assert body["daily"] == {"current": LOGS[name], "longest": LOGS[name]}, body
        assert body["levels"]["side-plank"]["ready"] and body["asymmetry"]["side-plank"]["deficit_pct"] == 0, body
    situations = (("first load after a push", lambda runner, today, past, n: edit_today(runner, today, n)),
                  ("loaded again, nothing synced since", None),
                  ("first load after a session 10 days back moved", lambda runner, today, past, n: move_past(runner, past, n)),
                  ("first load after a settings change (whole walk)", lambda runner, today, past, n: change_target(runner, n)))
    for situation, change in situations:
        wall, cpu = {name: [] for name in LOGS}, {name: [] for name in LOGS}
        for n in range(rounds):
            for name, (runner, today, past) in list(runners.items())[:: 1 if n % 2 else -1]:
                if change:
                    change(runner, today, past, n)
                began, began_cpu = time.perf_counter(), time.process_time()
                response = runner.http.get(url)
                wall[name].append(time.perf_counter() - began)
                cpu[name].append(time.process_time() - began_cpu)
                assert response.status_code == 200
        for kind, timings in (("wall", wall), ("app CPU", cpu)):
            old, new = (statistics.median(timings[name]) * 1000 for name in LOGS)
            print(f"{label}: GET /api/progress, {situation}, {kind}, median of {rounds}: 10 years ({LOGS['10 years']} sessions) "
                  f"{old:.2f} ms, 1 month ({LOGS['1 month']}) {new:.2f} ms, ratio {old / new:.2f} (goal < 2)")
    runner = runners["10 years"][0]
    with app.app_context():
        user_id = uuid.UUID(runner.http.get("/api/auth/me").get_json()["id"])
        version = service._log_version(user_id)
        change_target(runner, 1)  # back to 3
        runner.http.get(url)  # the kept walks made under it
        times = max(rounds // 4, 10)
        resumed = median_ms(lambda: current_streaks(user_id, SETTINGS | {"weekly_target": 3}, TODAY, version), times)
        query = median_ms(lambda: session_index.day_counts(user_id), times)
        sessions = _Log(session_index.day_counts(user_id)).sessions
        rule = median_ms(lambda: streaks_carried(None, sessions, {}, TODAY.isoformat()), times)
        exercises = median_ms(lambda: exercise_progress(user_id, TODAY), times)
    print(f"{label}: 10 years alone (CPU): streaks resumed from the kept walk {resumed:.2f} ms; walked from nothing: "
          f"day counts query {query:.2f} ms + streak rule {rule:.2f} ms; levels and asymmetry {exercises:.2f} ms")


def main() -> None:
    """Print the figures for SQLite, then PostgreSQL."""
    on_both_databases(measure, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
