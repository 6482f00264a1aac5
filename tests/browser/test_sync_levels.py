"""Levels sync through the real server: a level set before any account is adopted at the id every
device computes, so phone and laptop setting one exercise's level share one record."""

import uuid

import pytest
from playwright.sync_api import expect

from server.extensions import db
from server.sync.protocol import deterministic_id
from server.training.models import LevelRecord
from tests.browser.sync_steps import edit_offline_phone_first, log_in, open_device, outbox, sync_now, wait_saved
from tests.conftest import register_account

pytestmark = pytest.mark.browser

BALANCE = "single-leg-balance"
SET_LEVEL = "([slug, rung, dose]) => steady.levels.setLevel({exercise: slug, rung, dose})"


@pytest.fixture
def account(live_server):
    """A runner with an account on the live server."""
    return register_account(live_server.app, "levels@example.com")


def level_on(page, slug: str = BALANCE):
    """The device's level record for `slug`, or None."""
    return page.evaluate("(slug) => steady.levels.getLevel(slug)", slug)


def server_levels(app, account) -> dict:
    """Every live level the server holds for `account`, by record id."""
    with app.app_context():
        rows = db.session.scalars(db.select(LevelRecord).where(LevelRecord.user_id == account.id,
                                                               LevelRecord.deleted.is_(False))).all()
        return {str(row.id): row.data for row in rows}


def test_a_level_syncs_to_a_second_device_and_both_share_one_record(browser, live_server, account):
    phone_context = browser.new_context(viewport={"width": 390, "height": 844})
    laptop_context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        phone = open_device(phone_context, live_server)
        # Set before there is any account on this device: kept by slug, sent at the account's id once logged in.
        phone.evaluate(SET_LEVEL, [BALANCE, 0, 35])
        assert [(c["entity"], c["id"]) for c in outbox(phone)] == [("level", BALANCE)]
        log_in(phone, live_server, account)
        wait_saved(phone)
        level_id = str(deterministic_id(uuid.UUID(str(account.id)), f"level:{BALANCE}"))
        assert server_levels(live_server.app, account) == {level_id: level_on(phone)}

        laptop = open_device(laptop_context, live_server)
        log_in(laptop, live_server, account)
        wait_saved(laptop)
        assert level_on(laptop) == level_on(phone)
        laptop.goto(f"{live_server.url}/exercises/{BALANCE}")
        expect(laptop.locator(".level-panel .level-now")).to_have_text("On the floor, eyes open, shoes on: 35 s per side")

        # The laptop steps up: the phone takes the change, and the server still holds one record.
        laptop.evaluate(SET_LEVEL, [BALANCE, 1, 20])
        wait_saved(laptop)
        assert sync_now(phone) == "saved"
        assert (level_on(phone)["rung"], level_on(phone)["dose"]) == (1, 20)
        assert server_levels(live_server.app, account) == {level_id: level_on(laptop)}

        # Both set the same exercise's level offline: after syncing they agree, on one record.
        for page in (phone, laptop):
            page.context.set_offline(True)
        phone.evaluate(SET_LEVEL, [BALANCE, 2, 25])
        laptop.evaluate(SET_LEVEL, [BALANCE, 2, 30])
        phone.evaluate(SET_LEVEL, ["plank", 0, 35])
        for page in (phone, laptop):
            page.context.set_offline(False)
        wait_saved(phone)
        wait_saved(laptop)
        assert sync_now(phone) == "saved"
        assert level_on(phone) == level_on(laptop)
        assert level_on(phone, "plank") == level_on(laptop, "plank")
        on_server = server_levels(live_server.app, account)
        assert sorted(on_server) == sorted([level_id, str(deterministic_id(uuid.UUID(str(account.id)), "level:plank"))])
        assert on_server[level_id] == level_on(phone)
        assert outbox(phone) == outbox(laptop) == []

        # Logging out and clearing this device's copy clears its levels too; the account keeps them.
        phone.evaluate("() => steady.syncEngine.signedOut({ clear: true })")
        assert phone.evaluate("() => steady.levels.levelsBySlug().then((m) => m.size)") == 0
        assert len(server_levels(live_server.app, account)) == 2
    finally:
        phone_context.close()
        laptop_context.close()


def test_a_level_set_before_logging_in_is_not_undone_by_the_first_pull(browser, live_server, account):
    laptop_context = browser.new_context(viewport={"width": 390, "height": 844})
    phone_context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        laptop = open_device(laptop_context, live_server)
        log_in(laptop, live_server, account)
        laptop.evaluate(SET_LEVEL, [BALANCE, 1, 20])
        wait_saved(laptop)

        # The phone's first sync pulls the laptop's level first; its own, still unsent, is written back on top and sent.
        phone = open_device(phone_context, live_server)
        phone.evaluate(SET_LEVEL, [BALANCE, 3, 40])
        log_in(phone, live_server, account)
        wait_saved(phone)
        assert (level_on(phone)["rung"], level_on(phone)["dose"]) == (3, 40)
        assert sync_now(laptop) == "saved"
        assert level_on(laptop) == level_on(phone)
        assert list(server_levels(live_server.app, account).values()) == [level_on(phone)]
    finally:
        phone_context.close()
        laptop_context.close()


def test_a_level_changed_on_both_devices_offers_the_choice_on_the_card(devices, live_server):
    phone, laptop = devices
    phone.evaluate(SET_LEVEL, [BALANCE, 1, 25])
    wait_saved(phone)
    assert sync_now(laptop) == "saved"
    edit_offline_phone_first(phone, laptop, lambda: phone.evaluate(SET_LEVEL, [BALANCE, 1, 35]),
                             lambda: laptop.evaluate(SET_LEVEL, [BALANCE, 1, 30]))

    laptop.goto(f"{live_server.url}/exercises/{BALANCE}")
    note = laptop.get_by_role("group", name="Dose, edited on another device")
    expect(note).to_contain_text("Dose: edited on another device. The other version: “30”.")
    expect(laptop.locator(".level-panel")).not_to_contain_text("since")  # when it was set is a stamp, not a choice
    note.get_by_role("button", name="Use the other version").click()
    expect(note).to_have_count(0)
    wait_saved(laptop)
    assert sync_now(phone) == "saved"
    assert level_on(phone)["dose"] == level_on(laptop)["dose"] == 30
