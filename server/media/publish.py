"""Putting a media file in place so that a reader sees the old file or the whole new one, never half of one."""

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def publish_file(target: Path, write: Callable[[Path], None]) -> None:
    """Write through ``write(temp)`` beside ``target``, then rename the temporary file over it."""
    # A unique temporary name: two threads or processes may publish the same content-hashed file at once.
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=f".tmp{target.suffix}")
    os.close(handle)
    temp = Path(name)
    try:
        write(temp)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
