"""The tab bar at phone size: five tabs and More hold every main screen, by touch, keyboard and offline."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe_check import axe_in_both_schemes
from tests.offline.conftest import wait_until_controlled, wait_until_routed

pytestmark = pytest.mark.browser

TABS = ["Home", "Exercises", "Routines", "Log", "History"]
# Behind More: (label, address, the screen's heading)
MORE = [("Progress", "/progress", "Progress"), ("Plan", "/plan", "Your week"),
        ("Settings", "/settings", "Settings"), ("Account", "/account", "Account")]

# Each tab's label as drawn (its text's box, not the link's), left to right.
LABEL_BOXES = """() => [...document.querySelectorAll('.tab-bar > a, .more-button')].map((item) => {
  const range = document.createRange();
  range.selectNodeContents(item.lastChild);
  const box = range.getBoundingClientRect();
  return { left: box.left, right: box.right, top: box.top, itemRight: item.getBoundingClientRect().right,
           icon: item.querySelector('svg').getBoundingClientRect().height };
})"""


def nav(page):
    return page.get_by_role("navigation", name="Main")


def test_every_main_screen_fits_a_phone_with_room_between_the_labels(page, live_server, screenshot):
    page.goto(live_server.url + "/")
    for label in TABS:
        expect(nav(page).get_by_role("link", name=label, exact=True)).to_be_visible()
    expect(nav(page).get_by_role("button", name="More")).to_be_visible()
    boxes = page.evaluate(LABEL_BOXES)
    assert len(boxes) == 6
    assert all(b["icon"] >= 20 for b in boxes), "every tab has its icon"
    assert boxes[-1]["itemRight"] <= 390
    gaps = [after["left"] - before["right"] for before, after in zip(boxes, boxes[1:])]
    assert min(gaps) >= 12, f"labels too close: {gaps}"
    assert len({round(b["top"]) for b in boxes}) == 1, "one line of labels"
    nav(page).get_by_role("button", name="More").click()
    axe_in_both_schemes(page, screenshot, "nav-more-open")


@pytest.mark.parametrize(("label", "path", "heading"), MORE)
def test_more_opens_the_other_screens_and_marks_the_current_one(page, live_server, label, path, heading):
    page.goto(live_server.url + "/exercises")
    more = nav(page).get_by_role("button", name="More")
    expect(more).to_have_attribute("aria-expanded", "false")
    expect(nav(page).get_by_role("link", name=label, exact=True)).to_be_hidden()
    more.click()
    expect(more).to_have_attribute("aria-expanded", "true")
    nav(page).get_by_role("link", name=label, exact=True).click()
    expect(page).to_have_url(live_server.url + path)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(more).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#more-menu")).to_be_hidden()
    expect(page.locator(f"#more-menu [href='{path}']")).to_have_attribute("aria-current", "page")
    expect(more).to_have_attribute("data-current", "true")
    expect(page.locator(".tab-bar [aria-current=page]")).to_have_count(1)


def test_more_works_by_keyboard(page, live_server):
    page.goto(live_server.url + "/")
    wait_until_routed(page)
    more = nav(page).get_by_role("button", name="More")
    nav(page).get_by_role("link", name="History").focus()
    page.keyboard.press("Tab")
    expect(more).to_be_focused()
    page.keyboard.press("Enter")
    expect(more).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(more).to_have_attribute("aria-expanded", "false")
    expect(more).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(nav(page).get_by_role("link", name="Progress")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(nav(page).get_by_role("link", name="Settings")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Settings")
    expect(page.get_by_role("heading", level=1)).to_be_focused()
    expect(more).to_have_attribute("data-current", "true")
    # A tab outside More: More no longer claims the current screen.
    nav(page).get_by_role("link", name="Log").click()
    expect(page.locator(".tab-bar [aria-current=page]")).to_have_text("Log")
    expect(more).to_have_attribute("data-current", "false")


def test_a_tab_tapped_while_the_first_visit_loads_opens_in_place(page, live_server):
    # The first visit's catalogue is held back, as on a slow connection: a whole page load on the tap
    # would start that download over; the app instead draws the tapped screen once it arrives.
    held = []
    page.route("**/api/catalog", lambda route: held.append(route))
    page.goto(live_server.url + "/")
    expect(page.get_by_role("status").filter(has_text="Loading…")).to_be_visible()
    page.evaluate("window.sameDocument = true")
    nav(page).get_by_role("link", name="Exercises").click()
    expect(page).to_have_url(live_server.url + "/exercises")
    expect(nav(page).get_by_role("link", name="Exercises")).to_have_attribute("aria-current", "page")
    held[0].continue_()
    expect(page.get_by_role("heading", level=1)).to_have_text("Exercises")
    expect(page.get_by_role("heading", level=1)).to_be_focused()
    assert page.evaluate("window.sameDocument") is True, "no page load"
    page.go_back()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Exercises")
    expect(page).to_have_url(live_server.url + "/")


def test_a_tap_outside_closes_more(page, live_server):
    page.goto(live_server.url + "/")
    more = nav(page).get_by_role("button", name="More")
    more.click()
    page.get_by_role("heading", level=1).click()
    expect(more).to_have_attribute("aria-expanded", "false")


def test_more_works_offline(page, context, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("heading", level=1).wait_for()
    wait_until_controlled(page)
    context.set_offline(True)
    page.reload()
    nav(page).get_by_role("button", name="More").click()
    nav(page).get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Settings")


def test_on_a_wide_screen_every_screen_is_in_one_row(page, live_server):
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(live_server.url + "/")
    expect(nav(page).get_by_role("button", name="More")).to_be_hidden()
    for label, _, _ in MORE:
        expect(nav(page).get_by_role("link", name=label, exact=True)).to_be_visible()
