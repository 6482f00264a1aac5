"""Every protected endpoint answers a JSON 401, and every state-changing one wants a CSRF token."""

import re

import pytest

from tests.conftest import make_app

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
# Endpoints that must work without a login; every other /api endpoint needs one.
OPEN = {
    "accounts.csrf_token", "accounts.register", "accounts.login", "accounts.logout",
    "accounts.request_reset", "accounts.complete_reset",
    "catalog.catalog", "catalog.exercise",
}


def _api_rules():
    app = make_app("sqlite://")
    return [
        (rule.endpoint, method, path)
        for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/")
        for path in _example_paths(rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
    ]


SAMPLES = {"<token>": "sometoken", "<slug>": "plank", "<path:filename>": "x", "<job_id>": "1"}
ANY = re.compile(r"<any\(([^)]*)\):\w+>")


def _example_paths(rule: str) -> list[str]:
    """The rule with a sample for each argument; one path per choice of an ``any(…)`` argument."""
    for placeholder, sample in SAMPLES.items():
        rule = rule.replace(placeholder, sample)
    if match := ANY.search(rule):
        return [path for choice in match.group(1).split(",")
                for path in _example_paths(rule[:match.start()] + choice.strip(" '\"") + rule[match.end():])]
    assert "<" not in rule, f"no sample for an argument of {rule}: add one to SAMPLES"
    return [rule]


API = _api_rules()
PROTECTED = [(e, m, p) for e, m, p in API if e not in OPEN]
CHANGING = [(e, m, p) for e, m, p in API if m in STATE_CHANGING]


def test_the_lists_cover_the_account_endpoints():
    assert {"accounts.me", "accounts.change_password", "accounts.delete_account", "accounts.export_account"} <= {
        e for e, _, _ in PROTECTED}
    assert {"accounts.register", "accounts.login", "accounts.request_reset", "accounts.delete_account"} <= {
        e for e, _, _ in CHANGING}


@pytest.mark.parametrize(("endpoint", "method", "path"), PROTECTED, ids=[f"{m} {p}" for _, m, p in PROTECTED])
def test_without_a_login_the_answer_is_a_json_401(client, endpoint, method, path):
    token = client.get("/api/auth/csrf").get_json()["csrf_token"]
    response = client.open(path, method=method, json={}, headers={"X-CSRFToken": token})
    assert response.status_code == 401
    assert "Location" not in response.headers
    assert response.get_json() == {"error": {"status": 401, "message": "Log in to do this."}}


@pytest.mark.parametrize(("endpoint", "method", "path"), CHANGING, ids=[f"{m} {p}" for _, m, p in CHANGING])
def test_without_a_csrf_token_the_answer_is_a_json_400(logged_in_client, endpoint, method, path):
    del logged_in_client.environ_base["HTTP_X_CSRFTOKEN"]
    response = logged_in_client.open(path, method=method, json={})
    assert response.status_code == 400
    assert response.get_json() == {"error": {"status": 400, "message": "The CSRF token is missing."}}
    assert logged_in_client.get("/api/auth/me").status_code == 200  # nothing happened, still logged in


def test_a_wrong_csrf_token_is_a_json_400(client):
    client.get("/api/auth/csrf")
    response = client.post("/api/auth/login", json={}, headers={"X-CSRFToken": "forged"})
    assert response.status_code == 400
    assert response.get_json() == {"error": {"status": 400, "message": "The CSRF token is invalid."}}


def test_the_header_token_is_checked_without_reading_a_form(client):
    token = client.get("/api/auth/csrf").get_json()["csrf_token"]
    # Flask-WTF alone would read the form's (forged) field first and refuse.
    response = client.post("/api/auth/logout", data={"csrf_token": "forged"}, headers={"X-CSRFToken": token})
    assert response.status_code == 204


def test_a_form_token_still_counts_without_the_header(client):
    client.get("/api/auth/csrf")
    response = client.post("/api/auth/logout", data={"csrf_token": "forged"})
    assert response.get_json() == {"error": {"status": 400, "message": "The CSRF token is invalid."}}


def test_a_token_from_another_session_is_refused(app, client):
    other = app.test_client()
    token = other.get("/api/auth/csrf").get_json()["csrf_token"]
    client.get("/api/auth/csrf")
    response = client.post("/api/auth/login", json={}, headers={"X-CSRFToken": token})
    assert response.status_code == 400
    assert response.get_json()["error"]["message"] == "The CSRF tokens do not match."


def test_a_token_with_no_session_behind_it_is_refused(client):
    response = client.post("/api/auth/login", json={}, headers={"X-CSRFToken": "forged"})
    assert response.get_json() == {"error": {"status": 400, "message": "The CSRF session token is missing."}}
