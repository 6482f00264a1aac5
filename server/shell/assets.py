"""The webassets bundles: one CSS, the core page JS, the screen bundles loaded on first use, and
the worker, each fingerprinted by content hash."""

import json
from pathlib import PurePosixPath

from flask import Flask
from webassets import Bundle, Environment
from webassets.filter import Filter

from server.shell.builds import DefinitionUpdater, one_build_at_a_time

# Order matters: a file runs after every file whose namespace it reads as it loads
# (tests/browser/test_bundle_order.py proves it): the namespaces, then the pure rules (the data
# stores check records with them), the data layer, shared page pieces, the views, the table of
# screens that names them, and the boot. The screen bundles (SCREEN_JS) run after the whole page
# bundle, when the router first opens one of their screens.
RULES_JS = [
    "js/rules/limits.json",
    "js/rules/json-values.js",
    "js/rules/session.js",
    "js/rules/progression.js",
    "js/rules/level.js",
    "js/rules/routine.js",
    "js/rules/settings.js",
    "js/rules/timeline.js",
    "js/rules/streaks.js",
    "js/rules/asymmetry.js",
    "js/rules/muscles.json",
    "js/rules/exercise-search.js",
]
# The sync engine (js/sync/), beside the data layer it drains. Pages load it as the "sync" bundle once an account
# is in use (without one it is never needed); the worker imports WORKER_SYNC_JS as it starts
# (Background Sync). Both carry rules/record-ids.js, which only sync reads: a level is sent at the id its
# slug gives in the account.
SYNC_JS = [
    "js/sync/records.js",
    "js/sync/account.js",
    "js/sync/push.js",
    "js/sync/pull.js",
    "js/sync/engine.js",
]
DATA_JS = [
    "js/vendor/idb.umd.js",
    "js/data/db.js",
    "js/data/cache-names.js",
    "js/data/catalog-store.js",
    "js/data/catalog-index.js",
    "js/data/downloads.js",
    "js/data/local-time.js",
    "js/data/outbox.js",
    "js/data/records.js",
    "js/data/storage-persistence.js",
    "js/data/sessions.js",
    "js/data/custom-routines.js",
    "js/data/levels.js",
    "js/data/download-refresh.js",
    "js/data/settings.js",
    "js/data/workout-store.js",
    "js/data/server-api.js",
]
PAGE_JS = [
    "js/data/namespace.js",
    *RULES_JS,
    *DATA_JS,
    "js/page/dom.js",
    "js/page/router.js",
    "js/page/components/schema-notice.js",
    "js/page/components/form-drafts.js",
    "js/page/components/keep-data-notice.js",
    "js/page/connection.js",
    "js/page/nav-more.js",
    "js/page/install.js",
    "js/page/worker-client.js",
    "js/page/components/form-fields.js",
    "js/page/labels/dates.js",
    "js/page/labels/catalog.js",
    "js/page/labels/routines.js",
    "js/page/labels/storage.js",
    "js/page/labels/training.js",
    "js/page/components/field-errors.js",
    "js/page/components/inline-confirm.js",
    "js/page/components/export-control.js",
    "js/page/components/save-offline.js",
    "js/page/components/clip-unsaved.js",
    "js/page/components/catalogue-notes.js",
    "js/page/components/kit-needed.js",
    "js/page/components/routine-cards.js",
    "js/page/components/level-panel.js",
    "js/page/labels/progress.js",
    "js/page/components/import-control.js",
    "js/page/components/streak-reader.js",
    "js/page/components/asymmetry-line.js",
    "js/page/components/device-page.js",
    "js/page/components/sync-status.js",
    "js/page/components/studio-link.js",
    "js/page/components/sync-notes.js",
    "js/page/views/not-found.js",
    "js/page/components/resume-workout.js",
    "js/page/components/followed-program.js",
    "js/page/views/home.js",
    "js/page/views/exercise-list.js",
    "js/page/views/exercise-card.js",
    "js/page/views/routine-list.js",
    "js/page/views/routine-detail.js",
    "js/page/views/history.js",
    "js/page/views/needs-connection.js",
    "js/page/screen-bundles.js",
    "js/page/screens.js",
    "js/page/catalog-follow.js",
    "js/page/app.js",
]
# The heavy screens, kept out of the precached shell's budget: the worker caches them just after
# it installs, so they open offline from then on. Home's weekly count needs only the streak rules
# and streak-reader, which stay in the page bundle. The account screens act only with a
# connection (the server API they use is in the page bundle, with the sync engine that needs it).
# The plan screen carries the week-plan and calendar rules only it uses; the progress
# screen. The progression and asymmetry rules are in the page bundle: the card, the progress screen
# and the player all read them.
SCREEN_JS = {
    "player": [
        "js/data/workout-lock.js",
        "js/page/player/engine.js",
        "js/page/player/cues.js",
        "js/page/player/wake-lock.js",
        "js/page/player/step-words.js",
        "js/page/player/finish.js",
        "js/page/player/view.js",
    ],
    "progress": [
        "js/page/progress-series.js",
        "js/page/components/svg.js",
        "js/page/components/line-chart.js",
        "js/page/components/heat-map.js",
        "js/page/views/progress.js",
    ],
    # Not a screen: the sync engine, loaded once an account is in use on this device (components/sync-status.js).
    "sync": ["js/rules/record-ids.js", *SYNC_JS, "js/sync/notes.js"],
    "account": [
        "js/page/labels/accounts.js",
        "js/page/components/account-form.js",
        "js/page/components/logout-choice.js",
        "js/page/views/login.js",
        "js/page/views/register.js",
        "js/page/views/reset.js",
        "js/page/views/account.js",
    ],
    # Not screens: making an export, loaded once a download button is pressed (components/export-control.js),
    # and reading one back in, loaded once a file is chosen (components/import-control.js).
    "export": ["js/rules/session-csv.js", "js/data/data-export.js"],
    "import": ["js/rules/data-import.js", "js/data/data-import.js", "js/page/components/import-preview.js"],
    # The quick log, a session's page and its edit form share the session form.
    "log": [
        "js/rules/routine-entries.js",
        "js/page/components/entry-groups.js",
        "js/page/components/session-form.js",
        "js/page/components/undo-toast.js",
        "js/page/views/session-log.js",
        "js/page/views/session-detail.js",
    ],
    "settings": [
        "js/page/components/streak-settings.js",
        "js/page/views/settings.js",
    ],
    "storage": ["js/page/views/storage.js"],
    "editor": [
        "js/page/views/routine-editor.js",
    ],
    # The note for runners coming back from injury: a page read now and then.
    "guide": [
        "js/page/views/coming-back.js",
    ],
    # The coach studio: online only, and for coaches only, so its code (and its styles, SCREEN_CSS) stay out of the shell.
    "coach": [
        "js/page/labels/coach.js",
        "js/rules/clip-length.js",
        "js/page/coach/studio-api.js",
        "js/page/coach/studio-notice.js",
        "js/page/coach/list-editor.js",
        "js/page/coach/form-parts.js",
        "js/page/coach/ladder-form.js",
        "js/page/coach/exercise-form.js",
        "js/page/coach/routine-form.js",
        "js/page/coach/program-form.js",
        "js/page/coach/clip-panel.js",
        "js/page/coach/item-page.js",
        "js/page/views/studio.js",
        "js/page/views/studio-exercise.js",
        "js/page/views/studio-routine.js",
        "js/page/views/studio-program.js",
    ],
    # Programs: the enrolment and schedule rules, the enrolment store and the program screens. The
    # schedule builds on the week-plan rule, which travels in the plan bundle: its users load both.
    "programs": [
        "js/rules/enrolment.js",
        "js/rules/program-schedule.js",
        "js/data/enrolments.js",
        "js/page/components/program-week.js",
        "js/page/views/program-list.js",
        "js/page/views/program-detail.js",
    ],
    "plan": [
        "js/rules/week-plan.js",
        "js/rules/week-calendar.js",
        "js/page/plan/run-days.js",
        "js/page/plan/calendar-links.js",
        "js/page/plan/view.js",
    ],
}
SW_JS = [
    "js/data/namespace.js",
    "js/data/cache-names.js",
    "js/sw/responses.js",
    "js/sw/cache-writes.js",
    "js/sw/handlers.js",
    "js/sw/worker.js",
]
WORKER_SYNC_JS = [
    "js/vendor/idb.umd.js",
    "js/data/db.js",
    "js/data/local-time.js",
    "js/data/outbox.js",
    "js/data/records.js",
    "js/data/settings.js",
    "js/data/server-api.js",
    "js/rules/record-ids.js",
    *SYNC_JS,
]
# A screen bundle's own styles, loaded with it (frontend/js/page/screen-bundles.js), for screens few
# people open: the studio is for coaches only, so its rules stay out of the precached shell.
SCREEN_CSS = {"coach": ["css/coach.css"]}
CSS = ["css/base.css", "css/layout.css", "css/catalog.css", "css/offline.css", "css/training.css", "css/progress.css", "css/account.css", "css/plan.css"]


class RulesTable(Filter):
    """Turns a JSON table in ``js/rules/`` into the script ``steady.rules.<name> = {...};``.

    The Python rules read the same file, so a limit is written once for both languages.
    """

    name = "steady-rules-table"

    def __init__(self, table: str):
        super().__init__()
        self.table = table

    def unique(self):
        """Tables with different names are different filters."""
        return self.table

    def input(self, _in, out, **kw):
        """Wrap the parsed JSON (re-serialised, so a malformed file fails the build) as one assignment."""
        out.write(f"globalThis.steady.rules.{self.table} = {json.dumps(json.loads(_in.read()))};\n")


def bundle_sources(paths: list[str]) -> list:
    """Sources for a Bundle: script paths as they are, each JSON table wrapped by RulesTable."""
    return [Bundle(p, filters=RulesTable(PurePosixPath(p).stem)) if p.endswith(".json") else p for p in paths]


def init_assets(app: Flask) -> Environment:
    """Create this app's webassets environment over ``frontend/`` and expose ``asset_urls`` to templates.

    In debug a request rebuilds any bundle whose files changed; otherwise every bundle is built
    once, here, and requests only read the manifest.
    """
    env = Environment(directory=app.config["FRONTEND_DIR"], url="/static")
    env.versions = "hash"
    env.manifest = "json:gen/manifest.json"
    env.url_expire = False
    env.auto_build = app.debug
    # frontend/.webassets-cache: beside the minified files, it keeps each bundle's definition, so an
    # update that only moves a file between bundles still rebuilds them (mtimes alone would not).
    env.cache = True
    env.updater = DefinitionUpdater()
    env.register("page_js", Bundle(*bundle_sources(PAGE_JS), filters="rjsmin", output="gen/page.%(version)s.js"))
    for screen_bundle, paths in SCREEN_JS.items():
        env.register(f"{screen_bundle}_js", Bundle(*bundle_sources(paths), filters="rjsmin",
                                                   output=f"gen/{screen_bundle}.%(version)s.js"))
    env.register("sw_js", Bundle(*bundle_sources(SW_JS), filters="rjsmin", output="gen/sw.%(version)s.js"))
    env.register("sw_sync_js", Bundle(*WORKER_SYNC_JS, filters="rjsmin", output="gen/sw-sync.%(version)s.js"))
    env.register("css", Bundle(*CSS, filters="rcssmin", output="gen/app.%(version)s.css"))
    for screen_bundle, paths in SCREEN_CSS.items():
        env.register(f"{screen_bundle}_css", Bundle(*paths, filters="rcssmin", output=f"gen/{screen_bundle}.%(version)s.css"))
    if not env.auto_build:
        with one_build_at_a_time(env.directory):
            for name in ("page_js", *(f"{b}_js" for b in SCREEN_JS), "sw_js", "sw_sync_js", "css",
                         *(f"{b}_css" for b in SCREEN_CSS)):
                env[name].build()
    app.extensions["assets"] = env
    app.jinja_env.globals["asset_urls"] = lambda name: env[name].urls()
    app.jinja_env.globals["screen_bundle_urls"] = lambda: screen_bundle_urls(app)
    app.jinja_env.globals["screen_style_urls"] = lambda: screen_style_urls(app)
    return env


def screen_bundle_urls(app: Flask) -> dict[str, str]:
    """Each screen bundle's fingerprinted URL, by the name frontend/js/page/screens.js gives it."""
    env = app.extensions["assets"]
    return {name: env[f"{name}_js"].urls()[0] for name in SCREEN_JS}


def screen_style_urls(app: Flask) -> dict[str, str]:
    """The fingerprinted URL of each screen bundle's own stylesheet, by bundle name (SCREEN_CSS)."""
    env = app.extensions["assets"]
    return {name: env[f"{name}_css"].urls()[0] for name in SCREEN_CSS}
