"""What a runner sees of a clip in real Chromium at 390x844: the side being cued, a clip not saved
when offline, and clips in the dark."""

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from playwright.sync_api import expect

from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.training_steps import START, open_offline
from tests.offline.conftest import wait_until_controlled

pytestmark = pytest.mark.browser

PAIR = "core-and-balance-pair"  # wood chop first, 10 reps per side; its clip is rendered on the right side
UNSAVED = "Clip not saved — connect to download it"
SHOTS = "/tmp/shots/clips"
MIRRORED = "matrix(-1, 0, 0, 1, 0, 0)"


def keep(path, name):
    """A copy of a screenshot where the brief's reviewers look for them."""
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    shutil.copy(path, f"{SHOTS}/{name}.png")


def now_clip(page):
    return page.locator(".player-stage .player-clip")


def transform(locator):
    return locator.evaluate("(el) => getComputedStyle(el).transform")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_clip_works_on_the_side_being_cued(page, live_server, screenshot, scheme):
    page.emulate_media(color_scheme=scheme)
    page.clock.install(time=START)
    page.goto(f"{live_server.url}/routines/{PAIR}/play")
    page.get_by_role("button", name="Start").click()
    expect(page.locator(".player-stage")).to_have_attribute("data-kind", "ready")
    page.clock.run_for(10_000)
    stage = page.locator(".player-stage")
    expect(stage.locator(".player-side")).to_have_text("Left side")
    # Rendered on the right side, so on the left step the figure is mirrored to work on the left...
    expect(now_clip(page)).to_have_class("player-clip is-mirrored")
    assert transform(now_clip(page).locator("video")) == MIRRORED
    # ...and "Next up" (the right side) shows it as rendered.
    assert transform(page.locator(".next-card .player-clip img")) == "none"
    keep(screenshot(f"clip-left-step-{scheme}"), f"player-left-step-{scheme}")
    stage.get_by_role("button", name="Done").click()
    expect(stage).to_have_attribute("data-kind", "switch")
    page.clock.run_for(5_000)
    expect(stage.locator(".player-side")).to_have_text("Right side")
    expect(now_clip(page)).to_have_class("player-clip")
    assert transform(now_clip(page).locator("video")) == "none"
    keep(screenshot(f"clip-right-step-{scheme}"), f"player-right-step-{scheme}")


def test_the_card_says_which_side_its_clip_shows(page, live_server):
    page.goto(f"{live_server.url}/exercises/medicine-ball-wood-chop")
    expect(page.locator("figure.clip figcaption")).to_have_text("Shown on the right side; mirror it for the other side.")
    assert transform(page.locator("video.clip-video")) == "none"  # the card shows the clip as rendered


def _offline_card(page, context, live_server, slug):
    page.goto(live_server.url + "/")
    page.get_by_role("heading", level=1).wait_for()
    wait_until_controlled(page)
    context.set_offline(True)
    page.goto(f"{live_server.url}/exercises/{slug}")
    page.locator("main h1").wait_for()


def test_a_clip_not_saved_shows_its_poster_offline_on_the_card(page, context, live_server, screenshot):
    _offline_card(page, context, live_server, "single-leg-balance")
    frame = page.locator("figure.clip .clip-frame")
    expect(frame.locator(".clip-unsaved")).to_have_text(UNSAVED)
    expect(frame.locator("video")).to_have_count(0)  # no dead player
    still = frame.locator("img.clip-still")
    expect(still).to_be_visible()
    still.evaluate("(img) => img.decode()")
    assert still.evaluate("(img) => img.naturalWidth") == 480  # the poster, from the worker's cache
    expect(page.locator("figure.clip figcaption")).to_contain_text("left side")
    axe_in_both_schemes(page, screenshot, "clip-unsaved-card")
    keep(screenshot("clip-unsaved-card"), "card-unsaved-offline-light")


def test_a_saved_clip_still_plays_offline(page, context, live_server):
    page.goto(f"{live_server.url}/exercises/glute-bridge")
    wait_until_controlled(page)
    page.get_by_role("button", name="Save for offline").click()
    expect(page.get_by_role("button", name="Saved for offline")).to_be_visible()
    context.set_offline(True)
    page.reload()
    page.locator("main h1").wait_for()
    video = page.locator("video.clip-video")
    assert video.evaluate("(v) => new Promise((ok) => v.readyState >= 2 ? ok(true) : v.addEventListener('loadeddata', () => ok(true)))")
    expect(page.locator(".clip-unsaved")).to_have_count(0)


def test_a_clip_not_saved_shows_its_poster_offline_in_the_player(page, context, live_server, screenshot):
    # The player saves a routine's clips as it starts; offline from the first visit on it cannot.
    open_offline(page, context, live_server, f"/routines/{PAIR}/play", clock=True)
    page.get_by_role("button", name="Start").click()
    expect(page.locator(".player-stage")).to_have_attribute("data-kind", "ready")
    page.clock.run_for(10_000)
    clip = now_clip(page)
    expect(clip.locator(".clip-unsaved")).to_have_text(UNSAVED)
    expect(clip.locator("video")).to_have_count(0)
    expect(clip.locator("img.clip-still")).to_be_visible()
    assert transform(clip.locator("img.clip-still")) == MIRRORED  # the poster, too, shows the side cued
    axe_in_both_schemes(page, screenshot, "clip-unsaved-player", clock=True)
    keep(screenshot("clip-unsaved-player"), "player-unsaved-offline-light")


def _brightness(png: bytes) -> tuple[float, float]:
    """Mean luminance (0-255) of the clip's ground (its top fifth, above the figure's head) and of the whole frame."""
    with Image.open(io.BytesIO(png)) as image:
        grey = image.convert("L")
        ground = grey.crop((0, 0, grey.width, grey.height // 5))
        return ImageStat.Stat(ground).mean[0], ImageStat.Stat(grey).mean[0]


@pytest.mark.parametrize("scheme, dim", [("light", False), ("dark", True)])
def test_clips_do_not_glare_in_the_dark(page, live_server, screenshot, scheme, dim):
    page.emulate_media(color_scheme=scheme, reduced_motion="reduce")  # the poster, still, behind its play button
    page.goto(f"{live_server.url}/exercises/single-leg-balance")
    video = page.locator("video.clip-video")
    expect(video).to_be_visible()
    video.evaluate("(v) => new Promise((ok) => { const img = new Image(); img.onload = ok; img.src = v.poster; })")
    page.locator(".clip-play").evaluate("(b) => { b.style.visibility = 'hidden'; }")  # measure the frame alone
    ground, whole = _brightness(page.locator(".clip-frame").screenshot())
    page.locator(".clip-play").evaluate("(b) => { b.style.visibility = ''; }")
    keep(screenshot(f"clip-card-{scheme}"), f"card-clip-{scheme}")
    if dim:
        assert "invert" in video.evaluate("(v) => getComputedStyle(v).filter")
        assert ground < 60 and whole < 100, (ground, whole)  # a dark ground, not a pale rectangle in a dark page
    else:
        assert video.evaluate("(v) => getComputedStyle(v).filter") == "none"
        assert ground > 200 and whole > 150, (ground, whole)
