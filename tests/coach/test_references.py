"""What refers to a slug: one list of sources, each a query that reads JSON documents the same on SQLite and PostgreSQL."""

import uuid

from server.coach.references import SOURCES, Source, references_to
from tests.sync.conftest import (Device, enrolment_record, new_account, pg_database, put, routine_record,  # noqa: F401
                                session_record, sync_app)


def test_runners_records_are_found_by_the_slug_they_name(sync_app):
    device = Device(sync_app, new_account(sync_app))
    # A fresh slug for each run: PostgreSQL's database is shared by the tests.
    marker = f"routine-{uuid.uuid4().hex[:8]}"
    answer = device.push(
        put("session", session_record(routine=marker, entries=[{"exercise": "heel-tap-side", "side": "left",
                                                                "reps": 5}])),
        put("routine", routine_record())).get_json()
    assert answer["rejected"] == []
    with sync_app.app_context():
        assert references_to("routine", marker) == ["a runner's session"]
        assert "a runner's session" in references_to("exercise", "heel-tap-side")
        assert "a runner's own routine" in references_to("exercise", "glute-bridge")
        assert references_to("routine", f"{marker}-x") == []  # a longer slug is another slug
        assert "a runner's session" not in references_to("exercise", "heel-tap")


def test_a_new_kind_of_content_is_one_more_source(app, monkeypatch):
    challenges = {"plank-month": ["plank", "back-and-core-circuit"]}
    monkeypatch.setattr("server.coach.references.SOURCES", [*SOURCES, Source(
        "a challenge", ("exercise", "routine"), lambda kind, slug: any(slug in c for c in challenges.values()))])
    with app.app_context():
        assert references_to("routine", "back-and-core-circuit") == ["a program", "a challenge"]
        assert references_to("exercise", "plank")[-1] == "a challenge"
        assert "a challenge" not in references_to("exercise", "step-up")


def test_a_program_is_named_by_the_enrolments_in_it(app):
    with app.app_context():
        assert references_to("program", "core-and-balance-foundations") == []
    runner = Device(app, new_account(app))
    record_id = str(uuid.uuid5(runner.account.id, "enrolment:core-and-balance-foundations"))
    assert runner.push(put("enrolment", enrolment_record(), record_id)).get_json()["rejected"] == []
    with app.app_context():
        assert references_to("program", "core-and-balance-foundations") == ["a runner's enrolment"]
        assert references_to("program", "core-and-balance") == []
