"""Fixtures for offline tests: a page already controlled by the service worker."""

import pytest

# A function, not an expression: a bare expression is eval()ed in the page, which the CSP forbids.
CONTROLLED = "() => navigator.serviceWorker.controller !== null"
ROUTED = "() => performance.getEntriesByName('steady:first-render').length > 0"


def wait_until_controlled(page) -> None:
    """Block until the worker controls the page (never await navigator.serviceWorker.ready bare)."""
    page.wait_for_function(CONTROLLED, timeout=15_000)


def wait_until_routed(page) -> None:
    """Block until the router has drawn its first screen: before that the shell's links are plain links,
    and following one loads a whole page (where focus starts at the top, not on the heading)."""
    page.wait_for_function(ROUTED)


@pytest.fixture
def controlled_page(page, live_server):
    """A page that has made its first visit online and is controlled by the worker."""
    page.goto(live_server.url + "/")
    page.get_by_role("heading", level=1).wait_for()
    wait_until_controlled(page)
    return page
