"""Retire, delete and restore; routines; clips attached by the upload jobs; what runners can and cannot reach."""

import uuid

import pytest

from server.accounts.models import User
from server.coach.catalogue import NotFound, attach_clip
from server.coach.references import references_to
from server.extensions import db
from tests.coach.conftest import new_exercise, new_routine
from tests.conftest import register_account
from tests.sync.conftest import Device, level_record, put, routine_record, session_record

CLIP = {"src": "/media/wall-sit.coach-0123456789ab.mp4", "poster": "/media/wall-sit.coach-0123456789ab.jpg",
        "duration_s": 6.0, "bytes": 1000, "width": 480, "height": 480, "side": "both", "origin": "coach"}


def catalog(client) -> dict:
    return client.get("/api/catalog").get_json()


def served(client, slug: str, kind: str = "exercises") -> dict | None:
    return next((item for item in catalog(client)[kind] if item["slug"] == slug), None)


def published(coach_client, body: dict, kinds: str = "exercises") -> dict:
    assert coach_client.post(f"/api/coach/{kinds}", json=body).status_code == 201
    response = coach_client.post(f"/api/coach/{kinds}/{body['slug']}/publish")
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def clip_for(app, coach, slug: str, video: dict = CLIP) -> None:
    with app.app_context():
        attach_clip(slug, video, db.session.get(User, coach.id))


def test_an_existing_slug_cannot_be_created_twice(coach_client):
    assert coach_client.post("/api/coach/exercises", json=new_exercise(slug="plank")).status_code == 409
    coach_client.post("/api/coach/exercises", json=new_exercise())
    response = coach_client.post("/api/coach/exercises", json=new_exercise())
    assert response.status_code == 409
    assert response.get_json()["error"]["message"] == "There is already an exercise called 'wall-sit'."


def test_publish_without_a_draft_and_unknown_slugs(coach_client):
    response = coach_client.post("/api/coach/exercises/plank/publish")
    assert response.status_code == 409
    assert response.get_json()["error"]["message"] == "'plank' has no draft to publish: save one first."
    for method, path in (("GET", ""), ("PUT", ""), ("POST", "/publish"), ("DELETE", ""), ("POST", "/restore")):
        assert coach_client.open(f"/api/coach/exercises/moonwalk{path}", method=method,
                                 json=new_exercise(slug="moonwalk")).status_code == 404
    coach_client.post("/api/coach/exercises", json=new_exercise())
    assert coach_client.post("/api/coach/exercises/wall-sit/revert").status_code == 409


def test_a_runner_never_reaches_a_draft(app, client, coach_client):
    coach_client.post("/api/coach/exercises", json=new_exercise())
    assert served(client, "wall-sit") is None
    assert client.get("/api/catalog/exercises/wall-sit").status_code == 404
    device = Device(app, register_account(app))
    answer = device.push(put("session", session_record(entries=[{"exercise": "wall-sit", "side": "both",
                                                                 "seconds": 30}]))).get_json()
    assert answer["rejected"][0]["reason"] == "entries.0.exercise: This exercise is not in the catalogue."
    published(coach_client, new_exercise(slug="wall-sit-two", name="Wall sit two"))
    answer = device.push(put("session", session_record(entries=[{"exercise": "wall-sit-two", "side": "both",
                                                                 "seconds": 30}]))).get_json()
    assert answer["rejected"] == []


def test_a_clip_on_a_live_exercise_is_served_at_once_and_kept_by_edits(app, client, coach, coach_client):
    published(coach_client, new_exercise())
    version = catalog(client)["version"]
    clip_for(app, coach, "wall-sit")
    assert served(client, "wall-sit")["video"] == CLIP and catalog(client)["version"] != version
    coach_client.put("/api/coach/exercises/wall-sit", json=new_exercise(top_tip="Press the back into the wall."))
    coach_client.post("/api/coach/exercises/wall-sit/publish")
    assert served(client, "wall-sit")["video"] == CLIP
    assert served(client, "wall-sit")["top_tip"] == "Press the back into the wall."
    history = coach_client.get("/api/coach/exercises/wall-sit").get_json()["history"]
    assert [a["action"] for a in history] == ["publish", "edit", "upload", "publish", "create"]


def test_a_clip_on_a_draft_waits_for_publish(app, client, coach, coach_client):
    coach_client.post("/api/coach/exercises", json=new_exercise())
    version = catalog(client)["version"]
    clip_for(app, coach, "wall-sit")
    assert catalog(client)["version"] == version
    coach_client.post("/api/coach/exercises/wall-sit/publish")
    assert served(client, "wall-sit")["video"] == CLIP


def test_a_clip_for_an_unknown_exercise_is_refused(app, coach):
    with pytest.raises(NotFound):
        clip_for(app, coach, "moonwalk")


def test_an_exercise_nothing_names_is_deleted_for_good(client, coach_client):
    published(coach_client, new_exercise())
    response = coach_client.delete("/api/coach/exercises/wall-sit")
    assert response.get_json() == {"slug": "wall-sit", "deleted": True}
    assert served(client, "wall-sit") is None
    assert coach_client.get("/api/coach/exercises/wall-sit").status_code == 404
    assert coach_client.post("/api/coach/exercises", json=new_exercise()).status_code == 201


def test_a_built_in_exercise_is_retired_not_deleted(client, coach_client):
    response = coach_client.delete("/api/coach/exercises/towel-curls")
    assert response.status_code == 200
    assert response.get_json()["retired"] is True
    assert served(client, "towel-curls")["retired"] is True
    listed = {e["slug"]: e for e in coach_client.get("/api/coach/exercises").get_json()["exercises"]}
    assert listed["towel-curls"]["retired"] is True
    restored = coach_client.post("/api/coach/exercises/towel-curls/restore")
    assert restored.status_code == 200 and restored.get_json()["retired"] is False
    assert served(client, "towel-curls")["retired"] is False
    assert coach_client.post("/api/coach/exercises/towel-curls/restore").status_code == 409


@pytest.mark.parametrize("record, source", [
    (("session", session_record(entries=[{"exercise": "wall-sit", "side": "both", "seconds": 30}])),
     "a runner's session"),
    (("routine", routine_record(items=[{"exercise": "wall-sit", "reps": None, "reps_min": None, "hold_seconds": None,
                                        "work_seconds": 30}])), "a runner's own routine"),
    (("level", level_record(exercise="wall-sit", dose=30, rung=0)), "a runner's level"),
])
def test_an_exercise_a_runner_logged_is_retired_and_stays_valid(app, client, coach_client, record, source):
    published(coach_client, new_exercise())
    runner = Device(app, register_account(app))
    entity, data = record
    entity_id = str(uuid.uuid5(runner.account.id, "level:wall-sit")) if entity == "level" else None
    assert runner.push(put(entity, data, entity_id)).get_json()["rejected"] == []
    with app.app_context():
        assert references_to("exercise", "wall-sit") == [source]
    item = coach_client.delete("/api/coach/exercises/wall-sit").get_json()
    assert item["retired"] is True and item["history"][0]["detail"]["named_by"] == [source]
    assert served(client, "wall-sit")["retired"] is True
    assert client.get("/api/catalog/exercises/wall-sit").get_json()["retired"] is True
    # Nothing a runner logged becomes invalid: a new session naming it still syncs.
    again = runner.push(put("session", session_record(entries=[{"exercise": "wall-sit", "side": "both",
                                                                "seconds": 40}]))).get_json()
    assert again["rejected"] == []
    exported = runner.http.get("/api/account/export").get_json()
    assert any(entry["exercise"] == "wall-sit" for session in exported["sessions"] for entry in session["entries"])


def test_routines_publish_retire_and_keep_a_retired_exercise(client, coach_client):
    published(coach_client, new_exercise())
    body = new_routine(items=[{"exercise": "plank"}, {"exercise": "wall-sit"}])
    routine = published(coach_client, body, "routines")
    assert routine["live"] == served(client, "quick-core", "routines")
    assert [item["exercise"] for item in routine["live"]["items"]] == ["plank", "wall-sit"]
    # The routine names it, so it is retired; the routine may keep it, a new one may not take it up.
    assert coach_client.delete("/api/coach/exercises/wall-sit").get_json()["retired"] is True
    kept = coach_client.put("/api/coach/routines/quick-core", json=body | {"rounds": 3})
    assert kept.status_code == 200, kept.get_json()
    refused = coach_client.post("/api/coach/routines", json=new_routine(slug="other", name="Other one",
                                                                         items=[{"exercise": "wall-sit"}]))
    assert refused.get_json() == {"error": {"status": 400, "message": "'wall-sit' is retired: a routine may keep it, "
                                                                      "not take it up"}, "field": "items.0.exercise"}
    assert coach_client.post("/api/coach/routines/quick-core/publish").status_code == 200
    assert served(client, "quick-core", "routines")["rounds"] == 3
    assert coach_client.delete("/api/coach/routines/quick-core").get_json() == {"slug": "quick-core", "deleted": True}


def test_a_built_in_routine_edited_then_reverted(client, coach_client):
    before = served(client, "back-and-core-circuit", "routines")
    body = {key: value for key, value in before.items() if key != "retired"} | {"rounds": 4}
    assert coach_client.put("/api/coach/routines/back-and-core-circuit", json=body).status_code == 200
    assert served(client, "back-and-core-circuit", "routines") == before
    coach_client.post("/api/coach/routines/back-and-core-circuit/publish")
    assert served(client, "back-and-core-circuit", "routines") == before | {"rounds": 4}
    coach_client.post("/api/coach/routines/back-and-core-circuit/revert")
    assert served(client, "back-and-core-circuit", "routines") == before
    retired = coach_client.delete("/api/coach/routines/back-and-core-circuit").get_json()
    assert retired["retired"] is True and retired["built_in"] is True
