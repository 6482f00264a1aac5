"""A week of core and balance planned around runs: the server's copy of ``frontend/js/rules/week-plan.js``.

Pure (no database, no clock: ``today`` is passed in). Both implementations must pass
``tests/vectors/week_plan.json``; change all three together.

The week is the calendar week (from the settings' week start) that holds ``today``. The runner's
run days come from ``settings["runs"]`` ({weekday: "easy" | "hard"}). What is left of the weekly
target is placed one session a day on the days still to come, best days first: a day with no
run, then an easy-run day, then the day before a hard run (core and balance only: no leg work
before a hard run), and a hard-run day only when nothing else is left. The plan as it stood at
the start of the week is worked out the same way, so a planned day that passed without a session
shows as missed and the session it held as moved, never piled onto a day that has one.
"""

from datetime import date, timedelta
from typing import Any

from server.progress.rules.streaks import DEFAULT_TARGET, DEFAULT_WEEK_START, WEEK_DAYS
from server.training.rules.json_values import is_local_date, whole_in

RUN_KINDS = ("easy", "hard")
NOTES = {
    "full": "Core, balance and leg work.",
    "core": "Core and balance only: hard run tomorrow.",
    "after_hard": "Core and balance only, after the run.",
}


def _runs(settings: dict) -> dict:
    runs = settings.get("runs")
    runs = runs if isinstance(runs, dict) else {}
    return {day: runs[day] for day in WEEK_DAYS if runs.get(day) in RUN_KINDS}


def _kind(day: date, runs: dict) -> tuple[int, str]:
    """(rank, what fits): lower ranks are better days for a session."""
    run = runs.get(WEEK_DAYS[day.weekday()])
    if run == "hard":
        return 3, "after_hard"
    if runs.get(WEEK_DAYS[(day + timedelta(days=1)).weekday()]) == "hard":
        return 2, "core"
    return (1 if run == "easy" else 0), "full"


def _place(days: list[date], count: int, runs: dict) -> dict[date, str]:
    # Best day first; among equally good days, one not next to a day already chosen (a rest day between).
    chosen: list[date] = []
    for _ in range(min(count, len(days))):
        def fit(d: date) -> tuple:
            return _kind(d, runs)[0], any(abs((d - c).days) == 1 for c in chosen), d
        chosen.append(min((d for d in days if d not in chosen), key=fit))
    return {d: _kind(d, runs)[1] for d in sorted(chosen)}


def _summary(target: int, done: int, left: int, unplaced: int) -> str:
    if left == 0:
        return f"Target met: {done} of {target} done this week."
    if unplaced:
        return (f"{done} of {target} done. {left} left, and only {left - unplaced} more "
                f"{'day' if left - unplaced == 1 else 'days'} this week: do what fits, the week is not lost.")
    return f"{done} of {target} done, {left} left this week."


def week_plan(settings: Any, sessions: list, today: str) -> dict:
    """This week day by day: runs, sessions done, what is planned where, and what was missed and moved."""
    if not is_local_date(today):
        raise ValueError("today must be a date written YYYY-MM-DD.")
    chosen = settings if isinstance(settings, dict) else {}
    target = chosen.get("weekly_target")
    target = int(target) if whole_in(target, 1, 7) else DEFAULT_TARGET
    first = chosen.get("week_start") if chosen.get("week_start") in WEEK_DAYS else DEFAULT_WEEK_START
    runs = _runs(chosen)
    now = date.fromisoformat(today)
    start = now - timedelta(days=(now.weekday() - WEEK_DAYS.index(first)) % 7)
    week = [start + timedelta(days=i) for i in range(7)]
    done = {d: 0 for d in week}
    for session in sessions:
        day = session.get("local_date") if isinstance(session, dict) else None
        if is_local_date(day) and date.fromisoformat(day) in done and day <= today:
            done[date.fromisoformat(day)] += 1
    total = sum(done.values())
    left = max(0, target - total)
    original = _place(week, target, runs)
    free = [d for d in week if d >= now and done[d] == 0]
    planned = _place(free, left, runs)
    # Sessions done on other days make up for planned days that passed without one.
    behind = sum(1 for d in original if d < now) - sum(done[d] for d in week if d < now)
    missed = [d for d in original if d < now and done[d] == 0][:max(0, behind)]
    moved = [d for d in planned if d not in original]
    moved_from = dict(zip(moved, missed))
    moved_to = {source: day for day, source in moved_from.items()}
    days = []
    for d in week:
        kind = planned.get(d)
        note = NOTES[kind] if kind else None
        if d in missed:
            note = f"Missed: moved to {WEEK_DAYS[moved_to[d].weekday()].capitalize()}." if d in moved_to else "Missed."
        elif kind is None and runs.get(WEEK_DAYS[d.weekday()]) == "hard" and d >= now and not done[d]:
            note = "Hard run: no session planned."
        days.append({
            "date": d.isoformat(), "weekday": WEEK_DAYS[d.weekday()], "run": runs.get(WEEK_DAYS[d.weekday()]),
            "done": done[d], "plan": "core" if kind in ("core", "after_hard") else kind,
            "missed": d in missed, "moved_from": moved_from[d].isoformat() if d in moved_from else None, "note": note,
        })
    return {"week_start": start.isoformat(), "target": target, "done": total, "left": left,
            "summary": _summary(target, total, left, left - len(planned)), "days": days}
