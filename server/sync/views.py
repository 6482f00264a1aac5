"""The sync API: push and pull (thin: parse, call the service, answer)."""

from flask import Blueprint, jsonify, request
from flask_login import current_user, login_required

from server.sync import fast_path, service
from server.sync.protocol import EnvelopeError, MutationGap, parse_pull, parse_push

bp = Blueprint("sync", __name__, url_prefix="/api/sync")
# Push and pull are usually answered by fast_path before a request reaches these views (see there).
bp.record_once(lambda state: fast_path.install(state.app, state.url_prefix))


def _error(status: int, message: str, **extra):
    return jsonify({"error": {"status": status, "message": message, **extra}}), status


@bp.errorhandler(EnvelopeError)
def _bad_envelope(error: EnvelopeError):
    return _error(400, error.message, field=error.field)


@bp.errorhandler(MutationGap)
def _gap(error: MutationGap):
    return jsonify({"expected": error.expected, "error": {
        "status": 409, "message": f"Mutations must follow on: send mutation {error.expected} next."}}), 409


@bp.errorhandler(service.ClientTaken)
def _client_taken(_taken):
    return _error(403, "This sync client belongs to another account: start a new client id.", field="client_id")


@bp.post("/push")
@login_required
def push():
    """Apply a batch of the device's mutations in order; answer how far the server got and what it refused."""
    return jsonify(service.apply_push(current_user.id, parse_push(request.get_data())))


@bp.post("/pull")
@login_required
def pull():
    """The changes after the device's cursor, in version order, a page at a time."""
    return jsonify(service.pull(current_user.id, parse_pull(request.get_data())))
