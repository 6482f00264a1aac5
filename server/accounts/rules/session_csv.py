"""Sessions as CSV, one row per set and side, in the style of Strong's export.

Pure: plain session records (as the device stores and syncs them) in, CSV text out.
``frontend/js/rules/session-csv.js`` is the same rule in JavaScript (the device's own export);
``tests/vectors/session_csv.json`` is the one set of cases both must pass, so change all three
together. The columns are documented in the README.
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

CSV_COLUMNS = [
    "date", "started_at", "ended_at", "duration_seconds", "time_zone", "routine",
    "exercise", "set_order", "side", "reps", "seconds", "load_kg", "surface", "eyes", "footwear",
    "effort", "pain", "notes", "session_id",
]
NEEDS_QUOTES = re.compile(r'[",\r\n]')
NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][+-]?\d+)?$")


def _instant(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def zoned_iso(instant: str, zone: str) -> str:
    """A stored UTC instant as ISO 8601 wall-clock time in ``zone``, with its offset; UTC if the zone is unknown."""
    moment = _instant(instant)
    try:
        moment = moment.astimezone(ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError):
        pass
    return moment.isoformat(timespec="seconds")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 3.0 is written 3, as JavaScript writes it
    return str(value)


def csv_cell(value) -> str:
    """One cell: quoted when it holds a comma, quote or line break; a would-be formula is defused."""
    text = _text(value)
    # A leading = + - @ would run as a spreadsheet formula; numbers such as -1 are left alone.
    safe = "'" + text if text[:1] in ("=", "+", "-", "@") and not NUMBER.match(text) else text
    if NEEDS_QUOTES.search(safe) or safe != text:
        return '"' + safe.replace('"', '""') + '"'
    return safe


def session_rows(session: dict) -> list[list]:
    """One row per entry, each set numbered per exercise and side."""
    zone = session.get("time_zone") or "UTC"
    started, ended = session["started_at"], session["ended_at"]
    duration = int((_instant(ended) - _instant(started)).total_seconds())
    counts: dict[tuple, int] = {}
    rows = []
    for entry in session["entries"]:
        key = (entry.get("exercise"), entry.get("side"))
        counts[key] = counts.get(key, 0) + 1
        rows.append([
            session.get("local_date"), zoned_iso(started, zone), zoned_iso(ended, zone), duration, zone,
            session.get("routine"), entry.get("exercise"), counts[key], entry.get("side"), entry.get("reps"),
            entry.get("seconds"), entry.get("load_kg"), entry.get("surface"), entry.get("eyes"),
            entry.get("footwear"), session.get("effort"), session.get("pain"), session.get("notes"), session.get("id"),
        ])
    return rows


def sessions_csv(sessions: list[dict]) -> str:
    """CSV text: the header, then every session's rows, with CRLF line ends as spreadsheets expect."""
    lines = [",".join(CSV_COLUMNS)]
    for session in sessions:
        lines.extend(",".join(csv_cell(value) for value in row) for row in session_rows(session))
    return "\r\n".join(lines) + "\r\n"
