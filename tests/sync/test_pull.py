"""Pull: cursors, pages, resets, tombstones and their cleanup."""

from datetime import UTC, datetime, timedelta

from server.extensions import db
from server.sync.service import purge_tombstones
from tests.sync.conftest import FAST_HASH, Device, new_account, put, remove, session_record


def test_pages_hold_each_record_once_and_in_version_order(device):
    records = [session_record() for _ in range(7)]
    device.push(*[put("session", r) for r in records])
    device.push(put("session", records[0] | {"notes": "edited"}, base=1))  # moves record 0 to version 8
    seen, cursor, pages = [], None, 0
    while True:
        page = device.pull(cursor, limit=3).get_json()
        pages += 1
        seen += [(c["id"], c["version"]) for c in page["changes"]]
        assert page["reset"] is (cursor is None)
        cursor = page["cursor"]
        if not page["more"]:
            break
    assert pages == 3
    assert [version for _, version in seen] == [2, 3, 4, 5, 6, 7, 8]
    assert sorted(i for i, _ in seen) == sorted(r["id"] for r in records)
    assert cursor == 8


def test_a_pull_at_the_head_is_empty_and_keeps_its_cursor(device):
    device.push(put("session", session_record()))
    cursor = device.pull().get_json()["cursor"]
    page = device.pull(cursor).get_json()
    assert (page["changes"], page["cursor"], page["more"], page["reset"]) == ([], cursor, False, False)


def test_a_delete_reaches_the_other_device_as_a_tombstone(sync_app, account, device):
    record = session_record()
    device.push(put("session", record))
    laptop = Device(sync_app, account)
    cursor = laptop.pull().get_json()["cursor"]
    device.push(remove("session", record["id"], base=1))
    page = laptop.pull(cursor).get_json()
    assert page["changes"] == [{"op": "delete", "entity": "session", "id": record["id"], "version": 2, "data": None}]


def test_a_reset_snapshot_leaves_out_tombstones(device):
    kept, gone = session_record(), session_record()
    device.push(put("session", kept), put("session", gone), remove("session", gone["id"], base=2))
    page = device.pull().get_json()
    assert page["reset"] is True
    assert [(c["op"], c["id"]) for c in page["changes"]] == [("put", kept["id"])]


def test_a_snapshot_in_pages_still_sends_deletes_made_while_paging(sync_app, account, device):
    records = [session_record() for _ in range(4)]
    device.push(*[put("session", r) for r in records])
    laptop = Device(sync_app, account)
    first = laptop.pull(limit=2).get_json()
    assert first["reset"] and first["more"]
    device.push(remove("session", records[0]["id"], base=1))
    rest = laptop.pull(first["cursor"], limit=10).get_json()
    assert rest["reset"] is False
    assert [(c["op"], c["id"]) for c in rest["changes"]] == [
        ("put", records[2]["id"]), ("put", records[3]["id"]), ("delete", records[0]["id"])]


def test_a_cursor_from_the_future_answers_a_reset(device):
    device.push(put("session", session_record()))
    page = device.pull(cursor=99).get_json()
    assert (page["reset"], len(page["changes"]), page["cursor"]) == (True, 1, 1)


def test_tombstones_go_after_the_horizon_and_a_device_behind_them_gets_a_reset(sync_app, account, device):
    kept, gone = session_record(), session_record()
    device.push(put("session", kept), put("session", gone))
    sleeper = Device(sync_app, account)
    old_cursor = sleeper.pull().get_json()["cursor"]
    device.push(remove("session", gone["id"], base=2))
    with sync_app.app_context():
        purge_tombstones(180)
        assert sleeper.pull(old_cursor).get_json()["reset"] is False  # too young to go
        assert purge_tombstones(180, now=datetime.now(UTC) + timedelta(days=181)) >= 1
    page = sleeper.pull(old_cursor).get_json()
    assert page["reset"] is True
    assert [c["id"] for c in page["changes"]] == [kept["id"]]
    # A device that had already seen the delete is not reset.
    assert device.pull(3).get_json()["reset"] is False


def test_the_purge_command_uses_the_configured_horizon(app):
    # SQLite only: it counts every tombstone in the database, which the PostgreSQL tests share.
    app.config.update(FAST_HASH)
    sync_app, device = app, Device(app, new_account(app))
    record = session_record()
    device.push(put("session", record), remove("session", record["id"]))
    sync_app.config["SYNC_TOMBSTONE_DAYS"] = 180
    result = sync_app.test_cli_runner().invoke(args=["sync", "purge"])
    assert result.exit_code == 0 and result.output == "Removed 0 tombstones.\n"
    with sync_app.app_context():
        from server.training.models import SessionRecord

        db.session.execute(db.update(SessionRecord).values(changed_at=datetime.now(UTC) - timedelta(days=181)))
        db.session.commit()
    result = sync_app.test_cli_runner().invoke(args=["sync", "purge"])
    assert result.exit_code == 0 and result.output == "Removed 1 tombstone.\n"
