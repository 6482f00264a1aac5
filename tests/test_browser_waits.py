"""Browser tests wait on what they mean to: Playwright's ``wait_for_function`` takes a returned promise
for a truthy answer at once, so an asynchronous condition must go through ``eventually`` instead."""

import re

from tests.conftest import ROOT

# A wait_for_function whose condition is asynchronous: it awaits, chains a promise or calls an async API.
ASYNC_CONDITION = re.compile(r"wait_for_function\([^\n]*(\.then\(|\basync\b|\bawait\b|caches\.|indexedDB)")


def test_no_wait_for_function_waits_on_a_promise():
    found = [f"{path.relative_to(ROOT)}:{number}" for folder in ("tests", "bench") for path in sorted((ROOT / folder).rglob("*.py"))
             if path.name != "test_browser_waits.py"
             for number, line in enumerate(path.read_text().splitlines(), 1) if ASYNC_CONDITION.search(line)]
    assert found == [], "these return a promise, which wait_for_function takes as true at once: use eventually()"
