"""The migration chain and the models, on SQLite and on a real PostgreSQL server."""

import pytest
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, select

from server.catalog.models import Exercise, Routine
from server.catalog.service import catalog_payload, load_catalog
from server.extensions import db, migrate
from tests.conftest import CONTENT_DIR, MEDIA_DIR, make_app

TABLES = {"source", "exercise", "routine", "routine_item", "catalog_state"}


def check_round_trip(app):
    with app.app_context():
        upgrade()
        assert TABLES <= set(inspect(db.engine).get_table_names())
        downgrade(revision="base")
        assert not TABLES & set(inspect(db.engine).get_table_names())
        upgrade()
        assert TABLES <= set(inspect(db.engine).get_table_names())


def check_models(app):
    with app.app_context():
        upgrade()
        result = load_catalog(CONTENT_DIR, MEDIA_DIR)
        assert load_catalog(CONTENT_DIR, MEDIA_DIR).changed is False
        assert db.session.scalar(select(Exercise).where(Exercise.slug == "side-plank")).card["steps"]
        routine = db.session.scalar(select(Routine).where(Routine.slug == "back-and-core-circuit"))
        assert [item.position for item in routine.items] == list(range(len(routine.items)))
        payload = catalog_payload()
        assert payload["version"] == result.version
        assert len(payload["exercises"]) == result.exercises


def test_migrations_round_trip_on_sqlite(tmp_path):
    check_round_trip(make_app(f"sqlite:///{tmp_path / 'm.sqlite'}"))


def test_models_on_sqlite(tmp_path):
    check_models(make_app(f"sqlite:///{tmp_path / 'm.sqlite'}"))


@pytest.mark.postgres
def test_migrations_round_trip_on_postgres(pg_url):
    check_round_trip(make_app(pg_url))


@pytest.mark.postgres
def test_models_on_postgres(pg_url):
    app = make_app(pg_url)
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")
    check_models(app)


def test_models_match_the_migrations(app):
    """Autogenerate finds nothing to add: every model change comes with a migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with app.app_context(), db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert diff == []


def test_one_head(app):
    with app.app_context():
        config = migrate.get_config()
        assert len(ScriptDirectory.from_config(config).get_heads()) == 1
