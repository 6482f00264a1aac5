"""Staying safe at phone size: every card says when to stop, and one note for runners coming back from injury."""

import pytest
from playwright.sync_api import expect

from server.catalog.content import read_catalog
from tests.browser.axe_check import axe_in_both_schemes
from tests.conftest import CONTENT_DIR
from tests.offline.conftest import wait_until_controlled

pytestmark = pytest.mark.browser
CATALOG = read_catalog(CONTENT_DIR)
NOTE = "Coming back from injury"


def test_every_card_says_when_to_stop(page, live_server):
    page.goto(live_server.url + "/exercises")
    for slug, card in CATALOG.exercises.items():
        page.evaluate("(path) => steady.router.navigate(path)", f"/exercises/{slug}")
        expect(page.get_by_role("heading", level=1)).to_have_text(card.name)
        stop = page.get_by_role("complementary", name="When to stop")
        expect(stop).to_contain_text("Stop if you feel sharp pain, pain in a joint, or dizziness.")
        expect(stop.get_by_role("link", name="Coming back from injury?")).to_have_attribute("href", "/coming-back")


def test_the_note_opens_from_a_card_and_from_settings(page, live_server, screenshot):
    page.goto(live_server.url + "/exercises/single-leg-balance")
    expect(page.get_by_role("heading", level=1)).to_have_text("Single-leg balance")  # drawn by the app, not only served
    axe_in_both_schemes(page, screenshot, "card-stop-block")
    page.get_by_role("link", name="Coming back from injury?").click()
    expect(page).to_have_url(live_server.url + "/coming-back")
    expect(page.get_by_role("heading", level=1)).to_have_text(NOTE)
    expect(page.get_by_role("heading", level=1)).to_be_focused()
    expect(page).to_have_title(f"{NOTE} · Steady")
    expect(page.get_by_role("heading", name="Stop and ask for advice")).to_be_visible()
    expect(page.get_by_text("dizziness")).to_be_visible()
    axe_in_both_schemes(page, screenshot, "coming-back")
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("Single-leg balance")

    page.goto(live_server.url + "/settings")
    page.get_by_role("link", name=NOTE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NOTE)


def test_the_note_opens_offline_after_one_visit(page, context, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("heading", level=1).wait_for()
    wait_until_controlled(page)
    context.set_offline(True)
    page.goto(live_server.url + "/coming-back")
    expect(page.get_by_role("heading", level=1)).to_have_text(NOTE)
