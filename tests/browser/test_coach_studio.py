"""The coach studio in Chromium against the live server: an exercise from draft to retirement, a
built-in one edited and reverted, a ladder, a routine, errors on the field the server names."""

import re

import pytest
from playwright.sync_api import expect

from server.catalog.content import read_catalog
from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.studio_steps import (  # noqa: F401  (fixtures)
    catalog, coach_account, coach_page, expect_refused_on, expect_state, fill_new_exercise, fill_new_item, served, status,
    studio_app,
)
from tests.conftest import CONTENT_DIR

pytestmark = pytest.mark.browser

CONTENT = read_catalog(CONTENT_DIR)
SOURCE = next(iter(CONTENT.sources.values()))
SOURCE_LABEL = f"{SOURCE.title} ({SOURCE.author})"


def open_studio_from_the_menu(page) -> None:
    page.get_by_role("button", name="More").click()
    page.get_by_role("link", name="Studio").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Studio")


def test_an_exercise_from_draft_to_published_edited_and_removed(coach_page, live_server, screenshot):
    page = coach_page
    open_studio_from_the_menu(page)
    plank = page.locator("#studio-exercises a[data-slug=plank]")
    expect(plank).to_contain_text("Built-in")
    axe_in_both_schemes(page, screenshot, "studio-home")

    page.get_by_role("link", name="New exercise").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New exercise")
    fill_new_exercise(page, "dead-bug", "Dead bug", SOURCE_LABEL)
    page.get_by_role("button", name="Save draft").click()
    expect(page).to_have_url(f"{live_server.url}/coach/exercises/dead-bug")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dead bug")
    expect_state(page, "Not published · Draft waiting")
    # A draft is invisible to runners.
    assert served(page, live_server, "exercise", "dead-bug") is None
    assert page.context.request.get(f"{live_server.url}/api/catalog/exercises/dead-bug").status == 404
    axe_in_both_schemes(page, screenshot, "studio-exercise")

    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dead bug")
    expect(page.get_by_text("The demonstration is coming. Until then, the steps below show how it is done.")).to_be_visible()
    expect(page.locator(".studio-preview .steps li")).to_have_count(2)
    expect(page.get_by_role("link", name="Save for offline")).to_have_count(0)
    axe_in_both_schemes(page, screenshot, "studio-exercise-preview")
    page.get_by_role("button", name="Back to editing").click()
    expect(page.get_by_role("button", name="Preview")).to_be_focused()

    before = catalog(page, live_server)["version"]
    page.get_by_role("button", name="Publish").click()
    expect(status(page)).to_have_text("Published. Runners get it on their next visit or sync.")
    expect_state(page, "Coach version live")
    after = catalog(page, live_server)
    assert after["version"] != before
    card = served(page, live_server, "exercise", "dead-bug")
    assert card["name"] == "Dead bug" and card["video"] is None and card["steps"][1].startswith("Lower one arm")

    # Edit: a typed change is saved before it is published.
    page.get_by_label("Summary").fill("A slow, controlled trunk exercise: opposite arm and leg lower while the back stays flat.")
    page.get_by_role("button", name="Publish").click()
    expect(status(page)).to_have_text("Published. Runners get it on their next visit or sync.")
    assert served(page, live_server, "exercise", "dead-bug")["summary"].startswith("A slow, controlled")
    expect(page.locator(".studio-history li")).to_have_count(4)  # create, publish, edit, publish
    expect(page.locator(".studio-history li").first).to_contain_text("Published · studio.coach@example.com")

    # Nothing refers to a coach's own new exercise: "Retire" removes it for good.
    page.get_by_role("button", name="Retire", exact=True).click()
    page.get_by_role("button", name="Retire exercise").click()
    expect(page).to_have_url(f"{live_server.url}/coach")
    assert served(page, live_server, "exercise", "dead-bug") is None


def test_a_built_in_exercise_edited_reverted_retired_and_restored(coach_page, live_server, screenshot):
    page = coach_page
    page.goto(f"{live_server.url}/coach/exercises/plank")
    expect(page.get_by_role("heading", level=1)).to_have_text("Plank")
    expect_state(page, "Built-in")
    page.get_by_label("Name", exact=True).fill("Forearm plank")
    page.get_by_role("button", name="Save draft").click()
    expect(status(page)).to_have_text("Draft saved. Runners see nothing of it until you publish.")
    expect_state(page, "Built-in · Draft waiting")
    assert served(page, live_server, "exercise", "plank")["name"] == "Plank"
    page.get_by_role("button", name="Publish").click()
    expect(status(page)).to_have_text(re.compile("^Published"))
    expect_state(page, "Coach version live")
    assert served(page, live_server, "exercise", "plank")["name"] == "Forearm plank"

    page.get_by_role("button", name="Revert to built-in").click()
    expect(status(page)).to_have_text(re.compile("^Back to the built-in version"))
    expect(page.get_by_label("Name", exact=True)).to_have_value("Plank")
    expect_state(page, "Built-in")
    assert served(page, live_server, "exercise", "plank")["name"] == "Plank"

    # Built-in, so retired rather than removed: hidden from lists, still served for history.
    page.get_by_role("button", name="Retire", exact=True).click()
    expect(page.get_by_text("Retire “Plank”?")).to_be_visible()
    page.get_by_role("button", name="Retire exercise").click()
    expect(status(page)).to_have_text(re.compile("^Retired"))
    expect_state(page, "Retired")
    assert served(page, live_server, "exercise", "plank")["retired"] is True
    page.get_by_role("button", name="Restore").click()
    expect(status(page)).to_have_text(re.compile("^Restored"))
    assert served(page, live_server, "exercise", "plank")["retired"] is False
    page.get_by_role("link", name="Studio").first.click()
    expect(page.locator("#studio-activity + ol li").first).to_contain_text("Restored")


def test_a_ladder_gets_a_rung_and_runners_get_it(coach_page, live_server):
    page = coach_page
    slug, ladder = next((s, l) for s, l in CONTENT.ladders.items())
    page.goto(f"{live_server.url}/coach/exercises/{slug}")
    expect(page.get_by_label("This exercise has a progression ladder")).to_be_checked()
    expect(page.locator("#ladder-rungs-rows > li")).to_have_count(len(ladder.rungs))
    page.get_by_role("button", name="Add a rung").click()
    new_rung = f"Rung {len(ladder.rungs) + 1}: label"
    expect(page.get_by_label(new_rung)).to_be_focused()
    page.get_by_label(new_rung).fill("Eyes closed, on a cushion")
    page.get_by_role("button", name="Publish").click()
    expect(status(page)).to_have_text(re.compile("^Published"))
    rungs = served(page, live_server, "exercise", slug)["ladder"]["rungs"]
    assert [r["label"] for r in rungs] == [*(r.label for r in ladder.rungs), "Eyes closed, on a cushion"]


def test_errors_land_on_the_field_the_server_names(coach_page, live_server, screenshot):
    page = coach_page
    page.goto(f"{live_server.url}/coach/exercises/new")
    fill_new_exercise(page, "dead-bug", "Dead bug", SOURCE_LABEL)
    page.get_by_label("Step 2", exact=True).fill("x")
    page.get_by_role("button", name="Save draft").click()
    step = page.get_by_label("Step 2", exact=True)
    expect(step).to_have_attribute("aria-invalid", "true")
    expect(step).to_be_focused()
    described = step.get_attribute("aria-describedby").split()[-1]
    expect(page.locator(f"#{described}")).to_have_text("Step 2: String should have at least 2 characters")
    axe_in_both_schemes(page, screenshot, "studio-exercise-error")

    # Fixed, the message goes; a ladder that cannot reach its top is the next one, on its own field.
    step.fill("Lower one arm and the opposite leg, then swap.")
    page.get_by_label("This exercise has a progression ladder").check()
    page.get_by_label("Lowest").fill("8")
    page.get_by_label("Highest").fill("13")
    page.get_by_label("Step", exact=True).fill("2")
    page.get_by_label("Rung 1: label").fill("On the floor")
    page.get_by_role("button", name="Save draft").click()
    expect(step).not_to_have_attribute("aria-invalid", "true")
    invalid = page.locator("[aria-invalid=true]")
    expect(invalid).to_have_count(1)
    expect(invalid).to_be_focused()
    assert page.locator(".field-error").inner_text().endswith("steps of 2 from 8 never reach 13")

    # A number the browser cannot read is caught before anything is sent.
    page.get_by_label("Highest").fill("12")
    page.get_by_label("Sets").press_sequentially("e")
    page.get_by_label("Sets").fill("")
    page.get_by_role("button", name="Save draft").click()
    expect(page).to_have_url(f"{live_server.url}/coach/exercises/new")
    expect(page.get_by_label("Sets")).to_have_attribute("aria-invalid", "true")


def test_a_routine_built_previewed_and_published(coach_page, live_server, screenshot):
    page = coach_page
    page.goto(f"{live_server.url}/coach")
    fill_new_item(page, "routine", "quick-core", "Quick core",
                  "Ten minutes of trunk work for a busy day: a plank, side planks and bridges.", "Core")
    page.get_by_label("Sets: all sets of one exercise, then the next").check()
    page.get_by_label("Rounds or sets").fill("3")
    page.get_by_label("Work time (seconds)").fill("")
    page.get_by_label("Rest between exercises (seconds)").fill("30")
    page.get_by_label("Times a week, at least").fill("2")
    page.get_by_label("At most (optional)").fill("3")
    page.locator("#routine-sources").get_by_label(SOURCE_LABEL).check()
    for n, (slug, target, amount) in enumerate([("plank", "Hold (seconds)", "30"), ("glute-bridge", "Reps", "12"),
                                                ("side-plank", "Hold (seconds)", "20")], start=1):
        page.get_by_role("button", name="Add an exercise").click()
        page.get_by_label(f"Exercise {n}: exercise").select_option(slug)
        page.get_by_label(f"Exercise {n}: target").select_option(label=target)
        page.get_by_label(f"Exercise {n}: amount").fill(amount)
    page.get_by_label("Exercise 2: fewest reps").fill("8")
    page.get_by_label("Exercise 3: note").fill("Both sides.")
    page.get_by_role("button", name="Move exercise 3 up").click()
    expect(page.get_by_label("Exercise 2: exercise")).to_have_value("side-plank")

    # An item with no target, in a routine with no work time, is refused on that item.
    page.get_by_role("button", name="Add an exercise").click()
    page.get_by_label("Exercise 4: exercise").select_option("plank")
    expect_refused_on(page, "Exercise 4: exercise",
                      "Exercise 4: exercise: items.3 has no target and the routine sets no work_seconds")
    page.get_by_role("button", name="Remove exercise 4").click()

    page.get_by_role("button", name="Save draft").click()
    expect(page).to_have_url(f"{live_server.url}/coach/routines/quick-core")
    expect_state(page, "Draft waiting")
    assert served(page, live_server, "routine", "quick-core") is None
    axe_in_both_schemes(page, screenshot, "studio-routine")

    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quick core")
    items = page.locator(".studio-preview .routine-items li")
    expect(items).to_have_count(3)
    expect(items.nth(1)).to_contain_text("20 s hold per side")
    expect(items.nth(2)).to_contain_text("8–12 reps")
    expect(page.get_by_role("link", name="Start")).to_have_count(0)
    axe_in_both_schemes(page, screenshot, "studio-routine-preview")
    page.get_by_role("button", name="Back to editing").click()

    page.get_by_role("button", name="Publish").click()
    expect(status(page)).to_have_text(re.compile("^Published"))
    routine = served(page, live_server, "routine", "quick-core")
    assert [i["exercise"] for i in routine["items"]] == ["plank", "side-plank", "glute-bridge"]
    assert routine["items"][2]["reps"] == 12 and routine["items"][2]["reps_min"] == 8
    assert routine["items"][1]["note"] == "Both sides." and routine["sessions_per_week"] == [2, 3]
    assert routine["format"] == "sets" and routine["rounds"] == 3 and routine["work_seconds"] is None
