"""One catalogue load at a time, across processes and app servers.

Always an exclusive ``flock`` on a file in the media folder, which every load on this machine
writes its clips into, whatever its database; on PostgreSQL also a session advisory lock, for
app servers on other machines. A second load waits for the first, then runs against what the
first left, so the stored catalogue and the clip files always belong to one load.
"""

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text

from server.extensions import db

# Any constant will do; it only has to be the same for every loader of this database.
ADVISORY_KEY = 0x5354454144  # "STEAD"
LOCK_FILE = ".catalog-load.lock"


@contextmanager
def load_lock(media_dir: Path) -> Iterator[None]:
    """Hold the catalogue-load lock for the duration of the block."""
    # The file first, then the database: every loader takes them in this order, so none waits in a cycle.
    # A SQLite app and a PostgreSQL one sharing a media folder (a developer's, the tests') wait for each other too.
    media_dir.mkdir(parents=True, exist_ok=True)
    with open(media_dir / LOCK_FILE, "a") as handle:  # closing the file releases the lock
        fcntl.flock(handle, fcntl.LOCK_EX)
        if db.engine.dialect.name != "postgresql":
            yield
            return
        with db.engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": ADVISORY_KEY})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_KEY})
