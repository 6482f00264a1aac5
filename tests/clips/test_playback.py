"""The clip on a card plays in real Chromium; with reduced motion it waits behind its poster."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PLAYING = """(video) => new Promise((resolve) => {
    const start = video.currentTime;
    const check = () => (video.readyState >= 2 && video.currentTime > start + 0.2) ? resolve(true) : setTimeout(check, 50);
    check();
})"""


def test_clip_loops_muted_on_the_card(page, live_server):
    page.goto(f"{live_server.url}/exercises/glute-bridge")
    video = page.locator("video.clip-video")
    assert video.evaluate("v => v.muted && v.loop && v.playsInline && v.controls")
    assert video.evaluate("v => v.poster.endsWith('.jpg')")
    assert video.evaluate(PLAYING)
    assert video.evaluate("v => v.readyState") >= 2


def test_one_sided_clip_says_which_side(page, live_server):
    page.goto(f"{live_server.url}/exercises/single-leg-balance")
    expect(page.locator("figure.clip figcaption")).to_contain_text("side")


def test_reduced_motion_shows_the_poster_and_a_play_button(page, live_server):
    page.emulate_media(reduced_motion="reduce")
    page.add_init_script("window.__plays = 0; document.addEventListener('play', () => { window.__plays += 1; }, true);")
    page.goto(f"{live_server.url}/exercises/glute-bridge")
    video = page.locator("video.clip-video")
    play = page.get_by_role("button", name="Play the Glute bridge demonstration")
    expect(play).to_be_visible()
    # Nothing can start it but the button: no autoplay, nothing preloaded, and no play so far.
    assert video.evaluate("v => !v.autoplay && v.preload === 'none' && v.paused && v.currentTime === 0")
    assert page.evaluate("window.__plays") == 0
    play.click()
    assert video.evaluate(PLAYING)
