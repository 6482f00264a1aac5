"""Push: order, retries, gaps, rejections, ownership, merge, edit-vs-delete and deterministic ids."""

import uuid

import pytest
from sqlalchemy import update

from server.catalog.models import Program
from server.extensions import db
from server.sync import service
from tests.sync.conftest import SETTINGS, Device, enrolment_record, level_record, new_account, put, remove, routine_record, session_record


def test_a_push_is_pulled_back(device):
    record = session_record()
    assert device.push(put("session", record)).get_json() == {"last_mutation_id": 1, "rejected": []}
    page = device.pull().get_json()
    assert page["reset"] is True and page["more"] is False and page["last_mutation_id"] == 1
    assert page["changes"] == [{"op": "put", "entity": "session", "id": record["id"], "version": 1,
                                "data": record, "conflicts": {}}]
    assert page["cursor"] == 1


def test_a_retried_push_applies_nothing_twice(device):
    """The server commits, the answer is lost, the device sends the same batch again."""
    batch = [put("session", session_record()), put("session", session_record(notes="bad", pain="ouch"))]
    first = device.push(*batch, ids=[1, 2])
    again = device.push(*batch, ids=[1, 2])
    assert first.status_code == again.status_code == 200
    assert again.get_json() == first.get_json()
    assert first.get_json()["rejected"] == [{"id": 2, "reason": "pain: Choose none, mild or stop for pain."}]
    assert [c["version"] for c in device.pull().get_json()["changes"]] == [1]


def test_a_retry_with_more_mutations_applies_only_the_new_ones(device):
    one, two = put("session", session_record()), put("session", session_record())
    device.push(one, ids=[1])
    assert device.push(one, two, ids=[1, 2]).get_json() == {"last_mutation_id": 2, "rejected": []}
    assert len(device.pull().get_json()["changes"]) == 2


@pytest.mark.parametrize(("ids", "expected"), [([2], 1), ([1, 3], 2)])
def test_a_gap_is_a_409_naming_the_mutation_expected_and_applies_nothing(device, ids, expected):
    mutations = [put("session", session_record()) for _ in ids]
    response = device.push(*mutations, ids=ids)
    assert response.status_code == 409
    assert response.get_json()["expected"] == expected
    assert device.pull().get_json()["changes"] == []


@pytest.mark.parametrize(("mutation", "reason"), [
    (put("session", session_record(entries=[{"exercise": "side-plank", "side": "left", "reps": -1}])),
     "entries.0.reps: Reps can't be negative."),
    (put("session", session_record(entries=[{"exercise": "moonwalk", "side": "left", "reps": 5}])),
     "entries.0.exercise: This exercise is not in the catalogue."),
    (put("session", session_record(local_date="2026-02-30")), "local_date: Enter a real date."),
    (put("session", session_record(notes="a\x00b")), "data: text may not contain a NUL character"),
    (put("session", session_record(), entity_id=str(uuid.uuid4())), "data.id: must equal entity_id"),
    ({"op": "put", "entity": "diary", "entity_id": str(uuid.uuid4()), "data": {}}, "entity: unknown entity 'diary'"),
    ({"op": "upsert", "entity": "session", "entity_id": str(uuid.uuid4()), "data": {}},
     "op: Input should be 'put' or 'delete'"),
    ({"op": "put", "entity": "session", "entity_id": "12", "data": {}},
     "entity_id: Input should be a UUID"),
    ({"op": "put", "entity": "settings", "entity_id": str(uuid.uuid4()), "data": SETTINGS},
     "entity_id: this settings record's id must be {settings}"),
])
def test_a_bad_mutation_is_rejected_with_a_reason_and_the_queue_moves_on(device, account, mutation, reason):
    good = session_record()
    answer = device.push(mutation, put("session", good)).get_json()
    settings = uuid.uuid5(account.id, "settings")
    assert answer == {"last_mutation_id": 2, "rejected": [{"id": 1, "reason": reason.format(settings=settings)}]}
    assert [c["id"] for c in device.pull().get_json()["changes"]] == [good["id"]]


def test_another_users_record_is_rejected_never_overwritten(sync_app, device):
    record = session_record(notes="mine")
    device.push(put("session", record))
    thief = Device(sync_app, new_account(sync_app))
    answer = thief.push(put("session", session_record(record["id"], notes="stolen")), remove("session", record["id"]))
    assert answer.get_json()["rejected"] == [
        {"id": 1, "reason": "entity_id: this record belongs to another account"},
        {"id": 2, "reason": "entity_id: this record belongs to another account"},
    ]
    assert device.pull().get_json()["changes"][0]["data"]["notes"] == "mine"
    assert thief.pull().get_json()["changes"] == []


def test_another_users_client_id_is_refused(sync_app, device):
    device.push(put("session", session_record()))
    other = Device(sync_app, new_account(sync_app), client_id=uuid.UUID(device.client_id))
    for response in (other.push(put("session", session_record())), other.pull()):
        assert response.status_code == 403
        assert response.get_json()["error"]["field"] == "client_id"
    assert device.pull().get_json()["last_mutation_id"] == 1


def test_edits_to_different_fields_on_two_devices_both_survive(sync_app, account, device):
    record = session_record()
    device.push(put("session", record))
    phone, laptop = device, Device(sync_app, account)
    phone.push(put("session", record | {"notes": "felt strong"}, base=1))
    laptop.push(put("session", record | {"effort": 7}, base=1))
    change = laptop.pull().get_json()["changes"][0]
    assert (change["data"]["notes"], change["data"]["effort"], change["conflicts"]) == ("felt strong", 7, {})


def test_a_sessions_updated_at_is_a_clock_stamp_never_a_conflict(sync_app, account, device):
    record = session_record(updated_at="2026-11-20T08:00:00Z")
    device.push(put("session", record))
    laptop = Device(sync_app, account)
    device.push(put("session", record | {"notes": "phone", "updated_at": "2026-11-21T08:00:00Z"}, base=1))
    laptop.push(put("session", record | {"effort": 7, "updated_at": "2026-11-21T09:00:00Z"}, base=1))
    change = laptop.pull().get_json()["changes"][0]
    assert (change["data"]["notes"], change["data"]["effort"], change["conflicts"]) == ("phone", 7, {})
    assert change["data"]["updated_at"] == "2026-11-21T09:00:00Z"  # the latest write's stamp


def test_the_same_field_edited_on_two_devices_keeps_the_first_and_shows_the_second(sync_app, account, device):
    record = session_record()
    device.push(put("session", record))
    laptop = Device(sync_app, account)
    device.push(put("session", record | {"notes": "phone"}, base=1))
    laptop.push(put("session", record | {"notes": "laptop"}, base=1))
    change = laptop.pull().get_json()["changes"][0]
    assert change["data"]["notes"] == "phone"
    assert change["conflicts"] == {"notes": "laptop"}
    # The laptop resolves it, having seen the conflict: its put clears it.
    laptop.push(put("session", change["data"] | {"notes": "both"}, base=change["version"]))
    change = laptop.pull().get_json()["changes"][0]
    assert (change["data"]["notes"], change["conflicts"]) == ("both", {})


def test_an_edit_beats_a_delete(sync_app, account, device):
    record = session_record()
    device.push(put("session", record))
    laptop = Device(sync_app, account)
    device.push(put("session", record | {"notes": "edited"}, base=1))
    laptop.push(remove("session", record["id"], base=1))
    changes = laptop.pull(cursor=2).get_json()["changes"]
    assert [(c["op"], c["data"]["notes"]) for c in changes] == [("put", "edited")]


def test_a_delete_after_seeing_the_edit_wins(sync_app, account, device):
    record = session_record()
    device.push(put("session", record))
    device.push(put("session", record | {"notes": "edited"}, base=1))
    laptop = Device(sync_app, account)
    laptop.push(remove("session", record["id"], base=2))
    page = device.pull(cursor=2).get_json()
    assert [(c["op"], c["id"], c["data"]) for c in page["changes"]] == [("delete", record["id"], None)]
    assert device.everything() == {}


def test_an_edit_after_a_delete_brings_the_record_back(sync_app, account, device):
    record = session_record()
    device.push(put("session", record), remove("session", record["id"], base=None))
    laptop = Device(sync_app, account)
    laptop.push(put("session", record | {"notes": "still here"}, base=1))
    assert [c["data"]["notes"] for c in device.everything().values()] == ["still here"]


def test_settings_and_levels_live_at_ids_every_device_computes(sync_app, account, device):
    settings_id = str(uuid.uuid5(account.id, "settings"))
    level_id = str(uuid.uuid5(account.id, "level:side-plank"))
    laptop = Device(sync_app, account)
    device.push(put("settings", SETTINGS, settings_id))
    laptop.push(put("settings", SETTINGS | {"units": "lb"}, settings_id))
    device.push(put("level", level_record(rung=1), level_id))
    records = laptop.everything()
    assert set(records) == {("settings", settings_id), ("level", level_id)}
    assert records[("settings", settings_id)]["data"]["units"] == "kg"
    assert records[("settings", settings_id)]["conflicts"] == {"units": "lb"}


@pytest.mark.parametrize(("data", "entity_name", "reason"), [
    (level_record(), "level:bird-dog", "entity_id: this level record's id must be {expected}"),
    (level_record(rung=-1), "level:side-plank", "rung: The rung is a whole number from 0 to 7."),
    (level_record(exercise="moonwalk"), "level:moonwalk", "exercise: This exercise is not in the catalogue."),
    (level_record(updated_at="yesterday"), "level:side-plank", "updated_at: Enter a valid time."),
    (level_record(level=2), "level:side-plank", "level: A level holds only an exercise, a rung, a dose and its times."),
])
def test_a_bad_level_is_rejected(account, device, data, entity_name, reason):
    entity_id = str(uuid.uuid5(account.id, entity_name))
    expected = uuid.uuid5(account.id, f"level:{data['exercise']}")
    answer = device.push(put("level", data, entity_id)).get_json()
    assert answer["rejected"] == [{"id": 1, "reason": reason.format(expected=expected)}]


def test_two_devices_enrolling_in_one_program_share_one_record(sync_app, account, device):
    enrolment_id = str(uuid.uuid5(account.id, "enrolment:core-and-balance-foundations"))
    laptop = Device(sync_app, account)
    device.push(put("enrolment", enrolment_record(), enrolment_id))
    laptop.push(put("enrolment", enrolment_record(start_date="2026-12-07"), enrolment_id))
    device.push(put("enrolment", enrolment_record(left_on="2026-12-03"), enrolment_id, base=1))
    records = laptop.everything()
    assert list(records) == [("enrolment", enrolment_id)]
    assert records[("enrolment", enrolment_id)]["data"]["left_on"] == "2026-12-03"


@pytest.mark.parametrize(("data", "entity_name", "reason"), [
    (enrolment_record(), "enrolment:another-program", "entity_id: this enrolment record's id must be {expected}"),
    (enrolment_record(start_date="30/11/2026"), None, "start_date: Enter the start date as YYYY-MM-DD, from 2000-01-01 on."),
    (enrolment_record(left_on="2026-12-09", finished_on="2026-12-10"), None,
     "finished_on: A program is either left or finished, not both."),
    (enrolment_record(week=2), None,
     "week: An enrolment holds only a program, its start date, the day it was left or finished, and when it changed."),
    (enrolment_record(program="no-such-program"), None, "program: This program is not in the catalogue."),
])
def test_a_bad_enrolment_is_rejected(account, device, data, entity_name, reason):
    expected = uuid.uuid5(account.id, f"enrolment:{data['program']}")
    entity_id = str(uuid.uuid5(account.id, entity_name)) if entity_name else str(expected)
    answer = device.push(put("enrolment", data, entity_id)).get_json()
    assert answer["rejected"] == [{"id": 1, "reason": reason.format(expected=expected)}]


def test_an_enrolment_in_a_retired_program_still_syncs(sync_app, account, device, monkeypatch):
    """A device that enrolled before the program was retired still gets its enrolment saved."""
    monkeypatch.setattr(service, "_slugs_by_version", {})  # read the slugs of this database, as it is now
    with sync_app.app_context():
        db.session.execute(update(Program).where(Program.slug == "core-and-balance-foundations").values(retired=True))
        db.session.commit()
    enrolment_id = str(uuid.uuid5(account.id, "enrolment:core-and-balance-foundations"))
    answer = device.push(put("enrolment", enrolment_record(), enrolment_id)).get_json()
    assert answer == {"last_mutation_id": 1, "rejected": []}


def test_two_devices_pushing_the_same_settings_never_make_two(sync_app, account, device):
    settings_id = str(uuid.uuid5(account.id, "settings"))
    laptop = Device(sync_app, account)
    for n in range(3):
        device.push(put("settings", SETTINGS | {"switch_seconds": n}, settings_id))
        laptop.push(put("settings", SETTINGS | {"switch_seconds": 10 + n}, settings_id))
    assert list(device.everything()) == [("settings", settings_id)]


@pytest.mark.parametrize(("mutation", "reason"), [
    (put("routine", routine_record(name=" ")), "name: Give the routine a name."),
    (put("routine", routine_record(items=[{"exercise": "moonwalk", "reps": 5, "reps_min": None, "hold_seconds": None,
                                           "work_seconds": None}])), "items.0.exercise: This exercise is not in the catalogue."),
    (put("settings", SETTINGS | {"units": "stone"}, "{settings}"), "units: Choose kilograms or pounds."),
    (put("settings", SETTINGS | {"theme": "dark"}, "{settings}"), "theme: Steady has no such setting."),
])
def test_routines_and_settings_are_checked_by_their_rules(account, device, mutation, reason):
    settings = str(uuid.uuid5(account.id, "settings"))
    mutation = mutation | {"entity_id": mutation["entity_id"].format(settings=settings)}
    assert device.push(mutation).get_json()["rejected"] == [{"id": 1, "reason": reason}]
