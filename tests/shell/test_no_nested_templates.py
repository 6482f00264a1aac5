"""Front-end code never nests a template literal in another's ``${}``: the bundles' minifier (rjsmin)
squeezes the inner one's spaces, so "`${n} changes are`" inside another template shipped as "3changes are"."""

import re

from tests.conftest import ROOT

# A backtick inside a ${...} that has not closed yet.
NESTED = re.compile(r"\$\{[^}`]*`")


def test_no_template_literal_is_nested_in_another():
    code = [path for path in sorted((ROOT / "frontend" / "js").rglob("*.js")) if "vendor" not in path.parts]
    found = [f"{path.relative_to(ROOT)}:{number}" for path in code
             for number, line in enumerate(path.read_text().splitlines(), 1) if NESTED.search(line)]
    assert found == [], "a template inside a template: write the inner one with + instead"
