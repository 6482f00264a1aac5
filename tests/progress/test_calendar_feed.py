"""The private calendar feed of the week plan: made, replaced and revoked by its runner, read by a calendar app."""

import uuid
from datetime import UTC, date, datetime

import icalendar
import pytest

from server.plan import service as plan_service
from server.progress.rules.week_calendar import week_calendar
from server.progress.rules.week_plan import week_plan
from tests.conftest import csrf_token
from tests.sync.conftest import SETTINGS, Device, new_account, put, session_record

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)  # Wednesday 2 December 2026
RUNS = {"tuesday": "hard", "thursday": "easy", "saturday": "hard", "sunday": "easy"}


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """The feed's clock at NOW."""
    original = plan_service.feed_calendar
    monkeypatch.setattr(plan_service, "feed_calendar", lambda token, now=None: original(token, now or NOW))


@pytest.fixture
def device(progress_app):
    """A logged-in device of a new runner, whose run days are synced."""
    runner = Device(progress_app, new_account(progress_app))
    settings_id = str(uuid.uuid5(runner.account.id, "settings"))
    assert runner.push(put("settings", SETTINGS | {"runs": RUNS}, settings_id)).get_json()["rejected"] == []
    return runner


def token_of(url: str) -> str:
    return url.rsplit("/", 1)[1].removesuffix(".ics")


def read_feed(client, url: str) -> list:
    response = client.get(url.removeprefix("http://127.0.0.1:5000"))
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    assert response.headers["Cache-Control"] == "private, no-cache"
    return list(icalendar.Calendar.from_ical(response.data).walk("VEVENT"))


def test_a_new_link_is_shown_once_and_serves_the_plan_around_the_runs(progress_app, device):
    response = device.http.post("/api/plan/calendar")
    assert response.status_code == 201
    url = response.get_json()["url"]
    assert url.startswith("http://127.0.0.1:5000/calendar/") and len(token_of(url)) >= 40
    assert device.http.get("/api/plan/calendar").get_json()["active"] is True
    events = read_feed(progress_app.test_client(), url)  # a calendar app: no cookies, only the link
    this_week = week_plan({"runs": RUNS}, [], "2026-12-02")
    next_week = week_plan({"runs": RUNS}, [], "2026-12-07")
    expected = icalendar.Calendar.from_ical(week_calendar([this_week, next_week], "http://127.0.0.1:5000", "20261202T090000Z"))
    assert [e.decoded("DTSTART") for e in events] == [e.decoded("DTSTART") for e in expected.walk("VEVENT")]
    assert events[0].decoded("DTSTART") == date(2026, 12, 2)


def test_a_session_logged_today_drops_todays_reminder(progress_app, device):
    url = device.http.post("/api/plan/calendar").get_json()["url"]
    before = {e.decoded("DTSTART") for e in read_feed(progress_app.test_client(), url)}
    today = session_record(local_date="2026-12-02", started_at="2026-12-02T08:00:00Z", ended_at="2026-12-02T08:20:00Z", time_zone="UTC")
    assert device.push(put("session", today)).get_json()["rejected"] == []
    after = {e.decoded("DTSTART") for e in read_feed(progress_app.test_client(), url)}
    assert date(2026, 12, 2) in before and date(2026, 12, 2) not in after


def test_replacing_the_link_stops_the_old_one_and_revoking_stops_both(progress_app, device):
    first = device.http.post("/api/plan/calendar").get_json()["url"]
    second = device.http.post("/api/plan/calendar").get_json()["url"]
    app_client = progress_app.test_client()
    assert app_client.get(first.removeprefix("http://127.0.0.1:5000")).status_code == 404
    read_feed(app_client, second)
    assert device.http.delete("/api/plan/calendar").status_code == 204
    assert app_client.get(second.removeprefix("http://127.0.0.1:5000")).status_code == 404
    assert device.http.get("/api/plan/calendar").get_json() == {"active": False, "created_at": None}


@pytest.mark.parametrize("token", ["nope", "a" * 43, "../../etc/passwd"])
def test_an_unknown_link_is_a_404(progress_app, token):
    assert progress_app.test_client().get(f"/calendar/{token}.ics").status_code == 404


@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_the_link_api_needs_a_login(progress_app, method):
    client = progress_app.test_client()
    response = getattr(client, method)("/api/plan/calendar", headers={"X-CSRFToken": csrf_token(client)})
    assert response.status_code == 401 and response.is_json


def test_one_runner_never_reads_anothers_plan(progress_app, device):
    other = Device(progress_app, new_account(progress_app))
    url = other.http.post("/api/plan/calendar").get_json()["url"]
    events = read_feed(progress_app.test_client(), url)
    # The other runner set no run days: the default plan spreads over Wednesday, Friday and Sunday.
    assert [e.decoded("DTSTART") for e in events][:3] == [date(2026, 12, 2), date(2026, 12, 4), date(2026, 12, 6)]
