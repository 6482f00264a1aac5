"""The served catalogue: each item's built-in version (what the content files last said) with the coach layer over it.

A load stores the built-in versions and recomputes every row; a coach's publish, revert, retire,
restore or clip recomputes only the row it changed. Either way the served version is a hash of
the built-in version and the layer's published state, so ``catalog_payload``'s cache and the
sync rules' slug cache (both keyed by version) never serve a catalogue that is gone.
"""

import hashlib
import json

from sqlalchemy import select, update

from server.catalog.models import CatalogState, Exercise, Program, Routine, RoutineItem
from server.extensions import db

EXERCISE_COLUMNS = ("slug", "name", "summary", "unilateral")
ROUTINE_COLUMNS = ("slug", "name", "summary", "format", "rounds", "work_seconds", "rest_seconds", "round_rest_seconds")
ITEM_FIELDS = ("reps", "reps_min", "hold_seconds", "work_seconds", "note")
PROGRAM_COLUMNS = ("slug", "name", "summary")
MODELS = {"exercise": Exercise, "routine": Routine, "program": Program}


def lock_catalogue() -> CatalogState | None:
    """Take the catalogue's write lock for the rest of the transaction and return its state row.

    A no-op UPDATE of the one state row: PostgreSQL's row lock, SQLite's write lock. Loads and
    coach changes then read the layer and write the version one at a time.
    """
    db.session.execute(update(CatalogState).where(CatalogState.id == 1).values(version=CatalogState.version))
    return db.session.get(CatalogState, 1, populate_existing=True)


def layer_model():
    """The coach layer's model (``CoachItem``)."""
    # It lives with the studio (server/coach/models.py), whose package imports this one: so it is
    # imported on first use, once every package has loaded, not when this module loads.
    from server.coach.models import CoachItem
    return CoachItem


def layer_items(kind: str) -> dict:
    """The coach layer's items of one kind, by slug."""
    model = layer_model()
    return {item.slug: item for item in db.session.scalars(select(model).where(model.kind == kind))}


def recompose_exercise(slug: str, row: Exercise | None, layer) -> Exercise | None:
    """Write one exercise's served row from its built-in version and its layer; None when nothing is served."""
    row, served = _served_row(Exercise, slug, row, layer)
    if row is None:
        return None
    row.name, row.summary, row.unilateral = served["name"], served["summary"], served["unilateral"]
    row.card = {key: value for key, value in served.items() if key not in (*EXERCISE_COLUMNS, "video")}
    # The coach's clip, else the built-in one: an edit that leaves out ``video`` keeps the clip.
    row.video = layer.video if layer and layer.video else (row.built_in or {}).get("video")
    row.retired = _retired(row, layer)
    return row


def recompose_routine(slug: str, row: Routine | None, layer,
                      exercises: dict[str, Exercise]) -> Routine | None:
    """Write one routine's served row (items included) from its built-in version and its layer."""
    row, served = _served_row(Routine, slug, row, layer)
    if row is None:
        return None
    for key in ROUTINE_COLUMNS[1:]:
        setattr(row, key, served[key])
    row.details = {key: value for key, value in served.items() if key not in (*ROUTINE_COLUMNS, "items")}
    if row.items:  # the old (routine, position) rows must go before the new ones are inserted
        row.items.clear()
        db.session.flush()
    row.items = [RoutineItem(position=index, exercise=exercises[item["exercise"]],
                             **{key: item.get(key) for key in ITEM_FIELDS})
                 for index, item in enumerate(served["items"])]
    row.retired = _retired(row, layer)
    return row


def recompose_program(slug: str, row: Program | None, layer) -> Program | None:
    """Write one program's served row from its built-in version and its layer."""
    row, served = _served_row(Program, slug, row, layer)
    if row is None:
        return None
    row.name, row.summary = served["name"], served["summary"]
    row.details = {key: value for key, value in served.items() if key not in PROGRAM_COLUMNS}
    row.retired = _retired(row, layer)
    return row


def recompose(kind: str, slug: str, row, layer) -> None:
    """Write the served row of an item of any kind (a routine's items are found among the served exercises)."""
    if kind == "exercise":
        recompose_exercise(slug, row, layer)
    elif kind == "routine":
        recompose_routine(slug, row, layer, rows_by_slug(Exercise))
    else:
        recompose_program(slug, row, layer)


def rows_by_slug(model) -> dict:
    """Every served row of ``model``, by slug."""
    return {row.slug: row for row in db.session.scalars(select(model))}


def row_of(kind: str, slug: str):
    """The served row of one item, or None."""
    model = MODELS[kind]
    return db.session.scalar(select(model).where(model.slug == slug))


def renumber() -> None:
    """Order every served list as the loader reads files (by file name), so an export loads back in the same order."""
    for model in MODELS.values():
        rows = sorted(rows_by_slug(model).values(), key=lambda row: f"{row.slug}.toml")
        for position, row in enumerate(rows):
            row.position = position


def refresh_version(state: CatalogState) -> str:
    """Set the served version from the built-in version and the layer's published state; return it."""
    db.session.flush()
    state.version = served_version_of(state.built_in_version or "", _layer_digest())
    return state.version


def served_version_of(built_in_version: str, layer_digest: str) -> str:
    """The built-in version alone while the layer publishes nothing, so a catalogue without coaches keeps its version."""
    if not layer_digest:
        return built_in_version
    return hashlib.sha256(f"{built_in_version}:{layer_digest}".encode()).hexdigest()[:16]


def _layer_digest() -> str:
    """A hash of what the layer changes for runners (drafts are not part of it); "" when it changes nothing."""
    model = layer_model()
    rows = db.session.execute(select(model.kind, model.slug, model.published, model.video, model.retired)
                              .order_by(model.kind, model.slug)).all()
    visible = [list(row) for row in rows if row.published or row.video or row.retired]
    if not visible:
        return ""
    return hashlib.sha256(json.dumps(visible, sort_keys=True).encode()).hexdigest()


def _served_row(model, slug: str, row, layer) -> tuple:
    """(the row to write, the version it serves); (None, None) with the row deleted when nothing is served."""
    served = _served(row, layer)
    if served is None:
        if row is not None:
            db.session.delete(row)
        return None, None
    if row is None:
        row = model(slug=slug, position=0, built_in_retired=False)
        db.session.add(row)
    return row, served


def _served(row, layer) -> dict | None:
    """The coach's published version if there is one, else the built-in one, else nothing."""
    if layer is not None and layer.published is not None:
        return layer.published
    return row.built_in if row is not None else None


def _retired(row, layer) -> bool:
    """Retired by a coach, or by the load that found its file gone (unless a coach version still serves it)."""
    if layer is not None and layer.retired:
        return True
    return row.built_in_retired and not (layer is not None and layer.published is not None)
