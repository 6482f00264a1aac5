"""The training log on the device, offline: quick log, edit, delete, bad input, export, and the schema upgrade."""

import csv
import io
import json

import pytest
from playwright.sync_api import expect

from tests.browser.training_steps import open_offline, outbox, save_session, sessions

pytestmark = pytest.mark.browser


def add_exercise(page, name: str):
    page.get_by_label("Add an exercise").select_option(label=name)
    page.get_by_role("button", name="Add", exact=True).click()


def test_quick_log_then_edit_then_delete_offline(page, context, live_server):
    open_offline(page, context, live_server, "/log", clock=True)
    expect(page.get_by_role("heading", level=1)).to_have_text("Log a session")
    expect(page.locator('nav [aria-current="page"]')).to_have_text("Log")
    expect(page.get_by_label("Date")).to_have_value("2026-11-21")
    page.get_by_label("Start time").fill("06:15")
    page.get_by_label("Minutes").fill("12")
    add_exercise(page, "Single-leg balance")
    group = page.locator(".entry-group")
    # A per-side exercise comes with a left and a right set at its usual dose.
    expect(group.locator(".bout")).to_have_count(2)
    expect(group.locator(".bout").nth(0).get_by_label("Side")).to_have_value("left")
    expect(group.locator(".bout").nth(1).get_by_label("Seconds")).to_have_value("30")
    group.locator(".bout").nth(1).get_by_label("Seconds").fill("25")
    group.get_by_label("Surface").select_option("towel")
    page.get_by_label("Effort, 1 to 10").fill("4")
    page.get_by_role("button", name="Save session").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Single-leg balance")
    [session] = sessions(page)
    assert page.url.endswith(f"/history/{session['id']}")
    assert session["local_date"] == "2026-11-21" and session["time_zone"]
    assert [(e["side"], e["seconds"], e["surface"]) for e in session["entries"]] == [("left", 30, "towel"), ("right", 25, "towel")]
    expect(page.locator(".bouts")).to_contain_text("Right 25 s")
    expect(page.locator(".facts")).to_contain_text("4 out of 10")

    page.get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit session")
    expect(page.get_by_label("Start time")).to_have_value("06:15")
    page.get_by_label("Effort, 1 to 10").fill("6")
    add_exercise(page, "Plank")
    page.locator(".entry-group").nth(1).get_by_label("Seconds").fill("40")
    page.get_by_label("Notes").fill("Added the plank I forgot.")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".facts")).to_contain_text("6 out of 10")
    [edited] = sessions(page)
    assert edited["id"] == session["id"] and edited["created_at"] == session["created_at"]
    assert edited["started_at"] == session["started_at"], "an untouched time is kept to the second"
    assert [e["exercise"] for e in edited["entries"]] == ["single-leg-balance", "single-leg-balance", "plank"]

    page.get_by_role("link", name="History").click()
    expect(page.locator(".session-list > li")).to_have_count(1)
    expect(page.locator(".session-list .card-title")).to_have_text("Single-leg balance and Plank")
    page.locator(".session-list a").click()
    page.get_by_role("button", name="Delete", exact=True).click()
    page.get_by_role("button", name="Cancel").click()
    page.get_by_role("button", name="Delete", exact=True).click()
    page.get_by_role("button", name="Delete session").click()
    expect(page).to_have_url(f"{live_server.url}/history")
    expect(page.get_by_text("No sessions yet")).to_be_visible()
    assert sessions(page) == []
    assert [(c["op"], c["id"]) for c in outbox(page)] == [("put", session["id"]), ("put", session["id"]), ("delete", session["id"])]
    assert outbox(page)[1]["data"]["effort"] == 6, "each change carries the record as it was written"


def test_impossible_values_get_field_messages_and_nothing_is_stored(page, context, live_server):
    open_offline(page, context, live_server, "/history", clock=True)
    kept = save_session(page)
    page.goto(f"{live_server.url}/log")
    page.get_by_label("Date").fill("2026-11-22")  # tomorrow, on the page's clock
    add_exercise(page, "Medicine-ball wood chop")
    left = page.locator(".bout").first
    left.get_by_label("Reps").fill("-3")
    left.get_by_label("Seconds").fill("4000")
    page.get_by_label("Load (kg)").fill("250")
    page.get_by_label("Effort, 1 to 10").fill("11")
    page.get_by_role("button", name="Save session").click()

    date = page.get_by_label("Date")
    expect(date).to_be_focused()
    for control, message in [
        (date, "The date can't be in the future."),
        (left.get_by_label("Reps"), "Reps can't be negative."),
        (left.get_by_label("Seconds"), "Seconds: A hold can't be longer than an hour (3600 seconds)."),
        (page.get_by_label("Load (kg)"), "Load can't be more than 200 kg."),
        (page.get_by_label("Effort, 1 to 10"), "Effort goes from 1 to 10."),
    ]:
        expect(control).to_have_attribute("aria-invalid", "true")
        described = control.get_attribute("aria-describedby").split()
        error_id = next(i for i in described if i.endswith("-error"))
        expect(page.locator(f"#{error_id}")).to_have_text(message)
    assert [s["id"] for s in sessions(page)] == [kept["id"]]
    assert len(outbox(page)) == 1

    # Fixing the fields clears their messages; the save then goes through.
    date.fill("2026-11-21")
    left.get_by_label("Reps").fill("8")
    left.get_by_label("Seconds").fill("")
    page.get_by_label("Load (kg)").fill("3")
    page.get_by_label("Effort, 1 to 10").fill("")
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Medicine-ball wood chop")
    assert len(sessions(page)) == 2

    # A bad edit of a stored session leaves the stored one exactly as it was.
    page.goto(f"{live_server.url}/history/{kept['id']}/edit")
    page.get_by_label("Seconds").fill("-1")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_label("Seconds")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Seconds")).to_be_focused()
    assert page.evaluate("(id) => steady.sessions.getSession(id)", kept["id"]) == kept


def test_export_json_and_csv_offline(page, context, live_server):
    open_offline(page, context, live_server, "/history", clock=True)
    first = save_session(page, notes='Said "steady", then fell, over')
    second = save_session(page, local_date="2026-11-21", started_at="2026-11-21T07:30:00Z", ended_at="2026-11-21T07:40:00Z", entries=[
        {"exercise": "heel-tap-front", "side": "left", "reps": 10, "seconds": None, "load_kg": None, "surface": "foam_pad", "eyes": "open", "footwear": "barefoot"},
        {"exercise": "heel-tap-front", "side": "right", "reps": 8, "seconds": None, "load_kg": None, "surface": "foam_pad", "eyes": "open", "footwear": "barefoot"},
    ])
    page.evaluate("steady.settings.saveSetting('units', 'lb')")
    level = page.evaluate("steady.levels.setLevel({exercise: 'plank', rung: 0, dose: 35})")
    page.reload()

    with page.expect_download() as info:
        page.get_by_role("button", name="Download JSON").click()
    download = info.value
    assert download.suggested_filename == "steady-export-2026-11-21.json"
    data = json.loads(open(download.path()).read())
    assert data["format"] == "steady-export"
    assert data["sessions"] == [second, first]
    assert [(x["key"], x["value"]) for x in data["settings"]] == [("units", "lb")]
    assert data["levels"] == [level]
    expect(page.get_by_role("status").filter(has_text="Exported")).to_have_text("Exported 2 sessions as JSON.")

    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(open(info.value.path()).read())))
    assert info.value.suggested_filename == "steady-sessions-2026-11-21.csv"
    assert [(r["session_id"], r["exercise"], r["side"], r["reps"], r["seconds"]) for r in rows] == [
        (second["id"], "heel-tap-front", "left", "10", ""), (second["id"], "heel-tap-front", "right", "8", ""),
        (first["id"], "plank", "both", "", "45")]
    assert rows[2]["notes"] == 'Said "steady", then fell, over'
    assert rows[0]["surface"] == "foam_pad" and rows[0]["date"] == "2026-11-21"
    # The one CSV format (README): a set_order per side, local times with their offset.
    assert [r["set_order"] for r in rows] == ["1", "1", "1"]
    assert (rows[0]["started_at"], rows[0]["duration_seconds"]) == ("2026-11-21T07:30:00+00:00", "600")


V1_DATABASE = """async (catalog) => {
  await new Promise((resolve, reject) => {
    const open = indexedDB.open('steady', 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('catalog');
      db.createObjectStore('downloads', { keyPath: 'key' });
      db.createObjectStore('settings', { keyPath: 'key' });
    };
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['catalog', 'downloads', 'settings'], 'readwrite');
      tx.objectStore('catalog').put(catalog, 'current');
      tx.objectStore('downloads').put({ key: 'exercise:plank', kind: 'exercise', slug: 'plank', title: 'Plank',
        urls: ['/media/plank.mp4'], bytes: 1234, saved_at: '2026-11-01T10:00:00.000Z' });
      tx.objectStore('settings').put({ key: 'units', value: 'lb' });
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
}"""

READ_ALL = """async () => {
  const db = await steady.db.openDatabase();
  return {
    version: db.version, stores: [...db.objectStoreNames].sort(),
    sessionIndexes: [...db.transaction('sessions').store.indexNames].sort(),
    catalogVersion: (await db.get('catalog', 'current')).version,
    downloads: await db.getAll('downloads'), settings: await db.getAll('settings'),
  };
}"""


INSTALL_WORKER = """async () => {
  const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  const worker = registration.installing || registration.waiting || registration.active;
  await Promise.race([
    new Promise((resolve) => {
      if (worker.state === 'activated') resolve();
      worker.addEventListener('statechange', () => { if (worker.state === 'activated') resolve(); });
    }),
    new Promise((_, reject) => setTimeout(() => reject(new Error('the worker did not activate')), 15000)),
  ]);
}"""


def test_a_version_1_database_is_upgraded_offline_with_nothing_lost(page, context, live_server):
    # A same-origin page that does not run the app, so version 1 is created exactly as it shipped,
    # and the worker is installed by hand so the app can then start with no network at all.
    page.goto(live_server.url + "/manifest.webmanifest")
    catalog = page.evaluate("fetch('/api/catalog').then((r) => r.json())")
    page.evaluate(V1_DATABASE, catalog)
    page.evaluate(INSTALL_WORKER)
    context.set_offline(True)

    page.goto(live_server.url + "/settings")
    expect(page.get_by_role("heading", level=1)).to_have_text("Settings")
    expect(page.locator("#connection")).to_have_text("Offline")
    expect(page.get_by_label("Pounds (lb)")).to_be_checked()
    found = page.evaluate(READ_ALL)
    assert found["version"] == page.evaluate("steady.db.VERSION") == 5
    assert found["stores"] == ["catalog", "downloads", "enrolments", "levels", "outbox", "routines", "serverRecords", "sessions",
                               "settings", "syncState", "workout"]
    assert found["sessionIndexes"] == ["local_date", "updated_at"]
    assert found["catalogVersion"] == catalog["version"]
    assert found["downloads"] == [{"key": "exercise:plank", "kind": "exercise", "slug": "plank", "title": "Plank",
                                   "urls": ["/media/plank.mp4"], "bytes": 1234, "saved_at": "2026-11-01T10:00:00.000Z"}]
    assert found["settings"] == [{"key": "units", "value": "lb"}]

    # The upgraded database takes new records, each with its outbox entry.
    page.get_by_label("Spoken cues").uncheck()
    expect(page.get_by_role("status").filter(has_text="Saved")).to_have_text("Saved.")
    assert [(c["entity"], c["id"], c["data"]["value"]) for c in outbox(page)] == [("settings", "cue_speech", False)]


def test_the_time_zone_setting_dates_sessions_on_its_own_calendar(page, context, live_server):
    open_offline(page, context, live_server, "/settings", clock=True)
    page.get_by_label("Time zone").select_option("Pacific/Auckland")
    expect(page.get_by_role("status").filter(has_text="Saved")).to_have_text("Saved.")
    page.goto(f"{live_server.url}/log")
    # 07:30 UTC on the 21st is 20:30 in Auckland: a session at 20:00 there is dated on Auckland's calendar.
    expect(page.get_by_label("Date")).to_have_value("2026-11-21")
    page.get_by_label("Start time").fill("20:00")
    add_exercise(page, "Plank")
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plank")
    [session] = sessions(page)
    assert (session["local_date"], session["time_zone"], session["started_at"]) == ("2026-11-21", "Pacific/Auckland", "2026-11-21T07:00:00Z")
    expect(page.locator(".facts")).to_contain_text("21 Nov 2026 · 20:00 (Pacific/Auckland)")


def error_of(page, control) -> str:
    """The field message a control is described by."""
    described = control.get_attribute("aria-describedby").split()
    return page.locator(f"#{next(i for i in described if i.endswith('-error'))}").inner_text()


@pytest.mark.parametrize("case, fill, control_label, message", [
    ("a start later than now", {"Start time": "09:45"}, "Start time", "The start can't be later than now."),
    ("a date before 2000", {"Date": "1999-12-31"}, "Date", "The date can't be before 2000."),
    ("the date cleared", {"Date": ""}, "Date", "Enter the date."),
    ("more than 5 hours", {"Minutes": "301"}, "Minutes", "A session can't be longer than 300 minutes (5 hours)."),
    ("effort not whole", {"Effort, 1 to 10": "7.5"}, "Effort, 1 to 10", "Effort must be a whole number from 1 to 10."),
])
def test_the_quick_log_names_exactly_what_is_wrong(page, context, live_server, case, fill, control_label, message):
    open_offline(page, context, live_server, "/log", clock=True)  # the page's clock: 21 Nov 2026, 07:35 UTC
    page.get_by_label("Start time").fill("07:00")
    add_exercise(page, "Plank")
    for label, value in fill.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Save session").click()
    control = page.get_by_label(control_label, exact=True)
    expect(control).to_have_attribute("aria-invalid", "true")
    assert error_of(page, control) == message
    assert page.locator(".field-error").count() == 1, "one message, on the field that is wrong"
    assert sessions(page) == []


def test_notes_show_their_limit_as_you_type_and_are_never_cut(page, context, live_server):
    open_offline(page, context, live_server, "/log", clock=True)
    notes = page.get_by_label("Notes", exact=True)
    count = page.locator("#session-notes-count")
    expect(count).to_have_text("0 of 2000 characters")
    notes.fill("Easy ten, then the basement.")
    expect(count).to_have_text("28 of 2000 characters")
    notes.fill("x" * 2010)  # a paste past the limit is kept whole, and the count says so
    assert len(notes.input_value()) == 2010
    expect(count).to_have_text("10 characters over the limit of 2000: shorten the notes to save.")
    add_exercise(page, "Plank")
    page.get_by_role("button", name="Save session").click()
    assert error_of(page, notes) == "Notes can be at most 2000 characters."
    notes.fill("x" * 2000)
    expect(count).to_have_text("2000 of 2000 characters")
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plank")
    assert len(sessions(page)[0]["notes"]) == 2000
