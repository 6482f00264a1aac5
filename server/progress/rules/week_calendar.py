"""The week plan as an iCalendar file: the server's copy of ``frontend/js/rules/week-calendar.js``.

Pure (no clock: the stamp is passed in). Both implementations must pass
``tests/vectors/week_calendar.json``, byte for byte; change all three together.

One all-day event per planned day, with a reminder at 08:00 on the day and a link that opens that
day on the plan screen, one tap from starting. A day's event has a stable UID, so a subscribed
calendar that refreshes after a session was logged drops that day's event, and importing a new
download replaces the old one instead of doubling it.
"""

from datetime import date, timedelta

NAME = "Steady: core & balance"
TITLES = {"full": "Core, balance & legs", "core": "Core & balance"}
REMINDER = "PT8H"  # after the start of the (all-day) event: 08:00 on the day
FOLD_AT = 75  # octets per line, as RFC 5545 asks


def _text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    # Long lines continue on the next with one leading space; never split a character's bytes.
    lines, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = FOLD_AT if not lines else FOLD_AT - 1
        if size + width > limit:
            lines.append(current)
            current, size = "", 0
        current += char
        size += width
    lines.append(current)
    return [lines[0], *(" " + rest for rest in lines[1:])]


def _compact(iso_date: str) -> str:
    return iso_date.replace("-", "")


def _next_day(iso_date: str) -> str:
    return (date.fromisoformat(iso_date) + timedelta(days=1)).isoformat()


def week_calendar(plans: list, origin: str, stamp: str) -> str:
    """The planned days of these week plans as one VCALENDAR (CRLF lines), linking to ``origin``'s plan screen."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Steady//Week plan//EN", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{_text(NAME)}", "REFRESH-INTERVAL;VALUE=DURATION:PT6H"]
    for plan in plans:
        days = plan.get("days") if isinstance(plan, dict) else None
        for day in days if isinstance(days, list) else []:
            if day.get("plan") not in TITLES:
                continue
            link = f"{origin}/plan?day={day['date']}"
            note = day.get("note") or ""
            lines += [
                "BEGIN:VEVENT", f"UID:plan-{day['date']}@steady", f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{_compact(day['date'])}", f"DTEND;VALUE=DATE:{_compact(_next_day(day['date']))}",
                f"SUMMARY:{_text(TITLES[day['plan']])}", f"DESCRIPTION:{_text(f'{note} Start: {link}'.strip())}",
                f"URL:{link}", "TRANSP:TRANSPARENT",
                "BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{_text(TITLES[day['plan']] + ' today')}",
                f"TRIGGER;RELATED=START:{REMINDER}", "END:VALARM", "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
