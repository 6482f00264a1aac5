"""Importing an export back, offline, in Chromium: changing phones loses nothing and doubles nothing,
even without an account; a foreign or broken file changes nothing and says why."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.training_steps import open_offline, outbox, save_session, sessions
from tests.conftest import ARTIFACTS
from tests.offline.conftest import wait_until_routed

pytestmark = pytest.mark.browser

ROUTINE = """() => steady.customRoutines.saveRoutine({
  name: 'Gym basement', format: 'circuit', rounds: 2, work_seconds: 40, rest_seconds: 20, round_rest_seconds: 60,
  items: [{exercise: 'plank', reps: null, reps_min: null, hold_seconds: null, work_seconds: 30}],
})"""


ENROL = """() => steady.screenBundles.loadScreenBundle('programs')
  .then(() => steady.enrolments.enrol('core-and-balance-foundations', '2026-11-16', '2026-11-20'))"""


def export_from_old_phone(browser, live_server) -> tuple[bytes, list[dict]]:
    """The JSON export of a phone with two sessions, a routine, a level, a program enrolment and a setting, and those sessions."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_offline(page, context, live_server, "/history")
    logged = [save_session(page), save_session(page, local_date="2026-11-21", started_at="2026-11-21T07:30:00Z", ended_at="2026-11-21T07:40:00Z")]
    page.evaluate(ROUTINE)
    page.evaluate("steady.settings.saveSetting('weekly_target', 4)")
    page.evaluate("steady.levels.setLevel({exercise: 'single-leg-balance', rung: 1, dose: 25})")
    page.evaluate(ENROL)
    page.reload()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download JSON").click()
    data = open(info.value.path(), "rb").read()
    context.close()
    return data, logged


def choose_file(page, field: str, content: bytes, name: str = "steady-export.json") -> None:
    """Pick a file in the import control labelled `field`, as a runner would."""
    page.get_by_label(field).set_input_files({"name": name, "mimeType": "application/json", "buffer": content})


def test_a_new_phone_imports_the_old_ones_export_offline_once(browser, page, context, live_server, screenshot):
    exported, logged = export_from_old_phone(browser, live_server)
    open_offline(page, context, live_server, "/history")
    page.set_viewport_size({"width": 390, "height": 844})
    mine = save_session(page, local_date="2026-11-19", started_at="2026-11-19T07:30:00Z", ended_at="2026-11-19T07:40:00Z")
    page.reload()

    choose_file(page, "Import an export file (JSON)", exported)
    preview = page.locator(".import-preview")
    expect(preview).to_contain_text(
        "This file holds 2 sessions (from 20 Nov 2026 to 21 Nov 2026), 1 routine, 1 exercise level and 1 program enrolment. "
        "1 setting not chosen on this device will be taken from it.")
    axe_in_both_schemes(page, screenshot, "import-preview")
    page.get_by_role("button", name="Import", exact=True).click()
    imported = "Imported 2 sessions, 1 routine, 1 exercise level, 1 program enrolment, 1 setting."
    expect(preview).to_have_text(imported)
    expect(page.locator("#announcer")).to_have_text(imported)
    expect(page.locator(".session-list > li")).to_have_count(3)  # the list shows them at once

    assert sorted(s["id"] for s in sessions(page)) == sorted([mine["id"], *(s["id"] for s in logged)])
    assert {s["id"]: s for s in sessions(page)}[logged[0]["id"]] == logged[0]  # kept exactly, id and all
    assert page.evaluate("steady.settings.readSettings()")["weekly_target"] == 4
    assert page.evaluate("steady.levels.getLevel('single-leg-balance')")["dose"] == 25
    [enrolment] = page.evaluate("steady.enrolments.listEnrolments()")
    assert (enrolment["program"], enrolment["start_date"], enrolment["left_on"]) == ("core-and-balance-foundations", "2026-11-16", None)
    queued = [(e["entity"], e["id"]) for e in outbox(page)]
    assert ("session", logged[0]["id"]) in queued and ("settings", "weekly_target") in queued
    assert ("enrolment", "core-and-balance-foundations") in queued  # it reaches an account like any write

    choose_file(page, "Import an export file (JSON)", exported)  # the same file again
    expect(preview).to_contain_text("5 are already on this device and will not be doubled.")
    expect(preview).to_contain_text("Everything in it is already here: there is nothing to import.")
    expect(page.get_by_role("button", name="Import", exact=True)).to_have_count(0)
    assert len(sessions(page)) == 3


@pytest.mark.parametrize("content, message", [
    (b"PK\x03\x04 not json at all", "This file is not a Steady export: it is not JSON. Nothing was imported."),
    (json.dumps({"format": "strava-activities", "format_version": 1}).encode(), "This file is not a Steady export. Nothing was imported."),
    (json.dumps({"format": "steady-export", "format_version": 7}).encode(),
     "This export comes from a newer version of Steady: update the app, then import it. Nothing was imported."),
    (json.dumps({"format": "steady-export", "format_version": 1, "sessions": [{"id": "x"}]}).encode(),
     "Session 1 in the file can't be imported: The session has no valid id. Nothing was imported."),
])
def test_a_foreign_or_broken_file_changes_nothing_and_says_why(page, context, live_server, content, message):
    open_offline(page, context, live_server, "/settings")
    kept = save_session(page)
    page.reload()
    choose_file(page, "Import an export file (JSON)", content, name="export.json")
    expect(page.locator(".import").get_by_role("alert")).to_have_text(message)
    expect(page.get_by_role("button", name="Import", exact=True)).to_have_count(0)
    assert sessions(page) == [kept]
    assert len(outbox(page)) == 1


def test_the_accounts_export_imports_from_settings_keeping_what_was_chosen_here(page, context, live_server):
    open_offline(page, context, live_server, "/settings")
    page.evaluate("steady.settings.saveSetting('units', 'lb')")
    page.reload()
    session = save_session(page)
    account_export = {
        "format": "steady-account-export", "format_version": 1, "exported_at": "2026-11-30T12:00:00+00:00",
        "account": {"email": "runner@example.com"}, "sessions": [session], "routines": [], "levels": [],
        "settings": [{**page.evaluate("steady.settings.DEFAULTS"), "weekly_target": 5, "units": "kg"}],
    }
    choose_file(page, "Import an export file (JSON)", json.dumps(account_export).encode())
    expect(page.locator(".import-preview")).to_contain_text("1 is already on this device and will not be doubled.")
    expect(page.locator(".import-preview")).to_contain_text("1 setting not chosen on this device will be taken from it.")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_label("Weekly target", exact=True)).to_have_value("5")  # the screen shows it at once
    expect(page.get_by_label("Pounds (lb)")).to_be_checked()  # chosen here: kept
    assert len(sessions(page)) == 1


def test_export_and_import_whose_code_cannot_load_say_they_need_a_connection(browser, live_server):
    # No worker: its cache would serve the bundles. The export and import code travels in bundles
    # of its own, fetched on first use; here neither can be fetched.
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    page = context.new_page()
    page.route(re.compile(r"/static/gen/(export|import)\.[0-9a-f]+\.js$"), lambda route: route.abort())
    page.goto(live_server.url + "/history")
    wait_until_routed(page)
    page.get_by_role("button", name="Download CSV").click()
    expect(page.locator(".export").get_by_role("status")).to_have_text(
        "Exporting needs a connection the first time it is used: try again once you are online.")
    choose_file(page, "Import an export file (JSON)", b"{}")
    expect(page.locator(".import").get_by_role("alert")).to_have_text(
        "Importing needs a connection the first time it is used: try again once you are online.")
    axe_in_both_schemes(page, lambda name: page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True),
                        "export-import-need-connection")
    # Once the code can be fetched, the same buttons work.
    page.unroute(re.compile(r"/static/gen/(export|import)\.[0-9a-f]+\.js$"))
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    assert info.value.suggested_filename.endswith(".csv")
    choose_file(page, "Import an export file (JSON)", b"PK not json", name="other.json")
    expect(page.locator(".import").get_by_role("alert")).to_have_text(
        "This file is not a Steady export: it is not JSON. Nothing was imported.")
    context.close()
