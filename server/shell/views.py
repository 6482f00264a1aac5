"""The app shell: every page route serves the same document, and the page code renders it."""

from pathlib import Path
from uuid import UUID

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request, send_from_directory

from server.catalog import service as catalog
from server.shell.manifest import web_manifest
from server.shell.worker import worker_script

bp = Blueprint("shell", __name__, template_folder="templates")

IMMUTABLE = 365 * 24 * 3600


@bp.get("/")
def home():
    """Home page."""
    return render_template("shell.html", title="Core & balance for runners")


@bp.get("/exercises")
def exercises():
    """Exercise list with filters."""
    return render_template("shell.html", title="Exercises")


@bp.get("/exercises/<slug>")
def exercise(slug: str):
    """One exercise card; unknown slugs are a real 404."""
    card = catalog.find_exercise(slug)
    if card is None:
        abort(404)
    return render_template("shell.html", title=card["name"])


@bp.get("/routines")
def routines():
    """Routine list."""
    return render_template("shell.html", title="Routines")


@bp.get("/routines/<slug>")
def routine(slug: str):
    """One routine; unknown slugs are a real 404."""
    if not catalog.routine_exists(slug):
        abort(404)
    return render_template("shell.html", title="Routine")


@bp.get("/routines/<slug>/play")
def play(slug: str):
    """The guided player, for a ready-made routine (slug) or one of the runner's own (a UUID kept on the device)."""
    if not catalog.routine_exists(slug) and not _is_uuid(slug):
        abort(404)
    return render_template("shell.html", title="Routine")


@bp.get("/routines/new")
def new_routine():
    """Build a routine of your own."""
    return render_template("shell.html", title="New routine")


@bp.get("/routines/<routine_id>/edit")
def edit_routine(routine_id: str):
    """Change one of your own routines; they live on the device, so any UUID may be one."""
    if not _is_uuid(routine_id):
        abort(404)
    return render_template("shell.html", title="Edit routine")


@bp.get("/log")
def log():
    """Log a session by hand."""
    return render_template("shell.html", title="Log a session")


@bp.get("/history")
def history():
    """Past sessions."""
    return render_template("shell.html", title="History")


@bp.get("/history/<session_id>")
def session_detail(session_id: str):
    """One past session (kept on the device, so only the id's shape is checked here)."""
    if not _is_uuid(session_id):
        abort(404)
    return render_template("shell.html", title="Session")


@bp.get("/history/<session_id>/edit")
def edit_session(session_id: str):
    """Correct a past session."""
    if not _is_uuid(session_id):
        abort(404)
    return render_template("shell.html", title="Edit session")


@bp.get("/settings")
def settings():
    """Cues, pauses, units and time zone."""
    return render_template("shell.html", title="Settings")


def _is_uuid(value: str) -> bool:
    try:
        UUID(value)
    except ValueError:
        return False
    return len(value) == 36


@bp.get("/storage")
def storage():
    """What is saved for offline, and the space it uses."""
    return render_template("shell.html", title="Saved for offline")


@bp.get("/static/<path:filename>")
def static(filename: str):
    """Front-end files; fingerprinted bundles are immutable, everything else revalidates."""
    fingerprinted = filename.startswith("gen/")
    response = send_from_directory(
        Path(current_app.config["FRONTEND_DIR"]), filename, max_age=IMMUTABLE if fingerprinted else 0
    )
    if fingerprinted:
        response.cache_control.immutable = True
    else:
        response.cache_control.no_cache = True
    return response


@bp.get("/sw.js")
def service_worker():
    """The service worker, at the root so its scope is the whole app; always revalidated."""
    response = Response(worker_script(current_app), mimetype="text/javascript")
    response.cache_control.no_cache = True
    response.add_etag()
    return response.make_conditional(request)


@bp.get("/manifest.webmanifest")
def manifest():
    """The web app manifest."""
    response = jsonify(web_manifest())
    response.mimetype = "application/manifest+json"
    response.cache_control.no_cache = True
    return response
