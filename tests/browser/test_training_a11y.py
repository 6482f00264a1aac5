"""axe finds nothing on the training screens, in light and dark, and phone-size screenshots for a human to look at."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.training_steps import SPY, START, save_session

pytestmark = pytest.mark.browser


def check(page, screenshot, name, *, clock=False):
    """axe in both colour schemes (the page is the same, only the scheme changes), with a screenshot of each."""
    axe_in_both_schemes(page, screenshot, f"training-{name}", clock=clock)


def start_player(page, live_server, slug):
    page.clock.install(time=START)
    page.add_init_script(SPY)
    page.goto(f"{live_server.url}/routines/{slug}/play")
    page.get_by_role("button", name="Start").wait_for()
    page.clock.pause_at(START + timedelta(minutes=1))
    page.get_by_role("button", name="Start").click()
    expect(page.locator(".player-stage")).to_have_attribute("data-kind", "ready")
    page.clock.run_for(10_000)


def test_player_timed_step(page, live_server, screenshot):
    start_player(page, live_server, "back-and-core-circuit")
    page.clock.run_for(21_000)
    expect(page.locator(".player-stage")).to_have_attribute("data-kind", "work")
    expect(page.locator(".timer-digits")).to_have_text("39")
    check(page, screenshot, "player", clock=True)
    page.get_by_role("button", name="Pause").click()
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    screenshot("training-player-paused-light")


def test_player_reps_step_and_rest(page, live_server, screenshot):
    start_player(page, live_server, "core-and-balance-pair")
    expect(page.locator(".player-stage")).to_have_attribute("data-kind", "reps")
    check(page, screenshot, "player-reps", clock=True)
    page.get_by_role("button", name="Done").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".player-stage")).to_have_attribute("data-kind", "switch")
    expect(page.get_by_role("button", name="Pause")).to_be_focused()  # not lost with the redrawn stage
    screenshot("training-player-switch-light")
    page.clock.run_for(5_000)
    page.get_by_role("button", name="Done").click()
    expect(page.locator(".player-stage")).to_have_attribute("data-kind", "rest")
    check(page, screenshot, "player-rest", clock=True)


def test_finish_screen(page, live_server, screenshot):
    start_player(page, live_server, "core-and-balance-pair")
    page.get_by_role("button", name="Done").click()
    page.clock.run_for(5_000)
    page.get_by_role("button", name="Done").click()
    page.get_by_role("button", name="End workout").click()
    page.get_by_role("button", name="End and log what I did").click()
    expect(page.get_by_text("Session complete")).to_be_visible()
    check(page, screenshot, "finish", clock=True)


def test_quick_log_with_and_without_errors(page, live_server, screenshot):
    page.goto(f"{live_server.url}/log")
    page.get_by_label("Add an exercise").select_option("single-leg-balance")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(".bout")).to_have_count(2)
    check(page, screenshot, "log")
    page.locator(".bout").first.get_by_label("Seconds").fill("5000")
    page.get_by_label("Effort, 1 to 10").fill("0")
    page.get_by_role("button", name="Save session").click()
    expect(page.locator(".field-error")).to_have_count(2)
    check(page, screenshot, "log-errors")


def test_history_and_session_detail(page, live_server, screenshot):
    page.goto(f"{live_server.url}/history")
    expect(page.get_by_text("No sessions yet")).to_be_visible()
    save_session(page)
    session = save_session(page, routine="core-and-balance-pair", local_date="2026-11-21", notes="", effort=7, pain="mild",
                           started_at="2026-11-21T07:30:00Z", ended_at="2026-11-21T07:41:00Z", entries=[
        {"exercise": "medicine-ball-wood-chop", "side": side, "reps": reps, "seconds": None, "load_kg": 3, "surface": None, "eyes": None, "footwear": None}
        for side, reps in [("left", 10), ("right", 9)]] + [
        {"exercise": "single-leg-balance", "side": side, "reps": None, "seconds": 30, "load_kg": None, "surface": "foam_pad", "eyes": "closed", "footwear": "barefoot"}
        for side in ["left", "right"]])
    page.reload()
    expect(page.locator(".session-list > li")).to_have_count(2)
    check(page, screenshot, "history")
    page.goto(f"{live_server.url}/history/{session['id']}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Core & balance pair")
    check(page, screenshot, "session")


def test_routine_editor(page, live_server, screenshot):
    page.goto(f"{live_server.url}/routines/new")
    page.get_by_label("Name").fill("Before a long run")
    for slug in ["glute-bridge", "side-plank", "heel-tap-side"]:
        page.get_by_label("Add an exercise").select_option(slug)
        page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(".editor-item")).to_have_count(3)
    check(page, screenshot, "routine-editor")


def test_settings(page, live_server, screenshot):
    page.goto(f"{live_server.url}/settings")
    expect(page.get_by_label("Spoken cues")).to_be_checked()
    check(page, screenshot, "settings")


def test_settings_with_a_value_the_rule_refuses(page, live_server, screenshot):
    page.goto(f"{live_server.url}/settings")
    page.get_by_label("Switch sides pause (seconds)").fill("45")
    page.get_by_label("Switch sides pause (seconds)").press("Tab")
    expect(page.locator(".field-error")).to_have_text("Enter a whole number from 0 to 30.")
    check(page, screenshot, "settings-error")
