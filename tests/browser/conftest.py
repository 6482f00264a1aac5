"""Fixtures of the browser tests that sync: one runner's account, and phone and laptop logged in to it."""

import pytest

from tests.browser.sync_steps import log_in, open_device, wait_saved
from tests.conftest import register_account


@pytest.fixture
def account(live_server):
    """A runner with an account on the live server."""
    return register_account(live_server.app, "phone.and.laptop@example.com")


def two_devices(browser, live_server, account, workers: str):
    """Two logged-in devices of one runner: [phone, laptop], each a context of its own."""
    pages = []
    for _ in range(2):
        context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers=workers)
        page = open_device(context, live_server, controlled=workers == "allow")
        log_in(page, live_server, account)
        wait_saved(page)
        pages.append(page)
    return pages


@pytest.fixture
def devices(browser, live_server, account):
    """Phone and laptop, each controlled by Steady's worker."""
    pages = two_devices(browser, live_server, account, "allow")
    yield pages
    for page in pages:
        page.context.close()


@pytest.fixture
def routed_devices(browser, live_server, account):
    """Phone and laptop without service workers: page.route() cannot see requests that pass through one."""
    pages = two_devices(browser, live_server, account, "block")
    yield pages
    for page in pages:
        page.context.close()
