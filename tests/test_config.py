"""What an operator configures: the secret, the public origin, trusted hosts, bundle building."""

import pytest

from server import create_app
from server.config import DEV_SECRET_KEY

NO_SECRET = (
    "SECRET_KEY is not set: export STEADY_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
    " or put SECRET_KEY in instance/config.py (make run writes one)."
)


@pytest.fixture
def production(tmp_path, monkeypatch):
    """Settings as a production start sees them: no debug, no testing, no STEADY_* left over."""
    for name in ("STEADY_SECRET_KEY", "STEADY_ORIGIN", "STEADY_TRUSTED_HOSTS", "STEADY_DEBUG", "STEADY_TESTING"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    return {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite'}", "MEDIA_DIR": str(tmp_path / "media")}


@pytest.mark.parametrize("secret", [DEV_SECRET_KEY, None, ""])
def test_refuses_to_start_without_a_real_secret(production, secret):
    with pytest.raises(RuntimeError) as refused:
        create_app({**production, "SECRET_KEY": secret})
    assert str(refused.value) == NO_SECRET


def test_refuses_the_built_in_key_when_nothing_sets_one(production):
    with pytest.raises(RuntimeError, match="^SECRET_KEY is not set"):
        create_app(production)


@pytest.mark.parametrize("mode", [{"DEBUG": True}, {"TESTING": True}])
def test_the_development_key_is_fine_in_debug_and_testing(production, mode):
    assert create_app({**production, **mode}).config["SECRET_KEY"] == DEV_SECRET_KEY


def test_settings_come_from_steady_variables(production, monkeypatch):
    monkeypatch.setenv("STEADY_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("STEADY_ORIGIN", "https://steady.example")
    monkeypatch.setenv("STEADY_TRUSTED_HOSTS", '["steady.example"]')
    app = create_app(production)
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert app.config["ORIGIN"] == "https://steady.example"
    assert app.config["TRUSTED_HOSTS"] == ["steady.example"]


def test_redirects_name_the_configured_origin_not_the_host_header(app):
    response = app.test_client().get("/routines//new", headers={"Host": "evil.example"})
    assert response.status_code == 308
    assert response.headers["Location"] == "http://127.0.0.1:5000/routines/new"


def test_redirects_follow_steady_origin(production, monkeypatch):
    monkeypatch.setenv("STEADY_ORIGIN", "http://steady.example")
    app = create_app({**production, "TESTING": True})
    response = app.test_client().get("/routines//new", headers={"Host": "evil.example"})
    assert response.headers["Location"] == "http://steady.example/routines/new"


@pytest.mark.parametrize(("host", "status"), [("steady.example", 200), ("evil.example", 400)])
def test_trusted_hosts_refuse_any_other_host(app, host, status):
    app.config["TRUSTED_HOSTS"] = ["steady.example"]
    assert app.test_client().get("/", headers={"Host": host}).status_code == status


@pytest.mark.parametrize(("mode", "auto_build"), [({"DEBUG": True}, True), ({"TESTING": True}, False)])
def test_bundles_rebuild_on_requests_only_in_debug(production, mode, auto_build):
    app = create_app({**production, **mode})
    assert app.extensions["assets"].auto_build is auto_build
