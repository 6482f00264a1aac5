"""The settings screen checks a change with the shared settings rule before it saves it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.training_steps import outbox

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("label", "value", "message"), [
    ("Switch sides pause (seconds)", "31", "Enter a whole number from 0 to 30."),
    ("Switch sides pause (seconds)", "", "Enter a whole number from 0 to 30."),
    ("Get ready countdown (seconds)", "2.5", "Enter a whole number from 0 to 60."),
])
def test_a_setting_the_rule_refuses_is_shown_on_its_field_and_not_saved(page, live_server, label, value, message):
    page.goto(f"{live_server.url}/settings")
    field = page.get_by_label(label)
    field.fill(value)
    field.press("Tab")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".field-error")).to_have_text(message)
    expect(field).to_have_accessible_description(re.compile(re.escape(message) + "$"))
    assert [c for c in outbox(page) if c["entity"] == "settings"] == []

    field.fill("12")
    field.press("Tab")
    expect(page.get_by_role("status").filter(has_text="Saved")).to_have_text("Saved.")
    expect(page.locator(".field-error")).to_have_count(0)
    expect(field).not_to_have_attribute("aria-invalid", "true")
    key = field.get_attribute("id").removeprefix("setting-")
    assert [(c["id"], c["data"]["value"]) for c in outbox(page)] == [(key, 12)]


def test_the_device_defaults_pass_the_settings_rule(page, live_server):
    page.goto(f"{live_server.url}/settings")
    expect(page.get_by_label("Spoken cues")).to_be_checked()
    assert page.evaluate("steady.settings.readSettings().then((s) => steady.rules.settings.validateSettings(s))") == []
    assert page.evaluate("steady.settings.readSettings()") | {} == {
        "cue_speech": True, "cue_beeps": True, "cue_vibration": True, "switch_seconds": 5, "get_ready_seconds": 10,
        "units": "kg", "time_zone": "auto", "weekly_target": 3, "week_start": "monday", "pauses": [],
        "runs": {}, "weaker_side_first": False}
