"""Who may use the studio: anonymous 401, runners 403, coaches in; the operator's grant and revoke."""

import pytest

from tests.conftest import csrf_token, log_in, register_account


def test_anonymous_users_get_a_json_401(client):
    response = client.get("/api/coach/actions")
    assert response.status_code == 401
    assert response.get_json()["error"]["message"] == "Log in to do this."


def test_runners_get_a_json_403(app, client):
    log_in(client, register_account(app))
    response = client.get("/api/coach/actions")
    assert response.status_code == 403
    assert "Only coaches" in response.get_json()["error"]["message"]


def test_coaches_get_in(coach_client):
    response = coach_client.get("/api/coach/actions")
    assert response.status_code == 200
    assert response.get_json() == {"actions": []}


@pytest.mark.parametrize("command, before, after", [("grant-coach", False, True), ("revoke-coach", True, False)])
def test_a_grant_or_revoke_takes_effect_on_the_next_request(app, client, command, before, after):
    account = register_account(app)
    log_in(client, account)
    runner = app.test_cli_runner()
    if before:
        assert runner.invoke(args=["users", "grant-coach", account.email]).exit_code == 0
    assert (client.get("/api/coach/actions").status_code == 200) is before
    assert client.get("/api/auth/me").get_json()["coach"] is before

    result = runner.invoke(args=["users", command, account.email.upper()])
    assert result.exit_code == 0, result.output
    assert ("now a coach" if after else "no longer a coach") in result.output
    assert (client.get("/api/coach/actions").status_code == 200) is after
    assert client.get("/api/auth/me").get_json()["coach"] is after


def test_granting_an_unknown_email_says_so(app):
    result = app.test_cli_runner().invoke(args=["users", "grant-coach", "nobody@example.com"])
    assert result.exit_code == 1
    assert "No account has the email 'nobody@example.com'." in result.output


STUDIO_CALLS = [
    (method, path.format(kinds=kinds))
    for kinds, slug in (("exercises", "side-plank"), ("routines", "back-and-core-circuit"),
                        ("programs", "core-and-balance-foundations"))
    for method, path in (("GET", "/api/coach/{kinds}"), ("POST", "/api/coach/{kinds}"),
                         ("GET", "/api/coach/{kinds}/" + slug), ("PUT", "/api/coach/{kinds}/" + slug),
                         ("POST", "/api/coach/{kinds}/" + slug + "/publish"),
                         ("POST", "/api/coach/{kinds}/" + slug + "/revert"),
                         ("DELETE", "/api/coach/{kinds}/" + slug),
                         ("POST", "/api/coach/{kinds}/" + slug + "/restore"))
]


@pytest.mark.parametrize("method, path", STUDIO_CALLS)
def test_every_catalogue_endpoint_is_for_coaches_only(app, client, method, path):
    anonymous = client.open(path, method=method, json={}, headers={"X-CSRFToken": csrf_token(client)})
    assert anonymous.status_code == 401
    log_in(client, register_account(app))
    response = client.open(path, method=method, json={})
    assert response.status_code == 403
    assert "Only coaches" in response.get_json()["error"]["message"]


@pytest.mark.parametrize("method, path", [call for call in STUDIO_CALLS if call[0] != "GET"])
def test_a_coach_without_the_csrf_token_is_refused_and_nothing_changes(coach_client, method, path):
    before = coach_client.get("/api/coach/actions").get_json()
    del coach_client.environ_base["HTTP_X_CSRFTOKEN"]
    response = coach_client.open(path, method=method, json={})
    assert response.status_code == 400
    assert "CSRF" in response.get_json()["error"]["message"]
    assert coach_client.get("/api/coach/actions").get_json() == before
