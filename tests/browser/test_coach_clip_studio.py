"""A coach gives an exercise a new clip from the studio: the upload, the conversion's progress and
the new clip playing, through the real ffmpeg; a file that is no video fails in words and the old clip stays."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe_check import axe_in_both_schemes
from tests.browser.studio_steps import coach_account, coach_page, served, studio_app  # noqa: F401  (fixtures)
from server.media.footage import ZIP
from tests.coach.clip_fixtures import make_video

pytestmark = pytest.mark.browser

H264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]


def test_a_clip_uploaded_converted_and_playing(coach_page, live_server, tmp_path, screenshot):
    page = coach_page
    video = make_video(tmp_path / "phone.mp4", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", codec=H264)
    old = served(page, live_server, "exercise", "plank")["video"]
    page.goto(f"{live_server.url}/coach/exercises/plank")
    current = page.get_by_label("Current demonstration of Plank")
    expect(current).to_have_attribute("src", old["src"])
    expect(page.get_by_text("The built-in demonstration.")).to_be_visible()

    page.locator("#clip-choose").set_input_files(str(video))
    words = page.locator("#clip-progress-words")
    expect(words).to_have_text("The new clip is ready.", timeout=60_000)
    new = served(page, live_server, "exercise", "plank")["video"]
    assert new["origin"] == "coach" and new["src"] != old["src"]
    expect(current).to_have_attribute("src", new["src"])
    expect(page.get_by_text("Uploaded by a coach.")).to_be_visible()
    expect(page.locator(".studio-history li").first).to_contain_text("Uploaded a clip")
    page.wait_for_function("document.querySelector('.studio-clip video').readyState >= 1")
    axe_in_both_schemes(page, screenshot, "studio-clip")


def test_a_file_that_is_no_video_fails_in_words_and_the_old_clip_stays(coach_page, live_server, tmp_path):
    page = coach_page
    junk = tmp_path / "holiday.mp4"  # a zip archive, renamed
    junk.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 40)
    old = served(page, live_server, "exercise", "plank")["video"]
    page.goto(f"{live_server.url}/coach/exercises/plank")
    page.locator("#clip-choose").set_input_files(str(junk))
    failure = page.locator(".studio-clip .form-error")
    expect(failure).to_be_visible(timeout=60_000)
    expect(failure).to_be_focused()
    expect(failure).to_contain_text(ZIP)
    assert served(page, live_server, "exercise", "plank")["video"] == old
    expect(page.get_by_label("Current demonstration of Plank")).to_have_attribute("src", old["src"])


def test_a_video_too_long_for_a_clip_is_refused_before_it_is_uploaded(coach_page, live_server, studio_app, tmp_path):
    studio_app.config.update(COACH_CLIP_MAX_SECONDS=5, COACH_UPLOAD_MAX_BYTES=50 * 1024 * 1024)
    page = coach_page
    video = make_video(tmp_path / "whole-run.mp4", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", codec=H264, seconds=8)
    uploads = []
    page.on("request", lambda request: uploads.append(request.url) if "/api/coach/clips/" in request.url else None)
    page.goto(f"{live_server.url}/coach/exercises/plank")
    expect(page.locator(".studio-clip .hint")).to_contain_text("MP4, MOV or WebM, up to 50 MB and 5 seconds long.")
    page.locator("#clip-choose").set_input_files(str(video))
    failure = page.locator(".studio-clip .form-error")
    expect(failure).to_be_focused()
    expect(failure).to_have_text(re.compile(r"^This video is \d+ seconds long; a clip may be at most 5 seconds\."
                                            r" Trim it to the movement itself and upload it again\.$"))
    assert uploads == [], "refused before a byte was sent"
    studio_app.config["COACH_CLIP_MAX_SECONDS"] = 60
    page.reload()
    page.locator("#clip-choose").set_input_files(str(video))
    expect(page.locator("#clip-progress-words")).to_have_text("The new clip is ready.", timeout=60_000)
