"""Logging out asks keep or clear; clearing waits for the server to confirm every change, and keeping sends nothing more."""

import pytest
from playwright.sync_api import expect

from tests.browser.sync_steps import device_sessions, log_in, open_device, outbox, server_sessions, wait_saved
from tests.browser.training_steps import save_session
from tests.conftest import register_account

pytestmark = pytest.mark.browser


@pytest.fixture
def account(live_server):
    """A runner with an account."""
    return register_account(live_server.app, "logging.out@example.com")


def test_keeping_the_copy_keeps_everything_and_sends_nothing_more(browser, live_server, account):
    context = browser.new_context(service_workers="block")
    phone = open_device(context, live_server, controlled=False)
    log_in(phone, live_server, account)
    synced = save_session(phone, notes="Synced")
    wait_saved(phone)
    phone.goto(live_server.url + "/account")
    phone.get_by_role("button", name="Log out").click()
    expect(phone.get_by_role("group", name="Keep your training on this device?")).to_be_visible()
    phone.get_by_role("button", name="Keep it and log out").click()
    expect(phone).to_have_url(live_server.url + "/login")
    expect(phone.locator("#sync-status")).to_be_hidden()

    sent = []
    phone.on("request", lambda request: sent.append(request.url) if "/api/sync/" in request.url else None)
    later = save_session(phone, notes="After logging out")
    assert phone.evaluate("() => steady.syncEngine.flush()") == "saved"
    assert sent == []
    assert set(device_sessions(phone)) == {synced["id"], later["id"]}
    assert [s["id"] for s in server_sessions(live_server.app, account)] == [synced["id"]]
    assert [e["id"] for e in outbox(phone)] == [later["id"]]
    context.close()


def test_clearing_waits_until_the_server_has_every_change(browser, live_server, account):
    context = browser.new_context(service_workers="block")
    phone = open_device(context, live_server, controlled=False)
    log_in(phone, live_server, account)
    wait_saved(phone)
    phone.route("**/api/sync/push", lambda route: route.abort())
    unsent = save_session(phone, notes="Not on the server yet")
    phone.goto(live_server.url + "/account")
    phone.get_by_role("button", name="Log out").click()
    phone.get_by_role("button", name="Clear it and log out").click()
    expect(phone.get_by_role("alert")).to_have_text(
        "1 change is not saved to your account yet. Connect to save them first, or keep this device's copy.")
    assert list(device_sessions(phone)) == [unsent["id"]]
    another = save_session(phone, notes="Nor this one")
    phone.get_by_role("button", name="Clear it and log out").click()
    expect(phone.get_by_role("alert")).to_have_text(  # through the shipped bundle, whose minifier once ate a space here
        "2 changes are not saved to your account yet. Connect to save them first, or keep this device's copy.")
    expect(phone.get_by_text(f"Logged in as {account.email}.")).to_be_visible()
    assert phone.evaluate("() => fetch('/api/auth/me').then((r) => r.status)") == 200  # still logged in

    phone.unroute("**/api/sync/push")
    phone.get_by_role("button", name="Clear it and log out").click()
    expect(phone).to_have_url(live_server.url + "/login")
    assert device_sessions(phone) == {}
    assert outbox(phone) == []
    assert phone.evaluate("() => steady.syncAccount.readSyncState()") is None
    assert sorted(s["id"] for s in server_sessions(live_server.app, account)) == sorted([unsent["id"], another["id"]])
    assert phone.evaluate("() => fetch('/api/auth/me').then((r) => r.status)") == 401
    context.close()
