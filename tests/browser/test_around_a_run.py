"""Home at phone size: one tap into the routines for before and after a run, and the runner's own routines with their time."""

import re

import pytest
from playwright.sync_api import expect

from server.catalog.content import read_catalog
from tests.browser.axe_check import axe_in_both_schemes
from tests.conftest import CONTENT_DIR

pytestmark = pytest.mark.browser
CATALOG = read_catalog(CONTENT_DIR)
ABOUT_FIVE_MINUTES = re.compile(r"About [4-6] min$")


def save_routine(page, name: str) -> dict:
    """Store a custom routine of three exercises through the app's own data layer."""
    return page.evaluate(
        """(name) => steady.customRoutines.saveRoutine({
          name, format: 'circuit', rounds: 3, work_seconds: 40, rest_seconds: 20, round_rest_seconds: 60,
          items: ['plank', 'side-plank', 'glute-bridge'].map((exercise) =>
            ({ exercise, reps: null, reps_min: null, hold_seconds: null, work_seconds: null })),
        })""",
        name,
    )


@pytest.mark.parametrize(("label", "slug"), [("Before a run", "before-a-run"), ("After a run", "after-a-run")])
def test_one_tap_from_home_starts_the_routine_for_before_or_after_a_run(page, live_server, label, slug):
    page.goto(live_server.url + "/")
    region = page.get_by_role("region", name="Around your run")
    start = region.get_by_role("link", name=label)
    expect(start).to_have_text(ABOUT_FIVE_MINUTES)
    box = start.bounding_box()
    assert box["y"] + box["height"] <= 844 - 60, "in the first screen, above the tab bar"
    start.click()
    expect(page).to_have_url(f"{live_server.url}/routines/{slug}/play")
    expect(page.get_by_role("heading", level=1)).to_have_text(CATALOG.routines[slug].name)
    page.get_by_role("button", name="Start").click()
    expect(page.locator(".player-stage .player-step")).to_have_text("Get ready")


def test_the_runners_own_routines_are_on_home_and_first_on_routines(page, live_server, screenshot):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("region", name="Around your run")).to_be_visible()
    expect(page.get_by_role("region", name="Your routines")).to_have_count(0)  # none yet: no empty section
    save_routine(page, "Gym basement")
    page.reload()
    own = page.get_by_role("region", name="Your routines")
    # 9 bouts × 40 s, six 20 s rests and two 60 s round rests, three 5 s side switches, 10 s to get ready: 625 s.
    expect(own.locator(".card-meta")).to_have_text(re.compile(r"^About 10 min · 3 exercises · Circuit"))
    expect(own.get_by_role("link", name="Start Gym basement")).to_have_attribute("href", re.compile(r"/play$"))
    axe_in_both_schemes(page, screenshot, "home-around-a-run")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Routines").click()
    headings = page.locator("main h2")
    expect(headings.first).to_have_text("Your routines")
    expect(page.get_by_role("region", name="Your routines").locator(".card-meta")).to_contain_text("About 10 min")
    expect(page.get_by_role("region", name="Ready-made").locator(".card")).to_have_count(len(CATALOG.routines))
    axe_in_both_schemes(page, screenshot, "routines-own-first")
