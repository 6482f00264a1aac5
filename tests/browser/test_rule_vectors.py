"""The page's pure rules, run in Chromium against the same vectors as the server's (tests/vectors/)."""

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import make_app
from tests.live_server import LiveServer

pytestmark = pytest.mark.browser

VECTORS = Path(__file__).resolve().parents[1] / "vectors"
SESSION_VECTORS = json.loads((VECTORS / "session_validation.json").read_text())
TIMELINE_VECTORS = json.loads((VECTORS / "timeline.json").read_text())


@pytest.fixture(scope="module")
def results(browser, template_db, tmp_path_factory):
    """Every vector evaluated by the page bundle in one page load: {'session': [...], 'timeline': [...]}."""
    database = tmp_path_factory.mktemp("vectors") / "steady.sqlite"
    shutil.copy(template_db, database)
    server = LiveServer(make_app(f"sqlite:///{database}"))
    server.start()
    page = browser.new_page()
    try:
        page.goto(server.url + "/")
        page.wait_for_function("globalThis.steady && steady.sessionRules && steady.timeline")
        session = page.evaluate(
            "(vectors) => vectors.map((v) => steady.sessionRules.validateSession(v.record, { today: v.today }))",
            SESSION_VECTORS)
        timeline = page.evaluate(
            "(vectors) => vectors.map((v) => steady.timeline.buildTimeline(v.routine, v.exercises, v.options))",
            TIMELINE_VECTORS)
        return {"session": session, "timeline": timeline}
    finally:
        page.close()
        server.stop()


@pytest.mark.parametrize("index", range(len(SESSION_VECTORS)), ids=[v["name"] for v in SESSION_VECTORS])
def test_session_rules_vector(results, index):
    errors = results["session"][index]
    assert [e["field"] for e in errors] == SESSION_VECTORS[index]["errors"]
    assert all(e["message"] for e in errors)


@pytest.mark.parametrize("index", range(len(TIMELINE_VECTORS)), ids=[v["name"] for v in TIMELINE_VECTORS])
def test_timeline_vector(results, index):
    assert results["timeline"][index] == TIMELINE_VECTORS[index]["steps"]
