"""Weekly-target and daily streaks: the server's copy of ``frontend/js/rules/streaks.js``.

Pure (no database, no clock: ``today`` is passed in). Both implementations must pass
``tests/vectors/streaks.json`` (and ``streaks_carried`` ``tests/vectors/streaks_carried.json``);
change them together. ``streaks`` is ``streaks_carried`` from nothing: one walk, so a resumed
answer (the server keeps the carry, so years of log are not walked again) is the same answer.

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


def _daily(state: dict, per_day: dict[int, int], until: int, is_paused) -> None:
    # Walks the days with sessions before ``until``, not the calendar: a gap breaks the run unless every day of it is paused.
    current, longest, previous = state["current"], state["longest"], state["last"]
    for day in sorted(d for d in per_day if d < until and (previous is None or d > previous)):
        if previous is not None and day - previous > 1 and _gap_breaks(previous, day, is_paused):
            current = 0
        current += 1
        longest = max(longest, current)
        previous = day
    state["current"], state["longest"], state["last"] = current, longest, previous


def _met(state: dict) -> None:
    state["current"] += 1
    state["met"] += 1
    if state["met"] % FREEZE_EVERY == 0:
        state["banked"] = min(FREEZE_BANK, state["banked"] + 1)
    state["longest"] = max(state["longest"], state["current"])


def _weekly(state: dict, per_week: dict[int, int], until: int, target: int, is_paused) -> None:
    # Walks whole weeks before ``until``, from the first week with a session (or where the carry stopped).
    week = state["week"] if state["started"] else min((w for w in per_week if w < until), default=until)
    for week in range(week, until, 7):
        state["started"] = True
        if per_week.get(week, 0) >= target:
            _met(state)
        elif any(is_paused(day) for day in range(week, week + 7)):
            state["paused"].append(date.fromordinal(week).isoformat())
        elif state["banked"]:
            state["banked"] -= 1
            state["used"].append(date.fromordinal(week).isoformat())
        else:
            state["current"] = 0
        state["longest"] = max(state["longest"], state["current"])


def _settings_read(settings: dict, pauses: list[dict]) -> dict:
    # What of the settings a carry depends on, as plain JSON: a carry made under others does not fit.
    return {"weekly_target": _target(settings), "week_start": _week_start(settings),
            "pauses": [[p["start"].isoformat(), p["end"].isoformat(), p["kind"]] for p in pauses]}


def _fresh_state(first_week: int) -> dict:
    return {"week": first_week, "started": False, "current": 0, "longest": 0, "met": 0, "banked": 0, "used": [],
            "paused": [], "daily": {"current": 0, "longest": 0, "last": None}}


def _state_of(carry: Any, settings_read: dict, this_week_start: int) -> dict | None:
    """The walk's state from a carry, or None when it was made under other settings or after this week began."""
    if not isinstance(carry, dict) or carry.get("settings") != settings_read:
        return None
    week = _day_number(carry.get("week")) if isinstance(carry.get("week"), str) else None
    if week is None or week > this_week_start:
        return None
    last = carry["daily"]["last"]
    return {**carry["weekly"], "week": week, "started": carry["started"], "met": carry["met"],
            "banked": carry["banked"], "used": list(carry["used"]), "paused": list(carry["paused"]),
            "daily": {**carry["daily"], "last": None if last is None else _day_number(last)}}


def _carry_of(state: dict, settings_read: dict) -> dict:
    last = state["daily"]["last"]
    return {"week": date.fromordinal(state["week"]).isoformat(), "settings": settings_read,
            "started": state["started"], "weekly": {"current": state["current"], "longest": state["longest"]},
            "met": state["met"], "banked": state["banked"], "used": list(state["used"]), "paused": list(state["paused"]),
            "daily": {"current": state["daily"]["current"], "longest": state["daily"]["longest"],
                      "last": None if last is None else date.fromordinal(last).isoformat()}}


def streaks(sessions: Any, settings: Any, today: str) -> dict:
    """Weekly-target and daily streaks, freezes and pauses, as of ``today`` ('YYYY-MM-DD')."""
    return streaks_carried(None, sessions, settings, today)["streaks"]


def streaks_carried(carry: Any, sessions: Any, settings: Any, today: str) -> dict:
    """``streaks`` resumed from a carry (the walk up to a week start), and the carry up to this week's start.

    {"streaks": the streaks rule's answer, "carry": …}. With a carry only sessions from its week on
    are read (earlier ones are in it); with None, the walk starts from nothing. A carry made under
    other target, week start or pauses, or for a later week than today's, gives
    {"streaks": None, "carry": None}: walk again from nothing.
    """
    as_of = _parse_date(today)
    if as_of is None:
        raise ValueError("today must be a date written YYYY-MM-DD.")
    settings = settings if isinstance(settings, dict) else {}
    pauses = _pauses(settings)
    spans = [(p["start"].toordinal(), p["end"].toordinal()) for p in pauses]

    def is_paused(day: int) -> bool:
        return bool(spans) and any(start <= day <= end for start, end in spans)

    day_today = as_of.toordinal()
    first_day = WEEK_DAYS.index(_week_start(settings))
    target = _target(settings)
    this_week_start = _week_of(day_today, first_day)
    read = _settings_read(settings, pauses)
    state = _fresh_state(this_week_start) if carry is None else _state_of(carry, read, this_week_start)
    if state is None:
        return {"streaks": None, "carry": None}
    per_day = _sessions_per_day(sessions, day_today, is_paused)
    if carry is not None:  # what came before the carry's week is in it
        per_day = {day: count for day, count in per_day.items() if day >= state["week"]}
    per_week: dict[int, int] = {}
    for day, count in per_day.items():
        week = day - (day - 1 - first_day) % 7  # _week_of, inline: it runs once a day of the log
        per_week[week] = per_week.get(week, 0) + count
    # Whole weeks first: the carry is the walk as this week begins, the same whatever day of it today is.
    _weekly(state, per_week, this_week_start, target, is_paused)
    _daily(state["daily"], per_day, this_week_start, is_paused)
    state["week"] = this_week_start
    carried = _carry_of(state, read)
    count = per_week.get(this_week_start, 0)
    if count >= target:  # the week in progress counts once met, and is not broken until it ends
        _met(state)
    _daily(state["daily"], per_day, day_today + 1, is_paused)
    daily = state["daily"]
    if daily["last"] is not None and _gap_breaks(daily["last"], day_today, is_paused):  # today without a session is not over yet
        daily["current"] = 0
    pause_today = next((p for p in pauses if p["start"] <= as_of <= p["end"]), None)
    return {
        "streaks": {
            "weekly": {
                "current": state["current"],
                "longest": state["longest"],
                "target": target,
                "this_week": count,
                "this_week_met": count >= target,
                "this_week_start": date.fromordinal(this_week_start).isoformat(),
                "week_start": WEEK_DAYS[first_day],
            },
            "daily": {"current": daily["current"], "longest": daily["longest"]},
            "freezes": {"banked": state["banked"], "used": state["used"]},
            "pauses": {
                "today": None if pause_today is None else {
                    "start": pause_today["start"].isoformat(), "end": pause_today["end"].isoformat(),
                    "kind": pause_today["kind"],
                },
                "weeks": state["paused"],
            },
        },
        "carry": carried,
    }
