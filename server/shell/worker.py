"""Building ``/sw.js``: the worker bundle, prefixed with its version, precache list and screen bundles."""

import hashlib
import json
from pathlib import Path

from flask import Flask

from server.shell.assets import screen_bundle_urls, screen_style_urls

MANIFEST_URL = "/manifest.webmanifest"
ICON_URLS = [
    "/static/icons/icon.svg",
    "/static/icons/icon-192.png",
    "/static/icons/icon-512.png",
    "/static/icons/maskable-192.png",
    "/static/icons/maskable-512.png",
    "/static/icons/apple-touch-icon.png",
]


def precache_urls(app: Flask) -> list[str]:
    """Everything the shell needs offline: the page, every bundle, the manifest and icons."""
    env = app.extensions["assets"]
    return ["/", *env["css"].urls(), *env["page_js"].urls(), MANIFEST_URL, *ICON_URLS]


def worker_script(app: Flask) -> str:
    """The worker's source; its version hashes the precache list and screen bundles (which name
    bundle hashes) and its own code, so any deploy that changes a cached byte changes the worker."""
    env = app.extensions["assets"]
    (bundle_url,) = env["sw_js"].urls()
    # Every page load asks for /sw.js; rebuild the script only when a bundle hash or the shell page changes.
    precache = precache_urls(app)
    # Cached just after install, beside the shell and under its version (frontend/js/sw/worker.js).
    screens = [*screen_bundle_urls(app).values(), *screen_style_urls(app).values()]
    (sync,) = env["sw_sync_js"].urls()  # the sync engine, imported by the worker as it starts
    # Navigations are answered from the precached page, so a change to its template alone is a new version too.
    shell_page = app.jinja_env.loader.get_source(app.jinja_env, "shell.html")[0].encode()
    key = (bundle_url, sync, *precache, *screens, hashlib.sha256(shell_page).hexdigest())
    cached = app.extensions.get("worker_script")
    if cached and cached[0] == key:
        return cached[1]
    body = (Path(env.directory) / bundle_url.removeprefix(env.url + "/")).read_text()
    digest = hashlib.sha256(json.dumps([precache, screens, sync]).encode() + body.encode() + shell_page)
    for url in ICON_URLS:
        digest.update((Path(env.directory) / url.removeprefix("/static/")).read_bytes())
    build = {"version": digest.hexdigest()[:12], "precache": precache, "screens": screens, "sync": sync}
    script = f"self.STEADY_BUILD = {json.dumps(build)};\n{body}"
    app.extensions["worker_script"] = (key, script)
    return script
