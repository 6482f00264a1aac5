"""The catalogue API."""

from flask import Blueprint, abort, jsonify, request

from server import revalidation
from server.catalog import fast_path, service

bp = Blueprint("catalog", __name__, url_prefix="/api/catalog")
# The route and its 304 fast path arrive together in any app that registers the blueprint.
bp.record_once(lambda state: fast_path.install(state.app, state.url_prefix))


@bp.get("")
def catalog():
    """The whole catalogue, tagged with its content version (fast_path has already answered clients holding it)."""
    payload = service.catalog_payload()
    return revalidation.must_revalidate(jsonify(payload), payload["version"])


@bp.get("/exercises/<slug>")
def exercise(slug: str):
    """One exercise card, tagged with the catalogue version it comes from."""
    version = service.served_version()
    card = service.find_exercise(slug)
    if card is None:
        abort(404, description=f"No exercise called '{slug}'.")
    held = revalidation.held_etag(request.headers.get("If-None-Match"), version)
    return revalidation.not_modified(held) if held else revalidation.must_revalidate(jsonify(card), version)
