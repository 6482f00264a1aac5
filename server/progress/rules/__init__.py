"""The pure progress rules, twins of ``frontend/js/rules/``."""
