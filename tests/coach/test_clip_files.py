"""A coach clip the catalogue no longer serves is kept a week for devices that still name it, then deleted."""

import os
import time
import uuid
from pathlib import Path

import pytest

from server.coach.clip_files import sweep_clip_files
from server.coach.clip_jobs import run_pending_jobs
from server.coach.models import ClipJob
from server.extensions import db
from tests.coach.clip_fixtures import SLUG, clip_app, served_video, upload, videos  # noqa: F401
from tests.coach.conftest import new_exercise

DAY = 86_400


@pytest.fixture
def media(clip_app, tmp_path) -> Path:
    """A media folder of this test's own: the sweep must never see the clips other tests publish."""
    folder = tmp_path / "media"
    clip_app.config["MEDIA_DIR"] = str(folder)
    return folder


def uploaded(app, client, video: Path, slug: str = SLUG) -> dict:
    """Upload ``video`` for ``slug``, run its job, and return the clip it attached."""
    response = upload(client, video, slug=slug)
    assert response.status_code == 202
    with app.app_context():
        assert run_pending_jobs() == 1
        job = db.session.get(ClipJob, uuid.UUID(response.get_json()["job"]["id"]))
        assert job.state == "done", job.error
        return job.video


def files_of(media: Path, video: dict) -> list[Path]:
    return [media / video[key].removeprefix("/media/") for key in ("src", "poster")]


def age(paths: list[Path], days: float) -> None:
    """Make ``paths`` look as if they were last changed ``days`` ago."""
    for path in paths:
        then = time.time() - days * DAY
        os.utime(path, (then, then))


def sweep(app) -> list[str]:
    with app.app_context():
        return sorted(path.name for path in sweep_clip_files())


def test_a_replaced_clip_is_kept_for_a_week_then_deleted(clip_app, coach_client, videos, media):
    first = uploaded(clip_app, coach_client, videos["small"])
    age(files_of(media, first), 30)  # published long ago: its week starts when it is replaced, not then
    second = uploaded(clip_app, coach_client, videos["webm"])
    assert served_video(coach_client)["src"] == second["src"]
    assert all(path.is_file() for path in files_of(media, first)), "a device with the old catalogue can still fetch it"
    assert coach_client.get(first["src"]).status_code == 200

    age(files_of(media, first), 6)
    assert sweep(clip_app) == []
    age(files_of(media, first), 8)
    assert sweep(clip_app) == sorted(path.name for path in files_of(media, first))
    assert coach_client.get(first["src"]).status_code == 404
    assert all(path.is_file() for path in files_of(media, second))
    assert coach_client.get(second["src"]).status_code == 200


def test_a_served_clip_is_never_deleted_however_old(clip_app, coach_client, videos, media):
    video = uploaded(clip_app, coach_client, videos["small"])
    age(files_of(media, video), 400)
    assert sweep(clip_app) == []
    assert coach_client.get(video["src"]).status_code == 200


@pytest.mark.parametrize("slug, unserve", [
    (SLUG, lambda client, slug: client.post(f"/api/coach/exercises/{slug}/revert")),  # back to the built-in render
    ("wall-sit", lambda client, slug: client.delete(f"/api/coach/exercises/{slug}")),  # a coach-made one, deleted
])
def test_reverting_or_deleting_an_exercise_starts_its_clips_week(clip_app, coach_client, videos, media, slug, unserve):
    if slug == "wall-sit":
        assert coach_client.post("/api/coach/exercises", json=new_exercise()).status_code == 201
    video = uploaded(clip_app, coach_client, videos["small"], slug)
    age(files_of(media, video), 30)
    response = unserve(coach_client, slug)
    assert response.status_code == 200, response.get_json()
    assert all(path.is_file() for path in files_of(media, video))
    age(files_of(media, video), 8)
    assert sweep(clip_app) == sorted(path.name for path in files_of(media, video))


def test_a_clip_being_published_and_other_files_are_left_alone(clip_app, coach_client, videos, media):
    uploaded(clip_app, coach_client, videos["small"])
    folder = media / "coach"
    publishing = folder / ".plank.0123456789ab.mp4.x1.tmp.mp4"  # publish_file's temporary name
    fresh = folder / "side-plank.0123456789ab.mp4"  # a job's file, published a moment before it is attached
    for path in (publishing, fresh):
        path.write_bytes(b"\0")
    age([publishing], 30)
    assert sweep(clip_app) == []
    assert publishing.is_file() and fresh.is_file()


def test_the_operators_command_sweeps_too(clip_app, coach_client, videos, media):
    first = uploaded(clip_app, coach_client, videos["small"])
    uploaded(clip_app, coach_client, videos["webm"])
    age(files_of(media, first), 8)
    result = clip_app.test_cli_runner().invoke(args=["coach", "sweep-clips"])
    assert result.exit_code == 0, result.output
    assert result.output == "Deleted 2 coach clip files no longer served.\n"
    assert not any(path.exists() for path in files_of(media, first))
    assert clip_app.test_cli_runner().invoke(args=["coach", "sweep-clips"]).output == "Deleted 0 coach clip files no longer served.\n"
