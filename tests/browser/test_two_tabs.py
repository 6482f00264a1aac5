"""Two tabs: only one runs the guided workout; the other shows it and offers to take it over."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from server.catalog.content import read_catalog
from tests.browser.test_training_a11y import check
from tests.conftest import CONTENT_DIR

pytestmark = pytest.mark.browser
CATALOG = read_catalog(CONTENT_DIR)
ROUTINE, OTHER = [slug for slug, r in CATALOG.routines.items() if r.work_seconds][:2]
STORED = "steady.workoutStore.readWorkout()"


def test_a_second_tab_offers_to_take_the_workout_over_instead_of_running_it_twice(page, context, live_server, screenshot):
    page.goto(f"{live_server.url}/routines/{ROUTINE}/play")
    page.get_by_role("button", name="Start").click()
    first = page.locator(".player")
    expect(first).to_have_attribute("data-state", "running")

    second = context.new_page()
    second.goto(f"{live_server.url}/routines/{ROUTINE}/play")
    player = second.locator(".player")
    expect(player).to_have_attribute("data-state", "elsewhere")
    expect(player.get_by_role("status")).to_have_text("This workout is running in another tab.")
    results = Axe().run(second)
    assert results.violations_count == 0, results.generate_report()

    # Another routine's intro does not offer to discard the running workout.
    second.goto(f"{live_server.url}/routines/{OTHER}/play")
    name = CATALOG.routines[ROUTINE].name
    expect(second.get_by_text(f"“{name}” is running in another tab.")).to_be_visible()
    expect(second.get_by_role("button", name="Discard it and start this one")).to_have_count(0)
    second.get_by_role("link", name=f"Take over {name} here").click()

    started = second.evaluate(STORED)["started_ms"]
    second.get_by_role("button", name="Take it over here").click()
    expect(player).to_have_attribute("data-state", "running")
    expect(first).to_have_attribute("data-state", "elsewhere")
    expect(first.get_by_role("status")).to_have_text("This workout continued in another tab.")
    check(page, screenshot, "player-taken-over")
    # The same workout carries on: nothing restarted, and the tab that lost it stopped writing.
    second.get_by_role("button", name="Pause").click()
    expect(second.get_by_role("button", name="Resume")).to_be_visible()
    stored = second.evaluate(STORED)
    assert stored["started_ms"] == started
    assert stored["paused_ms"] is not None

    # And back again.
    first.get_by_role("button", name="Take it over here").click()
    expect(first).to_have_attribute("data-state", "running")
    expect(player).to_have_attribute("data-state", "elsewhere")
