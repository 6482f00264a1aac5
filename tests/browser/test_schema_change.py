"""Another tab moves the database to a newer schema, or holds an older one open: nothing is lost
silently, nothing stays on "Loading…", and what the runner typed is kept."""

import pytest
from playwright.sync_api import expect

from server.catalog.content import read_catalog
from tests.browser.test_training_a11y import check
from tests.browser.test_training_log import add_exercise
from tests.conftest import CONTENT_DIR

pytestmark = pytest.mark.browser
UPDATED = "Steady was updated in another tab — reload to continue."
BLOCKED = "Steady is updating. Close Steady in your other tabs (or reload them) to continue."
CATALOG = read_catalog(CONTENT_DIR)
TIMED_ROUTINE = next(slug for slug, r in CATALOG.routines.items() if r.work_seconds)
# What a newer Steady does in its upgrade: a higher version, with a store this code has never heard of.
OPEN_NEWER = """(version) => new Promise((resolve, reject) => {
    const request = indexedDB.open('steady', version);
    request.onupgradeneeded = () => request.result.createObjectStore('from-the-future');
    request.onsuccess = () => { window.__newer = request.result; resolve(request.result.version); };
    request.onerror = () => reject(request.error);
})"""


def open_newer(other, page):
    version = page.evaluate("steady.db.VERSION")
    assert other.evaluate(OPEN_NEWER, version + 1) == version + 1


def test_a_newer_schema_in_another_tab_keeps_the_form_and_says_reload(page, context, live_server, screenshot):
    page.goto(live_server.url + "/log")
    add_exercise(page, "Plank")
    page.get_by_label("Minutes").fill("10")
    notes = page.get_by_label("Notes")
    notes.fill("Left ankle felt wobbly on the foam pad")
    other = context.new_page()
    other.goto(live_server.url + "/manifest.webmanifest")
    open_newer(other, page)

    banner = page.get_by_role("alert").filter(has_text=UPDATED)
    expect(banner).to_be_visible()
    expect(banner.get_by_role("button", name="Reload")).to_be_visible()
    page.get_by_role("button", name="Save session").click()
    expect(page.locator(".session-form .form-error")).to_contain_text(f"Could not save: {UPDATED}")
    expect(notes).to_have_value("Left ankle felt wobbly on the foam pad")
    assert page.evaluate("steady.db.openDatabase().then(() => 'open', (e) => e.name)") == "SchemaSuperseded"
    check(page, screenshot, "schema-superseded")


def test_what_was_typed_comes_back_after_a_reload(page, live_server):
    page.goto(live_server.url + "/log")
    page.get_by_label("Notes").fill("Ten minutes after an easy run")
    page.get_by_label("Effort, 1 to 10").fill("4")
    page.reload()
    expect(page.get_by_label("Notes")).to_have_value("Ten minutes after an easy run")
    expect(page.get_by_label("Effort, 1 to 10")).to_have_value("4")


def test_the_player_says_when_its_progress_cannot_be_saved(page, context, live_server):
    page.clock.install()
    page.goto(f"{live_server.url}/routines/{TIMED_ROUTINE}/play")
    page.get_by_role("button", name="Start").click()
    expect(page.locator(".player")).to_have_attribute("data-state", "running")
    other = context.new_page()
    other.goto(live_server.url + "/manifest.webmanifest")
    open_newer(other, page)
    page.get_by_role("button", name="Pause").click()
    expect(page.locator(".player [role=alert]")).to_have_text(f"Your progress is not being saved: {UPDATED}")


def test_an_upgrade_blocked_by_an_older_tab_says_so_then_carries_on(page, context, live_server):
    older = context.new_page()
    older.goto(live_server.url + "/manifest.webmanifest")
    # An older Steady (schema version 1, as its first rung made it) that does not listen for version changes.
    older.evaluate("""new Promise((resolve) => {
        const request = indexedDB.open('steady', 1);
        request.onupgradeneeded = () => {
            const db = request.result;
            db.createObjectStore('catalog');
            db.createObjectStore('downloads', { keyPath: 'key' });
            db.createObjectStore('settings', { keyPath: 'key' });
        };
        request.onsuccess = () => { window.__older = request.result; resolve(); };
    })""")
    page.goto(live_server.url + "/")
    expect(page.get_by_role("alert").filter(has_text=BLOCKED)).to_be_visible()
    expect(page.locator("#main")).not_to_contain_text("Loading…")
    older.evaluate("window.__older.close()")
    expect(page.get_by_role("heading", level=1)).to_have_text("Core & balance for runners")
    expect(page.get_by_role("alert").filter(has_text=BLOCKED)).to_have_count(0)


def test_a_discarded_session_leaves_no_draft_for_the_next_one(page, live_server):
    def finish_now():
        page.goto(f"{live_server.url}/routines/{TIMED_ROUTINE}/play")
        page.get_by_role("button", name="Start").click()
        page.get_by_role("button", name="End workout").click()
        page.get_by_role("button", name="End and log what I did").click()
        expect(page.locator(".player")).to_have_attribute("data-state", "finished")

    page.clock.install()
    finish_now()
    page.get_by_label("Notes").fill("Stopped early: calf niggle")
    page.get_by_role("button", name="Discard this session").click()
    page.get_by_role("button", name="Discard", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/routines/{TIMED_ROUTINE}")
    finish_now()
    expect(page.get_by_label("Notes")).to_have_value("")
