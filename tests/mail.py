"""A real SMTP server (aiosmtpd) in the test process, keeping every message it receives."""

import re
import socket
import time
from email import message_from_bytes, policy
from email.message import EmailMessage as Message

from aiosmtpd.controller import Controller

LINK = re.compile(r"^(https?://\S+/reset/[A-Za-z0-9_-]+)\r?$", re.MULTILINE)


class Mailbox:
    """What an aiosmtpd handler received, with a way to wait for the next message."""

    def __init__(self):
        self.messages: list[Message] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        """Keep the message; aiosmtpd calls this once per mail."""
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def wait_for(self, count: int, timeout: float = 10) -> Message:
        """The ``count``-th message, once it has arrived."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count:
            assert time.monotonic() < deadline, f"only {len(self.messages)} message(s) arrived"
            time.sleep(0.02)
        return self.messages[count - 1]


def reset_link(message: Message) -> str:
    """The reset link, which the mail puts on a line of its own."""
    match = LINK.search(message.get_content())
    assert match, message.get_content()
    return match.group(1)


def start_smtp(mailbox: Mailbox) -> Controller:
    """Serve ``mailbox`` over SMTP on a free port of 127.0.0.1; stop it with ``.stop()``."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller
