"""Bytes of the precached app shell, raw and gzipped (budget: 50 KB gzipped for HTML + CSS + JS)."""

import gzip
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server import create_app  # noqa: E402
from server.shell.worker import precache_urls  # noqa: E402

BUDGET = 50 * 1024


def main() -> None:
    """Fetch every precached URL through the app and print its size."""
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


if __name__ == "__main__":
    main()
