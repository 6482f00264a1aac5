"""Coach fixtures: a runner, a coach, and clients logged in as each."""

import pytest

from server.accounts.service import set_coach
from tests.conftest import log_in, register_account


@pytest.fixture
def coach(app):
    """A registered account the operator has made a coach."""
    account = register_account(app, "coach@example.com")
    with app.app_context():
        set_coach(account.email, True)
    return account


@pytest.fixture
def coach_client(app, coach):
    """A client logged in as ``coach``."""
    client = app.test_client()
    log_in(client, coach)
    return client


def new_exercise(slug: str = "wall-sit", **overrides) -> dict:
    """A valid exercise body, as a coach's studio sends it."""
    return {
        "slug": slug, "name": "Wall sit", "summary": "Sitting against a wall with thighs level builds the quads.",
        "unilateral": False, "tags": ["hips"], "muscles": ["Quadriceps"],
        "steps": ["Stand with your back to a wall.", "Slide down until your thighs are level, and hold."],
        "top_tip": "Keep the knees over the ankles.", "faults": ["Knees drifting in."],
        "prescription": {"sets": 2, "hold_seconds": 30}, "sources": ["balance-training"],
        "ladder": {"dose": "seconds", "low": 20, "high": 60, "step": 10, "rungs": [{"label": "Feet together"}]},
    } | overrides


def new_routine(slug: str = "quick-core", **overrides) -> dict:
    """A valid routine body naming built-in exercises."""
    return {
        "slug": slug, "name": "Quick core", "summary": "Two exercises for a day with little time.",
        "format": "circuit", "rounds": 2, "work_seconds": 30, "rest_seconds": 15, "tags": ["core"],
        "sources": ["balance-training"], "items": [{"exercise": "plank"}, {"exercise": "side-plank", "reps": None}],
    } | overrides


def new_program(slug: str = "two-week-start", **overrides) -> dict:
    """A valid program body naming built-in routines, one of its weeks with doses."""
    return {
        "slug": slug, "name": "Two-week start", "summary": "Two weeks to begin: balance first, then the circuit.",
        "tags": ["balance"], "sources": ["balance-training"],
        "weeks": [{"focus": "Slow and steady.",
                   "sessions": [{"routine": "core-and-balance-pair", "doses": {"single-leg-balance": {"seconds": 25}}}]},
                  {"sessions": [{"routine": "back-and-core-circuit"}, {"routine": "after-a-run"}]}],
    } | overrides
