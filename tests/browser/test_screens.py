"""The screens are declared twice, once per side, and held together here: every page route the
server answers (server/shell/pages.py) is a screen the router knows (frontend/js/page/screens.js),
and the other way round; a screen whose address alone decides it has the same title on both; and
a screen whose code is in a screen bundle names a bundle the shell page lists, whose code defines
its view."""

import re

import pytest
from playwright.sync_api import expect

from server.shell import pages
from server.shell.assets import SCREEN_JS
from server.shell.pages import SCREENS
from tests.offline.conftest import wait_until_routed

pytestmark = pytest.mark.browser


def pattern(path: str) -> str:
    """A route with its parameters unnamed: '/routines/<slug>/play' and '/routines/:ref/play' alike."""
    return re.sub(r"<[^>]+>|:\w+", ":_", path)


def server_screens(app) -> set[str]:
    """The patterns of every route whose view is in server/shell/pages.py."""
    return {
        pattern(rule.rule) for rule in app.url_map.iter_rules()
        if app.view_functions[rule.endpoint].__module__ == pages.__name__
    }


def test_the_router_and_the_server_know_the_same_screens(page, live_server, app):
    page.goto(f"{live_server.url}/")
    wait_until_routed(page)
    client = page.evaluate("steady.screens.map((s) => s.path)")
    assert len(client) == len(set(client)), "each screen is listed once"
    assert {pattern(path) for path in client} == server_screens(app)
    assert page.evaluate("steady.screens.filter((s) => typeof s.view !== 'function' && !s.bundle).map((s) => s.path)") == []


def test_every_bundled_screen_names_a_listed_bundle_that_defines_its_view(page, live_server):
    page.goto(f"{live_server.url}/")
    wait_until_routed(page)
    bundled = page.evaluate("steady.screens.filter((s) => s.bundle).map((s) => [s.path, s.bundle, s.viewName])")
    # The lazily loaded bundles without a screen: the sync engine (components/sync-status.js loads it)
    # and making an export and reading one back in (components/export-control.js and import-control.js load them).
    assert {bundle for _, bundle, _ in bundled} == set(SCREEN_JS) - {"sync", "export", "import"}, "every screen bundle has a screen"
    assert set(page.evaluate("Object.keys(steady.screenBundles.screenBundleUrls())")) == set(SCREEN_JS)
    for path, bundle, view_name in bundled:
        page.evaluate("(bundle) => steady.screenBundles.loadScreenBundle(bundle)", bundle)
        assert page.evaluate("(name) => typeof steady.views[name]", view_name) == "function", path


def test_fixed_screens_have_the_server_title(page, live_server):
    page.goto(f"{live_server.url}/")
    wait_until_routed(page)
    for path, title in SCREENS.items():
        page.evaluate("(path) => steady.router.navigate(path)", path)
        expect(page).to_have_title(f"{title} · Steady")
