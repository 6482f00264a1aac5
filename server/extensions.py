"""Flask extensions, created unbound here and bound to an app in ``create_app``."""

from flask import Flask, current_app, request
from flask_compress import Compress
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.orm import DeclarativeBase

# Named constraints, so a later migration can drop or alter one by name on every database
# (SQLite's are otherwise unnamed, PostgreSQL's named by its own rules). From the SQLAlchemy docs.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base for every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class HeaderFirstCSRF(CSRFProtect):
    """CSRF protection that takes the token from its header before looking in a form."""

    def _get_csrf_token(self):
        # The app posts JSON with the token in a header; Flask-WTF reads request.form first,
        # which costs a form parse on every POST.
        for header in current_app.config["WTF_CSRF_HEADERS"]:
            if token := request.headers.get(header):
                return token
        return super()._get_csrf_token()


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
compress = Compress()
login_manager = LoginManager()
csrf = HeaderFirstCSRF()
# Limits are declared on the views that need them; nothing is limited by default.
limiter = Limiter(key_func=get_remote_address)


def init_app(app: Flask) -> None:
    """Bind every extension to ``app``."""
    db.init_app(app)
    migrate.init_app(app, db, directory=app.config["MIGRATIONS_DIR"])
    compress.init_app(app)
    login_manager.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    _check_limits_in_their_views_only(app)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", _sqlite_pragmas)


def _check_limits_in_their_views_only(app: Flask) -> None:
    # A limited view's decorator checks its limits when the view is called; the limiter's
    # before-request hook only adds default and application-wide limits. With none of those
    # configured it changes nothing, yet cost about 0.2 ms on every request (sync included).
    if app.config.get("RATELIMIT_DEFAULT") or app.config.get("RATELIMIT_APPLICATION"):
        return
    hooks = app.before_request_funcs.get(None, [])
    hooks[:] = [hook for hook in hooks if hook != limiter._check_request_limit]


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the app read while a write is in flight; foreign keys are off by default in SQLite.
    # In WAL, synchronous=NORMAL syncs at checkpoints rather than on every commit: the database
    # never corrupts, and a process crash loses nothing; only a power cut may lose the last commits.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
