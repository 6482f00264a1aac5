"""Bounded HTTP load against 127.0.0.1 with wrk: a request rate, never an open-ended flood.

wrk (Debian's ``apt-get install -y wrk``) is a bench tool only, not a dependency of the app.
Each run stops at ``seconds`` or after ``max_requests`` answers, whichever comes first.
"""

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# Counts answers per thread and stops the thread at its share of the request cap.
STOP_AFTER = """
local limit = tonumber(os.getenv("BENCH_MAX_REQUESTS_PER_THREAD"))
local answered = 0
response = function(status, headers, body)
  answered = answered + 1
  if answered >= limit then wrk.thread:stop() end
end
"""
RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
TOTAL = re.compile(r"(\d+) requests in")
ERRORS = re.compile(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)")


@dataclass(frozen=True)
class Rate:
    """What one bounded run measured."""

    requests_per_second: float
    requests: int


def wrk_rate(url: str, headers: dict[str, str] | None = None, seconds: int = 2,
             max_requests: int = 20_000, connections: int = 4, threads: int = 1) -> Rate:
    """Requests per second for GETs of ``url``; raises if any answer is an error or a socket fails."""
    if urlsplit(url).hostname != "127.0.0.1":
        raise ValueError(f"benches only load 127.0.0.1, not {url}")
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is not installed: apt-get install -y wrk")
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "stop.lua"
        script.write_text(STOP_AFTER)
        command = [wrk, "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s",
                   "--timeout", "5s", "-s", str(script), url]
        for name, value in (headers or {}).items():
            command += ["-H", f"{name}: {value}"]
        env = {"BENCH_MAX_REQUESTS_PER_THREAD": str(max(1, max_requests // threads))}
        result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30, env=env, check=True)
    if ERRORS.search(result.stdout):
        raise RuntimeError(f"wrk saw failures against {url}:\n{result.stdout}")
    return Rate(float(RATE.search(result.stdout).group(1)), int(TOTAL.search(result.stdout).group(1)))
