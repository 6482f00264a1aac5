"""Clip uploads and their jobs: thin views over server/coach/clip_uploads.py."""

from flask import jsonify, request
from flask_login import current_user

from server.coach.blueprint import bp
from server.coach.clip_runner import nudge_runner
from server.coach.clip_uploads import ClipRefused, find_job, job_json, jobs_for, upload_clip, upload_limits


@bp.errorhandler(ClipRefused)
def _refused(refused: ClipRefused):
    body = {"error": {"status": refused.status, "message": refused.message}}
    if refused.field:
        body["field"] = refused.field
    return jsonify(body), refused.status


@bp.post("/clips/<slug>")
def upload(slug: str):
    """Take a video for an exercise (multipart ``file``) and queue its conversion: 202 with the job."""
    body = {"job": job_json(upload_clip(slug, request.environ, current_user._get_current_object()))}
    nudge_runner()
    return jsonify(body), 202


@bp.get("/jobs/<job_id>")
def job(job_id: str):
    """One upload's state and progress."""
    found = find_job(job_id)
    nudge_runner()  # a job queued before a restart gets a runner as soon as someone looks at it
    return _no_store(jsonify(job_json(found)))


@bp.get("/jobs")
def jobs():
    """An exercise's uploads (``?slug=``), newest first, and what an upload may be."""
    found = jobs_for(request.args.get("slug", ""))
    nudge_runner()
    return _no_store(jsonify({"jobs": [job_json(job) for job in found], "limits": upload_limits()}))


def _no_store(response):
    # Progress changes from one poll to the next; no cache may answer for the server.
    response.cache_control.no_store = True
    return response
