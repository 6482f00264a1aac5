"""Pages, the worker script and the manifest revalidate on every use, and answer a bodiless 304 when unchanged."""

import os
import re
import shutil
import time

import pytest

from tests.conftest import copy_frontend, make_app

PAGES = ["/", "/exercises", "/exercises/side-plank", "/routines/back-and-core-circuit",
         "/routines/back-and-core-circuit/play", "/history/5b0c1c36-9b7c-4d77-8a53-1d4b1b8f3e21"]


def plain(etag: str) -> str:
    """The ETag as the view made it, before Flask-Compress named the coding."""
    return re.sub(r':(gzip|br|zstd|deflate)"$', '"', etag)


@pytest.mark.parametrize("path", PAGES)
def test_pages_revalidate_to_a_bodiless_304(client, path):
    first = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "no-cache"
    compressed = first.headers["ETag"]
    assert compressed.endswith(':gzip"')
    for held in (compressed, plain(compressed), "W/" + compressed):
        again = client.get(path, headers={"Accept-Encoding": "gzip", "If-None-Match": held})
        assert (again.status_code, again.data, again.headers["ETag"]) == (304, b"", held)
        assert again.headers["Cache-Control"] == "no-cache"


def test_each_title_is_its_own_etag(client):
    etags = {client.get(path).headers["ETag"] for path in ["/", "/exercises", "/exercises/side-plank", "/log"]}
    assert len(etags) == 4
    other = client.get("/exercises", headers={"If-None-Match": client.get("/").headers["ETag"]})
    assert other.status_code == 200


@pytest.mark.parametrize("path", ["/exercises/no-such-exercise", "/history/not-a-uuid"])
def test_a_404_page_is_never_a_304(client, path):
    assert client.get(path, headers={"If-None-Match": "*"}).status_code == 404


def test_a_deploy_that_changes_a_bundle_changes_every_page_etag(template_db, tmp_path):
    frontend = copy_frontend(tmp_path)
    database = tmp_path / "steady.sqlite"
    shutil.copy(template_db, database)

    def deployed():
        # Outside debug, bundles are built when the app starts: a deploy is a restart.
        return make_app(f"sqlite:///{database}", FRONTEND_DIR=str(frontend)).test_client()

    before = deployed().get("/", headers={"Accept-Encoding": "gzip"}).headers["ETag"]
    css = frontend / "css" / "base.css"
    css.write_text(css.read_text() + "\n.deploy-marker { color: inherit; }\n")
    # webassets compares whole-second mtimes; a real deploy is never within a second of the last build.
    later = time.time() + 5
    os.utime(css, (later, later))
    after = deployed().get("/", headers={"Accept-Encoding": "gzip", "If-None-Match": before})
    assert after.status_code == 200
    assert after.headers["ETag"] != before


@pytest.mark.parametrize("path", ["/sw.js", "/manifest.webmanifest"])
def test_worker_and_manifest_revalidate_to_a_304_when_compressed(client, path):
    first = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert first.headers["Cache-Control"] == "no-cache"
    held = first.headers["ETag"]
    again = client.get(path, headers={"Accept-Encoding": "gzip", "If-None-Match": held})
    assert (again.status_code, again.data, again.headers["ETag"]) == (304, b"", held)
