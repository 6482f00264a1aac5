"""App processes starting together (gunicorn's workers) build the bundles one at a time."""

import fcntl
import subprocess
import sys
import time

from tests.conftest import ROOT, copy_frontend

START_AN_APP = """
import sys
from server import create_app
create_app({"SECRET_KEY": "build", "SQLALCHEMY_DATABASE_URI": "sqlite://", "FRONTEND_DIR": sys.argv[1]})
"""


def test_an_app_waits_for_another_process_building_the_bundles(tmp_path):
    frontend = copy_frontend(tmp_path)
    (frontend / "gen").mkdir()
    with open(frontend / "gen" / ".build-lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as a worker that is building would
        app = subprocess.Popen([sys.executable, "-c", START_AN_APP, str(frontend)], cwd=ROOT)
        time.sleep(2)
        waiting = app.poll() is None
        built_meanwhile = (frontend / "gen" / "manifest.json").exists()
        fcntl.flock(lock, fcntl.LOCK_UN)
    try:
        assert waiting and not built_meanwhile, "it did not wait for the lock"
        assert app.wait(timeout=120) == 0
    finally:
        app.kill()
    assert (frontend / "gen" / "manifest.json").exists()


def test_an_app_whose_build_lock_cannot_be_opened_still_starts(tmp_path):
    # As on a read-only front end whose bundles were built beforehand (root ignores file modes, so the
    # lock is made unopenable instead): nothing needs building, so nothing needs the lock.
    frontend = copy_frontend(tmp_path)
    subprocess.run([sys.executable, "-c", START_AN_APP, str(frontend)], cwd=ROOT, check=True)
    (frontend / "gen" / ".build-lock").unlink()
    (frontend / "gen" / ".build-lock").mkdir()
    started = subprocess.run([sys.executable, "-c", START_AN_APP, str(frontend)], cwd=ROOT, capture_output=True, text=True)
    assert started.returncode == 0, started.stderr
