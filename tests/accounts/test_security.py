"""Headers on every response, capped bodies, and cookie flags that follow the public origin."""

import shutil

import pytest

from tests.conftest import PASSWORD, csrf_token, make_app, register_account

PATHS = ["/", "/exercises", "/api/catalog", "/api/auth/me", "/nowhere", "/sw.js", "/manifest.webmanifest",
         "/static/css/base.css"]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_a_body_over_the_cap_is_a_json_413(client):
    response = client.post("/api/auth/login", data=b"{" + b" " * (1024 * 1024 + 1) + b"}",
                           content_type="application/json", headers={"X-CSRFToken": csrf_token(client)})
    assert response.status_code == 413
    assert response.get_json()["error"]["status"] == 413


def _login_cookies(app, origin="http://localhost") -> list[str]:
    account = register_account(app)
    client = app.test_client()
    token = client.get("/api/auth/csrf", base_url=origin).get_json()["csrf_token"]
    # Over https Flask-WTF also wants a same-origin Referer, which browsers send.
    response = client.post("/api/auth/login", json={"email": account.email, "password": PASSWORD, "remember": True},
                           base_url=origin, headers={"X-CSRFToken": token, "Referer": origin + "/login"})
    assert response.status_code == 200
    return response.headers.getlist("Set-Cookie")


def test_cookies_are_httponly_and_lax_but_not_secure_on_plain_http(app):
    cookies = _login_cookies(app)
    assert {c.split("=")[0] for c in cookies} == {"session", "remember_token"}
    for cookie in cookies:
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_cookies_are_secure_when_the_origin_is_https(template_db, tmp_path):
    shutil.copy(template_db, tmp_path / "s.sqlite")
    app = make_app(f"sqlite:///{tmp_path / 's.sqlite'}", ORIGIN="https://steady.example.org")
    cookies = _login_cookies(app, "https://steady.example.org")
    assert len(cookies) == 2
    for cookie in cookies:
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_a_catalogue_304_from_the_fast_path_carries_the_security_headers(client):
    etag = client.get("/api/catalog").headers["ETag"]
    response = client.get("/api/catalog", headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.headers["Content-Security-Policy"].endswith("frame-ancestors 'none'")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
