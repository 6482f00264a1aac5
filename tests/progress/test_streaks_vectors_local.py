"""TEMPORARY: the streak vectors against both implementations, until the shared vector runner lands."""

import json
import shutil
from pathlib import Path

import pytest

from server.progress.rules.streaks import streaks
from tests.conftest import make_app
from tests.live_server import LiveServer

CASES = json.loads((Path(__file__).resolve().parents[1] / "vectors" / "streaks.json").read_text())["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_python(case):
    assert streaks(*case["args"]) == case["expected"]


@pytest.fixture(scope="module")
def js_results(browser, template_db, tmp_path_factory):
    database = tmp_path_factory.mktemp("streaks") / "steady.sqlite"
    shutil.copy(template_db, database)
    server = LiveServer(make_app(f"sqlite:///{database}"))
    server.start()
    page = browser.new_page()
    try:
        page.goto(server.url + "/")
        page.wait_for_function("globalThis.steady && steady.rules && steady.rules.streaks")
        return page.evaluate("(cases) => cases.map((c) => steady.rules.streaks.streaks(...c.args))", CASES)
    finally:
        page.close()
        server.stop()


@pytest.mark.browser
@pytest.mark.parametrize("index", range(len(CASES)), ids=[c["name"] for c in CASES])
def test_javascript(js_results, index):
    assert js_results[index] == CASES[index]["expected"]
