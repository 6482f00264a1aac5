"""The screen bundles (player, progress, account) are outside the precached shell, yet open offline
after one visit; one the worker could never fetch says it needs a connection, and loads when there is one."""

import json
import os
import re
import shutil
import time
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from server.catalog.content import read_catalog
from server.shell.assets import SCREEN_JS, screen_bundle_urls
from tests.browser.progress_steps import SEED, session_record
from tests.conftest import CONTENT_DIR, copy_frontend, make_app
from tests.offline.conftest import wait_until_controlled
from tests.offline.catalogue_steps import eventually

pytestmark = pytest.mark.browser

CATALOG = read_catalog(CONTENT_DIR)
SLUG = "core-staples"
ROUTINE = CATALOG.routines[SLUG]
NEEDS_CONNECTION = "This screen needs a connection the first time"
EVERY_BUNDLE = sorted(SCREEN_JS)

# Which screen bundles sit in any of this origin's caches, by name.
CACHED_BUNDLES = """async () => {
  const cached = [];
  for (const [name, url] of Object.entries(steady.screenBundles.screenBundleUrls())) {
    if (await caches.match(url)) cached.push(name);
  }
  return cached.sort();
}"""


def first_visit(page, live_server):
    """Open home online and wait until the worker controls the page."""
    page.goto(live_server.url + "/")
    page.get_by_role("heading", level=1).wait_for()
    wait_until_controlled(page)


def test_after_one_visit_the_player_and_progress_open_and_work_offline(page, context, live_server):
    first_visit(page, live_server)
    # The worker keeps the screen bundles while installing, so they are in place once it controls.
    assert page.evaluate(CACHED_BUNDLES) == EVERY_BUNDLE
    assert page.evaluate("['player', 'progress'].filter((name) => name in steady.views)") == [], "not loaded yet"
    today = date.today()
    page.evaluate(SEED, [session_record(n, today - timedelta(days=n + 1)) for n in range(3)])

    context.set_offline(True)
    page.goto(f"{live_server.url}/routines/{SLUG}/play")
    expect(page.get_by_role("heading", level=1)).to_have_text(ROUTINE.name)
    page.get_by_role("button", name="Start").click()
    expect(page.locator(".player-stage .player-step")).to_have_text("Get ready")
    first = CATALOG.exercises[ROUTINE.items[0].exercise].name
    expect(page.locator("#player-live")).to_contain_text(f"First: {first}")
    page.get_by_role("button", name="Skip").click()
    expect(page.locator(".player-stage .player-step")).to_have_text(first)

    # In-app navigation this time: the router loads the bundle from the worker's cache.
    page.get_by_role("navigation", name="Main").get_by_role("button", name="More").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Progress").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Progress")
    expect(page.get_by_role("heading", name="Streaks")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile(r"^Sessions in the last 26 weeks: 3 sessions on 3 days"))).to_be_visible()
    expect(page.locator(".exercise-progress")).to_have_count(3)
    expect(page.get_by_role("alert")).to_have_count(0)


def test_after_one_visit_the_account_screens_open_offline_and_keep_what_was_typed(page, context, live_server):
    first_visit(page, live_server)
    context.set_offline(True)
    page.goto(live_server.url + "/login")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    page.get_by_label("Email", exact=True).fill("offline.runner@example.com")
    page.get_by_label("Password", exact=True).fill("typed-while-offline")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#login-offline")).to_have_text(
        "Logging in needs a connection, and this device is offline. What you typed is still here: send it again once you are back online.")
    expect(page.get_by_label("Email", exact=True)).to_have_value("offline.runner@example.com")
    expect(page.get_by_label("Password", exact=True)).to_have_value("typed-while-offline")
    page.get_by_role("button", name="More").click()
    page.get_by_role("link", name="Account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Account")
    expect(page.get_by_text("Your account needs a connection, and this device is offline.")).to_be_visible()


def test_a_screen_bundle_never_fetched_asks_for_a_connection_then_loads_and_stays(page, context, live_server):
    # The progress bundle cannot be fetched on the first visit, by the worker or the page.
    blocked = re.compile(r"/static/gen/progress\.[0-9a-f]+\.js$")
    context.route(blocked, lambda route: route.abort())
    first_visit(page, live_server)  # a screen bundle that fails never fails the install
    assert page.evaluate(CACHED_BUNDLES) == [name for name in EVERY_BUNDLE if name != "progress"]

    context.set_offline(True)
    page.get_by_role("navigation", name="Main").get_by_role("button", name="More").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Progress").click()
    alert = page.get_by_role("alert")
    expect(alert.get_by_role("heading", level=1)).to_have_text(NEEDS_CONNECTION)
    expect(alert).to_contain_text("Open it once with a connection and it will work offline from then on.")
    expect(page).to_have_title("Needs a connection · Steady")
    expect(page.locator("#more-menu [data-nav=progress]")).to_have_attribute("aria-current", "page")
    alert.get_by_role("button", name="Try again").click()  # still offline: the same message
    expect(page.get_by_role("heading", level=1)).to_have_text(NEEDS_CONNECTION)
    expect(page.get_by_role("heading", level=1)).to_be_focused()

    context.set_offline(False)
    context.unroute(blocked)
    page.get_by_role("button", name="Try again").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Progress")
    expect(page.get_by_role("heading", name="Streaks")).to_be_visible()
    # Kept the first time it loaded, so from now on it opens offline too.
    eventually(page, f"() => ({CACHED_BUNDLES})().then((names) => names.length === {len(EVERY_BUNDLE)})")
    context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", name="Streaks")).to_be_visible()


def build_of(app) -> dict:
    """The STEADY_BUILD line /sw.js starts with, as a dict."""
    script = app.test_client().get("/sw.js").get_data(as_text=True)
    return json.loads(script.split("\n", 1)[0].removeprefix("self.STEADY_BUILD = ").removesuffix(";"))


def test_a_deploy_that_changes_only_a_screen_bundle_is_a_new_worker_version(template_db, tmp_path):
    # The update prompt follows a new worker version; a fix to the player alone must make one.
    frontend = copy_frontend(tmp_path)
    shutil.copy(template_db, tmp_path / "steady.sqlite")
    database = f"sqlite:///{tmp_path / 'steady.sqlite'}"
    before = build_of(make_app(database, FRONTEND_DIR=str(frontend)))
    view = frontend / "js" / "page" / "player" / "view.js"
    view.write_text(view.read_text().replace("'Take it over here'", "'Take the workout over here'"))
    later = time.time() + 5  # webassets compares whole-second mtimes
    os.utime(view, (later, later))
    after = build_of(make_app(database, FRONTEND_DIR=str(frontend)))
    assert after["precache"] == before["precache"], "the precached shell is unchanged"
    assert after["screens"] != before["screens"]
    assert after["version"] != before["version"]


@pytest.mark.parametrize("kept", [True, False], ids=["definitions kept", "an install from before they were"])
def test_a_deploy_that_only_moves_a_file_between_bundles_rebuilds_them(template_db, tmp_path, monkeypatch, kept):
    # No file's mtime changes, so only the kept bundle definitions can tell the built bundles are stale.
    frontend = copy_frontend(tmp_path)
    shutil.copy(template_db, tmp_path / "steady.sqlite")
    database = f"sqlite:///{tmp_path / 'steady.sqlite'}"
    before = make_app(database, FRONTEND_DIR=str(frontend))
    guide = before.test_client().get(screen_bundle_urls(before)["guide"]).get_data(as_text=True)
    assert "steady.views.storage" not in guide
    if not kept:
        shutil.rmtree(frontend / ".webassets-cache")
    monkeypatch.setitem(SCREEN_JS, "guide", [*SCREEN_JS["guide"], "js/page/views/storage.js"])
    after = make_app(database, FRONTEND_DIR=str(frontend))
    guide = after.test_client().get(screen_bundle_urls(after)["guide"]).get_data(as_text=True)
    assert "steady.views.storage" in guide
