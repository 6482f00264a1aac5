"""Asset routes: front-end files, the service worker and the web app manifest."""

from pathlib import Path

from flask import Response, current_app, jsonify, send_from_directory

from server import revalidation
from server.shell.blueprint import bp
from server.shell.manifest import web_manifest
from server.shell.worker import worker_script

IMMUTABLE = 365 * 24 * 3600


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
    return revalidation.revalidated(Response(worker_script(current_app), mimetype="text/javascript"))


@bp.get("/manifest.webmanifest")
def manifest():
    """The web app manifest."""
    response = jsonify(web_manifest())
    response.mimetype = "application/manifest+json"
    return revalidation.revalidated(response)
