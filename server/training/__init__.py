"""Training records: the rules a logged session and a custom routine must meet (sync will add its blueprint here)."""

from server.training.rules.routine import validate_routine
from server.training.rules.session import validate_session

__all__ = ["validate_routine", "validate_session"]
