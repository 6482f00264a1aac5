"""What the runner's settings may hold: the server's copy of ``frontend/js/rules/settings.js``.

Pure. The whole settings object the device keeps (every key, defaults filled in) is checked,
so a synced copy can be taken as it is; unknown keys are refused. Both implementations must
pass ``tests/vectors/settings.json``.
"""

from typing import Any

from server.training.rules.json_values import is_local_date, is_zone_name, whole_in
from server.training.rules.limits import SETTINGS as LIMITS

SWITCHES = {
    "cue_speech": "Spoken cues are either on or off.",
    "cue_beeps": "Beeps are either on or off.",
    "cue_vibration": "Vibration is either on or off.",
}
SECONDS = ("switch_seconds", "get_ready_seconds")
UNITS = ("kg", "lb")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PAUSE_KINDS = ("rest", "injury")
PAUSE_KEYS = ("start", "end", "kind")
RUN_KINDS = ("easy", "hard")
KEYS = (*SWITCHES, *SECONDS, "units", "time_zone", "weekly_target", "week_start", "pauses", "runs", "weaker_side_first")
# Unknown keys are listed, but only this many: a synced object may hold any number.
UNKNOWN_SHOWN = 10


def _unknown(keys: Any, known: tuple[str, ...]) -> list[str]:
    # JavaScript sorts strings by UTF-16 code units; encoding as UTF-16 orders Python's the same way.
    found = (str(k) for k in keys if k not in known)
    return sorted(found, key=lambda k: k.encode("utf-16-be", "surrogatepass"))[:UNKNOWN_SHOWN]


def _pause_errors(pause: Any, at: str) -> list[dict]:
    if not isinstance(pause, dict):
        return [{"field": at, "message": "This pause is not readable."}]
    errors = []
    start, end = pause.get("start"), pause.get("end")
    if not is_local_date(start):
        errors.append({"field": f"{at}.start", "message": "Enter a real start date."})
    if not is_local_date(end):
        errors.append({"field": f"{at}.end", "message": "Enter a real end date."})
    elif is_local_date(start) and end < start:
        errors.append({"field": f"{at}.end", "message": "The end can't be before the start."})
    if pause.get("kind") not in PAUSE_KINDS:
        errors.append({"field": f"{at}.kind", "message": "Choose rest or injury."})
    errors.extend({"field": f"{at}.{k}", "message": "A pause holds only a start, an end and a kind."}
                  for k in _unknown(pause, PAUSE_KEYS))
    return errors


def _pauses_errors(pauses: Any) -> list[dict]:
    if not isinstance(pauses, list):
        return [{"field": "pauses", "message": "The list of pauses is not readable."}]
    if len(pauses) > LIMITS["pauses"]:
        return [{"field": "pauses", "message": f"Keep at most {LIMITS['pauses']} pauses."}]
    return [e for i, pause in enumerate(pauses) for e in _pause_errors(pause, f"pauses.{i}")]


def _runs_errors(runs: Any) -> list[dict]:
    if not isinstance(runs, dict):
        return [{"field": "runs", "message": "The run days are not readable."}]
    errors = [{"field": f"runs.{day}", "message": "Mark a run as easy or hard."}
              for day in WEEKDAYS if day in runs and runs[day] not in RUN_KINDS]
    errors.extend({"field": f"runs.{k}", "message": "Runs are set by weekday, monday to sunday."} for k in _unknown(runs, WEEKDAYS))
    return errors


def validate_settings(values: Any) -> list[dict]:
    """Every problem with the whole settings object, as [{field, message}] in a fixed order; [] when it may be stored."""
    if not isinstance(values, dict):
        return [{"field": "settings", "message": "These settings are not readable."}]
    errors: list[dict] = []

    def add(field: str, ok: bool, message: str) -> None:
        if not ok:
            errors.append({"field": field, "message": message})

    for key, message in SWITCHES.items():
        add(key, isinstance(values.get(key), bool), message)
    for key in SECONDS:
        add(key, whole_in(values.get(key), 0, LIMITS[key]), f"Enter a whole number from 0 to {LIMITS[key]}.")
    add("units", values.get("units") in UNITS, "Choose kilograms or pounds.")
    zone = values.get("time_zone")
    add("time_zone", zone == "auto" or is_zone_name(zone), "Choose a time zone.")
    add("weekly_target", whole_in(values.get("weekly_target"), 1, LIMITS["weekly_target"]),
        f"Aim for 1 to {LIMITS['weekly_target']} sessions a week.")
    add("week_start", values.get("week_start") in WEEKDAYS, "Choose the day your week starts on.")
    errors.extend(_pauses_errors(values.get("pauses")))
    errors.extend(_runs_errors(values.get("runs")))
    add("weaker_side_first", isinstance(values.get("weaker_side_first"), bool), "Weaker side first is either on or off.")
    errors.extend({"field": k, "message": "Steady has no such setting."} for k in _unknown(values, KEYS))
    return errors
