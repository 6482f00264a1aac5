"""Changing a password signs out every other device, remember cookies included; rehash on login."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from flask_login import decode_cookie

from server.extensions import db
from server.accounts.models import User
from server.config import Defaults
from tests.conftest import PASSWORD, TEST_HASH_METHOD, log_in

NEW_PASSWORD = "a-brand-new-phrase"
# The test client talks to ORIGIN's host, so its cookies are kept for that host.
HOST = urlsplit(Defaults.ORIGIN).hostname


def remember_cookie(client):
    return client.get_cookie("remember_token", domain=HOST)


def test_change_password_signs_out_other_devices_but_not_this_one(app, user, logged_in_client):
    phone = app.test_client()
    log_in(phone, user, remember=True)
    phone_remember = remember_cookie(phone)
    assert phone_remember is not None

    response = logged_in_client.post("/api/auth/password", json={"current_password": PASSWORD, "password": NEW_PASSWORD})
    assert response.status_code == 200
    assert logged_in_client.get("/api/auth/me").status_code == 200

    assert phone.get("/api/auth/me").status_code == 401
    # Even the year-long remember cookie alone no longer opens the account.
    cookie_only = app.test_client()
    cookie_only.set_cookie("remember_token", phone_remember.value, domain=HOST)
    assert cookie_only.get("/api/auth/me").status_code == 401


def test_the_device_that_changed_it_keeps_its_remember_cookie(app, user):
    client = app.test_client()
    log_in(client, user, remember=True)
    response = client.post("/api/auth/password", json={"current_password": PASSWORD, "password": NEW_PASSWORD})
    assert response.status_code == 200
    fresh = app.test_client()
    fresh.set_cookie("remember_token", remember_cookie(client).value, domain=HOST)
    assert fresh.get("/api/auth/me").status_code == 200


def test_the_new_password_logs_in_and_the_old_one_does_not(app, user, logged_in_client):
    logged_in_client.post("/api/auth/password", json={"current_password": PASSWORD, "password": NEW_PASSWORD})
    old = app.test_client()
    token = old.get("/api/auth/csrf").get_json()["csrf_token"]
    assert old.post("/api/auth/login", json={"email": user.email, "password": PASSWORD},
                    headers={"X-CSRFToken": token}).status_code == 401
    log_in(app.test_client(), user.__class__(user.id, user.email, NEW_PASSWORD))


def test_a_wrong_current_password_is_403_and_changes_nothing(app, user, logged_in_client):
    response = logged_in_client.post("/api/auth/password", json={"current_password": "not-it-at-all", "password": NEW_PASSWORD})
    assert response.status_code == 403
    assert response.get_json() == {"error": {"status": 403, "message": "That password isn't right."}}
    log_in(app.test_client(), user)


def test_a_weak_new_password_is_400_naming_the_rule(logged_in_client):
    response = logged_in_client.post("/api/auth/password", json={"current_password": PASSWORD, "password": "short"})
    assert response.status_code == 400
    assert response.get_json()["error"]["message"] == "Use at least 10 characters for your password."


def test_login_rehashes_when_the_parameters_changed(app, user):
    app.config["PASSWORD_HASH_METHOD"] = "scrypt:2048:8:1"
    log_in(app.test_client(), user)
    with app.app_context():
        stored = db.session.get(User, user.id).password_hash
    assert stored.startswith("scrypt:2048:8:1$")
    assert not stored.startswith(TEST_HASH_METHOD + "$")
    log_in(app.test_client(), user)  # and the new hash still opens it


def test_the_remember_cookie_lasts_a_year_and_names_the_epoch(app, user):
    client = app.test_client()
    response = log_in(client, user, remember=True)
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("remember_token="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    expires = remember_cookie(client).expires
    assert abs(expires - datetime.now(UTC) - timedelta(days=365)) < timedelta(minutes=5)
    with app.test_request_context():
        assert decode_cookie(remember_cookie(client).value) == f"{user.id}.0"
