"""Background Sync: a flush that failed offline is registered with the browser, and the worker sends the
outbox when the browser fires the sync event, with no Steady page open."""

import time

import pytest

from tests.browser.sync_steps import log_in, open_device, server_sessions, wait_saved
from tests.browser.training_steps import save_session
from tests.conftest import FULL_CHROMIUM, register_account

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser(browser_type, browser_type_launch_args):
    """The full Chromium: the headless shell the other browser tests use has no Background Sync."""
    launched = browser_type.launch(**{**browser_type_launch_args, "executable_path": FULL_CHROMIUM})
    yield launched
    launched.close()

REGISTERED_TAGS = "() => navigator.serviceWorker.ready.then((r) => r.sync.getTags())"


def test_the_worker_flushes_the_outbox_with_no_page_open(browser, live_server):
    account = register_account(live_server.app, "background.sync@example.com")
    context = browser.new_context()
    phone = open_device(context, live_server)
    log_in(phone, live_server, account)
    wait_saved(phone)
    context.set_offline(True)
    logged = save_session(phone, notes="Sent by the worker")
    for _ in range(50):  # the registration is asynchronous; wait_for_function cannot wait on a promise
        if "steady-sync" in phone.evaluate(REGISTERED_TAGS):
            break
        phone.wait_for_timeout(100)
    assert "steady-sync" in phone.evaluate(REGISTERED_TAGS)
    phone.close()  # no Steady page is open from here on
    assert server_sessions(live_server.app, account) == []
    # Back online, Chromium may fire the registered sync itself at once; the event dispatched below makes sure
    # it fires. Either way only the worker can send the session: no Steady page is open.
    context.set_offline(False)

    blank = context.new_page()  # only to reach the DevTools protocol; it is not Steady
    cdp = context.new_cdp_session(blank)
    registrations = []
    cdp.on("ServiceWorker.workerRegistrationUpdated", lambda event: registrations.extend(event["registrations"]))
    cdp.send("ServiceWorker.enable")
    deadline = time.monotonic() + 10
    while not registrations and time.monotonic() < deadline:
        blank.wait_for_timeout(100)
    (registration,) = [r for r in registrations if r["scopeURL"] == live_server.url + "/"]
    cdp.send("ServiceWorker.dispatchSyncEvent", {"origin": live_server.url, "registrationId": registration["registrationId"],
                                                 "tag": "steady-sync", "lastChance": False})
    deadline = time.monotonic() + 15
    while not server_sessions(live_server.app, account) and time.monotonic() < deadline:
        blank.wait_for_timeout(200)
    assert [s["id"] for s in server_sessions(live_server.app, account)] == [logged["id"]]
    context.close()
