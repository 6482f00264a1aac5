"""Where a runner stands in a program: the server's copy of ``frontend/js/rules/program-schedule.js``.

Pure (no database, no clock: ``today`` is passed in). Both implementations must pass
``tests/vectors/program_schedule.json``; change all three together.

A program's weeks are 7-day blocks from the enrolment's start date. A logged session (on or after
the start, up to today) counts for the week it falls in when its routine is one of that week's
sessions not yet done, first match first; the next session is the week's first one not done. The
week's sessions are the week plan's target (``week_plan`` with the week starting on the block's
first day), so they are placed around the runner's runs, and a planned day that passed without one
moves it to a later day. A week that ends with sessions undone does not hand them on: the next
week starts with its own. The program is finished when the last week's sessions are all done or
the last week is over; a left program stays left, with what was done.
"""

from datetime import date, timedelta
from typing import Any

from server.progress.rules.streaks import WEEK_DAYS
from server.progress.rules.week_plan import week_plan
from server.training.rules.json_values import is_local_date


def _counted(sessions: list, start: str, today: str) -> list[dict]:
    found = [s for s in sessions if isinstance(s, dict) and is_local_date(s.get("local_date"))
             and start <= s["local_date"] <= today and isinstance(s.get("routine"), str)]
    return sorted(found, key=lambda s: (s["local_date"], str(s.get("started_at") or "")))


def _matched(week: dict, logged: list[dict]) -> tuple[list[bool], list[dict]]:
    """Which of the week's sessions are done, and the logged sessions that did them."""
    done, used = [False] * len(week["sessions"]), []
    for session in logged:
        for index, planned in enumerate(week["sessions"]):
            if not done[index] and planned["routine"] == session["routine"]:
                done[index] = True
                used.append(session)
                break
    return done, used


def _weekday(day: date) -> str:
    return WEEK_DAYS[day.weekday()].capitalize()


def program_schedule(program: dict, enrolment: dict, sessions: list, settings: Any, today: str) -> dict:
    """The enrolment today: its state, week and next session, and this week's sessions placed around runs."""
    if not is_local_date(today):
        raise ValueError("today must be a date written YYYY-MM-DD.")
    if not is_local_date(enrolment.get("start_date")):
        raise ValueError("the enrolment's start date must be a date written YYYY-MM-DD.")
    weeks, name = program["weeks"], program["name"]
    start = date.fromisoformat(enrolment["start_date"])
    now = date.fromisoformat(today)
    left = enrolment.get("left_on")
    left = left if is_local_date(left) else None
    # Sessions after the day the runner left are not the program's.
    logged = _counted(sessions, start.isoformat(), min(today, left) if left else today)
    blocks = [(start + timedelta(days=7 * w), start + timedelta(days=7 * w + 6)) for w in range(len(weeks))]
    done = [_matched(week, [s for s in logged if first.isoformat() <= s["local_date"] <= last.isoformat()])
            for week, (first, last) in zip(weeks, blocks)]
    done_total = sum(sum(flags) for flags, _ in done)
    total = sum(len(week["sessions"]) for week in weeks)
    tally = f"{done_total} of {total} sessions done."
    result = {
        "program": program["slug"], "name": name, "state": "active", "weeks": len(weeks), "week": None,
        "start_date": start.isoformat(), "end_date": blocks[-1][1].isoformat(), "done_total": done_total,
        "total": total, "sessions": 0, "done": 0, "next": None, "focus": None, "label": "", "message": "",
        "plan": None, "suggestions": [],
    }
    week_index = (now - start).days // 7
    if left is not None:
        left_index = (date.fromisoformat(left) - start).days // 7
        reached = min(max(left_index, 0), len(weeks) - 1) + 1
        return result | {"state": "left", "label": f"Left in week {reached} of {len(weeks)}",
                         "message": f"You left {name} in week {reached} of {len(weeks)}: {tally}"}
    if enrolment.get("finished_on") is not None or now > blocks[-1][1] or all(done[-1][0]):
        suggestions = list(dict.fromkeys(s["routine"] for s in weeks[-1]["sessions"]))
        return result | {"state": "finished", "label": f"{name} finished",
                         "message": f"You finished {name}: {tally}", "suggestions": suggestions}
    if week_index < 0:
        return result | {"state": "upcoming", "label": f"Week 1 of {len(weeks)} starts on {start.isoformat()}",
                         "message": f"{name} starts on {_weekday(start)} {start.isoformat()}."}
    week, (flags, used) = weeks[week_index], done[week_index]
    first = blocks[week_index][0]
    chosen = settings if isinstance(settings, dict) else {}
    plan = week_plan(chosen | {"weekly_target": len(flags), "week_start": WEEK_DAYS[first.weekday()]}, used, today)
    waiting = [i for i, flag in enumerate(flags) if not flag]
    # The sessions not yet done, in order, on the days the plan keeps for them.
    planned = [day for day in plan["days"] if day["plan"] is not None]
    for day in plan["days"]:
        day["session"] = None
    for day, index in zip(planned, waiting):
        day["session"] = {"index": index, "routine": week["sessions"][index]["routine"]}
    place = f"Week {week_index + 1} of {len(weeks)}"
    result |= {"week": week_index + 1, "sessions": len(flags), "done": sum(flags), "focus": week.get("focus"),
               "plan": plan}
    if not waiting:
        following = blocks[week_index + 1][0]
        return result | {"label": f"{place} · all {len(flags)} sessions done",
                         "message": f"Week {week_index + 2} starts on {_weekday(following)}."}
    index = waiting[0]
    return result | {"label": f"{place} · session {index + 1} of {len(flags)}", "message": plan["summary"],
                     "next": {"index": index, "routine": week["sessions"][index]["routine"],
                              "doses": week["sessions"][index].get("doses", {})}}
