"""Junk at every route, as a stranger, a runner and a coach: never a 5xx, and every refusal under /api
is the JSON error a device can show. Seeded, so a failure repeats; each role sends about 4,000 requests."""

import io
import json
import random
import re
import uuid

import pytest

from server.accounts.service import set_coach
from tests.coach.conftest import new_exercise, new_program, new_routine
from tests.conftest import log_in, register_account

ROUNDS = 60
SCALARS = [None, True, False, 0, -1, 1, 2**63, -2**63, 1e308, -1e308, 0.5, "", "x", "\x00", "a" * 5000, "2026-13-45",
           "00000000-0000-0000-0000-000000000000", "plank", "core-staples", "🏃", "<script>", "../../etc/passwd", "NaN",
           "null", [], {}, [1, 2], {"a": 1}]
KEYS = ["id", "email", "password", "data", "entity", "op", "mutations", "cursor", "limit", "protocol", "client_id",
        "entity_id", "base_version", "slug", "name", "items", "program", "exercise", "rung", "dose", "remember",
        "token", "new_password", "current_password", "entries", "runs", "steps", "ladder", "weeks"]
RAW_BODIES = [b"{", b"\xff\xfe{}", b"[]", b"null", b'"x"', b'{"a":' * 1000, b"[" * 5000, b"{}" * 3]
PARTS = ["plank", "core-staples", "core-and-balance-foundations", "wall-sit", "x", "0", "-1", "%00", "a" * 300, "..",
         str(uuid.uuid4())]
# Valid bodies for the routes that take one, so junk in one field reaches the checks behind the envelope.
VALID = {
    "/api/auth/register": lambda: {"email": "new@example.com", "password": "a long enough password"},
    "/api/auth/login": lambda: {"email": "runner@example.com", "password": "wrong but well formed"},
    "/api/auth/password": lambda: {"current_password": "x", "new_password": "another long password"},
    "/api/auth/reset": lambda: {"email": "runner@example.com"},
    "/api/coach/exercises": new_exercise,
    "/api/coach/routines": new_routine,
    "/api/coach/programs": new_program,
}


def junk(rng: random.Random, depth: int = 0):
    """A random JSON value: mostly awkward scalars, sometimes lists and objects of them."""
    roll = rng.random()
    if depth > 3 or roll < 0.5:
        return rng.choice(SCALARS)
    if roll < 0.75:
        return [junk(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice(KEYS): junk(rng, depth + 1) for _ in range(rng.randint(0, 6))}


def spoil(rng: random.Random, value):
    """``value`` with one field somewhere in it replaced by junk (or dropped)."""
    if isinstance(value, dict) and value and rng.random() < 0.8:
        key = rng.choice(sorted(value))
        if rng.random() < 0.15:
            return {k: v for k, v in value.items() if k != key}
        return value | {key: spoil(rng, value[key])}
    if isinstance(value, list) and value and rng.random() < 0.8:
        at = rng.randrange(len(value))
        return value[:at] + [spoil(rng, value[at])] + value[at + 1:]
    return junk(rng)


def address(rng: random.Random, rule: str) -> str:
    """A URL for a route, each parameter filled with something plausible or not."""
    def part(match: re.Match) -> str:
        options = re.match(r"any\((.*)\)", match.group(1) or "")
        return rng.choice([*options.group(1).replace(" ", "").split(","), "x"]) if options else rng.choice(PARTS)
    url = re.sub(r"<(?:([^:>]+):)?\w+>", part, rule)
    if rng.random() < 0.3:
        url += rng.choice(["?cursor=x", "?limit=1e9", "?days=-3&from=2026-02-30", "?q=%00", "?" + "a=1&" * 200])
    return url


def body_for(rng: random.Random, url: str) -> dict:
    """Keyword arguments for the test client: a spoiled valid body, JSON junk, broken bytes or a junk upload."""
    roll = rng.random()
    valid = VALID.get(re.sub(r"/[^/]+$", "", url) if url.startswith("/api/coach/") and url.count("/") == 4 else url)
    if valid and roll < 0.5:
        return {"data": json.dumps(spoil(rng, valid())), "content_type": "application/json"}
    if roll < 0.75:
        return {"data": json.dumps(junk(rng)), "content_type": "application/json"}
    if roll < 0.9:
        return {"data": rng.choice(RAW_BODIES), "content_type": "application/json"}
    upload = (io.BytesIO(bytes(rng.randrange(256) for _ in range(rng.randint(0, 64)))), rng.choice(["clip.mp4", "x", ""]))
    return {"data": {rng.choice(["file", "video", "x"]): upload}, "content_type": "multipart/form-data"}


def refusal_problem(response) -> str | None:
    """What is wrong with an /api refusal's body, or None when it is the JSON error devices read."""
    body = response.get_json(silent=True)
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict) or error.get("status") != response.status_code or not error.get("message"):
        return f"not a JSON error: {response.get_data()[:200]!r}"
    return None


@pytest.mark.parametrize("role", ["stranger", "runner", "coach"])
def test_junk_at_every_route_is_refused_clearly(app, role):
    rng = random.Random(f"junk-{role}")
    client = app.test_client()
    if role != "stranger":
        account = register_account(app, f"{role}@example.com")
        if role == "coach":
            with app.app_context():
                set_coach(account.email, True)
        log_in(client, account)
    routes = [(rule.rule, sorted(rule.methods - {"HEAD", "OPTIONS"})) for rule in app.url_map.iter_rules()
              if not rule.rule.startswith("/static/")]
    # Every broken body at every route that takes one, then random junk everywhere.
    sweep = [(rule, method, {"data": raw, "content_type": "application/json"}) for rule, methods in routes
             for method in methods if method in ("POST", "PUT", "PATCH", "DELETE") for raw in RAW_BODIES]
    randoms = [(rule, method, None) for _ in range(ROUNDS) for rule, methods in routes for method in methods]
    problems, sent = [], 0
    for rule, method, request in sweep + randoms:
        url = address(rng, rule)
        if request is None:
            request = body_for(rng, url) if method in ("POST", "PUT", "PATCH", "DELETE") else {}
        response = client.open(url, method=method, **request)
        sent += 1
        if response.status_code >= 500:
            problems.append((method, url, response.status_code, str(request.get("data"))[:200]))
        elif response.status_code >= 400 and url.startswith("/api/") and (problem := refusal_problem(response)):
            problems.append((method, url, response.status_code, problem))
    assert sent > 3500
    assert problems == []
