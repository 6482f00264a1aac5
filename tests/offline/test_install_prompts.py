"""The in-app Install button, and the one-time iOS Safari instructions."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

IPHONE_SAFARI = ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
                 "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1")


def test_install_button_shows_the_browser_prompt(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("heading", level=1).wait_for()
    # The same event Chromium fires when the app is installable, with a recorded prompt().
    page.evaluate("""() => {
        const event = new Event('beforeinstallprompt', { cancelable: true });
        event.prompt = () => { window.__prompted = true; };
        event.userChoice = Promise.resolve({ outcome: 'accepted' });
        window.dispatchEvent(event);
    }""")
    button = page.get_by_role("button", name="Install")
    expect(button).to_be_visible()
    button.click()
    assert page.evaluate("window.__prompted") is True
    expect(button).to_be_hidden()


def test_ios_safari_gets_instructions_once(browser, live_server):
    context = browser.new_context(user_agent=IPHONE_SAFARI, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/")
    hint = page.get_by_role("region", name="Install Steady")
    expect(hint).to_contain_text("Add to Home Screen")
    hint.get_by_role("button", name="Got it").click()
    expect(hint).to_be_hidden()
    page.reload()
    page.get_by_role("heading", level=1).wait_for()
    expect(page.get_by_role("region", name="Install Steady")).to_have_count(0)
    context.close()
