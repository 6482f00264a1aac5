"""A runner browsing the catalogue in real Chromium: list, filter, search, open a card."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from server.catalog.content import read_catalog
from tests.conftest import CONTENT_DIR

pytestmark = pytest.mark.browser
CATALOG = read_catalog(CONTENT_DIR)


def results(page):
    return page.locator("#exercise-results > li")


def test_list_filter_search_and_open_a_card(page, live_server):
    page.goto(f"{live_server.url}/exercises")
    expect(page.get_by_role("heading", level=1)).to_have_text("Exercises")
    expect(results(page)).to_have_count(len(CATALOG.exercises))

    page.get_by_label("Focus").select_option("balance")
    balance = [c for c in CATALOG.exercises.values() if "balance" in c.tags]
    expect(results(page)).to_have_count(len(balance))
    assert "tag=balance" in page.url

    page.get_by_label("Search exercises").fill("heel tap")
    taps = [c for c in balance if "heel tap" in c.name.lower()]
    assert taps, "the catalogue has heel-tap drills"
    expect(results(page)).to_have_count(len(taps))
    expect(page.get_by_role("status").filter(has_text="exercise")).to_have_text(f"{len(taps)} exercises")

    page.get_by_label("Search exercises").fill("zzz")
    expect(page.get_by_role("status").filter(has_text="No exercises match")).to_be_visible()

    page.get_by_label("Focus").select_option("")
    page.get_by_label("Search exercises").fill("plank")
    expect(results(page)).to_have_count(sum("plank" in c.name.lower() for c in CATALOG.exercises.values()))
    page.get_by_role("link", name="Side plank").first.click()

    expect(page).to_have_url(f"{live_server.url}/exercises/side-plank")
    expect(page.get_by_role("heading", level=1)).to_have_text("Side plank")
    card = CATALOG.exercises["side-plank"]
    expect(page.locator("ol.steps > li")).to_have_count(len(card.steps))
    expect(page.get_by_text(card.top_tip)).to_be_visible()
    expect(page.get_by_role("heading", name="Avoid")).to_be_visible()
    # Focus moves to the new page's heading so screen readers announce it.
    assert page.evaluate("document.activeElement.tagName") == "H1"

    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("Exercises")
    expect(page.get_by_label("Search exercises")).to_have_value("plank")


def test_equipment_filter(page, live_server):
    page.goto(f"{live_server.url}/exercises?equipment=none")
    no_kit = [c for c in CATALOG.exercises.values() if not [e for e in c.equipment if not e.optional]]
    expect(results(page)).to_have_count(len(no_kit))
    page.get_by_label("Equipment").select_option("medicine-ball")
    with_ball = [c for c in CATALOG.exercises.values() if any(e.item == "medicine-ball" for e in c.equipment)]
    expect(results(page)).to_have_count(len(with_ball))


def test_variation_links_lead_to_other_cards(page, live_server):
    page.goto(f"{live_server.url}/exercises/side-plank")
    page.get_by_role("region", name="Make it easier").get_by_role("link", name="Plank").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plank")


def test_routine_page_lists_its_exercises(page, live_server):
    routine = CATALOG.routines["back-and-core-circuit"]
    page.goto(f"{live_server.url}/routines")
    page.get_by_role("link", name=routine.name).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(routine.name)
    expect(page.locator(".routine-items > li")).to_have_count(len(routine.items))
    expect(page.get_by_text("3 rounds")).to_be_visible()


def test_keyboard_reaches_the_list_and_opens_a_card(page, live_server):
    page.goto(f"{live_server.url}/exercises")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.get_by_label("Search exercises").focus()
    page.keyboard.type("glute bridge")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Glute bridge")


def test_unknown_card_says_not_found(page, live_server):
    response = page.goto(f"{live_server.url}/exercises/no-such-exercise")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")


PAGES = {
    "home": "/",
    "exercises": "/exercises",
    "card": "/exercises/medicine-ball-wood-chop",
    "routines": "/routines",
    "routine": "/routines/heel-tap-balance-drills",
    "not-found": "/exercises/nothing",
    "storage": "/storage",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_no_accessibility_violations(page, live_server, screenshot, name, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + PAGES[name])
    expect(page.locator("main h1")).to_be_visible()
    result = Axe().run(page)
    screenshot(f"catalog-{name}-{scheme}")
    assert result.violations_count == 0, result.generate_report()
