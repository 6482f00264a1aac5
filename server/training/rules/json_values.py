"""Checks on single values as JSON carries them, shared by the rules: the twin of ``frontend/js/rules/json-values.js``.

Each answers as JavaScript would for the same JSON, so both languages' rules agree.
"""

import math
import re
from datetime import date
from typing import Any

UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# The shape of an IANA name, not a lookup: browsers and servers ship different zone lists,
# and the rules must give the same answer everywhere.
ZONE = re.compile(r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")
CONTROL = re.compile(r"[\u0000-\u001f\u007f-\u009f]")
# Exactly what JavaScript's String.prototype.trim() removes (Python's strip() differs).
JS_WHITESPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def is_number(value: Any) -> bool:
    """Whether a value is a finite JSON number (never a bool, which Python counts as an int)."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too big for a double: JavaScript reads it as Infinity
        return False


def is_whole(value: Any) -> bool:
    """Whether a number (checked with is_number first) has no fraction, as Number.isInteger decides."""
    return isinstance(value, int) or float(value).is_integer()


def whole_in(value: Any, low: int, high: int) -> bool:
    """Whether a value is a whole number from low to high."""
    return is_number(value) and is_whole(value) and low <= value <= high


def valid_date(y: int, m: int, d: int) -> bool:
    """Whether year, month and day name a real calendar date."""
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def is_local_date(value: Any) -> bool:
    """Whether a value is a real calendar date written YYYY-MM-DD."""
    match = DATE.match(value) if isinstance(value, str) else None
    return bool(match) and valid_date(*(int(g) for g in match.groups()))


def is_uuid(value: Any) -> bool:
    """Whether a value is a UUID string."""
    return isinstance(value, str) and bool(UUID.match(value))


def is_zone_name(value: Any) -> bool:
    """Whether a value is shaped like an IANA time zone name (at most 64 characters)."""
    return isinstance(value, str) and len(value) <= 64 and bool(ZONE.match(value))


def has_control_characters(value: str) -> bool:
    """Whether text holds a control character (NUL, newline, escape…), which a one-line name never needs."""
    return bool(CONTROL.search(value))


def trimmed(value: str) -> str:
    """Text without the whitespace at either end, as JavaScript's trim() leaves it."""
    return value.strip(JS_WHITESPACE)
