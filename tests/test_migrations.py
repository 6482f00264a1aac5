"""The migration chain and the models, on SQLite and on a real PostgreSQL server."""

import uuid

import sqlalchemy as sa

import pytest
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import func, inspect, select

from server.catalog.models import Exercise, Routine, RoutineItem
from server.catalog.service import catalog_payload, load_catalog
from server.extensions import db, migrate
from tests.conftest import CONTENT_DIR, MEDIA_DIR, make_app

TABLES = {"source", "exercise", "routine", "routine_item", "catalog_state"}
ACCOUNT_TABLES = {"users", "password_resets"}


def check_round_trip(app):
    every = TABLES | ACCOUNT_TABLES
    with app.app_context():
        upgrade()
        assert every <= set(inspect(db.engine).get_table_names())
        downgrade(revision="base")
        assert not every & set(inspect(db.engine).get_table_names())
        upgrade()
        assert every <= set(inspect(db.engine).get_table_names())
        assert constraint_names(ACCOUNT_TABLES) == convention_names(ACCOUNT_TABLES)


# What 0002 left: PostgreSQL's own names; SQLite's constraints had none.
POSTGRES_NAMES_BEFORE_0003 = {
    "catalog_state": ["catalog_state_pkey"],
    "source": ["source_pkey", "source_key_key"],
    "exercise": ["exercise_pkey", "exercise_slug_key"],
    "routine": ["routine_pkey", "routine_slug_key"],
    "routine_item": [
        "routine_item_pkey", "routine_item_routine_id_position_key",
        "routine_item_exercise_id_fkey", "routine_item_routine_id_fkey",
    ],
}


def constraint_names(tables=TABLES):
    """Each table's primary key, unique and foreign key names, as the database reports them."""
    inspector = inspect(db.engine)
    return {
        table: [inspector.get_pk_constraint(table)["name"]]
        + sorted((u["name"] for u in inspector.get_unique_constraints(table)), key=str)
        + sorted((f["name"] for f in inspector.get_foreign_keys(table)), key=str)
        for table in tables
    }


def convention_names(tables=TABLES):
    """The same, as the models' naming convention gives them."""
    return {
        table: [db.metadata.tables[table].primary_key.name]
        + sorted(c.name for c in db.metadata.tables[table].constraints if c.__visit_name__ == "unique_constraint")
        + sorted(c.name for c in db.metadata.tables[table].foreign_key_constraints)
        for table in tables
    }


def check_constraint_names(app, names_before):
    """0003 names every constraint by the convention and back, keeping the rows."""
    with app.app_context():
        upgrade()
        load_catalog(CONTENT_DIR, MEDIA_DIR)
        items = db.session.scalar(select(func.count()).select_from(RoutineItem))
        db.session.remove()
        assert constraint_names() == convention_names()
        downgrade(revision="0002")
        assert constraint_names() == names_before
        upgrade()
        assert constraint_names() == convention_names()
        assert db.session.scalar(select(func.count()).select_from(RoutineItem)) == items > 0


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


def test_constraint_names_on_sqlite(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'm.sqlite'}")
    check_constraint_names(app, {table: [None] * len(names) for table, names in POSTGRES_NAMES_BEFORE_0003.items()})
    with app.app_context():
        # The rebuild turns foreign keys off for itself only.
        assert db.session.execute(db.text("PRAGMA foreign_keys")).scalar() == 1


@pytest.mark.postgres
def test_constraint_names_on_postgres(pg_url):
    check_constraint_names(make_app(pg_url), POSTGRES_NAMES_BEFORE_0003)


@pytest.mark.postgres
def test_migrations_round_trip_on_postgres(pg_url):
    check_round_trip(make_app(pg_url))


@pytest.mark.postgres
def test_models_on_postgres(pg_url):
    app = make_app(pg_url)
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")
    check_models(app)


# SQLite cannot reflect an index on an expression, so autogenerate skips 0006's; its use is proven by
# tests/progress/test_progress_queries.py instead.
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
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


def check_session_index_backfill(app):
    """0008 indexes the sessions already stored: a count a day, and each session's exercises."""
    from datetime import UTC, datetime

    from server.progress.models import SessionDay, SessionExercise
    from server.training.models import SessionRecord
    from tests.sync.conftest import session_record

    with app.app_context():
        upgrade(revision="0007")
        # The users table as 0007 left it: the model today has columns later revisions add.
        user_id = uuid.uuid4()
        db.session.execute(sa.text("INSERT INTO users (id, email, password_hash, auth_epoch, created_at) "
                                   "VALUES (:id, 'runner@example.com', 'x', 0, :now)"),
                           {"id": user_id.hex if db.engine.dialect.name == "sqlite" else user_id,
                            "now": datetime.now(UTC)})
        db.session.commit()
    both = {"entries": [{"exercise": "side-plank", "side": "left", "seconds": 30},
                        {"exercise": "plank", "side": "both", "seconds": 40}]}
    records = [session_record(local_date="2026-11-20"), session_record(local_date="2026-11-20", **both),
               session_record(local_date="2026-11-21"), None]
    with app.app_context():
        db.session.execute(SessionRecord.__table__.insert(), [
            {"user_id": user_id, "id": uuid.uuid4(), "version": n + 1, "deleted": data is None, "data": data,
             "fields": {}, "conflicts": {}, "changed_at": datetime.now(UTC)} for n, data in enumerate(records)])
        db.session.commit()
        upgrade()
        days = db.session.execute(select(SessionDay.local_date, SessionDay.sessions, SessionDay.version)
                                  .order_by(SessionDay.local_date)).all()
        worked = db.session.execute(select(SessionExercise.local_date, SessionExercise.exercise)
                                    .order_by(SessionExercise.local_date, SessionExercise.exercise)).all()
    assert days == [("2026-11-20", 2, 2), ("2026-11-21", 1, 3)]
    assert worked == [("2026-11-20", "plank"), ("2026-11-20", "side-plank"), ("2026-11-20", "side-plank"),
                      ("2026-11-21", "side-plank")]


def test_the_session_index_is_backfilled_on_sqlite(tmp_path):
    check_session_index_backfill(make_app(f"sqlite:///{tmp_path / 'm.sqlite'}"))


@pytest.mark.postgres
def test_the_session_index_is_backfilled_on_postgres(pg_url):
    check_session_index_backfill(make_app(pg_url))


def check_built_in_backfill(app):
    """0010 (and 0013) keep what earlier loads stored as each item's built-in version, so a coach can revert before any new load."""
    from server.catalog.models import CatalogState, Program

    with app.app_context():
        upgrade()
        load_catalog(CONTENT_DIR, MEDIA_DIR)
        payload = catalog_payload()
        unretired = {kind: {item["slug"]: {k: v for k, v in item.items() if k != "retired"} for item in payload[kind]}
                     for kind in ("exercises", "routines", "programs")}
        db.session.remove()
        # 0013 does the same for programs.
        downgrade(revision="0012")
        upgrade()
        assert {row.slug: row.built_in for row in db.session.scalars(select(Program))} == unretired["programs"] != {}
        db.session.remove()
        downgrade(revision="0009")
        upgrade()
        assert {row.slug: row.built_in for row in db.session.scalars(select(Exercise))} == unretired["exercises"]
        assert {row.slug: row.built_in for row in db.session.scalars(select(Routine))} == unretired["routines"]
        state = db.session.get(CatalogState, 1)
        assert state.built_in_version == state.version == payload["version"]
        assert load_catalog(CONTENT_DIR, MEDIA_DIR).changed is False


def test_the_built_in_versions_are_backfilled_on_sqlite(tmp_path):
    check_built_in_backfill(make_app(f"sqlite:///{tmp_path / 'm.sqlite'}"))


@pytest.mark.postgres
def test_the_built_in_versions_are_backfilled_on_postgres(pg_url):
    check_built_in_backfill(make_app(pg_url))
