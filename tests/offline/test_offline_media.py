"""Saving clips for offline, playing them with no connection, and the Storage screen."""

import re

import pytest
from playwright.sync_api import expect

from tests.clips.test_playback import PLAYING

pytestmark = pytest.mark.browser


def save_card_for_offline(page, base, slug):
    page.goto(f"{base}/exercises/{slug}")
    button = page.get_by_role("button", name="Save for offline")
    button.click()
    expect(page.get_by_role("button", name="Saved for offline")).to_be_disabled()


def test_a_saved_clip_plays_offline_and_answers_ranges(controlled_page, context, live_server):
    page = controlled_page
    save_card_for_offline(page, live_server.url, "glute-bridge")
    src = page.locator("video.clip-video").evaluate("v => new URL(v.src).pathname")
    size = page.evaluate(f"caches.open('steady-media-v1').then((c) => c.match('{src}')).then((r) => r.blob()).then((b) => b.size)")

    context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Glute bridge")
    assert page.locator("video.clip-video").evaluate(PLAYING)

    ranged = page.evaluate(f"""fetch('{src}', {{ headers: {{ Range: 'bytes=0-1' }} }}).then(async (r) => ({{
        status: r.status, range: r.headers.get('Content-Range'), length: (await r.arrayBuffer()).byteLength }}))""")
    assert ranged == {"status": 206, "range": f"bytes 0-1/{size}", "length": 2}
    tail = page.evaluate(f"""fetch('{src}', {{ headers: {{ Range: 'bytes=-10' }} }}).then(async (r) => [r.status, r.headers.get('Content-Range')])""")
    assert tail == [206, f"bytes {size - 10}-{size - 1}/{size}"]
    beyond = page.evaluate(f"""fetch('{src}', {{ headers: {{ Range: 'bytes={size + 5}-' }} }}).then((r) => [r.status, r.headers.get('Content-Range')])""")
    assert beyond == [416, f"bytes */{size}"]


def test_a_routine_saves_every_clip_it_uses(controlled_page, live_server):
    page = controlled_page
    page.goto(f"{live_server.url}/routines/core-and-balance-pair")
    page.get_by_role("button", name="Save for offline").click()
    expect(page.get_by_role("button", name="Saved for offline")).to_be_disabled()
    stored = page.evaluate("caches.open('steady-media-v1').then((c) => c.keys()).then((ks) => ks.map((k) => new URL(k.url).pathname))")
    assert sum(p.endswith(".mp4") for p in stored) == 2
    assert sum(p.endswith(".jpg") for p in stored) >= 2


def test_storage_screen_lists_and_removes_downloads(controlled_page, live_server, screenshot):
    page = controlled_page
    save_card_for_offline(page, live_server.url, "plank")
    page.goto(f"{live_server.url}/storage")
    expect(page.get_by_role("heading", level=1)).to_have_text("Saved for offline")
    expect(page.get_by_text(re.compile(r"Steady uses .* of about"))).to_be_visible()
    expect(page.get_by_role("link", name="Plank")).to_be_visible()
    screenshot("storage-light")
    page.get_by_role("button", name="Remove Plank").click()
    expect(page.get_by_text("Nothing saved yet")).to_be_visible()
    stored = page.evaluate("caches.open('steady-media-v1').then((c) => c.keys()).then((ks) => ks.map((k) => k.url))")
    assert not [url for url in stored if "/plank." in url and url.endswith(".mp4")]


def test_saving_offline_says_why_it_failed(controlled_page, context, live_server):
    page = controlled_page
    page.goto(f"{live_server.url}/exercises/lunge")
    context.set_offline(True)
    page.get_by_role("button", name="Save for offline").click()
    expect(page.locator(".save-status")).to_have_text("You are offline: connect to save clips.")
    expect(page.get_by_role("button", name="Save for offline")).to_be_enabled()


def test_a_connection_lost_while_saving_says_so_and_keeps_nothing_half_saved(browser, live_server):
    # No worker, so page.route() sees the clip's request; the browser still thinks it is online.
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    page = context.new_page()
    page.route(re.compile(r"/media/lunge\.[0-9a-f]+\.mp4$"), lambda route: route.abort("connectionreset"))
    page.goto(f"{live_server.url}/exercises/lunge")
    page.get_by_role("button", name="Save for offline").click()
    expect(page.locator(".save-status")).to_have_text("Saving failed: The connection was lost partway; try again once it is steadier.")
    expect(page.get_by_role("button", name="Save for offline")).to_be_enabled()
    stored = page.evaluate("caches.open('steady-media-v1').then((c) => c.keys()).then((ks) => ks.map((k) => k.url))")
    assert not [url for url in stored if "/lunge." in url]
    context.close()
