"""The coach layer outlives every ``catalog load``; a file removed retires its item; export loads back the same."""

import shutil

import pytest

from server.accounts.models import User
from server.catalog.content import CatalogInvalid
from server.catalog.service import catalog_payload, load_catalog
from server.coach.catalogue import attach_clip
from server.extensions import db
from tests.coach.conftest import new_exercise, new_program, new_routine
from tests.conftest import CONTENT_DIR, MEDIA_DIR

PROGRAM = "core-and-balance-foundations"


def served(client, slug: str, kind: str = "exercises") -> dict | None:
    return next((item for item in client.get("/api/catalog").get_json()[kind] if item["slug"] == slug), None)


def edit_side_plank(client, coach_client) -> dict:
    card = client.get("/api/catalog/exercises/side-plank").get_json()
    body = {key: value for key, value in card.items() if key != "video"} | {"top_tip": "Stack the hips."}
    coach_client.put("/api/coach/exercises/side-plank", json=body)
    assert coach_client.post("/api/coach/exercises/side-plank/publish").status_code == 200
    return card


def copied_content(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    return content


def test_a_load_after_a_publish_keeps_the_layer(app, client, coach_client, tmp_path):
    built_in = edit_side_plank(client, coach_client)
    coach_client.post("/api/coach/exercises", json=new_exercise())
    coach_client.post("/api/coach/exercises/wall-sit/publish")
    coach_client.post("/api/coach/exercises", json=new_exercise(slug="wall-sit-draft", name="Wall sit draft"))
    content = copied_content(tmp_path)
    card = content / "exercises" / "side-plank.toml"
    card.write_text(card.read_text().replace('name = "Side plank"', 'name = "Side plank hold"'))
    before = client.get("/api/catalog").get_json()["version"]
    with app.app_context():
        result = load_catalog(content, MEDIA_DIR)
    assert result.changed and client.get("/api/catalog").get_json()["version"] == result.version != before
    assert served(client, "side-plank")["top_tip"] == "Stack the hips."
    assert served(client, "side-plank")["name"] == "Side plank"  # the coach's version, not the new file's
    assert served(client, "wall-sit")["name"] == "Wall sit"
    item = coach_client.get("/api/coach/exercises/side-plank").get_json()
    assert item["built_in_version"]["name"] == "Side plank hold"
    assert coach_client.get("/api/coach/exercises/wall-sit-draft").get_json()["draft"]["name"] == "Wall sit draft"
    coach_client.post("/api/coach/exercises/side-plank/revert")
    assert served(client, "side-plank") == built_in | {"name": "Side plank hold"}
    # The same content again changes nothing, layer or not.
    with app.app_context():
        assert not load_catalog(content, MEDIA_DIR).changed


def test_a_removed_file_retires_its_item_and_its_return_restores_it(app, client, tmp_path):
    content = copied_content(tmp_path)
    (content / "exercises" / "step-up.toml").unlink()
    (content / "ladders" / "step-up.toml").unlink()
    (content / "routines" / "back-and-core-circuit.toml").unlink()
    (content / "programs" / f"{PROGRAM}.toml").unlink()  # it names the routine: a file may not name a missing one
    before, program = served(client, "step-up"), served(client, PROGRAM, "programs")
    with app.app_context():
        load_catalog(content, MEDIA_DIR)
    assert served(client, "step-up") == before | {"retired": True}
    assert served(client, "back-and-core-circuit", "routines")["retired"] is True
    assert served(client, PROGRAM, "programs") == program | {"retired": True}
    shutil.copy(CONTENT_DIR / "exercises" / "step-up.toml", content / "exercises")
    shutil.copy(CONTENT_DIR / "ladders" / "step-up.toml", content / "ladders")
    shutil.copy(CONTENT_DIR / "routines" / "back-and-core-circuit.toml", content / "routines")
    shutil.copy(CONTENT_DIR / "programs" / f"{PROGRAM}.toml", content / "programs")
    with app.app_context():
        load_catalog(content, MEDIA_DIR)
    assert served(client, "step-up") == before
    assert served(client, "back-and-core-circuit", "routines")["retired"] is False
    assert served(client, PROGRAM, "programs") == program


def test_an_export_loads_back_into_the_same_catalogue(app, client, coach, coach_client, bare_app, tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    render = next(MEDIA_DIR.glob("plank.*.mp4"))
    shutil.copy(render, media / "wall-sit.coach-0123456789ab.mp4")
    edit_side_plank(client, coach_client)
    coach_client.post("/api/coach/exercises", json=new_exercise())
    coach_client.post("/api/coach/exercises/wall-sit/publish")
    coach_client.post("/api/coach/routines", json=new_routine(items=[{"exercise": "wall-sit"}, {"exercise": "plank"}]))
    coach_client.post("/api/coach/routines/quick-core/publish")
    coach_client.delete("/api/coach/exercises/towel-curls")
    weeks = [{"sessions": [{"routine": "quick-core", "doses": {"wall-sit": {"seconds": 40}}}]}]
    coach_client.post("/api/coach/programs", json=new_program(weeks=weeks))
    assert coach_client.post("/api/coach/programs/two-week-start/publish").status_code == 200
    coach_client.delete(f"/api/coach/programs/{PROGRAM}")
    with app.app_context():
        attach_clip("wall-sit", {"src": "/media/wall-sit.coach-0123456789ab.mp4", "poster": "/media/x.jpg",
                                 "duration_s": 1.0, "bytes": 1, "width": 480, "height": 480, "side": "both",
                                 "origin": "coach"}, db.session.get(User, coach.id))
    live = client.get("/api/catalog").get_json()

    app.config["MEDIA_DIR"] = str(media)
    result = app.test_cli_runner().invoke(args=["catalog", "export", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Exported {len(live['exercises'])} exercises, {len(live['routines'])} routines "
                                    f"and {len(live['programs'])} programs")
    assert (tmp_path / "out" / "clips" / "wall-sit.mp4").read_bytes() == render.read_bytes()
    assert 'retired = true' in (tmp_path / "out" / "exercises" / "towel-curls.toml").read_text()
    assert 'retired = true' in (tmp_path / "out" / "programs" / f"{PROGRAM}.toml").read_text()
    assert [p["slug"] for p in live["programs"]] == [PROGRAM, "two-week-start"]

    with bare_app.app_context():
        load_catalog(tmp_path / "out", MEDIA_DIR)
        again = catalog_payload()
    wall_sit = next(e for e in again["exercises"] if e["slug"] == "wall-sit")
    assert wall_sit["video"]["origin"] == "coach"  # the loader's own copy of the coach's clip
    for payload in (live, again):
        del payload["version"]
        next(e for e in payload["exercises"] if e["slug"] == "wall-sit").pop("video")
    assert again == live


def test_an_export_refuses_an_exercise_without_a_clip(app, coach_client, tmp_path):
    coach_client.post("/api/coach/exercises", json=new_exercise())
    coach_client.post("/api/coach/exercises/wall-sit/publish")
    result = app.test_cli_runner().invoke(args=["catalog", "export", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert ("Nothing was exported: content files need a clip for every exercise, and these have none yet: "
            "wall-sit. Upload their clips first.") in result.output
    assert not (tmp_path / "out").exists()


def test_a_load_never_drops_a_source_a_coach_item_cites(app, client, coach_client, tmp_path):
    content = copied_content(tmp_path)
    sources = content / "sources.toml"
    sources.write_text(sources.read_text() + '\n[trail-notes]\ntitle = "Trail notes"\nauthor = "A coach"\n'
                       'summary = "What a coach noticed on the trails."\n')
    with app.app_context():
        load_catalog(content, MEDIA_DIR)
    body = new_exercise(sources=["trail-notes"])
    assert coach_client.post("/api/coach/exercises", json=body).status_code == 201
    assert coach_client.post("/api/coach/exercises/wall-sit/publish").status_code == 200
    assert coach_client.post("/api/coach/routines", json=new_routine(sources=["balance-training", "trail-notes"])).status_code == 201
    before = client.get("/api/catalog").get_json()

    sources.write_text(sources.read_text().split("\n[trail-notes]")[0] + "\n")
    with app.app_context():
        with pytest.raises(CatalogInvalid) as refused:
            load_catalog(content, MEDIA_DIR)
    assert [str(problem) for problem in refused.value.errors] == [
        "sources.toml: field 'trail-notes': the coach's exercise 'wall-sit' cites this source: keep it here, or take it out"
        " of that exercise in the studio first",
        "sources.toml: field 'trail-notes': the coach's routine 'quick-core' cites this source: keep it here, or take it"
        " out of that routine in the studio first"]
    assert client.get("/api/catalog").get_json() == before, "nothing changed"

    for kind, slug, fixed in (("exercises", "wall-sit", new_exercise()), ("routines", "quick-core", new_routine())):
        assert coach_client.put(f"/api/coach/{kind}/{slug}", json=fixed).status_code == 200
    assert coach_client.post("/api/coach/exercises/wall-sit/publish").status_code == 200
    with app.app_context():
        assert load_catalog(content, MEDIA_DIR).changed
    assert "trail-notes" not in {source["key"] for source in client.get("/api/catalog").get_json()["sources"]}
