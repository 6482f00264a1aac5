"""The sync status line: on every screen once an account is in use, in the words of issue #12, read out
when its words change, axe-clean at phone size in light and dark (screenshots under test-artifacts/)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.sync_steps import STATUS, log_in, start_on, wait_saved
from tests.browser.training_steps import save_session
from tests.conftest import register_account

pytestmark = pytest.mark.browser


def test_without_an_account_there_is_no_status_line(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("heading", level=1).wait_for()
    save_session(page, notes="No account here")
    expect(page.locator("#sync-status")).to_have_count(0)
    assert page.evaluate("() => 'syncEngine' in steady") is False  # not even loaded: nothing changes from before accounts


def test_every_state_in_both_schemes(page, context, live_server, screenshot, monkeypatch):
    from server.sync import service

    account = register_account(live_server.app, "status.line@example.com")
    start_on(page, live_server)
    log_in(page, live_server, account)
    page.goto(live_server.url + "/history")
    wait_saved(page)
    expect(page.locator("#sync-status .sync-time")).to_have_text(re.compile(r"^· Last synced \d{1,2}:\d\d( [AP]M)?$"))
    axe_in_both_schemes(page, screenshot, "sync-saved")

    context.set_offline(True)
    save_session(page, notes="Offline")
    expect(page.locator(STATUS)).to_have_text("Offline — 1 change will sync")
    axe_in_both_schemes(page, screenshot, "sync-offline")

    def broken(*args, **kwargs):
        raise RuntimeError("the database is down")

    monkeypatch.setattr(service, "_apply", broken)
    context.set_offline(False)
    expect(page.locator(STATUS)).to_have_text("Sync failed — retrying", timeout=10_000)
    axe_in_both_schemes(page, screenshot, "sync-failed")
    monkeypatch.undo()

    context.clear_cookies()
    page.evaluate("() => steady.syncEngine.flush()")
    expect(page.locator(STATUS)).to_have_text("Logged out — log in to sync 1 change")
    page.goto(live_server.url + "/progress")  # on another screen too
    expect(page.locator(STATUS)).to_have_text("Logged out — log in to sync 1 change")
    axe_in_both_schemes(page, screenshot, "sync-expired")


def test_a_change_waiting_is_counted_then_saved(page, context, live_server):
    account = register_account(live_server.app, "waiting.line@example.com")
    start_on(page, live_server)
    log_in(page, live_server, account)
    wait_saved(page)
    words = []
    page.expose_function("noteStatus", lambda text: words.append(text))
    page.evaluate("""() => new MutationObserver(() => noteStatus(document.querySelector('#sync-status [role=status]').textContent))
        .observe(document.querySelector('#sync-status [role=status]'), { childList: true, characterData: true, subtree: true })""")
    save_session(page, notes="Waiting")
    expect(page.locator(STATUS)).to_have_text("1 change waiting")
    wait_saved(page)
    assert words[0] == "1 change waiting" and words[-1] == "All changes saved"
