"""Account export and deletion cover every synced entity."""

import csv
import io
import uuid

from sqlalchemy import func, select

from server.extensions import db
from tests.conftest import PASSWORD
from tests.sync.conftest import SETTINGS, Device, enrolment_record, level_record, new_account, put, remove, routine_record, session_record

def push_one_of_each(device: Device, account) -> dict:
    session, gone = session_record(notes="kept"), session_record()
    routine, settings = routine_record(), SETTINGS
    level = level_record(rung=1, dose=20)
    enrolment = enrolment_record(left_on="2026-12-09")
    answer = device.push(
        put("session", session), put("session", gone), remove("session", gone["id"]),
        put("routine", routine), put("settings", settings, str(uuid.uuid5(account.id, "settings"))),
        put("level", level, str(uuid.uuid5(account.id, "level:side-plank"))),
        put("enrolment", enrolment, str(uuid.uuid5(account.id, "enrolment:core-and-balance-foundations"))))
    assert answer.get_json()["rejected"] == []
    return {"sessions": [session], "routines": [routine], "settings": [settings], "levels": [level],
            "enrolments": [enrolment]}


def rows_of(user_id) -> dict:
    counts = {}
    for table in db.metadata.sorted_tables:
        if "user_id" in table.c and any(fk.column.table.name == "users" for fk in table.c.user_id.foreign_keys):
            counts[table.name] = db.session.scalar(select(func.count()).select_from(table)
                                                   .where(table.c.user_id == user_id))
    return counts


def test_the_export_holds_every_synced_record_and_no_tombstone(account, device):
    pushed = push_one_of_each(device, account)
    body = device.http.get("/api/account/export?format=json").get_json()
    for name, records in pushed.items():
        assert body[name] == records
    rows = list(csv.DictReader(io.StringIO(device.http.get("/api/account/export?format=csv").get_data(as_text=True))))
    assert [(r["session_id"], r["notes"]) for r in rows] == [(pushed["sessions"][0]["id"], "kept")]


def test_deleting_the_account_removes_every_synced_row_and_nobody_elses(sync_app, account, device):
    push_one_of_each(device, account)
    other = new_account(sync_app)
    push_one_of_each(Device(sync_app, other), other)
    assert device.http.delete("/api/account", json={"password": PASSWORD}).status_code == 204
    with sync_app.app_context():
        mine, theirs = rows_of(account.id), rows_of(other.id)
    assert {"session_record", "routine_record", "settings_record", "level_record", "enrolment_record", "sync_user", "sync_client"} <= set(mine)
    assert set(mine.values()) == {0}
    assert theirs["session_record"] == 2 and theirs["sync_client"] == 1
