"""The sync fast path: a WSGI layer that answers a logged-in push or pull before Flask builds a request.

Push and pull are what devices send most, and Flask's pipeline around them (request context,
Flask-Login's ORM user load, the after-request hooks) cost more than the sync work itself. This
layer checks the session, the CSRF token and the user's epoch as the app does
(``server/accounts/session_identity.py``), calls the same service functions as the views, and
sends the 200 with the headers the app's hooks would add. Everything else reaches the app
untouched: any request the session check does not vouch for (the app's own 401 or 400 answers
it), and every error after the body is read (the app's error handlers answer it, in a request
context of its own), as well as a body Flask-Compress would compress.
"""

from functools import partial

from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from werkzeug.exceptions import SecurityError
from werkzeug.wsgi import get_input_stream

from server.accounts.login import logged_in_user_id
from server.accounts.session_identity import SessionReader
from server.extensions import compress, db, login_manager
from server.security import HEADERS as SECURITY_HEADERS, add_headers
from server.sync import service
from server.sync.protocol import parse_pull, parse_push

# What the app's hooks add to a sync answer: Flask-Compress's Vary, the session's (Flask-Login
# reads it), and the security headers.
HEADERS = [("Vary", "Accept-Encoding, Cookie"), *SECURITY_HEADERS.items()]
CSRF_HOOK = "CSRFProtect.init_app.<locals>.csrf_protect"
LIMITER_HOOK = "Limiter.__inject_headers"


def _push(user_id, body: bytes, connection) -> dict:
    return service.apply_push(user_id, parse_push(body), connection=connection)


def _pull(user_id, body: bytes, connection) -> dict:
    return service.pull(user_id, parse_pull(body), connection=connection)


class SyncFastPath:
    """Wraps ``app.wsgi_app``: answers a push or pull the app would accept as it is; passes on everything else."""

    def __init__(self, app: Flask, prefix: str):
        self.app, self.wsgi_app = app, app.wsgi_app
        # Each route's work, and how its connection is set up before the first statement (the epoch check).
        self.routes = {f"{prefix}/push": (_push, lambda connection: connection),
                       f"{prefix}/pull": (_pull, service.ready_for_pull)}
        self.hooks = tuple({key: list(funcs) for key, funcs in hooks.items()} for hooks in _hooks(app))
        self.sessions = SessionReader(app)
        with app.app_context():
            self.engine = db.engine  # one per app for its lifetime; the service needs no app context given a connection

    def __call__(self, environ, start_response):
        """Answer a push or pull here when the session vouches for it; otherwise pass the request on."""
        route = self.routes.get(environ.get("PATH_INFO")) if environ.get("REQUEST_METHOD") == "POST" else None
        if route is None or _hooks(self.app) != self.hooks:
            return self.wsgi_app(environ, start_response)
        request = self.app.request_class(environ, populate_request=False)
        identity = self.sessions.accepted_identity(request) if _host_trusted(self.app, request) else None
        if identity is not None:
            work, ready = route
            with ready(self.engine.connect()) as connection:
                if (user_id := logged_in_user_id(connection, identity)) is not None:
                    return self._serve(environ, start_response, work, user_id, connection)
        return self.wsgi_app(environ, start_response)

    def _serve(self, environ, start_response, work, user_id, connection):
        """Read the body, do the work, answer; from here on every answer is this request's own, errors too."""
        try:
            body = get_input_stream(environ, max_content_length=self.app.config["MAX_CONTENT_LENGTH"]).read()
            answer = work(user_id, body, connection)
        except Exception as error:  # noqa: BLE001 - answered by the app's own handlers
            return self._answer_by_the_app(environ, start_response, error)
        return self._answer(environ, start_response, answer)

    def _answer(self, environ, start_response, answer: dict):
        body = _json_body(self.app, answer)
        if len(body) >= self.app.config["COMPRESS_MIN_SIZE"] and _may_compress(environ):
            # Flask-Compress reads Flask's request; let the app's own hooks finish this answer.
            with self.app.request_context(environ):
                response = self.app.response_class(body, mimetype=self.app.json.mimetype)
                return self.app.process_response(response)(environ, start_response)
        start_response("200 OK", [("Content-Type", self.app.json.mimetype), ("Content-Length", str(len(body))),
                                  *HEADERS])
        return [body]

    def _answer_by_the_app(self, environ, start_response, error: Exception):
        """The app's answer to an error the body or the service raised, as its views would have it answered."""
        with self.app.request_context(environ):
            try:
                try:
                    raise error
                except Exception as raised:  # handle_user_exception re-raises what no handler takes
                    response = self.app.finalize_request(self.app.handle_user_exception(raised))
            except Exception as unhandled:
                response = self.app.handle_exception(unhandled)
            return response(environ, start_response)


def _json_body(app: Flask, answer: dict) -> bytes:
    """The body ``jsonify`` sends: compact JSON and a newline (indented in debug, as Flask's provider decides)."""
    if app.debug or app.json.compact is not None:
        return app.json.response(answer).get_data()
    return f"{app.json.dumps(answer, separators=(',', ':'))}\n".encode()  # without building a Response


def _may_compress(environ) -> bool:
    accepted = environ.get("HTTP_ACCEPT_ENCODING", "").strip().lower()
    return accepted not in ("", "identity")


def _host_trusted(app: Flask, request) -> bool:
    """Whether the Host header passes ``TRUSTED_HOSTS`` (the app answers the 400 for one that does not)."""
    if (trusted := app.config["TRUSTED_HOSTS"]) is None:
        return True
    request.trusted_hosts = trusted
    try:
        request.host
    except SecurityError:
        return False
    return True


def _hooks(app: Flask) -> tuple:
    """Every hook the app runs around a request: while they are the ones the fast path stands in for, it answers."""
    return app.before_request_funcs, app.after_request_funcs, app.url_value_preprocessors


def stands_in_for(app: Flask) -> bool:
    """Whether the app's hooks are exactly those this layer reproduces: the CSRF check, compression's Vary,
    Flask-Login's remember cookie (untouched for a session it vouches for), the limiter's headers (only
    for limited views, which push and pull are not) and the security headers; and Flask's cookie sessions."""
    # Only the app's own hooks and the sync blueprint's run for push and pull; another blueprint's
    # (the coach studio's role gate, say) never do.
    before, after, preprocessors = ({key: hooks for key, hooks in table.items() if key in (None, "sync")}
                                    for table in (app.before_request_funcs, app.after_request_funcs,
                                                  app.url_value_preprocessors))
    known_after = [compress.after_request, login_manager._update_remember_cookie, add_headers]
    return (set(before) <= {None} and [_name(hook) for hook in before.get(None, [])] == [CSRF_HOOK]
            and set(after) <= {None} and [hook for hook in after.get(None, []) if _name(hook) != LIMITER_HOOK] == known_after
            and not any(preprocessors.values())
            and type(app.session_interface) is SecureCookieSessionInterface)  # the sessions SessionReader reads


def _name(hook) -> str:
    return (hook.func if isinstance(hook, partial) else hook).__qualname__


def install(app: Flask, prefix: str) -> None:
    """Put the fast path for push and pull under ``prefix`` in front of ``app``, if its hooks are the known ones."""
    if stands_in_for(app):
        app.wsgi_app = SyncFastPath(app, prefix)
