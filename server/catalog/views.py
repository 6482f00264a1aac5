"""The catalogue API."""

from flask import Blueprint, abort, jsonify

from server import revalidation
from server.catalog import service

bp = Blueprint("catalog", __name__, url_prefix="/api/catalog")


@bp.get("")
def catalog():
    """The whole catalogue, tagged with its content version; a client holding that version gets a bodiless 304."""
    # Compared before anything is built or compressed: revalidation is the common request.
    held = revalidation.held_etag(service.served_version())
    if held:
        return revalidation.not_modified(held)
    payload = service.catalog_payload()
    return revalidation.must_revalidate(jsonify(payload), payload["version"])


@bp.get("/exercises/<slug>")
def exercise(slug: str):
    """One exercise card, tagged with the catalogue version it comes from."""
    version = service.served_version()
    card = service.find_exercise(slug)
    if card is None:
        abort(404, description=f"No exercise called '{slug}'.")
    held = revalidation.held_etag(version)
    return revalidation.not_modified(held) if held else revalidation.must_revalidate(jsonify(card), version)
