"""Data that survives: persistent storage asked for on its own, and Safari's 7-day deletion said once."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_training_log import add_exercise
from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.offline.test_install_prompts import IPHONE_SAFARI

pytestmark = pytest.mark.browser
NOTICE = "Keep your training log"


def log_a_session(page, base):
    page.goto(base + "/log")
    add_exercise(page, "Plank")
    page.get_by_label("Minutes").fill("10")
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Log a session")


# Records calls to the real navigator.storage.persist() and passes them through.
PERSIST_SPY = """
window.__persistCalls = 0;
const persist = navigator.storage.persist.bind(navigator.storage);
navigator.storage.persist = () => { window.__persistCalls += 1; return persist(); };
"""


def test_the_first_logged_session_asks_to_keep_data_on_its_own(page, live_server):
    page.add_init_script(PERSIST_SPY)
    page.goto(live_server.url + "/storage")
    expect(page.get_by_text("Persistent storage: not granted.")).to_be_visible()
    log_a_session(page, live_server.url)
    page.wait_for_function("() => window.__persistCalls === 1", polling=100)
    page.goto(live_server.url + "/storage")
    expect(page.get_by_text("Persistent storage: not granted.")).to_be_visible()  # Playwright's context is incognito
    expect(page.get_by_role("button", name="Keep my data safe")).to_be_visible()


def test_the_storage_screen_says_when_persistence_is_granted(playwright, live_server, tmp_path):
    # A normal context is incognito, where persistence is always refused; a profile is what a runner has.
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        # Chromium grants persistence to a site it trusts (installed, bookmarked, engaged); the test grants it as such.
        context.new_cdp_session(page).send(
            "Browser.grantPermissions", {"origin": live_server.url, "permissions": ["durableStorage"]})
        page.goto(live_server.url + "/storage")
        expect(page.get_by_text("Persistent storage: granted.")).to_be_visible()
        expect(page.get_by_role("button", name="Keep my data safe")).to_have_count(0)
        expect(page.get_by_role("region", name=NOTICE)).to_have_count(0)  # Chromium does not clear unused sites
        page.screenshot(path="test-artifacts/storage-persistent-light.png", full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_safari_is_told_once_that_it_deletes_unused_sites(browser, live_server, scheme):
    context = browser.new_context(user_agent=IPHONE_SAFARI, viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("region", name="Install Steady").get_by_role("button", name="Got it").click()
    log_a_session(page, live_server.url)
    notice = page.get_by_role("region", name=NOTICE)
    expect(notice).to_contain_text("deletes a website’s data when you have not opened it for 7 days")
    expect(notice).to_contain_text("Add to Home Screen")
    expect(notice.get_by_role("link", name="Create an account")).to_have_attribute("href", "/register")
    page.screenshot(path=f"test-artifacts/keep-data-notice-{scheme}.png")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    notice.get_by_role("button", name="Got it").click()
    expect(notice).to_have_count(0)

    log_a_session(page, live_server.url)  # a second session: said once is enough
    page.goto(live_server.url + "/storage")
    expect(page.locator("main")).to_contain_text("deletes a website’s data when you have not opened it for 7 days")
    expect(page.get_by_role("region", name=NOTICE)).to_have_count(0)
    expect(page.get_by_role("region", name="Keeping your data")).not_to_contain_text("null")
    page.screenshot(path=f"test-artifacts/storage-safari-{scheme}.png", full_page=True)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    context.close()


def test_the_notice_takes_the_place_of_safaris_install_hint(browser, live_server):
    context = browser.new_context(user_agent=IPHONE_SAFARI, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/")
    expect(page.get_by_role("region", name="Install Steady")).to_be_visible()  # not dismissed
    log_a_session(page, live_server.url)
    notice = page.get_by_role("region", name=NOTICE)
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Add to Home Screen")  # the install steps are in it
    expect(page.get_by_role("region", name="Install Steady")).to_have_count(0)  # never two banners, one over the other
    context.close()
