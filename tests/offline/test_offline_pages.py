"""After one online visit, every screen opens with no connection — and with the server gone."""

import pytest
from playwright.sync_api import expect

from server.catalog.content import read_catalog
from tests.browser.axe_check import axe_in_both_schemes
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


@pytest.mark.parametrize(("answer", "message"), [
    (lambda route: route.fulfill(status=503, body="down"), "The exercise catalogue could not be loaded (HTTP 503)."),
    (lambda route: route.abort("connectionreset"),
     "The exercises could not be downloaded: the connection to Steady was lost. Check it, then try again."),
    (lambda route: route.fulfill(status=200, content_type="application/json", body='{"version": 3, "exercises": [{"slug'),
     "The exercises arrived incomplete: the connection was cut off. Try again."),
], ids=["server error", "connection lost", "cut off"])
def test_a_failing_catalogue_gets_a_clear_message(page, live_server, screenshot, answer, message):
    page.route("**/api/catalog", answer)
    page.goto(live_server.url + "/exercises")
    alert = page.get_by_role("alert")
    expect(alert.get_by_role("heading", level=1)).to_have_text("Steady could not load")
    expect(alert.get_by_role("paragraph")).to_have_text(message)
    expect(alert.get_by_role("button", name="Try again")).to_be_visible()
    if "lost" in message:
        axe_in_both_schemes(page, screenshot, "first-download-lost")


def test_a_slow_first_download_says_what_the_wait_is_for(page, live_server, screenshot):
    held = []
    page.clock.install()
    page.route("**/api/catalog", lambda route: held.append(route))
    page.goto(live_server.url + "/")
    status = page.locator("#main > .status-message")
    expect(status).to_have_text("Loading…")
    page.clock.run_for(8_100)
    expect(status).to_have_text("Downloading the exercises for the first time. On a slow connection this takes a while; "
                                "once they are here, Steady works offline.")
    expect(status).to_have_attribute("role", "status")
    for scheme in ["light", "dark"]:  # no axe: the shell's "Loading…" state has no heading of its own yet
        page.emulate_media(color_scheme=scheme)
        screenshot(f"first-download-slow-{scheme}")
    held[0].continue_()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(status).to_have_count(0)


def test_no_request_leaves_the_origin(page, live_server):
    foreign = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(live_server.url) and not r.url.startswith("data:") else None)
    for path in ["/", "/exercises", "/exercises/side-plank", "/routines", "/routines/back-and-core-circuit", "/storage"]:
        page.goto(live_server.url + path)
        page.get_by_role("heading", level=1).wait_for()
    assert foreign == []
