"""Shared fixtures: an app with a fresh database per test, a live server, Chromium, PostgreSQL."""

import hashlib
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask_migrate import upgrade

from server import create_app
from server.catalog.service import load_catalog
from tests.live_server import LiveServer
from tests.mail import Mailbox, start_smtp
from tests.postgres import PostgresServer

# Chromium writes crash reports under XDG_CONFIG_HOME; keep them out of the home directory.
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="steady-xdg-"))

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
# Clips are content-hashed and built incrementally, so every test app of one checkout shares
# one folder. A load deletes its own stale clips, so other checkouts (other branches, other
# renderers) get folders of their own.
MEDIA_DIR = Path(tempfile.gettempdir()) / f"steady-test-media-{hashlib.sha256(str(ROOT).encode()).hexdigest()[:8]}"
# Debian's headless shell: the same engine without the browser around it, about a third less CPU per
# test. Background Sync is in the full browser only (tests/browser/test_sync_background.py uses it).
CHROMIUM = "/usr/bin/chromium-headless-shell"
FULL_CHROMIUM = "/usr/bin/chromium"
TEST_HASH_METHOD = "scrypt:1024:8:1"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def pytest_configure(config):
    """Build the webassets bundles into frontend/gen once, in the main process, before any xdist worker starts.

    Every app builds whatever bundle is out of date, one process at a time (server/shell/builds.py):
    built here first, the workers' apps find every bundle fresh and never wait on each other.
    """
    if not hasattr(config, "workerinput"):
        make_app("sqlite://")


def copy_frontend(folder: Path) -> Path:
    """A copy of frontend/ in ``folder`` to build and change apart, without the built bundles or the
    kept definitions (which another test process may be rewriting as this copies)."""
    frontend = folder / "frontend"
    shutil.copytree(ROOT / "frontend", frontend, ignore=shutil.ignore_patterns("gen", ".webassets-cache"))
    return frontend


def make_app(database_uri: str, **overrides):
    """An app for tests, on the given database."""
    config = {"TESTING": True, "SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": database_uri, "MEDIA_DIR": str(MEDIA_DIR),
              # scrypt at a 32nd of the production cost: the same code path, on a shared 2-core machine.
              "PASSWORD_HASH_METHOD": TEST_HASH_METHOD}
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


PASSWORD = "steady-legs-2026"


@dataclass(frozen=True)
class Account:
    """A registered account as a test knows it: its id, email and password."""

    id: uuid.UUID
    email: str
    password: str


def csrf_token(client) -> str:
    """A CSRF token for ``client``'s session, from ``GET /api/auth/csrf``."""
    return client.get("/api/auth/csrf").get_json()["csrf_token"]


def register_account(app, email: str = "runner@example.com", password: str = PASSWORD) -> Account:
    """Create an account straight through the service (no request, no rate limit)."""
    from server.accounts.service import register

    with app.app_context():
        user = register(email, password)
        return Account(user.id, user.email, password)


def log_in(client, account: Account, remember: bool = False):
    """Log ``client`` in as ``account``; afterwards it sends the new session's CSRF token on every request."""
    response = client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password, "remember": remember},
        headers={"X-CSRFToken": csrf_token(client)},
    )
    assert response.status_code == 200, response.get_json()
    client.environ_base["HTTP_X_CSRFTOKEN"] = response.get_json()["csrf_token"]
    return response


@pytest.fixture
def user(app) -> Account:
    """A registered account (runner@example.com): ``.id``, ``.email``, ``.password``."""
    return register_account(app)


@pytest.fixture
def logged_in_client(app, user):
    """A test client logged in as ``user`` that sends a valid ``X-CSRFToken`` with every request."""
    client = app.test_client()
    log_in(client, user)
    return client


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


@pytest.fixture
def mailbox(app):
    """A real SMTP server on 127.0.0.1 that ``app`` sends its mail to (links on https://steady.example.org)."""
    box = Mailbox()
    controller = start_smtp(box)
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port, MAIL_TLS="none",
                      MAIL_SENDER="Steady <steady@example.org>", ORIGIN="https://steady.example.org")
    yield box
    controller.stop()


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
    # Dates are written in the browser's locale (labels/dates.js): tests read them as a British browser shows them.
    return {**browser_context_args, "viewport": {"width": 390, "height": 844}, "locale": "en-GB"}


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
