"""Receiving a coach's clip: the body streamed to disk, the file checked by its bytes, a job queued.

The upload waits in UPLOAD_DIR (outside MEDIA_DIR, so the original is never served) under its
job's id until a runner converts it (server/coach/clip_jobs.py). Nothing of the exercise changes
here: its old clip stays until the job is done.
"""

import os
import tempfile
import uuid
from pathlib import Path

from flask import current_app
from sqlalchemy import select
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.formparser import parse_form_data

from server.accounts.models import User, as_utc, utc_now
from server.coach.catalogue import item_json
from server.coach.models import ClipJob
from server.coach.rules.clip_length import clip_length_problem
from server.extensions import db
from server.media import FootageRefused, check_footage

FORM_FIELDS_BYTES = 64 * 1024  # the form's other fields, if any: never the video itself
FORM_PARTS = 8
NO_FILE = "Choose a video to upload."


class ClipRefused(Exception):
    """An upload Steady will not take; ``message`` is for the coach, ``field`` names the form field."""

    def __init__(self, message: str, status: int = 400, field: str | None = "file"):
        super().__init__(message)
        self.message, self.status, self.field = message, status, field


def upload_clip(slug: str, environ: dict, coach: User) -> ClipJob:
    """Stream the request's ``file`` to disk, check it is a video, and queue its conversion for ``slug``."""
    item_json("exercise", slug)  # NotFound (a 404) unless the exercise is live, a draft or built in
    folder = Path(current_app.config["UPLOAD_DIR"])
    path = receive_file(environ, folder, current_app.config["COACH_UPLOAD_MAX_BYTES"])
    try:
        footage = check_footage(path)
        if too_long := clip_length_problem(footage.duration_s, current_app.config["COACH_CLIP_MAX_SECONDS"]):
            raise ClipRefused(too_long)
        now = utc_now()
        job = ClipJob(id=uuid.uuid4(), slug=slug, coach_id=coach.id, coach_email=coach.email, state="queued",
                      progress=0.0, attempts=0, duration_s=footage.duration_s, created_at=now, updated_at=now)
        os.replace(path, upload_path(job.id))
    except FootageRefused as refused:
        raise ClipRefused(str(refused)) from refused
    finally:
        path.unlink(missing_ok=True)
    db.session.add(job)
    try:
        db.session.commit()
    except Exception:
        upload_path(job.id).unlink(missing_ok=True)
        raise
    return job


def receive_file(environ: dict, folder: Path, limit: int) -> Path:
    """The multipart ``file`` part written to a new file in ``folder`` as it arrives; a body over ``limit`` is a 413."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []

    def to_disk(*_args, **_kwargs):
        # Werkzeug would spool a large part to a temporary file of its own; writing it where it will
        # wait for its job saves copying up to 200 MB once more.
        handle = tempfile.NamedTemporaryFile(dir=folder, prefix=".incoming-", delete=False)
        made.append(Path(handle.name))
        return handle

    try:
        _, _, files = parse_form_data(environ, stream_factory=to_disk, max_content_length=limit,
                                      max_form_memory_size=FORM_FIELDS_BYTES, max_form_parts=FORM_PARTS)
    except RequestEntityTooLarge as too_large:
        _remove(made)
        too_large.description = (f"This video is over {_megabytes(limit)}. Trim it, or export it at a lower quality,"
                                 " and upload it again.")
        raise
    except BaseException:
        _remove(made)
        raise
    upload = files.get("file")
    for part in files.values():
        part.stream.close()
    kept = Path(upload.stream.name) if upload is not None else None
    _remove([path for path in made if path != kept])
    if kept is None:
        raise ClipRefused(NO_FILE)
    return kept


def upload_path(job_id: uuid.UUID) -> Path:
    """Where a job's upload waits until it is converted."""
    return Path(current_app.config["UPLOAD_DIR"]) / f"{job_id}.upload"


def find_job(job_id: str) -> ClipJob:
    """One job by id; a 404 ClipRefused if there is none."""
    try:
        job = db.session.get(ClipJob, uuid.UUID(job_id))
    except ValueError:
        job = None
    if job is None:
        raise ClipRefused("No such upload.", status=404, field=None)
    return job


def jobs_for(slug: str, limit: int = 20) -> list[ClipJob]:
    """The latest jobs for an exercise, newest first."""
    if not slug:
        raise ClipRefused("Say which exercise's uploads to list: /api/coach/jobs?slug=<exercise>.", field="slug")
    return list(db.session.scalars(select(ClipJob).where(ClipJob.slug == slug)
                                   .order_by(ClipJob.created_at.desc()).limit(limit)))


def upload_limits() -> dict:
    """What an upload may be, for the studio to check a video before sending it: its bytes and its seconds."""
    return {"bytes": current_app.config["COACH_UPLOAD_MAX_BYTES"], "seconds": current_app.config["COACH_CLIP_MAX_SECONDS"]}


def job_json(job: ClipJob) -> dict:
    """A job as the studio shows it."""
    return {"id": str(job.id), "slug": job.slug, "state": job.state, "progress": job.progress, "error": job.error,
            "created_at": as_utc(job.created_at).isoformat(timespec="seconds"),
            "updated_at": as_utc(job.updated_at).isoformat(timespec="seconds")}


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.3g} MB"
