"""Programs in the coach studio, in Chromium against the live server: one built week by week with
its sessions and doses, errors on the field they are about, previewed with the runner's own page,
published to the runners' /programs, edited, and retired; the built-in one edited and reverted."""

import re

import pytest
from playwright.sync_api import expect

from server.catalog.content import read_catalog
from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.studio_steps import (  # noqa: F401  (fixtures)
    coach_account, coach_page, expect_refused_on, expect_state, fill_new_item, served, status, studio_app,
)
from tests.conftest import CONTENT_DIR
from tests.offline.conftest import wait_until_controlled

pytestmark = pytest.mark.browser

CONTENT = read_catalog(CONTENT_DIR)
SOURCE = CONTENT.sources["coach-core-balance"]
SOURCE_LABEL = f"{SOURCE.title} ({SOURCE.author})"
BUILT_IN = "core-and-balance-foundations"
BUILT_IN_NAME = CONTENT.programs[BUILT_IN].name


def choose_session(page, week: int, session: int, routine: str) -> None:
    page.get_by_label(f"Week {week}, session {session}: routine").select_option(routine)


def add_dose(page, week: int, session: int, dose: int, exercise: str, amount: str) -> None:
    page.get_by_role("button", name=f"Add a dose to week {week}, session {session}", exact=True).click()
    named = f"Week {week}, session {session}, dose {dose}"
    page.get_by_label(f"{named}: exercise").select_option(exercise)
    page.get_by_label(f"{named}: amount").fill(amount)


def runners_programs(page, live_server):
    """The runners' /programs list, once this device has the newest catalogue."""
    page.goto(f"{live_server.url}/programs")
    expect(page.get_by_role("heading", level=1)).to_have_text("Programs")
    return page.locator("main .card-list")


def test_a_program_built_week_by_week_previewed_published_edited_and_removed(coach_page, live_server, screenshot):
    page = coach_page
    page.goto(f"{live_server.url}/coach")
    expect(page.locator(f"#studio-programs a[data-slug={BUILT_IN}]")).to_contain_text("Built-in")
    fill_new_item(page, "program", "trail-ready", "Trail ready",
                  "Two weeks of balance work for runners heading onto rough ground: slow first, then on one leg for longer.", "Balance")
    page.locator("#program-sources").get_by_label(SOURCE_LABEL).check()
    # A new program starts with one week of one session.
    page.get_by_label("Week 1: focus").fill("Slow and steady: the standing knee soft.")
    choose_session(page, 1, 1, "core-and-balance-pair")
    add_dose(page, 1, 1, 1, "single-leg-balance", "25")
    # The routine counts the hold in seconds, so picking it set the measure to match.
    expect(page.get_by_label("Week 1, session 1, dose 1: reps or seconds")).to_have_value("seconds")
    page.get_by_role("button", name="Add a session to week 1").click()
    expect(page.get_by_label("Week 1, session 2: routine")).to_be_focused()
    choose_session(page, 1, 2, "after-a-run")

    page.get_by_role("button", name="Add a week").click()
    expect(page.get_by_label("Week 2: focus")).to_be_focused()
    page.get_by_label("Week 2: focus").fill("Heel taps first.")
    choose_session(page, 2, 1, "heel-tap-balance-drills")
    page.get_by_role("button", name="Move week 2 up").click()
    expect(page.get_by_label("Week 1: focus")).to_have_value("Heel taps first.")
    expect(page.get_by_label("Week 2, session 1, dose 1: exercise")).to_have_value("single-leg-balance")
    page.get_by_role("button", name="Move week 1 down").click()
    expect(page.get_by_label("Week 1: focus")).to_have_value("Slow and steady: the standing knee soft.")

    # A dose in the wrong measure is refused on that dose, in the loader's words.
    add_dose(page, 1, 1, 2, "medicine-ball-wood-chop", "8")
    page.get_by_label("Week 1, session 1, dose 2: reps or seconds").select_option("seconds")
    expect_refused_on(page, "Week 1, session 1, dose 2: exercise",
                      "Week 1, session 1, dose 2: exercise: the routine counts this exercise in reps")
    expect(page).to_have_url(f"{live_server.url}/coach/programs/new")
    axe_in_both_schemes(page, screenshot, "studio-program-error")

    # A dose with no exercise cannot be keyed in the body: said before anything is sent.
    page.get_by_label("Week 1, session 1, dose 2: reps or seconds").select_option("reps")
    page.get_by_role("button", name="Add a dose to week 2, session 1").click()
    expect_refused_on(page, "Week 2, session 1, dose 1: exercise",
                      "Week 2, session 1, dose 1: exercise: Choose an exercise for this dose, or remove it.")
    page.get_by_role("button", name="Remove week 2, session 1, dose 1").click()
    expect(page.get_by_role("button", name="Add a dose to week 2, session 1")).to_be_focused()

    page.get_by_role("button", name="Save draft").click()
    expect(page).to_have_url(f"{live_server.url}/coach/programs/trail-ready")
    expect(page.get_by_role("heading", level=1)).to_have_text("Trail ready")
    expect_state(page, "Not published · Draft waiting")
    assert served(page, live_server, "program", "trail-ready") is None
    # Doses come back in the server's order (by exercise): a dose is keyed by its exercise, not placed.
    expect(page.get_by_label("Week 1, session 1, dose 1: exercise")).to_have_value("medicine-ball-wood-chop")
    expect(page.get_by_label("Week 1, session 1, dose 2: amount")).to_have_value("25")
    axe_in_both_schemes(page, screenshot, "studio-program")

    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Trail ready")
    expect(page.locator(".studio-preview .dose")).to_have_text("2 weeks · 1–2 sessions a week")
    weeks = page.locator(".studio-preview .program-weeks > li")
    expect(weeks).to_have_count(2)
    expect(weeks.first).to_contain_text("This week: Medicine-ball wood chop 8 reps per side, Single-leg balance 25 s per side")
    expect(weeks.nth(1)).to_contain_text("Heel-tap balance drills")
    expect(page.get_by_role("button", name="Enrol")).to_have_count(0)
    expect(page.get_by_role("link", name="Save for offline")).to_have_count(0)
    axe_in_both_schemes(page, screenshot, "studio-program-preview")
    page.get_by_role("button", name="Back to editing").click()
    expect(page.get_by_role("button", name="Preview")).to_be_focused()

    page.get_by_role("button", name="Publish").click()
    expect(status(page)).to_have_text("Published. Runners get it on their next visit or sync.")
    expect_state(page, "Coach version live")
    program = served(page, live_server, "program", "trail-ready")
    first, after_run = program["weeks"][0]["sessions"]
    assert program["weeks"][0]["focus"] == "Slow and steady: the standing knee soft."
    assert first == {"routine": "core-and-balance-pair",
                     "doses": {"single-leg-balance": {"seconds": 25}, "medicine-ball-wood-chop": {"reps": 8}}}
    assert after_run["routine"] == "after-a-run" and not after_run.get("doses")
    assert program["weeks"][1]["sessions"][0]["routine"] == "heel-tap-balance-drills"

    # Edit: a typed change is saved before it is published.
    page.get_by_label("Week 2: focus").fill("Heel taps: ten a side.")
    page.get_by_role("button", name="Remove week 1, session 2").click()
    page.get_by_role("button", name="Publish").click()
    expect(status(page)).to_have_text(re.compile("^Published"))
    program = served(page, live_server, "program", "trail-ready")
    assert program["weeks"][1]["focus"] == "Heel taps: ten a side." and len(program["weeks"][0]["sessions"]) == 1
    expect(page.locator(".studio-history li")).to_have_count(4)  # create, publish, edit, publish

    programs = runners_programs(page, live_server)
    expect(programs.get_by_role("link", name=re.compile("^Trail ready"))).to_contain_text("2 weeks · 1 session a week")

    # Nothing refers to it (no runner enrolled): retiring removes it for good.
    page.goto(f"{live_server.url}/coach/programs/trail-ready")
    page.get_by_role("button", name="Retire", exact=True).click()
    expect(page.get_by_text("a runner following it keeps it and its history")).to_be_visible()
    page.get_by_role("button", name="Retire program").click()
    expect(page).to_have_url(f"{live_server.url}/coach")
    assert served(page, live_server, "program", "trail-ready") is None
    expect(page.locator("#studio-programs a[data-slug=trail-ready]")).to_have_count(0)


def test_the_built_in_program_edited_reverted_retired_and_restored(coach_page, live_server, screenshot):
    page = coach_page
    page.goto(f"{live_server.url}/coach/programs/{BUILT_IN}")
    expect(page.get_by_role("heading", level=1)).to_have_text(BUILT_IN_NAME)
    expect_state(page, "Built-in")
    weeks = CONTENT.programs[BUILT_IN].weeks
    expect(page.locator("#program-weeks-rows > li")).to_have_count(len(weeks))
    first = weeks[0].sessions[0]
    expect(page.get_by_label("Week 1, session 1: routine")).to_have_value(first.routine)
    expect(page.locator("[id$=-doses-rows]").first.locator(":scope > li")).to_have_count(len(first.doses))

    page.get_by_label("Name", exact=True).fill("Core & balance: five weeks")
    page.get_by_label("Week 5: focus").fill("The full set, then onto a foam pad.")
    page.get_by_role("button", name="Publish").click()
    expect(status(page)).to_have_text(re.compile("^Published"))
    expect_state(page, "Coach version live")
    program = served(page, live_server, "program", BUILT_IN)
    assert program["name"] == "Core & balance: five weeks" and program["weeks"][4]["focus"] == "The full set, then onto a foam pad."
    assert program["weeks"][0]["sessions"][0]["doses"] == {k: v.model_dump(exclude_none=True) for k, v in first.doses.items()}
    expect(runners_programs(page, live_server).get_by_role("link", name=re.compile("^Core & balance: five weeks"))).to_be_visible()

    page.goto(f"{live_server.url}/coach/programs/{BUILT_IN}")
    page.get_by_role("button", name="Revert to built-in").click()
    expect(status(page)).to_have_text(re.compile("^Back to the built-in version"))
    expect(page.get_by_label("Name", exact=True)).to_have_value(BUILT_IN_NAME)
    expect_state(page, "Built-in")
    assert served(page, live_server, "program", BUILT_IN)["name"] == BUILT_IN_NAME

    # Built-in, so retired rather than removed: gone from the runners' list, still served for their enrolments.
    page.get_by_role("button", name="Retire", exact=True).click()
    page.get_by_role("button", name="Retire program").click()
    expect(status(page)).to_have_text(re.compile("^Retired"))
    expect_state(page, "Retired")
    assert served(page, live_server, "program", BUILT_IN)["retired"] is True
    axe_in_both_schemes(page, screenshot, "studio-program-retired")
    expect(runners_programs(page, live_server).get_by_role("link", name=re.compile(BUILT_IN_NAME))).to_have_count(0)
    expect(page.get_by_text("No programs yet.")).to_be_visible()

    page.goto(f"{live_server.url}/coach/programs/{BUILT_IN}")
    page.get_by_role("button", name="Restore").click()
    expect(status(page)).to_have_text(re.compile("^Restored"))
    assert served(page, live_server, "program", BUILT_IN)["retired"] is False


def test_offline_a_program_page_says_it_needs_a_connection(coach_page, live_server, screenshot):
    page = coach_page
    wait_until_controlled(page)
    page.goto(f"{live_server.url}/coach")
    expect(page.locator(f"#studio-programs a[data-slug={BUILT_IN}]")).to_be_visible()
    page.context.set_offline(True)
    page.locator(f"#studio-programs a[data-slug={BUILT_IN}]").click()
    expect(page.get_by_role("alert")).to_contain_text("The studio needs a connection, and this device is offline.")
    axe_in_both_schemes(page, screenshot, "studio-program-offline")
    page.context.set_offline(False)
    page.get_by_role("button", name="Try again").click()
    expect(page.get_by_label("Week 1, session 1: routine")).to_be_visible()
