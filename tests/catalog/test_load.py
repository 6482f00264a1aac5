"""Loading the catalogue: idempotent, versioned, and reflecting edits and removals."""

import shutil

import pytest
from sqlalchemy import func, select

from server.catalog.content import CatalogInvalid
from server.catalog.models import Exercise, Routine, RoutineItem
from server.catalog.service import catalog_payload, catalog_version, load_catalog
from server.extensions import db
from server.problems import Problem
from tests.conftest import CONTENT_DIR, MEDIA_DIR


def counts():
    return tuple(db.session.scalar(select(func.count()).select_from(m)) for m in (Exercise, Routine, RoutineItem))


def test_first_load_stores_everything(bare_app):
    with bare_app.app_context():
        result = load_catalog(CONTENT_DIR, MEDIA_DIR)
        assert result.changed
        assert catalog_version() == result.version
        exercises, routines, _ = counts()
        assert (exercises, routines) == (result.exercises, result.routines)


def test_loading_twice_changes_nothing(bare_app):
    with bare_app.app_context():
        load_catalog(CONTENT_DIR, MEDIA_DIR)
        ids = dict(db.session.execute(select(Exercise.slug, Exercise.id)).all())
        before = counts()
        again = load_catalog(CONTENT_DIR, MEDIA_DIR)
        assert not again.changed
        assert counts() == before
        assert dict(db.session.execute(select(Exercise.slug, Exercise.id)).all()) == ids


def test_an_edit_gives_a_new_version_and_keeps_row_ids(app, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    card = content / "exercises" / "side-plank.toml"
    card.write_text(card.read_text().replace('name = "Side plank"', 'name = "Side plank hold"'))
    with app.app_context():
        old_version = catalog_version()
        old_id = db.session.scalar(select(Exercise.id).where(Exercise.slug == "side-plank"))
        result = load_catalog(content, MEDIA_DIR)
        assert result.changed and result.version != old_version
        row = db.session.scalar(select(Exercise).where(Exercise.slug == "side-plank"))
        assert (row.id, row.name) == (old_id, "Side plank hold")
        assert catalog_payload()["version"] == result.version


def test_a_removed_routine_is_retired_not_deleted(app, tmp_path):
    """Sessions may name it: it stays served, flagged, so nothing logged stops resolving."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    # One no program names: a program's routine cannot go (tests/catalog/test_programs.py).
    (content / "routines" / "ankles-for-trail-runners.toml").unlink()
    with app.app_context():
        items = len(db.session.scalar(select(Routine).where(Routine.slug == "ankles-for-trail-runners")).items)
        load_catalog(content, MEDIA_DIR)
        row = db.session.scalar(select(Routine).where(Routine.slug == "ankles-for-trail-runners"))
        assert (row.retired, len(row.items)) == (True, items)
        served = {r["slug"]: r for r in catalog_payload()["routines"]}
        assert served["ankles-for-trail-runners"]["retired"] is True
        assert not any(r["retired"] for slug, r in served.items() if slug != "ankles-for-trail-runners")


def test_cli_load_reports_and_is_idempotent(bare_app):
    runner = bare_app.test_cli_runner()
    first = runner.invoke(args=["catalog", "load"])
    assert first.exit_code == 0, first.output
    assert first.output.startswith("Loaded catalogue ")
    second = runner.invoke(args=["catalog", "load"])
    assert second.output.startswith("Already loaded catalogue ")


def test_cli_load_names_the_bad_file_and_fails(bare_app, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    card = content / "exercises" / "side-plank.toml"
    card.write_text(card.read_text().replace('item = "mat"', 'item = "kettlebell"'))
    result = bare_app.test_cli_runner().invoke(args=["catalog", "load", "--content", str(content)])
    assert result.exit_code == 1
    assert "exercises/side-plank.toml: field 'equipment.0.item'" in result.output
    assert "nothing was loaded" in result.output
    with bare_app.app_context():
        assert counts() == (0, 0, 0)


@pytest.mark.parametrize(("path", "old", "new", "line"), [
    ("poses/side-plank.toml", 'view = "side"', 'view = "top"',
     "error: poses/side-plank.toml: field 'view': 'top' is not one of 'side', 'front', 'back'"),
    ("poses/side-plank.toml", 'view = "side"', 'view = = "side"',
     "error: poses/side-plank.toml: file: not valid TOML (Invalid value (at line 4, column 8))"),
    ("clips/plank.mov", None, "not a film", "error: clips/plank.mov: file: only .mp4 files belong in clips/"),
])
def test_pose_and_clip_problems_reach_the_cli_as_they_were_found(bare_app, tmp_path, path, old, new, line):
    """Content, clip and pose problems are one type, printed one way."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    target = content / path
    target.parent.mkdir(exist_ok=True)
    target.write_text(target.read_text().replace(old, new, 1) if old else new)
    result = bare_app.test_cli_runner().invoke(args=["catalog", "load", "--content", str(content)])
    assert result.exit_code == 1
    assert line in result.output.splitlines()
    with bare_app.app_context(), pytest.raises(CatalogInvalid) as caught:
        load_catalog(content, MEDIA_DIR)
    assert {type(problem) for problem in caught.value.errors} == {Problem}
