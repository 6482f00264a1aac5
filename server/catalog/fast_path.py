"""The catalogue's 304 fast path: a WSGI layer that answers a revalidation before Flask builds a request.

Revalidating the catalogue is what devices do most (the worker refreshes it behind every
page that reads it), and the Flask pipeline around a view (request context, session,
after-request hooks) costs several times the one query a 304 needs. Anything this layer
does not answer reaches the app untouched.
"""

from flask import Flask

from server.catalog.service import served_version
from server.extensions import db
from server.revalidation import held_etag
from server.security import HEADERS as SECURITY_HEADERS

# What the view's 200 carries besides its body: Flask-Compress adds the Vary to every response.
# The security headers too: the app's after-request hooks never see this answer.
HEADERS = [("Cache-Control", "no-cache"), ("Vary", "Accept-Encoding"), *SECURITY_HEADERS.items()]


class CatalogFastPath:
    """Wraps ``app.wsgi_app``: a GET of the catalogue with an If-None-Match naming the current version gets its 304 here."""

    def __init__(self, app: Flask, path: str):
        self.app, self.path = app, path
        self.wsgi_app = app.wsgi_app

    def __call__(self, environ, start_response):
        """Answer 304 if the client holds the current version; otherwise pass the request on."""
        sent = environ.get("HTTP_IF_NONE_MATCH")
        if sent and environ.get("PATH_INFO") == self.path and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            with self.app.app_context():
                try:
                    held = held_etag(sent, served_version())
                except db.engine.dialect.loaded_dbapi.Error:
                    held = None  # the app itself answers, with its own error response
            if held:
                start_response("304 NOT MODIFIED", [("ETag", held), *HEADERS])
                return []
        return self.wsgi_app(environ, start_response)


def install(app: Flask, path: str) -> None:
    """Put the fast path for the catalogue at ``path`` in front of ``app``."""
    app.wsgi_app = CatalogFastPath(app, path)
