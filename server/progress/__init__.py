"""Progress: streaks, levels and asymmetry computed from the training log, served at /api/progress."""

from server.progress.views import bp

__all__ = ["bp"]
