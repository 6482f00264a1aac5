"""The week plan around runs: its private calendar feed (the plan itself is a shared rule in server/progress)."""

from server.plan.views import bp

__all__ = ["bp"]
