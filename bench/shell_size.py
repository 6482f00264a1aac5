"""Bytes of the precached app shell, raw and gzipped (budget: 50 KB gzipped for HTML + CSS + JS).

The screen bundles (player, progress, account), which the worker caches just after install rather than
precaching, are reported apart and are not in the budget.
"""

import gzip
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server import create_app  # noqa: E402
from server.shell.assets import screen_bundle_urls, screen_style_urls  # noqa: E402
from server.shell.worker import precache_urls  # noqa: E402

BUDGET = 50 * 1024


def main() -> None:
    """Fetch every precached URL and every screen bundle through the app and print its size."""
    folder = tempfile.mkdtemp()
    app = create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite"})
    client = app.test_client()
    shell_raw = shell_gz = other_raw = 0
    print(f"{'url':55} {'raw':>9} {'gzip':>9}")
    for url in [*precache_urls(app), "/sw.js"]:
        body = client.get(url).data
        packed = len(gzip.compress(body, 9))
        print(f"{url:55} {len(body):9,} {packed:9,}")
        if url.startswith("/static/icons/"):
            other_raw += len(body)
        else:
            shell_raw += len(body)
            shell_gz += packed
    print(f"\nshell (HTML + CSS + JS + manifest + worker): {shell_raw:,} B raw, {shell_gz:,} B gzipped "
          f"= {shell_gz / BUDGET:.0%} of the 50 KB budget")
    print(f"icons (precached, not in the budget): {other_raw:,} B")
    print("\nscreen bundles (cached after install, not in the budget):")
    for name, url in [*screen_bundle_urls(app).items(), *((f"{n} css", u) for n, u in screen_style_urls(app).items())]:
        body = client.get(url).data
        print(f"  {name:10} {url:43} {len(body):9,} {len(gzip.compress(body, 9)):9,}")


if __name__ == "__main__":
    main()
