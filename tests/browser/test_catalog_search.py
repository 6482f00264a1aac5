"""A runner searching the exercise list in everyday words, in Chromium at phone size."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe_check import axe_in_both_schemes

pytestmark = pytest.mark.browser

# query: (cards it must find, cards it must not find)
QUERIES = {
    "wood chop": ({"medicine-ball-wood-chop"}, {"plank"}),
    "woodchop": ({"medicine-ball-wood-chop"}, {"plank"}),
    "Wood-Chop": ({"medicine-ball-wood-chop"}, {"plank"}),
    "calves": ({"heel-raise", "band-ankle-plantarflexion", "step-up", "multidirectional-hops"}, {"plank", "side-plank"}),
    "calf": ({"heel-raise", "band-ankle-plantarflexion"}, {"plank"}),
    "glutes": ({"glute-bridge", "side-lying-clamshell", "lateral-band-walk", "heel-tap-front"}, {"band-ankle-eversion"}),
    "hip": ({"side-lying-clamshell", "standing-leg-lift", "heel-tap-rotated", "bicycle-crunch"}, {"towel-curls"}),
    "hips": ({"side-lying-clamshell", "standing-leg-lift"}, {"towel-curls"}),
    "core": ({"plank", "side-plank", "russian-twist", "stability-ball-back-extension"}, {"towel-curls", "band-ankle-dorsiflexion"}),
    "ankles": ({"band-ankle-eversion", "band-ankle-inversion", "heel-raise", "single-leg-balance"}, {"plank"}),
    "shins": ({"band-ankle-dorsiflexion"}, {"plank"}),
    "abs": ({"plank", "glute-bridge", "leg-raise"}, {"towel-curls"}),
    "obliques": ({"side-plank", "russian-twist"}, {"towel-curls"}),
    "stability ball": ({"stability-ball-back-extension", "stability-ball-russian-twist"}, {"plank"}),
    "band": ({"band-ankle-eversion", "lateral-band-walk"}, {"plank"}),
    "heel taps": ({"heel-tap-front", "heel-tap-side", "heel-tap-rotated"}, {"heel-raise"}),
    "step up": ({"step-up"}, {"plank"}),
}


def found_slugs(page) -> set[str]:
    """The cards the list shows, by slug."""
    hrefs = page.locator("#exercise-results a.card").evaluate_all("links => links.map((a) => a.getAttribute('href'))")
    return {href.rsplit("/", 1)[-1] for href in hrefs}


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_the_cards_a_runner_means(page, live_server, query):
    page.goto(f"{live_server.url}/exercises")
    page.get_by_label("Search exercises").fill(query)
    expect(page.get_by_role("status").filter(has_text="exercise")).to_be_visible()
    must, must_not = QUERIES[query]
    found = found_slugs(page)
    assert must <= found, f"{query!r} missed {sorted(must - found)}"
    assert not (must_not & found), f"{query!r} also found {sorted(must_not & found)}"


def test_search_with_a_focus_filter_and_in_the_address(page, live_server, screenshot):
    page.goto(f"{live_server.url}/exercises?q=calves&tag=feet-ankles")
    expect(page.get_by_label("Search exercises")).to_have_value("calves")
    found = found_slugs(page)
    assert "heel-raise" in found and "step-up" not in found  # step-up is hips and balance, not feet and ankles
    expect(page.get_by_role("status").filter(has_text="exercise")).to_have_text(f"{len(found)} exercises")
    # While searching, each card names its muscles, so the runner sees why it was found.
    expect(page.get_by_role("link", name="Heel raise")).to_contain_text("Muscles: Gastrocnemius, Soleus, Ankle stabilisers")
    axe_in_both_schemes(page, screenshot, "search-calves")
    page.get_by_label("Search exercises").fill("")
    expect(page.locator("#exercise-results a.card").first).not_to_contain_text("Muscles:")
