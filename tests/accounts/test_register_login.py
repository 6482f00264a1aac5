"""Registering, logging in and out, and who /api/auth/me says you are."""

import pytest

from tests.conftest import PASSWORD, csrf_token, log_in, register_account


def post(client, path, body):
    return client.post(path, json=body, headers={"X-CSRFToken": csrf_token(client)})


def test_register_answers_201_and_logs_in(client):
    response = post(client, "/api/auth/register", {"email": "  New.Runner@Example.COM ", "password": PASSWORD})
    assert response.status_code == 201
    assert response.get_json()["email"] == "new.runner@example.com"
    me = client.get("/api/auth/me")
    assert me.status_code == 200
    assert me.get_json()["email"] == "new.runner@example.com"


def test_a_duplicate_email_is_409_whatever_its_case(client, user):
    response = post(client, "/api/auth/register", {"email": user.email.upper(), "password": PASSWORD})
    assert response.status_code == 409
    assert response.get_json()["error"]["message"] == "An account with that email already exists. Log in instead."


@pytest.mark.parametrize(("email", "password", "message"), [
    ("a@example.com", "", "Enter a password."),
    ("a@example.com", None, "Enter a password."),
    ("a@example.com", "short-one", "Use at least 10 characters for your password."),
    ("a@example.com", "x" * 1025, "Use at most 1024 characters for your password."),
    ("a@example.com", "1234567890",
     "That password is one of the most common ones; choose one that is harder to guess."),
    ("a@example.com", "Password123",
     "That password is one of the most common ones; choose one that is harder to guess."),
    ("a@example.com", "aaaaaaaaaaaaa",
     "That password is one of the most common ones; choose one that is harder to guess."),
    ("longer.name@example.com", "LONGER.NAME@example.com", "Don't use your email address as your password."),
    ("not-an-email", PASSWORD, "Enter a valid email address, like name@example.com."),
    ("two@@example.com", PASSWORD, "Enter a valid email address, like name@example.com."),
    ("no-domain@", PASSWORD, "Enter a valid email address, like name@example.com."),
    ("space in@example.com", PASSWORD, "Enter a valid email address, like name@example.com."),
    ("nodot@example", PASSWORD, "Enter a valid email address, like name@example.com."),
    ("x" * 250 + "@example.com", PASSWORD, "Enter a valid email address, like name@example.com."),
    (None, PASSWORD, "Enter a valid email address, like name@example.com."),
    (42, PASSWORD, "Enter a valid email address, like name@example.com."),
])
def test_registration_rules(client, email, password, message):
    response = post(client, "/api/auth/register", {"email": email, "password": password})
    assert response.status_code == 400
    assert response.get_json() == {"error": {"status": 400, "message": message}}
    assert client.get("/api/auth/me").status_code == 401


def test_a_body_that_is_not_a_json_object_is_400(client):
    response = client.post("/api/auth/register", data="email=a", headers={"X-CSRFToken": csrf_token(client)})
    assert response.status_code == 400
    assert response.get_json()["error"]["message"] == "Send a JSON object."


def test_login_answers_200_with_the_account(client, user):
    response = log_in(client, user)
    assert response.get_json()["email"] == user.email
    assert client.get("/api/auth/me").get_json()["id"] == str(user.id)


@pytest.mark.parametrize("who", ["wrong password", "unknown email", "malformed email", "no password"])
def test_a_failed_login_says_one_generic_thing(client, user, who):
    body = {
        "wrong password": {"email": user.email, "password": PASSWORD + "x"},
        "unknown email": {"email": "nobody@example.com", "password": PASSWORD},
        "malformed email": {"email": "nobody", "password": PASSWORD},
        "no password": {"email": user.email},
    }[who]
    response = post(client, "/api/auth/login", body)
    assert response.status_code == 401
    assert response.get_json() == {"error": {"status": 401, "message": "That email and password don't match an account."}}
    assert client.get("/api/auth/me").status_code == 401


def test_login_starts_a_new_session(app, user):
    """Whatever the session held before login (a planted one, say) does not survive it."""
    client = app.test_client()
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    log_in(client, user)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"].startswith(str(user.id))


def test_logout_answers_204_and_ends_the_session(logged_in_client):
    assert logged_in_client.post("/api/auth/logout").status_code == 204
    assert logged_in_client.get("/api/auth/me").status_code == 401


def test_me_without_a_login_is_a_401_json(client):
    response = client.get("/api/auth/me")
    assert response.status_code == 401
    assert response.get_json() == {"error": {"status": 401, "message": "Log in to do this."}}


def test_csrf_endpoint_gives_a_token_that_is_not_cached(client):
    response = client.get("/api/auth/csrf")
    assert response.get_json()["csrf_token"]
    assert "no-store" in response.headers["Cache-Control"]


def test_the_fixtures_give_a_logged_in_client(logged_in_client, user):
    assert logged_in_client.get("/api/auth/me").get_json()["email"] == user.email


def test_a_second_account_is_separate(app, client, user):
    other = register_account(app, "other@example.com")
    log_in(client, other)
    assert client.get("/api/auth/me").get_json()["email"] == "other@example.com"


def test_a_logged_in_request_reads_its_user_once_by_primary_key(app, logged_in_client):
    from sqlalchemy import event

    from server.extensions import db

    reads = []

    def note(conn, cursor, statement, *args):
        if "FROM users" in statement:
            reads.append(statement)

    with app.app_context():
        engine = db.engine  # each request below then has an app context (and a g) of its own
    event.listen(engine, "before_cursor_execute", note)
    try:
        for _ in range(2):
            assert logged_in_client.get("/api/auth/me").status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert len(reads) == 2, reads
    assert all(read.rstrip().endswith("WHERE users.id = ?") for read in reads), reads
