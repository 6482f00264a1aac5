"""Programs in the studio: the routines' contract (drafts, publish, revert, retire or delete, restore), enrolments as references."""

import uuid

from server.catalog.service import load_catalog
from tests.coach.conftest import new_program, new_routine
from tests.coach.test_layer_load import copied_content
from tests.coach.test_lifecycle import catalog, published, served
from tests.conftest import MEDIA_DIR, register_account
from tests.sync.conftest import Device, enrolment_record, put

SHIPPED = "core-and-balance-foundations"


def program(client, slug: str) -> dict | None:
    return served(client, slug, "programs")


def enrol(app, slug: str) -> None:
    runner = Device(app, register_account(app))
    record = put("enrolment", enrolment_record(program=slug), str(uuid.uuid5(runner.account.id, f"enrolment:{slug}")))
    assert runner.push(record).get_json()["rejected"] == []


def test_a_draft_program_is_not_served_until_published(client, coach_client):
    version = catalog(client)["version"]
    created = coach_client.post("/api/coach/programs", json=new_program())
    assert created.status_code == 201
    assert created.get_json()["draft"] == new_program() | {"weeks": [
        new_program()["weeks"][0], {"sessions": [{"routine": "back-and-core-circuit", "doses": {}},
                                                 {"routine": "after-a-run", "doses": {}}]}]}
    assert program(client, "two-week-start") is None and catalog(client)["version"] == version
    item = coach_client.post("/api/coach/programs/two-week-start/publish").get_json()
    assert item["live"] == program(client, "two-week-start") and item["live"]["retired"] is False
    assert item["catalog_version"] == catalog(client)["version"] != version
    assert [a["action"] for a in item["history"]] == ["publish", "create"]
    listed = {p["slug"]: p for p in coach_client.get("/api/coach/programs").get_json()["programs"]}
    assert listed["two-week-start"] == {"slug": "two-week-start", "name": "Two-week start", "built_in": False,
                                        "live": True, "has_draft": False, "retired": False, "changed": False}
    assert listed[SHIPPED]["built_in"] is True
    # Served in file-name order, as a load of the exported files would give.
    assert [p["slug"] for p in catalog(client)["programs"]] == [SHIPPED, "two-week-start"]


def test_conflicts(coach_client):
    taken = coach_client.post("/api/coach/programs", json=new_program(slug=SHIPPED))
    assert taken.status_code == 409
    assert taken.get_json()["error"]["message"] == f"There is already a program called '{SHIPPED}'."
    assert coach_client.post(f"/api/coach/programs/{SHIPPED}/publish").status_code == 409
    assert coach_client.post(f"/api/coach/programs/{SHIPPED}/revert").status_code == 409
    assert coach_client.post(f"/api/coach/programs/{SHIPPED}/restore").status_code == 409
    coach_client.post("/api/coach/programs", json=new_program())
    reverted = coach_client.post("/api/coach/programs/two-week-start/revert")
    assert reverted.get_json()["error"]["message"] == "'two-week-start' has no built-in version to go back to."
    assert coach_client.post("/api/coach/programs", json=new_program()).status_code == 409
    for method, path in (("GET", ""), ("PUT", ""), ("POST", "/publish"), ("DELETE", ""), ("POST", "/restore")):
        assert coach_client.open(f"/api/coach/programs/moonwalk{path}", method=method,
                                 json=new_program(slug="moonwalk")).status_code == 404


def test_a_built_in_program_edited_then_reverted(client, coach_client):
    before = program(client, SHIPPED)
    body = {key: value for key, value in before.items() if key != "retired"} | {"name": "Core & balance, five weeks"}
    assert coach_client.put(f"/api/coach/programs/{SHIPPED}", json=body).status_code == 200
    assert program(client, SHIPPED) == before
    published_item = coach_client.post(f"/api/coach/programs/{SHIPPED}/publish").get_json()
    assert program(client, SHIPPED) == before | {"name": "Core & balance, five weeks"}
    assert published_item["built_in_version"]["name"] == "Core & balance foundations"
    listed = {p["slug"]: p for p in coach_client.get("/api/coach/programs").get_json()["programs"]}
    assert listed[SHIPPED]["changed"] is True
    reverted = coach_client.post(f"/api/coach/programs/{SHIPPED}/revert").get_json()
    assert program(client, SHIPPED) == before and reverted["catalog_version"] == catalog(client)["version"]
    assert [a["action"] for a in reverted["history"]] == ["revert", "publish", "edit"]


def test_a_program_may_name_a_coach_routine_once_it_is_published(client, coach_client):
    coach_client.post("/api/coach/routines", json=new_routine())
    body = new_program(weeks=[{"sessions": [{"routine": "quick-core", "doses": {"plank": {"seconds": 20}}}]}])
    refused = coach_client.post("/api/coach/programs", json=body)
    assert refused.status_code == 400 and refused.get_json()["field"] == "weeks.0.sessions.0.routine"
    coach_client.post("/api/coach/routines/quick-core/publish")
    published(coach_client, body, "programs")
    assert program(client, "two-week-start")["weeks"][0]["sessions"][0]["routine"] == "quick-core"
    # The program names the routine now, so the routine is retired, not deleted.
    retired = coach_client.delete("/api/coach/routines/quick-core").get_json()
    assert retired["retired"] is True and retired["history"][0]["detail"]["named_by"] == ["a program"]
    # The program may keep its retired routine; a new one may not take it up.
    assert coach_client.put("/api/coach/programs/two-week-start", json=body | {"name": "Kept"}).status_code == 200
    other = coach_client.post("/api/coach/programs", json=body | {"slug": "other-start"})
    assert other.get_json() == {"error": {"status": 400, "message": "'quick-core' is retired: a program may keep it, "
                                                                    "not take it up"},
                                "field": "weeks.0.sessions.0.routine"}


def test_a_program_nobody_enrolled_in_is_deleted_for_good(client, coach_client):
    published(coach_client, new_program(), "programs")
    version = catalog(client)["version"]
    assert coach_client.delete("/api/coach/programs/two-week-start").get_json() == {
        "slug": "two-week-start", "deleted": True}
    assert program(client, "two-week-start") is None and catalog(client)["version"] != version
    assert coach_client.get("/api/coach/programs/two-week-start").status_code == 404
    history = coach_client.get("/api/coach/actions").get_json()["actions"]
    assert [(a["kind"], a["action"]) for a in history][:1] == [("program", "delete")]


def test_a_program_a_runner_enrolled_in_is_retired_and_still_served(app, client, coach_client):
    published(coach_client, new_program(), "programs")
    enrol(app, "two-week-start")
    version = catalog(client)["version"]
    item = coach_client.delete("/api/coach/programs/two-week-start").get_json()
    assert item["retired"] is True and item["history"][0]["detail"]["named_by"] == ["a runner's enrolment"]
    assert program(client, "two-week-start")["retired"] is True and catalog(client)["version"] != version
    restored = coach_client.post("/api/coach/programs/two-week-start/restore").get_json()
    assert restored["retired"] is False and program(client, "two-week-start")["retired"] is False
    assert [a["action"] for a in restored["history"]] == ["restore", "retire", "publish", "create"]


def test_a_built_in_program_is_retired_not_deleted(client, coach_client):
    retired = coach_client.delete(f"/api/coach/programs/{SHIPPED}").get_json()
    assert retired["retired"] is True and retired["built_in"] is True
    assert retired["history"][0]["detail"]["named_by"] == ["the built-in catalogue"]
    assert program(client, SHIPPED)["retired"] is True
    assert coach_client.post(f"/api/coach/programs/{SHIPPED}/restore").get_json()["retired"] is False


def test_a_load_keeps_the_program_layer(app, client, coach_client, tmp_path):
    shipped = program(client, SHIPPED)
    body = {key: value for key, value in shipped.items() if key != "retired"} | {"name": "Core & balance, five weeks"}
    coach_client.put(f"/api/coach/programs/{SHIPPED}", json=body)
    coach_client.post(f"/api/coach/programs/{SHIPPED}/publish")
    published(coach_client, new_program(), "programs")
    coach_client.post("/api/coach/programs", json=new_program(slug="draft-start", name="Draft start"))
    content = copied_content(tmp_path)
    file = content / "programs" / f"{SHIPPED}.toml"
    file.write_text(file.read_text().replace('name = "Core & balance foundations"', 'name = "Core and balance"'))
    with app.app_context():
        assert load_catalog(content, MEDIA_DIR).changed
    assert program(client, SHIPPED)["name"] == "Core & balance, five weeks"  # the coach's, not the new file's
    assert program(client, "two-week-start")["name"] == "Two-week start"
    assert program(client, "draft-start") is None
    assert coach_client.get("/api/coach/programs/draft-start").get_json()["draft"]["name"] == "Draft start"
    reverted = coach_client.post(f"/api/coach/programs/{SHIPPED}/revert").get_json()
    assert reverted["live"] == shipped | {"name": "Core and balance"}
