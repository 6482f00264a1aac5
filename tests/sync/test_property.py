"""Random interleavings of two devices' edits, deletes, pushes (some answers lost) and pulls converge.

Against the real endpoints: after everything is pushed and pulled, both devices hold exactly
what the server holds, no mutation is applied twice, and no record anyone kept is lost.
"""

import uuid

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.sync.conftest import Device, put, remove, session_record

RECORDS = 3
steps = st.lists(st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 1), st.integers(0, RECORDS - 1),
              st.sampled_from(["notes", "effort"]), st.integers(1, 3)),
    st.tuples(st.just("delete"), st.integers(0, 1), st.integers(0, RECORDS - 1)),
    st.tuples(st.just("push"), st.integers(0, 1), st.booleans()),
    st.tuples(st.just("pull"), st.integers(0, 1), st.sampled_from([1, 2, 500])),
), max_size=25)


class Replica:
    """A device as a sync engine should run it (Replicache's way): the server's records as last
    pulled, with the outbox's pending mutations replayed on top."""

    def __init__(self, device: Device):
        self.device, self.pulled, self.known, self.outbox, self.cursor = device, {}, {}, [], None
        self.made = 0

    @property
    def local(self) -> dict:
        view = dict(self.pulled)
        for mutation in self.outbox:
            view[mutation["entity_id"]] = mutation.get("data")
        return view

    def queue(self, mutation: dict) -> None:
        self.made += 1
        self.outbox.append({"id": self.made} | mutation)

    def edit(self, record_id: str, field: str, value: int) -> None:
        data = dict(self.local.get(record_id) or session_record(record_id))
        data[field] = f"note {value}" if field == "notes" else value
        self.queue(put("session", data, base=self.known.get(record_id)))

    def delete(self, record_id: str) -> None:
        if self.local.get(record_id) is not None:
            self.queue(remove("session", record_id, base=self.known.get(record_id)))

    def push(self, answer_lost: bool = False) -> None:
        if not self.outbox:
            return
        response = self.device.push(*self.outbox, ids=[m["id"] for m in self.outbox])
        assert response.status_code == 200, response.get_json()
        body = response.get_json()
        assert body["rejected"] == []
        if not answer_lost:
            self.outbox = [m for m in self.outbox if m["id"] > body["last_mutation_id"]]

    def pull(self, limit: int) -> None:
        while True:
            page = self.device.pull(self.cursor, limit).get_json()
            if page["reset"]:
                self.pulled, self.known = {}, {}
            for change in page["changes"]:
                if change["op"] == "put":
                    self.known[change["id"]], self.pulled[change["id"]] = change["version"], change["data"]
                else:
                    self.known.pop(change["id"], None)
                    self.pulled.pop(change["id"], None)
            # Mutations the server has applied are part of what was just pulled.
            self.outbox = [m for m in self.outbox if m["id"] > page["last_mutation_id"]]
            self.cursor = page["cursor"]
            if not page["more"]:
                return

    def records(self, ids: list[str]) -> dict:
        # The account is shared by every example: look only at this example's records.
        return {k: v for k, v in self.local.items() if v is not None and k in ids}


def converge(devices, plan) -> None:
    for device in devices:  # fresh sync clients per example: each starts from nothing
        device.client_id = str(uuid.uuid4())
    replicas = [Replica(d) for d in devices]
    ids = [str(uuid.uuid4()) for _ in range(RECORDS)]
    touched, deleted = [set(), set()], set()
    for step in plan:
        kind, who, *rest = step
        replica = replicas[who]
        if kind == "edit":
            replica.edit(ids[rest[0]], rest[1], rest[2])
            touched[who].add(ids[rest[0]])
        elif kind == "delete":
            if replica.local.get(ids[rest[0]]) is not None:
                deleted.add(ids[rest[0]])
            replica.delete(ids[rest[0]])
        elif kind == "push":
            replica.push(answer_lost=rest[0])
        else:
            replica.pull(rest[0])
    for replica in replicas:
        replica.push()
    for replica in replicas:
        replica.pull(500)
    for replica in replicas:  # every mutation applied once: the server counted them all
        assert replica.device.pull(replica.cursor).get_json()["last_mutation_id"] == replica.made
    observer = devices[0]
    observer.client_id = str(uuid.uuid4())  # a third client, starting from nothing
    server = {k[1]: v["data"] for k, v in observer.everything().items() if k[1] in ids}
    assert replicas[0].records(ids) == replicas[1].records(ids) == server
    for record_id in (touched[0] | touched[1]) - deleted:
        assert record_id in server  # nothing kept by anyone is lost


@settings(max_examples=15, deadline=None, phases=[Phase.reuse, Phase.generate], suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=steps)
def test_two_devices_always_converge(device, second_device, plan):
    # The fixtures (one account, two logged-in devices) serve every example; each example uses
    # fresh sync clients and fresh record ids, so examples do not see one another.
    converge([device, second_device], plan)
