"""The pure protocol: envelopes, mutation order, storable values, deterministic ids and the field merge."""

import json
import uuid

import pytest

from server.sync.protocol import (
    EnvelopeError,
    Mutation,
    MutationGap,
    Stored,
    delete_wins,
    deterministic_id,
    merge_put,
    new_mutations,
    parse_pull,
    parse_push,
    read_mutation,
    unstorable,
)

CLIENT = "6f2c1f0e-8b1a-4c55-9a51-2a0a3f1d2b10"


def push_body(**overrides) -> bytes:
    return json.dumps({"protocol": 1, "client_id": CLIENT, "mutations": []} | overrides).encode()


@pytest.mark.parametrize(("body", "field"), [
    (b"not json", "body"),
    (b"[1, 2]", "body"),
    (b"[" * 100000 + b"]" * 100000, "body"),
    (push_body(protocol=2), "protocol"),
    (push_body(protocol="1"), "protocol"),
    (json.dumps({"client_id": CLIENT, "mutations": []}).encode(), "protocol"),
    (push_body(client_id="nope"), "client_id"),
    (push_body(client_id=None), "client_id"),
    (push_body(mutations={"id": 1}), "mutations"),
    (push_body(mutations=[{"id": i} for i in range(1, 502)]), "mutations"),
    (push_body(mutations=[{"id": 0}]), "mutations.0.id"),
    (push_body(mutations=[{"id": -3}]), "mutations.0.id"),
    (push_body(mutations=[{"id": "1"}]), "mutations.0.id"),
    (push_body(mutations=[{"id": 1.0}]), "mutations.0.id"),
    (push_body(mutations=[{"id": True}]), "mutations.0.id"),
    (push_body(mutations=[{"id": 2**63}]), "mutations.0.id"),
    (push_body(mutations=[{"id": 1}, "x"]), "mutations.1"),
    (push_body(mutations=[{"op": "put"}]), "mutations.0.id"),
])
def test_a_bad_push_envelope_names_the_field(body, field):
    with pytest.raises(EnvelopeError) as raised:
        parse_push(body)
    assert raised.value.field == field


def test_a_push_envelope_keeps_each_mutation_whole():
    request = parse_push(push_body(mutations=[{"id": 1, "op": "zap", "extra": [1]}]))
    assert request.client_id == uuid.UUID(CLIENT)
    assert request.mutations == [{"id": 1, "op": "zap", "extra": [1]}]


@pytest.mark.parametrize(("overrides", "field"), [
    ({"cursor": -1}, "cursor"),
    ({"cursor": "5"}, "cursor"),
    ({"cursor": 1.5}, "cursor"),
    ({"limit": 0}, "limit"),
    ({"limit": 501}, "limit"),
    ({"limit": "10"}, "limit"),
    ({"protocol": None}, "protocol"),
    ({"client_id": 12}, "client_id"),
])
def test_a_bad_pull_envelope_names_the_field(overrides, field):
    body = json.dumps({"protocol": 1, "client_id": CLIENT, "cursor": None, "limit": 100} | overrides).encode()
    with pytest.raises(EnvelopeError) as raised:
        parse_pull(body)
    assert raised.value.field == field


def test_a_pull_envelope_defaults_its_limit():
    request = parse_pull(json.dumps({"protocol": 1, "client_id": CLIENT, "cursor": 7}).encode())
    assert (request.cursor, request.limit) == (7, 500)


@pytest.mark.parametrize(("last", "ids", "fresh"), [
    (0, [1, 2, 3], [1, 2, 3]),
    (2, [1, 2, 3, 4], [3, 4]),
    (4, [1, 2, 3, 4], []),
    (0, [], []),
])
def test_mutations_already_applied_are_skipped(last, ids, fresh):
    assert [m["id"] for m in new_mutations(last, [{"id": i} for i in ids])] == fresh


@pytest.mark.parametrize(("last", "ids", "expected"), [
    (0, [2], 1),
    (3, [5, 6], 4),
    (0, [1, 3], 2),
    (0, [1, 1], 2),
    (1, [2, 1], 3),
])
def test_a_gap_names_the_mutation_expected_next(last, ids, expected):
    with pytest.raises(MutationGap) as raised:
        new_mutations(last, [{"id": i} for i in ids])
    assert raised.value.expected == expected


ENTITY_ID = "0b7f5a4e-1c2d-4e3f-8a9b-0c1d2e3f4a5b"


@pytest.mark.parametrize(("raw", "reason"), [
    ({"op": "zap"}, "op: Input should be 'put' or 'delete'"),
    ({"entity_id": "x"}, "entity_id: Input should be a UUID"),
    ({"base_version": -1}, "base_version: Input should be greater than or equal to 0"),
    ({"base_version": "3"}, "base_version: Input should be a valid integer"),
    ({"data": [1]}, "data: Input should be a valid dictionary"),
    ({"data": None}, "data: a put needs the record as an object"),
    ({"data": {"notes": "a\x00b"}}, "data: text may not contain a NUL character"),
    ({"data": {"notes\x00": 1}}, "data: text may not contain a NUL character"),
    ({"data": {"notes": "\ud800"}}, "data: text is not valid Unicode"),
    ({"data": {"load": float("nan")}}, "data: numbers must be finite"),
    ({"data": {"load": 2**60}}, "data: numbers must fit in a double"),
])
def test_a_bad_mutation_gets_a_reason(raw, reason):
    mutation = {"id": 1, "op": "put", "entity": "session", "entity_id": ENTITY_ID, "data": {}} | raw
    assert read_mutation(mutation) == reason


def test_a_good_mutation_is_read():
    mutation = read_mutation({"id": 4, "op": "delete", "entity": "routine", "entity_id": ENTITY_ID, "base_version": 3})
    assert isinstance(mutation, Mutation)
    assert (mutation.entity_id, mutation.base_version, mutation.data) == (uuid.UUID(ENTITY_ID), 3, None)


def test_deeply_nested_data_is_not_storable():
    value: list = []
    for _ in range(40):
        value = [value]
    assert unstorable({"a": value}) == "nested more than 32 levels deep"
    assert unstorable({"a": [[1.5, "fine", None, True]]}) is None


def test_deterministic_ids_are_uuid5_in_the_users_namespace():
    user = uuid.UUID("11111111-2222-4333-8444-555555555555")
    assert deterministic_id(user, "settings") == uuid.uuid5(user, "settings")
    assert str(deterministic_id(user, "level:side-plank")) == str(uuid.uuid5(user, "level:side-plank"))
    assert deterministic_id(user, "settings") != deterministic_id(uuid.uuid4(), "settings")


# --- merge ---------------------------------------------------------------------------------

A, B = "client-a", "client-b"


def created(data: dict, version: int = 1, client: str = A) -> Stored:
    merged = merge_put(Stored(None), data, base=None, version=version, client=client)
    return Stored(merged.data, merged.fields, merged.conflicts)


def then(stored: Stored, data: dict, *, base, version, client, **options) -> Stored:
    merged = merge_put(stored, data, base=base, version=version, client=client, **options)
    return Stored(merged.data, merged.fields, merged.conflicts)


def test_edits_to_different_fields_both_survive():
    v1 = created({"notes": "x", "effort": 5})
    v2 = then(v1, {"notes": "from a", "effort": 5}, base=1, version=2, client=A)
    v3 = then(v2, {"notes": "x", "effort": 8}, base=1, version=3, client=B)
    assert v3.data == {"notes": "from a", "effort": 8}
    assert v3.conflicts == {}


def test_the_same_field_changed_on_both_sides_keeps_the_server_value_and_the_loser():
    v1 = created({"notes": "x"})
    v2 = then(v1, {"notes": "from a"}, base=1, version=2, client=A)
    v3 = then(v2, {"notes": "from b"}, base=1, version=3, client=B)
    assert v3.data == {"notes": "from a"}
    assert v3.conflicts == {"notes": {"value": "from b", "version": 3}}


def test_a_conflict_is_cleared_by_a_put_that_has_seen_it():
    v1 = created({"notes": "x"})
    v2 = then(v1, {"notes": "from a"}, base=1, version=2, client=A)
    v3 = then(v2, {"notes": "from b"}, base=1, version=3, client=B)
    v4 = then(v3, {"notes": "both"}, base=3, version=4, client=B)
    assert (v4.data, v4.conflicts) == ({"notes": "both"}, {})


def test_a_clients_own_later_edit_replaces_its_earlier_one():
    v1 = created({"notes": "x"}, client=A)
    v2 = then(v1, {"notes": "again"}, base=None, version=2, client=A)
    assert (v2.data, v2.conflicts) == ({"notes": "again"}, {})


def test_removing_a_field_is_an_edit():
    v1 = created({"notes": "x", "effort": 3})
    v2 = then(v1, {"notes": "x"}, base=1, version=2, client=B)
    assert v2.data == {"notes": "x"}


def test_a_put_from_a_base_older_than_two_changes_keeps_its_differing_values_as_conflicts():
    v1 = created({"notes": "x"})
    v2 = then(v1, {"notes": "y"}, base=1, version=2, client=A)
    v3 = then(v2, {"notes": "z"}, base=2, version=3, client=A)
    v4 = then(v3, {"notes": "x"}, base=0, version=4, client=B)
    assert v4.data == {"notes": "z"}
    assert v4.conflicts == {"notes": {"value": "x", "version": 4}}


def test_untracked_clock_fields_take_the_latest_write_and_never_conflict():
    v1 = created({"name": "x", "updated_at": "1"})
    v2 = then(v1, {"name": "x", "updated_at": "2"}, base=1, version=2, client=A, untracked=frozenset({"updated_at"}))
    v3 = then(v2, {"name": "x", "updated_at": "3"}, base=1, version=3, client=B, untracked=frozenset({"updated_at"}))
    assert (v3.data, v3.conflicts) == ({"name": "x", "updated_at": "3"}, {})


def test_a_mix_that_breaks_the_record_keeps_the_server_record_and_all_client_values():
    v1 = created({"start": 1, "end": 2})
    v2 = then(v1, {"start": 1, "end": 9}, base=1, version=2, client=A)
    ordered = lambda data: data["start"] <= data["end"]  # noqa: E731
    v3 = then(v2, {"start": 10, "end": 2}, base=1, version=3, client=B, valid=ordered)
    assert v3.data == {"start": 1, "end": 9}
    assert v3.conflicts == {"start": {"value": 10, "version": 3}}


def test_a_put_that_changes_nothing_is_not_a_change():
    v1 = created({"notes": "x"})
    assert merge_put(v1, {"notes": "x"}, base=1, version=2, client=B).changed is False


def test_a_put_on_a_tombstone_revives_it():
    merged = merge_put(Stored(None), {"notes": "back"}, base=4, version=5, client=B)
    assert merged.changed and merged.data == {"notes": "back"}


def test_a_delete_loses_to_another_clients_later_edit():
    v1 = created({"notes": "x"})
    v2 = then(v1, {"notes": "edited"}, base=1, version=2, client=A)
    assert delete_wins(v2, base=1, client=B) is False
    assert delete_wins(v2, base=2, client=B) is True
    assert delete_wins(v2, base=1, client=A) is True
    assert delete_wins(Stored(None), base=1, client=A) is False
