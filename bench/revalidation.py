"""Revalidation cost under gunicorn -w 2: catalogue 304s against a trivial Flask JSON view (the floor).

One run serves Steady (SQLite, catalogue loaded) and bench/floor_app.py side by side, each
under the same gunicorn settings, and measures every target once per round in a rotating
order, so machine noise hits all of them alike. The goal: catalogue 304s at >= 0.8x the
floor's rate. Full gzip catalogue answers and the shell page are reported too.
"""

import argparse
import statistics
import sys
import tempfile
from contextlib import ExitStack, nullcontext
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.app_server import loaded_database, serve, steady_app  # noqa: E402
from bench.load import wrk_rate  # noqa: E402

GOAL = 0.8
GZIP = {"Accept-Encoding": "gzip"}
FLOOR, CATALOG_304, BEFORE_304 = "floor {ok: true}", "catalogue 304", "before: catalogue 304"


def probe(url: str, headers: dict[str, str]) -> tuple[int, dict[str, str]]:
    """One request's status and headers, to check a target answers what it claims to measure."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as answer:
        return answer.code, dict(answer.headers)


def targets(steady: str, floor: str, before: str | None) -> dict[str, tuple[str, dict[str, str]]]:
    """Each measured request (URL and headers), checked once for the status it must get."""
    _, catalogue = probe(steady + "/api/catalog", GZIP)
    _, page = probe(steady + "/", GZIP)
    chosen = {
        FLOOR: (floor + "/", {}),
        CATALOG_304: (steady + "/api/catalog", {**GZIP, "If-None-Match": catalogue["ETag"]}),
        "catalogue 200 gzip": (steady + "/api/catalog", GZIP),
        "page / 304": (steady + "/", {**GZIP, "If-None-Match": page["ETag"]}),
        "page / 200 gzip": (steady + "/", GZIP),
    }
    if before:
        chosen[BEFORE_304] = (before + "/api/catalog", chosen[CATALOG_304][1])
    for name, (url, headers) in chosen.items():
        status, answered = probe(url, headers)
        expected = 304 if "304" in name else 200
        assert status == expected, f"{name}: {status}, expected {expected}"
        assert expected == 304 or "gzip" not in name or answered.get("Content-Encoding") == "gzip", name
    return chosen


def main() -> None:
    """Print each target's median rate and server CPU per request, and the 304 / floor ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seconds", type=int, default=2, help="length of each measurement")
    parser.add_argument("--max-requests", type=int, default=20_000, help="cap on each measurement")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--before", type=Path, metavar="DIR",
                        help="also measure catalogue 304s served from another checkout (git archive main | tar -x -C DIR)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        database = loaded_database(folder)
        with ExitStack() as servers:
            steady = servers.enter_context(serve(steady_app(database)))
            floor = servers.enter_context(serve("bench.floor_app:app"))
            before = servers.enter_context(serve(steady_app(database), code=args.before) if args.before else nullcontext())
            chosen = targets(steady.url, floor.url, before and before.url)
            rates: dict[str, list[float]] = {name: [] for name in chosen}
            cpu: dict[str, list[float]] = {name: [] for name in chosen}

            def measure(name: str, seconds: int, max_requests: int) -> tuple[float, float]:
                """Requests per second, and server CPU microseconds per request."""
                url, headers = chosen[name]
                server = {FLOOR: floor, BEFORE_304: before}.get(name, steady)
                start = server.cpu_seconds()
                rate = wrk_rate(url, headers, seconds=seconds, max_requests=max_requests, connections=args.connections)
                return rate.requests_per_second, (server.cpu_seconds() - start) / rate.requests * 1e6

            for name in chosen:  # warm both workers of each server; not reported
                measure(name, 1, 500)
            names = list(chosen)
            for round_number in range(args.rounds):
                shift = round_number % len(names)
                for name in names[shift:] + names[:shift]:
                    rate, cpu_us = measure(name, args.seconds, args.max_requests)
                    rates[name].append(rate)
                    cpu[name].append(cpu_us)

    print(f"gunicorn -w 2 (sync), wrk -t1 -c{args.connections}, {args.rounds} rounds x {args.seconds} s, rotating order")
    print(f"  {'target':22} {'req/s median':>12} {'min':>7} {'max':>7}   {'server CPU us/request median':>28}")
    for name in chosen:
        values = rates[name]
        print(f"  {name:22} {statistics.median(values):12.0f} {min(values):7.0f} {max(values):7.0f}   "
              f"{statistics.median(cpu[name]):28.0f}")
    by_rate = [r / f for r, f in zip(rates[CATALOG_304], rates[FLOOR])]
    by_cpu = [f / c for c, f in zip(cpu[CATALOG_304], cpu[FLOOR])]
    ratio = statistics.median(by_rate)
    print(f"catalogue 304 / floor, req/s, median of per-round ratios: {ratio:.2f} "
          f"(rounds: {', '.join(f'{r:.2f}' for r in by_rate)}); goal >= {GOAL}: {'met' if ratio >= GOAL else 'NOT met'}")
    print(f"catalogue 304 / floor, by server CPU per request (floor CPU / 304 CPU): {statistics.median(by_cpu):.2f} "
          f"(rounds: {', '.join(f'{r:.2f}' for r in by_cpu)})")
    if BEFORE_304 in rates:
        before_ratio = statistics.median(r / f for r, f in zip(rates[BEFORE_304], rates[FLOOR]))
        print(f"before: catalogue 304 / floor, req/s, median of per-round ratios: {before_ratio:.2f}")


if __name__ == "__main__":
    main()
