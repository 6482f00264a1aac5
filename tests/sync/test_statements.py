"""The number of SQL statements per push and per pull does not grow with the batch."""

import pytest

from tests.sync.conftest import Device, count_statements, put, remove, session_record


def mixed_batch(device, size: int) -> list[dict]:
    """``size`` new records, ``size`` edits and ``size`` deletes of records pushed before."""
    old = [session_record() for _ in range(2 * size)]
    assert device.push(*[put("session", r) for r in old]).status_code == 200
    edits = [put("session", r | {"notes": "edit"}, base=i + 1) for i, r in enumerate(old[:size])]
    deletes = [remove("session", r["id"], base=size + i + 1) for i, r in enumerate(old[size:])]
    return [put("session", session_record()) for _ in range(size)] + edits + deletes


@pytest.mark.parametrize("kind", ["push", "pull"])
def test_statements_do_not_grow_with_the_batch(sync_app, account, kind):
    counts = []
    for size in (1, 10, 100):
        device = Device(sync_app, account)
        batch = mixed_batch(device, size)
        if kind == "push":
            counts.append(count_statements(sync_app, lambda: device.push(*batch)))
        else:
            device.push(*batch)
            counts.append(count_statements(sync_app, lambda: device.pull(limit=500)))
    assert counts[0] == counts[1] == counts[2], counts
