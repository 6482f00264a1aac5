"""A render builds and checks each pose script's motion once, in the load, and hands it on."""

import shutil

import pytest

from server.media import Motion, render_all
from tests.media.helpers import POSES_DIR

SHORTEST = ("band-ankle-dorsiflexion", "band-ankle-eversion")


@pytest.mark.parametrize("workers", [1, 2])
def test_a_render_builds_each_motion_once(tmp_path, monkeypatch, workers):
    poses = tmp_path / "poses"
    poses.mkdir()
    for slug in SHORTEST:
        shutil.copy(POSES_DIR / f"{slug}.toml", poses)
    built = []
    build = Motion.__init__

    def counted(self, script):
        built.append(script.slug)
        build(self, script)

    # Spawned workers import Motion afresh; they are handed checked motions and build none.
    monkeypatch.setattr(Motion, "__init__", counted)
    clips = render_all(poses, tmp_path / "out", workers=workers)
    assert sorted(clips) == list(SHORTEST)
    assert sorted(built) == list(SHORTEST)
