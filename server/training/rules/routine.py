"""What a custom routine may hold: the server's copy of ``frontend/js/rules/routine.js``.

Pure. Routines sync, so any JSON value may arrive: every problem comes back as a message,
nothing raises. Both implementations must pass ``tests/vectors/routine.json``; limits come
from the one table (``limits.py``) the catalogue schema also uses.
"""

import re
from typing import Any

from server.training.rules.json_values import has_control_characters, is_uuid, trimmed, whole_in
from server.training.rules.limits import ROUTINE as LIMITS

FORMATS = ("circuit", "sets")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MEASURES = ("reps", "hold_seconds", "work_seconds")


def _name_error(name: Any) -> str | None:
    text = trimmed(name) if isinstance(name, str) else ""
    if not text:
        return "Give the routine a name."
    if has_control_characters(text):
        return "The name can't contain control characters."
    if len(text) > LIMITS["name"]:
        return f"Keep the name under {LIMITS['name']} characters."
    return None


def _target_error(item: dict, routine_work: Any) -> str | None:
    reps = item.get("reps")
    if reps is not None and not whole_in(reps, 1, LIMITS["reps"]):
        return f"Reps go from 1 to {LIMITS['reps']}."
    for key in ("hold_seconds", "work_seconds"):
        if item.get(key) is not None and not whole_in(item.get(key), 1, LIMITS["seconds"]):
            return f"Seconds go from 1 to {LIMITS['seconds']}."
    given = [key for key in MEASURES if item.get(key) is not None]
    if len(given) > 1:
        return "Give one target: reps or seconds."
    reps_min = item.get("reps_min")
    if reps_min is not None and (reps is None or not whole_in(reps_min, 1, reps)):
        return "A rep range goes from 1 up to the reps."
    if not given and routine_work is None:
        return "Give a target, or set a work time for the whole routine."
    return None


def _item_errors(item: Any, at: str, routine_work: Any) -> list[dict]:
    if not isinstance(item, dict):
        return [{"field": at, "message": "This exercise is not readable."}]
    errors = []
    exercise = item.get("exercise")
    if not (isinstance(exercise, str) and len(exercise) <= LIMITS["name"] and SLUG.match(exercise)):
        errors.append({"field": f"{at}.exercise", "message": "Choose an exercise."})
    target = _target_error(item, routine_work)
    if target:
        errors.append({"field": f"{at}.target", "message": target})
    return errors


def validate_routine(routine: Any) -> list[dict]:
    """Every problem with a custom routine, as [{field, message}] in a fixed order; [] when it may be stored."""
    if not isinstance(routine, dict):
        return [{"field": "record", "message": "This routine is not readable."}]
    errors: list[dict] = []

    def add(field: str, message: str | None) -> None:
        if message:
            errors.append({"field": field, "message": message})

    add("id", None if is_uuid(routine.get("id")) else "The routine has no valid id.")
    add("name", _name_error(routine.get("name")))
    add("format", None if routine.get("format") in FORMATS else "Choose circuit or sets.")
    add("rounds", None if whole_in(routine.get("rounds"), 1, LIMITS["rounds"]) else f"Rounds go from 1 to {LIMITS['rounds']}.")
    work = routine.get("work_seconds")
    if work is not None and not whole_in(work, LIMITS["work_seconds_min"], LIMITS["seconds"]):
        add("work_seconds", f"Work time goes from {LIMITS['work_seconds_min']} to {LIMITS['seconds']} seconds.")
    if not whole_in(routine.get("rest_seconds"), 0, LIMITS["seconds"]):
        add("rest_seconds", f"Rest goes from 0 to {LIMITS['seconds']} seconds.")
    if not whole_in(routine.get("round_rest_seconds"), 0, LIMITS["seconds"]):
        add("round_rest_seconds", f"Rest between rounds goes from 0 to {LIMITS['seconds']} seconds.")
    items = routine.get("items")
    if not isinstance(items, list) or not items:
        add("items", "Add at least one exercise.")
    elif len(items) > LIMITS["items"]:
        # Nothing past the limit is read: a synced list may be any length.
        add("items", f"A routine can have at most {LIMITS['items']} exercises.")
    else:
        for i, item in enumerate(items):
            errors.extend(_item_errors(item, f"items.{i}", work))
    return errors
