"""A coach's clip files under ``MEDIA_DIR/coach``: marked when the catalogue stops naming them, deleted after a while.

A device that loaded the catalogue before a clip was replaced (or its exercise reverted or
deleted) may still ask for the old file, so it is kept ``COACH_CLIP_KEEP_DAYS`` after it
stopped being served. A published file is never written again, so its modification time is
free to say when that was: set then, and read by the sweep.
"""

import logging
import os
import time
from pathlib import Path

from flask import current_app
from sqlalchemy import select

from server.coach.models import CoachItem
from server.extensions import db

CLIP_FOLDER = "coach"  # under MEDIA_DIR: catalog load's sweep only looks at renders in MEDIA_DIR itself
DAY_SECONDS = 86_400

log = logging.getLogger(__name__)


def clip_folder() -> Path:
    """Where converted coach clips and their posters are published."""
    return Path(current_app.config["MEDIA_DIR"]) / CLIP_FOLDER


def _named_files(video: dict | None) -> list[Path]:
    """The files of ``clip_folder()`` a catalogue ``video`` names (its MP4 and poster)."""
    prefix = f"/media/{CLIP_FOLDER}/"
    urls = [(video or {}).get(key) for key in ("src", "poster")]
    return [clip_folder() / url.removeprefix(prefix) for url in urls
            if isinstance(url, str) and url.startswith(prefix) and "/" not in url.removeprefix(prefix)]


def clip_unserved(video: dict | None) -> list[Path]:
    """Call once a commit stopped serving ``video``: start its keep period, then sweep; the files deleted.

    Housekeeping after the change is made: a file it cannot touch or delete is logged, never raised."""
    try:
        for path in _named_files(video):
            try:
                os.utime(path)
            except FileNotFoundError:
                pass
        return sweep_clip_files()
    except OSError:
        log.exception("could not sweep the coach clip folder")
        return []


def sweep_clip_files() -> list[Path]:
    """Delete the clip files no coach item names that were published or unserved over the keep period ago."""
    folder = clip_folder()
    if not folder.is_dir():
        return []
    named = {path for video in db.session.scalars(select(CoachItem.video).where(CoachItem.video.is_not(None)))
             for path in _named_files(video)}
    # A job publishes its files a moment before it attaches them: they are new, so kept.
    before = time.time() - current_app.config["COACH_CLIP_KEEP_DAYS"] * DAY_SECONDS
    deleted = []
    for path in folder.iterdir():
        if path.name.startswith(".") or path in named or not path.is_file():
            continue  # a file being published is still under its temporary (dot) name
        try:
            if path.stat().st_mtime < before:
                path.unlink()
                deleted.append(path)
        except FileNotFoundError:
            pass  # another process swept it first
    if deleted:
        log.info("deleted %d coach clip files no longer served: %s", len(deleted), ", ".join(p.name for p in deleted))
    return deleted
