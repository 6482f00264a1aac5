"""Videos made with the shipped ffmpeg, good and bad, and an app whose clip jobs the test runs itself.

Import the fixtures into a test module: ``from tests.coach.clip_fixtures import clip_app, videos  # noqa: F401``.
"""

import io
import random
import subprocess
import zipfile
from pathlib import Path

import pytest

from server.media.probe import ffmpeg_exe

SLUG = "plank"


def make_video(path: Path, *source: str, codec: list[str], seconds: float = 2) -> Path:
    """A test video from ffmpeg's lavfi sources."""
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", *source, "-t", str(seconds), *codec, str(path)],
                   check=True, capture_output=True, timeout=120)
    return path


def _padded(good: Path, path: Path, size: int) -> Path:
    """``good`` with a trailing ``free`` box: a valid MP4 of ``size`` bytes."""
    data = good.read_bytes()
    pad = size - len(data)
    path.write_bytes(data + pad.to_bytes(4, "big") + b"free" + bytes(pad - 8))
    return path


def _scrambled(good: Path, path: Path) -> Path:
    """``good`` with its picture data replaced by noise: the boxes and ffmpeg's report are fine, the frames are not."""
    data = bytearray(good.read_bytes())
    at = data.find(b"mdat")
    size = int.from_bytes(data[at - 4:at], "big")
    noise = random.Random(1)
    data[at + 4:at - 4 + size] = bytes(noise.randrange(256) for _ in range(size - 8))
    path.write_bytes(bytes(data))
    return path


def _zipped(good: Path, path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.write(good, "clip.mp4")
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture(scope="session")
def videos(tmp_path_factory) -> dict[str, Path]:
    """Good MP4 (960x540, to be scaled down), MOV (portrait) and WebM; and every kind of bad file."""
    folder = tmp_path_factory.mktemp("videos")
    h264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    made = {
        "mp4": make_video(folder / "good.mp4", "-f", "lavfi", "-i", "testsrc=size=960x540:rate=25", codec=h264),
        "mov": make_video(folder / "good.mov", "-f", "lavfi", "-i", "testsrc=size=240x320:rate=60",
                          "-f", "lavfi", "-i", "sine", codec=[*h264, "-c:a", "aac", "-metadata", "title=phone-title",
                                                                      "-f", "mov"]),
        "webm": make_video(folder / "good.webm", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                           codec=["-c:v", "libvpx-vp9", "-deadline", "realtime"]),
        "audio": make_video(folder / "audio.m4a", "-f", "lavfi", "-i", "sine", codec=["-c:a", "aac"]),
        "small": make_video(folder / "small.mp4", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", codec=h264),
    }
    made["long"] = make_video(folder / "long.mp4", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=30", codec=h264,
                              seconds=12)
    # A phone holding the camera upright stores the frames sideways and says "rotate by 90 degrees".
    landscape = make_video(folder / "landscape.mp4", "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=30", codec=h264)
    made["sideways"] = make_video(folder / "sideways.mp4", "-display_rotation", "90", "-i", str(landscape),
                                  codec=["-c", "copy"])
    made["odd"] = make_video(folder / "odd.mp4", "-f", "lavfi", "-i", "testsrc=size=241x321:rate=25",
                             codec=["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv444p"])
    made["big"] = _padded(made["small"], folder / "big.mp4", 1536 * 1024)
    made["scrambled"] = _scrambled(made["small"], folder / "scrambled.mp4")
    made["zip"] = _zipped(made["small"], folder / "zip.mp4")
    made["truncated"] = folder / "truncated.mp4"
    made["truncated"].write_bytes(made["small"].read_bytes()[: made["small"].stat().st_size * 2 // 3])
    made["truncated-webm"] = folder / "truncated.webm"
    made["truncated-webm"].write_bytes(made["webm"].read_bytes()[: made["webm"].stat().st_size // 2])
    made["junk"] = folder / "junk.mp4"
    made["junk"].write_bytes(random.Random(2).randbytes(20_000))
    made["empty"] = folder / "empty.mp4"
    made["empty"].write_bytes(b"")
    return made


@pytest.fixture
def clip_app(app, tmp_path):
    """``app`` with its uploads in ``tmp_path`` and jobs left for the test to run (``run_pending_jobs``)."""
    app.config.update(UPLOAD_DIR=str(tmp_path / "uploads"), COACH_JOBS_IN_BACKGROUND=False)
    return app


def upload(client, path: Path, slug: str = SLUG, name: str | None = None):
    """POST a file to the upload route as a phone's browser does (multipart ``file``)."""
    with path.open("rb") as handle:
        return client.post(f"/api/coach/clips/{slug}", data={"file": (handle, name or path.name)},
                           content_type="multipart/form-data")


def served_video(client, slug: str = SLUG) -> dict:
    """The ``video`` the catalogue serves to runners for an exercise."""
    return client.get(f"/api/catalog/exercises/{slug}").get_json()["video"]


def uploads_left(app) -> list[str]:
    """Files waiting in the upload folder."""
    folder = Path(app.config["UPLOAD_DIR"])
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
