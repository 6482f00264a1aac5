"""probe_clip reads facts from the file and refuses anything that is not a playable H.264 MP4."""

import subprocess

import pytest

from server.media import ClipInvalid, probe_clip
from tests.media.helpers import FFMPEG


def _encode(path, *args):
    subprocess.run([FFMPEG, "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=20", "-t", "3",
                    *args, str(path)], check=True, capture_output=True)
    return path


@pytest.fixture(scope="module")
def good_clip(tmp_path_factory):
    path = tmp_path_factory.mktemp("probe") / "sample.0123456789ab.mp4"
    return _encode(path, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart",
                   "-metadata", "comment=steady side=right")


def test_reads_facts_from_the_file(good_clip):
    clip = probe_clip(good_clip)
    assert (clip.slug, clip.codec, clip.pix_fmt) == ("sample", "h264", "yuv420p")
    assert (clip.width, clip.height) == (320, 240)
    assert clip.duration_s == pytest.approx(3.0, abs=0.05)
    assert clip.fps == 20
    assert clip.side == "right"
    assert clip.bytes == good_clip.stat().st_size
    assert clip.poster is None


def test_text_file_renamed_mp4(tmp_path):
    path = tmp_path / "notes.mp4"
    path.write_text("This is not a video.\n" * 20)
    with pytest.raises(ClipInvalid, match="not an MP4"):
        probe_clip(path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.mp4"
    path.write_bytes(b"")
    with pytest.raises(ClipInvalid, match="empty"):
        probe_clip(path)


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.999])
def test_truncated_mp4(good_clip, tmp_path, keep):
    data = good_clip.read_bytes()
    path = tmp_path / "cut.mp4"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(ClipInvalid, match="truncated"):
        probe_clip(path)


def test_wrong_codec(tmp_path):
    path = _encode(tmp_path / "mpeg4.mp4", "-c:v", "mpeg4")
    with pytest.raises(ClipInvalid, match="mpeg4, not H.264"):
        probe_clip(path)


def test_pixel_format_browsers_cannot_play(tmp_path):
    path = _encode(tmp_path / "yuv444.mp4", "-c:v", "libx264", "-pix_fmt", "yuv444p")
    with pytest.raises(ClipInvalid, match="yuv444p"):
        probe_clip(path)


def test_missing_file(tmp_path):
    with pytest.raises(ClipInvalid, match="no such file"):
        probe_clip(tmp_path / "gone.mp4")
