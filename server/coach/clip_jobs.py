"""Running clip jobs: claimed by any app process, converted with ffmpeg, attached to the exercise.

A claim is one conditional UPDATE (``state='queued'`` and the id) whose row count says who won,
so two processes never run the same job, on SQLite or PostgreSQL. A running job beats its
heartbeat as ffmpeg reports progress; one whose heartbeat went quiet for COACH_JOB_STALE_SECONDS
(its process was restarted or killed) is queued again once, then failed, never left "running".
Each claim carries its own token, and every later write checks it, so a runner that lost its job
to such a recovery stops instead of writing over the new attempt.
"""

import hashlib
import logging
import os
import shutil
import socket
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import select, update

from server.accounts.models import User, utc_now
from server.clips.library import COACH_CLIP_MAX_BYTES, Video
from server.coach.catalogue import NotFound, attach_clip
from server.coach.clip_files import CLIP_FOLDER, clip_folder
from server.coach.clip_uploads import upload_path
from server.coach.models import ClipJob
from server.extensions import db
from server.media import ClipInvalid, FootageRefused, convert_footage, extract_poster, probe_clip, publish_file

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 2  # an interrupted job is tried once more
PROGRESS_EVERY_SECONDS = 1.0
INTERRUPTED = "The server restarted while converting this video, twice. Upload it again."
GONE = "The uploaded file is no longer on the server. Upload the video again."
EXERCISE_GONE = "The exercise was deleted before its clip was ready, so the clip was not attached."
NO_COACH = "The account that uploaded this video no longer exists, so the clip was not attached."
UNEXPECTED = "Something went wrong while converting this video. Upload it again; if it keeps failing, tell the operator."


class JobLost(Exception):
    """Another runner took this job over (it thought this one had died)."""


def run_pending_jobs() -> int:
    """Recover interrupted jobs, then run queued ones until none is left; how many this call ran."""
    recover_stale_jobs()
    ran = 0
    while claimed := claim_next_job():
        run_job(*claimed)
        ran += 1
    return ran


def claim_next_job() -> tuple[uuid.UUID, str] | None:
    """Claim the oldest queued job: (its id, this claim's token), or None when nothing is queued."""
    while True:
        job_id = db.session.scalar(select(ClipJob.id).where(ClipJob.state == "queued").order_by(ClipJob.created_at))
        if job_id is None:
            return None
        if token := claim_job(job_id):
            return job_id, token


def claim_job(job_id: uuid.UUID) -> str | None:
    """Take a queued job for this process: the claim's token, or None if another runner got there first."""
    token = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    now = utc_now()
    result = db.session.execute(
        update(ClipJob).where(ClipJob.id == job_id, ClipJob.state == "queued")
        .values(state="running", attempts=ClipJob.attempts + 1, heartbeat_at=now, updated_at=now, worker=token),
        execution_options={"synchronize_session": False})
    db.session.commit()
    return token if result.rowcount == 1 else None


def recover_stale_jobs() -> None:
    """Queue again (once) or fail every running job whose heartbeat stopped: its runner is gone."""
    now = utc_now()
    cutoff = now - timedelta(seconds=current_app.config["COACH_JOB_STALE_SECONDS"])
    stale = (ClipJob.state == "running", ClipJob.heartbeat_at < cutoff)
    db.session.execute(update(ClipJob).where(*stale, ClipJob.attempts < MAX_ATTEMPTS)
                       .values(state="queued", heartbeat_at=None, worker=None, updated_at=now),
                       execution_options={"synchronize_session": False})
    failed = list(db.session.scalars(select(ClipJob.id).where(*stale, ClipJob.attempts >= MAX_ATTEMPTS)))
    if failed:
        db.session.execute(update(ClipJob).where(ClipJob.id.in_(failed), *stale)
                           .values(state="failed", error=INTERRUPTED, heartbeat_at=None, updated_at=now),
                           execution_options={"synchronize_session": False})
    db.session.commit()
    for job_id in failed:
        _remove_files(job_id)


def unfinished_jobs() -> bool:
    """Whether any job, in any process, is queued or running."""
    return db.session.scalar(select(ClipJob.id).where(ClipJob.state.in_(("queued", "running"))).limit(1)) is not None


def run_job(job_id: uuid.UUID, token: str) -> None:
    """Convert a claimed job's upload and attach the clip; any failure ends the job "failed" with words for the coach."""
    job = db.session.get(ClipJob, job_id)
    try:
        video = _convert(job, token)
        _finish(job, token, video)
    except JobLost:
        db.session.rollback()
        log.warning("clip job %s was taken over by another runner", job_id)
        return
    except FootageRefused as refused:
        db.session.rollback()
        _end(job_id, token, "failed", error=str(refused))
    except Exception:
        db.session.rollback()
        log.exception("clip job %s failed", job_id)
        _end(job_id, token, "failed", error=UNEXPECTED)
    _remove_files(job_id)


def _remove_files(job_id: uuid.UUID) -> None:
    """A finished job's upload, and the work folders of attempts whose process was killed."""
    upload = upload_path(job_id)
    upload.unlink(missing_ok=True)
    for folder in upload.parent.glob(f".{job_id}.*"):
        shutil.rmtree(folder, ignore_errors=True)


def _convert(job: ClipJob, token: str) -> dict:
    """The upload converted, checked, and published under MEDIA_DIR with its poster: the catalogue's ``video``."""
    source = upload_path(job.id)
    if not source.is_file():
        raise FootageRefused(GONE)
    folder = clip_folder()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=source.parent, prefix=f".{job.id}.") as work:
        converted, still = Path(work) / "clip.mp4", Path(work) / "poster.jpg"
        convert_footage(source, converted, duration_s=job.duration_s,
                        time_limit_s=current_app.config["COACH_TRANSCODE_SECONDS"], on_progress=_Heartbeat(job.id, token))
        try:
            clip = probe_clip(converted)  # never publish a clip that does not read back as the house format
        except ClipInvalid as invalid:
            raise FootageRefused("This video could not be converted into a clip that plays everywhere."
                                 " Export it again as MP4 and upload that.") from invalid
        # What the studio attaches, a catalogue export carries and a load must take: never over the load's limit.
        if clip.bytes > (largest := min(current_app.config["COACH_CLIP_MAX_BYTES"], COACH_CLIP_MAX_BYTES)):
            raise FootageRefused(f"The converted clip came out at {clip.bytes / 1024 / 1024:.1f} MB, over the"
                                 f" {largest / 1024 / 1024:g} MB a clip may be. Trim it to the movement itself"
                                 " and upload it again.")
        extract_poster(converted, still, at=min(1.0, clip.duration_s / 2))
        _beat(job.id, token, 1.0)
        mp4 = folder / f"{job.slug}.{hashlib.sha256(converted.read_bytes()).hexdigest()[:12]}.mp4"
        poster = mp4.with_suffix(".jpg")
        publish_file(poster, lambda temp: shutil.copyfile(still, temp))
        publish_file(mp4, lambda temp: shutil.copyfile(converted, temp))
    return Video(src=f"/media/{CLIP_FOLDER}/{mp4.name}", poster=f"/media/{CLIP_FOLDER}/{poster.name}",
                 duration_s=round(clip.duration_s, 2), bytes=clip.bytes, width=clip.width, height=clip.height,
                 side="both", origin="coach").as_json()


def _finish(job: ClipJob, token: str, video: dict) -> None:
    """Mark the job done and attach its clip (which records the upload) in one transaction."""
    coach = db.session.get(User, job.coach_id)
    if coach is None:
        raise FootageRefused(NO_COACH)
    if not _end(job.id, token, "done", video=video, commit=False):
        raise JobLost(job.id)
    try:
        attach_clip(job.slug, video, coach)  # commits
    except NotFound as gone:
        raise FootageRefused(EXERCISE_GONE) from gone


def _end(job_id: uuid.UUID, token: str, state: str, *, error: str | None = None, video: dict | None = None,
         commit: bool = True) -> bool:
    """Move this claim's job to ``state``; False if the claim is no longer this runner's."""
    values = {"state": state, "error": error, "video": video, "heartbeat_at": None, "updated_at": utc_now()}
    if state == "done":
        values["progress"] = 1.0
    result = db.session.execute(
        update(ClipJob).where(ClipJob.id == job_id, ClipJob.state == "running", ClipJob.worker == token).values(**values),
        execution_options={"synchronize_session": False})
    if commit:
        db.session.commit()
    return result.rowcount == 1


def _beat(job_id: uuid.UUID, token: str, progress: float) -> None:
    """Store progress and the heartbeat; raise JobLost if another runner has taken the job over."""
    now = utc_now()
    result = db.session.execute(
        update(ClipJob).where(ClipJob.id == job_id, ClipJob.state == "running", ClipJob.worker == token)
        .values(progress=round(progress, 3), heartbeat_at=now, updated_at=now),
        execution_options={"synchronize_session": False})
    db.session.commit()
    if result.rowcount != 1:
        raise JobLost(job_id)


class _Heartbeat:
    """ffmpeg's progress, written at most once a second: enough for the studio and for the stale check."""

    def __init__(self, job_id: uuid.UUID, token: str):
        self.job_id, self.token, self.last = job_id, token, 0.0

    def __call__(self, progress: float) -> None:
        if time.monotonic() - self.last >= PROGRESS_EVERY_SECONDS:
            self.last = time.monotonic()
            _beat(self.job_id, self.token, progress)
