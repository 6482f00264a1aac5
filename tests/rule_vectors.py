"""The one format of ``tests/vectors/<rule>.json``, and the comparison both vector runners use.

A file names the rule, its implementations ("python": "module:function", "javascript":
"steady.rules.x.y") and its cases; each case gives the positional arguments (plain JSON) and
the whole expected result, compared with ``==`` after a JSON round trip.
"""

import importlib
import json
from pathlib import Path

VECTORS_DIR = Path(__file__).resolve().parent / "vectors"
FILE_KEYS = {"rule", "implementations", "cases"}
CASE_KEYS = {"name", "args", "expected"}
LANGUAGES = {"python", "javascript"}


def vector_files() -> list[Path]:
    """Every vector file, in name order."""
    return sorted(VECTORS_DIR.glob("*.json"))


def read_vectors(path: Path) -> dict:
    """One vector file, parsed."""
    return json.loads(path.read_text(encoding="utf-8"))


def format_problems(vectors: object, stem: str) -> list[str]:
    """What keeps a parsed vector file from following the one format; [] when it does."""
    if not isinstance(vectors, dict) or set(vectors) != FILE_KEYS:
        return [f"a vector file holds exactly {sorted(FILE_KEYS)}"]
    problems = []
    if vectors["rule"] != stem:
        problems.append(f"rule {vectors['rule']!r} is not named after its file {stem!r}")
    implementations = vectors["implementations"]
    if not isinstance(implementations, dict) or not implementations or not set(implementations) <= LANGUAGES:
        problems.append(f"implementations names one or more of {sorted(LANGUAGES)}")
    cases = vectors["cases"]
    if not isinstance(cases, list) or not cases:
        return [*problems, "cases is a non-empty list"]
    for i, case in enumerate(cases):
        if not isinstance(case, dict) or set(case) != CASE_KEYS:
            problems.append(f"case {i} holds exactly {sorted(CASE_KEYS)}")
        elif not isinstance(case["args"], list):
            problems.append(f"case {case['name']!r}: args is the list of positional arguments")
    names = [c.get("name") for c in cases if isinstance(c, dict)]
    problems.extend(f"case name {n!r} is used twice" for n in sorted({n for n in names if names.count(n) > 1}))
    return problems


def cases_in(language: str) -> list[tuple[str, int, dict]]:
    """(rule, index, case) for every case of every file that names an implementation in ``language``."""
    found = []
    for path in vector_files():
        vectors = read_vectors(path)
        if language in vectors.get("implementations", {}):
            found.extend((vectors["rule"], i, case) for i, case in enumerate(vectors["cases"]))
    return found


def case_id(item: tuple[str, int, dict]) -> str:
    """A readable test id: 'rule: case name'."""
    return f"{item[0]}: {item[2]['name']}"


def python_implementation(name: str):
    """The function a 'package.module:function' name points at; LookupError when there is none."""
    module_name, _, function_name = name.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise LookupError(f"{name}: no module {module_name!r} ({error})") from error
    function = getattr(module, function_name, None)
    if not callable(function):
        raise LookupError(f"{name}: {module_name} has no function {function_name!r}")
    return function


def mismatch(case: dict, result: object) -> str | None:
    """None when a result, as JSON carries it, equals the case's expected value; else what differs."""
    try:
        carried = json.loads(json.dumps(result, allow_nan=False))
    except (TypeError, ValueError) as error:
        return f"{case['name']}: the result is not plain JSON ({error})"
    if carried == case["expected"]:
        return None
    return f"{case['name']}:\n  expected {json.dumps(case['expected'])}\n  got      {json.dumps(carried)}"
