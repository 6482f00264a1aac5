"""Shared steps for the sync browser tests: devices of one account, logging in, waiting for sync, the server's copy."""

import uuid

from playwright.sync_api import expect

from server.extensions import db
from server.sync.models import SyncClient
from server.training.models import SessionRecord
from tests.offline.conftest import wait_until_controlled

STATUS = "#sync-status [role=status]"
SAVED = "All changes saved"


def open_device(context, live_server, controlled: bool = True):
    """A page of `context` on Steady, controlled by its worker (so it works offline from here on) if `controlled`."""
    return start_on(context.new_page(), live_server, controlled)


def start_on(page, live_server, controlled: bool = True):
    """Open Steady on `page`, waiting for its worker to take control if `controlled`."""
    page.goto(live_server.url + "/")
    page.get_by_role("heading", level=1).wait_for()
    if controlled:
        wait_until_controlled(page)
    return page


def log_in(page, live_server, account) -> None:
    """Log in through the login screen, as a runner would."""
    page.goto(live_server.url + "/login")
    page.get_by_label("Email", exact=True).fill(account.email)
    page.get_by_label("Password", exact=True).fill(account.password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text(f"Logged in as {account.email}.")).to_be_visible()


def wait_saved(page) -> None:
    """Until the status line is shown and says every change is saved, and no flush is still running.

    The line says "All changes saved" as soon as nothing waits, which can be before a first sync
    has pulled; the flush at the end joins any flush still running, so the device is quiet after.
    """
    expect(page.locator("#sync-status")).to_have_attribute("data-state", "saved", timeout=15_000)
    expect(page.locator(STATUS)).to_be_visible()
    expect(page.locator(STATUS)).to_have_text(SAVED)
    assert sync_now(page) == "saved"


def edit_offline_phone_first(phone, laptop, on_phone, on_laptop) -> None:
    """Both devices go offline and make their edits (`on_phone()`, `on_laptop()`); then the phone
    reaches the server first and the laptop after, so the server's order decides any clash."""
    for page in (phone, laptop):
        page.context.set_offline(True)
    on_phone()
    on_laptop()
    phone.context.set_offline(False)
    wait_saved(phone)
    laptop.context.set_offline(False)
    wait_saved(laptop)


def sync_now(page) -> str:
    """Flush this device now and return the outcome ('saved', 'offline', 'failed')."""
    return page.evaluate("() => steady.syncEngine.flush()")


def device_sessions(page) -> dict:
    """Every session on the device, by id."""
    return {s["id"]: s for s in page.evaluate("() => steady.sessions.listSessions()")}


def server_sessions(app, account) -> list[dict]:
    """Every live session the server holds for `account` (a list, so a double would show)."""
    with app.app_context():
        rows = db.session.scalars(db.select(SessionRecord).where(SessionRecord.user_id == account.id,
                                                                 SessionRecord.deleted.is_(False))).all()
        return [row.data for row in rows]


def outbox(page) -> list[dict]:
    """Every outbox entry on the device."""
    return page.evaluate("() => steady.outbox.pendingChanges()")


def applied_mutations(app, page) -> int:
    """How many of this device's mutations the server has applied (its client's last_mutation_id)."""
    client_id = page.evaluate("() => steady.syncAccount.readSyncState().then((s) => s.client_id)")
    with app.app_context():
        return db.session.scalar(db.select(SyncClient.last_mutation_id).where(SyncClient.client_id == uuid.UUID(client_id)))
