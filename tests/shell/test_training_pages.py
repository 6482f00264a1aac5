"""The training screens' page routes: each serves the shell, with a 404 where the address can't be anything."""

import pytest

ID = "6f1c2b7e-8a4d-4c1e-9b2a-3d5e7f901234"


@pytest.mark.parametrize("path", [
    "/routines/back-and-core-circuit/play", f"/routines/{ID}/play", "/routines/new", f"/routines/{ID}/edit",
    "/log", "/history", f"/history/{ID}", f"/history/{ID}/edit", "/settings",
])
def test_training_pages_serve_the_shell(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert '<main id="main"' in response.get_data(as_text=True)


@pytest.mark.parametrize("path", [
    "/routines/no-such-routine/play", "/routines/no-such-routine/edit", "/history/not-an-id", "/history/not-an-id/edit",
    f"/routines/{ID}x/play",
])
def test_addresses_that_cannot_exist_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert '<main id="main"' in response.get_data(as_text=True)


def test_the_tab_bar_offers_log_and_history(client):
    html = client.get("/").get_data(as_text=True)
    for href, label in [("/log", "Log"), ("/history", "History")]:
        assert f'<a href="{href}" data-nav="{href[1:]}"><svg' in html
        assert f'</svg>{label}</a>' in html
