"""The progress screen, home's count for the week and the streak settings, in real Chromium at phone size."""

from datetime import date, datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.progress_steps import SEED, session_record
from tests.offline.conftest import wait_until_controlled

pytestmark = pytest.mark.browser

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)  # Monday 30 November 2026, noon UTC


def four_met_weeks_and_two_today() -> list[dict]:
    """Three sessions (Tue–Thu) in each week from 2 Nov, and two on Monday 30 Nov."""
    days = [date(2026, 11, 2) + timedelta(weeks=w, days=d) for w in range(4) for d in (1, 2, 3)]
    days += [date(2026, 11, 30), date(2026, 11, 30)]
    return [session_record(n, day) for n, day in enumerate(days)]


def open_with(page, live_server, path, sessions, settings=None):
    """Seed the device's log and settings, then open `path` with the clock at NOW."""
    page.clock.install(time=NOW)
    page.goto(live_server.url + "/")
    page.wait_for_function("() => globalThis.steady && steady.db && steady.settings")
    page.evaluate(SEED, sessions)
    for key, value in {"time_zone": "UTC", **(settings or {})}.items():
        page.evaluate("([key, value]) => steady.settings.saveSetting(key, value)", [key, value])
    page.goto(live_server.url + path)


def stat(page, label):
    """The value and note of one streak figure."""
    item = page.locator(".stat").filter(has=page.locator("dt", has_text=label))
    return [item.locator(".stat-value").inner_text(), item.locator(".stat-meta").inner_text()]


def check_axe(page, screenshot, name):
    """axe in light and dark, with a screenshot of each."""
    axe_in_both_schemes(page, screenshot, f"progress-{name}")


def test_streaks_calendar_and_charts(page, live_server, screenshot):
    open_with(page, live_server, "/progress", four_met_weeks_and_two_today())
    expect(page.get_by_role("heading", name="Streaks")).to_be_visible()
    assert stat(page, "This week") == ["2 of 3", "In progress: 1 more session by Sunday to keep the streak going."]
    assert stat(page, "Weekly target streak") == ["4 weeks", "Longest: 4 weeks."]
    assert stat(page, "Daily streak") == ["1 day", "Longest: 3 days."]
    assert stat(page, "Freezes banked") == ["1", "None used yet."]
    expect(page.locator(".streaks .hint").last).to_contain_text("Weeks are calendar weeks starting on Monday, not rolling 7-day windows.")

    heat = page.get_by_role("img", name="Sessions in the last 26 weeks: 14 sessions on 13 days.")
    expect(heat).to_be_visible()
    expect(page.locator(".heat-cell:not(.heat-0)")).to_have_count(13)
    charts = page.locator(".exercise-progress")
    expect(charts).to_have_count(3)
    expect(charts.locator("h3")).to_have_text(["Heel raise", "Side plank", "Single-leg balance"])
    side_plank = charts.nth(1)
    expect(side_plank.get_by_role("img")).to_have_accessible_name(
        "Side plank: best hold per day, 13 days from 3 Nov to 30 Nov. Latest: left 33 s, right 29 s.")
    expect(side_plank.locator(".chart-series")).to_have_count(2)
    check_axe(page, screenshot, "streaks")


def test_a_chart_table_opens_from_the_keyboard(page, live_server):
    open_with(page, live_server, "/progress", four_met_weeks_and_two_today())
    summary = page.locator(".exercise-progress").nth(1).get_by_text("Show as a table")
    summary.wait_for()
    page.locator("main h1").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        if summary.evaluate("(el) => el === document.activeElement"):
            break
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")
    table = page.get_by_role("table", name="Side plank: best hold per day")
    expect(table).to_be_visible()
    expect(table.get_by_role("columnheader")).to_have_text(["Day", "Left", "Right"])
    expect(table.get_by_role("row").nth(1)).to_have_text("30 Nov33 s29 s")


def test_a_pause_and_a_used_freeze_are_shown(page, live_server, screenshot):
    # Four met weeks from 26 Oct earn a freeze; the week of 23 Nov is missed and uses it.
    days = [date(2026, 10, 26) + timedelta(weeks=w, days=d) for w in range(4) for d in (1, 2, 3)] + [date(2026, 11, 25)]
    pauses = [{"start": "2026-11-29", "end": "2026-12-04", "kind": "injury"}]
    open_with(page, live_server, "/progress", [session_record(n, d) for n, d in enumerate(days)], {"pauses": pauses})
    expect(page.locator(".pause-note")).to_have_text(
        "Paused (injury) from 29 Nov to 4 Dec 2026: these days neither count toward your streaks nor break them.")
    # The week of 23 Nov touches the pause (29 Nov) and falls short, so it is paused: no freeze is spent.
    assert stat(page, "Freezes banked") == ["1", "None used yet."]
    expect(page.get_by_text("1 week skipped for a pause, neither counting nor breaking the streak; the latest was the week of 23 Nov 2026.")).to_be_visible()
    expect(page.locator(".heat-paused")).to_have_count(2)  # 29 and 30 Nov; the rest of the pause is still to come
    page.evaluate("steady.settings.saveSetting('pauses', [])")
    page.reload()
    assert stat(page, "Freezes banked") == ["0", "Used for the week of 23 Nov 2026."]
    assert stat(page, "Weekly target streak") == ["4 weeks", "Longest: 4 weeks."]
    check_axe(page, screenshot, "freeze-used")


def test_home_shows_this_weeks_count_against_the_target(page, live_server, screenshot):
    open_with(page, live_server, "/", four_met_weeks_and_two_today(), {"weekly_target": 2})
    week = page.get_by_role("region", name="This week")
    expect(week).to_contain_text("2 of 2 sessions · a 5-week streak")
    week.get_by_role("link", name="Your progress").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Progress")
    expect(page.locator(".tab-bar [aria-current=page]")).to_have_text("Progress")
    screenshot("progress-home-light")


def test_an_empty_log(page, live_server):
    open_with(page, live_server, "/progress", [])
    expect(page.locator(".progress .empty").first).to_have_text("No sessions yet. Start a routine or log one and your progress fills in here.")
    assert stat(page, "Weekly target streak") == ["0 weeks", "Longest: 0 weeks."]
    expect(page.get_by_text("No holds or reps logged in the last 12 months.", exact=False)).to_be_visible()


def test_streak_settings_change_what_progress_shows(page, live_server, screenshot):
    open_with(page, live_server, "/settings", four_met_weeks_and_two_today())
    page.get_by_label("Weekly target").select_option("2")
    page.get_by_label("Weeks start on").select_option("sunday")
    add = page.get_by_role("button", name="Add pause")
    add.click()
    expect(page.get_by_label("First day")).to_be_focused()
    expect(page.locator(".pause-add .field-error")).to_have_text(["Enter a real start date.", "Enter a real end date."])
    page.get_by_label("First day").fill("2026-11-20")
    page.get_by_label("Last day").fill("2026-11-10")
    add.click()
    expect(page.locator(".pause-add .field-error")).to_have_text(["The end can't be before the start."])
    page.get_by_label("Last day").fill("2026-12-02")
    page.get_by_label("Kind").select_option("injury")
    add.click()
    expect(page.locator(".pause-list li")).to_have_text(["Injury: 20 Nov 2026 to 2 Dec 2026Remove"])
    expect(page.locator(".pause-add .field-error")).to_have_count(0)
    check_axe(page, screenshot, "settings")
    stored = page.evaluate("steady.settings.readSettings()")
    assert (stored["weekly_target"], stored["week_start"]) == (2, "sunday")
    assert stored["pauses"] == [{"start": "2026-11-20", "end": "2026-12-02", "kind": "injury"}]

    page.goto(live_server.url + "/progress")
    expect(page.locator(".pause-note")).to_contain_text("Paused (injury) from 20 Nov to 2 Dec 2026")
    expect(page.locator(".streaks .hint").last).to_contain_text("Weeks are calendar weeks starting on Sunday")
    assert stat(page, "This week")[0] == "0 of 2"

    page.goto(live_server.url + "/settings")
    page.get_by_role("button", name="Remove pause, Injury: 20 Nov 2026 to 2 Dec 2026").click()
    expect(page.locator(".pause-list li")).to_have_text(["No pauses."])
    assert page.evaluate("steady.settings.readSettings()")["pauses"] == []


def test_progress_works_offline(page, context, live_server):
    open_with(page, live_server, "/", four_met_weeks_and_two_today())
    wait_until_controlled(page)
    context.set_offline(True)
    page.goto(live_server.url + "/progress")
    assert stat(page, "This week")[0] == "2 of 3"
    expect(page.locator(".exercise-progress")).to_have_count(3)
