"""Training records: the rules a logged session must meet (sync will add its blueprint here)."""

from server.training.rules.session import validate_session

__all__ = ["validate_session"]
