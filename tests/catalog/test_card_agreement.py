"""Each card's words agree with its own dose: no tip or variation of a timed card speaks of longer than it prescribes."""

import re

import pytest

from server.catalog.content import read_catalog
from tests.conftest import CONTENT_DIR

CARDS = read_catalog(CONTENT_DIR).exercises
TIMED = {slug: card for slug, card in CARDS.items() if card.prescription.hold_seconds}
SECONDS = re.compile(r"(\d+)(?:–\d+)? seconds?")


def card_texts(card) -> list[str]:
    """Everything a runner reads on a card besides its name and summary."""
    return [*card.steps, card.top_tip, *card.faults, *(v.note for v in [*card.easier, *card.harder])]


def too_long(text: str, hold: int) -> bool:
    """Whether a sentence speaks of a minute, or of more seconds than the hold."""
    return "minute" in text or any(int(n) > hold for n in SECONDS.findall(text))


@pytest.mark.parametrize("slug", sorted(TIMED))
def test_a_timed_cards_words_stay_within_its_hold(slug):
    card = TIMED[slug]
    assert [t for t in card_texts(card) if too_long(t, card.prescription.hold_seconds)] == []


def test_the_check_catches_the_side_plank_minute_it_was_written_for():
    assert too_long("If a full minute is out of reach, hold for 10 seconds.", 30)
    assert too_long("Build toward 45 seconds.", 30)
    assert not too_long("Start with 10–15 second holds and build toward 30 seconds.", 30)
