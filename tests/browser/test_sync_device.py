"""The device half of sync in Chromium, against the real server: phone and laptop converge, faults lose nothing."""

import pytest
from playwright.sync_api import expect

from tests.browser.sync_steps import (
    STATUS, applied_mutations, device_sessions, log_in, open_device, outbox, server_sessions, sync_now, wait_saved,
)
from tests.browser.training_steps import save_session
from tests.conftest import register_account

pytestmark = pytest.mark.browser


@pytest.fixture
def account(live_server):
    """A runner with an account on the live server."""
    return register_account(live_server.app, "phone.and.laptop@example.com")


def two_devices(browser, live_server, account, workers: str):
    """Two logged-in devices of one runner: [phone, laptop], each a context of its own."""
    pages = []
    for _ in range(2):
        context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers=workers)
        page = open_device(context, live_server, controlled=workers == "allow")
        log_in(page, live_server, account)
        wait_saved(page)
        pages.append(page)
    return pages


@pytest.fixture
def devices(browser, live_server, account):
    """Phone and laptop, each controlled by Steady's worker."""
    pages = two_devices(browser, live_server, account, "allow")
    yield pages
    for page in pages:
        page.context.close()


@pytest.fixture
def routed_devices(browser, live_server, account):
    """Phone and laptop without service workers: page.route() cannot see requests that pass through one."""
    pages = two_devices(browser, live_server, account, "block")
    yield pages
    for page in pages:
        page.context.close()


def test_phone_and_laptop_editing_offline_converge(devices, live_server, account):
    phone, laptop = devices
    shared = save_session(phone, notes="Both will edit this")
    wait_saved(phone)
    assert sync_now(laptop) == "saved"
    assert device_sessions(laptop)[shared["id"]]["notes"] == "Both will edit this"

    for page in devices:
        page.context.set_offline(True)
    save_session(phone, id=shared["id"], created_at=shared["created_at"], **{k: shared[k] for k in ("started_at", "ended_at")},
                 notes="Edited on the phone")
    phone_only = save_session(phone, notes="Phone, at the trailhead")
    save_session(laptop, id=shared["id"], created_at=shared["created_at"], effort=8, notes=shared["notes"])
    laptop_only = save_session(laptop, notes="Laptop, at home")
    expect(phone.locator(STATUS)).to_have_text("Offline — 2 changes will sync")

    for page in devices:
        page.context.set_offline(False)
    wait_saved(phone)
    assert sync_now(laptop) == "saved"
    assert sync_now(phone) == "saved"
    on_phone, on_laptop = device_sessions(phone), device_sessions(laptop)
    assert on_phone == on_laptop
    assert set(on_phone) == {shared["id"], phone_only["id"], laptop_only["id"]}
    # Different fields of one record: both edits are kept.
    assert on_phone[shared["id"]]["notes"] == "Edited on the phone"
    assert on_phone[shared["id"]]["effort"] == 8
    assert sorted(s["id"] for s in server_sessions(live_server.app, account)) == sorted(on_phone)
    assert outbox(phone) == outbox(laptop) == []


def test_a_lost_answer_to_a_committed_push_is_retried_without_a_double(routed_devices, live_server, account):
    phone, laptop = routed_devices
    handled = []

    def lose_answer(route):
        handled.append(route.fetch())  # the server applies the push and commits…
        route.abort()  # …and its answer never arrives

    phone.route("**/api/sync/push", lose_answer)
    logged = save_session(phone, notes="Answer lost")
    expect(phone.locator(STATUS)).to_have_text("Offline — 1 change will sync", timeout=10_000)
    assert handled and handled[0].status == 200
    assert [s["id"] for s in server_sessions(live_server.app, account)] == [logged["id"]]
    assert len(outbox(phone)) == 1  # never acknowledged, so still queued
    assert applied_mutations(live_server.app, phone) == 1

    phone.unroute("**/api/sync/push")
    assert sync_now(phone) == "saved"
    assert outbox(phone) == []
    assert [s["id"] for s in server_sessions(live_server.app, account)] == [logged["id"]]
    assert applied_mutations(live_server.app, phone) == 1  # the retry resent mutation 1, which the server skipped
    assert sync_now(laptop) == "saved"
    assert list(device_sessions(laptop)) == [logged["id"]]
