"""The database floor: the least a Flask view that uses the database does, one statement in a transaction.

For reading the sync ratio: push and pull each run a transaction, so what a single round trip to
the database costs, served the same way, bounds what they can reach. ``BENCH_DATABASE_URL`` names
the database (the one the bench's Steady serves).
"""

import os

from flask import Flask
from sqlalchemy import create_engine

app = Flask(__name__)
engine = create_engine(os.environ["BENCH_DATABASE_URL"], pool_size=1)


@app.get("/")
def one_statement():
    """``SELECT 1`` on a pooled connection, committed: a constant JSON body."""
    with engine.connect() as connection:
        cursor = connection.connection.dbapi_connection.cursor()  # the bare cursor, as sync's statements run
        cursor.execute("SELECT 1")
        cursor.fetchall()
        connection.commit()
    return {"ok": True}
