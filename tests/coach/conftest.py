"""Coach fixtures: a runner, a coach, and clients logged in as each."""

import pytest

from server.accounts.service import set_coach
from tests.conftest import log_in, register_account


@pytest.fixture
def coach(app):
    """A registered account the operator has made a coach."""
    account = register_account(app, "coach@example.com")
    with app.app_context():
        set_coach(account.email, True)
    return account


@pytest.fixture
def coach_client(app, coach):
    """A client logged in as ``coach``."""
    client = app.test_client()
    log_in(client, coach)
    return client
