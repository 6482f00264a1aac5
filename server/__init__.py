"""Steady: core and balance training for runners, offline first."""

import os

from flask import Flask

from server import accounts, catalog, clips, coach, errors, extensions, plan, progress, security, shell, sync
from server.config import Defaults, apply_origin, check_secret, cookie_security, database_uri


def create_app(test_config: dict | None = None) -> Flask:
    """Build the Steady application: configuration, extensions, then each domain's blueprint.

    Settings come from ``Defaults``, then ``instance/config.py`` (skipped for ``test_config``),
    then ``STEADY_*`` environment variables, then ``test_config``.
    """
    app = Flask(__name__, instance_relative_config=True, static_folder=None)
    app.config.from_object(Defaults)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_uri(app)
    app.config["MEDIA_DIR"] = os.path.join(app.instance_path, "media")
    # Coaches' uploads wait here, outside MEDIA_DIR so an original is never served, until converted.
    app.config["UPLOAD_DIR"] = os.path.join(app.instance_path, "uploads")
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("STEADY")
    app.config.from_mapping(test_config or {})
    check_secret(app)
    apply_origin(app)
    app.config.update(cookie_security(app.config["ORIGIN"]))
    os.makedirs(app.instance_path, exist_ok=True)

    extensions.init_app(app)
    shell.init_assets(app)
    errors.init_app(app)
    security.init_app(app)

    app.register_blueprint(accounts.bp)
    app.register_blueprint(catalog.bp)
    app.register_blueprint(clips.bp)
    app.register_blueprint(coach.bp)
    app.register_blueprint(plan.bp)
    app.register_blueprint(progress.bp)
    app.register_blueprint(shell.bp)
    app.register_blueprint(sync.bp)
    app.cli.add_command(accounts.cli)
    app.cli.add_command(catalog.cli)
    app.cli.add_command(coach.cli)
    app.cli.add_command(sync.cli)
    return app
