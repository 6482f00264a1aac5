"""What a runner hits in their first week, at phone size, offline: a routine logged in one tap, a finish
screen that fits the phone, an end that asks first and a way back, and an Undo for a deleted session."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from server.catalog.content import read_catalog
from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.sync_steps import device_sessions, server_sessions, sync_now, wait_saved
from tests.browser.training_steps import open_offline, outbox, save_session, sessions, start_player
from tests.conftest import CONTENT_DIR

pytestmark = pytest.mark.browser

CATALOG = read_catalog(CONTENT_DIR)

SHOTS = Path("/tmp/shots/firstweek")
PAIR = "core-and-balance-pair"  # wood chop: 10 reps per side; single-leg balance: 30 s per side; 3 sets each
CIRCUIT = "back-and-core-circuit"  # five exercises, 60 s each, 15 s rest, 3 rounds


def shots(page, name: str) -> None:
    """The first screen at 390×844 in light and dark, for a person to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for scheme in ["light", "dark"]:
        page.emulate_media(color_scheme=scheme)
        page.screenshot(path=str(SHOTS / f"{name}-{scheme}.png"))
    page.emulate_media(color_scheme="light")


def above_the_tab_bar(page, locator) -> None:
    """`locator` is wholly in the first screen, clear of the fixed tab bar."""
    box = locator.bounding_box()
    bar = page.locator("nav.tab-bar").bounding_box()
    assert box is not None and bar is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= bar["y"], f"{box} is not above the tab bar at {bar['y']}"


def test_choosing_a_routine_in_the_quick_log_fills_every_set_so_save_logs_it_in_one_tap(page, context, live_server):
    open_offline(page, context, live_server, "/log", clock=True)
    # A level on single-leg balance: 40 s on the first rung; the wood chop has none, so it is dosed from the routine.
    page.evaluate("steady.levels.setLevel({exercise: 'single-leg-balance', rung: 0, dose: 40})")
    page.reload()
    page.get_by_label("Routine").select_option(label="Core & balance pair")
    groups = page.locator(".entry-group")
    expect(groups).to_have_count(2)
    expect(groups.nth(0).locator(".bout")).to_have_count(6)
    expect(groups.nth(1).locator(".bout")).to_have_count(6)
    expect(page.get_by_label("Minutes")).to_have_value("9")  # the routine's length, as its page says
    # Folded, so the routine fits the screen; each says what it holds and opens to be corrected.
    expect(groups.locator("summary")).to_have_text(["Medicine-ball wood chop6 sets · 10 reps", "Single-leg balance6 sets · 40 s"])
    shots(page, "quick-log-routine")
    groups.nth(1).locator("summary").click()
    expect(groups.nth(1).get_by_label("Surface")).to_have_value("floor")  # the level's rung: on the floor
    page.get_by_role("button", name="Save session").click()
    expect(page).to_have_url(f"{live_server.url}/history/" + sessions(page)[0]["id"])
    [session] = sessions(page)
    assert session["routine"] == PAIR
    assert session["ended_at"] == "2026-11-21T07:44:00Z"
    chops = [(e["side"], e["reps"], e["seconds"]) for e in session["entries"] if e["exercise"] == "medicine-ball-wood-chop"]
    holds = [(e["side"], e["reps"], e["seconds"]) for e in session["entries"] if e["exercise"] == "single-leg-balance"]
    assert chops == [("left", 10, None), ("right", 10, None)] * 3, "a sets routine gets its 3 sets, per side"
    assert holds == [("left", None, 40), ("right", None, 40)] * 3, "the runner's level doses what it covers"


def test_a_circuit_in_the_quick_log_gets_one_set_per_round(page, context, live_server):
    open_offline(page, context, live_server, "/log", clock=True)
    page.get_by_label("Routine").select_option(label="Back & core circuit")
    expect(page.locator(".entry-group")).to_have_count(5)
    page.get_by_role("button", name="Save session").click()
    expect(page).to_have_url(f"{live_server.url}/history/" + sessions(page)[0]["id"])
    [session] = sessions(page)
    done = lambda slug: [(e["side"], e["seconds"]) for e in session["entries"] if e["exercise"] == slug]  # noqa: E731
    assert done("stability-ball-back-extension") == [("both", 60)] * 3, "one set per round, 3 rounds"
    assert done("side-plank") == [("left", 30), ("right", 30)] * 3, "a per-side station split between the sides"
    assert len(session["entries"]) == 21


def start(page, live_server, context, ref):
    open_offline(page, context, live_server, f"/routines/{ref}/play", clock=True)
    start_player(page)
    page.clock.run_for(10_000)  # get ready


def test_ending_early_asks_first_and_the_finish_screen_goes_back_to_the_workout(page, context, live_server):
    start(page, live_server, context, CIRCUIT)
    page.clock.run_for(20_000)  # 20 s into the first 60 s station
    page.get_by_role("button", name="End workout").click()
    expect(page.locator(".player")).to_have_attribute("data-state", "running")
    page.get_by_role("button", name="Cancel").click()
    expect(page.locator(".player")).to_have_attribute("data-state", "running")
    page.get_by_role("button", name="End workout").click()
    page.get_by_role("button", name="End and log what I did").click()
    expect(page.locator(".player")).to_have_attribute("data-state", "finished")

    page.get_by_role("button", name="Back to the workout").click()
    expect(page.locator(".player")).to_have_attribute("data-state", "running")
    expect(page.locator(".player-pause")).to_have_text("Resume")
    expect(page.locator(".timer-digits")).to_have_text("40")
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for(40_000 + 15_000 + 60_000)  # the first station ends; rest; the second station
    page.get_by_role("button", name="End workout").click()
    page.get_by_role("button", name="End and log what I did").click()
    expect(page.locator(".player")).to_have_attribute("data-state", "finished")
    expect(page.locator(".finish-summary")).to_have_text("About 2 min · 2 sets done.")
    page.get_by_role("button", name="Save session").click()
    [session] = sessions(page)
    assert [(e["exercise"], e["seconds"]) for e in session["entries"]][0][1] == 60, "the first station counted once, whole"
    assert len(session["entries"]) == 2


def test_the_finish_screen_fits_a_phone_with_the_sets_folded(page, context, live_server):
    start(page, live_server, context, PAIR)
    page.get_by_role("button", name="End workout").click()
    page.get_by_role("button", name="End and log what I did").click()
    # Back to it, then done: 3 sets of 10 on each side of the chop logged through the player.
    page.get_by_role("button", name="Back to the workout").click()
    page.get_by_role("button", name="Resume").click()
    for _ in range(3):
        page.locator(".player-stage").get_by_role("button", name="Done").click()
        page.clock.run_for(5_000)
        page.locator(".player-stage").get_by_role("button", name="Done").click()
        page.clock.run_for(30_000)
    page.get_by_role("button", name="End workout").click()
    page.get_by_role("button", name="End and log what I did").click()
    expect(page.locator(".player")).to_have_attribute("data-state", "finished")
    expect(page.get_by_role("heading", level=1)).to_have_text("Core & balance pair")
    expect(page.locator(".finish-summary")).to_contain_text("6 sets done.")
    above_the_tab_bar(page, page.get_by_role("button", name="Save session"))
    above_the_tab_bar(page, page.get_by_label("Effort, 1 to 10"))
    chop = page.locator("details.entry-group")
    expect(chop).to_have_count(1)
    expect(chop.locator("summary")).to_have_text("Medicine-ball wood chop6 sets · 10 reps")
    expect(chop.get_by_label("Surface")).to_be_hidden()
    shots(page, "finish")
    chop.locator("summary").click()
    chop.locator(".bout").first.get_by_label("Reps").fill("9")
    chop.get_by_label("Surface").select_option("floor")
    expect(chop.locator("summary")).to_have_text("Medicine-ball wood chop6 sets")
    page.get_by_label("Effort, 1 to 10").fill("6")
    page.screenshot(path=str(SHOTS / "finish-opened-light.png"), full_page=True)
    axe_in_both_schemes(page, lambda name: page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True), "finish-axe", clock=True)
    page.get_by_role("button", name="Save session").click()
    expect(page).to_have_url(f"{live_server.url}/history/" + sessions(page)[0]["id"])
    [session] = sessions(page)
    assert [e["reps"] for e in session["entries"]] == [9, 10, 10, 10, 10, 10]
    assert {e["surface"] for e in session["entries"]} == {"floor"}, "conditions set once for the exercise"
    assert session["effort"] == 6


def test_a_deleted_session_comes_back_exactly_with_undo(page, context, live_server):
    open_offline(page, context, live_server, "/history", clock=True)
    kept = save_session(page)
    page.goto(f"{live_server.url}/history/{kept['id']}")
    page.get_by_role("button", name="Delete", exact=True).click()
    page.get_by_role("button", name="Delete session").click()
    expect(page).to_have_url(f"{live_server.url}/history")
    toast = page.get_by_role("status").filter(has_text="Session deleted")
    expect(toast).to_be_visible()
    assert sessions(page) == []
    shots(page, "undo-delete")
    toast.get_by_role("button", name="Undo").click()
    expect(page.locator(".session-list > li")).to_have_count(1)
    assert sessions(page) == [kept], "the very record, id, stamps and all"
    assert [(c["op"], c["id"]) for c in outbox(page)] == [("put", kept["id"]), ("delete", kept["id"]), ("put", kept["id"])]
    assert outbox(page)[2]["data"] == kept


def test_the_undo_offer_goes_after_some_seconds(page, context, live_server):
    open_offline(page, context, live_server, "/history", clock=True)
    kept = save_session(page)
    page.goto(f"{live_server.url}/history/{kept['id']}")
    page.get_by_role("button", name="Delete", exact=True).click()
    page.get_by_role("button", name="Delete session").click()
    expect(page.get_by_role("button", name="Undo")).to_be_visible()
    axe_in_both_schemes(page, lambda name: page.screenshot(path=str(SHOTS / f"{name}.png")), "undo-axe", clock=True)
    page.clock.run_for(11_000)
    expect(page.get_by_role("button", name="Undo")).to_have_count(0)
    assert sessions(page) == []


def test_a_routine_says_the_kit_it_needs_and_what_will_do_instead(page, context, live_server):
    open_offline(page, context, live_server, f"/routines/{CIRCUIT}")
    kit = page.locator(".kit-needed")
    expect(kit.locator("p")).to_have_text("You'll need: stability ball.")
    expect(kit.locator(".kit-substitutes > li")).to_have_count(1)
    expect(kit.locator(".kit-substitutes")).to_contain_text("No stability ball?")
    expect(kit.locator(".kit-substitutes li li")).to_have_count(2)  # a different stand-in for each of its two ball exercises
    expect(kit).not_to_contain_text("mat"), "optional kit is not needed"
    shots(page, "routine-kit")
    page.get_by_role("link", name="Start").click()
    expect(page.locator(".kit-needed p")).to_have_text("You'll need: stability ball.")
    shots(page, "player-intro-kit")
    axe_in_both_schemes(page, lambda name: page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True), "player-intro-axe")

    page.goto(f"{live_server.url}/routines/heel-tap-balance-drills")
    expect(page.locator(".kit-needed")).to_have_text("You'll need: no kit, just some floor space.")


def test_the_routine_list_says_each_routines_kit_and_little_or_no_kit_only_when_true(page, context, live_server):
    open_offline(page, context, live_server, "/routines")
    expect(page.get_by_role("link", name="Back & core circuit").locator(".card-kit")).to_have_text("Kit: Stability ball")
    expect(page.get_by_role("link", name="Heel-tap balance drills").locator(".card-kit")).to_have_text("Kit: No kit")
    ready = page.get_by_role("region", name="Ready-made")
    kits = ready.locator(".card-kit").all_inner_texts()
    minutes = [int(text.split()[1]) for text in ready.locator(".card-meta:not(.card-kit)").all_inner_texts()]
    light = sum(1 for text in kits if text == "Kit: No kit" or "," not in text) * 2 > len(kits)
    short = sum(1 for m in minutes if m < 20) * 2 > len(minutes)
    overview = page.locator(".routines-overview")
    expect(overview).to_contain_text("little or no kit") if light else expect(overview).not_to_contain_text("little or no kit")
    expect(overview).to_contain_text("under twenty minutes") if short else expect(overview).not_to_contain_text("under twenty")
    shots(page, "routine-list")


def test_the_player_counts_exercises_and_sets_and_speaks_in_sentences(page, context, live_server):
    start(page, live_server, context, CIRCUIT)
    expect(page.locator(".player-round")).to_have_text("Exercise 1 of 5 · Round 1 of 3")
    page.clock.run_for(60_000)  # rest before the second station
    expect(page.locator(".player-round")).to_have_text("Exercise 2 of 5 · Round 1 of 3")
    page.clock.run_for(15_000 + 60_000 + 15_000)  # the side plank, left first
    expect(page.locator(".player-round")).to_have_text("Exercise 3 of 5 · Round 1 of 3")
    expect(page.locator(".player-next .card-meta")).to_have_text("Right side · 30 s")
    shots(page, "player-running")
    page.clock.run_for(30_000 + 5_000)
    spoken = page.evaluate("window.__spoken")
    assert "Switch sides. Right side next." in spoken
    assert all(s[0].isupper() or s[0].isdigit() for s in spoken), spoken


def test_reps_are_spoken_as_words(page, context, live_server):
    start(page, live_server, context, PAIR)
    # The cue is spoken as the step is drawn, a moment after the clock moves on.
    page.wait_for_function("() => window.__spoken.includes('Medicine-ball wood chop, left side. 8 to 10 reps.')")
    expect(page.locator(".player-round")).to_have_text("Exercise 1 of 2 · Set 1 of 3")


def test_both_sides_fits_its_control(page, context, live_server):
    open_offline(page, context, live_server, "/log")
    page.get_by_label("Add an exercise").select_option(label="Plank")
    page.get_by_role("button", name="Add", exact=True).click()
    side = page.locator(".bout").first.get_by_label("Side")
    expect(side).to_have_value("both")
    assert side.evaluate("(s) => s.scrollWidth <= s.clientWidth"), "the words are not cut off"
    # Wide enough for the words: text width measured in the select's own font.
    width = side.evaluate("""(s) => { const c = document.createElement('canvas').getContext('2d');
      const st = getComputedStyle(s); c.font = `${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
      return c.measureText(s.selectedOptions[0].text).width + parseFloat(st.paddingLeft) + 24 <= s.clientWidth; }""")
    assert width, "Both sides, its padding and the arrow fit the select"
    shots(page, "log-both-sides")


@pytest.mark.parametrize("locale, expected", [("en-GB", "Fri, 20 Nov 2026"), ("en-US", "Fri, Nov 20, 2026")])
def test_dates_are_written_in_the_browsers_locale_everywhere(browser, live_server, locale, expected):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale=locale)
    page = context.new_page()
    open_offline(page, context, live_server, "/history")
    session = save_session(page)
    page.goto(f"{live_server.url}/history/{session['id']}")
    expect(page.locator(".facts dd").first).to_have_text(f"{expected} · 18:00 (Europe/London)")
    page.goto(f"{live_server.url}/history")
    expect(page.locator(".session-list")).to_contain_text(expected)
    context.close()


def delete_then_undo(page, live_server, session, *, between=lambda: None):
    page.goto(f"{live_server.url}/history/{session['id']}")
    page.get_by_role("button", name="Delete", exact=True).click()
    page.get_by_role("button", name="Delete session").click()
    expect(page).to_have_url(f"{live_server.url}/history")
    between()
    page.get_by_role("status").filter(has_text="Session deleted").get_by_role("button", name="Undo").click()
    expect(page.locator(".session-list > li")).to_have_count(1)


def test_an_undone_delete_reaches_the_account_and_the_other_device(devices, live_server, account):
    phone, laptop = devices
    session = save_session(phone, notes="Deleted by mistake")
    wait_saved(phone)

    def server_gone():
        assert server_sessions(live_server.app, account) == []

    # The delete has reached the account before the Undo: the put after it brings the record back.
    delete_then_undo(phone, live_server, session, between=lambda: (wait_saved(phone), server_gone()))
    wait_saved(phone)
    assert [s["id"] for s in server_sessions(live_server.app, account)] == [session["id"]]
    assert sync_now(laptop) == "saved"
    assert device_sessions(laptop)[session["id"]]["notes"] == "Deleted by mistake"

    # Offline, the delete and its undo are sent together, and the record stays.
    phone.context.set_offline(True)
    delete_then_undo(phone, live_server, session)
    phone.context.set_offline(False)
    wait_saved(phone)
    assert [s["id"] for s in server_sessions(live_server.app, account)] == [session["id"]]
    assert sync_now(laptop) == "saved"
    assert session["id"] in device_sessions(laptop)


ONE_HOLD = """() => steady.customRoutines.saveRoutine({
  id: steady.outbox.newId(), name: 'Balance only', format: 'sets', rounds: 1, work_seconds: null,
  rest_seconds: 0, round_rest_seconds: 0, items: [{exercise: 'single-leg-balance', hold_seconds: 30}],
}).then((r) => r.id)"""


def test_back_from_a_workout_run_to_its_end_repeats_its_last_exercise(page, context, live_server):
    open_offline(page, context, live_server, "/routines", clock=True)
    routine = page.evaluate(ONE_HOLD)
    page.goto(f"{live_server.url}/routines/{routine}/play")
    start_player(page)
    page.clock.run_for(10_000 + 30_000 + 5_000 + 30_000)
    expect(page.locator(".player")).to_have_attribute("data-state", "finished")
    page.get_by_role("button", name="Back to the workout").click()
    expect(page.locator(".player-stage .player-step")).to_have_text("Single-leg balance")
    expect(page.locator(".player-stage .player-side")).to_have_text("Right side")
    expect(page.locator(".player-pause")).to_have_text("Resume")
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for(30_000)
    expect(page.locator(".player")).to_have_attribute("data-state", "finished")
    expect(page.locator(".finish-summary")).to_contain_text("2 sets done.")


def test_the_player_shows_the_top_tip_and_its_exercise_name_opens_the_card_without_losing_the_workout(page, context, live_server):
    open_offline(page, context, live_server, "/routines/core-staples/play", clock=True)
    start_player(page)
    page.clock.run_for(11_000)  # past the get-ready countdown
    stage = page.locator(".player-stage")
    first = CATALOG.routines["core-staples"].items[0].exercise
    exercise = CATALOG.exercises[first]
    expect(stage.locator(".player-tip")).to_have_text(f"Tip: {exercise.top_tip}")
    stage.get_by_role("link", name=exercise.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(exercise.name)
    resume = page.get_by_role("region", name="Workout in progress")
    expect(resume).to_be_visible()
    page.clock.run_for(60_000)  # reading the card: the workout waits, paused
    resume.get_by_role("link", name="Resume").click()
    expect(page.locator(".player-step")).to_have_text(exercise.name)
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
