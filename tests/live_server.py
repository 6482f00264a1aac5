"""A real HTTP server around a Flask app, in a thread, that a test can stop and restart."""

import threading

from werkzeug.serving import make_server


class LiveServer:
    """Serve an app on 127.0.0.1 at a fixed ephemeral port, so a restart keeps its URL."""

    def __init__(self, app, port: int = 0):
        self.app = app
        self.port = port
        self._server = None
        self._thread = None

    @property
    def url(self) -> str:
        """The base URL, without a trailing slash."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start serving (again) on the same port."""
        self._server = make_server("127.0.0.1", self.port, self.app, threaded=True)
        self.port = self._server.server_port
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop serving; connections are refused until start() is called again."""
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
            self._server = None
