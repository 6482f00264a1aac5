"""The Content-Security-Policy (no inline script, no inline style, no eval) breaks no screen in Chromium."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SCREENS = ["/", "/exercises", "/exercises/side-plank", "/routines", "/routines/back-and-core-circuit",
           "/routines/back-and-core-circuit/play", "/routines/new", "/log", "/history", "/progress",
           "/settings", "/storage"]


def test_no_screen_breaks_the_content_security_policy(page, live_server):
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.add_init_script("document.addEventListener('securitypolicyviolation', (e) => "
                         "console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`))")
    for path in SCREENS:
        page.goto(live_server.url + path)
        expect(page.locator("main h1")).to_be_visible()
    assert violations == []
