"""A bad body is refused with the loader's own message on the field, and nothing is stored."""

import shutil

import pytest

from server.catalog.content import CatalogInvalid, read_catalog
from tests.coach.conftest import new_exercise, new_program, new_routine
from tests.conftest import CONTENT_DIR


def without(body: dict, key: str) -> dict:
    return {k: v for k, v in body.items() if k != key}


BAD_EXERCISES = [
    (["not", "an", "object"], "", "Send a JSON object."),
    (without(new_exercise(), "slug"), "slug", "Field required"),
    (new_exercise(slug="Wall Sit"), "slug", "must be a slug like 'side-plank'"),
    (new_exercise(video={"src": "/media/x.mp4"}), "video", "Clips are uploaded, not edited."),
    (without(new_exercise(), "summary"), "summary", "Field required"),
    (new_exercise(steps=["One.", "Two.", "x"]), "steps.2", "String should have at least 2 characters"),
    (new_exercise(tags=["arms"]), "tags.0",
     "Input should be 'core', 'balance', 'hips', 'feet-ankles' or 'trail'"),
    (new_exercise(prescription={"sets": 2}), "prescription", "give exactly one of reps, hold_seconds or work_seconds"),
    (new_exercise(colour="red"), "colour", "Extra inputs are not permitted"),
    (new_exercise(sources=["a-blog"]), "sources.0", "no source 'a-blog' in sources.toml"),
    (new_exercise(easier=[{"exercise": "handstand", "note": "Against a wall."}]), "easier.0.exercise",
     "no exercise 'handstand'"),
    (new_exercise(name="Side plank"), "name", "'Side plank' is already the name of exercise 'side-plank'"),
    (new_exercise(ladder={"dose": "reps", "low": 5, "high": 10, "step": 1, "rungs": [{"label": "Flat"}]}),
     "ladder.dose", "the card prescribes seconds, so the ladder climbs seconds"),
    (new_exercise(ladder={"dose": "seconds", "low": 20, "high": 55, "step": 10, "rungs": [{"label": "Flat"}]}),
     "ladder", "steps of 10 from 20 never reach 55"),
    (new_exercise(ladder={"dose": "seconds", "low": 20, "high": 60, "step": 10, "rungs": [{"label": "x"}]}),
     "ladder.rungs.0.label", "String should have at least 2 characters"),
]

BAD_ROUTINES = [
    (new_routine(format="amrap"), "format", "Input should be 'circuit' or 'sets'"),
    (new_routine(items=[{"exercise": "plank", "reps": 5, "hold_seconds": 5}]), "items.0",
     "give at most one of reps, hold_seconds or work_seconds"),
    (new_routine(work_seconds=None, items=[{"exercise": "plank", "reps": 5}, {"exercise": "side-plank"}]), "",
     "items.1 has no target and the routine sets no work_seconds"),
    (new_routine(items=[{"exercise": "plank"}, {"exercise": "handstand"}]), "items.1.exercise",
     "no exercise 'handstand'"),
    (new_routine(rounds=0), "rounds", "Input should be greater than or equal to 1"),
]


def session(routine: str, **doses) -> dict:
    return {"weeks": [{"sessions": [{"routine": routine, "doses": doses}]}]}


BAD_PROGRAMS = [
    (without(new_program(), "weeks"), "weeks", "Field required"),
    (new_program(weeks=[]), "weeks", "List should have at least 1 item after validation, not 0"),
    (new_program(weeks=[{"sessions": []}]), "weeks.0.sessions",
     "List should have at least 1 item after validation, not 0"),
    (new_program(**session("moonwalk-circuit")), "weeks.0.sessions.0.routine", "no routine 'moonwalk-circuit'"),
    (new_program(**session("core-and-balance-pair", plank={"reps": 5})), "weeks.0.sessions.0.doses.plank",
     "'core-and-balance-pair' has no exercise 'plank'"),
    (new_program(**session("core-and-balance-pair", **{"single-leg-balance": {"reps": 5}})),
     "weeks.0.sessions.0.doses.single-leg-balance", "the routine counts this exercise in seconds"),
    (new_program(**session("core-and-balance-pair", **{"single-leg-balance": {"seconds": 0}})),
     "weeks.0.sessions.0.doses.single-leg-balance.seconds", "Input should be greater than or equal to 1"),
    (new_program(**session("core-and-balance-pair", **{"single-leg-balance": {}})),
     "weeks.0.sessions.0.doses.single-leg-balance", "give exactly one of reps or seconds"),
    (new_program(sources=["a-blog"]), "sources.0", "no source 'a-blog' in sources.toml"),
    (new_program(tags=["arms"]), "tags.0", "Input should be 'core', 'balance', 'hips', 'feet-ankles' or 'trail'"),
    (new_program(length=5), "length", "Extra inputs are not permitted"),
]


def refused(response, field: str, message: str) -> bool:
    return response.status_code == 400 and response.get_json() == {
        "error": {"status": 400, "message": message}, "field": field}


@pytest.mark.parametrize("body, field, message", BAD_EXERCISES)
def test_a_bad_new_exercise_names_its_field(coach_client, body, field, message):
    assert refused(coach_client.post("/api/coach/exercises", json=body), field, message)
    assert coach_client.get("/api/coach/actions").get_json() == {"actions": []}
    assert coach_client.get("/api/coach/exercises/wall-sit").status_code == 404


@pytest.mark.parametrize("body, field, message", [case for case in BAD_EXERCISES
                                                  if isinstance(case[0], dict) and case[1] not in ("slug", "name")])
def test_a_bad_edit_names_its_field_and_keeps_the_draft(coach_client, body, field, message):
    saved = coach_client.put("/api/coach/exercises/wall-sit", json=new_exercise())
    assert saved.status_code == 404  # only what the studio knows can be edited
    coach_client.post("/api/coach/exercises", json=new_exercise())
    before = coach_client.get("/api/coach/exercises/wall-sit").get_json()
    assert refused(coach_client.put("/api/coach/exercises/wall-sit", json=body), field, message)
    assert coach_client.get("/api/coach/exercises/wall-sit").get_json() == before


@pytest.mark.parametrize("body, field, message", BAD_ROUTINES)
def test_a_bad_routine_names_its_field(coach_client, body, field, message):
    response = coach_client.post("/api/coach/routines", json=body)
    assert response.status_code == 400
    assert response.get_json() == {"error": {"status": 400, "message": message}, "field": field}
    assert coach_client.get("/api/coach/routines/quick-core").status_code == 404


@pytest.mark.parametrize("body, field, message", BAD_PROGRAMS)
def test_a_bad_program_names_its_field_and_stores_nothing(coach_client, body, field, message):
    assert refused(coach_client.post("/api/coach/programs", json=body), field, message)
    assert coach_client.get("/api/coach/programs/two-week-start").status_code == 404
    built_in = coach_client.get("/api/coach/programs/core-and-balance-foundations").get_json()
    edit = {key: value for key, value in built_in["live"].items() if key != "weeks"} | without(body, "slug")
    assert refused(coach_client.put("/api/coach/programs/core-and-balance-foundations", json=edit), field, message)
    assert coach_client.get("/api/coach/programs/core-and-balance-foundations").get_json() == built_in
    assert coach_client.get("/api/coach/actions").get_json() == {"actions": []}


def test_a_body_that_is_not_json_is_refused(coach_client):
    response = coach_client.post("/api/coach/exercises", data="name = 'Wall sit'", content_type="text/plain")
    assert refused(response, "", "Send a JSON object.")


def test_a_put_naming_another_slug_is_refused(coach_client):
    response = coach_client.put("/api/coach/exercises/side-plank", json=new_exercise())
    assert response.get_json()["field"] == "slug"
    assert response.get_json()["error"]["message"] == "must be 'side-plank', the slug in the address"


def test_a_routine_cannot_take_up_a_draft_exercise(coach_client):
    coach_client.post("/api/coach/exercises", json=new_exercise())
    response = coach_client.post("/api/coach/routines", json=new_routine(items=[{"exercise": "wall-sit"}]))
    assert response.status_code == 400
    assert response.get_json()["field"] == "items.0.exercise"


def test_file_errors_keep_naming_the_file_and_field(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    card = content / "exercises" / "plank.toml"
    card.write_text(card.read_text().replace('sources = [', 'sources = ["a-blog", '))
    with pytest.raises(CatalogInvalid) as caught:
        read_catalog(content)
    assert [str(p) for p in caught.value.errors] == [
        "exercises/plank.toml: field 'sources.0': no source 'a-blog' in sources.toml"]
