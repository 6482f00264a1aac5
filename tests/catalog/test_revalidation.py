"""Revalidating the catalogue is the cheapest answer the server gives: the ETag is compared first."""

import gzip
import http.client
import json
import re
import shutil

import pytest
from flask_migrate import upgrade
from playwright.sync_api import Page
from sqlalchemy import event

from server.catalog import service
from server.catalog.service import load_catalog
from server.extensions import db
from server.revalidation import held_etag
from tests.conftest import CONTENT_DIR, MEDIA_DIR, make_app

BROWSER_ENCODINGS = "gzip, deflate, br, zstd"


@pytest.fixture
def statements(app):
    """Every SQL statement SQLite runs for the app from here on, in order, however it was issued.

    Traced by sqlite3 itself, so plain DB-API queries are seen as well as SQLAlchemy's.
    """
    seen: list[str] = []

    def trace(dbapi_connection, _record):
        dbapi_connection.set_trace_callback(seen.append)

    with app.app_context():
        engine = db.engine
    engine.dispose()  # every connection from here on is a new, traced one
    event.listen(engine, "connect", trace)
    yield seen
    event.remove(engine, "connect", trace)
    engine.dispose()


def version_lookup_only(statements: list[str]) -> bool:
    """Whether the statements are exactly one read of the catalogue version."""
    return len(statements) == 1 and re.fullmatch(
        r"SELECT catalog_state\.version\s+FROM catalog_state\s+WHERE catalog_state\.id = 1", statements[0]) is not None


@pytest.fixture
def cold_payload(app):
    """No process has built the catalogue payload yet, as after a deploy."""
    service._payload_cache.clear()


def version_of(app) -> str:
    with app.app_context():
        return service.served_version()


def held_forms(version: str) -> list[str]:
    """Every form a client may send back: as served plain or compressed by each coding, strong or weak."""
    forms = [f'"{version}"', f'"{version}:gzip"', f'"{version}:br"', f'"{version}:zstd"', f'"{version}:deflate"']
    return forms + [f"W/{form}" for form in forms]


@pytest.mark.parametrize("form", range(10))
def test_every_form_of_the_current_etag_gives_a_bodiless_304(app, client, form):
    held = held_forms(version_of(app))[form]
    response = client.get("/api/catalog", headers={"Accept-Encoding": BROWSER_ENCODINGS, "If-None-Match": held})
    assert response.status_code == 304
    assert response.data == b""
    # The stored copy keeps its ETag, so the worker's "did it change?" comparison stays false.
    assert response.headers["ETag"] == held
    assert response.headers["Cache-Control"] == "no-cache"
    assert "Content-Encoding" not in response.headers


def test_the_current_etag_among_others_and_star_give_304(app, client):
    version = version_of(app)
    listed = client.get("/api/catalog", headers={"If-None-Match": f'"old", W/"older:br", "{version}:gzip"'})
    assert listed.status_code == 304 and listed.headers["ETag"] == f'"{version}:gzip"'
    assert client.get("/api/catalog", headers={"If-None-Match": "*"}).status_code == 304


@pytest.mark.parametrize("held", ['"not-the-version"', '"{v}x"', '"{v}:gzipx"', '"{v}:identity"', '"x{v}"'])
def test_other_etags_get_the_full_catalogue(app, client, held):
    version = version_of(app)
    response = client.get("/api/catalog", headers={"If-None-Match": held.format(v=version)})
    assert response.status_code == 200
    assert response.get_json()["version"] == version
    assert response.headers["ETag"] == f'"{version}"'


def test_a_304_runs_only_the_version_lookup(app, client, statements, cold_payload):
    held = f'"{version_of(app)}:gzip"'
    client.get("/api/catalog/exercises/plank")  # opens (and traces) the pooled connection
    service._payload_cache.clear()
    statements.clear()
    response = client.get("/api/catalog", headers={"Accept-Encoding": "gzip", "If-None-Match": held})
    assert response.status_code == 304
    assert version_lookup_only(statements), statements
    assert service._payload_cache == {}


def test_a_cold_full_answer_builds_the_payload(app, client, statements, cold_payload):
    # The other side of the test above: the counter does see the catalogue being built.
    response = client.get("/api/catalog", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert any("FROM exercise" in s for s in statements)
    assert service._payload_cache


def test_a_changed_catalogue_gives_200_with_its_new_etag(app, client, tmp_path):
    old = version_of(app)
    first = client.get("/api/catalog", headers={"Accept-Encoding": "gzip"})
    assert first.headers["ETag"] == f'"{old}:gzip"'
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    card = content / "exercises" / "side-plank.toml"
    card.write_text(card.read_text().replace('name = "Side plank"', 'name = "Side plank hold"'))
    with app.app_context():
        new = load_catalog(content, MEDIA_DIR).version
    assert new != old
    response = client.get("/api/catalog", headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["ETag"]})
    assert response.status_code == 200
    assert response.headers["ETag"] == f'"{new}:gzip"'
    body = json.loads(gzip.decompress(response.data))
    assert body["version"] == new
    assert next(e for e in body["exercises"] if e["slug"] == "side-plank")["name"] == "Side plank hold"
    again = client.get("/api/catalog", headers={"Accept-Encoding": "gzip", "If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_an_empty_catalogue_revalidates_too(bare_app):
    client = bare_app.test_client()
    first = client.get("/api/catalog")
    assert first.status_code == 200 and first.headers["ETag"] == '"empty"'
    assert client.get("/api/catalog", headers={"If-None-Match": '"empty"'}).status_code == 304


def test_over_real_http_a_compressed_etag_comes_back_as_a_304(app, live_server, statements):
    connection = http.client.HTTPConnection("127.0.0.1", live_server.port, timeout=10)
    try:
        connection.request("GET", "/api/catalog", headers={"Accept-Encoding": "gzip"})
        first = connection.getresponse()
        body = gzip.decompress(first.read())
        assert first.status == 200 and first.getheader("Content-Encoding") == "gzip"
        etag = first.getheader("ETag")
        assert etag == f'"{json.loads(body)["version"]}:gzip"'
        service._payload_cache.clear()
        statements.clear()
        connection.request("GET", "/api/catalog", headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
        again = connection.getresponse()
        assert again.read() == b""
        assert (again.status, again.getheader("ETag"), again.getheader("Cache-Control")) == (304, etag, "no-cache")
        assert again.getheader("Vary") == "Accept-Encoding"
        assert version_lookup_only(statements), statements
        assert service._payload_cache == {}
    finally:
        connection.close()


def recording(wsgi_app, path: str, seen: list):
    """Wrap a WSGI app to note (status, If-None-Match, ETag) of every answer to ``path``, as sent on the wire."""
    def app(environ, start_response):
        def start(status, headers, exc_info=None):
            if environ["PATH_INFO"] == path:
                seen.append((int(status[:3]), environ.get("HTTP_IF_NONE_MATCH"), dict(headers).get("ETag")))
            return start_response(status, headers, exc_info)
        return wsgi_app(environ, start)
    return app


@pytest.mark.browser
def test_chromium_revalidates_the_catalogue_to_a_304_and_keeps_its_etag(app, live_server, page: Page):
    seen: list = []
    app.wsgi_app = recording(app.wsgi_app, "/api/catalog", seen)
    # A document that registers no worker, so these fetches meet only Chromium's HTTP cache.
    page.goto(live_server.url + "/manifest.webmanifest")
    statuses = page.evaluate("""async () => {
        const first = await fetch('/api/catalog'); await first.arrayBuffer();
        const again = await fetch('/api/catalog'); await again.arrayBuffer();
        return [first.status, first.headers.get('ETag'), again.status, again.headers.get('ETag')];
    }""")
    version = version_of(app)
    first_etag = statuses[1]
    assert first_etag in [f'"{version}:{coding}"' for coding in ("gzip", "br", "zstd", "deflate")]
    # The page sees the stored 200 with the same ETag, which is what the worker compares.
    assert statuses == [200, first_etag, 200, first_etag]
    assert seen == [(200, None, first_etag), (304, first_etag, first_etag)]


def test_exercise_api_is_tagged_with_the_catalogue_version(app, client):
    version = version_of(app)
    response = client.get("/api/catalog/exercises/side-plank", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["ETag"] in (f'"{version}"', f'"{version}:gzip"')
    assert response.headers["Cache-Control"] == "no-cache"
    for held in held_forms(version):
        again = client.get("/api/catalog/exercises/side-plank", headers={"If-None-Match": held})
        assert (again.status_code, again.data, again.headers["ETag"]) == (304, b"", held)
    assert client.get("/api/catalog/exercises/side-plank", headers={"If-None-Match": '"old"'}).status_code == 200


@pytest.mark.parametrize("held", ["*", '"{v}"'])
def test_an_unknown_exercise_is_404_whatever_the_client_holds(app, client, held):
    response = client.get("/api/catalog/exercises/no-such-thing", headers={"If-None-Match": held.format(v=version_of(app))})
    assert response.status_code == 404
    assert response.get_json()["error"]["message"] == "No exercise called 'no-such-thing'."


@pytest.mark.parametrize(("sent", "held"), [
    (None, None),
    ("", None),
    ('"v"', '"v"'),
    ('W/"v"', 'W/"v"'),
    ('"v:br"', '"v:br"'),
    ('W/"v:zstd"', 'W/"v:zstd"'),
    ('"a", W/"v:gzip" , "b"', 'W/"v:gzip"'),
    ("*", '"v"'),
    ('"v:gzip:gzip"', None),
    ('"v:"', None),
    ('"V"', None),
    ("v", '"v"'),  # unquoted: Werkzeug reads it as the tag, as browsers never send but proxies might
    ("garbage, ,", None),
])
def test_held_etag_names_the_form_the_client_sent(sent, held):
    assert held_etag(sent, "v") == held


def test_head_revalidates_and_other_methods_pass_through(app, client):
    held = f'"{version_of(app)}"'
    head = client.head("/api/catalog", headers={"If-None-Match": held})
    assert (head.status_code, head.headers["ETag"]) == (304, held)
    post = client.post("/api/catalog", headers={"If-None-Match": held})
    assert post.status_code == 405 and post.get_json()["error"]["status"] == 405


def test_a_database_error_falls_through_to_the_apps_own_error(tmp_path):
    # No migrations run: the version lookup fails, and the app (not a bare WSGI error) answers.
    client = make_app(f"sqlite:///{tmp_path / 'unmigrated.sqlite'}", TESTING=False).test_client()
    response = client.get("/api/catalog", headers={"If-None-Match": '"v"'})
    assert response.status_code == 500
    assert response.get_json()["error"]["status"] == 500


@pytest.mark.postgres
def test_revalidation_on_postgresql(pg_url):
    app = make_app(pg_url)
    client = app.test_client()
    with app.app_context():
        upgrade()
        assert client.get("/api/catalog", headers={"If-None-Match": '"empty"'}).status_code == 304
        version = load_catalog(CONTENT_DIR, MEDIA_DIR).version
        db.session.remove()
    first = client.get("/api/catalog", headers={"Accept-Encoding": "gzip"})
    assert (first.status_code, first.headers["ETag"]) == (200, f'"{version}:gzip"')
    again = client.get("/api/catalog", headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["ETag"]})
    assert (again.status_code, again.headers["ETag"]) == (304, first.headers["ETag"])
    with app.app_context():
        db.engine.dispose()  # the database is dropped after the test
