"""Forgotten passwords through a real SMTP server: one answer for everyone, single-use links, an hour."""

import time
from datetime import timedelta

from sqlalchemy import select, update

from server.accounts.models import PasswordReset, utc_now
from server.extensions import db
from tests.conftest import csrf_token, log_in
from tests.mail import LINK, reset_link

SAME_ANSWER = {"message": "If an account uses that email, a link to reset its password is on its way."}
NEW_PASSWORD = "found-it-again-2026"


def ask(client, email):
    return client.post("/api/auth/reset", json={"email": email}, headers={"X-CSRFToken": csrf_token(client)})


def use(client, link, password=NEW_PASSWORD):
    token = link.rsplit("/reset/", 1)[1]
    return client.post(f"/api/auth/reset/{token}", json={"password": password}, headers={"X-CSRFToken": csrf_token(client)})


def test_the_answer_is_the_same_for_an_account_and_for_nobody(client, user, mailbox):
    known, unknown, malformed = ask(client, user.email), ask(client, "nobody@example.com"), ask(client, "nobody")
    assert [r.status_code for r in (known, unknown, malformed)] == [202, 202, 202]
    assert known.get_json() == unknown.get_json() == malformed.get_json() == SAME_ANSWER
    message = mailbox.wait_for(1)
    assert message["To"] == user.email
    assert message["From"] == "Steady <steady@example.org>"
    assert message["Subject"] == "Reset your Steady password"
    assert len(mailbox.messages) == 1


def test_the_link_uses_the_configured_origin_not_the_host_header(client, user, mailbox):
    evil = "http://evil.example.com"
    token = client.get("/api/auth/csrf", base_url=evil).get_json()["csrf_token"]
    response = client.post("/api/auth/reset", json={"email": user.email}, base_url=evil, headers={"X-CSRFToken": token})
    assert response.status_code == 202
    link = reset_link(mailbox.wait_for(1))
    assert link.startswith("https://steady.example.org/reset/")
    assert "evil" not in mailbox.messages[0].as_string()


def test_a_reset_sets_the_password_and_signs_out_every_device(app, client, user, logged_in_client, mailbox):
    ask(client, user.email)
    response = use(client, reset_link(mailbox.wait_for(1)))
    assert response.status_code == 200
    assert response.get_json() == {"message": "Your password is changed. Log in with the new one."}
    assert logged_in_client.get("/api/auth/me").status_code == 401
    log_in(app.test_client(), user.__class__(user.id, user.email, NEW_PASSWORD))


def test_a_link_works_once(client, user, mailbox):
    ask(client, user.email)
    link = reset_link(mailbox.wait_for(1))
    assert use(client, link).status_code == 200
    again = use(client, link, "yet-another-phrase")
    assert again.status_code == 400
    assert again.get_json()["error"]["message"] == "This reset link has expired or was already used. Ask for a new one."


def test_using_one_link_voids_the_others(client, user, mailbox):
    ask(client, user.email)
    ask(client, user.email)
    first, second = reset_link(mailbox.wait_for(1)), reset_link(mailbox.wait_for(2))
    assert first != second
    assert use(client, second).status_code == 200
    assert use(client, first, "yet-another-phrase").status_code == 400


def test_a_link_is_valid_for_an_hour(app, client, user, mailbox):
    ask(client, user.email)
    link = reset_link(mailbox.wait_for(1))
    with app.app_context():
        expires = db.session.scalar(select(PasswordReset.expires_at))
        assert abs((expires.replace(tzinfo=None) - utc_now().replace(tzinfo=None)) - timedelta(hours=1)) < timedelta(minutes=1)
        db.session.execute(update(PasswordReset).values(expires_at=utc_now() - timedelta(seconds=1)))
        db.session.commit()
    response = use(client, link)
    assert response.status_code == 400
    assert response.get_json()["error"]["message"] == "This reset link has expired or was already used. Ask for a new one."
    log_in(app.test_client(), user)  # the old password still works


def test_a_weak_password_keeps_the_link_for_a_better_one(client, user, mailbox):
    ask(client, user.email)
    link = reset_link(mailbox.wait_for(1))
    weak = use(client, link, "short")
    assert weak.status_code == 400
    assert weak.get_json()["error"]["message"] == "Use at least 10 characters for your password."
    assert use(client, link).status_code == 200


def test_a_made_up_token_is_refused(client, user):
    response = client.post("/api/auth/reset/not-a-real-token", json={"password": NEW_PASSWORD},
                           headers={"X-CSRFToken": csrf_token(client)})
    assert response.status_code == 400
    assert response.get_json()["error"]["message"] == "This reset link has expired or was already used. Ask for a new one."


def test_with_no_mail_server_the_whole_message_goes_to_stderr(app, client, user, capfd):
    app.config["ORIGIN"] = "http://127.0.0.1:5000"
    ask(client, user.email)
    deadline = time.monotonic() + 10
    err = ""
    while "/reset/" not in err and time.monotonic() < deadline:
        time.sleep(0.05)
        err += capfd.readouterr().err
    assert f"To: {user.email}" in err
    assert "Subject: Reset your Steady password" in err
    link = LINK.search(err).group(1)
    assert link.startswith("http://127.0.0.1:5000/reset/")
    assert use(client, link).status_code == 200
