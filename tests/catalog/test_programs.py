"""Programs as content: the loader refuses a bad one by file and field and loads nothing; the API serves them."""

import shutil

import pytest
from sqlalchemy import func, select

from server.catalog.content import CatalogInvalid, read_catalog
from server.catalog.models import CatalogState, Exercise, Program
from server.catalog.service import load_catalog
from server.extensions import db
from tests.conftest import CONTENT_DIR, MEDIA_DIR

PROGRAM = "programs/core-and-balance-foundations.toml"
WEEK_ONE_SESSIONS = """[[weeks.sessions]]
routine = "core-and-balance-pair"
doses = { medicine-ball-wood-chop = { reps = 8 }, single-leg-balance = { seconds = 20 } }

[[weeks.sessions]]
routine = "heel-tap-balance-drills"
doses = { heel-tap-front = { reps = 5 }, heel-tap-side = { reps = 5 }, heel-tap-rotated = { reps = 5 } }

[[weeks.sessions]]
routine = "after-a-run"
doses = { single-leg-balance = { seconds = 20 }, barefoot-balance = { seconds = 20 } }
"""


@pytest.fixture
def content(tmp_path):
    """A private copy of the real content folder, to break."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    return folder


def edit(folder, old, new):
    path = folder / PROGRAM
    text = path.read_text()
    assert old in text, f"test setup: {old!r} not in {PROGRAM}"
    path.write_text(text.replace(old, new, 1))


BAD_PROGRAMS = [
    pytest.param(WEEK_ONE_SESSIONS, "", "weeks.0.sessions", "Field required", id="week-without-sessions"),
    pytest.param('routine = "heel-tap-balance-drills"', 'routine = "heel-taps"', "weeks.0.sessions.1.routine",
                 "no routine 'heel-taps'", id="unknown-routine"),
    pytest.param("single-leg-balance = { seconds = 20 } }", "single-leg-balance = { seconds = 601 } }",
                 "weeks.0.sessions.0.doses.single-leg-balance.seconds", "less than or equal to 600", id="dose-too-long"),
    pytest.param("medicine-ball-wood-chop = { reps = 8 }", "medicine-ball-wood-chop = { reps = 0 }",
                 "weeks.0.sessions.0.doses.medicine-ball-wood-chop.reps", "greater than or equal to 1", id="dose-zero"),
    pytest.param("medicine-ball-wood-chop = { reps = 8 }", "medicine-ball-wood-chop = { seconds = 8 }",
                 "weeks.0.sessions.0.doses.medicine-ball-wood-chop", "the routine counts this exercise in reps",
                 id="dose-of-the-wrong-kind"),
    pytest.param("medicine-ball-wood-chop = { reps = 8 }", "plank = { seconds = 30 }",
                 "weeks.0.sessions.0.doses.plank", "'core-and-balance-pair' has no exercise 'plank'", id="dose-outside-the-routine"),
    pytest.param("medicine-ball-wood-chop = { reps = 8 }", "medicine-ball-wood-chop = { reps = 8, seconds = 5 }",
                 "weeks.0.sessions.0.doses.medicine-ball-wood-chop", "exactly one of reps or seconds", id="dose-two-measures"),
    pytest.param('sources = ["coach-core-balance"', 'sources = ["a-blog"', "sources.0", "no source 'a-blog'", id="unknown-source"),
    pytest.param('focus = "Learn the moves', 'fokus = "Learn the moves', "weeks.0.fokus", "Extra inputs", id="unknown-key"),
]


@pytest.mark.parametrize(("old", "new", "field", "message"), BAD_PROGRAMS)
def test_a_bad_program_is_named_with_its_field(content, old, new, field, message):
    edit(content, old, new)
    with pytest.raises(CatalogInvalid) as caught:
        read_catalog(content)
    found = [(e.file, e.field, e.message) for e in caught.value.errors]
    assert any((f, fd) == (PROGRAM, field) and message in m for f, fd, m in found), found


def test_eight_sessions_in_a_week_are_refused(content):
    edit(content, WEEK_ONE_SESSIONS, WEEK_ONE_SESSIONS * 3)
    with pytest.raises(CatalogInvalid, match=f"{PROGRAM}: field 'weeks.0.sessions': List should have at most 7 items"):
        read_catalog(content)


@pytest.mark.parametrize(("old", "new"), [(p.values[0], p.values[1]) for p in BAD_PROGRAMS[:3]])
def test_a_bad_program_loads_nothing(bare_app, content, old, new):
    edit(content, old, new)
    with bare_app.app_context():
        with pytest.raises(CatalogInvalid):
            load_catalog(content, MEDIA_DIR)
        assert db.session.scalar(select(func.count()).select_from(Program)) == 0
        assert db.session.scalar(select(func.count()).select_from(Exercise)) == 0
        assert db.session.get(CatalogState, 1) is None


def test_the_shipped_program_is_five_weeks_of_three_rising_to_four():
    program = read_catalog(CONTENT_DIR).programs["core-and-balance-foundations"]
    assert [len(week.sessions) for week in program.weeks] == [3, 3, 4, 4, 4]
    routines = {session.routine for week in program.weeks for session in week.sessions}
    assert {"before-a-run", "after-a-run"} <= routines


def test_programs_are_in_the_catalogue_api(client):
    body = client.get("/api/catalog").get_json()
    [program] = body["programs"]
    assert program["slug"] == "core-and-balance-foundations"
    assert program["name"] == "Core & balance foundations"
    assert set(program) == {"slug", "name", "summary", "tags", "sources", "weeks", "retired"}
    assert program["retired"] is False
    first = program["weeks"][0]
    assert first["focus"].startswith("Learn the moves")
    assert first["sessions"][0] == {"routine": "core-and-balance-pair",
                                    "doses": {"medicine-ball-wood-chop": {"reps": 8}, "single-leg-balance": {"seconds": 20}}}
    assert program["weeks"][1]["sessions"][2] == {"routine": "after-a-run", "doses": {}}
    routines = {r["slug"] for r in body["routines"]}
    assert {s["routine"] for w in program["weeks"] for s in w["sessions"]} <= routines


def test_a_removed_program_is_retired_and_a_kept_one_keeps_its_row(app, content):
    with app.app_context():
        kept = db.session.scalar(select(Program.id))
        shutil.copy(content / PROGRAM, content / "programs" / "second-block.toml")
        load_catalog(content, MEDIA_DIR)
        assert db.session.scalar(select(Program.id).where(Program.slug == "core-and-balance-foundations")) == kept
        (content / "programs" / "second-block.toml").unlink()
        load_catalog(content, MEDIA_DIR)
        # Retired, not deleted: a runner's enrolment may name it.
        assert {p.slug: p.retired for p in db.session.scalars(select(Program))} == {
            "core-and-balance-foundations": False, "second-block": True}
