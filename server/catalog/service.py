"""Loading the catalogue into the database and reading it back out for clients."""

import hashlib
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from sqlalchemy import Dialect, select

from server.catalog import served
from server.catalog.content import Catalog, CatalogInvalid, ExerciseCard, Ladder, ProgramFile, RoutineFile, read_catalog
from server.catalog.lock import load_lock
from server.catalog.models import CatalogState, Exercise, Program, Routine, Source
from server.clips import ClipsInvalid, build_clips
from server.extensions import db
from server.problems import Problem


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
        result, named = _commit(catalog, built.videos)
        # Only now does no stored catalogue name the older renders, except a retired item's last clip.
        for path in built.stale:
            if path.name not in named:
                path.unlink(missing_ok=True)
        return result


def _commit(catalog: Catalog, videos: dict) -> tuple[LoadResult, set[str]]:
    """Store the catalogue and its version in one transaction, unless that version is already stored.

    Also returns the media files the stored catalogue names, read in the same transaction.
    """
    version = _version_with_clips(catalog.version, videos)
    result = LoadResult(version, len(catalog.exercises), len(catalog.routines), changed=True)
    db.session.rollback()  # read the state as the previous load left it, not an older snapshot
    try:
        state = served.lock_catalogue()
        if state and state.built_in_version == version:
            named = _named_media()
            db.session.rollback()
            return replace(result, version=state.version, changed=False), named
        _store(catalog, videos)
        if state is None:
            state = CatalogState(id=1, version=version)
            db.session.add(state)
        state.built_in_version, state.loaded_at = version, _now()
        result = replace(result, version=served.refresh_version(state))
        named = _named_media()
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    _payload_cache.clear()
    return result, named


def _named_media() -> set[str]:
    """The media file names any stored exercise (served or built-in version) names."""
    names = set()
    for video, built_in in db.session.execute(select(Exercise.video, Exercise.built_in)):
        for clip in (video, (built_in or {}).get("video")):
            if clip:
                names.update(url.removeprefix("/media/") for url in (clip.get("src"), clip.get("poster")) if url)
    return names


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
            "routines": [routine_json(r) for r in routines],
            "programs": [program_json(p) for p in programs],
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
            "unilateral": exercise.unilateral, **exercise.card, "video": exercise.video, "retired": exercise.retired}


EMPTY = "empty"
_VERSION = select(CatalogState.version).where(CatalogState.id == 1)


@cache
def _version_sql(dialect: Dialect) -> str:
    return str(_VERSION.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


# Keyed by content version, so a new load (even by another process) is never served stale.
_payload_cache: dict[str, dict] = {}


def program_json(program: Program) -> dict:
    """A program in its public JSON shape."""
    return {"slug": program.slug, "name": program.name, "summary": program.summary, **program.details,
            "retired": program.retired}


def routine_json(routine: Routine) -> dict:
    """A ready-made routine in its public JSON shape."""
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
        "retired": routine.retired,
    }


def _store(catalog: Catalog, videos: dict) -> None:
    """Keep each item's built-in version, then serve it with the coach layer over it.

    Upserts by slug, so row ids stay stable across loads. An exercise, routine or program whose
    file is gone is retired, not deleted: sessions, routines, programs, enrolments and the layer
    may name it. Sources are the files' alone, but one a coach's item still cites is never dropped
    (CatalogInvalid, naming the item): its card would cite nothing.
    """
    sources = {s.key: s for s in db.session.scalars(select(Source))}
    if cited := _cited_by_the_layer(set(sources) - set(catalog.sources)):
        raise CatalogInvalid(cited)
    for key, source in catalog.sources.items():
        row = sources.pop(key, None) or Source(key=key)
        row.title, row.author, row.summary = source.title, source.author, source.summary
        db.session.add(row)
    for row in sources.values():
        db.session.delete(row)

    built_exercises = {slug: exercise_entry(slug, card, catalog.ladders.get(slug), videos[slug].as_json())
                       for slug, card in catalog.exercises.items()}
    layer = served.layer_items("exercise")
    rows = _keep_built_in(Exercise, built_exercises, {s for s, card in catalog.exercises.items() if card.retired})
    for slug in set(rows) | set(layer):
        served.recompose_exercise(slug, rows.get(slug), layer.get(slug))
    db.session.flush()

    exercises = served.rows_by_slug(Exercise)
    built_routines = {slug: routine_entry(slug, spec) for slug, spec in catalog.routines.items()}
    layer = served.layer_items("routine")
    rows = _keep_built_in(Routine, built_routines, {s for s, spec in catalog.routines.items() if spec.retired})
    for slug in set(rows) | set(layer):
        served.recompose_routine(slug, rows.get(slug), layer.get(slug), exercises)

    built_programs = {slug: program_entry(slug, spec) for slug, spec in catalog.programs.items()}
    layer = served.layer_items("program")
    rows = _keep_built_in(Program, built_programs, {s for s, spec in catalog.programs.items() if spec.retired})
    for slug in set(rows) | set(layer):
        served.recompose_program(slug, rows.get(slug), layer.get(slug))
    served.renumber()
    db.session.flush()


def _cited_by_the_layer(gone: set[str]) -> list[Problem]:
    """A problem for each source of ``gone`` that a coach's item (live or draft) still cites."""
    if not gone:
        return []  # the usual load: no source removed, so no need to read the layer
    problems = {}
    for kind in ("exercise", "routine", "program"):
        for slug, item in sorted(served.layer_items(kind).items()):
            for key in {key for body in (item.published, item.draft) for key in (body or {}).get("sources") or []} & gone:
                problems[(key, kind, slug)] = Problem(
                    "sources.toml", key, f"the coach's {kind} '{slug}' cites this source: keep it here, or take it out of"
                    f" that {kind} in the studio first")
    return [problems[found] for found in sorted(problems)]


def _keep_built_in(model, built: dict[str, dict], retired: set[str]) -> dict:
    """Store each built-in version on its row; retire rows whose file is gone or says so; return every row by slug."""
    rows = served.rows_by_slug(model)
    for slug, entry in built.items():
        row = rows.get(slug)
        if row is None:
            row = rows[slug] = model(slug=slug, position=0)
            db.session.add(row)
        row.built_in, row.built_in_retired = entry, slug in retired
    for slug, row in rows.items():
        if slug not in built and row.built_in is not None:
            row.built_in_retired = True
    return rows


def exercise_entry(slug: str, card: ExerciseCard, ladder: Ladder | None, video: dict | None) -> dict:
    """An exercise in its served shape (without ``retired``), from its validated card and ladder."""
    return {"slug": slug, "name": card.name, "summary": card.summary, "unilateral": card.unilateral,
            **card.model_dump(mode="json", exclude={"name", "summary", "unilateral", "retired"}),
            "ladder": ladder_json(slug, card, ladder), "video": video}


def routine_entry(slug: str, spec: RoutineFile) -> dict:
    """A routine in its served shape (without ``retired``), from its validated file."""
    fields = spec.model_dump(mode="json")
    return {"slug": slug, **{key: fields[key] for key in served.ROUTINE_COLUMNS[1:]},
            "sessions_per_week": fields["sessions_per_week"], "tags": fields["tags"], "sources": fields["sources"],
            "items": fields["items"]}


def program_entry(slug: str, spec: ProgramFile) -> dict:
    """A program in its served shape (without ``retired``), from its validated file; unset doses and focus left out."""
    return {"slug": slug, **spec.model_dump(mode="json", exclude={"retired"}, exclude_none=True)}


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
