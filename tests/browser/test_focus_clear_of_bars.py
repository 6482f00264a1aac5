"""Keyboard focus is never hidden under the fixed top bar or tab bar at phone size: tabbing through a
long screen scrolls each focused control clear of both."""

import pytest

from tests.browser.training_steps import open_offline, start_player

pytestmark = pytest.mark.browser

# For the focused element: its box, and the edges of the bars it must stay clear of.
WHERE = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  const top = document.querySelector('.top-bar').getBoundingClientRect().bottom;
  const status = document.getElementById('sync-status');
  const below = status && !status.hidden ? Math.max(top, status.getBoundingClientRect().bottom) : top;
  const bar = document.querySelector('.tab-bar').getBoundingClientRect().top;
  return { inMain: document.getElementById('main').contains(el), label: el.outerHTML.slice(0, 80),
           top: box.top, bottom: box.bottom, height: box.height, clearTop: below, clearBottom: bar };
}"""


def tab_through_main(page, presses: int = 80) -> int:
    """Press Tab through the screen; fail on any focused control in <main> under a bar. Returns how many were checked."""
    checked = 0
    for _ in range(presses):
        page.keyboard.press("Tab")
        where = page.evaluate(WHERE)
        if not where["inMain"] or where["height"] == 0:
            continue
        checked += 1
        assert where["bottom"] <= where["clearBottom"] + 0.5, f"under the tab bar: {where}"
        assert where["top"] >= where["clearTop"] - 0.5, f"under the top bar: {where}"
    return checked


def add_exercise(page, name: str) -> None:
    page.get_by_label("Add an exercise").select_option(label=name)
    page.get_by_role("button", name="Add", exact=True).click()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tabbing_through_the_quick_log_keeps_focus_in_view(page, context, live_server, scheme):
    page.set_viewport_size({"width": 390, "height": 844})
    page.emulate_media(color_scheme=scheme)
    open_offline(page, context, live_server, "/log")
    for name in ["Single-leg balance", "Medicine-ball wood chop", "Plank", "Glute bridge"]:
        add_exercise(page, name)
    page.locator("main h1").focus()
    assert tab_through_main(page) > 30


def test_tabbing_through_settings_and_a_card_keeps_focus_in_view(page, context, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    open_offline(page, context, live_server, "/settings")
    page.get_by_role("heading", level=1, name="Settings").focus()
    assert tab_through_main(page, 60) > 15
    page.goto(live_server.url + "/exercises/single-leg-balance")
    page.locator("main h1").focus()
    assert tab_through_main(page, 40) > 5


def test_tabbing_through_the_player_and_its_finish_screen_keeps_focus_in_view(page, context, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    open_offline(page, context, live_server, "/routines/core-staples/play", clock=True)
    start_player(page)
    page.clock.run_for(11_000)
    page.locator("main h1").focus()
    assert tab_through_main(page, 25) > 3  # the player's controls
    page.get_by_role("button", name="End workout").click()
    page.get_by_role("button", name="End and log what I did").click()
    page.locator(".player[data-state='finished']").wait_for()
    page.locator("main h1").focus()
    assert tab_through_main(page, 60) > 8  # effort, the pain choices, notes, Save and each exercise
