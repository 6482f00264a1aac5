"""The everyday-word table search uses (frontend/js/rules/muscles.json) held to the cards' muscles."""

import json
import re
from pathlib import Path

import pytest

from server.catalog.content import read_catalog
from tests.conftest import CONTENT_DIR

TABLE_FILE = Path(__file__).resolve().parents[2] / "frontend" / "js" / "rules" / "muscles.json"
TABLE = json.loads(TABLE_FILE.read_text())
CARDS = read_catalog(CONTENT_DIR).exercises


def compact(text: str) -> str:
    """The search rule's form of a name: lower case, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


MUSCLES = sorted({compact(m) for card in CARDS.values() for m in card.muscles})


@pytest.mark.parametrize("word", sorted(TABLE))
def test_every_name_an_everyday_word_stands_for_is_on_a_card(word):
    assert [n for n in TABLE[word] if not any(compact(n) in m for m in MUSCLES)] == []


@pytest.mark.parametrize("word", sorted(TABLE))
def test_everyday_words_are_singular_and_lower_case(word):
    assert word == compact(word)
    assert word in {"abs"} or not word.endswith("s")


def test_every_muscle_on_a_card_has_an_everyday_word():
    covered = {m for m in MUSCLES for names in TABLE.values() if any(compact(n) in m for n in names)}
    assert [m for m in MUSCLES if m not in covered] == []
