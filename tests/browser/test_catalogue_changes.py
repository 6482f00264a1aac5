"""What a device shows after a coach retires an item or publishes an exercise before its clip, in Chromium at phone size."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.sync_steps import log_in, start_on, wait_saved
from tests.browser.training_steps import SPY, START, save_session
from tests.coach.conftest import new_exercise, new_routine
from tests.conftest import register_account
from tests.offline.catalogue_steps import STORED_CATALOG, eventually
from tests.offline.catalogue_steps import own_server  # noqa: F401  (fixture)
from tests.offline.conftest import wait_until_controlled

pytestmark = pytest.mark.browser

RETIRED = "heel-tap-rotated"
RETIRED_NAME = "Single-leg heel tap, leg turned out"
RETIRED_ROUTINE = "heel-tap-balance-drills"
RETIRED_ROUTINE_NAME = "Heel-tap balance drills"
OWN_ROUTINE = """() => steady.customRoutines.saveRoutine({
  name: 'Trailhead taps', format: 'sets', rounds: 1, work_seconds: null, rest_seconds: 20, round_rest_seconds: 0,
  items: [{exercise: 'heel-tap-rotated', reps: 8, reps_min: null, hold_seconds: null, work_seconds: null}],
})"""
COMING = "The demonstration is coming"


def sees_version(page, version: str) -> None:
    """Wait until the device has stored (and so shows) catalogue `version`."""
    eventually(page, f"(v) => {STORED_CATALOG}.then((c) => c && c.version === v)", version)


def options(page, select: str) -> list[str]:
    return page.locator(f"{select} option").evaluate_all("all => all.map((o) => o.value)")


def test_a_retired_exercise_and_routine_leave_the_lists_but_the_history_still_names_them(page, own_server, screenshot):  # noqa: F811
    server, studio = own_server
    page.goto(server.url + "/")
    wait_until_controlled(page)
    logged = save_session(page, routine=RETIRED_ROUTINE, entries=[
        {"exercise": RETIRED, "side": "left", "reps": 8, "seconds": None, "load_kg": None, "surface": None, "eyes": None, "footwear": None}])
    page.evaluate(OWN_ROUTINE)
    studio.retire("exercise", RETIRED)
    version = studio.retire("routine", RETIRED_ROUTINE)["catalog_version"]

    page.goto(server.url + "/exercises")  # the next visit
    sees_version(page, version)
    page.reload()
    expect(page.locator("#exercise-results a.card").first).to_be_visible()
    assert page.locator(f'#exercise-results a[href="/exercises/{RETIRED}"]').count() == 0
    page.get_by_label("Search exercises").fill("heel tap")
    expect(page.locator('#exercise-results a[href="/exercises/heel-tap-side"]')).to_be_visible()
    assert page.locator(f'#exercise-results a[href="/exercises/{RETIRED}"]').count() == 0
    page.goto(server.url + "/routines")
    ready = page.get_by_role("region", name="Ready-made")
    expect(ready.locator("a.card").first).to_be_visible()
    expect(ready).not_to_contain_text(RETIRED_ROUTINE_NAME)
    own = page.get_by_role("region", name="Your routines")
    expect(own).to_contain_text(RETIRED_NAME)  # the runner's own routine still has it
    page.goto(server.url + "/routines/new")
    page.locator("#routine-add-exercise").wait_for()
    assert RETIRED not in options(page, "#routine-add-exercise")
    page.goto(server.url + "/log")
    page.locator("#add-exercise").wait_for()
    assert RETIRED not in options(page, "#add-exercise")
    assert RETIRED_ROUTINE not in options(page, "#log-routine")

    # The history still shows both, and editing that session keeps its routine.
    page.goto(server.url + "/history")
    expect(page.locator("main")).to_contain_text(RETIRED_ROUTINE_NAME)
    page.goto(server.url + f"/history/{logged['id']}")
    expect(page.locator("main")).to_contain_text(RETIRED_NAME)
    page.goto(server.url + f"/history/{logged['id']}/edit")
    expect(page.locator("#log-routine")).to_have_value(RETIRED_ROUTINE)
    page.goto(server.url + f"/routines/{RETIRED_ROUTINE}")
    expect(page.locator(".retired-note")).to_contain_text("No longer in the catalogue")
    page.goto(server.url + f"/exercises/{RETIRED}")
    expect(page.get_by_role("heading", level=1)).to_have_text(RETIRED_NAME)
    expect(page.locator(".retired-note")).to_contain_text("No longer in the catalogue")
    axe_in_both_schemes(page, screenshot, "catalogue-retired-card")


def test_an_exercise_published_before_its_clip_says_the_demonstration_is_coming(page, own_server, screenshot):  # noqa: F811
    server, studio = own_server
    studio.publish_new("exercise", new_exercise())
    studio.publish_new("routine", new_routine(items=[{"exercise": "wall-sit"}, {"exercise": "plank"}]))
    page.goto(server.url + "/exercises/wall-sit")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wall sit")
    expect(page.locator(".clip-coming")).to_contain_text(COMING)
    assert page.locator("video").count() == 0
    expect(page.get_by_role("button", name="Save for offline")).to_have_count(0)  # nothing to save yet
    axe_in_both_schemes(page, screenshot, "catalogue-clip-coming")

    wait_until_controlled(page)
    page.context.set_offline(True)
    page.reload()
    expect(page.locator(".clip-coming")).to_contain_text(COMING)

    # The player runs its timer, with the card's steps where the clip would be.
    page.clock.install(time=START)
    page.add_init_script(SPY)
    page.goto(server.url + "/routines/quick-core/play")
    page.get_by_role("button", name="Start").wait_for()
    page.clock.pause_at(START + timedelta(minutes=1))
    page.get_by_role("button", name="Start").click()
    expect(page.locator(".player-stage")).to_have_attribute("data-kind", "ready")
    page.clock.run_for(10_000)
    stage = page.locator(".player-stage")
    expect(stage).to_have_attribute("data-kind", "work")
    expect(stage.locator(".player-step")).to_have_text("Wall sit")
    expect(stage.locator(".player-steps li")).to_have_text(new_exercise()["steps"])
    assert stage.locator("video, .player-clip").count() == 0
    before = stage.locator(".timer-digits").text_content()
    page.clock.run_for(3_000)
    expect(stage.locator(".timer-digits")).not_to_have_text(before)
    axe_in_both_schemes(page, screenshot, "catalogue-player-clip-coming", clock=True)


def test_a_sync_brings_a_change_published_meanwhile_to_the_card_on_screen(page, own_server):  # noqa: F811
    server, studio = own_server
    runner = register_account(server.app, "runner@example.com")
    start_on(page, server)
    log_in(page, server, runner)
    wait_saved(page)
    page.goto(server.url + "/exercises/side-plank")
    expect(page.locator(".tip")).to_be_visible()
    expect(page.locator(".tip")).not_to_contain_text("Stack the hips")
    studio.publish_exercise("side-plank", top_tip="Stack the hips, then breathe.")
    save_session(page)  # a write: the device syncs it straight away, and checks the catalogue as it does
    expect(page.locator(".tip")).to_contain_text("Stack the hips, then breathe.", timeout=15_000)
    expect(page.locator("#announcer")).to_have_text("The exercise catalogue was updated.")
