"""Clips in the catalogue and over HTTP: every exercise has one, within budget, served with Range."""

import pytest

from tests.conftest import MEDIA_DIR

CLIP_BUDGET = 400 * 1024
TOTAL_BUDGET = 10 * 1024 * 1024


@pytest.fixture
def catalog(client):
    return client.get("/api/catalog").get_json()


def test_every_exercise_has_a_clip_within_budget(client, catalog):
    total = 0
    for exercise in catalog["exercises"]:
        video = exercise["video"]
        assert {"src", "poster", "duration_s", "bytes"} <= video.keys(), exercise["slug"]
        assert 3 <= video["duration_s"] <= 8, exercise["slug"]
        assert video["bytes"] <= CLIP_BUDGET, exercise["slug"]
        assert max(video["width"], video["height"]) <= 480
        file = MEDIA_DIR / video["src"].removeprefix("/media/")
        assert file.stat().st_size == video["bytes"]
        total += video["bytes"]
        if exercise["unilateral"]:
            assert video["side"] in {"left", "right"}, exercise["slug"]
    assert total <= TOTAL_BUDGET


def test_clip_and_poster_are_served_with_long_caching(client, catalog):
    video = catalog["exercises"][0]["video"]
    clip = client.get(video["src"])
    assert clip.status_code == 200
    assert clip.mimetype == "video/mp4"
    assert len(clip.data) == video["bytes"]
    assert "immutable" in clip.headers["Cache-Control"] and "max-age=31536000" in clip.headers["Cache-Control"]
    assert clip.headers["Accept-Ranges"] == "bytes"
    assert clip.headers["ETag"]
    poster = client.get(video["poster"])
    assert poster.status_code == 200 and poster.mimetype.startswith("image/")


@pytest.mark.parametrize(("header", "start", "end"), [
    ("bytes=0-1", 0, 1),
    ("bytes=100-199", 100, 199),
    ("bytes=-50", None, None),
    ("bytes=1000-", 1000, None),
])
def test_range_returns_exactly_the_requested_bytes(client, catalog, header, start, end):
    video = catalog["exercises"][0]["video"]
    whole = client.get(video["src"]).data
    size = len(whole)
    if start is None:
        start, end = size - 50, size - 1
    if end is None:
        end = size - 1
    part = client.get(video["src"], headers={"Range": header})
    assert part.status_code == 206
    assert part.headers["Content-Range"] == f"bytes {start}-{end}/{size}"
    assert part.data == whole[start:end + 1]


def test_unsatisfiable_range_is_416(client, catalog):
    video = catalog["exercises"][0]["video"]
    response = client.get(video["src"], headers={"Range": f"bytes={video['bytes'] + 10}-"})
    assert response.status_code == 416
    assert response.headers["Content-Range"] == f"bytes */{video['bytes']}"


def test_etag_revalidates_to_304(client, catalog):
    src = catalog["exercises"][0]["video"]["src"]
    etag = client.get(src).headers["ETag"]
    assert client.get(src, headers={"If-None-Match": etag}).status_code == 304


@pytest.mark.parametrize("path", ["/media/nothing.mp4", "/media/../content/sources.toml"])
def test_unknown_media_is_404(client, path):
    assert client.get(path).status_code == 404
