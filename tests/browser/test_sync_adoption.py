"""Signing up on a device that already holds training adopts it: every session reaches the account once,
across a closed browser, and settings land on the one record every device computes."""

import uuid

import pytest
from playwright.sync_api import expect

from server.extensions import db
from server.training.models import SettingsRecord
from tests.browser.sync_steps import STATUS, device_sessions, log_in, open_device, outbox, server_sessions, sync_now, wait_saved
from tests.browser.training_steps import save_session
from tests.conftest import PASSWORD, Account, register_account

pytestmark = pytest.mark.browser
EMAIL = "adopted.phone@example.com"


def phone_at(browser_type, launch_args, folder):
    """The phone: a browser profile on disk, so closing it and opening it again keeps its data."""
    return browser_type.launch_persistent_context(str(folder), **launch_args, viewport={"width": 390, "height": 844})


def sign_up(page, live_server) -> None:
    """Create an account on the registration screen."""
    page.goto(live_server.url + "/register")
    page.get_by_label("Email", exact=True).fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text(f"Logged in as {EMAIL}.")).to_be_visible()


def test_sign_up_adopts_what_was_logged_and_the_laptop_finds_each_session_once(
        browser, browser_type, browser_type_launch_args, live_server, tmp_path):
    phone_context = phone_at(browser_type, browser_type_launch_args, tmp_path / "phone")
    phone = open_device(phone_context, live_server)
    phone_context.set_offline(True)
    before = [save_session(phone, notes=f"Before the account {n}") for n in range(2)]
    phone.evaluate("() => steady.settings.saveSetting('units', 'lb')")
    expect(phone.locator("#sync-status")).to_be_hidden()  # no account: the app looks as it always did

    phone_context.set_offline(False)
    sign_up(phone, live_server)
    wait_saved(phone)
    with live_server.app.app_context():
        from server.accounts.models import User
        user_id = db.session.scalar(db.select(User.id).where(User.email == EMAIL))
    account = Account(user_id, EMAIL, PASSWORD)
    assert outbox(phone) == []
    assert sorted(s["id"] for s in server_sessions(live_server.app, account)) == sorted(s["id"] for s in before)

    phone_context.set_offline(True)
    after = [save_session(phone, notes=f"After signing up {n}") for n in range(2)]
    expect(phone.locator(STATUS)).to_have_text("Offline — 2 changes will sync")
    phone_context.close()  # closed with two changes in its outbox

    phone_context = phone_at(browser_type, browser_type_launch_args, tmp_path / "phone")
    phone_context.set_offline(True)
    phone = phone_context.new_page()
    phone.goto(live_server.url + "/history")
    expect(phone.locator(STATUS)).to_have_text("Offline — 2 changes will sync")
    phone_context.set_offline(False)
    wait_saved(phone)

    everything = sorted(s["id"] for s in before + after)
    laptop_context = browser.new_context()
    laptop = open_device(laptop_context, live_server)
    log_in(laptop, live_server, account)
    wait_saved(laptop)
    assert sorted(device_sessions(laptop)) == everything
    assert sorted(s["id"] for s in server_sessions(live_server.app, account)) == everything
    assert sync_now(phone) == "saved"
    assert sorted(device_sessions(phone)) == everything
    assert outbox(phone) == []
    # The setting chosen before the account is on the account's one settings record, and on the laptop.
    with live_server.app.app_context():
        rows = db.session.scalars(db.select(SettingsRecord).where(SettingsRecord.user_id == user_id)).all()
        assert [(str(r.id), r.data["units"]) for r in rows] == [(str(uuid.uuid5(user_id, "settings")), "lb")]
    assert laptop.evaluate("() => steady.settings.readSettings()")["units"] == "lb"
    laptop_context.close()
    phone_context.close()


def test_logging_in_where_the_account_has_settings_keeps_both_devices_choices(browser, live_server):
    account = register_account(live_server.app, "two.settings@example.com")
    laptop_context, phone_context = browser.new_context(), browser.new_context()
    laptop = open_device(laptop_context, live_server)
    log_in(laptop, live_server, account)
    laptop.evaluate("() => steady.settings.saveSetting('week_start', 'sunday')")
    wait_saved(laptop)

    phone = open_device(phone_context, live_server)
    phone.evaluate("() => steady.settings.saveSetting('units', 'lb')")  # before logging in
    log_in(phone, live_server, account)
    wait_saved(phone)
    assert sync_now(laptop) == "saved"
    for page in (phone, laptop):
        settings = page.evaluate("() => steady.settings.readSettings()")
        assert (settings["units"], settings["week_start"]) == ("lb", "sunday")
    with live_server.app.app_context():
        rows = db.session.scalars(db.select(SettingsRecord).where(SettingsRecord.user_id == account.id)).all()
        assert len(rows) == 1 and rows[0].conflicts == {}
    laptop_context.close()
    phone_context.close()
