"""Error responses: JSON for the API, the app shell for pages."""

from flask import Flask, jsonify, render_template, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import HTTPException


class BodyJSON(DefaultJSONProvider):
    """Flask's JSON, reading a body nested deeper than the parser follows as invalid JSON.

    The parser raises RecursionError there, which ``request.get_json`` does not catch: a 500 for
    what is only a bad body.
    """

    def loads(self, s, **kwargs):
        """Parse JSON; too deep a nesting is a ValueError like any other bad JSON."""
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            raise ValueError("The JSON is nested too deeply.") from None


def init_app(app: Flask) -> None:
    """Answer every HTTP error in the form the client asked in, and a bad JSON body as a 400."""
    app.json = BodyJSON(app)
    app.register_error_handler(HTTPException, _http_error)


def _http_error(error: HTTPException):
    """JSON error body under /api, the shell page (which explains the error) elsewhere."""
    if request.path.startswith("/api/"):
        body = {"error": {"status": error.code, "message": error.description}}
        return jsonify(body), error.code
    if error.code == 404 and request.method == "GET":
        return render_template("shell.html", title="Not found"), 404
    return error
