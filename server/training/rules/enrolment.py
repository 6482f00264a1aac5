"""What an enrolment in a program may hold: the server's copy of ``frontend/js/rules/enrolment.js``.

Pure. One record per program (its id is the protocol's deterministic ``enrolment:<slug>``): the
program, the day its first week starts, the day the runner left it or finished it (or none), and
``updated_at``. Enrolling again in a program starts it afresh at the same id; the sessions of the
earlier go stay in the log. Both implementations must pass ``tests/vectors/enrolment.json``.
"""

from typing import Any

from server.training.rules.json_values import is_local_date
from server.training.rules.limits import SESSION
from server.training.rules.routine import SLUG
from server.training.rules.session import instant_millis

KEYS = ("program", "start_date", "left_on", "finished_on", "updated_at")
UNKNOWN_SHOWN = 10  # a synced object may hold any number of unknown keys


def _day(value: Any) -> bool:
    return is_local_date(value) and value >= SESSION["first_date"]


def validate_enrolment(record: Any) -> list[dict]:
    """Every problem with an enrolment record, as [{field, message}] in a fixed order; [] when it may be stored."""
    if not isinstance(record, dict):
        return [{"field": "record", "message": "This enrolment is not readable."}]
    errors = []

    def add(field: str, ok: bool, message: str) -> None:
        if not ok:
            errors.append({"field": field, "message": message})

    program, start = record.get("program"), record.get("start_date")
    left, finished = record.get("left_on"), record.get("finished_on")
    add("program", isinstance(program, str) and len(program) <= 80 and bool(SLUG.match(program)), "Choose a program.")
    add("start_date", _day(start), f"Enter the start date as YYYY-MM-DD, from {SESSION['first_date']} on.")
    add("left_on", left is None or _day(left), "Enter the day you left as YYYY-MM-DD, or none.")
    if finished is not None and not _day(finished):
        add("finished_on", False, "Enter the day you finished as YYYY-MM-DD, or none.")
    elif finished is not None and _day(start) and finished < start:
        add("finished_on", False, "A program is finished on or after the day it starts.")
    elif finished is not None and left is not None:
        add("finished_on", False, "A program is either left or finished, not both.")
    add("updated_at", instant_millis(record.get("updated_at")) is not None, "Enter a valid time.")
    unknown = sorted((str(k) for k in record if k not in KEYS), key=lambda k: k.encode("utf-16-be", "surrogatepass"))
    errors.extend({"field": k, "message": "An enrolment holds only a program, its start date, the day it was left "
                   "or finished, and when it changed."} for k in unknown[:UNKNOWN_SHOWN])
    return errors
