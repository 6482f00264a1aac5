"""Weekly-target and daily streaks: the server's copy of ``frontend/js/rules/streaks.js``.

Pure (no database, no clock: ``today`` is passed in). Both implementations must pass
``tests/vectors/streaks.json``; change all three together.

Every session is placed on its own ``local_date`` (the calendar date where it was logged), so
travel and daylight-saving changes never move it. Weeks are calendar weeks from the chosen
start day. Sessions count, not days. A week touched by a pause that falls short of the target
neither counts nor breaks the streak; sessions on paused days are not counted. A freeze is
earned for every 4th met week (at most 2 banked) and spent by itself on a missed week, which
then neither counts nor breaks the streak. Sessions dated after ``today`` wait until it comes.
"""

import re
from datetime import date, timedelta
from typing import Any

WEEK_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_TARGET = 3
DEFAULT_WEEK_START = "monday"
PAUSE_KINDS = ("rest", "injury")
FREEZE_EVERY = 4  # met weeks per freeze earned
FREEZE_BANK = 2  # most freezes held at once

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_date(value: Any) -> date | None:
    if not isinstance(value, str) or not DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _target(settings: dict) -> int:
    value = settings.get("weekly_target")
    # 3.0 and 3 are one number in JSON (and in JavaScript).
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value in range(1, 8):
        return int(value)
    return DEFAULT_TARGET


def _week_start(settings: dict) -> str:
    value = settings.get("week_start")
    return value if value in WEEK_DAYS else DEFAULT_WEEK_START


def _pauses(settings: dict) -> list[dict]:
    """The readable pauses as {start, end, kind} with dates; anything unreadable is left out."""
    pauses = settings.get("pauses")
    readable = []
    for pause in pauses if isinstance(pauses, list) else []:
        if not isinstance(pause, dict):
            continue
        start, end = _parse_date(pause.get("start")), _parse_date(pause.get("end"))
        if start and end and start <= end:
            kind = pause.get("kind") if pause.get("kind") in PAUSE_KINDS else "rest"
            readable.append({"start": start, "end": end, "kind": kind})
    return readable


def _counts(session: Any) -> bool:
    # A short session counts: any logged exercise. A bare {"local_date"} is one session.
    if not isinstance(session, dict):
        return False
    entries = session.get("entries", [None])
    return isinstance(entries, list) and len(entries) > 0


def _sessions_per_day(sessions: Any, today: date, is_paused) -> dict[date, int]:
    per_day: dict[date, int] = {}
    for session in sessions if isinstance(sessions, list) else []:
        day = _parse_date(session.get("local_date")) if _counts(session) else None
        if day and day <= today and not is_paused(day):
            per_day[day] = per_day.get(day, 0) + 1
    return per_day


def _daily(per_day: dict[date, int], today: date, is_paused) -> dict:
    current = longest = 0
    if per_day:
        day = min(per_day)
        while day <= today:
            if per_day.get(day):
                current += 1
                longest = max(longest, current)
            elif not is_paused(day) and day != today:  # today without a session is not over yet
                current = 0
            day += timedelta(days=1)
    return {"current": current, "longest": longest}


def _weekly(per_day: dict[date, int], today: date, target: int, first_day: int, is_paused) -> dict:
    this_week_start = today - timedelta(days=(today.weekday() - first_day) % 7)
    weeks = {"current": 0, "longest": 0, "this_week": 0, "this_week_met": False}
    banked, used, paused, met_total = 0, [], [], 0
    week = min(per_day) - timedelta(days=(min(per_day).weekday() - first_day) % 7) if per_day else this_week_start
    while week <= this_week_start:
        days = [week + timedelta(days=n) for n in range(7)]
        count = sum(per_day.get(day, 0) for day in days)
        if count >= target:
            weeks["current"] += 1
            met_total += 1
            if met_total % FREEZE_EVERY == 0:
                banked = min(FREEZE_BANK, banked + 1)
        elif week == this_week_start:
            pass  # in progress: not broken until it ends
        elif any(is_paused(day) for day in days):
            paused.append(week.isoformat())
        elif banked:
            banked -= 1
            used.append(week.isoformat())
        else:
            weeks["current"] = 0
        weeks["longest"] = max(weeks["longest"], weeks["current"])
        if week == this_week_start:
            weeks["this_week"], weeks["this_week_met"] = count, count >= target
        week += timedelta(days=7)
    return {
        "weekly": {
            "current": weeks["current"],
            "longest": weeks["longest"],
            "target": target,
            "this_week": weeks["this_week"],
            "this_week_met": weeks["this_week_met"],
            "this_week_start": this_week_start.isoformat(),
            "week_start": WEEK_DAYS[first_day],
        },
        "freezes": {"banked": banked, "used": used},
        "paused_weeks": paused,
    }


def streaks(sessions: Any, settings: Any, today: str) -> dict:
    """Weekly-target and daily streaks, freezes and pauses, as of ``today`` ('YYYY-MM-DD')."""
    as_of = _parse_date(today)
    if as_of is None:
        raise ValueError("today must be a date written YYYY-MM-DD.")
    settings = settings if isinstance(settings, dict) else {}
    pauses = _pauses(settings)

    def is_paused(day: date) -> bool:
        return any(p["start"] <= day <= p["end"] for p in pauses)

    per_day = _sessions_per_day(sessions, as_of, is_paused)
    first_day = WEEK_DAYS.index(_week_start(settings))
    result = _weekly(per_day, as_of, _target(settings), first_day, is_paused)
    pause_today = next((p for p in pauses if p["start"] <= as_of <= p["end"]), None)
    return {
        "weekly": result["weekly"],
        "daily": _daily(per_day, as_of, is_paused),
        "freezes": result["freezes"],
        "pauses": {
            "today": None if pause_today is None else {
                "start": pause_today["start"].isoformat(), "end": pause_today["end"].isoformat(), "kind": pause_today["kind"],
            },
            "weeks": result["paused_weeks"],
        },
    }
