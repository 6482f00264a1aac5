"""Bad requests: a 400 naming the field with nothing applied, a 413 over 1 MB, a 401 when logged out."""

import json

import pytest

from tests.conftest import csrf_token
from tests.sync.conftest import put, session_record

CLIENT = "6f2c1f0e-8b1a-4c55-9a51-2a0a3f1d2b10"


@pytest.mark.parametrize(("path", "body", "field"), [
    ("/api/sync/push", b"{", "body"),
    ("/api/sync/push", b'"x"', "body"),
    ("/api/sync/push", {"client_id": CLIENT, "mutations": []}, "protocol"),
    ("/api/sync/push", {"protocol": 1, "client_id": "me", "mutations": []}, "client_id"),
    ("/api/sync/push", {"protocol": 1, "client_id": CLIENT, "mutations": "all"}, "mutations"),
    ("/api/sync/push", {"protocol": 1, "client_id": CLIENT, "mutations": [{"id": 1}] * 501}, "mutations"),
    ("/api/sync/push", {"protocol": 1, "client_id": CLIENT,
                        "mutations": [put("session", session_record()) | {"id": 1}, {"id": "2"}]}, "mutations.1.id"),
    ("/api/sync/pull", {"protocol": 1, "client_id": CLIENT, "cursor": "0"}, "cursor"),
    ("/api/sync/pull", {"protocol": 1, "client_id": CLIENT, "cursor": 0, "limit": 501}, "limit"),
    ("/api/sync/pull", {"protocol": 1, "client_id": CLIENT, "cursor": 0, "limit": 0}, "limit"),
])
def test_a_bad_envelope_is_a_400_naming_the_field_and_applies_nothing(device, path, body, field):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    response = device.http.post(path, data=data, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["field"] == field
    assert device.pull().get_json()["changes"] == []


def test_a_body_over_one_megabyte_is_a_json_413(device):
    huge = session_record(notes="x" * (1024 * 1024))
    response = device.push(put("session", huge))
    assert response.status_code == 413
    assert response.get_json()["error"]["status"] == 413


@pytest.mark.parametrize("path", ["/api/sync/push", "/api/sync/pull"])
def test_a_logged_out_request_is_a_json_401(sync_app, path):
    http = sync_app.test_client()
    response = http.post(path, json={"protocol": 1, "client_id": CLIENT, "mutations": []},
                         headers={"X-CSRFToken": csrf_token(http)})
    assert response.status_code == 401
    assert response.get_json()["error"]["message"] == "Log in to do this."


@pytest.mark.parametrize("payload", [
    {"notes": "\x00"}, {"notes\x00": "x"}, {"entries": [[[[]]]] * 3}, {"effort": 1e308 * 10},
    {"effort": 2**70}, {"notes": "\udfff"}, {"id": None}, {"routine": {"$gt": ""}},
    {"entries": 5}, {"entries": "abc"}, {"entries": {"a": 1}}, {"entries": [None, 3, []]}, {"started_at": []},
])
def test_no_payload_makes_a_500(device, payload):
    mutation = put("session", session_record() | payload, entity_id=session_record()["id"])
    body = json.dumps({"protocol": 1, "client_id": device.client_id, "mutations": [mutation | {"id": 1}]})
    response = device.http.post("/api/sync/push", data=body.encode("utf-8", "surrogatepass"),
                                content_type="application/json")
    assert response.status_code in (200, 400), response.get_data()
