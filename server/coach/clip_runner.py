"""The background thread that runs clip jobs: one per app process, started on demand.

It is started by the requests that need it (an upload, a look at a job), not by ``create_app``:
the factory also runs for every CLI command (``flask db upgrade`` on a database without the jobs
table, ``catalog load``) and in a server's parent process before it forks its workers, where a
thread would not survive the fork. Started lazily, each serving process gets its own runner, and a
job left queued or interrupted by a restart is picked up as soon as a coach opens the studio.
The thread ends once no job is queued or running anywhere, so an idle process holds no thread.
"""

import logging
import os
import threading

from flask import Flask, current_app

from server.coach.clip_jobs import run_pending_jobs, unfinished_jobs

log = logging.getLogger(__name__)
_creating = threading.Lock()
GIVE_UP_AFTER = 5  # failures in a row (the database is down): stop until the next nudge


class ClipRunner:
    """Runs pending jobs on its own thread until none is left, then stops until nudged again."""

    def __init__(self, app: Flask):
        self.app, self.pid = app, os.getpid()
        self._lock, self._wake = threading.Lock(), threading.Event()
        self.thread: threading.Thread | None = None

    def nudge(self) -> None:
        """Look for work now, starting the thread if it is not running."""
        with self._lock:
            self._wake.set()
            if self.thread is None:
                self.thread = threading.Thread(target=self._loop, name="clip-jobs", daemon=True)
                self.thread.start()

    def _loop(self) -> None:
        failures = 0
        while True:
            self._wake.clear()
            with self.app.app_context():
                try:
                    run_pending_jobs()
                    waiting, failures = unfinished_jobs(), 0  # running in another process: recover it if that dies
                except Exception:
                    failures += 1
                    log.exception("the clip job runner failed (%d in a row)", failures)
                    waiting = failures < GIVE_UP_AFTER  # the next nudge starts it again
            with self._lock:
                if not waiting and not self._wake.is_set():
                    self.thread = None
                    return
            self._wake.wait(self.app.config["COACH_JOB_POLL_SECONDS"])


def nudge_runner() -> None:
    """Make this process's runner look for work (unless jobs are left to ``run_pending_jobs``, as tests do)."""
    app = current_app._get_current_object()
    if not app.config["COACH_JOBS_IN_BACKGROUND"]:
        return
    with _creating:
        runner = app.extensions.get("clip_runner")
        if runner is None or runner.pid != os.getpid():  # a forked worker gets its own
            runner = app.extensions["clip_runner"] = ClipRunner(app)
    runner.nudge()
