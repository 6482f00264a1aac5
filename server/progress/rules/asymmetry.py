"""Left/right asymmetry of single-leg work: the server's copy of ``frontend/js/rules/asymmetry.js``.

Pure (no database, no clock: ``today`` is passed in). Both implementations must pass
``tests/vectors/asymmetry.json``; change all three together.

Per unilateral exercise, each session inside the window (the last ``weeks`` weeks up to and
including ``today``, by the session's own local date) that worked both sides gives a left and a
right total of the exercise's dose (reps or seconds); the figure is the mean of those totals.
The deficit is how far the weaker side falls below the stronger, in whole percent.
"""

from datetime import date, timedelta
from typing import Any

from server.training.rules.json_values import is_local_date, is_number

DEFAULT_WEEKS = 4


def _side_totals(entries: Any, exercise: str, dose: str) -> dict:
    totals = {"left": 0, "right": 0}
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and entry.get("exercise") == exercise and entry.get("side") in totals:
            amount = entry.get(dose)
            if is_number(amount) and amount > 0:
                totals[entry["side"]] += amount
    return totals


def _rounded(value: float) -> float:
    # One decimal, halves away from zero, the same in both languages (no banker's rounding).
    return int(value * 10 + 0.5) / 10


def _message(weaker: str | None, deficit: int, weeks: int) -> str:
    span = "the last week" if weeks == 1 else f"the last {weeks} weeks"
    if weaker is None:
        return f"Left and right are even over {span}."
    stronger = "right" if weaker == "left" else "left"
    return f"{weaker.capitalize()} is {deficit}% below {stronger} over {span}."


def asymmetry(sessions: list, doses: dict, today: str, weeks: int = DEFAULT_WEEKS) -> dict:
    """{slug: {left, right, deficit_pct, weaker, sessions, message}} for each unilateral exercise worked on both sides."""
    if not is_local_date(today):
        return {}
    end = date.fromisoformat(today)
    start = end - timedelta(days=7 * weeks - 1)
    in_window = []
    for session in sessions:
        day = session.get("local_date") if isinstance(session, dict) else None
        if is_local_date(day) and start <= date.fromisoformat(day) <= end:
            in_window.append(session)
    result = {}
    for exercise, dose in sorted(doses.items()):
        pairs = [t for t in (_side_totals(s.get("entries"), exercise, dose) for s in in_window) if t["left"] and t["right"]]
        if not pairs:
            continue
        left = sum(p["left"] for p in pairs) / len(pairs)
        right = sum(p["right"] for p in pairs) / len(pairs)
        stronger = max(left, right)
        deficit = int((stronger - min(left, right)) / stronger * 100 + 0.5)
        weaker = None if deficit == 0 else ("left" if left < right else "right")
        result[exercise] = {"left": _rounded(left), "right": _rounded(right), "deficit_pct": deficit,
                            "weaker": weaker, "sessions": len(pairs), "message": _message(weaker, deficit, weeks)}
    return result

