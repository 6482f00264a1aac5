"""A real app server for benches: gunicorn with two sync workers on a free 127.0.0.1 port.

    with serve(steady_app(database_uri)) as server:
        before = server.cpu_seconds()
        rate = wrk_rate(server.url + "/api/catalog")  # bench.load
        cpu_per_request = (server.cpu_seconds() - before) / rate.requests

``app`` is any gunicorn application spec: ``module:variable`` or a factory call with
literal arguments (``server:create_app({...})``). Nothing is reachable from outside.
"""

import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask_migrate import upgrade

from server import create_app
from server.catalog.service import load_catalog
# Clips are content-hashed and built incrementally: sharing the tests' folder means a bench never re-renders.
from tests.conftest import CONTENT_DIR, MEDIA_DIR

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
LISTENING = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")
START_SECONDS = 30


def steady_app(database_uri: str, **config) -> str:
    """The gunicorn spec of a Steady app on ``database_uri`` (plus any config overrides)."""
    settings = {"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": database_uri, "MEDIA_DIR": str(MEDIA_DIR), **config}
    return f"server:create_app({settings!r})"


def loaded_database(folder: str | Path) -> str:
    """A migrated SQLite database in ``folder`` with the catalogue loaded; returns its URI."""
    uri = f"sqlite:///{Path(folder) / 'bench.sqlite'}"
    app = create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": uri, "MEDIA_DIR": str(MEDIA_DIR)})
    with app.app_context():
        upgrade()
        load_catalog(CONTENT_DIR, MEDIA_DIR)
    return uri


class AppServer:
    """gunicorn serving ``app`` from a checkout (this one by default); port 0, so the master picks a free one."""

    def __init__(self, app: str, workers: int = 2, env: dict[str, str] | None = None, code: Path = ROOT):
        self.app, self.workers, self.env, self.code = app, workers, env or {}, Path(code)
        self.port: int | None = None
        self._process: subprocess.Popen | None = None
        self._log = None

    @property
    def pid(self) -> int:
        """The gunicorn master's process id (its workers are its children)."""
        return self._process.pid

    @property
    def url(self) -> str:
        """The base URL, without a trailing slash."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start gunicorn and return once every worker answers; raise with its log if it will not start."""
        self._log = tempfile.TemporaryFile(mode="w+")
        command = [str(GUNICORN), "--workers", str(self.workers), "--bind", "127.0.0.1:0",
                   "--log-level", "info", "--error-logfile", "-", self.app]
        self._process = subprocess.Popen(command, cwd=self.code, env={**os.environ, **self.env},
                                         stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + START_SECONDS
        while self.port is None or not self._answers():
            if self._process.poll() is not None or time.monotonic() > deadline:
                log = self._read_log()
                self.stop()
                raise RuntimeError(f"gunicorn did not start serving {self.app}:\n{log}")
            if self.port is None and (found := LISTENING.search(self._read_log())):
                self.port = int(found.group(1))
            time.sleep(0.1)
        # Each worker imports the app on its own; wait until both have booted.
        while self._read_log().count("Booting worker") < self.workers and time.monotonic() < deadline:
            time.sleep(0.1)

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the master and its workers have used so far.

        Counted per process, so it stays meaningful on a busy machine where requests per
        second mostly measure how often the scheduler lets the workers run.
        """
        return process_cpu_seconds(self._process.pid)

    def stop(self) -> None:
        """Stop the master and its workers (their own process group) and wait for them."""
        if self._process and self._process.poll() is None:
            os.killpg(self._process.pid, signal.SIGTERM)
            try:
                self._process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self._process.pid, signal.SIGKILL)
                self._process.wait()
        if self._log:
            self._log.close()
        self._process = self._log = None

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.url + "/", timeout=2):
                return True
        except urllib.error.HTTPError:
            return True  # any HTTP answer means it is serving
        except OSError:
            return False

    def _read_log(self) -> str:
        self._log.seek(0)
        return self._log.read()


@contextmanager
def serve(app: str, workers: int = 2, env: dict[str, str] | None = None, code: Path = ROOT) -> Iterator[AppServer]:
    """Serve ``app`` under gunicorn for the ``with`` block; yields the running server and always stops it.

    ``code`` is the checkout gunicorn imports the app from (this one by default; another,
    such as ``git archive main | tar -x -C DIR``, measures before and after in one run).
    """
    server = AppServer(app, workers, env, code)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def process_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of process ``pid`` and its children so far (gunicorn's or PostgreSQL's)."""
    return sum(_cpu_seconds(each) for each in (pid, *_children(pid)))


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _cpu_seconds(pid: int) -> float:
    try:
        # Fields 14 and 15 of /proc/PID/stat (after the parenthesised name): utime, stime in clock ticks.
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0  # a worker that exited between listing and reading
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
