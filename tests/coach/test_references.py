"""What refers to a slug: one list of sources, each a query that reads JSON documents the same on SQLite and PostgreSQL."""

import uuid

from server.coach.references import references_to
from tests.sync.conftest import Device, new_account, pg_database, put, routine_record, session_record, sync_app  # noqa: F401


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


def test_a_program_refers_to_its_routines_and_the_exercises_it_doses(app):
    with app.app_context():
        assert references_to("routine", "back-and-core-circuit") == ["a program"]
        assert "a program" in references_to("exercise", "medicine-ball-wood-chop")
        assert "a program" not in references_to("routine", "ankles-for-trail-runners")
        assert "a program" not in references_to("exercise", "step-up")
