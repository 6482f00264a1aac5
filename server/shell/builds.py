"""When the webassets bundles are rebuilt, and one app process at a time doing it."""

import fcntl
from contextlib import contextmanager
from pathlib import Path

from webassets.updater import TimestampUpdater


class DefinitionUpdater(TimestampUpdater):
    """Rebuilds a bundle whose files are newer, whose definition changed, or whose definition was never kept.

    webassets keeps each bundle's definition in its cache and, finding none, trusts mtimes: then an
    install built before definitions were kept, updated in place, would serve a bundle missing a file
    moved into it.
    """

    id = "steady-definition"

    def needs_rebuild(self, bundle, ctx):
        """Whether ``bundle`` is out of date."""
        return ctx.cache.get(("bdef", bundle.output)) is None or super().needs_rebuild(bundle, ctx)


@contextmanager
def one_build_at_a_time(frontend: str):
    """Hold the front end's build lock (``gen/.build-lock``) for the block.

    gunicorn's workers each create the app as they start: after an update they would otherwise
    write the same bundles and manifest at once, and one could read the other's half-written
    manifest. The second to get the lock finds the bundles fresh and builds nothing.
    """
    folder = Path(frontend, "gen")
    try:
        folder.mkdir(exist_ok=True)
        lock = open(folder / ".build-lock", "a")
    except OSError:
        # A read-only front end (bundles built into an image beforehand) has nothing to write:
        # nothing to guard either, and a stale bundle still fails loudly as webassets writes it.
        lock = None
    if lock is None:
        yield
        return
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
