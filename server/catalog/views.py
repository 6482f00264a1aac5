"""The catalogue API."""

from flask import Blueprint, abort, jsonify, request

from server.catalog import service

bp = Blueprint("catalog", __name__, url_prefix="/api/catalog")


@bp.get("")
def catalog():
    """The whole catalogue, with an ETag of its content version."""
    payload = service.catalog_payload()
    response = jsonify(payload)
    response.set_etag(payload["version"])
    # Clients must revalidate, but a 304 costs a few bytes; the ETag does the work.
    response.cache_control.no_cache = True
    return response.make_conditional(request)


@bp.get("/exercises/<slug>")
def exercise(slug: str):
    """One exercise card."""
    card = service.find_exercise(slug)
    if card is None:
        abort(404, description=f"No exercise called '{slug}'.")
    return jsonify(card)
