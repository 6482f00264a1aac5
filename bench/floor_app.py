"""The floor: the least a Flask view can do, served under the same gunicorn settings as Steady."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def ok():
    """A constant JSON body."""
    return {"ok": True}
