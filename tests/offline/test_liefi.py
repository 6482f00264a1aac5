"""Lie-fi: the network answers, but slowly. Navigations never wait for it."""

import os
import time

import pytest
from playwright.sync_api import expect

from tests.liefi_proxy import LiefiProxy
from tests.offline.conftest import wait_until_controlled
from tests.offline.test_install_and_update import editable_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser
# Longer than the 3 s the worker used to wait for the network before falling back to the shell.
CRAWL_SECONDS = 8
RESPONSE_START = "performance.getEntriesByType('navigation')[0].responseStart"


@pytest.fixture
def liefi(live_server):
    """A proxy in front of the live server; fast until a test sets its delay."""
    proxy = LiefiProxy(live_server.port).start()
    yield proxy
    proxy.stop()


def first_visit(page, base):
    page.goto(base + "/")
    page.get_by_role("heading", level=1).wait_for()
    wait_until_controlled(page)


@pytest.mark.parametrize(("path", "heading"), [
    ("/exercises/side-plank", "Side plank"),
    ("/exercises/no-such-exercise", "Page not found"),  # a slug the local catalogue does not have
])
def test_a_page_opens_from_the_cached_shell_without_waiting_for_a_slow_network(page, liefi, path, heading):
    first_visit(page, liefi.url)
    liefi.delay = CRAWL_SECONDS
    page.goto(liefi.url + path, wait_until="commit")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    # The worker answered the navigation itself: the page's response started long before the network's could.
    assert page.evaluate(RESPONSE_START) < 3000


def test_a_deploy_still_arrives_through_the_update_prompt(page, editable_server):  # noqa: F811
    server, frontend, deploy = editable_server
    proxy = LiefiProxy(server.port).start()
    try:
        first_visit(page, proxy.url)
        css = frontend / "css" / "base.css"
        css.write_text(css.read_text() + "\n/* a deploy */ .deploy-marker { color: inherit; }\n")
        later = time.time() + 5  # webassets compares whole-second mtimes
        os.utime(css, (later, later))
        deploy()  # a restart on the same port, behind the same proxy
        proxy.delay = 1
        # A plain navigation: the shell comes from the cache, the new worker from the slow network behind it.
        page.goto(proxy.url + "/routines", wait_until="commit")
        expect(page.get_by_role("heading", level=1)).to_have_text("Routines")
        banner = page.get_by_role("region", name="Update")
        expect(banner).to_contain_text("A new version is ready", timeout=15_000)
        with page.expect_event("load"):
            banner.get_by_role("button", name="Reload").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Routines")
    finally:
        proxy.stop()
