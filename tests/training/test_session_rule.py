"""The session rule beyond its shared vectors (tests/test_rule_vectors.py runs those)."""

from server.training import validate_session
from tests.rule_vectors import VECTORS_DIR, read_vectors

CASES = read_vectors(VECTORS_DIR / "session.json")["cases"]


def test_the_vectors_cover_every_impossible_value_the_issue_names():
    names = " ".join(c["name"] for c in CASES)
    for case in ["negative reps", "a hold over an hour", "a load over 200 kg", "a date in the future", "effort 0", "effort 11"]:
        assert case in names


def test_an_int_too_large_for_a_double_is_not_a_number():
    # Python-only: JSON cannot carry such an int to JavaScript, which would read it as Infinity.
    record, today = CASES[0]["args"]
    assert validate_session(record | {"effort": 10**400}, today) == [{"field": "effort", "message": "Effort must be a number from 1 to 10."}]
