"""Page routes: every screen is the same shell document, and the page code renders it.

The server only decides the status: a real 404 for a catalogue slug that does not exist,
or for an id that cannot be one (custom routines and sessions live on the device, so any
well-formed UUID may be one).
"""

from uuid import UUID

from flask import abort, make_response, render_template

from server import revalidation
from server.catalog import service as catalog
from server.catalog.content import SLUG_PATTERN
from server.shell.blueprint import bp

# Screens whose address alone decides them: path -> title.
SCREENS = {
    "/": "Core & balance for runners",
    "/exercises": "Exercises",
    "/routines": "Routines",
    "/routines/new": "New routine",
    "/programs": "Programs",
    "/log": "Log a session",
    "/history": "History",
    "/progress": "Progress",
    "/plan": "Your week",
    "/settings": "Settings",
    "/storage": "Saved for offline",
    "/coming-back": "Coming back from injury",
    "/login": "Log in",
    "/register": "Create an account",
    "/account": "Account",
    "/reset": "Reset your password",
    "/coach": "Studio",
    "/coach/exercises/new": "New exercise",
    "/coach/routines/new": "New routine",
    "/coach/programs/new": "New program",
}


def screen(title: str):
    """A screen that needs no server-side check."""
    return _shell(title)


for path, title in SCREENS.items():
    bp.add_url_rule(path, endpoint="screen" + path.replace("/", "_"), view_func=screen, defaults={"title": title})


@bp.get("/exercises/<slug>")
def exercise(slug: str):
    """One exercise card; unknown slugs are a real 404."""
    card = catalog.find_exercise(slug)
    if card is None:
        abort(404)
    return _shell(card["name"])


@bp.get("/programs/<slug>")
def program(slug: str):
    """One program; unknown slugs are a real 404."""
    if not catalog.program_exists(slug):
        abort(404)
    return _shell("Program")


@bp.get("/routines/<slug>")
def routine(slug: str):
    """One ready-made routine; unknown slugs are a real 404."""
    if not catalog.routine_exists(slug):
        abort(404)
    return _shell("Routine")


@bp.get("/routines/<slug>/play")
def play(slug: str):
    """The guided player, for a ready-made routine (slug) or one of the runner's own (UUID)."""
    if not catalog.routine_exists(slug) and not _is_uuid(slug):
        abort(404)
    return _shell("Routine")


@bp.get("/routines/<routine_id>/edit")
def edit_routine(routine_id: str):
    """Change one of your own routines."""
    return _on_device("Edit routine", routine_id)


@bp.get("/coach/exercises/<slug>")
def coach_exercise(slug: str):
    """The studio's editor for one exercise; a draft is on no runner's catalogue, so the API decides if it exists."""
    return _studio("Studio exercise", slug)


@bp.get("/coach/routines/<slug>")
def coach_routine(slug: str):
    """The studio's editor for one ready-made routine (a draft too)."""
    return _studio("Studio routine", slug)


@bp.get("/coach/programs/<slug>")
def coach_program(slug: str):
    """The studio's editor for one program (a draft too)."""
    return _studio("Studio program", slug)


@bp.get("/history/<session_id>")
def session_detail(session_id: str):
    """One past session."""
    return _on_device("Session", session_id)


@bp.get("/history/<session_id>/edit")
def edit_session(session_id: str):
    """Correct a past session."""
    return _on_device("Edit session", session_id)


@bp.get("/reset/<token>")
def reset_password(token: str):
    """Choose a new password from a mailed link; the API judges the token when the form is sent."""
    return render_template("shell.html", title="Choose a new password")


def _on_device(title: str, record_id: str):
    if not _is_uuid(record_id):
        abort(404)
    return _shell(title)


def _studio(title: str, slug: str):
    if not SLUG_PATTERN.match(slug):
        abort(404)
    return _shell(title)


def _shell(title: str):
    """The shell document with this title, revalidated on every use: a 304 when a deploy changed none of its bytes."""
    return revalidation.revalidated(make_response(render_template("shell.html", title=title)))


def _is_uuid(value: str) -> bool:
    try:
        UUID(value)
    except ValueError:
        return False
    return len(value) == 36
