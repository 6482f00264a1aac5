"""The application factory and its configuration."""

import pytest

from server import create_app


def test_testing_config_is_applied(app):
    assert app.config["TESTING"] is True


def test_default_database_is_sqlite_in_the_instance_folder(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app({"SECRET_KEY": "x"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{app.instance_path}/steady.sqlite"


@pytest.mark.parametrize(("given", "expected"), [
    ("postgres://u:p@db/steady", "postgresql+psycopg://u:p@db/steady"),
    ("postgresql://u:p@db/steady", "postgresql+psycopg://u:p@db/steady"),
    ("postgresql+psycopg://u@db/steady", "postgresql+psycopg://u@db/steady"),
])
def test_database_url_selects_postgres(monkeypatch, given, expected):
    monkeypatch.setenv("DATABASE_URL", given)
    assert create_app({"SECRET_KEY": "x"}).config["SQLALCHEMY_DATABASE_URI"] == expected


def test_sqlite_runs_in_wal_mode(app):
    from server.extensions import db

    with app.app_context(), db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_sqlite_commits_without_a_sync_each(app):
    from server.extensions import db

    # 1 is NORMAL: in WAL mode a commit is durable across a crash without waiting for the disk.
    with app.app_context(), db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1
