"""Deleting an account removes every row of its data; exporting gives all of it, and only it."""

import csv
import io

import pytest
from sqlalchemy import func, select

from server.accounts.ownership import EXPORTED, NOT_EXPORTED
from server.accounts.reset import request_reset
from server.extensions import db
from server.accounts.rules.session_csv import CSV_COLUMNS
from tests.conftest import PASSWORD, log_in, register_account


def user_tables():
    """Every table with a foreign key to users.id, and that key."""
    return [
        (table, fk) for table in db.metadata.sorted_tables
        for fk in table.foreign_keys if fk.column.table.name == "users" and fk.column.name == "id"
    ]


def test_every_table_that_points_at_users_is_registered_and_cascades(app):
    with app.app_context():
        tables = user_tables()
    assert tables, "password_resets at least"
    registered = {t.model.__tablename__ for t in EXPORTED.values()} | NOT_EXPORTED
    for table, fk in tables:
        assert table.name in registered, f"{table.name} is not in server.accounts.ownership"
        assert fk.ondelete == "CASCADE", f"{table.name}.{fk.parent.name} must be ON DELETE CASCADE"
        assert fk.parent.name == "user_id"


def count_rows(user_id) -> dict:
    counts = {"users": db.session.scalar(select(func.count()).select_from(db.metadata.tables["users"])
                                         .where(db.metadata.tables["users"].c.id == user_id))}
    for table, fk in user_tables():
        counts[table.name] = db.session.scalar(select(func.count()).select_from(table).where(fk.parent == user_id))
    return counts


def test_deleting_the_account_removes_every_row_and_nobody_else_s(app, user, logged_in_client):
    other = register_account(app, "other@example.com")
    with app.app_context():
        request_reset(user.email)
        request_reset(other.email)
        assert count_rows(user.id)["password_resets"] == 1
    response = logged_in_client.delete("/api/account", json={"password": PASSWORD})
    assert response.status_code == 204
    with app.app_context():
        assert set(count_rows(user.id).values()) == {0}
        others = count_rows(other.id)
        assert (others["users"], others["password_resets"]) == (1, 1)
    assert logged_in_client.get("/api/auth/me").status_code == 401
    log_in(app.test_client(), other)


@pytest.mark.parametrize(("body", "status", "message"), [
    ({"password": "not-the-password"}, 403, "That password isn't right."),
    ({}, 403, "That password isn't right."),
    ({"password": 12345}, 403, "That password isn't right."),
])
def test_deleting_needs_the_password(app, user, logged_in_client, body, status, message):
    response = logged_in_client.delete("/api/account", json=body)
    assert response.status_code == status
    assert response.get_json() == {"error": {"status": status, "message": message}}
    with app.app_context():
        assert count_rows(user.id)["users"] == 1
    assert logged_in_client.get("/api/auth/me").status_code == 200


def test_the_json_export_holds_the_account_and_every_registered_table(user, logged_in_client):
    response = logged_in_client.get("/api/account/export?format=json")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="steady-export.json"'
    body = response.get_json()
    assert body["format"] == "steady-account-export"
    assert body["format_version"] == 1
    assert body["account"]["email"] == user.email
    assert set(EXPORTED) <= set(body)
    assert "password" not in response.get_data(as_text=True)
    assert "scrypt" not in response.get_data(as_text=True)


def test_the_csv_export_has_the_one_csv_header(logged_in_client):
    response = logged_in_client.get("/api/account/export?format=csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="steady-export.csv"'
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == CSV_COLUMNS


def test_an_unknown_export_format_is_400(logged_in_client):
    response = logged_in_client.get("/api/account/export?format=xml")
    assert response.status_code == 400
    assert response.get_json()["error"]["message"] == "Choose format=json or format=csv."


def test_one_user_exports_only_their_own_account(app, logged_in_client):
    register_account(app, "other@example.com")
    body = logged_in_client.get("/api/account/export").get_json()
    assert "other@example.com" not in str(body)
