"""The catalogue API contract that the page code, the service worker and sync rely on."""

import gzip
import json

import pytest

from server.catalog.content import read_catalog
from tests.conftest import CONTENT_DIR

EXERCISE_FIELDS = {
    "slug", "name", "summary", "tags", "muscles", "steps", "top_tip", "faults", "equipment",
    "unilateral", "prescription", "easier", "harder", "sources",
}
ROUTINE_FIELDS = {"slug", "name", "summary", "format", "rounds", "work_seconds", "rest_seconds",
                  "round_rest_seconds", "sessions_per_week", "tags", "sources", "items"}


def test_catalog_has_every_card_and_routine(client):
    response = client.get("/api/catalog")
    assert response.status_code == 200
    body = response.get_json()
    content = read_catalog(CONTENT_DIR)
    assert len(body["version"]) == 16 and body["version"] != "empty"
    assert [e["slug"] for e in body["exercises"]] == list(content.exercises)
    assert [r["slug"] for r in body["routines"]] == list(content.routines)
    for exercise in body["exercises"]:
        assert EXERCISE_FIELDS <= exercise.keys(), exercise["slug"]
        assert exercise["steps"] and exercise["faults"] and exercise["muscles"]
    slugs = {e["slug"] for e in body["exercises"]}
    for routine in body["routines"]:
        assert ROUTINE_FIELDS <= routine.keys(), routine["slug"]
        assert {item["exercise"] for item in routine["items"]} <= slugs


def test_catalog_card_matches_its_file(client):
    card = client.get("/api/catalog/exercises/side-plank").get_json()
    source = read_catalog(CONTENT_DIR).exercises["side-plank"]
    assert card["name"] == source.name
    assert card["steps"] == source.steps
    assert card["prescription"]["hold_seconds"] == source.prescription.hold_seconds
    assert card["unilateral"] is True


@pytest.mark.parametrize(("slug", "start"), [("side-plank", 30), ("glute-bridge", 14), ("lunge", 10)])
def test_a_card_carries_its_ladder_starting_at_the_cards_dose(client, slug, start):
    ladder = client.get(f"/api/catalog/exercises/{slug}").get_json()["ladder"]
    source = read_catalog(CONTENT_DIR).ladders[slug]
    assert ladder["exercise"] == slug
    assert (ladder["dose"], ladder["low"], ladder["high"], ladder["step"]) == (source.dose, source.low, source.high, source.step)
    assert [rung["label"] for rung in ladder["rungs"]] == [rung.label for rung in source.rungs]
    assert ladder["start"] == start  # the card's own dose, snapped down onto the ladder's steps


def test_etag_gives_304(client):
    first = client.get("/api/catalog")
    etag = first.headers["ETag"]
    again = client.get("/api/catalog", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""


def test_stale_etag_gives_the_full_catalogue(client):
    response = client.get("/api/catalog", headers={"If-None-Match": '"not-the-version"'})
    assert response.status_code == 200
    assert response.get_json()["exercises"]


def test_catalog_is_compressed_and_304_still_works(client):
    response = client.get("/api/catalog", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    body = json.loads(gzip.decompress(response.data))
    assert body["exercises"]
    again = client.get("/api/catalog", headers={"Accept-Encoding": "gzip", "If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


@pytest.mark.parametrize("slug", ["no-such-thing", "SIDE-PLANK", "side plank"])
def test_unknown_exercise_is_a_json_404(client, slug):
    response = client.get(f"/api/catalog/exercises/{slug}")
    assert response.status_code == 404
    assert response.is_json
    assert response.get_json()["error"]["status"] == 404
    assert "No exercise called" in response.get_json()["error"]["message"]


def test_unknown_api_path_is_a_json_404(client):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and response.is_json
