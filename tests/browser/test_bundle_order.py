"""The order of the bundles in server/shell/assets.py, proven in Chromium rather than kept by hand.

Each bundle's files run one by one, in their listed order, against a strict ``steady``: reading a
namespace no file has defined yet throws and is reported with the file that read it, and so is
defining a namespace twice. The page bundle runs in the real shell and boots to its first
screen, then each screen bundle runs after it and opens one of its screens; the worker bundle runs
in a worker, behind the same prefix /sw.js gives it.
"""

import io
import json
import re
from pathlib import Path, PurePosixPath

import pytest
from playwright.sync_api import expect

from server.catalog.content import read_catalog
from server.shell.assets import PAGE_JS, SCREEN_JS, SW_JS, WORKER_SYNC_JS, RulesTable
from tests.conftest import CONTENT_DIR
from tests.offline.conftest import wait_until_routed
from server.shell.worker import worker_script

pytestmark = pytest.mark.browser

FRONTEND = Path(__file__).resolve().parents[2] / "frontend"
CATALOG = read_catalog(CONTENT_DIR)
# One screen of each screen bundle, and the heading it shows once its code has run.
BUNDLE_SCREENS = {
    "player": ("/routines/core-staples/play", CATALOG.routines["core-staples"].name),
    "progress": ("/progress", "Progress"),
    "account": ("/login", "Log in"),
    "plan": ("/plan", "Your week"),
    "programs": ("/programs", "Programs"),
    "editor": ("/routines/new", "New routine"),
    "guide": ("/coming-back", "Coming back from injury"),
    "log": ("/log", "Log a session"),
    "settings": ("/settings", "Settings"),
    "storage": ("/storage", "Saved for offline"),
    "coach": ("/coach", "Studio"),
    "sync": None,  # the sync engine: no screen of its own, loaded once an account is in use
    "export": None,  # making an export: no screen of its own, loaded once a download button is pressed
    "import": None,  # reading an export back in: no screen of its own, loaded once a file is chosen
}

# Installs the strict steady, then runs FILES ([name, source] pairs) in order; sets PROBLEMS.
LOADER = r"""
const PROBLEMS = [];
let loading = '(after load)';
function strict(path, values) {
  const target = { ...values };
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'symbol' || key in object) return Reflect.get(object, key, receiver);
      const problem = `${loading} reads ${path}.${key} before any file has defined it`;
      PROBLEMS.push(problem);
      throw new ReferenceError(problem);
    },
    set(object, key, value) {
      if (key in object) {
        PROBLEMS.push(`${loading} defines ${path}.${key} again`);
        return false;
      }
      const plain = value && Object.getPrototypeOf(value) === Object.prototype;
      object[key] = plain ? strict(`${path}.${key}`, value) : value;
      return true;
    },
  });
}
globalThis.steady = strict('steady', {});
function runFiles(files) {
  for (const [name, source] of files) {
    loading = name;
    try {
      (0, eval)(`${source}\n//# sourceURL=${name}`);
    } catch (error) {
      if (!PROBLEMS.some((p) => p.startsWith(name))) PROBLEMS.push(`${name} fails to load: ${error.message}`);
    }
  }
  loading = '(after load)';
}
globalThis.runFiles = runFiles;
"""


def code_of(source: str) -> str:
    """A file's code without its quoted strings and line comments (a key like 'steady.x' is no read)."""
    return re.sub(r"//[^\n]*", "", re.sub(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"", "''", source))


def script(name: str) -> str:
    """A bundle file as the bundle holds it: a script as it is, a JSON table wrapped as the build wraps it."""
    text = (FRONTEND / name).read_text()
    if not name.endswith(".json"):
        return text
    out = io.StringIO()
    RulesTable(PurePosixPath(name).stem).input(io.StringIO(text), out)
    return out.getvalue()


def sources(bundle: list[str]) -> list[list[str]]:
    """[name, source] for each file of a bundle, in order."""
    return [[name, script(name)] for name in bundle]


def test_page_bundle_reads_each_namespace_after_the_file_that_defines_it(page, live_server):
    # The built bundles never load: the page bundle's files run one by one instead, and a screen
    # bundle fetched by the router would show "needs a connection" rather than its screen.
    page.route(re.compile(r"/static/gen/\w+\.[0-9a-f]+\.js$"), lambda route: route.abort())
    page.goto(f"{live_server.url}/routines")
    problems = page.evaluate(f"(files) => {{ {LOADER}; runFiles(files); globalThis.orderProblems = PROBLEMS; return PROBLEMS; }}",
                             sources(PAGE_JS))
    assert problems == []
    # Booted on the strict namespaces: the first screen renders, and nothing it read was missing.
    expect(page.get_by_role("heading", level=1)).to_have_text("Routines")
    wait_until_routed(page)
    assert page.evaluate("globalThis.orderProblems") == []


def test_each_screen_bundle_runs_after_the_page_bundle_and_opens_its_screen(page, live_server):
    assert set(BUNDLE_SCREENS) == set(SCREEN_JS)
    page.route(re.compile(r"/static/gen/\w+\.[0-9a-f]+\.js$"), lambda route: route.abort())
    page.goto(f"{live_server.url}/routines")
    page.evaluate(f"(files) => {{ {LOADER}; runFiles(files); globalThis.orderProblems = PROBLEMS; }}", sources(PAGE_JS))
    expect(page.get_by_role("heading", level=1)).to_have_text("Routines")
    for name, files in SCREEN_JS.items():
        page.evaluate("(files) => runFiles(files)", sources(files))
        if BUNDLE_SCREENS[name] is None:
            assert page.evaluate("globalThis.orderProblems") == [], name
            continue
        path, heading = BUNDLE_SCREENS[name]
        page.evaluate("(path) => steady.router.navigate(path)", path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert page.evaluate("globalThis.orderProblems") == [], name
    # The views came from the files run here, never from a fetched bundle.
    assert page.evaluate("[...document.scripts].filter((s) => s.src && !/\\/page\\./.test(s.src)).length") == 0


def test_worker_bundle_reads_each_namespace_after_the_file_that_defines_it(browser, live_server, app):
    # The loader runs the files from a blob: worker, which the app's CSP rightly refuses; this
    # test is about bundle order, so its page alone goes without the CSP.
    page = browser.new_page(bypass_csp=True)
    with app.app_context():
        build_line = worker_script(app).split("\n", 1)[0]
    assert build_line.startswith("self.STEADY_BUILD = ")
    # worker.js imports the sync bundle as it starts: here its files run just before it instead.
    files = [*SW_JS[:-1], *WORKER_SYNC_JS, SW_JS[-1]]
    script = f"{build_line}\n{LOADER}\nrunFiles({json.dumps(sources(files))});\npostMessage(PROBLEMS);\n"
    page.goto(f"{live_server.url}/manifest.webmanifest")
    problems = page.evaluate("""(script) => new Promise((resolve) => {
        const worker = new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })));
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => resolve([`the worker failed: ${event.message}`]);
    })""", script)
    page.close()
    assert problems == []


# Each bundle, with the files whose definitions it may read: a screen bundle runs after the page bundle.
BUNDLES = {"page": (PAGE_JS, []), "worker": (SW_JS, WORKER_SYNC_JS), "worker-sync": (WORKER_SYNC_JS, SW_JS),
           **{name: (files, PAGE_JS) for name, files in SCREEN_JS.items()}}


@pytest.mark.parametrize("bundle_name", list(BUNDLES))
def test_every_namespace_a_bundle_reads_is_defined_in_that_bundle(bundle_name):
    # Reads inside functions run later, so the load test cannot see them: each must at least be
    # defined by some file of the same bundle (or, for a screen bundle, of the page bundle it runs
    # after); the worker has no page code to lean on, and the page bundle none of a screen bundle's.
    bundle, base = BUNDLES[bundle_name]
    texts = {name: code_of(script(name)) for name in bundle}
    defined = set()
    for text in [*texts.values(), *(code_of(script(name)) for name in base)]:
        defined |= set(re.findall(r"\bsteady\.((?:\w+\.)?\w+) = ", text))
        for block in re.findall(r"Object\.assign\(globalThis\.steady, \{(.*?)\}\);", text, re.S):
            defined |= set(re.findall(r"^\s*(\w+):", block, re.M))
    groups = {name for name in defined if "." not in name and any(d.startswith(name + ".") for d in defined)}
    missing = []
    for name, text in texts.items():
        for group, member in re.findall(r"\bsteady\.(\w+)(?:\.(\w+))?", text):
            wanted = f"{group}.{member}" if group in groups and member else group
            if wanted not in defined:
                missing.append(f"{name} reads steady.{wanted}")
    assert missing == []


def test_every_page_file_is_in_exactly_one_bundle():
    # A file in two bundles would define its namespace twice; one in none would be dead or missing.
    listed = PAGE_JS + [path for files in SCREEN_JS.values() for path in files]
    on_disk = {str(path.relative_to(FRONTEND)) for folder in ("data", "sync", "rules", "page", "vendor")
               for path in (FRONTEND / "js" / folder).rglob("*") if path.suffix in (".js", ".json")}
    assert sorted(listed) == sorted(set(listed))
    assert set(listed) == on_disk
