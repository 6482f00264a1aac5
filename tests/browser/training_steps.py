"""Shared steps for the training browser tests: going offline, a fake clock, reading the device's data."""

from datetime import datetime, timedelta, timezone

from playwright.sync_api import expect

from tests.offline.conftest import wait_until_controlled

# A fixed moment for the page's clock: Saturday 21 November 2026, 07:30 UTC.
START = datetime(2026, 11, 21, 7, 30, tzinfo=timezone.utc)

# Records what the player says and asks for, instead of speaking.
SPY = """
window.__spoken = [];
window.__wakeRequests = 0;
if (window.speechSynthesis) {
  speechSynthesis.speak = (utterance) => { if (utterance.text.trim()) window.__spoken.push(utterance.text); };
}
if (navigator.wakeLock) {
  const request = navigator.wakeLock.request.bind(navigator.wakeLock);
  navigator.wakeLock.request = (type) => { window.__wakeRequests += 1; return request(type); };
}
"""


def open_offline(page, context, live_server, path: str, *, clock: bool = False) -> None:
    """First visit online (the worker installs and takes control), then cut the network and open `path`."""
    if clock:
        page.clock.install(time=START)
    page.add_init_script(SPY)
    page.goto(live_server.url + "/")
    page.get_by_role("heading", level=1).wait_for()
    wait_until_controlled(page)
    context.set_offline(True)
    page.goto(live_server.url + path)
    page.locator("main h1").wait_for()
    if clock:
        # Freeze time a little ahead of wherever it has run to, so only run_for() moves it.
        page.clock.pause_at(START + timedelta(minutes=5))


def start_player(page) -> None:
    """Tap Start and wait until the workout runs: the tap stores it and claims the tab first, and
    a paused clock moved before the player's ticking begins would skip the cues it should give."""
    page.get_by_role("button", name="Start").click()
    expect(page.locator(".player")).to_have_attribute("data-state", "running")


def sessions(page) -> list[dict]:
    """Every session stored on the device."""
    return page.evaluate("steady.sessions.listSessions()")


def outbox(page) -> list[dict]:
    """Every change queued for sync."""
    return page.evaluate("steady.outbox.pendingChanges()")


def save_session(page, **overrides) -> dict:
    """Store a valid session through the app's own data layer and return it."""
    return page.evaluate(
        """(overrides) => steady.sessions.saveSession(Object.assign({
          started_at: '2026-11-20T18:00:00Z', ended_at: '2026-11-20T18:20:00Z', time_zone: 'Europe/London',
          local_date: '2026-11-20', routine: null,
          entries: [{exercise: 'plank', side: 'both', reps: null, seconds: 45, load_kg: null, surface: null, eyes: null, footwear: null}],
          effort: 5, pain: 'none', notes: 'Evening, after an easy run.'
        }, overrides))""",
        overrides,
    )
