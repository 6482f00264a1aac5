"""The content loader is all or nothing, one load at a time, and names every file it refuses."""

import os
import shutil
import threading

import pytest
from flask_migrate import upgrade

from server.catalog.content import CatalogInvalid, content_version
from server.catalog.lock import load_lock
from server.catalog.service import catalog_payload, catalog_version, find_exercise, load_catalog
from server.media import poster_is_whole
from tests.conftest import CONTENT_DIR, MEDIA_DIR, make_app


@pytest.fixture
def content(tmp_path):
    """A private copy of the content, free to edit."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    return folder


@pytest.fixture
def media(tmp_path):
    """A private media folder holding the clips the loaded catalogue names, so deleting is safe."""
    folder = tmp_path / "media"
    shutil.copytree(MEDIA_DIR, folder, ignore=shutil.ignore_patterns(".*"))
    return folder


def live_files() -> set[str]:
    """Every clip and poster file the stored catalogue names."""
    videos = [exercise["video"] for exercise in catalog_payload()["exercises"]]
    return {url.removeprefix("/media/") for video in videos for url in (video["src"], video["poster"])}


def edit_pose(content, slug: str) -> None:
    """A valid change to a pose script: a new hash, so a new render."""
    with (content / "poses" / f"{slug}.toml").open("a") as handle:
        handle.write("\n# an edit\n")


def drop_coach_clip(content, slug: str, data: bytes) -> None:
    (content / "clips").mkdir(exist_ok=True)
    (content / "clips" / f"{slug}.mp4").write_bytes(data)


def rendered_clip(slug: str) -> bytes:
    return next(MEDIA_DIR.glob(f"{slug}.*.mp4")).read_bytes()


def test_a_failed_load_keeps_every_live_clip_file(app, content, media):
    edit_pose(content, "plank")
    drop_coach_clip(content, "glute-bridge", rendered_clip("glute-bridge")[:5000])
    with app.app_context():
        before, live = catalog_version(), live_files()
        with pytest.raises(CatalogInvalid) as caught:
            load_catalog(content, media)
        assert catalog_version() == before
    assert [e.file for e in caught.value.errors] == ["clips/glute-bridge.mp4"]
    assert sorted(name for name in live if not (media / name).is_file()) == []


def test_a_good_load_deletes_the_replaced_render_after_committing(app, content, media):
    edit_pose(content, "plank")
    with app.app_context():
        old = {name for name in live_files() if name.startswith("plank.")}
        load_catalog(content, media)
        new = {name for name in live_files() if name.startswith("plank.")}
        assert sorted(name for name in live_files() if not (media / name).is_file()) == []
    assert old != new
    assert not any((media / name).exists() for name in old)


def load_at_once(app, folders: dict, media) -> tuple[dict, list]:
    """Run one load per folder in its own thread, all started together."""
    start = threading.Barrier(len(folders))
    results, failures = {}, []

    def load(tag):
        with app.app_context():
            start.wait()
            try:
                results[tag] = load_catalog(folders[tag], media)
            except Exception as error:  # noqa: BLE001 - the test reports whatever a loader raised
                failures.append(repr(error))

    threads = [threading.Thread(target=load, args=(tag,)) for tag in folders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, failures


def two_contents(tmp_path) -> dict:
    """Two different contents, each with its own plank clip; the plank's summary says which one a catalogue came from."""
    folders = {}
    for tag in ("C", "D"):
        folder = folders[tag] = tmp_path / tag
        shutil.copytree(CONTENT_DIR, folder)
        with (folder / "poses" / "plank.toml").open("a") as handle:
            handle.write(f"\n# rendered for content {tag}\n")
        card = folder / "exercises" / "plank.toml"
        lines = card.read_text().splitlines(keepends=True)
        card.write_text("".join(f'summary = "Loaded from content {tag}, every word of it."\n'
                                if line.startswith("summary =") else line for line in lines))
    return folders


def check_one_whole_catalogue(app, results, failures, media):
    assert failures == []
    assert set(results) == {"C", "D"}
    with app.app_context():
        version = catalog_version()
        (winner,) = [tag for tag, result in results.items() if result.version == version]
        assert find_exercise("plank")["summary"] == f"Loaded from content {winner}, every word of it."
        assert sorted(name for name in live_files() if not (media / name).is_file()) == []


def test_two_loads_at_once_on_sqlite_both_succeed_with_one_whole_catalogue(app, tmp_path, media):
    folders = two_contents(tmp_path)
    results, failures = load_at_once(app, folders, media)
    check_one_whole_catalogue(app, results, failures, media)


@pytest.mark.postgres
def test_two_loads_at_once_on_postgres_both_succeed_with_one_whole_catalogue(pg_url, tmp_path, media):
    app = make_app(pg_url)
    with app.app_context():
        upgrade()
    folders = two_contents(tmp_path)
    results, failures = load_at_once(app, folders, media)
    check_one_whole_catalogue(app, results, failures, media)


@pytest.mark.postgres
@pytest.mark.parametrize("first", ["sqlite", "postgres"])
def test_loads_on_two_databases_sharing_a_media_folder_wait_for_each_other(pg_url, app, media, first):
    """A developer's SQLite app and a PostgreSQL one writing clips into one folder never load at once."""
    apps = {"sqlite": app, "postgres": make_app(pg_url)}
    second = apps["postgres" if first == "sqlite" else "sqlite"]
    entered, leave = threading.Event(), threading.Event()

    def hold():
        with apps[first].app_context(), load_lock(media):
            entered.set()
            leave.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert entered.wait(10)
        waited = threading.Event()

        def take():
            with second.app_context(), load_lock(media):
                waited.set()

        taker = threading.Thread(target=take)
        taker.start()
        assert not waited.wait(0.5), "the second load went ahead while the first held the lock"
        leave.set()
        assert waited.wait(10)
        taker.join(10)
    finally:
        leave.set()
        holder.join(10)


def nested(depth: int) -> str:
    return "steps = " + "[" * depth + "]" * depth + "\n"


def loop(path):
    os.symlink(path.name, path)  # a link to itself: it exists, but reading it fails even for root


@pytest.mark.parametrize(("make", "line"), [
    (lambda c: (c / "exercises" / "plank-old.toml").mkdir(),
     "exercises/plank-old.toml: file: a folder where a file is expected"),
    (lambda c: loop(c / "exercises" / "loop.toml"),
     "exercises/loop.toml: file: cannot be read (Too many levels of symbolic links)"),
    (lambda c: (c / "exercises" / "plank.toml").write_text(nested(5000)),
     "exercises/plank.toml: file: not valid TOML: nested too deeply"),
    (lambda c: shutil.copy(c / "exercises" / "plank.toml", c / "exercises" / "plank.TOML"),
     "exercises/plank.TOML: file: only .toml files belong in exercises/"),
    (lambda c: shutil.copy(c / "exercises" / "plank.toml", c / "exercises" / "plank.toml.bak"),
     "exercises/plank.toml.bak: file: only .toml files belong in exercises/"),
    (lambda c: shutil.copy(c / "routines" / "back-and-core-circuit.toml", c / "routines" / "old.toml.bak"),
     "routines/old.toml.bak: file: only .toml files belong in routines/"),
    (lambda c: shutil.copy(c / "exercises" / "side-plank.toml", c / "exercises" / "sideways-plank.toml"),
     "exercises/sideways-plank.toml: field 'name': 'Side plank' is already the name of exercises/side-plank.toml"),
    (lambda c: shutil.copy(c / "poses" / "plank.toml", c / "poses" / "plank.toml.bak"),
     "poses/plank.toml.bak: file: only .toml files belong in poses/"),
    (lambda c: (c / "poses" / "plank-old.toml").mkdir(),
     "poses/plank-old.toml: file: a folder where a file is expected"),
    (lambda c: (c / "poses" / "plank.toml").write_text(nested(5000)),
     "poses/plank.toml: file: not valid TOML (nested too deeply)"),
    (lambda c: (c / "clips" / "plank.mp4").mkdir(parents=True),
     "clips/plank.mp4: file: a folder where a file is expected"),
], ids=["folder", "unreadable", "nested", "upper-case-suffix", "backup", "routine-backup", "same-name",
        "pose-backup", "pose-folder", "pose-nested", "clip-folder"])
def test_a_refused_file_is_named_and_nothing_is_loaded(bare_app, content, media, make, line):
    make(content)
    result = bare_app.test_cli_runner().invoke(args=["catalog", "load", "--content", str(content)])
    assert result.exit_code == 1
    assert f"error: {line}" in result.output.splitlines()
    assert "nothing was loaded" in result.output
    with bare_app.app_context():
        assert catalog_version() is None


def test_refused_files_are_not_part_of_the_content_hash(content):
    before = content_version(content)
    shutil.copy(content / "exercises" / "plank.toml", content / "exercises" / "plank.toml.bak")
    (content / "exercises" / "notes").mkdir()
    assert content_version(content) == before


@pytest.mark.parametrize("damage", ["truncated", "missing"])
def test_a_damaged_coach_poster_is_made_again(app, content, media, damage):
    drop_coach_clip(content, "plank", rendered_clip("glute-bridge"))
    with app.app_context():
        load_catalog(content, media)
        poster = media / find_exercise("plank")["video"]["poster"].removeprefix("/media/")
        if damage == "truncated":
            poster.write_bytes(poster.read_bytes()[:300])
        else:
            poster.unlink()
        assert not poster_is_whole(poster)
        load_catalog(content, media)
    assert poster_is_whole(poster)
    assert not [p.name for p in media.iterdir() if ".tmp" in p.name]
