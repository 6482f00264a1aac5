"""Shared steps for the studio's browser tests: a coach logged in, the catalogue runners get, filling a new exercise."""

import pytest
from playwright.sync_api import expect

from server.accounts.service import set_coach
from tests.browser.sync_steps import log_in
from tests.conftest import register_account

COACH_EMAIL = "studio.coach@example.com"


@pytest.fixture
def studio_app(app, tmp_path):
    """The test app with its clip uploads in this test's own folder."""
    app.config.update(UPLOAD_DIR=str(tmp_path / "uploads"))
    return app


@pytest.fixture
def coach_account(studio_app):
    """An account the operator made a coach."""
    account = register_account(studio_app, COACH_EMAIL)
    with studio_app.app_context():
        set_coach(account.email, True)
    return account


@pytest.fixture
def coach_page(page, live_server, coach_account):
    """Chromium logged in as the coach, on the Account screen."""
    log_in(page, live_server, coach_account)
    return page


def catalog(page, live_server) -> dict:
    """What runners get from /api/catalog now (no cookies: the public payload)."""
    return page.context.request.get(f"{live_server.url}/api/catalog", headers={"Cache-Control": "no-cache"}).json()


def served(page, live_server, kind: str, slug: str) -> dict | None:
    """One exercise or routine of the runners' catalogue, or None when it is not there."""
    return next((item for item in catalog(page, live_server)[f"{kind}s"] if item["slug"] == slug), None)


def status(page):
    """The studio item page's status line (what the last action did)."""
    return page.locator(".studio-status")


def fill_new_exercise(page, slug: str, name: str, source_title: str) -> None:
    """Fill every field a new exercise needs."""
    page.get_by_label("Address name (slug)").fill(slug)
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("Summary").fill("Lying on your back, arms and legs up, you lower opposite limbs while the trunk stays still.")
    page.locator("#exercise-tags").get_by_label("Core").check()
    page.get_by_label("Step 1", exact=True).fill("Lie on your back with arms up and knees over hips.")
    page.get_by_label("Step 2", exact=True).fill("Lower one arm and the opposite leg, then swap.")
    page.get_by_label("Top tip").fill("Press the lower back gently into the floor the whole time.")
    page.get_by_label("Fault 1", exact=True).fill("Letting the lower back arch off the floor.")
    page.get_by_label("Muscle 1", exact=True).fill("Deep abdominals")
    page.locator("#exercise-sources").get_by_label(source_title).check()


def fill_new_item(page, kind: str, slug: str, name: str, summary: str, tag: str) -> None:
    """From the studio's front page, open a new routine or program and fill its slug, name, summary and one tag."""
    page.get_by_role("link", name=f"New {kind}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"New {kind}")
    page.get_by_label("Address name (slug)").fill(slug)
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("Summary").fill(summary)
    page.locator(f"#{kind}-tags").get_by_label(tag).check()


def expect_refused_on(page, label: str, message: str) -> None:
    """Save draft, and see it refused on the control labelled `label`: marked, focused, its row's message `message`."""
    page.get_by_role("button", name="Save draft").click()
    control = page.get_by_label(label, exact=True)
    expect(control).to_have_attribute("aria-invalid", "true")
    expect(control).to_be_focused()
    expect(page.locator(".studio-row .field-error")).to_have_text(message)


def expect_state(page, text: str) -> None:
    """The item page's state line says `text` (e.g. "Coach version live")."""
    expect(page.locator(".studio-state")).to_contain_text(text)
