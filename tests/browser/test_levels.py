"""Progression levels on the device, in real Chromium at phone size: the card suggests a step up,
the runner accepts or declines it, and the player, the quick log and the finish screen prescribe
from the level — offline, on a fake clock."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.training_steps import open_offline, outbox, save_session, start_player
from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

BALANCE = "single-leg-balance"  # seconds 20 → 45 in 5s, card dose 30 s per side; four rungs
FLOOR = "On the floor, eyes open, shoes on"
PAIR = "core-and-balance-pair"  # wood chop reps, then single-leg balance 30 s per side, 3 sets


def balance_session(page, day: str, seconds: int = 30, pain: str = "none", started: str | None = None) -> dict:
    """A logged session of single-leg balance, both sides at `seconds`, through the app's data layer."""
    start = started or f"{day}T18:00:00Z"
    return save_session(page, local_date=day, started_at=start, ended_at=start.replace(":00Z", ":30Z", 1), pain=pain, entries=[
        {"exercise": BALANCE, "side": side, "reps": None, "seconds": seconds, "load_kg": None,
         "surface": None, "eyes": None, "footwear": None} for side in ("left", "right")])


def level_of(page, slug: str = BALANCE):
    """The level record stored on the device for `slug`, or None."""
    return page.evaluate("(slug) => steady.levels.getLevel(slug)", slug)


def panel(page):
    return page.locator(".level-panel")


def panel_shots(page, name: str) -> None:
    """The level panel alone, light and dark, under test-artifacts/ for a human to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    panel(page).evaluate("(el) => el.scrollIntoView({ block: 'center' })")  # clear of the fixed tab bar
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        panel(page).screenshot(path=str(ARTIFACTS / f"{name}-{scheme}.png"))
    page.emulate_media(color_scheme="light")


def test_a_progression_suggestion_accepted_and_then_prescribed_by_the_player(page, context, live_server, screenshot):
    open_offline(page, context, live_server, "/", clock=True)
    balance_session(page, "2026-11-19")
    balance_session(page, "2026-11-20")

    page.goto(f"{live_server.url}/exercises/{BALANCE}")
    expect(panel(page).get_by_role("heading", name="Your level")).to_be_visible()
    expect(panel(page).locator(".level-now")).to_have_text(f"{FLOOR}: 30 s per side")
    expect(panel(page).locator(".level-message")).to_have_text(
        "Ready to progress: you reached 30 s on both sides in your last 2 sessions.")
    offer = panel(page).get_by_role("group", name=f"Step up to {FLOOR} · 35 s per side")
    expect(offer).to_be_visible()
    panel(page).scroll_into_view_if_needed()
    axe_in_both_schemes(page, screenshot, "levels-card-ready", clock=True)
    panel_shots(page, "levels-panel-ready")

    offer.get_by_role("button", name="Accept").click()
    saved = f"Level saved — your next session prescribes {FLOOR} · 35 s per side."
    expect(panel(page).get_by_role("status")).to_have_text(saved)
    expect(panel(page).get_by_role("status")).to_be_focused()
    expect(panel(page).locator(".level-now")).to_have_text(f"{FLOOR}: 35 s per side")
    expect(panel(page).locator(".level-message")).to_have_text("Log 2 sessions at 35 s to see when it is time to progress.")
    expect(offer).to_have_count(0)
    level = level_of(page)
    assert (level["exercise"], level["rung"], level["dose"]) == (BALANCE, 0, 35)
    assert level["since"] == level["updated_at"] and level["since"] > "2026-11-21T07:30"
    assert [(c["entity"], c["id"], c["op"], c["data"]) for c in outbox(page) if c["entity"] == "level"] == [
        ("level", BALANCE, "put", level)]
    axe_in_both_schemes(page, screenshot, "levels-card-accepted", clock=True)
    panel_shots(page, "levels-panel-accepted")

    # Offline, after a reload: the card still shows the level.
    page.reload()
    expect(panel(page).locator(".level-now")).to_have_text(f"{FLOOR}: 35 s per side")

    page.goto(f"{live_server.url}/routines/{PAIR}/play")
    expect(page.locator(".intro-items li").nth(1)).to_contain_text(f"Your level: {FLOOR} · 35 s per side")
    page.get_by_role("button", name="Start").click()
    for _ in range(20):  # skip the wood chop's sets to the first balance hold
        if page.locator(".player-stage[data-kind=work] .player-step").filter(has_text="Single-leg balance").count():
            break
        page.get_by_role("button", name="Skip").click()
    stage = page.locator(".player-stage")
    expect(stage.locator(".player-step")).to_have_text("Single-leg balance")
    expect(stage.locator(".player-rung")).to_have_text(f"Your level: {FLOOR}")
    expect(stage.locator(".timer-digits")).to_have_text("35")
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        screenshot(f"levels-player-{scheme}")
    steps = page.evaluate("steady.workoutStore.readWorkout().then((w) => w.steps)")
    holds = [s["seconds"] for s in steps if s["exercise"] == BALANCE and s["kind"] == "work"]
    assert holds == [35] * 6, "every hold, both sides, every set, at the level's dose"
    chops = [s["target"] for s in steps if s["exercise"] == "medicine-ball-wood-chop" and s["kind"] == "reps"]
    assert chops == [10] * 6, "an exercise with no level keeps the routine's dose"


def test_declining_asks_again_only_after_two_more_sessions_that_earn_it(page, context, live_server):
    open_offline(page, context, live_server, "/", clock=True)
    balance_session(page, "2026-11-19")
    balance_session(page, "2026-11-20")
    page.goto(f"{live_server.url}/exercises/{BALANCE}")
    panel(page).get_by_role("button", name="Not yet").click()
    expect(panel(page).get_by_role("status")).to_have_text(
        f"Staying at {FLOOR} · 30 s per side. Steady asks again after 2 more sessions that earn it.")
    expect(panel(page).get_by_role("button", name="Accept")).to_have_count(0)
    level = level_of(page)
    assert (level["rung"], level["dose"]) == (0, 30) and level["since"] > "2026-11-21T07:30"

    page.clock.run_for(10 * 60_000)
    balance_session(page, "2026-11-21", started="2026-11-21T07:40:00Z")
    page.reload()
    expect(panel(page).locator(".level-message")).to_have_text("Log 2 sessions at 30 s to see when it is time to progress.")
    balance_session(page, "2026-11-21", started="2026-11-21T07:42:00Z")
    page.reload()
    expect(panel(page).get_by_role("group", name=f"Step up to {FLOOR} · 35 s per side")).to_be_visible()


def test_a_pain_stop_offers_the_easier_version(page, context, live_server):
    open_offline(page, context, live_server, "/", clock=True)
    page.evaluate("(slug) => steady.levels.setLevel({exercise: slug, rung: 1, dose: 25})", BALANCE)
    page.clock.run_for(10 * 60_000)
    balance_session(page, "2026-11-21", seconds=10, pain="stop", started="2026-11-21T07:40:00Z")
    page.goto(f"{live_server.url}/exercises/{BALANCE}")
    expect(panel(page).locator(".level-message")).to_have_text(
        "You stopped for pain last time: go back to the easier version until it settles.")
    offer = panel(page).get_by_role("group", name=f"Easier version: {FLOOR} · 45 s per side")
    panel_shots(page, "levels-panel-easier")
    offer.get_by_role("button", name="Accept").click()
    expect(panel(page).get_by_role("status")).to_have_text(
        f"Level saved — your next session prescribes {FLOOR} · 45 s per side.")
    assert (level_of(page)["rung"], level_of(page)["dose"]) == (0, 45)


def test_the_quick_log_prefills_an_exercise_at_its_level(page, context, live_server):
    open_offline(page, context, live_server, "/", clock=True)
    page.evaluate("(slug) => steady.levels.setLevel({exercise: slug, rung: 3, dose: 25})", BALANCE)
    page.goto(f"{live_server.url}/log")
    page.get_by_label("Add an exercise").select_option(BALANCE)
    page.get_by_role("button", name="Add", exact=True).click()
    group = page.locator(".entry-group")
    expect(group.locator(".bout")).to_have_count(2)
    expect(group.locator(".bout").first.get_by_label("Seconds")).to_have_value("25")
    expect(group.get_by_label("Surface")).to_have_value("foam_pad")
    expect(group.get_by_label("Eyes")).to_have_value("open")
    # An exercise with no level keeps its card's dose.
    page.get_by_label("Add an exercise").select_option("plank")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(".entry-group").nth(1).get_by_label("Seconds")).to_have_value("30")


ONE_HOLD = """(slug) => steady.customRoutines.saveRoutine({
  id: steady.outbox.newId(), name: 'Balance only', format: 'sets', rounds: 1, work_seconds: null,
  rest_seconds: 0, round_rest_seconds: 0, items: [{exercise: slug, hold_seconds: 30}],
}).then((r) => r.id)"""


def test_the_finish_screen_says_when_a_level_is_reached(page, context, live_server, screenshot):
    open_offline(page, context, live_server, "/", clock=True)
    balance_session(page, "2026-11-20")
    routine = page.evaluate(ONE_HOLD, BALANCE)
    page.goto(f"{live_server.url}/routines/{routine}/play")
    start_player(page)
    page.clock.run_for(80_000)
    expect(page.locator(".player")).to_have_attribute("data-state", "finished")
    page.get_by_role("button", name="Save session").click()

    reached = page.get_by_role("region", name="Session saved")
    expect(reached.get_by_role("heading", name="Session saved")).to_be_focused()
    expect(reached.locator("li")).to_have_text(["Level reached: you can step up Single-leg balance — see its card"])
    expect(page.get_by_role("button", name="Save session")).to_have_count(0)
    axe_in_both_schemes(page, screenshot, "levels-finish", clock=True)
    reached.get_by_role("link", name="see its card").click()
    expect(page).to_have_url(f"{live_server.url}/exercises/{BALANCE}")
    expect(panel(page).get_by_role("group", name=f"Step up to {FLOOR} · 35 s per side")).to_be_visible()


def test_a_finish_with_no_level_reached_goes_to_the_session(page, context, live_server):
    open_offline(page, context, live_server, "/", clock=True)
    routine = page.evaluate(ONE_HOLD, BALANCE)
    page.goto(f"{live_server.url}/routines/{routine}/play")
    start_player(page)
    page.clock.run_for(80_000)
    page.get_by_role("button", name="Save session").click()
    expect(page).to_have_url(f"{live_server.url}/history/" + page.evaluate("steady.sessions.listSessions()")[0]["id"])


def test_a_level_the_rule_refuses_is_not_stored_and_says_why(page, context, live_server):
    open_offline(page, context, live_server, "/")
    error = page.evaluate("""(slug) => steady.levels.setLevel({exercise: slug, rung: 9, dose: 0})
      .then(() => null, (e) => ({ name: e.name, message: e.message, errors: e.errors }))""", BALANCE)
    assert error == {"name": "LevelInvalid", "message": "The rung is a whole number from 0 to 7. The dose is a whole number from 1 to 3600.",
                     "errors": [{"field": "rung", "message": "The rung is a whole number from 0 to 7."},
                                {"field": "dose", "message": "The dose is a whole number from 1 to 3600."}]}
    assert level_of(page) is None
    assert outbox(page) == []
