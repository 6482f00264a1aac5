"""What a session record may hold: the server's copy of ``frontend/js/rules/session.js``.

Pure (no database, no clock: ``today`` is passed in as 'YYYY-MM-DD'). Both implementations
must pass ``tests/vectors/session.json``; change all three together.
"""

import math
import re
from datetime import UTC, datetime
from typing import Any

from server.training.rules.json_values import is_local_date, is_number, is_uuid, is_whole, is_zone_name, valid_date
from server.training.rules.limits import SESSION as LIMITS

SIDES = ("left", "right", "both")
SURFACES = ("floor", "towel", "foam_pad", "wobble_board")
EYES = ("open", "closed")
FOOTWEAR = ("shoes", "barefoot")
PAINS = ("none", "mild", "stop")

HOUR_MS = 3_600_000
INSTANT = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?Z$")


def instant_millis(value: Any) -> int | None:
    """Milliseconds since the epoch for a UTC instant string, or None if it is not one."""
    match = INSTANT.match(value) if isinstance(value, str) else None
    if not match:
        return None
    y, mo, d, h, mi, s = (int(g) for g in match.groups()[:6])
    if not valid_date(y, mo, d) or h > 23 or mi > 59 or s > 59:
        return None
    fraction = float("0" + match.group(7)) if match.group(7) else 0.0
    whole = datetime(y, mo, d, h, mi, s, tzinfo=UTC)
    return int(whole.timestamp()) * 1000 + math.floor(fraction * 1000)


def _whole_number_error(value: Any, *, label: str, low: int, high: int, too_big: str) -> str | None:
    if not is_number(value):
        return f"{label} must be a number."
    if not is_whole(value):
        return f"{label} must be a whole number."
    if value < low:
        return f"{label} can't be negative." if low == 0 else f"{label} must be at least {low}."
    if value > high:
        return too_big
    return None


def _effort_error(value: Any) -> str | None:
    """Effort is a whole number on a scale: the message says which of the two it missed."""
    if not is_number(value):
        return "Effort must be a number from 1 to 10."
    if not is_whole(value):
        return "Effort must be a whole number from 1 to 10."
    return "Effort goes from 1 to 10." if value < 1 or value > 10 else None


def _choice_error(value: Any, choices: tuple[str, ...], label: str, *, optional: bool) -> str | None:
    if optional and value is None:
        return None
    return None if isinstance(value, str) and value in choices else f"Choose {label}."


def _entry_errors(entry: Any, at: str) -> list[dict]:
    if not isinstance(entry, dict):
        return [{"field": at, "message": "This exercise entry is not readable."}]
    errors: list[dict] = []

    def add(field: str, message: str | None) -> None:
        if message:
            errors.append({"field": f"{at}.{field}", "message": message})

    exercise = entry.get("exercise")
    ok = isinstance(exercise, str) and exercise.strip() and len(exercise) <= LIMITS["text"]
    add("exercise", None if ok else "Choose an exercise.")
    add("side", _choice_error(entry.get("side"), SIDES, "left, right or both sides", optional=False))
    reps, seconds = entry.get("reps"), entry.get("seconds")
    reps_error = None if reps is None else _whole_number_error(
        reps, label="Reps", low=0, high=LIMITS["reps"], too_big=f"Reps can't be more than {LIMITS['reps']}.")
    seconds_error = None if seconds is None else _whole_number_error(
        seconds, label="Seconds", low=0, high=LIMITS["seconds"],
        too_big="A hold can't be longer than an hour (3600 seconds).")
    if reps is None and seconds is None:
        add("reps", "Enter the reps, the seconds, or both.")
    add("reps", reps_error)
    add("seconds", seconds_error)
    load = entry.get("load_kg")
    if load is not None:
        if not is_number(load):
            add("load_kg", "Load must be a number.")
        elif load < 0:
            add("load_kg", "Load can't be negative.")
        elif load > LIMITS["load_kg"]:
            add("load_kg", f"Load can't be more than {LIMITS['load_kg']} kg.")
    add("surface", _choice_error(entry.get("surface"), SURFACES, "a surface from the list", optional=True))
    add("eyes", _choice_error(entry.get("eyes"), EYES, "eyes open or closed", optional=True))
    add("footwear", _choice_error(entry.get("footwear"), FOOTWEAR, "shoes or barefoot", optional=True))
    return errors


def validate_session(record: Any, today: str) -> list[dict]:
    """Every problem with a session record, as [{field, message}] in a fixed order; [] when it may be stored."""
    if not isinstance(record, dict):
        return [{"field": "record", "message": "This session is not readable."}]
    errors: list[dict] = []

    def add(field: str, message: str | None) -> None:
        if message:
            errors.append({"field": field, "message": message})

    record_id = record.get("id")
    add("id", None if is_uuid(record_id) else "The session has no valid id.")
    started, ended = instant_millis(record.get("started_at")), instant_millis(record.get("ended_at"))
    add("started_at", "Enter a valid start time." if started is None else None)
    if ended is None:
        add("ended_at", "Enter a valid end time.")
    elif started is not None and ended < started:
        add("ended_at", "The end can't be before the start.")
    elif started is not None and ended - started > LIMITS["hours"] * HOUR_MS:
        add("ended_at", f"A session can't be longer than {LIMITS['hours']} hours.")
    zone = record.get("time_zone")
    add("time_zone", None if is_zone_name(zone) else "Choose a time zone.")
    local_date = record.get("local_date")
    if local_date is None or local_date == "":
        add("local_date", "Enter the date.")
    elif not is_local_date(local_date):
        add("local_date", "Enter a real date.")
    elif local_date > today:
        add("local_date", "The date can't be in the future.")
    elif local_date < LIMITS["first_date"]:
        add("local_date", f"The date can't be before {LIMITS['first_date'][:4]}.")
    routine = record.get("routine")
    if routine is not None and not (isinstance(routine, str) and routine.strip() and len(routine) <= LIMITS["text"]):
        add("routine", "Choose a routine from the list, or none.")

    entries = record.get("entries")
    if not isinstance(entries, list) or not entries:
        add("entries", "Add at least one exercise.")
    elif len(entries) > LIMITS["entries"]:
        add("entries", f"A session can hold at most {LIMITS['entries']} entries.")
    else:
        for i, entry in enumerate(entries):
            errors.extend(_entry_errors(entry, f"entries.{i}"))

    effort = record.get("effort")
    if effort is not None:
        add("effort", _effort_error(effort))
    add("pain", _choice_error(record.get("pain"), PAINS, "none, mild or stop for pain", optional=False))
    notes = record.get("notes")
    if notes is not None:
        if not isinstance(notes, str):
            add("notes", "Notes must be text.")
        elif len(notes) > LIMITS["notes"]:
            add("notes", f"Notes can be at most {LIMITS['notes']} characters.")
    return errors
