"""GET /api/progress: the streak rule over sessions and settings pushed through the real sync endpoint."""

import uuid
from datetime import UTC, datetime

import pytest

from server.progress import service
from tests.progress.reference import from_scratch
from tests.sync.conftest import SETTINGS, Device, new_account, put, remove, session_record

CONTRACT = {"weekly", "daily", "freezes", "levels", "asymmetry"}
WEEKLY = ("current", "longest", "target", "this_week")


def session_on(local_date: str, started_at: str | None = None, time_zone: str = "Europe/Paris") -> dict:
    """A valid session logged on ``local_date`` (started at 07:00 UTC that day unless told)."""
    started_at = started_at or f"{local_date}T07:00:00Z"
    return session_record(local_date=local_date, started_at=started_at, ended_at=started_at, time_zone=time_zone)


# Three weeks from Monday 2026-11-09 (3, 2 and 3 sessions, two of them on one day) and one this week.
LOG = ["2026-11-09", "2026-11-11", "2026-11-13", "2026-11-17", "2026-11-19",
       "2026-11-23", "2026-11-25", "2026-11-25", "2026-11-30"]


def expected(device: Device, sessions: list[dict], settings: dict, today: str) -> dict:
    """What the contract holds for these records: the shared rules' results, worked out from scratch."""
    catalogue = device.http.get("/api/catalog").get_json()["exercises"]
    return from_scratch(catalogue, sessions, settings, [], today)


def progress(device: Device, today: str | None = None) -> dict:
    """GET /api/progress as ``device``'s runner, asserting a 200."""
    response = device.http.get("/api/progress" + (f"?today={today}" if today else ""))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def pushed(device: Device, *mutations: dict) -> None:
    """Push through sync, asserting nothing is rejected."""
    response = device.push(*mutations)
    assert response.status_code == 200 and response.get_json()["rejected"] == [], response.get_json()


# 11:30 UTC on 30 November: already 1 December (00:30) in Auckland, still 30 November (03:30) in Los Angeles.
NOW = datetime(2026, 11, 30, 11, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """The server's clock at ``NOW``, so the default and the latest allowed ``today`` never drift."""
    monkeypatch.setattr(service, "utc_now", lambda: NOW)



def test_a_runner_with_no_sessions_has_the_contract_in_zeros(device):
    assert progress(device, "2026-11-30") == {
        "weekly": {"current": 0, "longest": 0, "target": 3, "this_week": 0}, "daily": {"current": 0, "longest": 0},
        "freezes": {"banked": 0, "used": []}, "levels": {}, "asymmetry": {}}


@pytest.mark.parametrize("today", ["2026-11-30", "2026-11-22", "2026-11-26", "2026-12-01"])
def test_synced_sessions_give_what_the_shared_rule_gives(device, today):
    records = [session_on(day) for day in LOG]
    pushed(device, *(put("session", record) for record in records))
    body = progress(device, today)
    assert set(body) == CONTRACT and tuple(body["weekly"]) == WEEKLY
    assert body == expected(device, records, {}, today)


def test_the_numbers_for_a_known_log(device):
    pushed(device, *(put("session", session_on(day)) for day in LOG))
    body = progress(device, "2026-11-30")
    # Week of 11-16 fell short and no freeze was banked: the streak restarted at 11-23.
    assert body["weekly"] == {"current": 1, "longest": 1, "target": 3, "this_week": 1}
    assert body["daily"] == {"current": 1, "longest": 1}


def test_synced_settings_change_the_target_and_the_week_start(device):
    records = [session_on(day) for day in LOG]
    settings = SETTINGS | {"weekly_target": 2, "week_start": "sunday",
                           "pauses": [{"start": "2026-12-01", "end": "2026-12-05", "kind": "injury"}]}
    pushed(device, *(put("session", record) for record in records))
    before = progress(device, "2026-11-30")
    pushed(device, put("settings", settings, str(uuid.uuid5(device.account.id, "settings"))))
    after = progress(device, "2026-11-30")
    assert after == expected(device, records, settings, "2026-11-30") != before
    # Sunday weeks from 11-08 hold 3, 2, 3 and (from 11-29) 1: every past week meets a target of 2.
    assert after["weekly"] == {"current": 3, "longest": 3, "target": 2, "this_week": 1}


def test_a_deleted_session_no_longer_counts(device):
    records = [session_on(day) for day in LOG]
    pushed(device, *(put("session", record) for record in records))
    pushed(device, remove("session", records[-1]["id"]))
    body = progress(device, "2026-11-30")
    assert body == expected(device, records[:-1], {}, "2026-11-30")
    assert body["weekly"]["this_week"] == 0 and body["daily"]["current"] == 0


def test_a_runner_never_sees_another_runners_sessions(progress_app, device):
    other = Device(progress_app, new_account(progress_app))
    pushed(other, *(put("session", session_on(day)) for day in LOG))
    pushed(other, put("settings", SETTINGS | {"weekly_target": 1}, str(uuid.uuid5(other.account.id, "settings"))))
    pushed(device, put("session", session_on("2026-11-30")))
    assert progress(device, "2026-11-30") == expected(device, [session_on("2026-11-30")], {}, "2026-11-30")
    assert progress(other, "2026-11-30")["weekly"]["target"] == 1


AUCKLAND = session_on("2026-11-29", "2026-11-29T06:00:00Z", "Pacific/Auckland")  # 19:00 there
LOS_ANGELES = session_on("2026-11-29", "2026-11-29T18:00:00Z", "America/Los_Angeles")  # 10:00 there


@pytest.mark.parametrize(("log", "today"), [
    ([LOS_ANGELES | {"started_at": "2026-11-28T18:00:00Z", "ended_at": "2026-11-28T18:20:00Z", "local_date": "2026-11-28",
                   "id": str(uuid.uuid4())},
      AUCKLAND], "2026-12-01"),
    ([AUCKLAND | {"started_at": "2026-11-28T06:00:00Z", "ended_at": "2026-11-28T06:20:00Z", "local_date": "2026-11-28",
                "id": str(uuid.uuid4())},
      LOS_ANGELES], "2026-11-30"),
    ([], "2026-11-30"),  # no sessions: UTC
], ids=["latest-in-auckland", "latest-in-los-angeles", "no-sessions"])
def test_today_defaults_to_the_date_where_the_latest_session_was_logged(device, log, today):
    # The older session is pushed last: the latest is found by its start, not by when it synced.
    pushed(device, *(put("session", record) for record in reversed(log)))
    assert progress(device) == progress(device, today) == expected(device, log, {}, today)


def test_the_auckland_runner_missed_yesterday_the_los_angeles_runner_still_has_today(progress_app):
    auckland, los_angeles = (Device(progress_app, new_account(progress_app)) for _ in range(2))
    pushed(auckland, put("session", AUCKLAND))
    pushed(los_angeles, put("session", LOS_ANGELES))
    assert progress(auckland)["daily"] == {"current": 0, "longest": 1}  # 30 November passed with no session
    assert progress(los_angeles)["daily"] == {"current": 1, "longest": 1}  # 30 November is not over there


DATE_MESSAGE = "today must be a date written YYYY-MM-DD."


BAD_TODAY = [
    ("today=", DATE_MESSAGE),
    ("today=2026-13-01", DATE_MESSAGE),
    ("today=2026-02-30", DATE_MESSAGE),
    ("today=0000-01-01", DATE_MESSAGE),
    ("today=30/11/2026", DATE_MESSAGE),
    ("today=20261130", DATE_MESSAGE),
    ("today=2026-W48-1", DATE_MESSAGE),
    ("today=2026-11-30T00:00", DATE_MESSAGE),
    ("today=%202026-11-30", DATE_MESSAGE),
    ("today=2026-11-30%0A", DATE_MESSAGE),
    ("today=%D9%A2%D9%A0%D9%A2%D9%A6-11-30", DATE_MESSAGE),  # Arabic-Indic digits
    ("today=2026-11-30&today=2026-11-29", "Send today once."),
    ("today=2026-12-02", "today can't be after today's date anywhere on Earth."),
    ("today=9999-12-31", "today can't be after today's date anywhere on Earth."),
]


@pytest.mark.parametrize(("query", "message"), BAD_TODAY, ids=[query for query, _ in BAD_TODAY])
def test_a_bad_today_is_a_400_naming_the_field(logged_in_client, query, message):
    response = logged_in_client.get(f"/api/progress?{query}")
    assert response.status_code == 400
    assert response.get_json() == {"error": {"status": 400, "message": message, "field": "today"}}


def test_the_latest_date_on_earth_is_a_good_today(logged_in_client):
    # At NOW it is 01:30 on 1 December in Kiribati (UTC+14), the first place a date begins.
    assert logged_in_client.get("/api/progress?today=2026-12-01").status_code == 200


@pytest.mark.parametrize("query", ["", "?today=2026-11-30", "?today=nonsense"])
def test_logged_out_is_a_json_401(client, query):
    response = client.get(f"/api/progress{query}")
    assert response.status_code == 401
    assert response.get_json() == {"error": {"status": 401, "message": "Log in to do this."}}
