"""Loading the catalogue into the database and reading it back out for clients."""

import hashlib
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from sqlalchemy import Dialect, select

from server.catalog.content import Catalog, CatalogInvalid, ExerciseCard, Ladder, read_catalog
from server.catalog.lock import load_lock
from server.catalog.models import CatalogState, Exercise, Program, Routine, RoutineItem, Source
from server.clips import ClipsInvalid, build_clips
from server.extensions import db


@dataclass(frozen=True)
class LoadResult:
    """What a load did, for the CLI to report."""

    version: str
    exercises: int
    routines: int
    changed: bool


def load_catalog(content_dir: Path, media_dir: Path) -> LoadResult:
    """Validate every content file and build every clip, then replace the stored catalogue in one transaction.

    Raises CatalogInvalid (and stores nothing, and deletes no file) if any file or clip is
    wrong. Loading the same content twice changes nothing. Loads run one at a time.
    """
    with load_lock(media_dir):
        catalog = read_catalog(content_dir)
        try:
            built = build_clips(content_dir, media_dir, list(catalog.exercises))
        except ClipsInvalid as invalid:
            raise CatalogInvalid(invalid.errors) from invalid
        result = _commit(catalog, built.videos)
        # Only now does no stored catalogue name the older renders.
        for path in built.stale:
            path.unlink(missing_ok=True)
        return result


def _commit(catalog: Catalog, videos: dict) -> LoadResult:
    """Store the catalogue and its version in one transaction, unless that version is already stored."""
    version = _version_with_clips(catalog.version, videos)
    result = LoadResult(version, len(catalog.exercises), len(catalog.routines), changed=True)
    db.session.rollback()  # read the state as the previous load left it, not an older snapshot
    state = db.session.get(CatalogState, 1)
    if state and state.version == version:
        return replace(result, changed=False)
    try:
        _store(catalog, videos)
        if state is None:
            state = CatalogState(id=1)
            db.session.add(state)
        state.version, state.loaded_at = version, _now()
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    _payload_cache.clear()
    return result


def catalog_version() -> str | None:
    """The loaded content version, or None before the first load."""
    return db.session.scalar(_VERSION)


def served_version() -> str:
    """The version ``/api/catalog`` serves and tags ("empty" before the first load), for revalidation.

    It is the only query a 304 makes. Through the ORM session (or even SQLAlchemy Core) the
    bookkeeping costs several times the query itself, so it runs as plain DB-API on a pooled
    connection, with SQL compiled once per dialect from the same statement as ``catalog_version``.
    """
    with closing(db.engine.raw_connection()) as connection, closing(connection.cursor()) as cursor:
        cursor.execute(_version_sql(db.engine.dialect))
        row = cursor.fetchone()
    return row[0] if row and row[0] else EMPTY


def catalog_payload() -> dict:
    """The whole catalogue as served by ``/api/catalog``, built once per version."""
    version = catalog_version() or EMPTY
    if version not in _payload_cache:
        _payload_cache.clear()
        exercises = db.session.scalars(select(Exercise).order_by(Exercise.position)).all()
        routines = db.session.scalars(select(Routine).order_by(Routine.position)).all()
        sources = db.session.scalars(select(Source).order_by(Source.key)).all()
        programs = db.session.scalars(select(Program).order_by(Program.position)).all()
        _payload_cache[version] = {
            "version": version,
            "exercises": [exercise_json(e) for e in exercises],
            "routines": [_routine_json(r) for r in routines],
            "programs": [{"slug": p.slug, "name": p.name, "summary": p.summary, **p.details} for p in programs],
            "sources": [
                {"key": s.key, "title": s.title, "author": s.author, "summary": s.summary} for s in sources
            ],
        }
    return _payload_cache[version]


def find_exercise(slug: str) -> dict | None:
    """One exercise as served by the API, or None."""
    exercise = db.session.scalar(select(Exercise).where(Exercise.slug == slug))
    return exercise_json(exercise) if exercise else None


def routine_exists(slug: str) -> bool:
    """Whether a ready-made routine has this slug."""
    return db.session.scalar(select(Routine.id).where(Routine.slug == slug)) is not None


def program_exists(slug: str) -> bool:
    """Whether a program has this slug."""
    return db.session.scalar(select(Program.id).where(Program.slug == slug)) is not None


def exercise_json(exercise: Exercise) -> dict:
    """An exercise in its public JSON shape."""
    return {"slug": exercise.slug, "name": exercise.name, "summary": exercise.summary,
            "unilateral": exercise.unilateral, **exercise.card, "video": exercise.video}


EMPTY = "empty"
_VERSION = select(CatalogState.version).where(CatalogState.id == 1)


@cache
def _version_sql(dialect: Dialect) -> str:
    return str(_VERSION.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


# Keyed by content version, so a new load (even by another process) is never served stale.
_payload_cache: dict[str, dict] = {}


def _routine_json(routine: Routine) -> dict:
    return {
        "slug": routine.slug,
        "name": routine.name,
        "summary": routine.summary,
        "format": routine.format,
        "rounds": routine.rounds,
        "work_seconds": routine.work_seconds,
        "rest_seconds": routine.rest_seconds,
        "round_rest_seconds": routine.round_rest_seconds,
        **routine.details,
        "items": [
            {
                "exercise": item.exercise.slug,
                "reps": item.reps,
                "reps_min": item.reps_min,
                "hold_seconds": item.hold_seconds,
                "work_seconds": item.work_seconds,
                "note": item.note,
            }
            for item in routine.items
        ],
    }


def _store(catalog: Catalog, videos: dict) -> None:
    """Upsert by slug, so row ids stay stable across loads; drop what the content no longer has."""
    sources = {s.key: s for s in db.session.scalars(select(Source))}
    for key, source in catalog.sources.items():
        row = sources.pop(key, None) or Source(key=key)
        row.title, row.author, row.summary = source.title, source.author, source.summary
        db.session.add(row)
    for row in sources.values():
        db.session.delete(row)

    # Clear old items first: the flush would otherwise insert new (routine, position) rows before deleting old ones.
    routines = {r.slug: r for r in db.session.scalars(select(Routine))}
    for row in routines.values():
        row.items.clear()
    db.session.flush()

    existing = {e.slug: e for e in db.session.scalars(select(Exercise))}
    stored: dict[str, Exercise] = {}
    for position, (slug, card) in enumerate(catalog.exercises.items()):
        row = existing.pop(slug, None) or Exercise(slug=slug)
        row.name, row.summary, row.unilateral, row.position = card.name, card.summary, card.unilateral, position
        row.card = card.model_dump(mode="json", exclude={"name", "summary", "unilateral"}) | {
            "ladder": ladder_json(slug, card, catalog.ladders.get(slug))}
        row.video = videos[slug].as_json()
        db.session.add(row)
        stored[slug] = row

    for position, (slug, spec) in enumerate(catalog.routines.items()):
        row = routines.pop(slug, None) or Routine(slug=slug)
        row.name, row.summary, row.format, row.position = spec.name, spec.summary, spec.format, position
        row.rounds, row.work_seconds = spec.rounds, spec.work_seconds
        row.rest_seconds, row.round_rest_seconds = spec.rest_seconds, spec.round_rest_seconds
        row.details = {"sessions_per_week": spec.sessions_per_week, "tags": spec.tags, "sources": spec.sources}
        row.items = [
            RoutineItem(position=index, exercise=stored[item.exercise],
                        **item.model_dump(exclude={"exercise"}))
            for index, item in enumerate(spec.items)
        ]
        db.session.add(row)
    for row in routines.values():
        db.session.delete(row)
    db.session.flush()
    for row in existing.values():
        db.session.delete(row)
    _store_programs(catalog)


def _store_programs(catalog: Catalog) -> None:
    """Upsert programs by slug; a program names routines by slug, so it needs no other row."""
    existing = {p.slug: p for p in db.session.scalars(select(Program))}
    for position, (slug, spec) in enumerate(catalog.programs.items()):
        row = existing.pop(slug, None) or Program(slug=slug)
        row.name, row.summary, row.position = spec.name, spec.summary, position
        row.details = spec.model_dump(mode="json", exclude={"name", "summary"}, exclude_none=True)
        db.session.add(row)
    for row in existing.values():
        db.session.delete(row)


def ladder_json(slug: str, card: ExerciseCard, ladder: Ladder | None) -> dict | None:
    """The ladder as the progression rule reads it, starting from the card's own dose snapped onto its steps."""
    if ladder is None:
        return None
    prescribed = card.prescription.reps or card.prescription.hold_seconds or card.prescription.work_seconds
    start = min(max(prescribed, ladder.low), ladder.high)
    start -= (start - ladder.low) % ladder.step
    return {"exercise": slug, **ladder.model_dump(mode="json", exclude_none=True), "start": start}


def _version_with_clips(content_version: str, videos: dict) -> str:
    """Clip file names carry their own hashes, so a renderer change also gives a new version."""
    clips = "".join(sorted(video.src for video in videos.values()))
    return hashlib.sha256((content_version + clips).encode()).hexdigest()[:16]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
