"""Clip jobs: claimed once, recovered after a restart (retried once, then failed), run by the background thread."""

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from pathlib import Path

import pytest
from flask_migrate import upgrade

from server.accounts.models import User, utc_now
from server.accounts.service import delete_account
from server.coach import clip_jobs
from server.coach.clip_jobs import claim_job, recover_stale_jobs, run_job, run_pending_jobs
from server.coach.models import ClipJob
from server.extensions import db
from tests.conftest import ROOT, make_app
from tests.coach.conftest import new_exercise
from tests.coach.clip_fixtures import SLUG, clip_app, served_video, upload, uploads_left, videos  # noqa: F401


def job_row(app, job_id: str) -> ClipJob:
    with app.app_context():
        job = db.session.get(ClipJob, uuid.UUID(job_id))
        db.session.expunge(job)
        return job


def wait_for(condition, seconds: float = 120, every: float = 0.05):
    deadline = time.monotonic() + seconds
    while not (result := condition()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(every)
    return result


def job_state(client, job_id: str) -> dict:
    return client.get(f"/api/coach/jobs/{job_id}").get_json()


RUNNER_PROCESS = textwrap.dedent("""
    import sys
    from tests.conftest import make_app
    from server.coach.clip_jobs import run_pending_jobs
    app = make_app(sys.argv[1], UPLOAD_DIR=sys.argv[2], COACH_JOBS_IN_BACKGROUND=False)
    with app.app_context():
        run_pending_jobs()
""")


def test_a_job_whose_process_was_killed_mid_conversion_is_retried_and_finished(clip_app, coach_client, videos):
    before = served_video(coach_client)
    job_id = upload(coach_client, videos["long"]).get_json()["job"]["id"]
    # Another app process takes the job, and is killed while ffmpeg is converting it.
    process = subprocess.Popen([sys.executable, "-c", RUNNER_PROCESS, clip_app.config["SQLALCHEMY_DATABASE_URI"],
                                clip_app.config["UPLOAD_DIR"]], cwd=ROOT, start_new_session=True)
    try:
        wait_for(lambda: (job := job_state(coach_client, job_id))["state"] == "running" and job["progress"] > 0,
                 every=0.02)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert job_state(coach_client, job_id)["state"] == "running"  # its heartbeat is recent: it may be alive
    assert served_video(coach_client) == before

    clip_app.config["COACH_JOB_STALE_SECONDS"] = 0  # the heartbeat has now gone quiet for long enough
    with clip_app.app_context():
        assert run_pending_jobs() == 1
    done = job_state(coach_client, job_id)
    assert (done["state"], done["progress"], done["error"]) == ("done", 1.0, None)
    assert job_row(clip_app, job_id).attempts == 2
    assert served_video(coach_client)["src"].startswith("/media/coach/")
    assert uploads_left(clip_app) == []


def test_a_job_interrupted_twice_is_failed_never_left_running(clip_app, coach_client, videos):
    before = served_video(coach_client)
    job_id = upload(coach_client, videos["small"]).get_json()["job"]["id"]
    clip_app.config["COACH_JOB_STALE_SECONDS"] = 0
    with clip_app.app_context():
        assert claim_job(uuid.UUID(job_id))  # ...and that runner's process dies
        recover_stale_jobs()
        assert job_state(coach_client, job_id)["state"] == "queued"
        assert claim_job(uuid.UUID(job_id))  # the retry's process dies too
        assert run_pending_jobs() == 0
    failed = job_state(coach_client, job_id)
    assert (failed["state"], failed["error"]) == ("failed", clip_jobs.INTERRUPTED)
    assert job_row(clip_app, job_id).attempts == 2
    assert served_video(coach_client) == before
    assert uploads_left(clip_app) == []


def test_a_fresh_heartbeat_is_not_taken_for_a_dead_runner(clip_app, coach_client, videos):
    job_id = upload(coach_client, videos["small"]).get_json()["job"]["id"]
    with clip_app.app_context():
        assert claim_job(uuid.UUID(job_id))
        assert run_pending_jobs() == 0
    assert job_state(coach_client, job_id)["state"] == "running"


def test_a_queued_job_is_claimed_by_one_runner_only(clip_app, coach_client, videos):
    job_id = uuid.UUID(upload(coach_client, videos["small"]).get_json()["job"]["id"])
    with clip_app.app_context():
        assert claim_job(job_id) is not None
        assert claim_job(job_id) is None


def test_a_runner_that_lost_its_job_writes_nothing(clip_app, coach_client, videos):
    before = served_video(coach_client)
    job_id = uuid.UUID(upload(coach_client, videos["small"]).get_json()["job"]["id"])
    clip_app.config["COACH_JOB_STALE_SECONDS"] = 0
    with clip_app.app_context():
        first = claim_job(job_id)
        recover_stale_jobs()  # another runner took the first for dead...
        second = claim_job(job_id)  # ...and retries it
        run_job(job_id, first)  # the first wakes up and carries on
        job = db.session.get(ClipJob, job_id)
        assert (job.state, job.worker) == ("running", second)
    assert served_video(coach_client) == before
    assert uploads_left(clip_app) == [f"{job_id}.upload"]  # still there for the retry


@pytest.mark.postgres
def test_claims_and_recovery_on_postgres(pg_url, tmp_path):
    app = make_app(pg_url, UPLOAD_DIR=str(tmp_path), COACH_JOB_STALE_SECONDS=0)
    with app.app_context():
        upgrade()
        now = utc_now()
        job = ClipJob(id=uuid.uuid4(), slug=SLUG, coach_id=uuid.uuid4(), coach_email="coach@example.com",
                      state="queued", progress=0.0, attempts=0, duration_s=2.0, created_at=now, updated_at=now)
        db.session.add(job)
        db.session.commit()
        job_id, winners = job.id, []
        start = threading.Barrier(2)

        def claim():
            with app.app_context():
                start.wait()
                winners.append(claim_job(job_id))

        threads = [threading.Thread(target=claim) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(winner is None for winner in winners) == [False, True]
        for _ in range(2):
            recover_stale_jobs()
            db.session.expire_all()
            if job.state == "queued":
                assert claim_job(job.id)
        assert (job.state, job.error, job.attempts) == ("failed", clip_jobs.INTERRUPTED, 2)
        db.session.remove()
        db.engine.dispose()


def test_the_background_runner_converts_a_job_and_then_stops(clip_app, coach_client, videos):
    clip_app.config["COACH_JOBS_IN_BACKGROUND"] = True
    response = upload(coach_client, videos["small"])
    assert response.status_code == 202
    job_id = response.get_json()["job"]["id"]
    done = wait_for(lambda: (job := job_state(coach_client, job_id))["state"] == "done" and job, every=0.2)
    assert done["progress"] == 1.0
    assert served_video(coach_client)["src"].startswith("/media/coach/")
    runner = clip_app.extensions["clip_runner"]
    wait_for(lambda: runner.thread is None, seconds=30)  # nothing left to do: no idle thread stays behind


def test_a_job_queued_before_a_restart_starts_when_the_studio_looks_at_it(clip_app, coach_client, videos):
    job_id = upload(coach_client, videos["small"]).get_json()["job"]["id"]  # no runner in this process yet
    assert "clip_runner" not in clip_app.extensions
    clip_app.config["COACH_JOBS_IN_BACKGROUND"] = True
    wait_for(lambda: job_state(coach_client, job_id)["state"] == "done", every=0.2)
    wait_for(lambda: clip_app.extensions["clip_runner"].thread is None, seconds=30)


def test_a_job_whose_upload_is_gone_fails_and_says_so(clip_app, coach_client, videos):
    job_id = upload(coach_client, videos["small"]).get_json()["job"]["id"]
    for name in uploads_left(clip_app):  # e.g. a runner on a host that does not share UPLOAD_DIR
        (Path(clip_app.config["UPLOAD_DIR"]) / name).unlink()
    run_pending(clip_app)
    assert (job_state(coach_client, job_id)["state"], job_state(coach_client, job_id)["error"]) == (
        "failed", clip_jobs.GONE)


def test_a_job_for_an_exercise_deleted_meanwhile_fails_and_says_so(clip_app, coach_client, videos):
    assert coach_client.post("/api/coach/exercises", json=new_exercise()).status_code == 201
    job_id = upload(coach_client, videos["small"], slug="wall-sit").get_json()["job"]["id"]
    assert coach_client.delete("/api/coach/exercises/wall-sit").get_json() == {"slug": "wall-sit", "deleted": True}
    run_pending(clip_app)
    failed = job_state(coach_client, job_id)
    assert (failed["state"], failed["error"]) == ("failed", clip_jobs.EXERCISE_GONE)
    assert uploads_left(clip_app) == []


def test_a_job_whose_coach_deleted_the_account_meanwhile_fails_and_says_so(clip_app, coach_client, coach, videos):
    job_id = upload(coach_client, videos["small"]).get_json()["job"]["id"]
    before = served_video(coach_client)
    with clip_app.app_context():
        delete_account(db.session.get(User, coach.id), coach.password)
        assert run_pending_jobs() == 1
        job = db.session.get(ClipJob, uuid.UUID(job_id))
        assert (job.state, job.error) == ("failed", clip_jobs.NO_COACH)
    assert served_video(coach_client) == before


def run_pending(app) -> int:
    with app.app_context():
        return run_pending_jobs()
