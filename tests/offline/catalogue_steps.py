"""Changing the catalogue a live server serves while a device holds the old one, and reading what the device holds.

A server of its own media folder (a copy of the shared renders), so a load that replaces a clip
deletes the old file there only, never under another test running beside this one.
"""

import shutil
import time
import uuid

import pytest
from sqlalchemy import select

from server.catalog.models import CatalogState, Exercise, Routine
from server.catalog.service import load_catalog
from server.extensions import db
from tests.conftest import CONTENT_DIR, MEDIA_DIR, make_app
from tests.live_server import LiveServer

STORED_CATALOG = "steady.catalogStore.readStoredCatalog()"
MEDIA_KEYS = "caches.open('steady-media-v1').then((c) => c.keys()).then((ks) => ks.map((k) => new URL(k.url).pathname).sort())"
# True once the video has really played a little (frames decoded and time moving); false after 10 s.
PLAYING = """(video) => new Promise((resolve) => {
    const start = video.currentTime;
    const until = Date.now() + 10000;
    const check = () => (video.readyState >= 2 && video.currentTime > start + 0.2) ? resolve(true)
        : Date.now() > until ? resolve(false) : setTimeout(check, 50);
    check();
})"""


@pytest.fixture
def own_server(template_db, tmp_path):
    """A live server on a fresh copy of the database, with a media folder of its own: (server, content, media)."""
    media = tmp_path / "media"
    shutil.copytree(MEDIA_DIR, media, ignore=shutil.ignore_patterns(".*"))
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    (content / "clips").mkdir(exist_ok=True)
    database = tmp_path / "steady.sqlite"
    shutil.copy(template_db, database)
    server = LiveServer(make_app(f"sqlite:///{database}", MEDIA_DIR=str(media)))
    server.start()
    yield server, content, media
    server.stop()


def publish_content(app, content, media) -> str:
    """Load the (changed) content folder as the live catalogue; returns the new version."""
    with app.app_context():
        return load_catalog(content, media).version


def film_again(content, media, slug: str, footage: str = "glute-bridge") -> None:
    """A coach's own clip for `slug` (here another exercise's render), dropped into the content."""
    shutil.copy(next(media.glob(f"{footage}.*.mp4")), content / "clips" / f"{slug}.mp4")


def rewrite(content, slug: str, old: str, new: str) -> None:
    """Change a line of an exercise's content file."""
    path = content / "exercises" / f"{slug}.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def serve_changed(app, exercises: dict | None = None, routines: dict | None = None) -> str:
    """Serve some exercises or routines with changed fields (`retired`, or `video` None) under a new version.

    What a coach's retire or an early publish does to the served catalogue, written to the
    catalogue's own rows until the coach layer can publish it; returns the new version.
    """
    with app.app_context():
        for slug, fields in (exercises or {}).items():
            row = db.session.scalar(select(Exercise).where(Exercise.slug == slug))
            if "video" in fields:
                row.video = fields["video"]
            row.card = {**row.card, **{k: v for k, v in fields.items() if k != "video"}}
        for slug, fields in (routines or {}).items():
            row = db.session.scalar(select(Routine).where(Routine.slug == slug))
            row.details = {**row.details, **fields}
        state = db.session.get(CatalogState, 1)
        state.version = uuid.uuid4().hex[:16]
        db.session.commit()
        return state.version


def eventually(page, predicate: str, arg=None, timeout: float = 15.0) -> None:
    """Wait until the async `predicate` resolves truthy in the page (wait_for_function does not await a promise)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(predicate, arg):
        assert time.monotonic() < deadline, f"still false after {timeout} s: {predicate}"
        time.sleep(0.2)


def stored_exercise(page, slug: str) -> dict:
    """The exercise as the device's stored catalogue has it."""
    return page.evaluate(f"{STORED_CATALOG}.then((c) => c.exercises.find((e) => e.slug === '{slug}'))")


def download(page, key: str) -> dict | None:
    """The device's record of a download saved for offline, or None."""
    return page.evaluate(f"steady.downloads.listDownloads().then((all) => all.find((d) => d.key === '{key}') || null)")
