"""The coach studio's server side: who may use it, what coaches did, and the /api/coach endpoints."""

from server.coach import catalogue_views, clip_views, history_views  # noqa: F401  (they register routes)
from server.coach.blueprint import bp
from server.coach.cli import cli

__all__ = ["bp", "cli"]
