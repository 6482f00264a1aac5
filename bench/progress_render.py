"""/progress rendered from 10 years of daily sessions versus 1 month, side by side in Chromium.

Two browser contexts (each with its own IndexedDB) hold the two logs. Each round opens
/progress once in each, alternating, and reads the page's own `steady:progress-drawn` mark
(ms from navigation start to streaks, calendar and charts drawn). Goal: 10 years < 2 x 1 month.
Also prints the streak rule alone on each log, timed in the page.
"""

import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.app_server import loaded_database  # noqa: E402
from server import create_app  # noqa: E402
from tests.browser.progress_steps import SEED, daily_sessions  # noqa: E402
from tests.conftest import CHROMIUM_ARGS, FULL_CHROMIUM as CHROMIUM, MEDIA_DIR  # noqa: E402
from tests.live_server import LiveServer  # noqa: E402

ROUNDS = 10
TODAY = date.today()  # the page's clock is left alone: Playwright's fake clock hides performance marks
LOGS = {"1 month": 30, "10 years": 3652}
MARK = "performance.getEntriesByName('steady:progress-drawn')[0].startTime"
RULE_ALONE = """
async (today) => {
  const [sessions, settings] = await Promise.all([steady.sessions.listSessions(), steady.settings.readSettings()]);
  const runs = [];
  for (let i = 0; i < 20; i += 1) {
    const start = performance.now();
    steady.rules.streaks.streaks(sessions, settings, today);
    runs.push(performance.now() - start);
  }
  return runs.sort((a, b) => a - b)[10];
}
"""


def drawn(page, url: str) -> float:
    """Navigate to /progress and return ms from navigation start until it is fully drawn."""
    page.goto(url + "/progress")
    page.wait_for_function("() => performance.getEntriesByName('steady:progress-drawn').length > 0")
    return page.evaluate(MARK)


def main() -> None:
    """Print the median and spread for each log, and their ratio."""
    app = create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": loaded_database(tempfile.mkdtemp()),
                      "MEDIA_DIR": str(MEDIA_DIR)})
    server = LiveServer(app)
    server.start()
    times = {name: [] for name in LOGS}
    rule = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = {}
        for name, days in LOGS.items():
            context = browser.new_context(viewport={"width": 390, "height": 844}, timezone_id="UTC")
            page = context.new_page()
            page.goto(server.url + "/")
            page.wait_for_function("() => globalThis.steady && steady.db")
            page.evaluate(SEED, daily_sessions(TODAY, days))
            drawn(page, server.url)  # warm once
            rule[name] = page.evaluate(RULE_ALONE, TODAY.isoformat())
            pages[name] = page
        for _ in range(ROUNDS):
            for name, page in pages.items():
                times[name].append(drawn(page, server.url))
        browser.close()
    server.stop()
    for name, values in times.items():
        print(f"{name:9} ({LOGS[name]:4} sessions)  /progress drawn: median {statistics.median(values):7.1f} ms"
              f"   min {min(values):7.1f}   max {max(values):7.1f}   (n={len(values)});  streak rule alone {rule[name]:6.2f} ms")
    ratio = statistics.median(times["10 years"]) / statistics.median(times["1 month"])
    print(f"10 years / 1 month = {ratio:.2f}  (goal < 2)")


if __name__ == "__main__":
    main()
