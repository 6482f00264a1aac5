"""Configuration defaults, and the environment variables an operator may set."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET_KEY = "dev-only-change-me"
NO_SECRET = (
    "SECRET_KEY is not set: export STEADY_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
    " or put SECRET_KEY in instance/config.py (make run writes one)."
)


class Defaults:
    """Safe defaults for a developer machine; ``instance/config.py``, then ``STEADY_*`` variables override them."""

    SECRET_KEY = DEV_SECRET_KEY  # refused outside debug and testing
    SQLALCHEMY_DATABASE_URI = None  # filled in by database_uri()
    ORIGIN = "http://127.0.0.1:5000"  # the public address: redirects and links are built from it
    TRUSTED_HOSTS = None  # e.g. ["steady.example"]: any other Host header is refused with a 400
    CONTENT_DIR = str(ROOT / "content")
    FRONTEND_DIR = str(ROOT / "frontend")
    MIGRATIONS_DIR = str(ROOT / "migrations")
    JSON_SORT_KEYS = False
    SYNC_TOMBSTONE_DAYS = 180  # deleted records' tombstones are kept this long (see `flask sync purge`)
    COMPRESS_MIMETYPES = [
        "text/html",
        "text/css",
        "application/json",
        "application/javascript",
        "text/javascript",
        "application/manifest+json",
        "image/svg+xml",
    ]
    # Request bodies above this get a 413; a route that needs more sets its own cap.
    MAX_CONTENT_LENGTH = 1024 * 1024

    # Accounts. A year of "remember me", so a phone offline for weeks can still sync.
    REMEMBER_COOKIE_DURATION = timedelta(days=365)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    PASSWORD_HASH_METHOD = "scrypt:32768:8:1"
    PASSWORD_RESET_MAX_AGE = timedelta(hours=1)
    WTF_CSRF_HEADERS = ["X-CSRFToken"]
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True

    # Coach clip uploads: the upload route's own body cap, ffmpeg's time limit per clip, and how long a
    # running job's heartbeat may go quiet before another runner retries it (once) or fails it.
    COACH_UPLOAD_MAX_BYTES = 200 * 1024 * 1024
    COACH_TRANSCODE_SECONDS = 600
    COACH_JOB_STALE_SECONDS = 60
    COACH_JOB_POLL_SECONDS = 2
    COACH_JOBS_IN_BACKGROUND = True  # False: jobs wait for run_pending_jobs() (tests drive them step by step)
    # A clip shows one movement: longer footage is refused at upload, and a converted clip over the
    # size the catalogue load takes (server/clips/library.py, 8 MB) fails its job; lower them, never raise.
    COACH_CLIP_MAX_SECONDS = 60
    COACH_CLIP_MAX_BYTES = 8 * 1024 * 1024
    # A replaced (or reverted, or deleted) coach clip stays on disk this long, for devices whose catalogue still names it.
    COACH_CLIP_KEEP_DAYS = 7

    # Outgoing mail; with no MAIL_SERVER every message is printed to standard error instead.
    MAIL_SERVER = None
    MAIL_PORT = 587
    MAIL_USER = None
    MAIL_PASSWORD = None
    MAIL_TLS = "starttls"  # or "ssl", or "none"
    MAIL_SENDER = "Steady <steady@localhost>"


def cookie_security(origin: str) -> dict:
    """Cookies are Secure whenever the public origin is https; plain http on 127.0.0.1 keeps working."""
    secure = origin.startswith("https://")
    return {"SESSION_COOKIE_SECURE": secure, "REMEMBER_COOKIE_SECURE": secure}


def database_uri(app: Flask) -> str:
    """``DATABASE_URL`` if set (PostgreSQL in production), else SQLite in the instance folder."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return f"sqlite:///{Path(app.instance_path) / 'steady.sqlite'}"
    # Hosting platforms hand out postgres:// URLs; SQLAlchemy wants the driver named.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def check_secret(app: Flask) -> None:
    """Refuse to run outside debug and testing on the built-in development key, or none."""
    if not (app.debug or app.testing) and app.config.get("SECRET_KEY") in (None, "", DEV_SECRET_KEY):
        raise RuntimeError(NO_SECRET)


def apply_origin(app: Flask) -> None:
    """Build every URL, redirects included, from ``ORIGIN`` rather than the request's Host header."""
    origin = urlsplit(app.config["ORIGIN"])
    app.config["SERVER_NAME"] = app.config.get("SERVER_NAME") or origin.netloc
    app.config["PREFERRED_URL_SCHEME"] = origin.scheme
