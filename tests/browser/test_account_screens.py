"""The account screens in Chromium: register, log out, log in, reset a password through real mail, offline."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe_check import axe_in_both_schemes
from tests.mail import reset_link
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

EMAIL = "screen.runner@example.com"
NEW_PASSWORD = "a-fresh-start-2026"


@pytest.fixture
def mail_server(mailbox, app, live_server):
    """Real SMTP for the live app, with links on its own origin."""
    app.config["ORIGIN"] = live_server.url
    return mailbox


def check(page, screenshot, name):
    """axe in light and dark, with a 390x844 screenshot of each named after the account screen."""
    axe_in_both_schemes(page, screenshot, f"account-{name}")


def fill(page, fields: dict):
    for label, value in fields.items():
        page.get_by_label(label, exact=True).fill(value)


def test_register_log_out_log_in(page, live_server, screenshot):
    page.goto(live_server.url + "/register")
    expect(page.get_by_role("heading", name="Create an account")).to_be_visible()
    check(page, screenshot, "register")
    fill(page, {"Email": EMAIL, "Password": "short"})
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("alert")).to_have_text("Use at least 10 characters for your password.")
    check(page, screenshot, "register-error")
    fill(page, {"Password": PASSWORD})
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(live_server.url + "/account")
    expect(page.get_by_text(f"Logged in as {EMAIL}.")).to_be_visible()
    check(page, screenshot, "account")

    page.get_by_role("button", name="Log out").click()
    page.get_by_role("button", name="Keep it and log out").click()
    expect(page).to_have_url(live_server.url + "/login")
    check(page, screenshot, "login")
    fill(page, {"Email": EMAIL, "Password": "not-the-password"})
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_have_text("That email and password don't match an account.")
    fill(page, {"Password": PASSWORD})
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text(f"Logged in as {EMAIL}.")).to_be_visible()


def test_reset_a_forgotten_password_through_the_mail(page, live_server, mail_server, screenshot):
    from tests.conftest import register_account

    register_account(live_server.app, EMAIL)
    page.goto(live_server.url + "/login")
    page.get_by_role("link", name="Forgot your password?").click()
    expect(page.get_by_role("heading", name="Reset your password")).to_be_visible()
    check(page, screenshot, "reset-request")
    fill(page, {"Email": EMAIL})
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_role("status").filter(has_text="is on its way")).to_be_visible()
    check(page, screenshot, "reset-sent")

    link = reset_link(mail_server.wait_for(1))
    assert link.startswith(live_server.url + "/reset/")
    page.goto(link)
    expect(page.get_by_role("heading", name="Choose a new password")).to_be_visible()
    check(page, screenshot, "reset-choose")
    fill(page, {"New password": NEW_PASSWORD})
    page.get_by_role("button", name="Set new password").click()
    expect(page.get_by_text("Your password is changed. Log in with the new one.")).to_be_visible()

    page.get_by_role("link", name="Log in", exact=True).click()
    fill(page, {"Email": EMAIL, "Password": NEW_PASSWORD})
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text(f"Logged in as {EMAIL}.")).to_be_visible()

    page.goto(link)  # the link works once
    fill(page, {"New password": "yet-another-phrase"})
    page.get_by_role("button", name="Set new password").click()
    expect(page.get_by_role("alert")).to_have_text("This reset link has expired or was already used. Ask for a new one.")


def test_offline_the_forms_say_they_need_a_connection_and_keep_what_was_typed(page, context, live_server, screenshot):
    page.goto(live_server.url + "/login")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    context.set_offline(True)
    fill(page, {"Email": EMAIL, "Password": PASSWORD})
    page.get_by_role("button", name="Log in").click()
    message = "Logging in needs a connection, and this device is offline. What you typed is still here: send it again once you are back online."
    note = page.locator("#login-offline")
    expect(note).to_have_text(message)
    expect(note).to_be_focused()
    expect(page.get_by_label("Email", exact=True)).to_have_value(EMAIL)
    expect(page.get_by_label("Password", exact=True)).to_have_value(PASSWORD)
    check(page, screenshot, "login-offline")
    context.set_offline(False)
    page.get_by_role("button", name="Log in").click()  # back online, what was typed is sent as it stands
    expect(page.get_by_role("alert")).to_have_text("That email and password don't match an account.")


def test_the_account_screen_logged_out_offers_login_and_register(page, live_server, screenshot):
    page.goto(live_server.url + "/account")
    expect(page.get_by_text("You are not logged in on this device.")).to_be_visible()
    expect(page.get_by_role("link", name="Create an account")).to_be_visible()
    check(page, screenshot, "account-logged-out")


def test_change_password_and_delete_the_account(page, live_server, screenshot):
    from tests.conftest import register_account

    register_account(live_server.app, EMAIL)
    page.goto(live_server.url + "/login")
    fill(page, {"Email": EMAIL, "Password": PASSWORD})
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text(f"Logged in as {EMAIL}.")).to_be_visible()
    fill(page, {"Current password": PASSWORD, "New password": NEW_PASSWORD})
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("status").filter(has_text="Password changed.")).to_be_visible()
    fill(page, {"Your password, to confirm": "wrong-password"})
    page.get_by_role("button", name="Delete account and all its data").click()
    expect(page.locator("#delete-account").get_by_role("alert")).to_have_text("That password isn't right.")
    fill(page, {"Your password, to confirm": NEW_PASSWORD})
    page.get_by_role("button", name="Delete account and all its data").click()
    expect(page).to_have_url(live_server.url + "/")
    page.goto(live_server.url + "/account")
    expect(page.get_by_text("You are not logged in on this device.")).to_be_visible()


def test_no_page_breaks_the_content_security_policy(page, live_server):
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    for path in ["/", "/exercises", "/exercises/side-plank", "/routines", "/routines/back-and-core-circuit",
                 "/routines/back-and-core-circuit/play", "/log", "/history", "/settings", "/storage",
                 "/login", "/register", "/account", "/reset"]:
        page.goto(live_server.url + path)
        expect(page.locator("main h1")).to_be_visible()
    assert violations == []
