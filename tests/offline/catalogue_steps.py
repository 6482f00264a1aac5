"""A coach changing the catalogue a live server serves while a device holds the old one, and reading what the device holds.

The server has a media folder of its own (a copy of the shared renders), so the clips a coach
adds there never reach another test running beside this one.
"""

import shutil
import time
import uuid

import pytest
from server.accounts.models import User
from server.accounts.service import set_coach
from server.coach.catalogue import attach_clip
from server.extensions import db
from tests.conftest import MEDIA_DIR, log_in, make_app, register_account
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
    """A live server on a fresh copy of the database, with a media folder of its own, and a coach: (server, studio)."""
    media = tmp_path / "media"
    shutil.copytree(MEDIA_DIR, media, ignore=shutil.ignore_patterns(".*"))
    database = tmp_path / "steady.sqlite"
    shutil.copy(template_db, database)
    server = LiveServer(make_app(f"sqlite:///{database}", MEDIA_DIR=str(media)))
    server.start()
    yield server, Studio(server, media)
    server.stop()


class Studio:
    """A coach publishing to a live server: the coach API through a logged-in client, and the clip a finished upload attaches."""

    def __init__(self, server, media):
        self.app, self.media = server.app, media
        self.account = register_account(self.app, "coach@example.com")
        with self.app.app_context():
            set_coach(self.account.email, True)
        self.client = self.app.test_client()
        log_in(self.client, self.account)

    def _ok(self, response, status: int = 200) -> dict:
        assert response.status_code == status, response.get_json()
        return response.get_json()

    def publish_exercise(self, slug: str, **changes) -> str:
        """Edit a live exercise's card and publish it; returns the new catalogue version."""
        card = self._ok(self.client.get(f"/api/catalog/exercises/{slug}"))
        body = {key: value for key, value in card.items() if key != "video"} | changes
        self._ok(self.client.put(f"/api/coach/exercises/{slug}", json=body))
        return self._ok(self.client.post(f"/api/coach/exercises/{slug}/publish"))["catalog_version"]

    def publish_new(self, kind: str, body: dict) -> str:
        """Create an exercise or routine and publish it (an exercise before it has a clip); returns the new catalogue version."""
        self._ok(self.client.post(f"/api/coach/{kind}s", json=body), 201)
        return self._ok(self.client.post(f"/api/coach/{kind}s/{body['slug']}/publish"))["catalog_version"]

    def retire(self, kind: str, slug: str) -> dict:
        """Remove an item the history or the built-in catalogue names: it is retired, not deleted."""
        item = self._ok(self.client.delete(f"/api/coach/{kind}s/{slug}"))
        assert item["retired"] is True, item
        return item

    def delete(self, kind: str, slug: str) -> None:
        """Remove a coach-made item nothing refers to: it is deleted for good."""
        assert self._ok(self.client.delete(f"/api/coach/{kind}s/{slug}")) == {"slug": slug, "deleted": True}

    def film(self, slug: str, footage: str = "glute-bridge") -> dict:
        """The coach's own clip of `slug` (here another exercise's render under a new name), attached as a finished upload is."""
        shown = self._ok(self.client.get(f"/api/catalog/exercises/{footage}"))["video"]
        name = f"{slug}.coach-{uuid.uuid4().hex[:12]}"
        shutil.copy(self.media / shown["src"].removeprefix("/media/"), self.media / f"{name}.mp4")
        shutil.copy(self.media / shown["poster"].removeprefix("/media/"), self.media / f"{name}.jpg")
        video = shown | {"src": f"/media/{name}.mp4", "poster": f"/media/{name}.jpg", "origin": "coach"}
        with self.app.app_context():
            attach_clip(slug, video, db.session.get(User, self.account.id))
        return video


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
