"""The coach layer on PostgreSQL: its write lock, JSON columns and reference queries on the real server."""

import pytest
from flask_migrate import upgrade

from server.accounts.service import set_coach
from server.catalog.service import load_catalog
from server.extensions import db
from tests.coach.conftest import new_exercise
from tests.conftest import CONTENT_DIR, MEDIA_DIR, log_in, make_app, register_account
from tests.sync.conftest import Device, put, session_record


@pytest.mark.postgres
def test_publish_retire_delete_and_load_on_postgres(pg_url):
    app = make_app(pg_url)
    with app.app_context():
        upgrade()
        load_catalog(CONTENT_DIR, MEDIA_DIR)
    coach = register_account(app, "coach@example.com")
    with app.app_context():
        set_coach(coach.email, True)
    studio, runner = app.test_client(), app.test_client()
    log_in(studio, coach)
    try:
        built_in = runner.get("/api/catalog").get_json()["version"]
        studio.post("/api/coach/exercises", json=new_exercise())
        studio.post("/api/coach/exercises", json=new_exercise(slug="wall-sit-two", name="Wall sit two"))
        for slug in ("wall-sit", "wall-sit-two"):
            assert studio.post(f"/api/coach/exercises/{slug}/publish").status_code == 200
        device = Device(app, register_account(app))
        logged = session_record(entries=[{"exercise": "wall-sit", "side": "both", "seconds": 30}])
        assert device.push(put("session", logged)).get_json()["rejected"] == []
        assert studio.delete("/api/coach/exercises/wall-sit").get_json()["retired"] is True
        assert studio.delete("/api/coach/exercises/wall-sit-two").get_json() == {"slug": "wall-sit-two", "deleted": True}
        with app.app_context():
            assert not load_catalog(CONTENT_DIR, MEDIA_DIR).changed
        served = {e["slug"]: e for e in runner.get("/api/catalog").get_json()["exercises"]}
        assert served["wall-sit"]["retired"] is True and "wall-sit-two" not in served
        assert runner.get("/api/catalog").get_json()["version"] != built_in
    finally:
        with app.app_context():
            db.engine.dispose()
