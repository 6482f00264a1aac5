"""Programs in real Chromium at phone size: enrol, the week placed around a hard run, the week's first
session played at the week's doses, a missed session moved, leaving, saving the clips, and offline."""

import re
from datetime import datetime, timezone

import pytest
from playwright.sync_api import expect

from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.training_steps import outbox, sessions, start_player
from tests.offline.catalogue_steps import STORED_CATALOG, eventually
from tests.offline.catalogue_steps import own_server  # noqa: F401  (fixture)
from tests.offline.conftest import wait_until_controlled

pytestmark = pytest.mark.browser

PROGRAM = "core-and-balance-foundations"
MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
FRIDAY = datetime(2026, 12, 4, 9, 0, tzinfo=timezone.utc)
HARD_WEDNESDAY = {"wednesday": "hard", "saturday": "easy"}


def open_program(page, live_server, runs=None):
    """Open the program with the clock on Monday 30 November, the device in UTC, and the run days set."""
    page.clock.install(time=MONDAY)
    page.goto(live_server.url + "/")
    page.wait_for_function("() => globalThis.steady && steady.db && steady.settings")
    page.evaluate("([key, value]) => steady.settings.saveSetting(key, value)", ["time_zone", "UTC"])
    if runs is not None:
        page.evaluate("(runs) => steady.settings.saveSetting('runs', runs)", runs)
    page.goto(live_server.url + "/programs")
    expect(page.get_by_role("heading", level=1)).to_have_text("Programs")
    page.get_by_role("link", name="Core & balance foundations").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Core & balance foundations")


def enrol(page):
    expect(page.get_by_label("Start date")).to_have_value("2026-11-30")
    page.get_by_role("button", name="Enrol", exact=True).click()
    expect(page.locator(".program-now h2")).to_have_text("Week 1 of 5 · session 1 of 3")


def day(page, text):
    return page.locator(".program-now .plan-day").filter(has=page.get_by_role("heading", name=text))


def test_enrol_and_see_the_week_placed_around_a_hard_run(page, live_server, screenshot):
    open_program(page, live_server, HARD_WEDNESDAY)
    expect(page.get_by_text("5 weeks · 3–4 sessions a week")).to_be_visible()
    axe_in_both_schemes(page, screenshot, "program-detail", clock=True)
    enrol(page)
    expect(day(page, "Mon 30 Nov")).to_contain_text("Session 1: Core & balance pair")
    expect(day(page, "Mon 30 Nov").get_by_role("link", name="Start Core & balance pair")).to_have_attribute(
        "href", "/routines/core-and-balance-pair/play")
    expect(day(page, "Tue 1 Dec")).not_to_contain_text("Session")  # never the day before a hard run while others are free
    expect(day(page, "Wed 2 Dec")).to_contain_text("Hard run: no session planned.")
    expect(day(page, "Thu 3 Dec")).to_contain_text("Session 2: Heel-tap balance drills")
    expect(day(page, "Sat 5 Dec")).not_to_contain_text("Session")  # an easy-run day only when rest days are taken
    expect(day(page, "Sun 6 Dec")).to_contain_text("Session 3: After a run: balance set")
    [record] = page.evaluate("steady.enrolments.listEnrolments()")
    assert record == {"program": PROGRAM, "start_date": "2026-11-30", "left_on": None, "finished_on": None,
                      "updated_at": record["updated_at"]}
    assert [(c["entity"], c["id"], c["op"]) for c in outbox(page)][-1] == ("enrolment", PROGRAM, "put")
    axe_in_both_schemes(page, screenshot, "program-week", clock=True)

    page.goto(live_server.url + "/plan")
    expect(page.locator(".program-label")).to_have_text("Core & balance foundations · Week 1 of 5 · session 1 of 3")
    expect(page.locator(".plan-day").filter(has_text="Thu 3 Dec")).to_contain_text("Session 2: Heel-tap balance drills")


def test_play_the_week_s_first_session_then_miss_one_and_see_it_move(page, live_server, screenshot):
    open_program(page, live_server, HARD_WEDNESDAY)
    enrol(page)
    page.goto(live_server.url + "/")
    card = page.locator(".program-now")
    expect(card.locator(".program-label")).to_have_text("Week 1 of 5 · session 1 of 3 — Start")
    axe_in_both_schemes(page, screenshot, "program-home", clock=True)
    card.get_by_role("link", name="Start").click()

    # The week's doses: 8 chops (the routine says 10, no level is set) and 20 s holds.
    expect(page.get_by_role("heading", level=1)).to_have_text("Core & balance pair")
    intro = page.locator(".intro-items li")
    expect(intro.nth(0)).to_contain_text("This week: 8 reps")
    expect(intro.nth(1)).to_contain_text("This week: 20 s per side")
    start_player(page)
    page.clock.run_for(10_000)
    expect(page.locator(".player-target")).to_have_text("Target: 8 reps")
    page.locator(".player-stage").get_by_role("button", name="Done").click()
    page.get_by_role("button", name="End workout").click()
    page.get_by_role("button", name="End and log what I did").click()
    page.get_by_role("button", name="Save session").click()
    expect(page).to_have_url(re.compile(r"/history/[0-9a-f-]{36}$"))
    [session] = sessions(page)
    assert (session["routine"], session["local_date"]) == ("core-and-balance-pair", "2026-11-30")

    page.goto(f"{live_server.url}/programs/{PROGRAM}")
    expect(page.locator(".program-now h2")).to_have_text("Week 1 of 5 · session 2 of 3")
    expect(day(page, "Mon 30 Nov")).to_contain_text("✓ 1 session done")

    # Thursday passes with no session: on Friday it is missed and its session moved, not piled up.
    page.clock.set_system_time(FRIDAY)
    page.reload()
    expect(page.locator(".program-now h2")).to_have_text("Week 1 of 5 · session 2 of 3")
    expect(day(page, "Thu 3 Dec")).to_contain_text("Missed: moved to Friday.")
    expect(day(page, "Fri 4 Dec")).to_contain_text("Session 2: Heel-tap balance drills")
    expect(day(page, "Fri 4 Dec")).to_contain_text("Moved from Thu 3 Dec.")
    expect(day(page, "Sun 6 Dec")).to_contain_text("Session 3: After a run: balance set")
    expect(page.locator(".program-now .program-session")).to_have_count(2)  # nothing piled onto one day
    axe_in_both_schemes(page, screenshot, "program-missed", clock=True)


def test_leaving_keeps_the_history_and_offers_to_enrol_again(page, live_server):
    open_program(page, live_server)
    enrol(page)
    page.get_by_role("button", name="Leave this program").click()
    page.get_by_role("button", name="Leave", exact=True).click()
    expect(page.get_by_text("You left Core & balance foundations in week 1 of 5: 0 of 18 sessions done.")).to_be_visible()
    expect(page.get_by_role("button", name="Enrol again")).to_be_visible()
    [record] = page.evaluate("steady.enrolments.listEnrolments()")
    assert record["left_on"] == "2026-11-30"
    page.goto(live_server.url + "/")
    expect(page.get_by_role("link", name="Follow a program: weeks of sessions around your runs")).to_be_visible()


def test_a_start_next_week_waits_for_its_day(page, live_server):
    open_program(page, live_server)
    page.get_by_label("Start date").fill("2026-12-07")
    page.get_by_role("button", name="Enrol", exact=True).click()
    expect(page.locator(".program-now h2")).to_have_text("Week 1 of 5 starts Mon 7 Dec")
    page.goto(live_server.url + "/")
    expect(page.locator(".program-now .program-label")).to_have_text("Week 1 of 5 starts Mon 7 Dec")


def test_a_start_date_before_2000_is_refused_with_its_reason(page, live_server):
    open_program(page, live_server)
    page.get_by_label("Start date").fill("1999-12-31")
    page.get_by_role("button", name="Enrol", exact=True).click()
    expect(page.get_by_role("alert")).to_have_text("Enter the start date as YYYY-MM-DD, from 2000-01-01 on.")
    expect(page.get_by_label("Start date")).to_be_focused()
    assert page.evaluate("steady.enrolments.listEnrolments()") == []


def test_finishing_says_so_and_suggests_what_next(page, live_server):
    open_program(page, live_server)
    enrol(page)
    page.clock.set_system_time(datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc))  # past the fifth week
    page.reload()
    expect(page.get_by_role("heading", name="Program finished")).to_be_visible()
    expect(page.get_by_text("You finished Core & balance foundations: 0 of 18 sessions done.")).to_be_visible()
    expect(page.locator(".program-now .card-title")).to_have_text(
        ["Core & balance pair", "Heel-tap balance drills", "Core staples", "After a run: balance set"])
    [record] = page.evaluate("steady.enrolments.listEnrolments()")
    assert record["finished_on"] == "2027-01-04"


def test_the_program_s_clips_save_in_one_tap_and_it_works_offline(page, context, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("heading", level=1).wait_for()
    wait_until_controlled(page)
    page.goto(f"{live_server.url}/programs/{PROGRAM}")
    page.get_by_role("button", name="Save for offline").click()
    expect(page.get_by_role("button", name="Saved for offline")).to_be_disabled()
    [download] = page.evaluate("steady.downloads.listDownloads()")
    routines = {r["slug"]: r for r in page.evaluate("steady.catalogStore.readStoredCatalog()")["routines"]}
    program = next(p for p in page.evaluate("steady.catalogStore.readStoredCatalog()")["programs"] if p["slug"] == PROGRAM)
    exercises = {i["exercise"] for w in program["weeks"] for s in w["sessions"] for i in routines[s["routine"]]["items"]}
    assert (download["key"], len(download["urls"])) == (f"program:{PROGRAM}", 2 * len(exercises))

    context.set_offline(True)
    page.goto(live_server.url + "/programs")
    page.get_by_role("link", name="Core & balance foundations").click()
    page.get_by_role("button", name="Enrol", exact=True).click()
    expect(page.locator(".program-now h2")).to_contain_text("Week 1 of 5 · session 1 of 3")


def test_a_retired_program_leaves_the_list_but_an_enrolled_runner_still_follows_it(page, own_server, screenshot):  # noqa: F811
    server, studio = own_server
    open_program(page, server)
    wait_until_controlled(page)
    enrol(page)
    version = studio.retire("program", PROGRAM)["catalog_version"]

    page.goto(server.url + "/programs")  # the next visit fetches the new catalogue
    eventually(page, f"(v) => {STORED_CATALOG}.then((c) => c && c.version === v)", version)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Programs")
    expect(page.get_by_text("No programs yet.")).to_be_visible()
    assert page.get_by_role("link", name="Core & balance foundations").count() == 0

    page.goto(server.url + f"/programs/{PROGRAM}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Core & balance foundations")
    expect(page.locator(".retired-note")).to_contain_text("No longer in the catalogue")
    expect(page.locator(".program-now h2")).to_have_text("Week 1 of 5 · session 1 of 3")
    axe_in_both_schemes(page, screenshot, "program-retired", clock=True)
    page.goto(server.url + "/plan")
    expect(page.locator(".program-label")).to_have_text("Core & balance foundations · Week 1 of 5 · session 1 of 3")

    # Once left, nobody starts it afresh: the note stays, the enrol form does not come back.
    page.goto(server.url + f"/programs/{PROGRAM}")
    page.get_by_role("button", name="Leave this program").click()
    page.get_by_role("button", name="Leave", exact=True).click()
    expect(page.get_by_text("You left Core & balance foundations in week 1 of 5: 0 of 18 sessions done.")).to_be_visible()
    expect(page.locator(".retired-note")).to_be_visible()
    expect(page.get_by_role("button", name="Enrol again")).to_have_count(0)
    page.goto(server.url + "/")
    expect(page.get_by_role("link", name="Follow a program: weeks of sessions around your runs")).to_have_count(0)
