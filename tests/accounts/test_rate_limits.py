"""Rate limits on login, register and reset: per address and per account, answered with a JSON 429."""

import statistics
import time

import pytest

from tests.conftest import PASSWORD, csrf_token, register_account

TOO_MANY_FROM_ADDRESS = "Too many attempts from your network. Wait a minute and try again."
TOO_MANY_FOR_ACCOUNT = "Too many attempts for this account. Wait a few minutes and try again."


def attempt(client, path, body, address="203.0.113.1"):
    """One request from ``address``, with a CSRF token fetched from the same address."""
    environ = {"REMOTE_ADDR": address}
    token = client.get("/api/auth/csrf", environ_base=environ).get_json()["csrf_token"]
    return client.post(path, json=body, headers={"X-CSRFToken": token}, environ_base=environ)


def assert_limited(response, message, longest):
    assert response.status_code == 429
    assert response.get_json() == {"error": {"status": 429, "message": message}}
    assert 0 < int(response.headers["Retry-After"]) <= longest


def test_twenty_login_attempts_a_minute_from_one_address(client):
    for n in range(20):
        response = attempt(client, "/api/auth/login", {"email": f"n{n}@example.com", "password": PASSWORD})
        assert response.status_code == 401, n
    assert_limited(attempt(client, "/api/auth/login", {"email": "last@example.com", "password": PASSWORD}),
                   TOO_MANY_FROM_ADDRESS, 60)
    # Another address is counted on its own.
    other = attempt(client, "/api/auth/login", {"email": "last@example.com", "password": PASSWORD}, "203.0.113.2")
    assert other.status_code == 401


def test_ten_failed_logins_lock_the_account_for_fifteen_minutes(client, user):
    for n in range(10):
        wrong = attempt(client, "/api/auth/login", {"email": user.email, "password": "wrong-" + str(n)}, f"198.51.100.{n}")
        assert wrong.status_code == 401, n
    # Even the right password, from yet another address, waits now.
    right = attempt(client, "/api/auth/login", {"email": user.email, "password": PASSWORD}, "198.51.100.99")
    assert_limited(right, TOO_MANY_FOR_ACCOUNT, 15 * 60)
    # The email is the key however it is written.
    shouted = attempt(client, "/api/auth/login", {"email": " " + user.email.upper(), "password": PASSWORD}, "198.51.100.98")
    assert shouted.status_code == 429


def test_successful_logins_do_not_count_against_the_account(client, user):
    for n in range(12):
        response = attempt(client, "/api/auth/login", {"email": user.email, "password": PASSWORD}, f"198.51.100.{n}")
        assert response.status_code == 200, n
    for n in range(9):
        attempt(client, "/api/auth/login", {"email": user.email, "password": "nope-nope"}, f"192.0.2.{n}")
    assert attempt(client, "/api/auth/login", {"email": user.email, "password": PASSWORD}, "192.0.2.50").status_code == 200


def test_registration_is_limited_per_address(client):
    for n in range(20):
        response = attempt(client, "/api/auth/register", {"email": f"n{n}@example.com", "password": "short"})
        assert response.status_code == 400, n
    assert_limited(attempt(client, "/api/auth/register", {"email": "x@example.com", "password": PASSWORD}),
                   TOO_MANY_FROM_ADDRESS, 60)


def test_registration_is_limited_per_account(client):
    for n in range(10):
        attempt(client, "/api/auth/register", {"email": "same@example.com", "password": "short"}, f"198.51.100.{n}")
    assert_limited(attempt(client, "/api/auth/register", {"email": "same@example.com", "password": PASSWORD}, "198.51.100.77"),
                   TOO_MANY_FOR_ACCOUNT, 15 * 60)


def test_reset_requests_are_limited_per_account_and_per_address(client):
    for n in range(5):
        assert attempt(client, "/api/auth/reset", {"email": "who@example.com"}, f"198.51.100.{n}").status_code == 202
    assert_limited(attempt(client, "/api/auth/reset", {"email": "who@example.com"}, "198.51.100.50"), TOO_MANY_FOR_ACCOUNT, 3600)
    for n in range(20):
        assert attempt(client, "/api/auth/reset", {"email": f"n{n}@example.com"}).status_code == 202
    assert_limited(attempt(client, "/api/auth/reset", {"email": "fresh@example.com"}), TOO_MANY_FROM_ADDRESS, 60)


@pytest.fixture
def costly_app(app):
    """``app`` hashing with the production scrypt parameters, where timing differences would show."""
    from server.config import Defaults

    app.config["PASSWORD_HASH_METHOD"] = Defaults.PASSWORD_HASH_METHOD
    return app


def test_a_wrong_email_takes_as_long_as_a_wrong_password(costly_app):
    account = register_account(costly_app, "timed@example.com")
    client = costly_app.test_client()
    bodies = {"wrong password": {"email": account.email, "password": "not-the-password"},
              "unknown email": {"email": "nobody@example.com", "password": "not-the-password"}}
    timings = {name: [] for name in bodies}
    attempt(client, "/api/auth/login", bodies["unknown email"], "192.0.2.200")  # warm up both paths
    for n in range(8):
        for name, body in bodies.items():
            environ = {"REMOTE_ADDR": f"192.0.2.{n}"}
            token = client.get("/api/auth/csrf", environ_base=environ).get_json()["csrf_token"]
            start = time.perf_counter()
            response = client.post("/api/auth/login", json=body, headers={"X-CSRFToken": token}, environ_base=environ)
            timings[name].append(time.perf_counter() - start)
            assert response.status_code == 401
    wrong_password, unknown_email = (statistics.median(timings[name]) for name in bodies)
    # Without the dummy hash an unknown email answers tens of times faster.
    assert 0.5 < unknown_email / wrong_password < 2, timings


def test_the_limiter_runs_only_for_limited_views(monkeypatch, template_db, tmp_path):
    import shutil

    from server.extensions import limiter
    from tests.conftest import make_app

    checks = []
    check = limiter._check_request_limit
    monkeypatch.setattr(limiter, "_check_request_limit", lambda *a, **k: checks.append(k) or check(*a, **k))
    shutil.copy(template_db, tmp_path / "limited.sqlite")
    client = make_app(f"sqlite:///{tmp_path / 'limited.sqlite'}").test_client()
    assert client.get("/api/auth/me").status_code == 401
    assert client.get("/api/auth/csrf").status_code == 200
    assert checks == []
    attempt(client, "/api/auth/login", {"email": "n@example.com", "password": PASSWORD})
    assert checks and all(k.get("in_middleware") is False for k in checks)


def test_a_default_limit_keeps_the_limiter_on_every_request(template_db, tmp_path):
    import shutil

    from server.extensions import limiter
    from tests.conftest import make_app

    shutil.copy(template_db, tmp_path / "default.sqlite")
    app = make_app(f"sqlite:///{tmp_path / 'default.sqlite'}", RATELIMIT_DEFAULT="2 per minute")
    assert limiter._check_request_limit in app.before_request_funcs[None]
    client = app.test_client()
    assert [client.get("/api/auth/csrf").status_code for _ in range(3)] == [200, 200, 429]
