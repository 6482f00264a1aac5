"""Training records: the rules a logged session, a custom routine and the settings must meet (sync will add its blueprint here)."""

from server.training.rules.routine import validate_routine
from server.training.rules.session import validate_session
from server.training.rules.settings import validate_settings

__all__ = ["validate_routine", "validate_session", "validate_settings"]
