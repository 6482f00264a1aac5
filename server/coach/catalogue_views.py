"""The studio's exercise, routine and program endpoints (thin: parse, call one operation, answer).

Every kind shares every route: ``/api/coach/exercises/...``, ``/api/coach/routines/...`` and ``/api/coach/programs/...``.
"""

from flask import jsonify, request
from flask_login import current_user

from server.coach import catalogue
from server.coach.blueprint import bp
from server.coach.bodies import BodyInvalid

KIND = {"exercises": "exercise", "routines": "routine", "programs": "program"}
PLURAL = "<any(exercises, routines, programs):kinds>"


@bp.errorhandler(BodyInvalid)
def _bad_body(error: BodyInvalid):
    return jsonify({"error": {"status": 400, "message": error.message}, "field": error.field}), 400


@bp.errorhandler(catalogue.NotFound)
def _not_found(error: catalogue.NotFound):
    return jsonify({"error": {"status": 404, "message": f"Nothing in the studio is called '{error}'."}}), 404


@bp.errorhandler(catalogue.Conflict)
def _conflict(error: catalogue.Conflict):
    return jsonify({"error": {"status": 409, "message": str(error)}}), 409


def _body():
    # Not JSON at all reads as None, which the body check refuses like any other non-object.
    return request.get_json(silent=True)


@bp.get(f"/{PLURAL}")
def list_items(kinds: str):
    """Every exercise (or routine, or program) the studio knows, built-in, live or draft."""
    return jsonify({kinds: catalogue.list_items(KIND[kinds])})


@bp.post(f"/{PLURAL}")
def create(kinds: str):
    """A new draft; 409 if the slug is taken."""
    return jsonify(catalogue.create_item(KIND[kinds], _body(), current_user)), 201


@bp.get(f"/{PLURAL}/<slug>")
def item(kinds: str, slug: str):
    """One item: its live, draft and built-in versions and its history."""
    return jsonify(catalogue.item_json(KIND[kinds], slug))


@bp.put(f"/{PLURAL}/<slug>")
def save(kinds: str, slug: str):
    """Save the item's draft (runners see nothing yet)."""
    return jsonify(catalogue.save_draft(KIND[kinds], slug, _body(), current_user))


@bp.post(f"/{PLURAL}/<slug>/publish")
def publish(kinds: str, slug: str):
    """Make the draft live in a new catalogue version."""
    return jsonify(catalogue.publish(KIND[kinds], slug, current_user))


@bp.post(f"/{PLURAL}/<slug>/revert")
def revert(kinds: str, slug: str):
    """Back to the built-in version."""
    return jsonify(catalogue.revert(KIND[kinds], slug, current_user))


@bp.delete(f"/{PLURAL}/<slug>")
def remove(kinds: str, slug: str):
    """Retire the item if anything refers to it, else delete it."""
    return jsonify(catalogue.remove(KIND[kinds], slug, current_user))


@bp.post(f"/{PLURAL}/<slug>/restore")
def restore(kinds: str, slug: str):
    """A retired item back in the lists."""
    return jsonify(catalogue.restore(KIND[kinds], slug, current_user))
