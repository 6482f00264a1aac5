"""The streak rule beyond its shared vectors: what the vectors must cover, and refusing a bad ``today``."""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from server.progress.rules.streaks import streaks

VECTORS = json.loads((Path(__file__).resolve().parents[1] / "vectors" / "streaks.json").read_text())


def test_the_vectors_cover_every_case_the_issue_names():
    names = " ".join(c["name"] for c in VECTORS["cases"]).lower()
    assert len(VECTORS["cases"]) >= 30
    for topic in ["week boundary", "week start", "dst", "travel", "freeze", "pause", "target change", "sessions count, not days", "in progress"]:
        assert topic in names, topic


@pytest.mark.parametrize("today", ["", "2026-13-01", "2026-02-30", "30/11/2026", None, 20261130])
def test_a_bad_today_is_refused(today):
    with pytest.raises(ValueError, match="^today must be a date written YYYY-MM-DD.$"):
        streaks([], {}, today)


def test_ten_years_of_daily_sessions():
    start = date(2016, 12, 1)  # a Thursday: its week (from Monday 2016-11-28) has four sessions
    sessions = [{"local_date": (start + timedelta(n)).isoformat()} for n in range(3652)]  # to 2026-11-30
    result = streaks(sessions, {}, "2026-11-30")
    assert result["daily"] == {"current": 3652, "longest": 3652}
    # 522 met weeks from 2016-11-28 to 2026-11-23; this week (one session so far) is in progress.
    assert result["weekly"]["longest"] == result["weekly"]["current"] == 522
    assert result["weekly"]["this_week"] == 1
    assert result["freezes"] == {"banked": 2, "used": []}
