"""With Redis as the store, a limit holds across gunicorn workers: a real redis-server, two real workers."""

import http.cookiejar
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import ROOT

REDIS = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError("timed out waiting")


@pytest.fixture
def redis_url(tmp_path):
    """A throwaway redis-server, started by this test and stopped by its pid."""
    port = free_port()
    process = subprocess.Popen(
        [REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )

    def answers():
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")

    wait_until(answers)
    yield f"redis://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def two_workers(redis_url, template_db, tmp_path):
    """``gunicorn -w 2 wsgi:app`` on the Redis store; yields its URL and its access log (pid per request)."""
    database = tmp_path / "steady.sqlite"
    shutil.copy(template_db, database)
    port, log = free_port(), tmp_path / "access.log"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "STEADY_RATELIMIT_STORAGE_URI": redis_url,
           "STEADY_SECRET_KEY": "two-workers-one-secret"}
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}",
         "--access-logfile", str(log), "--access-logformat", "%(p)s %(m)s %(U)s %(s)s", "wsgi:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until(lambda: urllib.request.urlopen(url + "/api/auth/csrf", timeout=5).status == 200)
    yield url, log
    process.terminate()
    process.wait(timeout=20)


class Browserless:
    """A cookie-keeping HTTP client; every request is a new connection, so either worker may take it."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def login(self, email):
        token = json.loads(self.opener.open(self.base + "/api/auth/csrf", timeout=30).read())["csrf_token"]
        request = urllib.request.Request(
            self.base + "/api/auth/login", method="POST",
            data=json.dumps({"email": email, "password": "not-the-password"}).encode(),
            headers={"Content-Type": "application/json", "X-CSRFToken": token},
        )
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        return response.status, dict(response.headers), response.read()


def login_pids(log: Path) -> list[str]:
    return [line.split()[0] for line in log.read_text().splitlines() if " POST /api/auth/login " in line]


def test_the_address_limit_is_counted_across_both_workers(two_workers):
    url, log = two_workers
    client = Browserless(url)
    # Two clients at once: while one worker is busy with an attempt the other must take the next,
    # so both serve some (one after another, an idle machine may hand every attempt to one worker).
    clients = [Browserless(url), Browserless(url)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        statuses = list(pool.map(lambda n: clients[n % 2].login(f"n{n}@example.com")[0], range(20)))
    assert statuses == [401] * 20
    wait_until(lambda: len(login_pids(log)) == 20, timeout=10)
    assert len(set(login_pids(log))) == 2, "both workers served some of the 20 attempts"
    status, headers, body = client.login("last@example.com")
    assert status == 429
    assert json.loads(body)["error"]["message"] == "Too many attempts from your network. Wait a minute and try again."
    assert 0 < int(headers["Retry-After"]) <= 60
