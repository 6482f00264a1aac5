"""Error responses: JSON for the API, the app shell for pages."""

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException


def init_app(app: Flask) -> None:
    """Answer every HTTP error in the form the client asked in."""
    app.register_error_handler(HTTPException, _http_error)


def _http_error(error: HTTPException):
    """JSON error body under /api, the shell page (which explains the error) elsewhere."""
    if request.path.startswith("/api/"):
        body = {"error": {"status": error.code, "message": error.description}}
        return jsonify(body), error.code
    if error.code == 404 and request.method == "GET":
        return render_template("shell.html", title="Not found"), 404
    return error
