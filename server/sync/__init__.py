"""Sync: the push/pull protocol that carries the device's records to the server and back."""

from server.sync.cli import cli
from server.sync.views import bp

__all__ = ["bp", "cli"]
