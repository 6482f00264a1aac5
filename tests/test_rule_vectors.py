"""Every rule's vectors (tests/vectors/<rule>.json) against its Python implementation, when it has one."""

import copy

import pytest

from tests.rule_vectors import (
    case_id, cases_in, format_problems, mismatch, python_implementation, read_vectors, vector_files,
)

PYTHON_CASES = cases_in("python")


def run_python(vectors: dict, case: dict):
    """The Python implementation's result for one case."""
    return python_implementation(vectors["implementations"]["python"])(*case["args"])


@pytest.mark.parametrize("path", vector_files(), ids=lambda p: p.name)
def test_vector_file_follows_the_one_format(path):
    assert format_problems(read_vectors(path), path.stem) == []


@pytest.mark.parametrize("item", PYTHON_CASES, ids=case_id)
def test_python_rule_vector(item):
    rule, _, case = item
    vectors = read_vectors(next(p for p in vector_files() if p.stem == rule))
    problem = mismatch(case, run_python(vectors, case))
    assert problem is None, problem


def test_a_changed_message_in_a_vector_fails_the_comparison():
    vectors = read_vectors(next(p for p in vector_files() if p.stem == "session"))
    case = next(c for c in vectors["cases"] if c["expected"])
    altered = copy.deepcopy(case)
    altered["expected"][0]["message"] += " Changed."
    assert mismatch(case, run_python(vectors, case)) is None
    assert "expected" in mismatch(altered, run_python(vectors, altered))


def test_a_result_that_is_not_plain_json_fails_the_comparison():
    case = {"name": "n", "args": [], "expected": None}
    assert mismatch(case, float("nan")).startswith("n: the result is not plain JSON")


@pytest.mark.parametrize(("name", "message"), [
    ("server.training.rules.session:no_such_rule", "server.training.rules.session has no function 'no_such_rule'"),
    ("server.training.rules.no_such_module:validate", "no module 'server.training.rules.no_such_module'"),
])
def test_a_python_implementation_that_does_not_exist_fails(name, message):
    with pytest.raises(LookupError, match=message):
        python_implementation(name)


@pytest.mark.parametrize(("vectors", "problem"), [
    ([], "a vector file holds exactly ['cases', 'implementations', 'rule']"),
    ({"rule": "other", "implementations": {"python": "m:f"}, "cases": [{"name": "a", "args": [], "expected": []}]},
     "rule 'other' is not named after its file 'session'"),
    ({"rule": "session", "implementations": {"ruby": "x"}, "cases": [{"name": "a", "args": [], "expected": []}]},
     "implementations names one or more of ['javascript', 'python']"),
    ({"rule": "session", "implementations": {"python": "m:f"}, "cases": []}, "cases is a non-empty list"),
    ({"rule": "session", "implementations": {"python": "m:f"}, "cases": [{"name": "a", "args": []}]},
     "case 0 holds exactly ['args', 'expected', 'name']"),
    ({"rule": "session", "implementations": {"python": "m:f"}, "cases": [{"name": "a", "args": {}, "expected": []}]},
     "case 'a': args is the list of positional arguments"),
    ({"rule": "session", "implementations": {"python": "m:f"},
      "cases": [{"name": "a", "args": [], "expected": []}, {"name": "a", "args": [], "expected": []}]},
     "case name 'a' is used twice"),
])
def test_a_vector_file_in_another_format_is_refused(vectors, problem):
    assert format_problems(vectors, "session") == [problem]
