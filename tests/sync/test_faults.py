"""Faults on a real database: a failure mid-batch, and two pushes of one runner at once."""

import threading

from sqlalchemy import event

from server.extensions import db
from tests.sync.conftest import Device, put, session_record


def test_a_failure_mid_batch_leaves_nothing_half_applied(sync_app, device):
    first = session_record()
    device.push(put("session", first))
    sync_app.config["PROPAGATE_EXCEPTIONS"] = False
    batch = [put("session", first | {"notes": "edit"}, base=1), put("session", session_record())]

    def fail_on_the_counter(conn, cursor, statement, *args):
        # The records are written by now; the counter's update is (in) the batch's last statement.
        if "UPDATE sync_user" in statement:
            raise RuntimeError("the database went away")

    with sync_app.app_context():
        event.listen(db.engine, "before_cursor_execute", fail_on_the_counter)
        try:
            assert device.push(*batch, ids=[2, 3]).status_code == 500
        finally:
            event.remove(db.engine, "before_cursor_execute", fail_on_the_counter)
    page = device.pull().get_json()
    assert (page["last_mutation_id"], [c["version"] for c in page["changes"]]) == (1, [1])
    assert page["changes"][0]["data"] == first
    assert device.push(*batch, ids=[2, 3]).get_json() == {"last_mutation_id": 3, "rejected": []}
    assert sorted(c["version"] for c in device.everything().values()) == [2, 3]


def test_a_statement_the_database_refuses_at_the_end_of_a_batch_leaves_nothing_applied(sync_app, device):
    # On PostgreSQL a push's writes travel with its COMMIT (pipeline mode): the database's refusal of the
    # last one arrives with the COMMIT's answer, and must still roll the whole batch back.
    first = session_record()
    device.push(put("session", first))
    sync_app.config["PROPAGATE_EXCEPTIONS"] = False
    batch = [put("session", first | {"notes": "edit"}, base=1), put("session", session_record())]

    def refused_by_the_database(conn, cursor, statement, parameters, *args):
        if "UPDATE sync_user" in statement:
            statement = statement.replace("SET version=", "SET no_such_column=")
        return statement, parameters

    with sync_app.app_context():
        event.listen(db.engine, "before_cursor_execute", refused_by_the_database, retval=True)
        try:
            assert device.push(*batch, ids=[2, 3]).status_code == 500
        finally:
            event.remove(db.engine, "before_cursor_execute", refused_by_the_database)
    page = device.pull().get_json()
    assert (page["last_mutation_id"], [c["version"] for c in page["changes"]]) == (1, [1])
    assert page["changes"][0]["data"] == first
    assert device.push(*batch, ids=[2, 3]).get_json() == {"last_mutation_id": 3, "rejected": []}
    assert sorted(c["version"] for c in device.everything().values()) == [2, 3]


def test_two_pushes_of_one_runner_at_once_are_serialised(sync_app, account):
    devices = [Device(sync_app, account) for _ in range(2)]
    start, answers = threading.Barrier(2), []

    def run(device):
        start.wait()
        for _ in range(4):
            answers.append(device.push(*[put("session", session_record()) for _ in range(10)]).status_code)

    threads = [threading.Thread(target=run, args=(d,)) for d in devices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [200] * 8
    versions = sorted(c["version"] for c in devices[0].everything().values())
    assert versions == list(range(1, 81))
    assert [devices[i].pull().get_json()["last_mutation_id"] for i in (0, 1)] == [40, 40]
