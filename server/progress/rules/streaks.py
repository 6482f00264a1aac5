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
from datetime import date
from functools import lru_cache
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


@lru_cache(maxsize=1 << 15)
def _day_number(value: str) -> int | None:
    # Every runner's log is written on one calendar, so a date read once is read for all (90 years fit).
    day = _parse_date(value)
    return None if day is None else day.toordinal()


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


# What a session with no "entries" key is read as: one entry, so a bare {"local_date"} is one session.
NO_ENTRIES_KEY: list = [None]


# Days are day numbers (date.toordinal(), 1 = Monday 0001-01-01) below: years of days in plain integer sums.
def _week_of(day: int, first_day: int) -> int:
    return day - (day - 1 - first_day) % 7


def _sessions_per_day(sessions: Any, today: int, is_paused) -> dict[int, int]:
    # Tallied by the date as written, then each date read once; the loop is inline because it runs per session.
    written: dict[str, int] = {}
    for session in sessions if isinstance(sessions, list) else []:
        if not isinstance(session, dict):
            continue
        # A short session counts: any logged exercise.
        entries = session.get("entries", NO_ENTRIES_KEY)
        if entries is NO_ENTRIES_KEY or (isinstance(entries, list) and entries):
            value = session.get("local_date")
            if isinstance(value, str):
                written[value] = written.get(value, 0) + 1
    per_day: dict[int, int] = {}
    for value, count in written.items():
        day = _day_number(value)
        if day is not None and day <= today and not is_paused(day):
            per_day[day] = per_day.get(day, 0) + count
    return per_day


def _gap_breaks(after: int, before: int, is_paused) -> bool:
    """Whether a day strictly between two days (none of them logged) is not paused."""
    return any(not is_paused(day) for day in range(after + 1, before))


def _daily(per_day: dict[int, int], today: int, is_paused) -> dict:
    # Walks the days with sessions, not the calendar: a gap breaks the run unless every day of it is paused.
    current = longest = 0
    previous = None
    for day in sorted(per_day):
        if previous is not None and day - previous > 1 and _gap_breaks(previous, day, is_paused):
            current = 0
        current += 1
        longest = max(longest, current)
        previous = day
    if previous is not None and _gap_breaks(previous, today, is_paused):  # today without a session is not over yet
        current = 0
    return {"current": current, "longest": longest}


def _weekly(per_day: dict[int, int], today: int, target: int, first_day: int, is_paused) -> dict:
    this_week_start = _week_of(today, first_day)
    per_week: dict[int, int] = {}
    for day, count in per_day.items():
        week = day - (day - 1 - first_day) % 7  # _week_of, inline: it runs once a day of the log
        per_week[week] = per_week.get(week, 0) + count
    weeks = {"current": 0, "longest": 0, "this_week": 0, "this_week_met": False}
    banked, used, paused, met_total = 0, [], [], 0
    for week in range(min(per_week, default=this_week_start), this_week_start + 1, 7):
        count = per_week.get(week, 0)
        if count >= target:
            weeks["current"] += 1
            met_total += 1
            if met_total % FREEZE_EVERY == 0:
                banked = min(FREEZE_BANK, banked + 1)
        elif week == this_week_start:
            pass  # in progress: not broken until it ends
        elif any(is_paused(day) for day in range(week, week + 7)):
            paused.append(date.fromordinal(week).isoformat())
        elif banked:
            banked -= 1
            used.append(date.fromordinal(week).isoformat())
        else:
            weeks["current"] = 0
        weeks["longest"] = max(weeks["longest"], weeks["current"])
        if week == this_week_start:
            weeks["this_week"], weeks["this_week_met"] = count, count >= target
    return {
        "weekly": {
            "current": weeks["current"],
            "longest": weeks["longest"],
            "target": target,
            "this_week": weeks["this_week"],
            "this_week_met": weeks["this_week_met"],
            "this_week_start": date.fromordinal(this_week_start).isoformat(),
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
    spans = [(p["start"].toordinal(), p["end"].toordinal()) for p in pauses]

    def is_paused(day: int) -> bool:
        return bool(spans) and any(start <= day <= end for start, end in spans)

    day_today = as_of.toordinal()
    per_day = _sessions_per_day(sessions, day_today, is_paused)
    first_day = WEEK_DAYS.index(_week_start(settings))
    result = _weekly(per_day, day_today, _target(settings), first_day, is_paused)
    pause_today = next((p for p in pauses if p["start"] <= as_of <= p["end"]), None)
    return {
        "weekly": result["weekly"],
        "daily": _daily(per_day, day_today, is_paused),
        "freezes": result["freezes"],
        "pauses": {
            "today": None if pause_today is None else {
                "start": pause_today["start"].isoformat(), "end": pause_today["end"].isoformat(), "kind": pause_today["kind"],
            },
            "weeks": result["paused_weeks"],
        },
    }
