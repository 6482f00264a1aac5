"""Who a request's session says is logged in, read as Flask, Flask-Login and Flask-WTF read it, without
Flask's request pipeline: for the sync fast path (``server/sync/fast_path.py``).

It vouches only for a request the app would let through as it is: a signed, unexpired session that
names a user, a valid CSRF token, and nothing Flask-Login would write back into the session (its
session protection, a remember-me cookie to set or clear). For anything else it says None, and the
app itself decides, with its own 401s and 400s. The user's epoch is checked against the database
by the sync service's first statement (``login.stored_epoch``), or by ``login.login_holds``.
"""

import hmac
import time
from hashlib import sha512

from flask import Flask, Request
from flask_wtf.csrf import same_origin
from itsdangerous import BadData, URLSafeTimedSerializer

from server.extensions import login_manager

CSRF_SALT = "wtf-csrf-token"  # Flask-WTF's, for the tokens generate_csrf signs
REMEMBERED = 4096  # signatures kept per worker; a device sends the same cookie and token for hours


class SessionReader:
    """Reads a request's session and CSRF token as the app does, checking each signature once per worker."""

    def __init__(self, app: Flask):
        self.app = app
        self._signed: dict[tuple, tuple] = {}  # (salt, keys, value) -> (payload, signed at)
        self._serializers: dict[tuple, URLSafeTimedSerializer] = {}
        self._cookies: dict[str, dict] = {}  # Cookie header -> its cookies, parsed once

    def accepted_identity(self, request: Request) -> str | None:
        """The login identity (``User.get_id``) in the session, if the app would accept this request unchanged; else None."""
        app = self.app
        session = self._session(request)
        # A permanent session is re-sent on every response, and "_remember" makes Flask-Login set or
        # clear its cookie: both change the answer's cookies, so the app answers them.
        if not session or session.permanent or "_remember" in session or "_user_id" not in session:
            return None
        if app.config.get("REMEMBER_COOKIE_REFRESH_EACH_REQUEST") or app.config.get("LOGIN_DISABLED"):
            return None
        if not (_protection_holds(app, request, session) and self._csrf_holds(request, session)):
            return None
        return session["_user_id"]

    def _session(self, request: Request):
        """``SecureCookieSessionInterface.open_session``: the signed, unexpired session cookie, or None."""
        interface = self.app.session_interface
        keys = (*(self.app.config["SECRET_KEY_FALLBACKS"] or ()), self.app.secret_key) if self.app.secret_key else None
        serializer = self._serializer(keys, lambda: interface.get_signing_serializer(self.app))
        value = self._cookies_of(request).get(interface.get_cookie_name(self.app))
        if serializer is None or not value:
            return None
        data = self._loads(serializer, value, int(self.app.permanent_session_lifetime.total_seconds()))
        return None if data is None else interface.session_class(data)

    def _csrf_holds(self, request: Request, session) -> bool:
        """Flask-WTF's ``CSRFProtect.protect``, taking the token from its header as ``HeaderFirstCSRF`` does."""
        config = self.app.config
        if not (config["WTF_CSRF_ENABLED"] and config["WTF_CSRF_CHECK_DEFAULT"]):
            return False  # unchecked requests are the app's to answer
        if request.method not in config["WTF_CSRF_METHODS"]:
            return False
        token = next((value for name in config["WTF_CSRF_HEADERS"] if (value := request.headers.get(name))), None)
        kept = session.get(config.get("WTF_CSRF_FIELD_NAME", "csrf_token"))
        if not token or not isinstance(kept, str):
            return False
        secret = config.get("WTF_CSRF_SECRET_KEY", self.app.secret_key)
        serializer = self._serializer((CSRF_SALT, secret), lambda: URLSafeTimedSerializer(secret, salt=CSRF_SALT))
        signed = self._loads(serializer, token, config.get("WTF_CSRF_TIME_LIMIT", 3600))
        if not isinstance(signed, str) or not hmac.compare_digest(kept, signed):
            return False
        if request.is_secure and config["WTF_CSRF_SSL_STRICT"]:
            return bool(request.referrer) and same_origin(request.referrer, f"https://{request.host}/")
        return True

    def _cookies_of(self, request: Request):
        """``request.cookies``, parsed once per distinct Cookie header (a device sends the same one for hours)."""
        header = request.environ.get("HTTP_COOKIE", "")
        if (cookies := self._cookies.get(header)) is None:
            if len(self._cookies) >= REMEMBERED:
                self._cookies.clear()
            cookies = self._cookies[header] = request.cookies  # immutable, parsed as Flask parses them
        return cookies

    def _serializer(self, key: tuple | None, make) -> URLSafeTimedSerializer | None:
        """A serializer for these keys, built once (itsdangerous tries its serializer out on each build)."""
        if key is None:
            return None
        if (serializer := self._serializers.get(key)) is None:
            serializer = self._serializers[key] = make()
        return serializer

    def _loads(self, serializer: URLSafeTimedSerializer, value: str, max_age: int | None):
        """``serializer.loads(value, max_age=max_age)``, or None where it raises; a signature is checked once."""
        key = (serializer.salt, tuple(serializer.secret_keys), value)
        if (signed := self._signed.get(key)) is None:
            try:
                payload, signed_at = serializer.loads(value, return_timestamp=True)
            except BadData:
                return None
            if len(self._signed) >= REMEMBERED:
                self._signed.clear()
            self._signed[key] = signed = (payload, int(signed_at.timestamp()))
        # itsdangerous's age rule, on every request: older than max_age, or from the future, is expired.
        age = int(time.time()) - signed[1]
        return None if max_age is not None and not 0 <= age <= max_age else signed[0]


def _protection_holds(app: Flask, request: Request, session) -> bool:
    """Whether Flask-Login's session protection lets the session through without touching it."""
    mode = app.config.get("SESSION_PROTECTION", login_manager.session_protection)
    if mode not in ("basic", "strong"):
        return True
    # From another address or browser, "basic" marks the session not fresh (once) and "strong" empties it.
    return session.get("_id") == session_identifier(request) or (mode == "basic" and session.get("_fresh") is False)


def session_identifier(request: Request) -> str:
    """Flask-Login's session identifier (``_create_identifier``) for ``request``: its address and browser, hashed."""
    address = request.headers.get("X-Forwarded-For", request.remote_addr)
    if address is not None:
        address = address.encode("utf-8").split(b",")[0].strip()
    agent = request.headers.get("User-Agent")
    if agent is not None:
        agent = agent.encode("utf-8")
    # The bytes' reprs, as Flask-Login formats them: b'127.0.0.1'|b'Mozilla/5.0 …'.
    return sha512(f"{address}|{agent}".encode("utf8")).hexdigest()
