"""Outgoing mail over SMTP, or printed whole to standard error when no server is configured."""

import logging
import smtplib
import sys
import threading
from email.message import EmailMessage

from flask import current_app

log = logging.getLogger(__name__)


def send(to: str, subject: str, body: str) -> threading.Thread:
    """Send a plain-text mail in the background, so the answer's timing says nothing about the account."""
    config = {key: current_app.config[key] for key in
              ("MAIL_SERVER", "MAIL_PORT", "MAIL_USER", "MAIL_PASSWORD", "MAIL_TLS", "MAIL_SENDER")}
    message = EmailMessage()
    message["From"] = config["MAIL_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    # 7bit keeps a long link on one line (quoted-printable would fold it); our text is ASCII.
    message.set_content(body, cte="7bit")
    thread = threading.Thread(target=_deliver, args=(config, message), daemon=True)
    thread.start()
    return thread


def _deliver(config: dict, message: EmailMessage) -> None:
    if not config["MAIL_SERVER"]:
        # The embedded default: the operator reads the mail (and its link) in the run command's output.
        print(f"----- mail not sent (no STEADY_MAIL_SERVER) -----\n{message}\n-----", file=sys.stderr, flush=True)
        return
    try:
        with _connect(config) as smtp:
            if config["MAIL_USER"]:
                # STEADY_* values are read as JSON, so a numeric password arrives as a number.
                smtp.login(str(config["MAIL_USER"]), str(config["MAIL_PASSWORD"] or ""))
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException):
        log.exception("Could not send mail to %s through %s", message["To"], config["MAIL_SERVER"])


def _connect(config: dict) -> smtplib.SMTP:
    host, port, tls = config["MAIL_SERVER"], int(config["MAIL_PORT"]), config["MAIL_TLS"]
    if tls == "ssl":
        return smtplib.SMTP_SSL(host, port, timeout=30)
    smtp = smtplib.SMTP(host, port, timeout=30)
    if tls == "starttls":
        smtp.starttls()
    return smtp
