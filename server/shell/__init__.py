"""The app shell: page routes, static files, and the front-end bundles."""

from server.shell import pages, views  # noqa: F401  (each registers its routes on bp)
from server.shell.assets import init_assets
from server.shell.blueprint import bp

__all__ = ["bp", "init_assets"]
