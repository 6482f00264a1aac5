"""The progress contract worked out from scratch: the shared rules over every record, no index, no carry."""

from datetime import date, timedelta

from server.progress.rules.asymmetry import asymmetry
from server.progress.rules.progression import progression
from server.progress.rules.streaks import streaks

WEEKLY = ("current", "longest", "target", "this_week")


def from_scratch(catalogue: list[dict], sessions: list[dict], settings: dict, levels: list[dict], today: str) -> dict:
    """What /api/progress must answer for these live records (``catalogue`` as /api/catalog serves it)."""
    result = streaks(sessions, settings, today)
    exercises = {e["slug"]: e for e in catalogue}
    by_slug = {level["exercise"]: level for level in levels}
    logged = {entry["exercise"] for s in sessions for entry in s["entries"]}
    answers = {slug: progression(exercises[slug]["ladder"], by_slug.get(slug), sessions, exercises[slug]["unilateral"])
               for slug in sorted(set(by_slug) | logged) if exercises[slug].get("ladder")}
    doses = {slug: "reps" if e["prescription"].get("reps") is not None else "seconds"
             for slug, e in exercises.items() if e["unilateral"]}
    sides = asymmetry(sessions, doses, today)
    return {"weekly": {key: result["weekly"][key] for key in WEEKLY}, "daily": result["daily"],
            "freezes": result["freezes"], "levels": answers,
            "asymmetry": {slug: {k: v[k] for k in ("left", "right", "deficit_pct")} for slug, v in sides.items()}}


def days_before(day: str, n: int) -> str:
    """The date ``n`` days before ``day`` (after it when negative)."""
    return (date.fromisoformat(day) - timedelta(days=n)).isoformat()
