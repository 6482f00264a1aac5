"""Clips on a full device (real quota limits: Chromium's per-origin quota set over CDP, never a mock),
and clips that must follow a catalogue update."""

import shutil

import pytest
from playwright.sync_api import expect

from server.catalog.service import load_catalog
from tests.browser.test_training_a11y import check
from tests.clips.test_coach_clips import content  # noqa: F401  (fixture: a private copy of the content)
from tests.conftest import MEDIA_DIR
from tests.offline.catalogue_steps import eventually
from tests.offline.test_offline_media import save_card_for_offline

pytestmark = pytest.mark.browser

USAGE = "navigator.storage.estimate().then((e) => e.usage)"
MEDIA_KEYS = "caches.open('steady-media-v1').then((c) => c.keys()).then((ks) => ks.map((k) => new URL(k.url).pathname).sort())"
OUT_OF_SPACE = ("There is not enough space on this device to save these clips, so nothing was kept. "
                "Remove other saved clips on the Storage screen, or free some space on the device, and try again.")


def limit_quota(page, live_server, spare_bytes: int) -> None:
    """Give the origin only `spare_bytes` more than it uses now."""
    usage = page.evaluate(USAGE)
    session = page.context.new_cdp_session(page)
    session.send("Storage.overrideQuotaForOrigin", {"origin": live_server.url, "quotaSize": usage + spare_bytes})


def test_the_network_answer_reaches_the_page_when_the_cache_is_full(controlled_page, live_server):
    page = controlled_page
    page.evaluate("caches.open('steady-data-v1').then((c) => c.delete('/api/catalog'))")
    limit_quota(page, live_server, 0)
    answer = page.evaluate("fetch('/api/catalog').then(async (r) => [r.status, (await r.json()).exercises.length])")
    assert answer[0] == 200
    assert answer[1] > 0
    # The card that needs the catalogue still opens.
    page.goto(live_server.url + "/exercises/plank")
    expect(page.get_by_role("heading", level=1)).to_have_text("Plank")


def test_saving_every_clip_without_room_keeps_nothing_and_says_so(controlled_page, live_server, screenshot):
    page = controlled_page
    page.goto(live_server.url + "/storage")
    expect(page.get_by_role("heading", level=1)).to_have_text("Saved for offline")
    before = page.evaluate(MEDIA_KEYS)
    limit_quota(page, live_server, 60_000)  # room for a few clips, not all of them
    page.get_by_role("button", name="Save for offline").click()
    expect(page.locator(".save-all .save-status")).to_have_text(OUT_OF_SPACE)
    expect(page.get_by_role("button", name="Save for offline")).to_be_enabled()
    assert page.evaluate(MEDIA_KEYS) == before
    assert page.evaluate("steady.downloads.listDownloads()") == []
    expect(page.get_by_text("Nothing saved yet")).to_be_visible()
    check(page, screenshot, "storage-out-of-space")


def saved_urls(page, key):
    return page.evaluate(f"steady.downloads.listDownloads().then((all) => (all.find((d) => d.key === '{key}') || {{}}).urls || null)")


def test_after_a_catalogue_update_saved_clips_follow_it(controlled_page, live_server, app, content):  # noqa: F811
    page = controlled_page
    save_card_for_offline(page, live_server.url, "plank")
    save_card_for_offline(page, live_server.url, "step-up")
    old_plank = saved_urls(page, "exercise:plank")
    step_up = saved_urls(page, "exercise:step-up")

    # The coach films the plank, and the step-up's files leave the content: it is retired, not deleted.
    shutil.copy(next(MEDIA_DIR.glob("glute-bridge.*.mp4")), content / "clips" / "plank.mp4")
    (content / "exercises" / "step-up.toml").unlink()
    (content / "poses" / "step-up.toml").unlink()
    (content / "ladders" / "step-up.toml").unlink()
    with app.app_context():
        load_catalog(content, MEDIA_DIR)

    page.reload()
    expect(page.locator("#announcer")).to_have_text("The exercise catalogue was updated.", timeout=15_000)
    # The page saves the new clip behind the announcement; wait for that, not for a fixed time.
    eventually(page, """() => steady.downloads.listDownloads()
        .then((all) => all.some((d) => d.key === 'exercise:plank' && d.urls.some((url) => url.includes('coach-'))))""")
    page.goto(live_server.url + "/exercises/plank")
    expect(page.get_by_role("button", name="Saved for offline")).to_be_disabled()
    new_plank = saved_urls(page, "exercise:plank")
    src = page.locator("video.clip-video").evaluate("v => new URL(v.src).pathname")
    assert src in new_plank and src not in old_plank
    stored = page.evaluate(MEDIA_KEYS)
    assert src in stored
    assert not set(old_plank) - set(new_plank) & set(stored), "the replaced clip is removed"
    # A retired card still opens from the history, so what was saved of it stays saved.
    assert saved_urls(page, "exercise:step-up") == step_up
    assert set(step_up) <= set(stored)
