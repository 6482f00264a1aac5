"""Validation of content files: every bad file names its file and field, and nothing is loaded."""

import shutil

import pytest
from sqlalchemy import func, select

from server.catalog.content import CatalogInvalid, read_catalog
from server.catalog.models import CatalogState, Exercise
from server.catalog.service import catalog_version, load_catalog
from server.extensions import db
from tests.conftest import CONTENT_DIR, MEDIA_DIR

CARD = "exercises/side-plank.toml"
ROUTINE = "routines/back-and-core-circuit.toml"
LADDER = "ladders/side-plank.toml"


@pytest.fixture
def content(tmp_path):
    """A private copy of the real content folder, to break."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    return folder


def edit(folder, name, old, new):
    path = folder / name
    text = path.read_text()
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1))


BAD_FILES = [
    pytest.param(CARD, 'top_tip = "', 'top_hint = "', CARD, "top_tip", "Field required", id="missing-field"),
    pytest.param(CARD, 'item = "mat"', 'item = "kettlebell"', CARD, "equipment.0.item", "Input should be", id="unknown-equipment"),
    pytest.param(CARD, '{ exercise = "plank"', '{ exercise = "moon-walk"', CARD, "easier.1.exercise", "no exercise 'moon-walk'", id="variation-nowhere"),
    pytest.param(CARD, 'tags = ["core"]', 'tags = ["abs"]', CARD, "tags.0", "Input should be", id="unknown-tag"),
    pytest.param(CARD, "{ hold_seconds = 30 }", "{ hold_seconds = 30, reps = 10 }", CARD, "prescription", "exactly one of", id="two-measures"),
    pytest.param(CARD, "{ hold_seconds = 30 }", "{ hold_seconds = -5 }", CARD, "prescription.hold_seconds", "greater than or equal", id="negative-hold"),
    pytest.param(CARD, "unilateral = true", "unilateral = true\nsteps_extra = 1", CARD, "steps_extra", "Extra inputs", id="unknown-key"),
    pytest.param(CARD, 'sources = ["back-core-workout"', 'sources = ["a-blog"', CARD, "sources.0", "no source 'a-blog'", id="unknown-source"),
    pytest.param(CARD, 'name = "Side plank"', 'name = "Side plank', CARD, "", "not valid TOML", id="broken-toml"),
    pytest.param(ROUTINE, 'exercise = "glute-bridge"', 'exercise = "glute-bridges"', ROUTINE, "items.3.exercise", "no exercise 'glute-bridges'", id="routine-item-nowhere"),
    pytest.param(ROUTINE, "rounds = 3", "rounds = 0", ROUTINE, "rounds", "greater than or equal", id="zero-rounds"),
    pytest.param(ROUTINE, 'format = "circuit"', 'format = "superset"', ROUTINE, "format", "Input should be", id="unknown-format"),
    pytest.param(LADDER, 'dose = "seconds"', 'dose = "reps"', LADDER, "dose", "the card prescribes seconds", id="ladder-wrong-dose"),
    pytest.param(LADDER, 'dose = "seconds"', 'dose = "metres"', LADDER, "dose", "Input should be", id="ladder-unknown-dose"),
    pytest.param(LADDER, "high = 45", "high = 47", LADDER, "", "steps of 5 from 15 never reach 47", id="ladder-steps-miss-the-top"),
    pytest.param(LADDER, "high = 45", "high = 15", LADDER, "", "low must be below high", id="ladder-flat"),
    pytest.param(LADDER, "step = 5", "step = 0", LADDER, "step", "greater than or equal", id="ladder-zero-step"),
    pytest.param(LADDER, 'label = "From the feet"', 'label = "From the knees"', LADDER, "", "its own label", id="ladder-same-label"),
    pytest.param(LADDER, 'label = "From the feet"', 'label = "From the feet"\nsurface = "sand"', LADDER, "rungs.1.surface", "Input should be", id="ladder-unknown-surface"),
    pytest.param(LADDER, 'label = "From the feet"', 'label = "From the feet"\nload_kg = -2', LADDER, "rungs.1.load_kg", "greater than or equal", id="ladder-negative-load"),
    pytest.param(LADDER, 'label = "From the feet"', 'label = "From the feet"\ngrip = "wide"', LADDER, "rungs.1.grip", "Extra inputs", id="ladder-unknown-key"),
]


@pytest.mark.parametrize(("name", "old", "new", "file", "field", "message"), BAD_FILES)
def test_bad_file_is_named_with_its_field(content, name, old, new, file, field, message):
    edit(content, name, old, new)
    with pytest.raises(CatalogInvalid) as caught:
        read_catalog(content)
    errors = [(e.file, e.field) for e in caught.value.errors]
    assert (file, field) in errors
    assert any(message in e.message for e in caught.value.errors if (e.file, e.field) == (file, field))
    assert f"{file}:" in str(caught.value)


def test_a_ladder_without_its_exercise_is_refused(content):
    shutil.copy(content / LADDER, content / "ladders" / "moon-walk.toml")
    with pytest.raises(CatalogInvalid, match="ladders/moon-walk.toml: file: no exercise 'moon-walk' for this ladder"):
        read_catalog(content)


def test_file_name_must_be_a_slug(content):
    shutil.copy(content / CARD, content / "exercises" / "Side Plank.toml")
    with pytest.raises(CatalogInvalid, match="exercises/Side Plank.toml: file: file name must be a slug"):
        read_catalog(content)


def test_every_error_is_reported_at_once(content):
    edit(content, CARD, 'item = "mat"', 'item = "kettlebell"')
    edit(content, ROUTINE, "rounds = 3", "rounds = 0")
    with pytest.raises(CatalogInvalid) as caught:
        read_catalog(content)
    assert {e.file for e in caught.value.errors} == {CARD, ROUTINE}


@pytest.mark.parametrize(("name", "old", "new", "file", "field", "message"), BAD_FILES[:3])
def test_bad_content_loads_nothing_into_an_empty_database(bare_app, content, name, old, new, file, field, message):
    edit(content, name, old, new)
    with bare_app.app_context():
        with pytest.raises(CatalogInvalid):
            load_catalog(content, MEDIA_DIR)
        assert db.session.scalar(select(func.count()).select_from(Exercise)) == 0
        assert db.session.get(CatalogState, 1) is None


def test_bad_content_keeps_the_loaded_catalogue(app, content):
    edit(content, CARD, "steps = [", "stepz = [")
    with app.app_context():
        before = catalog_version()
        count = db.session.scalar(select(func.count()).select_from(Exercise))
        with pytest.raises(CatalogInvalid):
            load_catalog(content, MEDIA_DIR)
        assert catalog_version() == before
        assert db.session.scalar(select(func.count()).select_from(Exercise)) == count


def test_the_real_content_is_valid_and_complete():
    catalog = read_catalog(CONTENT_DIR)
    assert len(catalog.exercises) >= 24
    assert len(catalog.routines) >= 5
    referenced = {item.exercise for r in catalog.routines.values() for item in r.items}
    assert referenced <= set(catalog.exercises)
    assert set(catalog.ladders) == set(catalog.exercises), "every exercise in the catalogue has a ladder"
