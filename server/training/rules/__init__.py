"""Pure training rules (plain values in, plain values out); each has a twin in ``frontend/js/rules/``."""
