"""The settings rule beyond its shared vectors: values JSON cannot carry to JavaScript."""

import pytest

from server.training import validate_settings
from tests.rule_vectors import VECTORS_DIR, read_vectors

DEFAULTS = read_vectors(VECTORS_DIR / "settings.json")["cases"][0]["args"][0]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("switch_seconds", float("nan"), "Enter a whole number from 0 to 30."),
    ("get_ready_seconds", 10**400, "Enter a whole number from 0 to 60."),
    ("weekly_target", float("inf"), "Aim for 1 to 7 sessions a week."),
    ("pauses", ({"start": "2026-11-02", "end": "2026-11-03", "kind": "rest"},), "The list of pauses is not readable."),
    ("units", {"kg"}, "Choose kilograms or pounds."),
])
def test_values_json_cannot_carry_get_a_message(field, value, message):
    assert validate_settings(DEFAULTS | {field: value}) == [{"field": field, "message": message}]


def test_a_huge_list_of_pauses_is_refused_without_reading_it():
    assert validate_settings(DEFAULTS | {"pauses": [object()] * 1_000_000}) == [
        {"field": "pauses", "message": "Keep at most 50 pauses."}]


def test_keys_that_are_not_text_never_raise():
    assert validate_settings(DEFAULTS | {1: True, None: "x"}) == [
        {"field": "1", "message": "Steady has no such setting."}, {"field": "None", "message": "Steady has no such setting."}]
    assert validate_settings(DEFAULTS | {"pauses": [{"start": "2026-11-02", "end": "2026-11-03", "kind": "rest", 2: 1}]}) == [
        {"field": "pauses.0.2", "message": "A pause holds only a start, an end and a kind."}]
