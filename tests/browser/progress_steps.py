"""Shared steps for the progress browser tests and bench: a log of sessions written straight into the device's store."""

from datetime import date, timedelta

# Writes sessions (already shaped as records) into IndexedDB in one transaction; seeding, not logging.
SEED = """
async (sessions) => {
  const db = await steady.db.openDatabase();
  const tx = db.transaction(steady.db.STORES.sessions, 'readwrite');
  for (const s of sessions) tx.store.put(s);
  await tx.done;
}
"""

EXERCISES = [
    ("side-plank", "seconds", ("left", "right")),
    ("heel-raise", "reps", ("both",)),
    ("single-leg-balance", "seconds", ("left", "right")),
]


def session_record(n: int, day: date, *, zone: str = "UTC", entries: list | None = None) -> dict:
    """A valid session on `day`, logged at 07:30 UTC, holding slowly improving values."""
    if entries is None:
        entries = []
        for slug, measure, sides in EXERCISES:
            for k, side in enumerate(sides):
                value = 20 + (n % 40) + (0 if side != "right" else -3 - k)
                entries.append({"exercise": slug, "side": side, "reps": value if measure == "reps" else None,
                                "seconds": value if measure == "seconds" else None, "load_kg": None,
                                "surface": "floor", "eyes": None, "footwear": "shoes"})
    return {
        "id": f"00000000-0000-4000-8000-{n:012d}",
        "started_at": f"{day.isoformat()}T07:30:00Z", "ended_at": f"{day.isoformat()}T07:50:00Z",
        "time_zone": zone, "local_date": day.isoformat(), "routine": None, "entries": entries,
        "effort": 6, "pain": "none", "notes": "",
        "created_at": f"{day.isoformat()}T07:50:00Z", "updated_at": f"{day.isoformat()}T07:50:00Z",
    }


def daily_sessions(last: date, days: int) -> list[dict]:
    """One session a day for `days` days up to and including `last`."""
    return [session_record(n, last - timedelta(days=days - 1 - n)) for n in range(days)]
