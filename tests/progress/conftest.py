"""Progress API fixtures: a fresh database per test, on SQLite and on PostgreSQL."""

import pytest
from flask_migrate import upgrade

from server.catalog.service import load_catalog
from server.extensions import db
from tests.conftest import CONTENT_DIR, MEDIA_DIR, make_app
from tests.sync.conftest import FAST_HASH, Device, new_account


@pytest.fixture(scope="session")
def pg_template(postgres) -> str:
    """A migrated PostgreSQL database with the catalogue loaded, built once and copied per test."""
    name = "progress_template"
    app = make_app(postgres.create_database(name))
    with app.app_context():
        upgrade()
        load_catalog(CONTENT_DIR, MEDIA_DIR)
        db.engine.dispose()  # a template with a connection open cannot be copied
    return name


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def progress_app(request):
    """An app on its own copy of the loaded database: SQLite, then PostgreSQL."""
    if request.param == "sqlite":
        app = request.getfixturevalue("app")
        app.config.update(FAST_HASH)
        yield app
        return
    postgres = request.getfixturevalue("postgres")
    name = "p_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    app = make_app(postgres.create_database(name, template=request.getfixturevalue("pg_template")), **FAST_HASH)
    yield app
    with app.app_context():
        db.engine.dispose()
    postgres.drop_database(name)


@pytest.fixture
def device(progress_app):
    """A logged-in device of a new runner."""
    return Device(progress_app, new_account(progress_app))
