"""What a progression level record may hold: the server's copy of ``frontend/js/rules/level.js``.

Pure. One record per exercise (its id is the protocol's deterministic ``level:<slug>``): the rung
and dose the runner accepted, ``since`` (when it was set or a suggestion declined; see the
progression rule) and ``updated_at``. Both implementations must pass ``tests/vectors/level.json``.
"""

from typing import Any

from server.training.rules.json_values import whole_in
from server.training.rules.routine import SLUG
from server.training.rules.session import instant_millis

KEYS = ("exercise", "rung", "dose", "since", "updated_at")
MOST_RUNGS = 8  # the loader allows no longer ladder
MOST_DOSE = 3600  # an hour's hold, the session rule's limit


def validate_level(record: Any) -> list[dict]:
    """Every problem with a level record, as [{field, message}] in a fixed order; [] when it may be stored."""
    if not isinstance(record, dict):
        return [{"field": "record", "message": "This level is not readable."}]
    errors = []

    def add(field: str, ok: bool, message: str) -> None:
        if not ok:
            errors.append({"field": field, "message": message})

    exercise = record.get("exercise")
    add("exercise", isinstance(exercise, str) and len(exercise) <= 80 and bool(SLUG.match(exercise)), "Choose an exercise.")
    add("rung", whole_in(record.get("rung"), 0, MOST_RUNGS - 1), f"The rung is a whole number from 0 to {MOST_RUNGS - 1}.")
    add("dose", whole_in(record.get("dose"), 1, MOST_DOSE), f"The dose is a whole number from 1 to {MOST_DOSE}.")
    since = record.get("since")
    add("since", since is None or instant_millis(since) is not None, "Enter a valid time, or none.")
    add("updated_at", instant_millis(record.get("updated_at")) is not None, "Enter a valid time.")
    errors.extend({"field": str(k), "message": "A level holds only an exercise, a rung, a dose and its times."}
                  for k in sorted((str(k) for k in record if k not in KEYS), key=lambda k: k.encode("utf-16-be", "surrogatepass")))
    return errors
