"""Left against right on per-side exercises, in real Chromium at phone size and offline: the card's
line, the progress screen's section, the setting, and the player starting on the weaker side."""

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.progress_steps import SEED, session_record
from tests.browser.test_player import expect_step, stage, tap_done
from tests.browser.training_steps import open_offline, sessions, start_player

pytestmark = pytest.mark.browser

PAIR = "core-and-balance-pair"  # wood chop: 10 reps per side; single-leg balance: 30 s per side; 3 sets each


def bout(slug: str, side: str, *, reps: int | None = None, seconds: int | None = None) -> dict:
    """One logged bout on one side."""
    return {"exercise": slug, "side": side, "reps": reps, "seconds": seconds, "load_kg": None,
            "surface": None, "eyes": None, "footwear": None}


def left_weaker_log() -> list[dict]:
    """Three sessions in November with the left leg 20% short on balance, the right side 10% short on
    the side plank and even wood chops; and an older one, outside the 4 weeks, the other way round."""
    recent = [
        # Two sets a side: each side's total counts (12 + 12 against 15 + 15).
        [bout("single-leg-balance", "left", seconds=12), bout("single-leg-balance", "right", seconds=15),
         bout("single-leg-balance", "left", seconds=12), bout("single-leg-balance", "right", seconds=15)],
        [bout("single-leg-balance", "left", seconds=24), bout("single-leg-balance", "right", seconds=30),
         bout("side-plank", "left", seconds=40), bout("side-plank", "right", seconds=36)],
        [bout("single-leg-balance", "left", seconds=24), bout("single-leg-balance", "right", seconds=30),
         bout("medicine-ball-wood-chop", "left", reps=10), bout("medicine-ball-wood-chop", "right", reps=10)],
    ]
    days = [date(2026, 11, 10), date(2026, 11, 14), date(2026, 11, 18)]
    log = [session_record(n, day, entries=entries) for n, (day, entries) in enumerate(zip(days, recent))]
    old = [bout("single-leg-balance", "left", seconds=60), bout("single-leg-balance", "right", seconds=10)]
    return log + [session_record(9, date(2026, 10, 1), entries=old)]


def right_weaker_log() -> list[dict]:
    """Balance with the right leg a third short; wood chops even."""
    entries = [bout("single-leg-balance", "left", seconds=30), bout("single-leg-balance", "right", seconds=20),
               bout("medicine-ball-wood-chop", "left", reps=10), bout("medicine-ball-wood-chop", "right", reps=10)]
    return [session_record(1, date(2026, 11, 19), entries=entries)]


def offline_with(page, context, live_server, log: list[dict], settings: dict | None = None) -> None:
    """First visit online, then offline: seed the device's log and settings (clock at 21 Nov 2026, paused)."""
    open_offline(page, context, live_server, "/", clock=True)
    page.evaluate(SEED, log)
    for key, value in {"time_zone": "UTC", **(settings or {})}.items():
        page.evaluate("([key, value]) => steady.settings.saveSetting(key, value)", [key, value])


def test_the_card_says_which_side_is_weaker_offline(page, context, live_server, screenshot):
    offline_with(page, context, live_server, left_weaker_log())
    page.goto(live_server.url + "/exercises/single-leg-balance")
    line = page.locator(".asymmetry-line")
    expect(line).to_have_text("Your sides Left is 20% below right over the last 4 weeks.")
    expect(line).to_be_visible()
    axe_in_both_schemes(page, screenshot, "asymmetry-card", clock=True)

    page.goto(live_server.url + "/exercises/side-plank")
    expect(page.locator(".asymmetry-line")).to_have_text("Your sides Right is 10% below left over the last 4 weeks.")
    page.goto(live_server.url + "/exercises/medicine-ball-wood-chop")
    expect(page.locator(".asymmetry-line")).to_have_text("Your sides Left and right are even over the last 4 weeks.")
    # A per-side exercise never logged on both sides invites a comparison; a two-sided one has no line.
    page.goto(live_server.url + "/exercises/side-lying-clamshell")
    expect(page.locator(".asymmetry-line")).to_have_text(
        "Your sides Log both sides in a session to see how your left and right compare.")
    page.goto(live_server.url + "/exercises/plank")
    expect(page.get_by_role("heading", level=1)).to_have_text("Plank")
    expect(page.locator(".asymmetry-line")).to_have_count(0)


def test_progress_lists_each_per_side_exercise_biggest_gap_first(page, context, live_server, screenshot):
    offline_with(page, context, live_server, left_weaker_log())
    page.goto(live_server.url + "/progress")
    sides = page.get_by_role("region", name="Left and right")
    expect(sides.locator(".hint")).to_have_text("Per-side exercises over the last 4 weeks, from the sessions that worked both sides.")
    expect(sides.get_by_role("listitem")).to_have_text([
        "Single-leg balance Left is 20% below right over the last 4 weeks."
        "Mean per session: left 24 s, right 30 s; 3 sessions with both sides.",
        "Side plank Right is 10% below left over the last 4 weeks."
        "Mean per session: left 40 s, right 36 s; 1 session with both sides.",
        "Medicine-ball wood chop Left and right are even over the last 4 weeks."
        "Mean per session: left 10 reps, right 10 reps; 1 session with both sides.",
    ])
    # The per-side charts below still draw each side's line, the trend session by session.
    balance = page.locator(".exercise-progress").filter(has=page.get_by_role("heading", name="Single-leg balance"))
    expect(balance.locator(".chart-series")).to_have_count(2)
    axe_in_both_schemes(page, screenshot, "asymmetry-progress", clock=True)


def test_progress_with_nothing_to_compare(page, context, live_server):
    offline_with(page, context, live_server, [session_record(1, date(2026, 11, 19), entries=[bout("plank", "both", seconds=45)])])
    page.goto(live_server.url + "/progress")
    expect(page.get_by_role("region", name="Left and right").locator(".empty")).to_have_text(
        "Log both sides of a per-side exercise in a session and how your left and right compare over the last 4 weeks shows here.")


def test_weaker_side_first_is_set_from_the_keyboard(page, context, live_server, screenshot):
    offline_with(page, context, live_server, [])
    page.goto(live_server.url + "/settings")
    box = page.get_by_role("checkbox", name="Start with my weaker side")
    expect(box).not_to_be_checked()
    expect(box).to_have_accessible_description(
        "Your weaker side is the one your log shows lower over the last 4 weeks. With nothing to compare, or both sides even, left goes first.")
    page.locator("main h1").focus()
    for _ in range(20):
        page.keyboard.press("Tab")
        if box.evaluate("(el) => el === document.activeElement"):
            break
    expect(box).to_be_focused()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    expect(page.locator(".save-state")).to_have_text("Saved.")
    assert page.evaluate("steady.settings.readSettings()")["weaker_side_first"] is True
    page.reload()
    expect(page.get_by_role("checkbox", name="Start with my weaker side")).to_be_checked()
    axe_in_both_schemes(page, screenshot, "asymmetry-setting", clock=True)


def test_the_player_starts_on_the_weaker_side_and_logs_both_sides(page, context, live_server, screenshot):
    offline_with(page, context, live_server, right_weaker_log(), {"weaker_side_first": True})
    page.goto(live_server.url + f"/routines/{PAIR}/play")
    items = page.locator(".intro-items li")
    expect(items.nth(0)).not_to_contain_text("weaker side")  # even wood chops: left first, as always
    expect(items.nth(1)).to_contain_text("Starting on your weaker side (right)")
    axe_in_both_schemes(page, screenshot, "asymmetry-player-intro", clock=True)
    page.clock.pause_at(page.evaluate("Date.now()") / 1000 + 0.1)
    page.get_by_role("button", name="Start").click()

    expect_step(page, "Get ready", "Get ready")
    page.clock.run_for(10_000)
    for _ in range(3):
        expect_step(page, "Reps", "Medicine-ball wood chop", "Left")
        tap_done(page)
        page.clock.run_for(5_000)
        expect_step(page, "Reps", "Medicine-ball wood chop", "Right")
        tap_done(page)
        page.clock.run_for(30_000)

    # Single-leg balance: the right leg first, said once, then the switch to the left.
    expect_step(page, "Work", "Single-leg balance", "Right")
    expect(stage(page).locator(".player-weaker")).to_have_text("Starting on your weaker side (right)")
    expect(page.locator("#player-live")).to_have_text(
        "Single-leg balance, right side: 30 seconds. Starting on your weaker side (right).")
    expect(page.locator(".player-next")).to_contain_text("Left side")
    # axe runs on real time: pause again, then step a second at a time to the switch.
    axe_in_both_schemes(page, screenshot, "asymmetry-player", clock=True)
    page.clock.pause_at(page.evaluate("Date.now()") / 1000 + 0.1)
    for _ in range(35):
        if stage(page).get_attribute("data-kind") == "switch":
            break
        page.clock.run_for(1_000)
    expect_step(page, "Switch sides", "Switch sides")
    expect(stage(page)).to_contain_text("Now the left side")
    expect(page.locator("#player-live")).to_have_text("Switch sides: left side next, in 5 seconds.")
    page.clock.run_for(5_000)
    expect_step(page, "Work", "Single-leg balance", "Left")
    page.clock.run_for(30_000 + 30_000)
    expect_step(page, "Work", "Single-leg balance", "Right")
    expect(stage(page).locator(".player-weaker")).to_have_count(0)  # once, not every set
    page.clock.run_for(30_000 + 5_000 + 30_000 + 30_000 + 30_000 + 5_000 + 30_000)

    expect(page.locator(".player")).to_have_attribute("data-state", "finished")
    assert "Switch sides. Left side next." in page.evaluate("window.__spoken")
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Core & balance pair")
    new = next(s for s in sessions(page) if s["routine"] == PAIR)
    sides = lambda slug, measure: [(e["side"], e[measure]) for e in new["entries"] if e["exercise"] == slug]  # noqa: E731
    assert sides("medicine-ball-wood-chop", "reps") == [("left", 10), ("right", 10)] * 3
    assert sides("single-leg-balance", "seconds") == [("right", 30), ("left", 30)] * 3


def test_with_the_setting_off_the_player_starts_left(page, context, live_server):
    offline_with(page, context, live_server, right_weaker_log())
    page.goto(live_server.url + f"/routines/{PAIR}/play")
    expect(page.locator(".intro-items li").nth(1)).not_to_contain_text("weaker side")
    start_player(page)
    page.clock.run_for(10_000)
    for _ in range(3):
        tap_done(page)
        page.clock.run_for(5_000)
        tap_done(page)
        page.clock.run_for(30_000)
    expect_step(page, "Work", "Single-leg balance", "Left")
    expect(stage(page).locator(".player-weaker")).to_have_count(0)
