"""What sync shows on the screens, in Chromium against the real server: pulled records appear where
the runner is looking, refusals and conflicts are shown on routines and settings too, and the
protocol's 409, 403 and a server that never answers are ridden out without losing a change."""

import uuid
from datetime import datetime, timezone

import pytest
from playwright.sync_api import expect

from server.extensions import db
from server.sync.models import SyncClient
from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.sync_steps import (
    STATUS, applied_mutations, device_sessions, edit_offline_phone_first, outbox, server_sessions, sync_now, wait_saved,
)
from tests.browser.training_steps import save_session
from tests.conftest import register_account
from tests.offline.conftest import wait_until_routed

pytestmark = pytest.mark.browser

def shots(page):
    """Full-page PNGs of `page` under test-artifacts/ (git-ignored), for review."""
    return lambda name: page.screenshot(path=f"test-artifacts/{name}.png", full_page=True)


def mark_screen(page) -> None:
    """Mark the screen the app has drawn, so a test can tell whether it is drawn again."""
    wait_until_routed(page)
    page.evaluate("document.getElementById('main').firstElementChild.dataset.drawn = 'first'")


def drawn_again(page) -> bool:
    """Whether the screen marked by mark_screen was replaced."""
    return page.evaluate("document.getElementById('main').firstElementChild.dataset.drawn") != "first"


def save_routine(page, **overrides) -> dict:
    """Store a custom routine through the app's own data layer and return it."""
    return page.evaluate(
        """(overrides) => steady.customRoutines.saveRoutine(Object.assign({
          name: 'Gym basement', format: 'circuit', rounds: 2, work_seconds: 40, rest_seconds: 20, round_rest_seconds: 60,
          items: [{exercise: 'plank', reps: null, reps_min: null, hold_seconds: null, work_seconds: 30}],
        }, overrides))""",
        overrides,
    )


def test_a_session_pulled_from_the_phone_appears_on_the_laptops_open_history(devices, live_server, account):
    phone, laptop = devices
    laptop.get_by_role("navigation").get_by_role("link", name="History").click()
    expect(laptop.get_by_role("heading", level=1, name="History")).to_be_focused()
    session = save_session(phone, notes="Trailhead, no signal")
    wait_saved(phone)

    assert sync_now(laptop) == "saved"
    expect(laptop.locator(f"main a[href='/history/{session['id']}']")).to_be_visible()
    expect(laptop.locator("#announcer")).to_have_text("Updated with changes from your other devices.")
    expect(laptop.get_by_role("heading", level=1, name="History")).to_be_focused()  # where the runner was stays put


def test_a_device_seeing_its_own_change_come_back_draws_nothing_again(devices, live_server, account):
    phone, _ = devices
    phone.goto(f"{live_server.url}/history")
    mark_screen(phone)
    save_session(phone)
    expect(phone.locator("main a[href^='/history/']")).to_have_count(0)  # the open list waits for the next visit or a pull
    wait_saved(phone)
    assert not drawn_again(phone)


def test_an_open_screen_waits_while_the_runner_is_in_one_of_its_controls(devices, live_server, account):
    phone, laptop = devices
    laptop.goto(f"{live_server.url}/settings")
    laptop.get_by_label("Spoken cues").focus()
    mark_screen(laptop)
    phone.evaluate("steady.settings.saveSetting('weekly_target', 5)")
    wait_saved(phone)
    assert sync_now(laptop) == "saved"
    assert not drawn_again(laptop)

    laptop.get_by_role("link", name="Home").focus()  # focus leaves the screen: it is drawn with the change
    laptop.goto(f"{live_server.url}/settings")
    expect(laptop.get_by_label("Weekly target", exact=True)).to_have_value("5")


def test_a_refused_routine_says_why_on_its_card_and_in_the_editor(devices, live_server, account):
    phone, _ = devices
    refused = save_routine(phone, name="Moon walks", items=[
        {"exercise": "moon-walk", "reps": 8, "reps_min": None, "hold_seconds": None, "work_seconds": None}])
    wait_saved(phone)
    reason = next(e["rejected"] for e in outbox(phone) if e["id"] == refused["id"])
    assert reason.endswith("This exercise is not in the catalogue.")

    phone.goto(f"{live_server.url}/routines")
    card = phone.locator(".custom-routine", has_text="Moon walks")
    expect(card.get_by_role("alert")).to_have_text(f"Not saved to your account: {reason}")
    phone.goto(f"{live_server.url}/routines/{refused['id']}/edit")
    expect(phone.locator("main").get_by_role("alert").first).to_have_text(f"Not saved to your account: {reason}")
    axe_in_both_schemes(phone, shots(phone), "sync-refused-routine")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # the status line's note wraps at phone width

    phone.get_by_label("Name").fill("Still moon walks")  # saving it again sends it again; it stays refused, and still says so
    phone.get_by_role("button", name="Save changes").click()
    wait_saved(phone)
    expect(phone.locator(".custom-routine", has_text="Still moon walks").get_by_role("alert")).to_contain_text("Not saved to your account")


def test_a_routine_renamed_on_both_devices_offers_the_choice_from_its_card(devices, live_server, account):
    phone, laptop = devices
    shared = save_routine(phone, name="Before")
    wait_saved(phone)
    assert sync_now(laptop) == "saved"
    laptop_copy = laptop.evaluate(f"steady.customRoutines.getRoutine('{shared['id']}')")
    edit_offline_phone_first(phone, laptop, lambda: save_routine(phone, **{**shared, "name": "Phone's name"}),
                             lambda: save_routine(laptop, **{**laptop_copy, "name": "Laptop's name"}))

    laptop.goto(f"{live_server.url}/routines")
    card = laptop.locator(".custom-routine", has_text="Phone's name")
    expect(card).to_contain_text("Edited on another device: choose which version to keep")
    card.get_by_role("link", name="choose which version to keep").click()
    note = laptop.get_by_role("group", name="Name, edited on another device")
    expect(note).to_contain_text("The other version: “Laptop's name”.")
    note.get_by_role("button", name="Use the other version").click()
    wait_saved(laptop)
    assert sync_now(phone) == "saved"
    assert phone.evaluate(f"steady.customRoutines.getRoutine('{shared['id']}')")["name"] == "Laptop's name"


def test_a_setting_changed_on_both_devices_offers_the_choice_on_settings(devices, live_server, account):
    phone, laptop = devices
    edit_offline_phone_first(phone, laptop, lambda: phone.evaluate("steady.settings.saveSetting('weekly_target', 4)"),
                             lambda: laptop.evaluate("steady.settings.saveSetting('weekly_target', 2)"))

    laptop.goto(f"{live_server.url}/settings")
    expect(laptop.get_by_label("Weekly target", exact=True)).to_have_value("4")  # the phone reached the server first
    note = laptop.get_by_role("group", name="Weekly target, edited on another device")
    expect(note).to_contain_text("Weekly target: edited on another device. The other version: “2”.")
    axe_in_both_schemes(laptop, shots(laptop), "sync-settings-conflict")
    note.get_by_role("button", name="Use the other version").click()
    expect(laptop.get_by_label("Weekly target", exact=True)).to_have_value("2")
    expect(note).to_have_count(0)
    wait_saved(laptop)
    assert sync_now(phone) == "saved"
    assert phone.evaluate("steady.settings.readSettings()")["weekly_target"] == 2


def test_a_gap_in_the_mutation_ids_is_renumbered_and_sent_once(devices, live_server, account):
    phone, _ = devices
    save_session(phone)
    wait_saved(phone)
    sent = applied_mutations(live_server.app, phone)
    # As if a change numbered on this device had been lost before the server saw it.
    phone.evaluate("""async () => {
      const db = await steady.db.openDatabase();
      const state = await db.get('syncState', 'current');
      await db.put('syncState', { ...state, next_mutation_id: state.next_mutation_id + 5 });
    }""")
    later = save_session(phone, notes="After the gap")
    wait_saved(phone)
    assert applied_mutations(live_server.app, phone) == sent + 1  # the server's expected id, not the skipped-to one
    assert [s["id"] for s in server_sessions(live_server.app, account)].count(later["id"]) == 1
    assert outbox(phone) == []


def test_a_client_id_of_another_account_gets_a_new_one_and_loses_nothing(devices, live_server, account):
    phone, _ = devices
    other = register_account(live_server.app, "someone.else@example.com")
    taken = uuid.uuid4()
    with live_server.app.app_context():
        db.session.add(SyncClient(client_id=taken, user_id=other.id, last_mutation_id=0, created_at=datetime.now(timezone.utc)))
        db.session.commit()
    phone.evaluate(f"""async () => {{
      const db = await steady.db.openDatabase();
      const state = await db.get('syncState', 'current');
      await db.put('syncState', {{ ...state, client_id: '{taken}' }});
    }}""")
    session = save_session(phone, notes="Under a borrowed id")
    wait_saved(phone)
    assert phone.evaluate("steady.syncAccount.readSyncState()")["client_id"] != str(taken)
    assert [s["id"] for s in server_sessions(live_server.app, account)].count(session["id"]) == 1
    assert server_sessions(live_server.app, other) == []


def test_a_server_that_never_answers_is_given_up_on_and_retried(routed_devices, live_server, account):
    phone, _ = routed_devices
    phone.evaluate("steady.serverApi.timeoutMs = 500")
    phone.route("**/api/sync/push", lambda route: None)  # taken, never answered: lie-fi
    session = save_session(phone)
    expect(phone.locator(STATUS)).to_have_text("Sync failed — retrying", timeout=10_000)
    assert session["id"] in device_sessions(phone) and len(outbox(phone)) == 1

    phone.unroute("**/api/sync/push")
    assert sync_now(phone) == "saved"  # the next try (the engine's own comes after a back-off)
    wait_saved(phone)
    assert [s["id"] for s in server_sessions(live_server.app, account)] == [session["id"]]
