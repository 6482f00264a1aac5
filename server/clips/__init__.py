"""Demonstration clips: built from pose scripts or dropped in by a coach, and served with Range support."""

from server.clips.library import ClipsInvalid, build_clips
from server.clips.views import bp

__all__ = ["bp", "build_clips", "ClipsInvalid"]
