"""A lie-fi connection: a local HTTP proxy that answers every request, but only after a delay.

The browser talks to the proxy's origin; the proxy fetches from the app at once and holds the
answer `delay` seconds before sending it, like one bar of signal in a gym basement. Requests
whose path `drop` matches lose their connection with no answer, like signal lost mid-download.
"""

import http.client
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
              "proxy-authorization", "proxy-authenticate", "content-length"}


class LiefiProxy:
    """Forward 127.0.0.1:<port> to `upstream` (host, port), holding each response `delay` seconds."""

    def __init__(self, upstream_port: int, delay: float = 0.0):
        self.upstream_port = upstream_port
        self.delay = delay
        self.drop: Callable[[str], bool] | None = None
        self.requests: list[str] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The origin the browser should use, without a trailing slash."""
        return f"http://127.0.0.1:{self._server.server_port}"

    def start(self) -> "LiefiProxy":
        """Start forwarding."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop forwarding and close the listening socket."""
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet: tests and benches print their own lines
                pass

            def _forward(self):
                held_until = time.monotonic() + proxy.delay
                proxy.requests.append(self.path)
                if proxy.drop and proxy.drop(self.path):
                    self.close_connection = True  # no status line at all: the browser's fetch fails
                    return
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                upstream = http.client.HTTPConnection("127.0.0.1", proxy.upstream_port, timeout=30)
                try:
                    upstream.request(self.command, self.path, body=body, headers=headers)
                    answer = upstream.getresponse()
                    payload = answer.read()
                finally:
                    upstream.close()
                time.sleep(max(0.0, held_until - time.monotonic()))
                self.send_response(answer.status, answer.reason)
                for key, value in answer.getheaders():
                    if key.lower() not in HOP_BY_HOP:
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    try:
                        self.wfile.write(payload)
                    except (BrokenPipeError, ConnectionResetError):
                        pass  # the browser moved on (a new navigation) while the answer crawled

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward

        return Handler
