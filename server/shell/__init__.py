"""The app shell: page routes, static files, and the front-end bundles."""

from server.shell.assets import init_assets
from server.shell.views import bp

__all__ = ["bp", "init_assets"]
