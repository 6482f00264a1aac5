"""The exercise catalogue: content files, their loader, and the catalogue API."""

from server.catalog.cli import cli
from server.catalog.views import bp

__all__ = ["bp", "cli"]
