"""Who sees the studio: a runner gets no Studio link and /coach says only coaches use it; logged
out, it asks for a login; a grant shows the link on the next visit; offline, every studio screen
says it needs a connection and keeps what the coach typed."""

import pytest
from playwright.sync_api import expect

from server.accounts.service import set_coach
from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.studio_steps import coach_account, coach_page, status, studio_app  # noqa: F401  (fixtures)
from tests.browser.sync_steps import log_in
from tests.conftest import register_account
from tests.offline.conftest import wait_until_controlled

pytestmark = pytest.mark.browser


def more_menu(page):
    page.get_by_role("button", name="More").click()
    return page.locator("#more-menu")


def test_a_runner_sees_no_studio_and_a_grant_shows_it_on_the_next_visit(page, live_server, app, screenshot):
    runner = register_account(app, "plain.runner@example.com")
    log_in(page, live_server, runner)
    expect(more_menu(page).get_by_role("link", name="Progress")).to_be_visible()
    expect(page.locator("#more-menu").get_by_role("link", name="Studio")).to_be_hidden()

    page.goto(f"{live_server.url}/coach")
    expect(page.get_by_role("alert")).to_have_text("Only coaches can use the studio. Ask the operator to make your account a coach.")
    axe_in_both_schemes(page, screenshot, "studio-runner")
    page.goto(f"{live_server.url}/coach/exercises/plank")
    expect(page.get_by_role("alert")).to_contain_text("Only coaches can use the studio.")
    expect(page.get_by_label("Name", exact=True)).to_have_count(0)

    with app.app_context():
        set_coach(runner.email, True)
    page.goto(f"{live_server.url}/")
    expect(page.locator("#studio-link")).to_be_attached()
    studio = more_menu(page).get_by_role("link", name="Studio")
    expect(studio).to_be_visible()
    axe_in_both_schemes(page, screenshot, "studio-more-menu")
    studio.click()
    expect(page.get_by_role("button", name="More")).to_have_attribute("data-current", "true")
    expect(page.locator("#studio-exercises a[data-slug=plank]")).to_be_visible()

    with app.app_context():
        set_coach(runner.email, False)
    page.goto(f"{live_server.url}/account")
    expect(page.get_by_text(f"Logged in as {runner.email}.")).to_be_visible()
    expect(page.locator("#studio-link")).to_be_hidden()


def test_logged_out_the_studio_asks_for_a_login(page, live_server):
    page.goto(f"{live_server.url}/coach")
    expect(page.get_by_role("alert")).to_contain_text("Log in with your coach account to use the studio.")
    page.get_by_role("alert").get_by_role("link", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")


def test_offline_the_studio_says_it_needs_a_connection_and_keeps_what_was_typed(coach_page, live_server, screenshot):
    page = coach_page
    wait_until_controlled(page)
    page.goto(f"{live_server.url}/coach/exercises/plank")
    summary = page.get_by_label("Summary")
    expect(summary).to_be_visible()
    typed = "Typed on a train: the trunk holds a straight line from head to heels."
    summary.fill(typed)

    page.context.set_offline(True)
    expect(page.get_by_text("You are offline. The studio needs a connection to save or publish")).to_be_visible()
    page.get_by_role("button", name="Save draft").click()
    alert = page.locator(".studio-form > .form-error")
    expect(alert).to_contain_text("Saving the draft needs a connection, and this device is offline.")
    expect(alert).to_contain_text("what you typed stays here")
    expect(summary).to_have_value(typed)
    page.get_by_role("button", name="Publish").click()
    expect(alert).to_contain_text("Publishing the exercise needs a connection")
    expect(summary).to_have_value(typed)
    axe_in_both_schemes(page, screenshot, "studio-offline-edit")

    # A studio screen opened offline (its code is saved on the device) says so, with Try again.
    page.get_by_role("link", name="Studio").first.click()
    expect(page.get_by_role("alert")).to_contain_text("The studio needs a connection, and this device is offline.")
    axe_in_both_schemes(page, screenshot, "studio-offline")
    page.context.set_offline(False)
    page.get_by_role("button", name="Try again").click()
    expect(page.locator("#studio-exercises a[data-slug=plank]")).to_be_visible()

    # Back online, what was typed (kept for this tab) is there to save.
    page.locator("#studio-exercises a[data-slug=plank]").click()
    expect(page.get_by_label("Summary")).to_have_value(typed)
    page.get_by_role("button", name="Save draft").click()
    expect(status(page)).to_have_text("Draft saved. Runners see nothing of it until you publish.")


def test_on_a_wide_screen_the_studio_link_stays_hidden_from_runners(page, live_server, app):
    # There the More list joins the tab bar (display: contents), which must not undo `hidden`.
    page.set_viewport_size({"width": 1024, "height": 768})
    runner = register_account(app, "wide.runner@example.com")
    log_in(page, live_server, runner)
    expect(page.get_by_role("link", name="Progress")).to_be_visible()
    expect(page.get_by_role("link", name="Studio")).to_be_hidden()
