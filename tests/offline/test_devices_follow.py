"""Devices follow the catalogue: a change published while a device is offline shows when it is back,
the clips of a routine it saved are saved again, and the old clip plays until the new one is kept."""

import pytest
from playwright.sync_api import expect

from tests.coach.conftest import new_exercise
from tests.liefi_proxy import LiefiProxy
from tests.offline.catalogue_steps import MEDIA_KEYS, PLAYING, download, eventually, stored_exercise
from tests.offline.catalogue_steps import own_server  # noqa: F401  (fixture)
from tests.offline.conftest import wait_until_controlled

pytestmark = pytest.mark.browser

OLD_TIP = "Breathe throughout"
NEW_TIP = "Breathe out as you brace, in as you settle"
UPDATED = "The exercise catalogue was updated."
SAVED_ROUTINE = "routine:core-staples"  # its first exercise is the plank


def publish_plank_change(studio) -> dict:
    """A coach rewrites the plank's top tip and films it again; returns the new clip."""
    card = studio.client.get("/api/catalog/exercises/plank").get_json()
    studio.publish_exercise("plank", top_tip=card["top_tip"].replace(OLD_TIP, NEW_TIP))
    return studio.film("plank")


def save_routine_for_offline(page, base: str) -> None:
    page.goto(base + "/routines/core-staples")
    page.get_by_role("button", name="Save for offline").click()
    expect(page.get_by_role("button", name="Saved for offline")).to_be_disabled(timeout=15_000)


def clip_path(page) -> str:
    return page.locator("video.clip-video").evaluate("v => new URL(v.currentSrc || v.src).pathname")


def test_a_change_published_while_offline_shows_once_back_and_the_old_clip_plays_until_then(page, own_server):  # noqa: F811
    server, studio = own_server
    page.goto(server.url + "/")
    wait_until_controlled(page)
    save_routine_for_offline(page, server.url)
    old = stored_exercise(page, "plank")["video"]

    page.context.set_offline(True)
    publish_plank_change(studio)
    towel_curls = studio.film("towel-curls")  # a card nothing saved: only its poster is kept

    # Offline, a new visit works on what the device has: the old card and its old clip, from the device.
    page.goto(server.url + "/exercises/plank")
    expect(page.locator(".tip")).to_contain_text(OLD_TIP)
    assert clip_path(page) == old["src"]
    assert page.locator("video.clip-video").evaluate(PLAYING)

    # Back online: the card on screen turns into the new one without a reload.
    page.context.set_offline(False)
    expect(page.locator("#announcer")).to_have_text(UPDATED, timeout=15_000)
    expect(page.locator(".tip")).to_contain_text(NEW_TIP)
    new = stored_exercise(page, "plank")["video"]
    assert new["src"] != old["src"] and "coach-" in new["src"]
    expect(page.locator("video.clip-video")).to_have_attribute("src", new["src"])
    # The saved routine is saved again with the new clip, and only then is the old one removed.
    eventually(
        page, """([key, clip, gone]) => Promise.all([steady.downloads.listDownloads(), caches.open('steady-media-v1')])
            .then(async ([all, cache]) => all.some((d) => d.key === key && !d.stale && d.urls.includes(clip))
                && Boolean(await cache.match(clip)) && !(await cache.match(gone)))""",
        [SAVED_ROUTINE, new["src"], old["src"]])
    assert old["poster"] not in page.evaluate(MEDIA_KEYS)
    eventually(page, "(poster) => caches.open('steady-media-v1').then((c) => c.match(poster)).then(Boolean)", towel_curls["poster"])

    # Offline again, the new clip plays from the device.
    page.context.set_offline(True)
    page.reload()
    expect(page.locator(".tip")).to_contain_text(NEW_TIP)
    assert clip_path(page) == new["src"]
    assert page.locator("video.clip-video").evaluate(PLAYING)


def test_a_new_clip_that_cannot_be_saved_yet_leaves_the_old_one_playing_offline(page, own_server):  # noqa: F811
    server, studio = own_server
    proxy = LiefiProxy(server.port).start()
    try:
        page.goto(proxy.url + "/")
        wait_until_controlled(page)
        save_routine_for_offline(page, proxy.url)
        old = stored_exercise(page, "plank")["video"]

        publish_plank_change(studio)
        proxy.drop = lambda path: ".coach-" in path  # the signal goes whenever the new clip downloads
        page.reload()
        expect(page.locator("#announcer")).to_have_text(UPDATED, timeout=15_000)
        eventually(page, "(key) => steady.downloads.listDownloads().then((all) => all.some((d) => d.key === key && d.stale))", SAVED_ROUTINE)
        record = download(page, SAVED_ROUTINE)
        assert old["src"] in record["urls"], "the old clip is kept while the new one is not saved"
        assert old["src"] in page.evaluate(MEDIA_KEYS)
        assert [held["slug"] for held in record["held"]] == ["plank"], record

        # Offline, the card is the new one, but its clip is the old one the device still has.
        page.context.set_offline(True)
        page.goto(proxy.url + "/exercises/plank")
        expect(page.locator(".tip")).to_contain_text(NEW_TIP)
        video = page.locator("video.clip-video")
        expect(video).to_have_attribute("data-held", "true")
        assert clip_path(page) == old["src"]
        assert video.evaluate(PLAYING)
        page.goto(proxy.url + "/storage")
        expect(page.locator(".download-list")).to_contain_text("needs update")

        # Back with a good signal: the new clip is saved, then the old one goes.
        proxy.drop = None
        page.context.set_offline(False)
        eventually(
            page, """([key, gone]) => Promise.all([steady.downloads.listDownloads(), caches.open('steady-media-v1')])
                .then(async ([all, cache]) => all.some((d) => d.key === key && !d.stale) && !(await cache.match(gone)))""",
            [SAVED_ROUTINE, old["src"]])
        new = stored_exercise(page, "plank")["video"]
        assert new["src"] in download(page, SAVED_ROUTINE)["urls"]
    finally:
        proxy.stop()


def test_a_card_deleted_for_good_takes_its_saved_clip_with_it(page, own_server):  # noqa: F811
    server, studio = own_server
    studio.publish_new("exercise", new_exercise())
    clip = studio.film("wall-sit")
    page.goto(server.url + "/exercises/wall-sit")
    wait_until_controlled(page)
    page.get_by_role("button", name="Save for offline").click()
    expect(page.get_by_role("button", name="Saved for offline")).to_be_disabled(timeout=15_000)
    assert {clip["src"], clip["poster"]} <= set(page.evaluate(MEDIA_KEYS))

    studio.delete("exercise", "wall-sit")
    page.context.set_offline(True)
    page.context.set_offline(False)  # back online: the device checks the catalogue
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found", timeout=15_000)
    eventually(page, "(urls) => caches.open('steady-media-v1').then((c) => Promise.all(urls.map((u) => c.match(u))))"
                     ".then((found) => found.every((f) => !f))", [clip["src"], clip["poster"]])
    assert download(page, "exercise:wall-sit") is None
