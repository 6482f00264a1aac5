"""A render builds and checks each pose script's motion once, in the load, and hands it on."""

import shutil

import pytest

from server.media import Motion, load_motion, render_all
from server.media import motion as motion_module
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


def test_a_process_samples_each_script_content_once(tmp_path, monkeypatch):
    """A second load of the same script skips the sampled checks; a changed script is checked afresh."""
    sampled = []
    frame = Motion.frame

    def counted(self, u):
        sampled.append(self.script.slug)
        return frame(self, u)

    monkeypatch.setattr(motion_module, "_PASSED", set())
    monkeypatch.setattr(Motion, "frame", counted)
    path = tmp_path / f"{SHORTEST[0]}.toml"
    shutil.copy(POSES_DIR / path.name, path)
    load_motion(path)
    first = len(sampled)
    assert first > 0
    load_motion(path)
    assert len(sampled) == first  # the same content: not sampled again
    path.write_text(path.read_text().replace("duration_s", "# changed\nduration_s", 1))
    load_motion(path)
    assert len(sampled) > first  # new content: checked again
