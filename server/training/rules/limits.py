"""The one table of limits: the rules in both languages and the catalogue schema read it.

It lives beside the JavaScript rules as ``frontend/js/rules/limits.json``; the page bundle
carries it as ``steady.rules.limits`` (see ``server/shell/assets.py``).
"""

import json
from pathlib import Path

LIMITS_FILE = Path(__file__).resolve().parents[3] / "frontend" / "js" / "rules" / "limits.json"
LIMITS: dict[str, dict[str, int | str]] = json.loads(LIMITS_FILE.read_text(encoding="utf-8"))
SESSION = LIMITS["session"]
ROUTINE = LIMITS["routine"]
SETTINGS = LIMITS["settings"]
