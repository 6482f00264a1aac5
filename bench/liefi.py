"""First card rendered on lie-fi (every response held 2 s) versus fully offline and a first visit online.

Each round opens the same exercise card three ways, alternating, and reads the page's own
`steady:first-render` mark (ms since navigation start):

- lie-fi: a returning visitor whose every request crawls through a local proxy holding each
  response 2 s (the worker controls the page);
- offline: the same visitor with no connection at all;
- first visit: a new browser context, straight to the server, no worker yet.

With `--baseline REF` the same three are measured in the same run for the worker files
(`frontend/js/sw/`) as they were at git REF, so the new behaviour is compared with the old one.
Goal: lie-fi within 1.5x of offline, and a first visit online no slower than before.
"""

import argparse
import logging
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.app_server import loaded_database  # noqa: E402
from server import create_app  # noqa: E402
from tests.conftest import CHROMIUM_ARGS, FULL_CHROMIUM as CHROMIUM, MEDIA_DIR  # noqa: E402
from tests.liefi_proxy import LiefiProxy  # noqa: E402
from tests.live_server import LiveServer  # noqa: E402

CARD = "/exercises/single-leg-balance"
HOLD_SECONDS = 2.0
VIEWPORT = {"width": 390, "height": 844}
MARK = "performance.getEntriesByName('steady:first-render')[0].startTime"
WORKER_FILES = ["handlers.js", "worker.js"]


def first_card(page, url: str) -> float:
    """Navigate and return ms from navigation start to the card's first render."""
    page.goto(url, wait_until="commit", timeout=60_000)
    page.wait_for_function("() => performance.getEntriesByName('steady:first-render').length > 0", timeout=60_000)
    return page.evaluate(MARK)


def frontend_at(ref: str | None) -> Path:
    """A copy of today's front end, with the worker files taken from git `ref` when given."""
    folder = Path(tempfile.mkdtemp()) / "frontend"
    shutil.copytree(ROOT / "frontend", folder, ignore=shutil.ignore_patterns("gen"))
    for name in WORKER_FILES if ref else []:
        source = subprocess.run(["git", "-C", str(ROOT), "show", f"{ref}:frontend/js/sw/{name}"],
                                check=True, capture_output=True, text=True).stdout
        (folder / "js" / "sw" / name).write_text(source)
    return folder


class Variant:
    """One build of the app, served directly and through a lie-fi proxy, with a returning visitor."""

    def __init__(self, name: str, ref: str | None):
        self.name = name
        self.app = create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": loaded_database(tempfile.mkdtemp()),
                               "MEDIA_DIR": str(MEDIA_DIR), "FRONTEND_DIR": str(frontend_at(ref))})
        self.server = LiveServer(self.app)
        self.server.start()
        self.proxy = LiefiProxy(self.server.port).start()
        self.figures = {"lie-fi": [], "offline": [], "first visit": []}

    def returning_visitor(self, browser) -> None:
        """A context whose first visit (through the proxy, at full speed) installed the worker."""
        self.context = browser.new_context(viewport=VIEWPORT)
        self.page = self.context.new_page()
        self.page.goto(self.proxy.url + "/")
        self.page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        first_card(self.page, self.proxy.url + CARD)  # warm every path once, at full speed and on lie-fi
        self.proxy.delay = HOLD_SECONDS
        first_card(self.page, self.proxy.url + CARD)

    def round(self, browser) -> None:
        """Measure lie-fi, offline and a first visit once each."""
        self.proxy.delay = HOLD_SECONDS
        self.figures["lie-fi"].append(first_card(self.page, self.proxy.url + CARD))
        self.context.set_offline(True)
        self.figures["offline"].append(first_card(self.page, self.proxy.url + CARD))
        self.context.set_offline(False)
        self.proxy.delay = 0
        fresh = browser.new_context(viewport=VIEWPORT)
        self.figures["first visit"].append(first_card(fresh.new_page(), self.server.url + CARD))
        fresh.close()

    def stop(self) -> None:
        """Close the visitor, the proxy and the server."""
        self.context.close()
        self.proxy.stop()
        self.server.stop()


def median(values: list[float]) -> float:
    """The median of a list of figures."""
    return statistics.median(values)


def main() -> None:
    """Print median and spread of each figure for each build, and the ratios that matter."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--baseline", metavar="REF", help="also measure the worker files as they were at this git ref")
    args = parser.parse_args()
    variants = [Variant("now", None)] + ([Variant(f"at {args.baseline}", args.baseline)] if args.baseline else [])
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request drowns the figures
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for variant in variants:
            variant.returning_visitor(browser)
        for _ in range(args.rounds):
            for variant in variants:
                variant.round(browser)
        for variant in variants:
            variant.stop()
        browser.close()
    for variant in variants:
        print(f"worker {variant.name}  (every response held {HOLD_SECONDS:.0f} s on lie-fi)")
        for name, values in variant.figures.items():
            print(f"  {name:12} median {median(values):7.1f} ms   min {min(values):7.1f}   max {max(values):7.1f}   (n={len(values)})")
        ratio = median(variant.figures["lie-fi"]) / median(variant.figures["offline"])
        print(f"  lie-fi / offline = {ratio:.2f}  (goal: at most 1.50)")
    if len(variants) == 2:
        now, before = (v.figures["first visit"] for v in variants)
        print(f"first visit online, now / before = {median(now) / median(before):.2f}  (goal: at most 1.00, within noise)")


if __name__ == "__main__":
    main()
