"""The coach layer's operations: drafts, publish, revert, retire, restore and clips, each committed with its record.

One set of operations for every kind: exercises, routines and programs.

Every operation takes the catalogue's write lock first (``served.lock_catalogue``), so a load or
another coach's change never interleaves with it, and recomputes only the served row it changed.
"""

from sqlalchemy import select

from server.accounts.models import User, utc_now
from server.catalog import served
from server.catalog import service as catalogue
from server.catalog.content import (exercise_reference_problems, program_reference_problems,
                                    routine_reference_problems, shared_name_problem)
from server.catalog.models import Exercise, Program, Routine, Source
from server.coach import references
from server.coach.clip_files import clip_unserved
from server.coach.bodies import (BodyInvalid, ExerciseBody, ProgramBody, RoutineBody, exercise_body, program_body,
                                 routine_body)
from server.coach.history import history_of, record_action
from server.coach.models import CoachItem
from server.extensions import db

ARTICLE = {"exercise": "an", "routine": "a", "program": "a"}


class NotFound(Exception):
    """No item of that kind has the slug."""


class Conflict(Exception):
    """The item is not in a state the operation applies to; the message says why."""


def create_item(kind: str, body, coach: User) -> dict:
    """Save a new item as a draft (runners see nothing); Conflict if the slug is taken."""
    served.lock_catalogue()
    checked = _checked(kind, body)
    if _layer(kind, checked.slug) is not None or served.row_of(kind, checked.slug) is not None:
        raise Conflict(f"There is already {ARTICLE[kind]} {kind} called '{checked.slug}'.")
    _new_layer(kind, checked.slug).draft = _served_of(kind, checked)
    record_action(coach, kind, checked.slug, "create")
    db.session.commit()
    return item_json(kind, checked.slug)


def save_draft(kind: str, slug: str, body, coach: User) -> dict:
    """Save a coach's draft of an item (a built-in one too); runners keep what is live."""
    served.lock_catalogue()
    item, row = _known(kind, slug)
    checked = _checked(kind, body, slug, row)
    item = item or _new_layer(kind, slug)
    item.draft, item.updated_at = _served_of(kind, checked), utc_now()
    record_action(coach, kind, slug, "edit")
    db.session.commit()
    return item_json(kind, slug)


def publish(kind: str, slug: str, coach: User) -> dict:
    """Make the draft live: a new catalogue version that serves it; Conflict if there is no draft."""
    state = served.lock_catalogue()
    item, row = _known(kind, slug)
    if item is None or item.draft is None:
        raise Conflict(f"'{slug}' has no draft to publish: save one first.")
    # Checked again: what the draft names may have changed since it was saved.
    checked = _checked(kind, item.draft, slug, row)
    item.published, item.draft, item.updated_at = _served_of(kind, checked), None, utc_now()
    return _serve_change(state, kind, slug, row, item, coach, "publish")


def revert(kind: str, slug: str, coach: User) -> dict:
    """Drop the coach layer of a built-in item (draft, published version, clip, retirement): the built-in is served."""
    state = served.lock_catalogue()
    item, row = _known(kind, slug)
    if row is None or row.built_in is None:
        raise Conflict(f"'{slug}' has no built-in version to go back to.")
    if item is None:
        raise Conflict(f"'{slug}' is already its built-in version.")
    unserved = item.video
    db.session.delete(item)
    db.session.flush()
    answer = _serve_change(state, kind, slug, row, None, coach, "revert")
    clip_unserved(unserved)
    return answer


def remove(kind: str, slug: str, coach: User) -> dict:
    """Retire an item anything refers to (or a built-in one); delete a coach-made one nothing refers to."""
    state = served.lock_catalogue()
    item, row = _known(kind, slug)
    named_by = references.references_to(kind, slug)
    if row is not None and row.built_in is not None:
        named_by = ["the built-in catalogue", *named_by]
    if not named_by:
        unserved = item.video if item is not None else None
        if item is not None:
            db.session.delete(item)
        if row is not None:
            db.session.delete(row)
        db.session.flush()
        served.renumber()
        served.refresh_version(state)
        record_action(coach, kind, slug, "delete")
        db.session.commit()
        clip_unserved(unserved)
        return {"slug": slug, "deleted": True}
    item = item or _new_layer(kind, slug)
    item.retired, item.updated_at = True, utc_now()
    return _serve_change(state, kind, slug, row, item, coach, "retire", {"named_by": named_by})


def restore(kind: str, slug: str, coach: User) -> dict:
    """Bring a retired item back into the lists; Conflict if it is not retired."""
    state = served.lock_catalogue()
    item, row = _known(kind, slug)
    if row is None or not row.retired:
        raise Conflict(f"'{slug}' is not retired.")
    item = item or _new_layer(kind, slug)
    item.retired, item.updated_at = False, utc_now()
    if row.built_in_retired and item.published is None:
        # The content files retired it; the coach keeps serving its last built-in version.
        item.published = {key: value for key, value in row.built_in.items() if key != "video"}
    return _serve_change(state, kind, slug, row, item, coach, "restore")


def attach_clip(slug: str, video: dict, coach: User) -> None:
    """Give an exercise the coach's clip (``Video.as_json()`` shape); served at once if the exercise is live.

    Commits, with an "upload" action. NotFound if no exercise (live, draft or built-in) has the slug.
    """
    state = served.lock_catalogue()
    item, row = _known("exercise", slug)
    item = item or _new_layer("exercise", slug)
    unserved = item.video
    item.video, item.updated_at = video, utc_now()
    detail = {"src": video.get("src")}
    if row is not None:
        _recompose("exercise", slug, row, item)
        detail["catalog_version"] = served.refresh_version(state)
    record_action(coach, "exercise", slug, "upload", detail)
    db.session.commit()
    if unserved != video:
        clip_unserved(unserved)


def _serve_change(state, kind: str, slug: str, row, item: CoachItem | None, coach: User, action: str,
                  detail: dict | None = None) -> dict:
    """Serve the changed layer: recompose the row, a new catalogue version, the action recorded, one commit."""
    _recompose(kind, slug, row, item)
    version = served.refresh_version(state)
    record_action(coach, kind, slug, action, (detail or {}) | {"catalog_version": version})
    db.session.commit()
    return item_json(kind, slug) | {"catalog_version": version}


def item_json(kind: str, slug: str) -> dict:
    """An item as the studio shows it: live, draft and built-in versions, and its history."""
    item, row = _layer(kind, slug), served.row_of(kind, slug)
    if item is None and row is None:
        raise NotFound(slug)
    live = _live_json(kind, row) if row is not None else None
    built_in = row.built_in | {"retired": row.built_in_retired} if row is not None and row.built_in else None
    draft = item.draft if item is not None else None
    return {"kind": kind, "slug": slug, "name": (draft or live or built_in)["name"], "built_in": built_in is not None,
            "live": live, "draft": draft, "built_in_version": built_in,
            "retired": bool(row is not None and row.retired), "history": history_of(kind, slug)}


def list_items(kind: str) -> list[dict]:
    """Every item of a kind the studio knows (built-in, live, drafts; retired ones flagged), by slug."""
    layer, rows = served.layer_items(kind), served.rows_by_slug(served.MODELS[kind])
    summaries = []
    for slug in sorted(set(layer) | set(rows), key=lambda s: f"{s}.toml"):
        item, row = layer.get(slug), rows.get(slug)
        built_in = row is not None and row.built_in is not None
        draft = item.draft if item is not None else None
        summaries.append({
            "slug": slug, "name": draft["name"] if draft else (row.name if row else slug),
            "built_in": built_in, "live": row is not None, "has_draft": draft is not None,
            "retired": bool(row is not None and row.retired),
            "changed": built_in and item is not None and (item.published is not None or item.video is not None)})
    return summaries


def _known(kind: str, slug: str) -> tuple[CoachItem | None, Exercise | Routine | Program | None]:
    """The item's layer and served row; NotFound if it has neither."""
    item, row = _layer(kind, slug), served.row_of(kind, slug)
    if item is None and row is None:
        raise NotFound(slug)
    return item, row


def _layer(kind: str, slug: str) -> CoachItem | None:
    return db.session.scalar(select(CoachItem).where(CoachItem.kind == kind, CoachItem.slug == slug))


def _new_layer(kind: str, slug: str) -> CoachItem:
    item = CoachItem(kind=kind, slug=slug, draft=None, published=None, video=None, retired=False, updated_at=utc_now())
    db.session.add(item)
    return item


def _recompose(kind: str, slug: str, row, item: CoachItem | None) -> None:
    served.recompose(kind, slug, row, item)
    if row is None:  # a coach-made item goes live: it takes its place in the lists
        db.session.flush()
        served.renumber()


def _checked(kind: str, body, slug: str | None = None, row=None) -> ExerciseBody | RoutineBody | ProgramBody:
    """A body checked by the content models, then against what the catalogue holds (as the loader checks files)."""
    if kind == "exercise":
        checked = exercise_body(body, slug)
        exercises = served.rows_by_slug(Exercise)
        problems = exercise_reference_problems(checked.slug, checked.card, exercises, _source_keys())
        problems += [("name", shared_name_problem(checked.card.name, f"exercise '{other.slug}'"))
                     for other in exercises.values()
                     if other.slug != checked.slug and other.name.casefold() == checked.card.name.casefold()]
    elif kind == "routine":
        checked = routine_body(body, slug)
        # A routine may keep a retired exercise it already had; it may not take up one.
        had = {entry["exercise"] for entry in _items_of(row)}
        exercises = served.rows_by_slug(Exercise)
        problems = [(f"items.{index}.exercise", f"'{item.exercise}' is retired: a routine may keep it, not take it up")
                    for index, item in enumerate(checked.routine.items)
                    if item.exercise in exercises and exercises[item.exercise].retired and item.exercise not in had]
        problems += routine_reference_problems(checked.routine, exercises, _source_keys())
    else:
        checked = program_body(body, slug)
        # The same for a program and its routines; they are checked against the served catalogue.
        had = {session["routine"] for session in _sessions_of(row)}
        routines = served.rows_by_slug(Routine)
        problems = [(f"weeks.{w}.sessions.{s}.routine",
                     f"'{session.routine}' is retired: a program may keep it, not take it up")
                    for w, week in enumerate(checked.program.weeks) for s, session in enumerate(week.sessions)
                    if session.routine in routines and routines[session.routine].retired and session.routine not in had]
        counts = {slug: {item.exercise.slug: item.reps is not None for item in routine.items}
                  for slug, routine in routines.items()}
        problems += program_reference_problems(checked.program, counts, _source_keys())
    if problems:
        raise BodyInvalid(*problems[0])
    return checked


def _items_of(row) -> list[dict]:
    """The items of a routine's live and built-in versions."""
    if row is None:
        return []
    return [*(catalogue.routine_json(row)["items"]), *((row.built_in or {}).get("items", []))]


def _sessions_of(row) -> list[dict]:
    """The sessions of a program's live and built-in versions."""
    if row is None:
        return []
    return [session for version in (catalogue.program_json(row), row.built_in or {})
            for week in version.get("weeks", []) for session in week["sessions"]]


def _source_keys() -> set[str]:
    return set(db.session.scalars(select(Source.key)))


def _served_of(kind: str, checked: ExerciseBody | RoutineBody | ProgramBody) -> dict:
    """The served shape (without ``video``, which the layer keeps apart, and ``retired``), normalised by the models.

    Drafts are stored so too: a body is the served shape without ``video``, so GET gives back what PUT takes.
    """
    if kind == "exercise":
        entry = catalogue.exercise_entry(checked.slug, checked.card, checked.ladder, None)
        del entry["video"]
        return entry
    if kind == "routine":
        return catalogue.routine_entry(checked.slug, checked.routine)
    return catalogue.program_entry(checked.slug, checked.program)


LIVE_JSON = {"exercise": catalogue.exercise_json, "routine": catalogue.routine_json, "program": catalogue.program_json}


def _live_json(kind: str, row) -> dict:
    return LIVE_JSON[kind](row)
