"""Page routes serve the shell; static files carry the right cache policy."""

import re

import pytest

PAGES = ["/", "/exercises", "/exercises/side-plank", "/routines", "/routines/back-and-core-circuit", "/programs",
         "/programs/core-and-balance-foundations"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_serve_the_shell(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<main id="main"' in html
    assert re.search(r'src="/static/gen/page\.[0-9a-f]+\.js"', html)
    assert re.search(r'href="/static/gen/app\.[0-9a-f]+\.css"', html)


@pytest.mark.parametrize("path", ["/exercises/no-such-exercise", "/routines/no-such-routine", "/programs/no-such-program", "/nowhere"])
def test_unknown_pages_are_404_with_the_shell(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert '<main id="main"' in response.get_data(as_text=True)


def test_card_page_title_names_the_exercise(client):
    assert "<title>Side plank · Steady</title>" in client.get("/exercises/side-plank").get_data(as_text=True)


def test_bundles_are_immutable_and_plain_files_revalidate(client):
    html = client.get("/").get_data(as_text=True)
    bundle = re.search(r'src="(/static/gen/page\.[0-9a-f]+\.js)"', html).group(1)
    response = client.get(bundle)
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert "max-age=31536000" in response.headers["Cache-Control"]
    icon = client.get("/static/icons/icon.svg")
    assert icon.status_code == 200
    assert "no-cache" in icon.headers["Cache-Control"]


def test_static_cannot_escape_the_frontend_folder(client):
    assert client.get("/static/../server/config.py").status_code == 404
