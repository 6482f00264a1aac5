"""The device half of sync in Chromium, against the real server: phone and laptop converge, faults lose nothing."""

import pytest
from playwright.sync_api import expect

from tests.browser.sync_steps import (
    STATUS, applied_mutations, device_sessions, edit_offline_phone_first, log_in, open_device, outbox, server_sessions, start_on,
    sync_now, wait_saved,
)
from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.training_steps import save_session

pytestmark = pytest.mark.browser


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


def test_a_500_mid_batch_applies_nothing_and_the_retry_sends_everything_once(devices, live_server, account, monkeypatch):
    from server.sync import service

    phone, laptop = devices
    phone.context.set_offline(True)
    logged = [save_session(phone, notes=f"Offline session {n}") for n in range(3)]
    real_apply = service._apply

    def fail_on_the_second(mutation, *args, **kwargs):
        if str(mutation.entity_id) == logged[1]["id"]:
            raise RuntimeError("the database went away mid-batch")
        return real_apply(mutation, *args, **kwargs)

    monkeypatch.setattr(service, "_apply", fail_on_the_second)
    phone.context.set_offline(False)
    expect(phone.locator(STATUS)).to_have_text("Sync failed — retrying", timeout=10_000)
    assert server_sessions(live_server.app, account) == []  # the first mutation was rolled back with the rest
    assert len(outbox(phone)) == 3

    monkeypatch.setattr(service, "_apply", real_apply)
    assert sync_now(phone) == "saved"
    assert sorted(s["id"] for s in server_sessions(live_server.app, account)) == sorted(s["id"] for s in logged)
    assert applied_mutations(live_server.app, phone) == 3
    assert sync_now(laptop) == "saved"
    assert set(device_sessions(laptop)) == {s["id"] for s in logged}


def seed_sessions(app, account, count: int) -> list[str]:
    """`count` sessions pushed to the account from a new device of its own, straight through the API."""
    import uuid

    from tests.conftest import log_in as api_log_in
    from tests.sync.conftest import put, session_record

    http = app.test_client()
    api_log_in(http, account)
    ids = [str(uuid.uuid4()) for _ in range(count)]
    mutations = [{"id": n + 1} | put("session", session_record(i)) for n, i in enumerate(ids)]
    answer = http.post("/api/sync/push", json={"protocol": 1, "client_id": str(uuid.uuid4()), "mutations": mutations})
    assert answer.get_json() == {"last_mutation_id": count, "rejected": []}
    return ids


def test_the_network_dropping_mid_pull_loses_nothing_and_doubles_nothing(browser, live_server, account):
    seeded = seed_sessions(live_server.app, account, 450)  # three pages of 200
    context = browser.new_context(service_workers="block")
    phone = open_device(context, live_server, controlled=False)
    mine = save_session(phone, notes="Logged before the account")
    pulls = []

    def drop_after_the_first(route):  # the connection goes after the first page, and stays gone
        pulls.append(route.request.url)
        if len(pulls) >= 2:
            route.abort("internetdisconnected")
        else:
            route.continue_()

    phone.route("**/api/sync/pull", drop_after_the_first)
    log_in(phone, live_server, account)
    # Pulls stopped after one page, but the push got through: the local session is on the server.
    expect(phone.locator(STATUS)).to_have_text("Offline — all changes saved", timeout=10_000)
    assert len(device_sessions(phone)) == 201  # the first page is in, whole; the local session kept
    assert outbox(phone) == []
    assert mine["id"] in {s["id"] for s in server_sessions(live_server.app, account)}

    phone.unroute("**/api/sync/pull")
    assert sync_now(phone) == "saved"
    on_phone = device_sessions(phone)
    assert set(on_phone) == {*seeded, mine["id"]}
    assert sorted(s["id"] for s in server_sessions(live_server.app, account)) == sorted(on_phone)
    context.close()


PULL_BY_HAND = """async () => {
  const state = await steady.syncAccount.readSyncState();
  const page = await steady.serverApi.sendJson('POST', '/api/sync/pull', { protocol: 1, client_id: state.client_id, cursor: state.cursor, limit: 200 });
  await steady.syncPull.applyPage(page);
  return page.changes.length;
}"""


def test_a_pull_never_undoes_an_edit_not_yet_sent(routed_devices, live_server, account):
    phone, laptop = routed_devices
    shared = save_session(phone, notes="Before")
    wait_saved(phone)
    assert sync_now(laptop) == "saved"
    save_session(laptop, **{**device_sessions(laptop)[shared["id"]], "notes": "Laptop's notes"})
    wait_saved(laptop)

    phone.route("**/api/sync/push", lambda route: route.abort())  # the phone's edit cannot leave yet
    save_session(phone, **{**shared, "effort": 9})
    expect(phone.locator(STATUS)).to_have_text("Offline — 1 change will sync", timeout=10_000)
    assert phone.evaluate(PULL_BY_HAND) == 1  # the laptop's edit arrives…
    assert device_sessions(phone)[shared["id"]]["effort"] == 9  # …and the unsent edit is still there

    phone.unroute("**/api/sync/push")
    assert sync_now(phone) == "saved"
    assert sync_now(laptop) == "saved"
    merged = device_sessions(phone)[shared["id"]]
    assert (merged["notes"], merged["effort"]) == ("Laptop's notes", 9)
    assert device_sessions(laptop)[shared["id"]] == merged


def test_a_login_expired_while_offline_keeps_the_outbox_until_logging_in_again(devices, live_server, account):
    phone, laptop = devices
    phone.context.set_offline(True)
    logged = save_session(phone, notes="Logged while the login expired")
    phone.context.clear_cookies()  # the session ends while the phone is away
    phone.context.set_offline(False)
    expect(phone.locator(STATUS)).to_have_text("Logged out — log in to sync 1 change", timeout=10_000)
    expect(phone.locator("#sync-status").get_by_role("link", name="Log in")).to_be_visible()
    assert [e["id"] for e in outbox(phone)] == [logged["id"]]
    assert logged["id"] in device_sessions(phone)
    assert server_sessions(live_server.app, account) == []

    log_in(phone, live_server, account)
    wait_saved(phone)
    assert [s["id"] for s in server_sessions(live_server.app, account)] == [logged["id"]]
    assert sync_now(laptop) == "saved"
    assert list(device_sessions(laptop)) == [logged["id"]]


def test_the_same_field_edited_on_both_shows_the_other_version_and_lets_the_runner_pick(devices, live_server, account):
    phone, laptop = devices
    shared = save_session(phone, notes="Before")
    wait_saved(phone)
    assert sync_now(laptop) == "saved"
    edit_offline_phone_first(phone, laptop, lambda: save_session(phone, **{**shared, "notes": "Phone's notes"}),
                             lambda: save_session(laptop, **{**device_sessions(laptop)[shared["id"]], "notes": "Laptop's notes"}))
    assert sync_now(laptop) == "saved"
    assert sync_now(phone) == "saved"
    assert device_sessions(laptop)[shared["id"]]["notes"] == "Phone's notes"  # the server's order decided

    for page in devices:
        page.goto(f"{live_server.url}/history/{shared['id']}")
        note = page.get_by_role("group", name="Notes, edited on another device")
        expect(note).to_contain_text("Notes: edited on another device. The other version: “Laptop's notes”.")
    axe_in_both_schemes(phone, lambda name: phone.screenshot(path=f"test-artifacts/{name}.png", full_page=True), "sync-conflict")
    laptop.get_by_role("button", name="Use the other version").click()
    expect(laptop.get_by_role("group", name="Notes, edited on another device")).to_have_count(0)
    wait_saved(laptop)
    assert sync_now(phone) == "saved"
    for page in devices:
        assert device_sessions(page)[shared["id"]]["notes"] == "Laptop's notes"
        page.reload()
        expect(page.locator(".facts")).to_contain_text("Laptop's notes")
        expect(page.get_by_role("group", name="Notes, edited on another device")).to_have_count(0)


def test_a_session_the_server_refuses_is_kept_and_says_why(devices, live_server, account):
    phone, laptop = devices
    refused = save_session(phone, entries=[{"exercise": "moon-walk", "side": "both", "reps": 5, "seconds": None,
                                             "load_kg": None, "surface": None, "eyes": None, "footwear": None}])
    kept = save_session(phone, notes="A fine one")
    wait_saved(phone)
    assert [s["id"] for s in server_sessions(live_server.app, account)] == [kept["id"]]
    assert [(e["id"], e["rejected"]) for e in outbox(phone)] == [
        (refused["id"], "entries.0.exercise: This exercise is not in the catalogue.")]
    expect(phone.locator("#sync-status .sync-refused")).to_contain_text("· 1 not saved to your account (see the record)")
    phone.goto(f"{live_server.url}/history/{refused['id']}")
    expect(phone.get_by_role("alert")).to_have_text(
        "Not saved to your account: entries.0.exercise: This exercise is not in the catalogue.")
    assert refused["id"] in device_sessions(phone)
    phone.goto(f"{live_server.url}/history/{kept['id']}")
    expect(phone.locator(".facts")).to_be_visible()
    expect(phone.locator("main").get_by_text("Not saved to your account")).to_have_count(0)


FLUSH_IN_BACKGROUND = "() => { window.__outcome = null; steady.syncEngine.flush().then((o) => { window.__outcome = o; }); }"


def test_two_tabs_flush_one_at_a_time(browser, live_server, account, monkeypatch):
    import threading
    import time

    from server.sync import service

    busy, seen, guard = [0], [], threading.Lock()

    def one_at_a_time(real):
        def call(*args, **kwargs):
            with guard:
                busy[0] += 1
                seen.append(busy[0])
            time.sleep(0.2)  # long enough that two unserialised tabs would overlap
            try:
                return real(*args, **kwargs)
            finally:
                with guard:
                    busy[0] -= 1
        return call

    context = browser.new_context(service_workers="block")
    first = open_device(context, live_server, controlled=False)
    log_in(first, live_server, account)
    wait_saved(first)
    second = open_device(context, live_server, controlled=False)
    wait_saved(second)
    monkeypatch.setattr(service, "apply_push", one_at_a_time(service.apply_push))
    monkeypatch.setattr(service, "pull", one_at_a_time(service.pull))
    logged = [save_session(tab, notes=f"Tab {n}") for n, tab in enumerate((first, second))]
    for tab in (first, second):
        tab.evaluate(FLUSH_IN_BACKGROUND)
    for tab in (first, second):
        tab.wait_for_function("() => window.__outcome !== null")
        assert tab.evaluate("() => window.__outcome") == "saved"
    assert len(seen) >= 4 and max(seen) == 1, seen
    assert sorted(s["id"] for s in server_sessions(live_server.app, account)) == sorted(s["id"] for s in logged)
    context.close()


def test_changes_to_one_record_go_as_one_mutation(devices, live_server, account):
    phone, laptop = devices
    phone.context.set_offline(True)
    first = save_session(phone, notes="One")
    for notes in ("Two", "Three"):
        save_session(phone, **{**first, "notes": notes})
    other = save_session(phone, notes="Another record")
    assert len(outbox(phone)) == 4
    phone.context.set_offline(False)
    wait_saved(phone)
    assert applied_mutations(live_server.app, phone) == 2
    assert sorted(s["notes"] for s in server_sessions(live_server.app, account)) == ["Another record", "Three"]
    assert sync_now(laptop) == "saved"
    assert {s["id"]: s["notes"] for s in device_sessions(laptop).values()} == {first["id"]: "Three", other["id"]: "Another record"}


def test_a_reset_after_purged_tombstones_removes_what_the_server_no_longer_has(devices, live_server, account):
    from datetime import UTC, datetime, timedelta

    from server.sync.service import purge_tombstones

    phone, laptop = devices
    gone = save_session(phone, notes="Deleted on the laptop")
    wait_saved(phone)
    assert sync_now(laptop) == "saved"
    laptop.evaluate("(id) => steady.sessions.deleteSession(id)", gone["id"])
    wait_saved(laptop)
    with live_server.app.app_context():
        assert purge_tombstones(0, now=datetime.now(UTC) + timedelta(seconds=1)) == 1  # the phone never saw the delete

    phone.context.set_offline(True)
    kept = save_session(phone, notes="Logged meanwhile")
    phone.context.set_offline(False)
    wait_saved(phone)
    assert set(device_sessions(phone)) == {kept["id"]}
    assert phone.evaluate("() => steady.syncAccount.readSyncState()")["sweeping"] is False
    assert [s["id"] for s in server_sessions(live_server.app, account)] == [kept["id"]]


def wait_for_session(page, session_id: str, seconds: float = 10) -> None:
    """Until the session is on the device (IndexedDB answers asynchronously, so this polls from here)."""
    for _ in range(int(seconds * 10)):
        if session_id in device_sessions(page):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"session {session_id} never reached the device")


def test_an_open_page_pulls_every_few_minutes_and_when_shown_again(browser, live_server, account):
    context = browser.new_context(service_workers="block")
    phone = context.new_page()
    phone.clock.install()
    start_on(phone, live_server, controlled=False)
    log_in(phone, live_server, account)
    wait_saved(phone)
    (first,) = seed_sessions(live_server.app, account, 1)
    phone.clock.run_for(60_000)
    assert first not in device_sessions(phone)  # nothing asked for a sync yet
    phone.clock.run_for(121_000)  # three minutes since the page opened
    wait_for_session(phone, first)

    second = seed_sessions(live_server.app, account, 1)[0]
    phone.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))")  # the runner comes back to the tab
    wait_for_session(phone, second)
    context.close()


# While the engine tells its listeners a flush has ended, one of them asks for another (as a screen
# redrawn by the news might, after a change): the first flush's promise must cover that one too.
FLUSH_WHILE_TOLD = """async () => {
  let asked = false;
  const stop = steady.syncEngine.watchSync((status, news) => {
    if (news.changed !== undefined && !asked) { asked = true; steady.syncEngine.flush(); }
  });
  const outcome = await steady.syncEngine.flush();
  stop();
  return outcome;
}"""


def test_a_flush_asked_for_while_the_last_one_is_told_still_runs(routed_devices, live_server, account):
    phone, _ = routed_devices
    pulls = []
    phone.on("request", lambda request: pulls.append(request.url) if request.url.endswith("/api/sync/pull") else None)
    assert phone.evaluate(FLUSH_WHILE_TOLD) == "saved"
    assert len(pulls) == 2, "the flush asked for during the news ran, within the same promise"
