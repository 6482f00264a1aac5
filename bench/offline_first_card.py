"""Navigation to first card rendered: offline (worker + IndexedDB) versus online, side by side.

Each round opens the same exercise card once online and once offline in the same browser,
alternating, and reads the page's own `steady:first-render` mark (ms since navigation start).
"""

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.app_server import loaded_database  # noqa: E402
from server import create_app  # noqa: E402
from tests.conftest import CHROMIUM_ARGS, FULL_CHROMIUM as CHROMIUM, MEDIA_DIR  # noqa: E402
from tests.live_server import LiveServer  # noqa: E402

ROUNDS = 15
CARD = "/exercises/single-leg-balance"
MARK = "performance.getEntriesByName('steady:first-render')[0].startTime"


def first_card(page, url: str) -> float:
    """Navigate and return ms from navigation start to the card's first render."""
    page.goto(url)
    page.get_by_role("heading", level=1).wait_for()
    page.wait_for_function("() => performance.getEntriesByName('steady:first-render').length > 0")
    return page.evaluate(MARK)


def main() -> None:
    """Print median and spread for both, and their ratio."""
    app = create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": loaded_database(tempfile.mkdtemp()),
                      "MEDIA_DIR": str(MEDIA_DIR)})
    server = LiveServer(app)
    server.start()
    online, offline = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.goto(server.url + "/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        first_card(page, server.url + CARD)  # warm both paths once
        for _ in range(ROUNDS):
            context.set_offline(False)
            online.append(first_card(page, server.url + CARD))
            context.set_offline(True)
            offline.append(first_card(page, server.url + CARD))
        browser.close()
    server.stop()
    for name, values in (("online", online), ("offline", offline)):
        print(f"{name:8} median {statistics.median(values):7.1f} ms   min {min(values):7.1f}   max {max(values):7.1f}   (n={len(values)})")
    print(f"offline / online = {statistics.median(offline) / statistics.median(online):.2f}")


if __name__ == "__main__":
    main()
