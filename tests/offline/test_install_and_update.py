"""Installability, the manifest's icons, the update prompt, and what the caches may hold."""

import io
import os
import shutil
import time

import pytest
from jinja2 import DictLoader
from PIL import Image
from playwright.sync_api import expect

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, copy_frontend, make_app
from tests.live_server import LiveServer
from tests.offline.conftest import wait_until_controlled
from tests.offline.catalogue_steps import eventually

pytestmark = pytest.mark.browser


def test_installable_with_no_errors(playwright, live_server, tmp_path):
    # A plain context reports 'in-incognito'; a persistent profile is what a real install sees.
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(live_server.url + "/")
        wait_until_controlled(page)
        session = context.new_cdp_session(page)
        errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == []
        manifest = session.send("Page.getAppManifest")
        assert manifest["errors"] == []
    finally:
        context.close()


def test_every_manifest_icon_loads_at_its_size(client):
    manifest = client.get("/manifest.webmanifest")
    assert manifest.mimetype == "application/manifest+json"
    body = manifest.get_json()
    assert {"any", "maskable"} <= {icon["purpose"] for icon in body["icons"]}
    assert {s["name"] for s in body["shortcuts"]} == {"Start a routine", "Log a session"}
    for icon in body["icons"] + [i for s in body["shortcuts"] for i in s["icons"]]:
        response = client.get(icon["src"])
        assert response.status_code == 200, icon["src"]
        width, height = Image.open(io.BytesIO(response.data)).size
        assert f"{width}x{height}" == icon["sizes"]


def test_worker_script_headers(client):
    response = client.get("/sw.js")
    assert response.mimetype == "text/javascript"
    assert "no-cache" in response.headers["Cache-Control"]
    assert response.get_data(as_text=True).startswith("self.STEADY_BUILD = {")


@pytest.fixture
def editable_server(template_db, tmp_path):
    """A live server whose front-end files are a private copy the test may change."""
    frontend = copy_frontend(tmp_path)
    database = tmp_path / "steady.sqlite"
    shutil.copy(template_db, database)
    server = LiveServer(make_app(f"sqlite:///{database}", FRONTEND_DIR=str(frontend)))
    server.start()

    def deploy():
        # Outside debug, bundles are built when the app starts: a deploy is a restart.
        server.stop()
        server.app = make_app(f"sqlite:///{database}", FRONTEND_DIR=str(frontend))
        server.start()

    yield server, frontend, deploy
    server.stop()


def test_a_changed_asset_offers_an_update_that_keeps_local_data(page, editable_server):
    server, frontend, deploy = editable_server
    page.goto(server.url + "/")
    wait_until_controlled(page)
    first_version = page.evaluate("fetch('/sw.js').then((r) => r.text()).then((t) => JSON.parse(t.split(';')[0].split('= ')[1]).version)")
    page.evaluate("steady.db.openDatabase().then((db) => db.put('settings', { key: 'kept', value: 42 }))")

    css = frontend / "css" / "base.css"
    css.write_text(css.read_text() + "\n/* a deploy */ .deploy-marker { color: inherit; }\n")
    # webassets compares whole-second mtimes; a real deploy is never within a second of the last build.
    later = time.time() + 5
    os.utime(css, (later, later))
    deploy()
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")

    banner = page.get_by_role("region", name="Update")
    expect(banner).to_contain_text("A new version is ready")
    with page.expect_event("load"):
        banner.get_by_role("button", name="Reload").click()
    wait_until_controlled(page)
    new_version = page.evaluate("fetch('/sw.js').then((r) => r.text()).then((t) => JSON.parse(t.split(';')[0].split('= ')[1]).version)")
    assert new_version != first_version
    caches = page.evaluate("caches.keys()")
    assert f"steady-shell-{new_version}" in caches
    assert f"steady-shell-{first_version}" not in caches
    assert page.evaluate("steady.db.openDatabase().then((db) => db.get('settings', 'kept'))") == {"key": "kept", "value": 42}
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_caches_never_hold_auth_redirects_or_errors(page, app):
    app.add_url_rule("/old-home", "old_home", lambda: ("", 302, {"Location": "/"}))
    server = LiveServer(app)
    server.start()
    try:
        page.goto(server.url + "/")
        wait_until_controlled(page)
        page.goto(server.url + "/exercises/side-plank")
        page.goto(server.url + "/old-home")
        page.goto(server.url + "/routines/no-such-routine")
        page.evaluate("""Promise.all([
            fetch('/api/auth/session'), fetch('/api/catalog'), fetch('/api/catalog'),
            fetch('/media/no-such-clip.mp4'), fetch('/static/icons/nothing.png'), fetch('/old-home'),
        ])""")
        # A good clip fetched after them is stored on the same path a bad answer would have
        # been: once it is in the cache, any write those answers caused has landed too.
        clip = page.evaluate("fetch('/api/catalog').then((r) => r.json()).then((c) => c.exercises.find((e) => e.video).video.src)")
        page.evaluate("(url) => fetch(url)", clip)
        eventually(page, "(url) => caches.open(steady.cacheNames.media).then((c) => c.match(url)).then(Boolean)", clip)
        entries = page.evaluate("""(async () => {
            const out = [];
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) {
                    const response = await cache.match(request);
                    out.push({ cache: name, url: request.url, status: response.status, redirected: response.redirected, type: response.type });
                }
            }
            return out;
        })()""")
    finally:
        server.stop()
    assert entries, "the shell is precached"
    for entry in entries:
        assert entry["status"] == 200, entry
        assert not entry["redirected"], entry
        assert entry["type"] == "basic", entry
        assert "/api/auth" not in entry["url"], entry
        assert "/old-home" not in entry["url"], entry


def test_a_changed_shell_page_is_a_new_worker_version(app):
    # Navigations are answered from the precached page, so a deploy that only edits it must still reach devices.
    def version():
        return app.test_client().get("/sw.js").get_data(as_text=True).split('"version": "')[1].split('"')[0]

    before = version()
    source = app.jinja_env.loader.get_source(app.jinja_env, "shell.html")[0]
    app.jinja_loader = DictLoader({"shell.html": source.replace("</body>", "<!-- a deploy --></body>")})
    assert version() != before
