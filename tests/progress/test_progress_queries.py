"""What GET /api/progress costs the database: a fixed number of statements, and on SQLite an index, not the JSON."""

import pytest
from sqlalchemy import text

from server.extensions import db
from server.progress import service, session_index
from tests.sync.conftest import Device, count_statements, new_account, put, remove, session_record


def statements_for(app, device: Device, query: str) -> int:
    """SQL statements one GET /api/progress sends."""
    return count_statements(app, lambda: device.http.get(f"/api/progress{query}"))


@pytest.mark.parametrize("query", ["?today=2026-11-30", ""])
def test_the_statements_do_not_grow_with_the_log(progress_app, query):
    small, large = (Device(progress_app, new_account(progress_app)) for _ in range(2))
    small.push(put("session", session_record()))
    large.push(*(put("session", session_record(local_date=f"2026-11-{day:02}", started_at=f"2026-11-{day:02}T07:00:00Z",
                                               ended_at=f"2026-11-{day:02}T07:20:00Z")) for day in range(1, 31)))
    small.http.get("/api/catalog")  # the catalogue this process serves is read once, not per request
    service.forget_remembered()
    # The login's user, the log's version, the settings, the kept streak walk (none yet), the day
    # counts, the new walk kept; the catalogue's version, the level records, the exercises logged
    # and the sessions levels and asymmetry read; with no today, the latest session's zone first.
    first = 10 if query else 11
    assert statements_for(progress_app, small, query) == statements_for(progress_app, large, query) == first
    # After a push: the kept walk, whether a session before its week changed, the day counts since
    # it, and no walk to keep (the week is the same).
    small.push(put("session", session_record(local_date="2026-11-30", started_at="2026-11-30T07:00:00Z",
                                             ended_at="2026-11-30T07:20:00Z")))
    large.push(put("session", session_record(local_date="2026-11-30", started_at="2026-11-30T07:00:00Z",
                                             ended_at="2026-11-30T07:20:00Z")))
    assert statements_for(progress_app, small, query) == statements_for(progress_app, large, query) == first
    # Loaded again with nothing synced in between: the user and the version, nothing that grows.
    assert statements_for(progress_app, small, query) == statements_for(progress_app, large, query) == 2


def test_a_remembered_answer_follows_every_change_to_the_log(progress_app):
    device = Device(progress_app, new_account(progress_app))
    url = "/api/progress?today=2026-11-30"
    device.push(put("session", session_record(local_date="2026-11-29", started_at="2026-11-29T07:00:00Z", ended_at="2026-11-29T07:20:00Z")))
    assert device.http.get(url).get_json()["weekly"]["this_week"] == 0  # Sunday's session was last week
    today = session_record(local_date="2026-11-30", started_at="2026-11-30T07:00:00Z", ended_at="2026-11-30T07:20:00Z")
    device.push(put("session", today))
    assert device.http.get(url).get_json()["weekly"]["this_week"] == 1
    device.push(remove("session", today["id"]))
    assert device.http.get(url).get_json()["weekly"]["this_week"] == 0


def query_plan(statement) -> str:
    """SQLite's plan for ``statement``, as one line."""
    compiled = statement.compile(db.engine, compile_kwargs={"literal_binds": True})
    return " ".join(row[-1] for row in db.session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all())


def test_the_latest_sessions_of_an_exercise_and_a_span_of_dates_are_read_from_the_session_index(app, user):
    with app.app_context():
        plan = query_plan(session_index.sessions_to_read(user.id, {"side-plank": None, "plank": "2026-11-01T00:00:00Z"},
                                                         "2026-11-03", "2026-11-30", 2))
    assert plan.count("USING COVERING INDEX ix_session_exercise_user_id_exercise") == 2
    assert "ix_session_exercise_user_id_local_date" in plan and "SCAN" not in plan.replace("SCAN latest_", "")


@pytest.mark.parametrize("with_start", [False, True])
def test_on_sqlite_the_sessions_query_reads_the_index_on_their_dates(app, user, with_start):
    with app.app_context():
        statement = service._sessions_query(user.id, with_start)
        compiled = statement.compile(db.engine, compile_kwargs={"literal_binds": True})
        plan = db.session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
    assert "USING INDEX ix_session_record_user_id_dates" in " ".join(row[-1] for row in plan)
