"""Every rule's vectors (tests/vectors/<rule>.json) against its JavaScript implementation, in Chromium."""

import copy
import json
import shutil

import pytest

from tests.conftest import make_app
from tests.live_server import LiveServer
from server.training.rules.limits import LIMITS_FILE
from tests.rule_vectors import case_id, cases_in, mismatch, read_vectors, vector_files

pytestmark = pytest.mark.browser

JAVASCRIPT_CASES = cases_in("javascript")

# Runs each file's cases in the page; a result crosses back as JSON, so both runners compare alike.
RUN_IN_PAGE = """(files) => files.map((file) => {
  const name = file.implementations.javascript;
  const run = name.split('.').reduce((at, key) => (at === null || at === undefined ? undefined : at[key]), globalThis);
  if (typeof run !== 'function') return { missing: `${name} is not a function in the page or screen bundles` };
  return { results: file.cases.map((c) => {
    try {
      const value = run(...c.args);
      return value === undefined ? { error: 'returned undefined' } : { value: JSON.parse(JSON.stringify(value)) };
    } catch (error) {
      return { error: `threw ${error}` };
    }
  }) };
})"""


def javascript_files() -> list[dict]:
    """Every vector file that names a JavaScript implementation."""
    files = (read_vectors(path) for path in vector_files())
    return [v for v in files if "javascript" in v["implementations"]]


def problem(outcome: dict, index: int, case: dict) -> str | None:
    """What is wrong with the page's answer to one case of a file; None when it matches."""
    if "missing" in outcome:
        return outcome["missing"]
    answer = outcome["results"][index]
    return f"{case['name']}: {answer['error']}" if "error" in answer else mismatch(case, answer["value"])


@pytest.fixture(scope="module")
def page_bundle(browser, template_db, tmp_path_factory):
    """A page with the page bundle loaded, once for the whole module."""
    database = tmp_path_factory.mktemp("vectors") / "steady.sqlite"
    shutil.copy(template_db, database)
    server = LiveServer(make_app(f"sqlite:///{database}"))
    server.start()
    page = browser.new_page()
    page.goto(server.url + "/")  # waits for the load event, after every deferred script has run
    # Rules only one screen uses travel in its screen bundle: load them all.
    page.evaluate("() => Promise.all(Object.keys(steady.screenBundles.screenBundleUrls()).map(steady.screenBundles.loadScreenBundle))")
    yield page
    page.close()
    server.stop()


@pytest.fixture(scope="module")
def outcomes(page_bundle):
    """{rule: the page's answers to all its cases}, evaluated in one call."""
    files = javascript_files()
    return dict(zip((v["rule"] for v in files), page_bundle.evaluate(RUN_IN_PAGE, files), strict=True))


@pytest.mark.parametrize("item", JAVASCRIPT_CASES, ids=case_id)
def test_javascript_rule_vector(outcomes, item):
    rule, index, case = item
    found = problem(outcomes[rule], index, case)
    assert found is None, found


def test_a_changed_message_in_a_vector_fails_the_comparison(page_bundle):
    vectors = next(v for v in javascript_files() if v["rule"] == "session")
    case = next(c for c in vectors["cases"] if c["expected"])
    altered = copy.deepcopy(case)
    altered["expected"][0]["message"] += " Changed."
    [outcome] = page_bundle.evaluate(RUN_IN_PAGE, [vectors | {"cases": [case, altered]}])
    assert problem(outcome, 0, case) is None
    assert "expected" in problem(outcome, 1, altered)


def test_a_javascript_implementation_that_does_not_exist_fails(page_bundle):
    case = {"name": "any", "args": [], "expected": []}
    vectors = {"rule": "session", "implementations": {"javascript": "steady.rules.noSuchRule.check"}, "cases": [case]}
    [outcome] = page_bundle.evaluate(RUN_IN_PAGE, [vectors])
    assert problem(outcome, 0, case) == "steady.rules.noSuchRule.check is not a function in the page or screen bundles"


def test_an_implementation_that_throws_fails(page_bundle):
    case = {"name": "unreadable", "args": [], "expected": []}
    vectors = {"rule": "timeline", "implementations": {"javascript": "steady.rules.timeline.buildTimeline"}, "cases": [case]}
    [outcome] = page_bundle.evaluate(RUN_IN_PAGE, [vectors])
    assert problem(outcome, 0, case).startswith("unreadable: threw TypeError")


def test_the_page_bundle_carries_the_one_table_of_limits(page_bundle):
    assert page_bundle.evaluate("steady.rules.limits") == json.loads(LIMITS_FILE.read_text())
