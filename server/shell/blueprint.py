"""The shell's blueprint, shared by its page routes and its asset routes."""

from flask import Blueprint

bp = Blueprint("shell", __name__, template_folder="templates")
