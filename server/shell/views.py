"""The app shell: every page route serves the same document, and the page code renders it."""

from pathlib import Path

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
