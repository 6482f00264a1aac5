"""The week plan around runs (/plan) in real Chromium at phone size: placement, run days, the calendar file, offline."""

from datetime import date, datetime, timezone

import icalendar
import pytest
from playwright.sync_api import expect

from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.progress_steps import SEED, session_record
from tests.offline.conftest import wait_until_controlled
from tests.offline.catalogue_steps import eventually

pytestmark = pytest.mark.browser

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc)  # Wednesday 2 December 2026
HARD_TUESDAY_AND_SATURDAY = {"tuesday": "hard", "thursday": "easy", "saturday": "hard", "sunday": "easy"}


def open_plan(page, live_server, sessions=(), runs=None, path="/plan"):
    """Seed the device's log and run days, then open the plan with the clock at NOW."""
    page.clock.install(time=NOW)
    page.goto(live_server.url + "/")
    page.wait_for_function("() => globalThis.steady && steady.db && steady.settings")
    page.evaluate(SEED, list(sessions))
    page.evaluate("([key, value]) => steady.settings.saveSetting(key, value)", ["time_zone", "UTC"])
    if runs is not None:
        page.evaluate("(runs) => steady.settings.saveSetting('runs', runs)", runs)
    page.goto(live_server.url + path)
    if path.startswith("/plan"):
        expect(page.get_by_role("heading", level=1)).to_have_text("Your week")


def day(page, text):
    return page.locator(".plan-day").filter(has=page.get_by_role("heading", name=text))


def test_the_week_is_planned_around_a_hard_run(page, live_server, screenshot):
    open_plan(page, live_server, [session_record(1, date(2026, 11, 30))], HARD_TUESDAY_AND_SATURDAY)
    expect(page.locator(".lede")).to_have_text("1 of 3 done, 2 left this week.")
    expect(day(page, "Mon 30 Nov")).to_contain_text("✓ 1 session done")
    expect(day(page, "Sat 5 Dec")).to_contain_text("Hard run: no session planned.")
    expect(day(page, "Fri 4 Dec")).not_to_contain_text("Core, balance & legs")  # never leg work before a hard run
    today = page.locator(".plan-today")
    expect(today).to_have_attribute("aria-current", "date")
    expect(today).to_contain_text("Core, balance and leg work.")
    expect(today.get_by_role("link", name="Start Hip & foot stabilisers")).to_have_attribute("href", "/routines/hip-and-foot-stabilisers/play")
    axe_in_both_schemes(page, screenshot, "plan-week")


def test_marking_a_hard_run_moves_the_session_off_the_day_before(page, live_server):
    open_plan(page, live_server, runs={})
    expect(day(page, "Wed 2 Dec")).to_contain_text("Core, balance and leg work.")
    page.get_by_label("Thursday").select_option("hard")
    expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    expect(day(page, "Thu 3 Dec")).to_contain_text("Hard run")
    expect(day(page, "Wed 2 Dec")).not_to_contain_text("leg work")
    expect(day(page, "Fri 4 Dec")).to_contain_text("Core, balance and leg work.")
    assert page.evaluate("steady.settings.readSettings()")["runs"] == {"thursday": "hard"}


def test_a_calendar_link_opens_the_day_with_its_start_focused(page, live_server):
    open_plan(page, live_server, runs=HARD_TUESDAY_AND_SATURDAY, path="/plan?day=2026-12-02")
    expect(page.get_by_role("link", name="Start Hip & foot stabilisers")).to_be_focused()


def test_the_calendar_file_is_made_on_the_device_and_reads_back(page, live_server):
    open_plan(page, live_server, runs=HARD_TUESDAY_AND_SATURDAY)
    with page.expect_download() as caught:
        page.get_by_role("button", name="Download calendar file").click()
    download = caught.value
    assert download.suggested_filename == "steady-week-plan.ics"
    calendar = icalendar.Calendar.from_ical(open(download.path(), "rb").read())
    starts = [e.decoded("DTSTART") for e in calendar.walk("VEVENT")]
    assert starts[0] == date(2026, 12, 2) and all(d >= date(2026, 12, 2) for d in starts)
    assert str(calendar.walk("VEVENT")[0]["URL"]) == f"{live_server.url}/plan?day=2026-12-02"


def test_the_plan_works_offline_after_a_visit(page, context, live_server):
    open_plan(page, live_server, runs=HARD_TUESDAY_AND_SATURDAY, path="/")
    wait_until_controlled(page)
    eventually(page, "() => caches.keys().then(async (names) => { for (const n of names) { const c = await caches.open(n); if ((await c.keys()).some((r) => /\\/plan\\./.test(r.url))) return true; } return false; })")
    context.set_offline(True)
    page.goto(live_server.url + "/plan")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your week")
    expect(page.locator(".plan-today")).to_contain_text("Core, balance and leg work.")
    expect(page.get_by_text("A calendar link that stays up to date needs a connection to set up.")).to_be_visible()


LOG_IN = """async ([email, password]) => {
  const csrf = (await (await fetch('/api/auth/csrf')).json()).csrf_token;
  const answer = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrf },
    body: JSON.stringify({ email, password, remember: false }) });
  return answer.status;
}"""


def test_a_logged_in_runner_gets_a_calendar_link_a_calendar_app_can_read(page, live_server, screenshot):
    from tests.conftest import register_account

    account = register_account(live_server.app, "planner@example.com")
    live_server.app.config["ORIGIN"] = live_server.url
    open_plan(page, live_server, runs=HARD_TUESDAY_AND_SATURDAY, path="/")
    assert page.evaluate(LOG_IN, [account.email, account.password]) == 200
    page.goto(live_server.url + "/plan")
    page.get_by_role("button", name="Get a calendar link").click()
    link = page.get_by_label("Your calendar link (shown once: copy it into your calendar app)")
    expect(link).to_be_focused()
    url = link.input_value()
    assert url.startswith(f"{live_server.url}/calendar/") and url.endswith(".ics")
    axe_in_both_schemes(page, screenshot, "plan-calendar-link")
    feed = page.context.request.get(url)  # the feed needs no login; it is computed from the synced log (empty here)
    assert feed.status == 200
    assert len(icalendar.Calendar.from_ical(feed.body()).walk("VEVENT")) > 0
    page.get_by_role("button", name="Stop the link").click()
    expect(page.get_by_role("status").filter(has_text="Calendar link stopped.")).to_be_visible()
    assert page.context.request.get(url).status == 404
