"""Configuration defaults, and the environment variables an operator may set."""

import os
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


class Defaults:
    """Safe defaults for a developer machine; ``instance/config.py`` overrides them."""

    SECRET_KEY = "dev-only-change-me"
    SQLALCHEMY_DATABASE_URI = None  # filled in by database_uri()
    CONTENT_DIR = str(ROOT / "content")
    FRONTEND_DIR = str(ROOT / "frontend")
    MIGRATIONS_DIR = str(ROOT / "migrations")
    JSON_SORT_KEYS = False
    ASSETS_AUTO_BUILD = True
    COMPRESS_MIMETYPES = [
        "text/html",
        "text/css",
        "application/json",
        "application/javascript",
        "text/javascript",
        "application/manifest+json",
        "image/svg+xml",
    ]


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
