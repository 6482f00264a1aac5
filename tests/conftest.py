"""Shared fixtures: an app with a fresh database per test, a live server, Chromium, PostgreSQL."""

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from flask_migrate import upgrade

from server import create_app
from server.catalog.service import load_catalog
from tests.live_server import LiveServer
from tests.postgres import PostgresServer

# Chromium writes crash reports under XDG_CONFIG_HOME; keep them out of the home directory.
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="steady-xdg-"))

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
# Clips are content-hashed and built incrementally, so every test app of one checkout shares
# one folder. A load deletes its own stale clips, so other checkouts (other branches, other
# renderers) get folders of their own.
MEDIA_DIR = Path(tempfile.gettempdir()) / f"steady-test-media-{hashlib.sha256(str(ROOT).encode()).hexdigest()[:8]}"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def make_app(database_uri: str, **overrides):
    """An app for tests, on the given database."""
    config = {"TESTING": True, "SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": database_uri, "MEDIA_DIR": str(MEDIA_DIR)}
    config.update(overrides)
    return create_app(config)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """A migrated SQLite database with the catalogue loaded, built once and copied per test."""
    path = tmp_path_factory.mktemp("template") / "steady.sqlite"
    app = make_app(f"sqlite:///{path}")
    with app.app_context():
        upgrade()
        load_catalog(CONTENT_DIR, MEDIA_DIR)
        from server.extensions import db
        db.engine.dispose()
    return path


@pytest.fixture
def app(template_db, tmp_path):
    """An app on its own fresh copy of the loaded database."""
    path = tmp_path / "steady.sqlite"
    shutil.copy(template_db, path)
    return make_app(f"sqlite:///{path}")


@pytest.fixture
def bare_app(tmp_path):
    """An app on a migrated but empty database (no catalogue loaded)."""
    app = make_app(f"sqlite:///{tmp_path / 'bare.sqlite'}")
    with app.app_context():
        upgrade()
    return app


@pytest.fixture
def client(app):
    """A test client for ``app``."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner for ``app``."""
    return app.test_cli_runner()


@pytest.fixture
def live_server(app):
    """``app`` served over real HTTP on an ephemeral port, for Chromium."""
    server = LiveServer(app)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL 15 server for the whole run."""
    server = PostgresServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres, request):
    """A fresh, empty PostgreSQL database for one test."""
    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    url = postgres.create_database(name)
    yield url
    postgres.drop_database(name)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, with the flags known to work on these machines."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A phone-sized viewport by default: Steady is phone first."""
    return {**browser_context_args, "viewport": {"width": 390, "height": 844}}


ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture
def screenshot(page):
    """Save a full-page PNG under test-artifacts/ (git-ignored) for review."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
