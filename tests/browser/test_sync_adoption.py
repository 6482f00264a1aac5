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


# A version-2 database exactly as that rung made it, holding a session and its outbox entry.
V2_DATABASE = """(session) => new Promise((resolve, reject) => {
  const open = indexedDB.open('steady', 2);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore('catalog');
    db.createObjectStore('downloads', { keyPath: 'key' });
    db.createObjectStore('settings', { keyPath: 'key' });
    const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
    sessions.createIndex('local_date', 'local_date');
    sessions.createIndex('updated_at', 'updated_at');
    db.createObjectStore('routines', { keyPath: 'id' }).createIndex('updated_at', 'updated_at');
    db.createObjectStore('workout', { keyPath: 'key' });
    db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
  };
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(['sessions', 'outbox'], 'readwrite');
    tx.objectStore('sessions').put(session);
    tx.objectStore('outbox').add({ entity: 'session', id: session.id, op: 'put', data: session, at: session.updated_at });
    tx.oncomplete = () => { db.close(); resolve(); };
    tx.onerror = () => reject(tx.error);
  };
  open.onerror = () => reject(open.error);
})"""


def test_a_version_2_database_gains_the_sync_stores_and_its_outbox_is_adopted(page, live_server):
    account = register_account(live_server.app, "older.phone@example.com")
    session = {"id": str(uuid.uuid4()), "started_at": "2026-11-20T18:00:00Z", "ended_at": "2026-11-20T18:20:00Z",
               "time_zone": "Europe/London", "local_date": "2026-11-20", "routine": None,
               "entries": [{"exercise": "plank", "side": "both", "reps": None, "seconds": 45, "load_kg": None,
                            "surface": None, "eyes": None, "footwear": None}],
               "effort": 5, "pain": "none", "notes": "Logged by Steady with schema 2",
               "created_at": "2026-11-20T18:20:00Z", "updated_at": "2026-11-20T18:20:00Z"}
    page.goto(live_server.url + "/manifest.webmanifest")  # same origin, without running the app
    page.evaluate(V2_DATABASE, session)

    page.goto(live_server.url + "/history")
    page.get_by_role("heading", name="History").wait_for()
    assert device_sessions(page) == {session["id"]: session}
    found = page.evaluate("""async () => {
        const db = await steady.db.openDatabase();
        return { version: db.version, stores: [...db.objectStoreNames].sort(), state: await db.getAll('syncState') };
    }""")
    assert found == {"version": 5, "stores": ["catalog", "downloads", "enrolments", "levels", "outbox", "routines",
                                              "serverRecords", "sessions", "settings", "syncState", "workout"], "state": []}
    assert [e["id"] for e in outbox(page)] == [session["id"]]

    log_in(page, live_server, account)
    wait_saved(page)
    assert server_sessions(live_server.app, account) == [session]
    assert outbox(page) == []
