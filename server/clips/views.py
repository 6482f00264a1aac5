"""Serving clips and posters: versioned URLs, long-lived caching, HTTP Range."""

from pathlib import Path

from flask import Blueprint, current_app, send_from_directory

bp = Blueprint("clips", __name__, url_prefix="/media")

YEAR = 365 * 24 * 3600


@bp.get("/<path:filename>")
def media(filename: str):
    """A clip or poster; Werkzeug answers Range requests (206, or 416 when unsatisfiable) and ETags."""
    response = send_from_directory(Path(current_app.config["MEDIA_DIR"]), filename, conditional=True, max_age=YEAR)
    # File names carry a content hash, so a given URL never changes.
    response.cache_control.immutable = True
    response.cache_control.public = True
    return response
