"""Enrolments sync through the real server: phone and laptop of one runner follow one program on one
record, at the id every device computes, and leaving it on one device leaves it on the other."""

import uuid

import pytest
from playwright.sync_api import expect

from server.extensions import db
from server.sync.protocol import deterministic_id
from server.training.models import EnrolmentRecord
from tests.browser.sync_steps import sync_now, wait_saved

pytestmark = pytest.mark.browser

PROGRAM = "core-and-balance-foundations"
STORED = "() => steady.db.openDatabase().then((db) => db.getAll(steady.db.STORES.enrolments))"


def server_enrolments(app, account) -> dict:
    """Every live enrolment the server holds for `account`, by record id."""
    with app.app_context():
        rows = db.session.scalars(db.select(EnrolmentRecord).where(EnrolmentRecord.user_id == account.id,
                                                                   EnrolmentRecord.deleted.is_(False))).all()
        return {str(row.id): row.data for row in rows}


def open_program(page, live_server):
    page.goto(f"{live_server.url}/programs/{PROGRAM}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Core & balance foundations")


def test_an_enrolment_reaches_the_other_device_and_leaving_there_leaves_here(devices, live_server, account):
    phone, laptop = devices
    open_program(phone, live_server)
    phone.get_by_role("button", name="Enrol", exact=True).click()
    expect(phone.locator(".program-now h2")).to_have_text("Week 1 of 5 · session 1 of 3")
    wait_saved(phone)
    enrolment_id = str(deterministic_id(uuid.UUID(str(account.id)), f"enrolment:{PROGRAM}"))
    [on_phone] = phone.evaluate(STORED)
    assert server_enrolments(live_server.app, account) == {enrolment_id: on_phone}

    assert sync_now(laptop) == "saved"
    assert laptop.evaluate(STORED) == [on_phone]
    laptop.goto(live_server.url + "/")
    expect(laptop.locator(".program-now .program-label")).to_have_text("Week 1 of 5 · session 1 of 3 — Start")

    open_program(laptop, live_server)
    laptop.get_by_role("button", name="Leave this program").click()
    laptop.get_by_role("button", name="Leave", exact=True).click()
    expect(laptop.get_by_role("button", name="Enrol again")).to_be_visible()
    wait_saved(laptop)
    assert sync_now(phone) == "saved"
    [left] = phone.evaluate(STORED)
    assert left["left_on"] == on_phone["start_date"]
    open_program(phone, live_server)
    expect(phone.get_by_text("You left Core & balance foundations in week 1 of 5")).to_be_visible()

    # Enrolling again on the phone is the same record again: the server never holds two.
    phone.get_by_role("button", name="Enrol again").click()
    expect(phone.locator(".program-now h2")).to_have_text("Week 1 of 5 · session 1 of 3")
    wait_saved(phone)
    assert list(server_enrolments(live_server.app, account)) == [enrolment_id]
    assert server_enrolments(live_server.app, account)[enrolment_id]["left_on"] is None
