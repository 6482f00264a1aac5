"""/api/progress levels and asymmetry, and streaks resumed from the kept walk, for records pushed through sync."""

import uuid

import pytest
from sqlalchemy import select

from server.extensions import db
from server.progress import service
from server.progress.models import StreakCarry
from tests.progress.reference import days_before, from_scratch
from tests.progress.test_progress_api import NOW, progress, pushed
from tests.sync.conftest import SETTINGS, Device, level_record, put, remove, session_record


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """The server's clock at ``NOW``, as in the streak tests."""
    monkeypatch.setattr(service, "utc_now", lambda: NOW)



def plank(day: str, left: int = 30, right: int = 30, pain: str = "none", hour: int = 7, **overrides) -> dict:
    """A side-plank session on ``day``: one hold a side."""
    started = f"{day}T{hour:02d}:00:00Z"
    return session_record(local_date=day, started_at=started, ended_at=started, pain=pain, entries=[
        {"exercise": "side-plank", "side": "left", "seconds": left},
        {"exercise": "side-plank", "side": "right", "seconds": right}]) | overrides


def level_id(device: Device, exercise: str = "side-plank") -> str:
    return str(uuid.uuid5(device.account.id, f"level:{exercise}"))


def test_two_sessions_at_target_on_both_sides_are_ready_to_progress(device):
    pushed(device, put("session", plank("2026-11-26")), put("session", plank("2026-11-28")))
    level = progress(device, "2026-11-30")["levels"]["side-plank"]
    assert level["ready"] is True and level["reason"] == "ready"
    assert level["level"] == {"rung": 0, "dose": 30, "since": None}
    assert level["prescription"] == {"rung": 0, "label": "From the knees", "conditions": {}, "dose": "seconds",
                                     "target": 30}
    assert level["next"] == {"rung": 0, "dose": 35}


def test_one_side_short_of_the_target_is_not_yet_ready(device):
    pushed(device, put("session", plank("2026-11-26")), put("session", plank("2026-11-28", left=25)))
    level = progress(device, "2026-11-30")["levels"]["side-plank"]
    assert (level["ready"], level["reason"]) == (False, "not_yet")


def test_a_pain_flag_holds_the_level_and_stop_suggests_the_easier_version(device):
    pushed(device, put("session", plank("2026-11-26")), put("session", plank("2026-11-28", pain="mild")))
    held = progress(device, "2026-11-30")["levels"]["side-plank"]
    assert (held["ready"], held["reason"]) == (False, "pain")
    assert held["message"] == "Holding this level: you flagged pain in one of your last 2 sessions."
    pushed(device, put("session", plank("2026-11-29", pain="stop")))
    stopped = progress(device, "2026-11-30")["levels"]["side-plank"]
    assert (stopped["ready"], stopped["reason"], stopped["easier"]) == (False, "stop", {"rung": 0, "dose": 15})


def test_a_level_record_set_through_sync_moves_the_prescription(device):
    pushed(device, put("session", plank("2026-11-26")), put("session", plank("2026-11-28")))
    pushed(device, put("level", level_record(rung=1, dose=20, since="2026-11-28T08:00:00Z",
                                             updated_at="2026-11-28T08:00:00Z"), level_id(device)))
    level = progress(device, "2026-11-30")["levels"]["side-plank"]
    assert level["level"] == {"rung": 1, "dose": 20, "since": "2026-11-28T08:00:00Z"}
    assert level["prescription"]["label"] == "From the feet" and level["prescription"]["target"] == 20
    # The sessions before the level was set do not count toward the next step.
    assert (level["ready"], level["reason"]) == (False, "too_few")
    pushed(device, put("session", plank("2026-11-29", left=20, right=20)), put("session", plank("2026-11-30", 22, 21)))
    assert progress(device, "2026-11-30")["levels"]["side-plank"]["next"] == {"rung": 1, "dose": 25}


def test_a_level_record_alone_lists_the_exercise(device):
    pushed(device, put("level", level_record(exercise="plank", rung=0, dose=30, since=None), level_id(device, "plank")))
    levels = progress(device, "2026-11-30")["levels"]
    assert list(levels) == ["plank"] and levels["plank"]["reason"] == "too_few"


def test_asymmetry_over_the_last_four_weeks(device):
    pushed(device, put("session", plank("2026-11-30", left=24, right=30)), put("session", plank("2026-11-10", 18, 30)),
           put("session", plank("2026-11-02", left=10, right=30)))  # 2 November: 29 days back, outside the window
    assert progress(device, "2026-11-30")["asymmetry"] == {"side-plank": {"left": 21.0, "right": 30.0, "deficit_pct": 30}}


def test_deleted_sessions_drop_out_of_levels_and_asymmetry(device):
    lopsided = plank("2026-11-28", left=15, right=30)
    pushed(device, put("session", plank("2026-11-26")), put("session", plank("2026-11-27")), put("session", lopsided))
    before = progress(device, "2026-11-30")
    assert before["levels"]["side-plank"]["reason"] == "not_yet" and before["asymmetry"]["side-plank"]["deficit_pct"] == 17
    pushed(device, remove("session", lopsided["id"]))
    after = progress(device, "2026-11-30")
    assert after["levels"]["side-plank"]["reason"] == "ready"
    assert after["asymmetry"] == {"side-plank": {"left": 30.0, "right": 30.0, "deficit_pct": 0}}


def test_only_the_latest_sessions_of_each_exercise_decide_and_old_ones_are_not_read(device):
    # Years of ready sessions, then two below target: the latest two decide, as on the device.
    old = [plank(days_before("2026-11-20", 7 * n)) for n in range(60)]
    pushed(device, *(put("session", s) for s in old),
           put("session", plank("2026-11-26", left=20)), put("session", plank("2026-11-27", right=20)))
    assert progress(device, "2026-11-30")["levels"]["side-plank"]["reason"] == "not_yet"


def carry_weeks(app, device: Device) -> list[str]:
    """The weeks the runner's kept streak walks reach."""
    with app.app_context():
        carries = db.session.scalars(select(StreakCarry.carry).where(StreakCarry.user_id == device.account.id)).all()
    return sorted(carry["week"] for carry in carries)


def test_resumed_answers_equal_the_from_scratch_ones_across_every_kind_of_change(progress_app, device):
    catalogue = device.http.get("/api/catalog").get_json()["exercises"]
    live = {}
    settings, levels = {}, []

    def push(*records):
        pushed(device, *(put("session", r) for r in records))
        live.update({r["id"]: r for r in records})

    def check(today: str):
        assert progress(device, today) == from_scratch(catalogue, list(live.values()), settings, levels, today), today

    # Twenty weeks of sessions, three most weeks, a missed week now and then.
    push(*(plank(days_before("2026-11-29", n), left=25 + n % 7) for n in range(140) if n % 3 and n // 7 % 6 != 4))
    # Walks are kept at the start of that week, and at the weeks of the grid's last two dates
    # before it (13 September and 8 November 2026) ...
    check("2026-11-22")
    assert carry_weeks(progress_app, device) == ["2026-09-07", "2026-11-02", "2026-11-16"]
    check("2026-11-30")  # ... and this week's moves on
    assert carry_weeks(progress_app, device) == ["2026-09-07", "2026-11-02", "2026-11-30"]
    push(plank("2026-11-30"))  # a session this week: resumed from this week's walk
    check("2026-11-30")
    check("2026-12-01")
    push(plank("2026-11-18", hour=18))  # logged late: resumed from 2 November's
    check("2026-11-30")
    assert carry_weeks(progress_app, device) == ["2026-09-07", "2026-11-02", "2026-11-30"]
    moved = next(r for r in live.values() if r["local_date"] == "2026-09-01")
    push(moved | {"local_date": "2026-09-03", "started_at": "2026-09-03T07:00:00Z", "ended_at": "2026-09-03T07:00:00Z"})  # an old session edited to another day
    check("2026-11-30")
    # A time-zone change: the same instant, now logged in Auckland, falls on the next local date.
    zoned = next(r for r in live.values() if r["local_date"] == "2026-10-05")
    push(zoned | {"time_zone": "Pacific/Auckland", "started_at": "2026-10-05T13:00:00Z", "ended_at": "2026-10-05T13:00:00Z",
                  "local_date": "2026-10-06"})  # 02:00 on the 6th there
    check("2026-11-30")
    for gone in [r for r in live.values() if "2026-08-10" <= r["local_date"] <= "2026-08-16"]:  # a whole old week deleted
        pushed(device, remove("session", gone["id"]))
        del live[gone["id"]]
    check("2026-11-30")
    for change in ({"weekly_target": 2}, {"week_start": "sunday"},
                   {"pauses": [{"start": "2026-09-07", "end": "2026-09-20", "kind": "injury"}]}, {"weekly_target": 4}):
        settings = SETTINGS | settings | change
        pushed(device, put("settings", settings, str(uuid.uuid5(device.account.id, "settings"))))
        check("2026-11-30")
        check("2026-12-01")
    levels = [level_record(rung=1, dose=25, since="2026-11-01T00:00:00Z")]
    pushed(device, put("level", levels[0], level_id(device)))
    check("2026-11-30")
    kept = carry_weeks(progress_app, device)
    check("2026-10-01")  # an earlier day walks from nothing ...
    assert set(kept) <= set(carry_weeks(progress_app, device))
    check("2026-11-30")  # ... and the later walks still serve


def test_a_session_pushed_again_and_edited_in_place_counts_once(device):
    # Sessions a device pushes twice (retried) and edits in place count once.
    record = plank("2026-11-30")
    pushed(device, put("session", record))
    pushed(device, put("session", record | {"pain": "mild"}))
    body = progress(device, "2026-11-30")
    assert body["weekly"]["this_week"] == 1 and body["daily"] == {"current": 1, "longest": 1}
