"""The guided player in real Chromium, offline, on a fake clock: a whole routine, reloads, custom routines."""

import pytest
from playwright.sync_api import expect

from tests.browser.training_steps import open_offline, outbox, sessions

pytestmark = pytest.mark.browser

PAIR = "core-and-balance-pair"  # wood chop: reps per side; single-leg balance: 30 s per side; 3 sets each
CIRCUIT = "back-and-core-circuit"  # five exercises, 60 s each, 15 s rest, 3 rounds


def stage(page):
    return page.locator(".player-stage")


KINDS = {"Get ready": "ready", "Work": "work", "Reps": "reps", "Switch sides": "switch", "Rest": "rest"}


def expect_step(page, kind: str, heading: str, side: str | None = None):
    expect(stage(page)).to_have_attribute("data-kind", KINDS[kind])
    if kind in ("Work", "Reps"):
        expect(stage(page).locator(".player-kind")).to_have_text(kind)
    expect(stage(page).locator(".player-step")).to_have_text(heading)
    if side:
        expect(stage(page).locator(".player-side")).to_have_text(f"{side} side")


def tap_done(page):
    stage(page).get_by_role("button", name="Done").click()


def test_a_whole_routine_offline_with_switch_sides_then_logged_per_side(page, context, live_server):
    open_offline(page, context, live_server, f"/routines/{PAIR}/play", clock=True)
    expect(page.get_by_role("heading", level=1)).to_have_text("Core & balance pair")
    page.get_by_role("button", name="Start").click()

    expect_step(page, "Get ready", "Get ready")
    expect(page.locator("#player-live")).to_contain_text("First: Medicine-ball wood chop, left side")
    page.clock.run_for(10_000)

    # Set 1: reps on the left, one fewer than the target, then the switch-sides pause, then the right.
    expect_step(page, "Reps", "Medicine-ball wood chop", "Left")
    expect(page.locator(".player-round")).to_contain_text("Set 1 of 3")
    expect(page.locator(".player-next")).to_contain_text("Right side")
    stage(page).get_by_role("button", name="One rep fewer").click()
    expect(page.locator("#reps-count")).to_have_text("9")
    tap_done(page)
    expect_step(page, "Switch sides", "Switch sides")
    expect(stage(page)).to_contain_text("Now the right side")
    expect(page.locator(".timer-digits")).to_have_text("5")
    page.clock.run_for(2_000)
    expect(page.locator(".timer-digits")).to_have_text("3")
    page.clock.run_for(3_000)
    expect_step(page, "Reps", "Medicine-ball wood chop", "Right")
    tap_done(page)

    # Sets 2 and 3 at the target.
    for _ in range(2):
        expect_step(page, "Rest", "Rest")
        page.clock.run_for(30_000)
        expect_step(page, "Reps", "Medicine-ball wood chop", "Left")
        tap_done(page)
        page.clock.run_for(5_000)
        expect_step(page, "Reps", "Medicine-ball wood chop", "Right")
        tap_done(page)

    # Single-leg balance: timed holds, with the switch-sides pause between the legs.
    page.clock.run_for(30_000)
    expect_step(page, "Work", "Single-leg balance", "Left")
    page.clock.run_for(30_000)
    expect_step(page, "Switch sides", "Switch sides")
    page.clock.run_for(5_000)
    expect_step(page, "Work", "Single-leg balance", "Right")
    page.clock.run_for(30_000 + (30_000 + 30_000 + 5_000 + 30_000) * 2)

    expect(page.locator(".player")).to_have_attribute("data-state", "finished")
    expect(page.get_by_text("Session complete")).to_be_visible()
    spoken = page.evaluate("window.__spoken")
    assert any(s.startswith("Switch sides") for s in spoken)
    assert {"3", "2", "1", "Halfway."} <= set(spoken)
    assert spoken[-1] == "Done. Well done!"
    assert page.evaluate("window.__wakeRequests") >= 1, "the player asked to keep the screen awake"

    # The finish screen is prefilled per side, and takes load, surface, eyes, effort, pain and notes.
    chop, balance = page.locator(".entry-group").all()
    expect(chop.locator("summary .card-title")).to_have_text("Medicine-ball wood chop")
    chop.locator("summary").click()
    balance.locator("summary").click()
    expect(chop.locator(".bout")).to_have_count(6)
    expect(chop.locator(".bout").first.get_by_label("Reps")).to_have_value("9")
    expect(balance.locator(".bout")).to_have_count(6)
    expect(balance.locator(".bout").first.get_by_label("Seconds")).to_have_value("30")
    chop.get_by_label("Load (kg)").fill("3")
    balance.get_by_label("Surface").select_option("foam_pad")
    balance.get_by_label("Eyes").select_option("closed")
    balance.get_by_label("Footwear").select_option("barefoot")
    page.get_by_label("Effort, 1 to 10").fill("7")
    page.get_by_label("Mild").check()
    page.get_by_label("Notes").fill("Left side wobblier.")
    page.get_by_role("button", name="Save session").click()

    expect(page).to_have_url(f"{live_server.url}/history/" + sessions(page)[0]["id"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Core & balance pair")
    [session] = sessions(page)
    assert session["routine"] == PAIR
    assert session["local_date"] == "2026-11-21"
    assert session["started_at"].startswith("2026-11-21T07:3") and session["ended_at"] > session["started_at"]
    assert session["effort"] == 7 and session["pain"] == "mild" and session["notes"] == "Left side wobblier."
    by_exercise = lambda slug: [e for e in session["entries"] if e["exercise"] == slug]  # noqa: E731
    chops = by_exercise("medicine-ball-wood-chop")
    assert [(e["side"], e["reps"], e["load_kg"]) for e in chops] == [
        ("left", 9, 3), ("right", 10, 3), ("left", 10, 3), ("right", 10, 3), ("left", 10, 3), ("right", 10, 3)]
    holds = by_exercise("single-leg-balance")
    assert [(e["side"], e["seconds"]) for e in holds] == [("left", 30), ("right", 30)] * 3
    assert all((e["surface"], e["eyes"], e["footwear"]) == ("foam_pad", "closed", "barefoot") for e in holds)
    assert [(c["entity"], c["op"], c["id"]) for c in outbox(page)] == [("session", "put", session["id"])]
    assert page.evaluate("steady.workoutStore.readWorkout()") is None, "the finished workout is cleared"


def test_the_workout_store_lands_calls_in_the_order_they_were_made(page, context, live_server):
    open_offline(page, context, live_server, "/")
    # The player's writes are not awaited: a Save's clear made after them must still land last.
    after_clear = page.evaluate("""async () => {
      const store = steady.workoutStore;
      const writes = Array.from({length: 20}, (_, n) => store.writeWorkout({ref: 'r', n}));
      await Promise.all([...writes, store.clearWorkout()]);
      return store.readWorkout();
    }""")
    assert after_clear is None, "a write made before the clear landed after it"
    after_write = page.evaluate("""async () => {
      const store = steady.workoutStore;
      store.clearWorkout(); store.writeWorkout({ref: 'r', n: 1}); store.writeWorkout({ref: 'r', n: 2});
      return store.readWorkout();
    }""")
    assert after_write["n"] == 2, "a read sees every call made before it, in order"


def test_a_reload_and_a_killed_app_resume_at_the_same_step_and_second(page, context, live_server):
    open_offline(page, context, live_server, f"/routines/{CIRCUIT}", clock=True)
    page.get_by_role("link", name="Start", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/routines/{CIRCUIT}/play")
    page.get_by_role("button", name="Start").click()
    expect_step(page, "Get ready", "Get ready")
    # Get ready (10 s), back extension (60 s), rest (15 s), then 12 s into the Russian twist.
    page.clock.run_for(10_000 + 60_000 + 15_000 + 12_000)
    expect_step(page, "Work", "Stability-ball Russian twist")
    expect(page.locator(".timer-digits")).to_have_text("48")
    expect(page.locator(".player-round")).to_have_text("Exercise 2 of 5 · Round 1 of 3")

    page.reload()
    expect_step(page, "Work", "Stability-ball Russian twist")
    expect(page.locator(".timer-digits")).to_have_text("48")
    expect(page.locator(".player-round")).to_have_text("Exercise 2 of 5 · Round 1 of 3")
    page.clock.run_for(3_000)
    expect(page.locator(".timer-digits")).to_have_text("45")

    # Paused, then the app killed and opened again: still paused at the same second.
    page.get_by_role("button", name="Pause").click()
    page.clock.run_for(20_000)
    expect(page.locator(".timer-digits")).to_have_text("45")
    url = page.url
    page.close()
    again = context.new_page()
    # An installed app reopens at its start URL; Home offers the way back into the workout.
    again.goto(f"{live_server.url}/")
    resume = again.get_by_role("region", name="Workout in progress")
    expect(resume).to_contain_text("Back & core circuit is waiting where you left it.")
    resume.get_by_role("link", name="Resume").click()
    expect(again).to_have_url(url)
    expect(again.locator(".player-step")).to_have_text("Stability-ball Russian twist")
    expect(again.locator(".timer-digits")).to_have_text("45")
    expect(again.get_by_role("button", name="Resume")).to_be_visible()
    again.get_by_role("button", name="Resume").click()
    again.clock.run_for(45_000)
    expect(again.locator(".player-stage")).to_have_attribute("data-kind", "rest")
    expect(again.locator(".player-stage")).to_contain_text("Next: Side plank, left side")

    # Skip and back move between exercises; back past a rest lands on the exercise before it.
    again.get_by_role("button", name="Skip").click()
    expect(again.locator(".player-step")).to_have_text("Side plank")
    again.get_by_role("button", name="Back").click()
    expect(again.locator(".player-step")).to_have_text("Stability-ball Russian twist")
    expect(again.locator(".timer-digits")).to_have_text("1:00")


def test_a_custom_routine_built_edited_played_and_deleted_offline(page, context, live_server):
    open_offline(page, context, live_server, "/routines", clock=True)
    page.get_by_role("link", name="New routine").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New routine")
    page.get_by_role("button", name="Save routine").click()
    expect(page.get_by_label("Name")).to_be_focused()
    expect(page.get_by_label("Name")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#routine-name-error")).to_have_text("Give the routine a name.")
    expect(page.locator("#routine-add-exercise-error")).to_have_text("Add at least one exercise.")
    assert page.evaluate("steady.customRoutines.listRoutines()") == []
    page.get_by_label("Name").fill("Trailhead quickie")
    page.get_by_label("Rounds or sets").fill("1")
    page.get_by_label("Work time (seconds)").fill("20")
    page.get_by_label("Rest between exercises (seconds)").fill("5")
    for name in ["Side plank", "Plank", "Single-leg heel tap, front"]:
        page.get_by_label("Add an exercise").select_option(label=name)
        page.get_by_role("button", name="Add", exact=True).click()
    items = page.locator(".editor-item")
    expect(items).to_have_count(3)
    # Plank first, on the routine's work time; the side plank keeps its own hold; heel taps 6 reps.
    items.nth(1).get_by_role("button", name="Move Plank up").click()
    expect(items.first).to_contain_text("Plank")
    items.first.get_by_label("Plank: target").select_option("station")
    items.nth(1).get_by_label("Side plank: target").select_option("seconds")
    items.nth(1).get_by_label("Side plank: amount").fill("15")
    items.nth(2).get_by_label("Single-leg heel tap, front: target").select_option("reps")
    items.nth(2).get_by_label("Single-leg heel tap, front: amount").fill("6")
    page.get_by_role("button", name="Save routine").click()

    expect(page).to_have_url(f"{live_server.url}/routines")
    card = page.locator(".custom-routine").filter(has_text="Trailhead quickie")
    expect(card).to_contain_text("Plank, Side plank, Single-leg heel tap, front")
    card.get_by_role("link", name="Edit Trailhead quickie").click()
    page.get_by_label("Name").fill("Trailhead quick core")
    page.get_by_role("button", name="Save changes").click()
    card = page.locator(".custom-routine").filter(has_text="Trailhead quick core")
    card.get_by_role("link", name="Start Trailhead quick core").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Trailhead quick core")
    page.get_by_role("button", name="Start").click()
    expect_step(page, "Get ready", "Get ready")
    page.clock.run_for(10_000)
    expect_step(page, "Work", "Plank")
    expect(page.locator(".timer-digits")).to_have_text("20")
    page.clock.run_for(20_000 + 5_000)
    expect_step(page, "Work", "Side plank", "Left")
    page.clock.run_for(15_000 + 5_000)
    expect_step(page, "Work", "Side plank", "Right")
    page.clock.run_for(15_000 + 5_000)
    expect_step(page, "Reps", "Single-leg heel tap, front", "Left")
    expect(page.locator("#reps-count")).to_have_text("6")
    tap_done(page)
    page.clock.run_for(5_000)
    tap_done(page)
    expect(page.get_by_text("Session complete")).to_be_visible()
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Trailhead quick core")

    routine_id = page.evaluate("steady.customRoutines.listRoutines()")[0]["id"]
    [session] = sessions(page)
    assert session["routine"] == routine_id
    assert [(e["exercise"], e["side"], e["seconds"], e["reps"]) for e in session["entries"]] == [
        ("plank", "both", 20, None), ("side-plank", "left", 15, None), ("side-plank", "right", 15, None),
        ("heel-tap-front", "left", None, 6), ("heel-tap-front", "right", None, 6)]

    page.goto(f"{live_server.url}/routines/{routine_id}/edit")
    page.get_by_role("button", name="Delete routine").click()
    page.get_by_role("group", name="Delete routine").get_by_role("button", name="Delete routine").click()
    expect(page).to_have_url(f"{live_server.url}/routines")
    # The list of your routines is read from the device after the page renders: wait until it is.
    expect(page.get_by_text("None yet: build one from the exercises you like.")).to_be_visible()
    expect(page.locator(".custom-routine")).to_have_count(0)
    assert [(c["entity"], c["op"]) for c in outbox(page)] == [
        ("routine", "put"), ("routine", "put"), ("session", "put"), ("routine", "delete")]
    # The session keeps its routine id, and history still names it sensibly.
    page.goto(f"{live_server.url}/history")
    expect(page.locator(".session-list .card-title")).to_have_text("A deleted routine")


RESTORE = """() => {
  const e = steady.playerEngine;
  const steps = [{kind: 'work', exercise: 'plank', side: 'both', round: 1, item: 0, seconds: 60},
                 {kind: 'work', exercise: 'glute-bridge', side: 'both', round: 1, item: 1, seconds: 60}];
  const t0 = 1_000_000;
  const state = e.heartbeat(e.startWorkout({id: 'x', routine: {ref: 'r', name: 'R'}, steps, now: t0, timeZone: 'UTC'}), t0 + 20_000);
  const at = (s, now) => { const p = e.position(s, now); return [p.index, p.secondsLeft, p.paused]; };
  return {
    reload: at(e.restore(state, t0 + 70_000), t0 + 70_000),
    killed: at(e.restore(state, t0 + 3_600_000), t0 + 3_600_000),
  };
}"""


def test_after_a_long_absence_the_workout_waits_where_it_was_last_seen(page, live_server):
    page.goto(live_server.url + "/")
    page.wait_for_function("() => globalThis.steady && steady.screenBundles")
    page.evaluate("steady.screenBundles.loadScreenBundle('player')")  # the engine is in the player's screen bundle
    found = page.evaluate(RESTORE)
    # Back within seconds: the clock ran on (70 s in: the bridge, 50 s left). An hour later: paused at 20 s in.
    assert found == {"reload": [1, 50, False], "killed": [0, 40, True]}
