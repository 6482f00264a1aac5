"""The routine rule beyond its shared vectors: values JSON cannot carry to JavaScript, and the one table of limits."""

import pytest
from annotated_types import Ge, Le, MaxLen

from server.catalog.content import Prescription, RoutineFile, RoutineItem
from server.training import validate_routine
from server.training.rules.limits import ROUTINE
from tests.rule_vectors import VECTORS_DIR, read_vectors

EDITOR_ROUTINE = read_vectors(VECTORS_DIR / "routine.json")["cases"][0]["args"][0]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("rounds", float("nan"), "Rounds go from 1 to 10."),
    ("rounds", float("inf"), "Rounds go from 1 to 10."),
    ("rest_seconds", 10**400, "Rest goes from 0 to 600 seconds."),
    ("work_seconds", -float("inf"), "Work time goes from 5 to 600 seconds."),
    ("name", b"Ankle armour", "Give the routine a name."),
    ("items", ({"exercise": "plank", "work_seconds": 30},), "Add at least one exercise."),
    ("format", {"circuit"}, "Choose circuit or sets."),
])
def test_values_json_cannot_carry_to_javascript_get_a_message(field, value, message):
    [error] = validate_routine(EDITOR_ROUTINE | {field: value})
    assert error == {"field": field, "message": message}


def test_a_huge_list_is_refused_without_reading_it():
    items = [object()] * 1_000_000
    assert validate_routine(EDITOR_ROUTINE | {"items": items}) == [
        {"field": "items", "message": "A routine can have at most 30 exercises."}]


@pytest.mark.parametrize("junk", [
    {"items": [{"exercise": ["plank"], "reps": {"n": 1}, "reps_min": [], "work_seconds": "x", "hold_seconds": None}]},
    {"items": [{"exercise": "plank", "reps": 5, "reps_min": float("nan")}]},
    {"name": "\x00" * 100_000, "id": ["x"], "rounds": None, "format": [], "work_seconds": {}},
])
def test_junk_never_raises(junk):
    errors = validate_routine(EDITOR_ROUTINE | junk)
    assert errors and all(set(e) == {"field", "message"} and e["message"] for e in errors)


def _bounds(model, field):
    kinds = {Ge: "ge", Le: "le", MaxLen: "max_length"}
    return {type(m): getattr(m, kinds[type(m)]) for m in model.model_fields[field].metadata if type(m) in kinds}


@pytest.mark.parametrize(("model", "field", "bounds"), [
    (RoutineFile, "rounds", {Ge: 1, Le: ROUTINE["rounds"]}),
    (RoutineFile, "work_seconds", {Ge: ROUTINE["work_seconds_min"], Le: ROUTINE["seconds"]}),
    (RoutineFile, "rest_seconds", {Ge: 0, Le: ROUTINE["seconds"]}),
    (RoutineFile, "round_rest_seconds", {Ge: 0, Le: ROUTINE["seconds"]}),
    (RoutineFile, "items", {MaxLen: ROUTINE["items"]}),
    (RoutineItem, "reps", {Ge: 1, Le: ROUTINE["reps"]}),
    (RoutineItem, "work_seconds", {Ge: 1, Le: ROUTINE["seconds"]}),
    (Prescription, "hold_seconds", {Ge: 1, Le: ROUTINE["seconds"]}),
])
def test_the_catalogue_schema_reads_the_same_table(model, field, bounds):
    assert _bounds(model, field) == bounds


def test_a_record_that_is_not_json_is_not_readable():
    assert validate_routine(object()) == [{"field": "record", "message": "This routine is not readable."}]
