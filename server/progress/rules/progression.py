"""Progression ladders: the server's copy of ``frontend/js/rules/progression.js``.

Pure (no database, no clock). Both implementations must pass ``tests/vectors/progression.json``;
change all three together.

A ladder is double progression: the dose (reps or seconds) climbs from ``low`` to ``high`` in
``step``s on one rung (a condition such as "on a foam pad" or "2 kg"), then the next rung starts
again at ``low``. With no level yet, the runner starts on the first rung at ``start`` (the dose
the exercise's card prescribes) or else ``low``. A level is ``{"rung", "dose", "since"}``; only sessions started after ``since``
(when the level was set or a suggestion declined) count toward the next suggestion, so a
declined suggestion is asked again only after two more sessions that earn it.

Ready to progress: the target met on both sides in the last 2 sessions of the exercise, at the
level's conditions, with no pain flag. Any pain flag in those sessions holds the level; "stop"
in the latest also suggests the easier version.
"""

from typing import Any

from server.training.rules.json_values import is_number, whole_in

CONDITIONS = ("surface", "eyes", "footwear", "load_kg")
SESSIONS_NEEDED = 2
UNITS = {"seconds": " s", "reps": " reps"}


def _level_in(ladder: dict, level: Any) -> dict:
    # A missing or out-of-range level (an edited ladder, a bad record) starts at the bottom.
    rungs = len(ladder["rungs"])
    level = level if isinstance(level, dict) else {}
    rung = level.get("rung")
    dose = level.get("dose")
    low = ladder["low"]
    start = ladder.get("start") if _on_steps(ladder, ladder.get("start")) else low
    since = level.get("since") if isinstance(level.get("since"), str) else None
    return {"rung": int(rung) if whole_in(rung, 0, rungs - 1) else 0,
            "dose": int(dose) if _on_steps(ladder, dose) else start, "since": since}


def _on_steps(ladder: dict, dose: Any) -> bool:
    return whole_in(dose, ladder["low"], ladder["high"]) and (dose - ladder["low"]) % ladder["step"] == 0


def _prescription(ladder: dict, level: Any) -> dict:
    place = _level_in(ladder, level)
    rung = ladder["rungs"][place["rung"]]
    conditions = {key: rung[key] for key in CONDITIONS if key in rung}
    return {"rung": place["rung"], "label": rung["label"], "conditions": conditions,
            "dose": ladder["dose"], "target": place["dose"]}


def _harder(ladder: dict, level: Any) -> dict | None:
    # A bigger dose, or the next rung at the low dose; None at the top.
    place = _level_in(ladder, level)
    if place["dose"] + ladder["step"] <= ladder["high"]:
        return {"rung": place["rung"], "dose": place["dose"] + ladder["step"]}
    if place["rung"] + 1 < len(ladder["rungs"]):
        return {"rung": place["rung"] + 1, "dose": ladder["low"]}
    return None


def _easier(ladder: dict, level: Any) -> dict | None:
    # The rung below at its top dose, or the low dose on the first rung; None at the bottom.
    place = _level_in(ladder, level)
    if place["rung"] > 0:
        return {"rung": place["rung"] - 1, "dose": ladder["high"]}
    if place["dose"] > ladder["low"]:
        return {"rung": 0, "dose": ladder["low"]}
    return None


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _after(session: dict, since: str | None) -> bool:
    started = session.get("started_at")
    return since is None or (isinstance(started, str) and started > since)


def _entries(session: dict, exercise: str) -> list[dict]:
    entries = session.get("entries")
    return [e for e in entries if isinstance(e, dict) and e.get("exercise") == exercise] if isinstance(entries, list) else []


def _at_conditions(entry: dict, conditions: dict) -> bool:
    # A condition left blank in the log is taken as the prescribed one; a different one is not this level.
    return all(entry.get(key) is None or entry.get(key) == value for key, value in conditions.items())


def _target_met(entries: list[dict], dose: str, target: float, conditions: dict, unilateral: bool) -> bool:
    sides = set()
    for entry in entries:
        amount = entry.get(dose)
        if is_number(amount) and amount >= target and _at_conditions(entry, conditions):
            sides |= {"left", "right"} if entry.get("side") == "both" or not unilateral else {entry.get("side")}
    return {"left", "right"} <= sides


def _message(reason: str, ladder: dict, target: int) -> str:
    amount = f"{target}{UNITS[ladder['dose']]}"
    return {
        "top": "You are at the top of this ladder: keep it steady.",
        "stop": "You stopped for pain last time: go back to the easier version until it settles.",
        "pain": "Holding this level: you flagged pain in one of your last 2 sessions.",
        "ready": f"Ready to progress: you reached {amount} on both sides in your last 2 sessions.",
        "not_yet": f"Not yet: reach {amount} on both sides in 2 sessions in a row.",
        "too_few": f"Log 2 sessions at {amount} to see when it is time to progress.",
    }[reason]


def progression(ladder: dict, level: Any, sessions: list, unilateral: bool) -> dict:
    """Where the runner stands on a ladder: what to do now, and whether to step up, hold or ease off."""
    place = _level_in(ladder, level)
    now = _prescription(ladder, place)
    done = [s for s in sessions if isinstance(s, dict) and _entries(s, ladder["exercise"]) and _after(s, place["since"])]
    done.sort(key=lambda s: (_text(s.get("local_date")), _text(s.get("started_at"))))
    last = done[-SESSIONS_NEEDED:]
    pains = [s.get("pain") for s in last]
    step_up = _harder(ladder, place)
    if pains and pains[-1] == "stop":
        reason = "stop"
    elif any(p in ("mild", "stop") for p in pains):
        reason = "pain"
    elif step_up is None:
        reason = "top"
    elif len(last) < SESSIONS_NEEDED:
        reason = "too_few"
    elif all(_target_met(_entries(s, ladder["exercise"]), ladder["dose"], place["dose"], now["conditions"], unilateral)
             for s in last):
        reason = "ready"
    else:
        reason = "not_yet"
    return {
        "level": place,
        "prescription": now,
        "ready": reason == "ready",
        "reason": reason,
        "message": _message(reason, ladder, place["dose"]),
        "next": step_up if reason == "ready" else None,
        "easier": _easier(ladder, place) if reason == "stop" else None,
    }
