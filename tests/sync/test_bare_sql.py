"""Bare statements with an IN list: the SQL kept per list length binds each call's own items."""

from sqlalchemy import bindparam, select

from server.bare_sql import BareStatement
from server.catalog.models import Exercise
from server.extensions import db

_SLUGS_IN = BareStatement(select(Exercise.__table__.c.slug)
                          .where(Exercise.__table__.c.slug.in_(bindparam("slugs", expanding=True)))
                          .order_by(Exercise.__table__.c.slug))


# Lengths 1, 1, 2, 2, 0, 1: each length after its first call runs on the kept SQL.
CALLS = [["plank"], ["side-plank"], ["plank", "lunge"], ["step-up", "no-such-exercise"], [], ["lunge"]]


def test_an_in_list_of_a_length_seen_before_binds_the_new_items(sync_app):
    with sync_app.app_context(), db.engine.connect() as connection:
        for slugs in CALLS:
            found = [row[0] for row in _SLUGS_IN.rows(connection, {"slugs": slugs})]
            assert found == sorted(slug for slug in slugs if slug != "no-such-exercise"), slugs
    kept = [compiled.shapes for compiled in _SLUGS_IN._by_dialect.values()]
    assert any((1,) in shapes and (2,) in shapes for shapes in kept)  # the calls above used the kept SQL
