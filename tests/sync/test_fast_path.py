"""The sync fast path answers a logged-in push or pull as the app would, and steps aside for anything else."""

import gzip
import json
import time
from contextlib import contextmanager, nullcontext
from urllib.parse import urlsplit

import pytest
from flask import request, request_started
from flask.sessions import SecureCookieSessionInterface
from flask_login.utils import _create_identifier
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import delete, update

from server.accounts.models import User
from server.accounts.session_identity import session_identifier
from server.config import Defaults
from server.extensions import db
from server.sync.fast_path import SyncFastPath, stands_in_for
from tests.conftest import PASSWORD, log_in
from tests.sync.conftest import Device, new_account, put, session_record

HOST = urlsplit(Defaults.ORIGIN).hostname  # the test client keeps its cookies for ORIGIN's host
LOGGED_OUT = {"error": {"status": 401, "message": "Log in to do this."}}
# A session that cannot be read is an empty one, so the CSRF check (which runs before the login's) refuses first.
NO_SESSION = {"error": {"status": 400, "message": "The CSRF session token is missing."}}
DAY = 24 * 60 * 60


@contextmanager
def reaching_flask(app):
    """The paths of the requests that reach Flask's dispatch while the block runs (the fast path's never do)."""
    paths = []

    def record(_sender, **_extra):
        paths.append(request.path)

    request_started.connect(record, app)
    try:
        yield paths
    finally:
        request_started.disconnect(record, app)


@contextmanager
def without_fast_path(app):
    """Serve ``app`` through Flask alone for the block: the answers the fast path must reproduce."""
    fast = app.wsgi_app
    app.wsgi_app = fast.wsgi_app
    try:
        yield
    finally:
        app.wsgi_app = fast


def session_cookie(device) -> str:
    return device.http.get_cookie("session", domain=HOST).value


def signed_at(app, data: dict, moment: float) -> str:
    """A session cookie holding ``data``, signed with the app's key as if at ``moment``."""
    serializer = app.session_interface.get_signing_serializer(app)
    signer = serializer.make_signer()
    signer.get_timestamp = lambda: int(moment)
    return signer.sign(serializer.dump_payload(data)).decode()


def session_data(app, device) -> dict:
    return app.session_interface.get_signing_serializer(app).loads(session_cookie(device))


def test_the_fast_path_answers_push_and_pull_without_flask(sync_app, device):
    assert isinstance(sync_app.wsgi_app, SyncFastPath)
    record = session_record()
    with reaching_flask(sync_app) as reached:
        assert device.push(put("session", record)).get_json() == {"last_mutation_id": 1, "rejected": []}
        page = device.pull().get_json()
    assert reached == []
    assert [change["data"] for change in page["changes"]] == [record]


@pytest.mark.parametrize("kind", ["push", "pull"])
def test_its_answers_are_the_apps_headers_included(sync_app, kind):
    # Two runners with the same history: one served by the fast path, the other by Flask alone.
    fast, slow = Device(sync_app, new_account(sync_app)), Device(sync_app, new_account(sync_app))

    def call(device):
        device.push(put("session", session_record()))
        return device.push(put("session", session_record())) if kind == "push" else device.pull()

    answer = call(fast)
    with without_fast_path(sync_app), reaching_flask(sync_app) as reached:
        expected = call(slow)
    assert reached  # the reference really came from Flask
    assert (answer.status_code, dict(answer.headers)) == (expected.status_code, dict(expected.headers))
    body, reference = answer.get_json(), expected.get_json()
    for change in body.get("changes", []) + reference.get("changes", []):
        change.pop("id"), change["data"].pop("id")  # each runner's own record
    assert body == reference
    assert answer.headers["Content-Security-Policy"].endswith("frame-ancestors 'none'")
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["Vary"] == "Accept-Encoding, Cookie"
    assert "Set-Cookie" not in answer.headers


def test_a_tampered_cookie_gets_the_apps_refusal_and_nothing_is_stored(sync_app, device):
    good = session_cookie(device)
    device.http.set_cookie("session", good[:-2] + ("AA" if not good.endswith("AA") else "BB"), domain=HOST)
    with reaching_flask(sync_app) as reached:
        response = device.push(put("session", session_record()))
    assert (response.status_code, response.get_json()) == (400, NO_SESSION)
    assert reached == ["/api/sync/push"]
    device.http.set_cookie("session", good, domain=HOST)
    assert device.pull().get_json()["changes"] == []


@pytest.mark.parametrize("token, message", [
    (None, "The CSRF token is missing."),
    ("forged", "The CSRF token is invalid."),
    ("another session's", "The CSRF tokens do not match."),
])
def test_a_missing_or_wrong_csrf_token_is_the_apps_400(sync_app, device, account, token, message):
    if token == "another session's":
        token = Device(sync_app, account).http.environ_base["HTTP_X_CSRFTOKEN"]
    if token is None:
        del device.http.environ_base["HTTP_X_CSRFTOKEN"]
    else:
        device.http.environ_base["HTTP_X_CSRFTOKEN"] = token
    response = device.push(put("session", session_record()))
    assert (response.status_code, response.get_json()) == (400, {"error": {"status": 400, "message": message}})


def test_an_expired_csrf_token_is_the_apps_400(sync_app, device):
    serializer = URLSafeTimedSerializer(sync_app.secret_key, salt="wtf-csrf-token")  # as Flask-WTF signs its tokens
    signer = serializer.make_signer()
    signer.get_timestamp = lambda: int(time.time()) - 3601  # an hour and a second ago
    raw = session_data(sync_app, device)["csrf_token"]
    device.http.environ_base["HTTP_X_CSRFTOKEN"] = signer.sign(serializer.dump_payload(raw)).decode()
    response = device.pull()
    assert (response.status_code, response.get_json()["error"]["message"]) == (400, "The CSRF token has expired.")


def test_an_expired_session_gets_the_apps_refusal(sync_app, device):
    lifetime = sync_app.permanent_session_lifetime.total_seconds()
    data = session_data(sync_app, device)
    device.http.set_cookie("session", signed_at(sync_app, data, time.time() - lifetime - 1), domain=HOST)
    assert (device.pull().status_code, device.pull().get_json()) == (400, NO_SESSION)
    device.http.set_cookie("session", signed_at(sync_app, data, time.time() - lifetime + 60), domain=HOST)
    assert device.pull().status_code == 200


def test_a_session_it_checked_before_is_not_vouched_for_once_it_expires(sync_app, device, monkeypatch):
    lifetime = sync_app.permanent_session_lifetime.total_seconds()
    device.http.set_cookie("session", signed_at(sync_app, session_data(sync_app, device), time.time() - lifetime + 30),
                           domain=HOST)
    with reaching_flask(sync_app) as reached:
        assert device.pull().status_code == 200
    assert reached == []  # checked once, and remembered
    later = time.time() + 60
    monkeypatch.setattr("server.accounts.session_identity.time.time", lambda: later)
    with reaching_flask(sync_app) as reached:
        device.pull()
    assert reached == ["/api/sync/pull"]  # the remembered signature is too old now: the app decides


def test_a_user_deleted_while_logged_in_is_logged_out(sync_app, device, account):
    assert device.push(put("session", session_record())).status_code == 200
    with sync_app.app_context():
        for table in reversed(db.metadata.sorted_tables):
            if "user_id" in table.c:
                db.session.execute(delete(table).where(table.c.user_id == account.id))
        db.session.execute(delete(User).where(User.id == account.id))
        db.session.commit()
    for response in (device.push(put("session", session_record())), device.pull()):
        assert (response.status_code, response.get_json()) == (401, LOGGED_OUT)


def test_after_logging_out_the_device_is_refused(sync_app, device):
    assert device.http.post("/api/auth/logout").status_code == 204
    response = device.push(put("session", session_record()))
    assert (response.status_code, response.get_json()) == (400, NO_SESSION)
    # With a new token for the session logging out left, the answer is the 401 of a device never logged in.
    device.http.environ_base["HTTP_X_CSRFTOKEN"] = device.http.get("/api/auth/csrf").get_json()["csrf_token"]
    response = device.push(put("session", session_record()))
    assert (response.status_code, response.get_json()) == (401, LOGGED_OUT)


def test_signing_out_everywhere_refuses_the_old_sessions(sync_app, device, account):
    assert device.pull().status_code == 200
    sign_out_everywhere(sync_app, account)
    response = device.pull()
    assert (response.status_code, response.get_json()) == (401, LOGGED_OUT)


def sign_out_everywhere(app, account) -> None:
    """What a password change or reset does to every other device: bump the login epoch."""
    with app.app_context():
        db.session.execute(update(User).where(User.id == account.id).values(auth_epoch=User.auth_epoch + 1))
        db.session.commit()


def test_a_stale_login_is_refused_before_the_body_is_looked_at_and_nothing_is_stored(sync_app, device, account):
    # The epoch is checked in the service's first statement: a bad body, a new client or a client of
    # another account must still get the app's 401, as the app answers a stale login before anything else.
    assert device.push(put("session", session_record())).status_code == 200
    other, unused = Device(sync_app, new_account(sync_app)), Device(sync_app, account)  # unused: a new client
    assert other.pull().status_code == 200
    sign_out_everywhere(sync_app, account)
    with reaching_flask(sync_app) as reached:
        answers = [device.http.post("/api/sync/push", data=b"{not json", content_type="application/json"),
                   device.http.post("/api/sync/pull", json={"protocol": 1, "client_id": "x"}),
                   device.push(put("session", session_record())), device.pull(),
                   unused.push(put("session", session_record())), unused.pull(),
                   device.http.post("/api/sync/pull", json={"protocol": 1, "client_id": other.client_id,
                                                            "cursor": None, "limit": 10})]
    assert [(r.status_code, r.get_json()) for r in answers] == [(401, LOGGED_OUT)] * 7
    assert len(reached) == 7  # each one the app's own answer
    assert len(other.everything()) == 0
    log_in(device.http, account)
    assert device.pull().get_json()["last_mutation_id"] == 1  # the refused push stored nothing


def test_a_body_over_the_cap_is_the_apps_json_413(sync_app, device):
    response = device.http.post("/api/sync/push", data=b"{" + b" " * (1024 * 1024) + b"}",
                                content_type="application/json")
    assert response.status_code == 413
    assert response.get_json()["error"]["status"] == 413
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_other_requests_pass_through_untouched(app, logged_in_client):
    with reaching_flask(app) as reached:
        assert logged_in_client.get("/api/auth/me").status_code == 200
        wrong_method = logged_in_client.get("/api/sync/push")
        trailing = logged_in_client.post("/api/sync/pushes", json={})
    assert reached == ["/api/auth/me", "/api/sync/push", "/api/sync/pushes"]
    assert wrong_method.status_code == 405 and wrong_method.get_json()["error"]["status"] == 405
    assert trailing.status_code == 404


def test_a_request_from_another_browser_is_left_to_flask_login(app, user):
    device = Device(app, user)
    device.http.environ_base["HTTP_USER_AGENT"] = "another browser"
    with reaching_flask(app) as reached:
        response = device.pull()
    # Session protection ("basic") marks the session not fresh: the app answers, with the new cookie.
    assert response.status_code == 200 and reached == ["/api/sync/pull"]
    assert session_data(app, device)["_fresh"] is False
    with reaching_flask(app) as reached:
        assert device.pull().status_code == 200
    assert reached == []  # nothing left for Flask-Login to change


def test_a_remember_cookie_alone_is_left_to_flask_login(app, user):
    device = Device(app, user)
    device.http.post("/api/auth/login", json={"email": user.email, "password": PASSWORD, "remember": True})
    device.http.environ_base["HTTP_X_CSRFTOKEN"] = device.http.get("/api/auth/csrf").get_json()["csrf_token"]
    data = session_data(app, device)
    device.http.set_cookie("session", signed_at(app, {"csrf_token": data["csrf_token"]}, time.time()), domain=HOST)
    with reaching_flask(app) as reached:
        response = device.pull()
    assert response.status_code == 200 and reached == ["/api/sync/pull"]
    assert "_user_id" in session_data(app, device)  # Flask-Login logged the device back in from its cookie


def test_the_session_identifier_is_flask_logins(app):
    for headers in ({}, {"User-Agent": "Mozilla/5.0 (é)"}, {"X-Forwarded-For": "203.0.113.9, 10.0.0.1"}):
        with app.test_request_context("/api/sync/pull", headers=headers, environ_base={"REMOTE_ADDR": "10.1.2.3"}):
            assert session_identifier(request) == _create_identifier()


def test_a_large_answer_to_a_client_taking_gzip_is_compressed_as_the_app_does(sync_app):
    fast, slow = Device(sync_app, new_account(sync_app)), Device(sync_app, new_account(sync_app))
    answers = []
    for device, served in ((fast, nullcontext), (slow, without_fast_path)):
        with served(sync_app):
            assert device.push(*[put("session", session_record()) for _ in range(5)]).status_code == 200
            answers.append(device.http.post("/api/sync/pull", headers={"Accept-Encoding": "gzip"}, json={
                "protocol": 1, "client_id": device.client_id, "cursor": None, "limit": 500}))
    answer, expected = answers
    assert answer.headers["Content-Encoding"] == "gzip"
    assert dict(answer.headers) == dict(expected.headers) | {"Content-Length": answer.headers["Content-Length"]}
    assert len(json.loads(gzip.decompress(answer.data))["changes"]) == 5


def test_a_hook_added_after_it_was_installed_makes_it_step_aside(app, user):
    app.before_request(lambda: None)
    device = Device(app, user)
    with reaching_flask(app) as reached:
        assert device.pull().status_code == 200
    assert reached == ["/api/sync/pull"]


def test_it_is_not_installed_in_front_of_hooks_it_does_not_know(app):
    # Default rate limits, for one, keep the limiter's hook on every request: the sync views must run it.
    assert stands_in_for(app)
    app.before_request(lambda: None)
    assert not stands_in_for(app)


def test_it_is_not_installed_for_sessions_other_than_flasks_cookies(app):
    app.session_interface = type("ServerSideSessions", (SecureCookieSessionInterface,), {})()
    assert not stands_in_for(app)
