"""The server's session rules against the vectors the browser's rules also pass."""

import json
from datetime import date
from pathlib import Path

import pytest

from server.training import validate_session

VECTORS = json.loads((Path(__file__).resolve().parents[1] / "vectors" / "session_validation.json").read_text())


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_vector(vector):
    errors = validate_session(vector["record"], date.fromisoformat(vector["today"]))
    assert [e["field"] for e in errors] == vector["errors"]
    assert all(e["message"] for e in errors), "every problem says what is wrong"


def test_the_vectors_cover_every_impossible_value_the_issue_names():
    names = " ".join(v["name"] for v in VECTORS)
    for case in ["negative reps", "a hold over an hour", "a load over 200 kg", "a date in the future", "effort 0", "effort 11"]:
        assert case in names


def test_an_int_too_large_for_a_double_is_not_a_number():
    record = VECTORS[0]["record"] | {"effort": 10**400}
    assert [e["field"] for e in validate_session(record, date(2026, 11, 21))] == ["effort"]
