"""After one online visit, every screen opens with no connection — and with the server gone."""

import pytest
from playwright.sync_api import expect

from server.catalog.content import read_catalog
from tests.conftest import CONTENT_DIR

pytestmark = pytest.mark.browser
CATALOG = read_catalog(CONTENT_DIR)


def visit_every_deep_link(page, base):
    for slug, card in CATALOG.exercises.items():
        page.goto(f"{base}/exercises/{slug}")
        expect(page.get_by_role("heading", level=1)).to_have_text(card.name)
        expect(page.locator("ol.steps > li")).to_have_count(len(card.steps))
    for slug, routine in CATALOG.routines.items():
        page.goto(f"{base}/routines/{slug}")
        expect(page.get_by_role("heading", level=1)).to_have_text(routine.name)
        expect(page.locator(".routine-items > li")).to_have_count(len(routine.items))
    for path, heading in [("/", "Core & balance for runners"), ("/exercises", "Exercises"),
                          ("/routines", "Routines"), ("/storage", "Saved for offline")]:
        page.goto(base + path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)


def test_every_page_by_deep_link_with_the_browser_offline(controlled_page, context, live_server):
    context.set_offline(True)
    controlled_page.reload()
    expect(controlled_page.locator("#connection")).to_have_text("Offline")
    visit_every_deep_link(controlled_page, live_server.url)


def test_every_page_by_deep_link_with_the_server_stopped(controlled_page, live_server):
    live_server.stop()
    controlled_page.reload()
    expect(controlled_page.get_by_role("heading", level=1)).to_have_text("Core & balance for runners")
    visit_every_deep_link(controlled_page, live_server.url)


def test_connection_indicator_is_announced(controlled_page, context):
    badge = controlled_page.locator("#connection")
    expect(badge).to_have_attribute("role", "status")
    expect(badge).to_have_text("Online")
    context.set_offline(True)
    expect(badge).to_have_text("Offline")
    expect(controlled_page.locator("#announcer")).to_contain_text("offline")
    context.set_offline(False)
    expect(badge).to_have_text("Online")


def test_a_failing_catalogue_gets_a_clear_message(page, live_server):
    page.route("**/api/catalog", lambda route: route.fulfill(status=503, body="down"))
    page.goto(live_server.url + "/exercises")
    alert = page.get_by_role("alert")
    expect(alert.get_by_role("heading", level=1)).to_have_text("Steady could not load")
    expect(alert).to_contain_text("HTTP 503")
    expect(alert.get_by_role("button", name="Try again")).to_be_visible()


def test_no_request_leaves_the_origin(page, live_server):
    foreign = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(live_server.url) and not r.url.startswith("data:") else None)
    for path in ["/", "/exercises", "/exercises/side-plank", "/routines", "/routines/back-and-core-circuit", "/storage"]:
        page.goto(live_server.url + path)
        page.get_by_role("heading", level=1).wait_for()
    assert foreign == []
