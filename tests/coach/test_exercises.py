"""The studio's exercise endpoints: drafts runners never see, publish, edits of built-in cards."""

from tests.coach.conftest import new_exercise


def catalog(client) -> dict:
    return client.get("/api/catalog").get_json()


def test_a_created_exercise_is_a_draft_runners_cannot_see(client, coach_client):
    response = coach_client.post("/api/coach/exercises", json=new_exercise())
    assert response.status_code == 201
    item = response.get_json()
    assert (item["kind"], item["slug"], item["name"], item["built_in"]) == ("exercise", "wall-sit", "Wall sit", False)
    assert item["live"] is None and item["built_in_version"] is None and item["retired"] is False
    assert item["draft"]["steps"][1] == "Slide down until your thighs are level, and hold."
    assert item["draft"]["ladder"]["start"] == 30
    assert [a["action"] for a in item["history"]] == ["create"]
    assert "wall-sit" not in {e["slug"] for e in catalog(client)["exercises"]}
    assert client.get("/api/catalog/exercises/wall-sit").status_code == 404
    assert coach_client.get("/api/coach/exercises/wall-sit").get_json() == item


def test_publishing_serves_it_in_a_new_catalogue_version(client, coach_client):
    before = catalog(client)["version"]
    coach_client.post("/api/coach/exercises", json=new_exercise())
    response = coach_client.post("/api/coach/exercises/wall-sit/publish")
    assert response.status_code == 200
    item = response.get_json()
    after = catalog(client)
    assert item["catalog_version"] == after["version"] != before
    served = client.get("/api/catalog/exercises/wall-sit").get_json()
    assert served == item["live"] == next(e for e in after["exercises"] if e["slug"] == "wall-sit")
    assert served["video"] is None and served["retired"] is False and served["ladder"]["exercise"] == "wall-sit"
    assert item["draft"] is None
    assert [a["action"] for a in item["history"]] == ["publish", "create"]


def test_a_built_in_card_edited_keeps_its_clip_and_reverts(client, coach_client):
    card = client.get("/api/catalog/exercises/side-plank").get_json()
    body = {key: value for key, value in card.items() if key != "video"} | {"top_tip": "Stack the hips, then breathe."}
    saved = coach_client.put("/api/coach/exercises/side-plank", json=body)
    assert saved.status_code == 200, saved.get_json()
    assert saved.get_json()["live"] == card  # runners keep what is live until publish
    assert client.get("/api/catalog/exercises/side-plank").get_json() == card
    published = coach_client.post("/api/coach/exercises/side-plank/publish").get_json()
    served = client.get("/api/catalog/exercises/side-plank").get_json()
    assert served == card | {"top_tip": "Stack the hips, then breathe."}
    assert published["built_in_version"] == card
    listed = {e["slug"]: e for e in coach_client.get("/api/coach/exercises").get_json()["exercises"]}
    assert listed["side-plank"] == {"slug": "side-plank", "name": "Side plank", "built_in": True, "live": True,
                                    "has_draft": False, "retired": False, "changed": True}
    reverted = coach_client.post("/api/coach/exercises/side-plank/revert")
    assert reverted.status_code == 200
    assert client.get("/api/catalog/exercises/side-plank").get_json() == card
    assert catalog(client)["version"] == reverted.get_json()["catalog_version"]
    assert coach_client.post("/api/coach/exercises/side-plank/revert").status_code == 409


def test_devices_holding_the_old_version_get_the_new_one_and_then_304s(client, coach_client):
    old = client.get("/api/catalog")
    assert client.get("/api/catalog", headers={"If-None-Match": old.headers["ETag"]}).status_code == 304
    coach_client.post("/api/coach/exercises", json=new_exercise())
    coach_client.post("/api/coach/exercises/wall-sit/publish")
    fresh = client.get("/api/catalog", headers={"If-None-Match": old.headers["ETag"]})
    assert fresh.status_code == 200
    assert "wall-sit" in {e["slug"] for e in fresh.get_json()["exercises"]}
    assert fresh.headers["ETag"] != old.headers["ETag"]
    assert client.get("/api/catalog", headers={"If-None-Match": fresh.headers["ETag"]}).status_code == 304
    card = client.get("/api/catalog/exercises/wall-sit")
    assert card.headers["ETag"] == fresh.headers["ETag"]
