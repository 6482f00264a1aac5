"""A coach replaces a rendered clip by dropping an MP4 named after the exercise into content/clips/."""

import shutil

import pytest

from server.catalog.content import CatalogInvalid
from server.catalog.service import catalog_payload, catalog_version, load_catalog
from tests.conftest import CONTENT_DIR, MEDIA_DIR


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    (folder / "clips").mkdir(exist_ok=True)
    return folder


def rendered_clip(slug: str):
    return next(MEDIA_DIR.glob(f"{slug}.*.mp4"))


def test_a_dropped_mp4_replaces_the_rendered_clip(app, content):
    shutil.copy(rendered_clip("glute-bridge"), content / "clips" / "plank.mp4")
    with app.app_context():
        before = catalog_version()
        result = load_catalog(content, MEDIA_DIR)
        assert result.version != before
        plank = next(e for e in catalog_payload()["exercises"] if e["slug"] == "plank")
    assert plank["video"]["origin"] == "coach"
    assert "coach-" in plank["video"]["src"]
    assert app.test_client().get(plank["video"]["poster"]).status_code == 200
    assert app.test_client().get(plank["video"]["src"]).data == (content / "clips" / "plank.mp4").read_bytes()


@pytest.mark.parametrize(("name", "data", "message"), [
    ("plank.mp4", b"this is a text file, not a video", "not a playable H.264 MP4"),
    ("plank.mp4", "truncated", "not a playable H.264 MP4"),
    ("plank.mov", b"whatever", "only .mp4 files"),
    ("no-such-exercise.mp4", "copy", "no exercise 'no-such-exercise'"),
])
def test_a_bad_drop_is_named_and_nothing_changes(app, content, name, data, message):
    if data == "truncated":
        data = rendered_clip("glute-bridge").read_bytes()[:5000]
    elif data == "copy":
        data = rendered_clip("glute-bridge").read_bytes()
    (content / "clips" / name).write_bytes(data)
    with app.app_context():
        before = catalog_version()
        with pytest.raises(CatalogInvalid) as caught:
            load_catalog(content, MEDIA_DIR)
        assert catalog_version() == before
    assert f"clips/{name}" in str(caught.value)
    assert message in str(caught.value)
