"""Rendering every pose script for real (ffmpeg, no mocks) and reading the clips back."""

import shutil
import subprocess
import sys

import pytest
from PIL import Image

from server.media import load_pose_scripts, probe_clip, render_all
from server.media.build import FPS, frame_count, render_hash
from tests.media.helpers import FFMPEG, FRONT_VIEW, MAX_CLIP_BYTES, MAX_TOTAL_BYTES, POSES_DIR, ROOT, SLUGS, top_level_boxes


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    """Every clip, rendered once per test session from scratch with two workers."""
    out = tmp_path_factory.mktemp("media")
    clips = render_all(POSES_DIR, out, workers=2)
    return {"dir": out, "clips": clips}


@pytest.fixture(scope="module")
def scripts():
    return load_pose_scripts(POSES_DIR)


def test_one_clip_per_exercise(rendered):
    assert sorted(rendered["clips"]) == SLUGS


@pytest.mark.parametrize("slug", SLUGS)
def test_clip_is_a_valid_small_h264_mp4(rendered, scripts, slug):
    clip = probe_clip(rendered["clips"][slug].mp4)  # read back from the file, full decode
    script = scripts[slug]
    assert clip.codec == "h264"
    assert clip.pix_fmt == "yuv420p"
    assert max(clip.width, clip.height) <= 480 and clip.width % 2 == 0 and clip.height % 2 == 0
    assert 3 <= clip.duration_s <= 8
    assert clip.duration_s == pytest.approx(frame_count(script) / FPS, abs=0.05)
    assert clip.fps == FPS
    assert clip.bytes == clip.mp4.stat().st_size <= MAX_CLIP_BYTES
    assert clip.side == script.side
    assert clip.views == script.views  # the panels, as the file's metadata says
    assert clip.slug == slug
    assert len(clip.content_hash) == 16
    boxes = top_level_boxes(clip.mp4)
    assert boxes[0] == "ftyp" and boxes.index("moov") < boxes.index("mdat"), boxes  # +faststart


@pytest.mark.parametrize("slug", SLUGS)
def test_poster_matches_the_clip(rendered, slug):
    clip = rendered["clips"][slug]
    assert clip.poster is not None and clip.poster.suffix == ".jpg"
    with Image.open(clip.poster) as poster:
        assert poster.format == "JPEG"
        assert poster.size == (clip.width, clip.height)


def _figure_columns(image):
    """How many pixels of the figure's blues each column holds (the background and floor are warm greys)."""
    rgb = image.convert("RGB")
    w, h = rgb.size
    px = rgb.load()
    return [sum(1 for y in range(h) if px[x, y][2] > px[x, y][0] + 40) for x in range(w)]


@pytest.mark.parametrize("slug", FRONT_VIEW)
def test_front_view_clips_show_the_body_twice(rendered, tmp_path, slug):
    """A frame decoded from the MP4 holds a figure in each half: the side view and the front view."""
    png = tmp_path / "frame.png"
    subprocess.run([FFMPEG, "-v", "error", "-y", "-ss", "1.5", "-i", str(rendered["clips"][slug].mp4),
                    "-frames:v", "1", str(png)], check=True)
    with Image.open(png) as frame:
        assert frame.size == (480, 360)
        columns = _figure_columns(frame)
    left, right = sum(columns[:240]), sum(columns[240:])
    assert left > 2000 and right > 2000, (slug, left, right)
    assert columns[236:244] == [0] * 8  # a clear gap between the two figures, at the divider


def test_one_view_clip_shows_the_body_once(rendered, tmp_path):
    png = tmp_path / "frame.png"
    subprocess.run([FFMPEG, "-v", "error", "-y", "-ss", "1.5", "-i", str(rendered["clips"]["plank"].mp4),
                    "-frames:v", "1", str(png)], check=True)
    with Image.open(png) as frame:
        assert rendered["clips"]["plank"].views == ("side",)
        assert sum(_figure_columns(frame)[200:280]) > 1000  # the body runs across the middle


def test_all_clips_fit_the_budget(rendered):
    total = sum(c.bytes for c in rendered["clips"].values())
    assert total <= MAX_TOTAL_BYTES


def test_file_names_carry_the_render_hash(rendered, scripts):
    for slug, clip in rendered["clips"].items():
        name = render_hash(scripts[slug])
        assert clip.mp4.name == f"{slug}.{name}.mp4"
        assert clip.poster.name == f"{slug}.{name}.jpg"


def test_second_run_renders_nothing(rendered):
    before = {p.name: p.stat().st_mtime_ns for p in rendered["dir"].iterdir()}
    again = render_all(POSES_DIR, rendered["dir"], workers=2)
    assert {s: c.mp4 for s, c in again.items()} == {s: c.mp4 for s, c in rendered["clips"].items()}
    assert {p.name: p.stat().st_mtime_ns for p in rendered["dir"].iterdir()} == before


def test_stale_renders_are_removed_and_other_files_kept(rendered):
    out = rendered["dir"]
    stale = [out / "glute-bridge.0123456789ab.mp4", out / "glute-bridge.0123456789ab.jpg"]
    keep = [out / "glute-bridge.coach-0123456789ab.mp4", out / "glute-bridge-single-leg.0123456789ab.mp4"]
    for path in stale + keep:
        path.write_bytes(b"old")
    try:
        render_all(POSES_DIR, out, workers=2)
        assert not any(p.exists() for p in stale)
        assert all(p.exists() for p in keep)
    finally:
        for path in keep:
            path.unlink(missing_ok=True)


def test_editing_one_script_rerenders_only_that_clip(rendered, tmp_path):
    poses, out = tmp_path / "poses", tmp_path / "out"
    shutil.copytree(POSES_DIR, poses)
    shutil.copytree(rendered["dir"], out)
    with (poses / "plank.toml").open("a") as f:
        f.write("\n# an edit changes the hash\n")
    clips = render_all(poses, out, workers=2)
    old = rendered["clips"]
    assert clips["plank"].mp4.name != old["plank"].mp4.name
    assert not (out / old["plank"].mp4.name).exists()
    assert not (out / old["plank"].poster.name).exists()
    assert probe_clip(clips["plank"].mp4).duration_s == old["plank"].duration_s
    for slug in SLUGS:
        if slug != "plank":
            assert clips[slug].mp4.name == old[slug].mp4.name


def test_command_line(rendered):
    proc = subprocess.run([sys.executable, "-m", "server.media", "render", str(POSES_DIR), str(rendered["dir"])],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    for slug in SLUGS:
        assert any(line.startswith(slug + " ") and "bytes" in line and " s " in line for line in lines), slug
    assert lines[-1].startswith("total: 28 clips, ")
    assert "s of video" in lines[-1]
