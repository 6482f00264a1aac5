"""The week plan's calendar read back by a real iCalendar parser, as a phone's calendar reads it."""

from datetime import date, timedelta

import icalendar

from server.progress.rules.week_calendar import week_calendar
from server.progress.rules.week_plan import week_plan

RUNS = {"tuesday": "hard", "thursday": "easy", "saturday": "hard", "sunday": "easy"}


def parsed(plans) -> list:
    calendar = icalendar.Calendar.from_ical(week_calendar(plans, "https://steady.example", "20261130T060000Z"))
    return list(calendar.walk("VEVENT"))


def test_each_planned_day_is_an_all_day_event_with_an_alarm_and_a_link():
    events = parsed([week_plan({"runs": RUNS}, [], "2026-11-30")])
    assert [e.decoded("DTSTART") for e in events] == [date(2026, 12, 2), date(2026, 12, 3), date(2026, 12, 6)]
    for event in events:
        assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(days=1)
        assert str(event["URL"]) == f"https://steady.example/plan?day={event.decoded('DTSTART').isoformat()}"
        assert str(event["SUMMARY"]) == "Core, balance & legs"  # the escaped comma reads back as a comma
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == timedelta(hours=8)


def test_a_logged_session_drops_that_days_event_and_uids_stay_stable():
    before = {str(e["UID"]): e.decoded("DTSTART") for e in parsed([week_plan({"runs": RUNS}, [], "2026-12-02")])}
    after = {str(e["UID"]): e.decoded("DTSTART") for e in parsed([week_plan({"runs": RUNS}, [{"local_date": "2026-12-02"}], "2026-12-02")])}
    assert "plan-2026-12-02@steady" in before and "plan-2026-12-02@steady" not in after
    assert set(after) <= set(before) | {f"plan-{d}@steady" for d in ("2026-12-04", "2026-12-05")}


def test_folded_unicode_lines_read_back_whole():
    note = "Équilibre — " + "é" * 60 + " 🏃"
    (event,) = parsed([{"days": [{"date": "2026-12-02", "plan": "core", "note": note}]}])
    assert str(event["DESCRIPTION"]) == f"{note} Start: https://steady.example/plan?day=2026-12-02"
