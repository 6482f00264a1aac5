"""A coach uploads a video from a phone: checked by its bytes, converted by the real ffmpeg, attached when done."""

import re
import subprocess
from pathlib import Path

import pytest

from server.catalog.service import load_catalog
from server.clips.library import COACH_CLIP_MAX_BYTES
from server.coach.clip_jobs import run_pending_jobs
from server.media import footage, poster_is_whole, probe_clip
from server.media.probe import ffmpeg_exe, read_report
from tests.conftest import CONTENT_DIR, MEDIA_DIR, csrf_token, log_in, register_account
from tests.coach.conftest import new_exercise
from tests.coach.clip_fixtures import SLUG, clip_app, make_video, served_video, upload, uploads_left, videos  # noqa: F401


def run_jobs(app) -> int:
    with app.app_context():
        return run_pending_jobs()


def job_of(client, job_id: str) -> dict:
    response = client.get(f"/api/coach/jobs/{job_id}")
    assert response.status_code == 200
    return response.get_json()


@pytest.mark.parametrize("kind, size", [("mp4", (854, 480)), ("mov", (240, 320)), ("webm", (320, 240)),
                                        ("sideways", (480, 854)), ("odd", (240, 320))])
def test_a_good_upload_is_queued_converted_and_then_served(clip_app, coach_client, videos, kind, size):
    before = served_video(coach_client)
    response = upload(coach_client, videos[kind])
    assert response.status_code == 202
    job = response.get_json()["job"]
    assert (job["slug"], job["state"], job["progress"], job["error"]) == (SLUG, "queued", 0.0, None)
    assert served_video(coach_client) == before  # nothing changes until the job is done

    assert run_jobs(clip_app) == 1
    done = job_of(coach_client, job["id"])
    assert (done["state"], done["progress"], done["error"]) == ("done", 1.0, None)

    video = served_video(coach_client)
    assert video != before
    assert video["origin"] == "coach" and video["src"].startswith("/media/coach/plank.")
    clip = probe_clip(MEDIA_DIR / video["src"].removeprefix("/media/"))  # the house format, every frame decoded
    assert (clip.codec, clip.pix_fmt, (clip.width, clip.height)) == ("h264", "yuv420p", size)
    assert (video["width"], video["height"], video["bytes"]) == (*size, clip.bytes)
    assert abs(video["duration_s"] - 2) < 0.1 and clip.fps <= 30
    assert coach_client.get(video["src"]).data == clip.mp4.read_bytes()
    assert coach_client.get(video["poster"]).status_code == 200
    assert poster_is_whole(MEDIA_DIR / video["poster"].removeprefix("/media/"))
    assert uploads_left(clip_app) == []  # the original is gone, and it was never under MEDIA_DIR


def test_the_converted_clip_has_no_sound_and_no_phone_metadata(clip_app, coach_client, videos):
    upload(coach_client, videos["mov"])  # the MOV has a sound track and a title
    run_jobs(clip_app)
    converted = MEDIA_DIR / served_video(coach_client)["src"].removeprefix("/media/")
    report = subprocess.run([ffmpeg_exe(), "-hide_banner", "-i", str(converted)], capture_output=True, text=True).stderr
    assert "Video: h264 (High)" in report
    assert "Audio:" not in report and "phone-title" not in report


def test_an_upload_over_the_apps_one_megabyte_cap_is_taken(clip_app, coach_client, videos):
    assert videos["big"].stat().st_size > clip_app.config["MAX_CONTENT_LENGTH"]
    response = upload(coach_client, videos["big"])
    assert response.status_code == 202, response.get_json()
    run_jobs(clip_app)
    assert job_of(coach_client, response.get_json()["job"]["id"])["state"] == "done"


BAD = [
    ("junk", footage.NOT_A_VIDEO),
    ("zip", footage.ZIP),
    ("truncated", footage.INCOMPLETE),
    ("truncated-webm", footage.INCOMPLETE),
    ("audio", footage.NO_PICTURE),
    ("empty", footage.EMPTY),
]


@pytest.mark.parametrize("kind, message", BAD)
def test_a_file_that_is_not_a_whole_video_is_refused_at_once(clip_app, coach_client, videos, kind, message):
    before = served_video(coach_client)
    response = upload(coach_client, videos[kind], name="clip.mp4")  # the name and type claim MP4 every time
    assert response.status_code == 400
    assert response.get_json() == {"error": {"status": 400, "message": message}, "field": "file"}
    assert coach_client.get(f"/api/coach/jobs?slug={SLUG}").get_json()["jobs"] == []
    assert uploads_left(clip_app) == []
    assert served_video(coach_client) == before


def test_a_video_longer_than_a_clip_may_be_is_refused_at_once(clip_app, coach_client, videos):
    clip_app.config["COACH_CLIP_MAX_SECONDS"] = 10
    before = served_video(coach_client)
    response = upload(coach_client, videos["long"])  # 12 seconds
    assert response.status_code == 400
    assert response.get_json() == {"error": {"status": 400, "message": (
        "This video is 12 seconds long; a clip may be at most 10 seconds. Trim it to the movement itself and upload"
        " it again.")}, "field": "file"}
    assert coach_client.get(f"/api/coach/jobs?slug={SLUG}").get_json()["jobs"] == []
    assert uploads_left(clip_app) == []
    assert served_video(coach_client) == before
    clip_app.config["COACH_CLIP_MAX_SECONDS"] = 12
    assert upload(coach_client, videos["long"]).status_code == 202  # at the limit is taken


def test_a_converted_clip_over_the_size_a_catalogue_load_takes_fails_its_job(clip_app, coach_client, videos):
    # A clip the studio attached is one a catalogue export carries: a load refuses one over 8 MB, so the job does.
    clip_app.config["COACH_CLIP_MAX_BYTES"] = 4 * 1024  # lowered, so a test video is over it
    before = served_video(coach_client)
    job = upload(coach_client, videos["mp4"]).get_json()["job"]
    run_jobs(clip_app)
    failed = job_of(coach_client, job["id"])
    assert failed["state"] == "failed"
    assert re.fullmatch(r"The converted clip came out at \d+\.\d MB, over the 0\.00390625 MB a clip may be\."
                        r" Trim it to the movement itself and upload it again\.", failed["error"]), failed["error"]
    assert served_video(coach_client) == before
    assert uploads_left(clip_app) == []


def test_busy_footage_is_held_to_the_bitrate_ceiling(tmp_path):
    # Noise is what compresses worst: on the CRF alone it would come out several times larger.
    noisy = make_video(tmp_path / "noise.mp4", "-f", "lavfi", "-i", "nullsrc=size=854x480:rate=25,geq=random(1)*255:128:128",
                       codec=["-c:v", "libx264", "-preset", "ultrafast", "-crf", "0", "-pix_fmt", "yuv420p"], seconds=3)
    out = tmp_path / "out.mp4"
    footage.convert_footage(noisy, out, duration_s=3, time_limit_s=120, on_progress=lambda _: None)
    at_most = lambda seconds: (seconds + 1) * footage.MAX_KBPS * 1000 / 8  # noqa: E731 - the rate, and one second's buffer
    assert out.stat().st_size <= 1.05 * at_most(3), f"{out.stat().st_size} bytes for 3 s, over {footage.MAX_KBPS} kb/s"
    assert 1.05 * at_most(60) < COACH_CLIP_MAX_BYTES, "a minute at the ceiling fits the size a coach clip may be"


def mean_luma(path: Path) -> float:
    """The first frame's average Y (8-bit, TV range: 16 black, 235 white), as ffmpeg's signalstats measures it."""
    report = subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(path), "-vf",
                             "signalstats,metadata=print:key=lavfi.signalstats.YAVG:file=-", "-frames:v", "1", "-f", "null", "-"],
                            capture_output=True, text=True, check=True).stdout
    return float(re.search(r"YAVG=([\d.]+)", report).group(1))


# HDR's reference white (BT.2100: 75% of the HLG signal, 203 cd/m² in PQ) as a grey frame, 10-bit, tagged as phones
# tag it, or with its transfer alone.
@pytest.mark.parametrize("transfer, code, tagged", [("arib-std-b67", 721, True), ("smpte2084", 572, True),
                                                    ("arib-std-b67", 721, False)])
def test_hdr_footage_is_tone_mapped_to_the_sdr_every_clip_is_in(tmp_path, transfer, code, tagged):
    tags = ["colorprim=bt2020", f"transfer={transfer}", "colormatrix=bt2020nc"] if tagged else [f"transfer={transfer}"]
    flags = ["-color_primaries", "bt2020", "-color_trc", transfer, "-colorspace", "bt2020nc"] if tagged else ["-color_trc", transfer]
    hdr = make_video(tmp_path / "hdr.mov", "-f", "lavfi", "-i", f"color=size=640x360:rate=25,format=yuv420p10le,geq=lum={code}:cb=512:cr=512",
                     codec=["-c:v", "libx265", "-x265-params", ":".join(["log-level=error", *tags]), *flags], seconds=1)
    assert transfer in read_report(hdr)["colour"] and ("bt2020" in read_report(hdr)["colour"]) == tagged
    out = tmp_path / "out.mp4"
    footage.convert_footage(hdr, out, duration_s=1, time_limit_s=120, on_progress=lambda _: None)
    clip = probe_clip(out)
    assert (clip.codec, clip.pix_fmt) == ("h264", "yuv420p")
    assert read_report(out)["colour"].split(", ")[1] == "bt709", "tagged as the SDR it now is"
    # Read as SDR without tone mapping, PQ's white would be a dim grey (143) and HLG's a flat one (180).
    assert 205 <= mean_luma(out) <= 235


def test_a_body_without_a_file_says_what_to_do(clip_app, coach_client):
    response = coach_client.post(f"/api/coach/clips/{SLUG}", data={"other": "x"}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert response.get_json() == {"error": {"status": 400, "message": "Choose a video to upload."}, "field": "file"}
    response = coach_client.post(f"/api/coach/clips/{SLUG}", json={"file": "x"})
    assert response.status_code == 400 and response.get_json()["field"] == "file"


def test_an_unknown_exercise_is_a_404_and_keeps_nothing(clip_app, coach_client, videos):
    response = upload(coach_client, videos["small"], slug="no-such-exercise")
    assert response.status_code == 404
    assert response.get_json()["error"]["message"] == "Nothing in the studio is called 'no-such-exercise'."
    assert uploads_left(clip_app) == []


def test_a_video_over_the_cap_is_a_json_413_and_keeps_nothing(clip_app, coach_client, videos):
    clip_app.config["COACH_UPLOAD_MAX_BYTES"] = 1024 * 1024  # a 1 MB cap, so the test sends 1.5 MB, not 200
    response = upload(coach_client, videos["big"])
    assert response.status_code == 413
    assert response.get_json()["error"] == {
        "status": 413, "message": "This video is over 1 MB. Trim it, or export it at a lower quality, and upload it again."}
    assert uploads_left(clip_app) == []


def test_a_chunked_upload_over_the_cap_is_cut_off_and_keeps_nothing(clip_app, coach_client, videos):
    clip_app.config["COACH_UPLOAD_MAX_BYTES"] = 1024 * 1024
    body = (b'--x\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\n'
            b"Content-Type: video/mp4\r\n\r\n" + videos["big"].read_bytes() + b"\r\n--x--\r\n")
    # No Content-Length: the server only finds out while reading, with part of the file already on disk.
    response = coach_client.post(f"/api/coach/clips/{SLUG}", data=body, content_type="multipart/form-data; boundary=x",
                                 environ_overrides={"HTTP_TRANSFER_ENCODING": "chunked", "wsgi.input_terminated": True})
    assert response.status_code == 413
    assert "over 1 MB" in response.get_json()["error"]["message"]
    assert uploads_left(clip_app) == []


def test_a_body_over_200_mb_is_refused_before_it_is_read(clip_app, coach_client):
    body = _Zeros(200 * 1024 * 1024 + 1)
    response = coach_client.post(f"/api/coach/clips/{SLUG}", input_stream=body,
                                 content_type="multipart/form-data; boundary=x")
    assert response.status_code == 413
    assert "over 200 MB" in response.get_json()["error"]["message"]
    assert body.read_so_far == 0
    assert uploads_left(clip_app) == []


class _Zeros:
    """A request body of ``size`` zero bytes, made only as far as it is read."""

    def __init__(self, size: int):
        self.size, self.position, self.read_so_far = size, 0, 0

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = 0) -> int:
        self.position = {0: offset, 1: self.position + offset, 2: self.size + offset}[whence]
        return self.position

    def read(self, size: int = -1) -> bytes:
        size = min(self.size - self.position, 65536 if size is None or size < 0 else size)
        self.position += size
        self.read_so_far += size
        return bytes(size)

    readline = read


def test_a_video_whose_frames_do_not_decode_fails_its_job_and_the_old_clip_stays(clip_app, coach_client, videos):
    before = served_video(coach_client)
    response = upload(coach_client, videos["scrambled"])
    assert response.status_code == 202  # its boxes and ffmpeg's report look fine: only converting tells
    run_jobs(clip_app)
    failed = job_of(coach_client, response.get_json()["job"]["id"])
    assert (failed["state"], failed["error"]) == ("failed", footage.NOT_CONVERTED)
    assert served_video(coach_client) == before
    assert coach_client.get(before["src"]).status_code == 200
    assert uploads_left(clip_app) == []


def test_ffmpeg_is_stopped_at_the_time_limit(clip_app, coach_client, videos):
    clip_app.config["COACH_TRANSCODE_SECONDS"] = 0.2
    before = served_video(coach_client)
    job = upload(coach_client, videos["long"]).get_json()["job"]
    run_jobs(clip_app)
    failed = job_of(coach_client, job["id"])
    assert failed["state"] == "failed"
    assert failed["error"] == ("Converting this video took longer than 0.2 seconds, so it was stopped."
                               " Trim it to the movement itself and upload it again.")
    assert served_video(coach_client) == before
    assert uploads_left(clip_app) == []


def test_progress_follows_ffmpeg_against_the_duration(tmp_path, videos):
    seen = []
    footage.convert_footage(videos["long"], tmp_path / "out.mp4", duration_s=12, time_limit_s=120,
                            on_progress=seen.append)
    assert seen == sorted(seen) and len(seen) >= 2
    assert 0 <= seen[0] < 0.9 and 0.9 < seen[-1] <= 1.0


def test_the_job_list_says_what_an_upload_may_be(clip_app, coach_client):
    clip_app.config.update(COACH_CLIP_MAX_SECONDS=45, COACH_UPLOAD_MAX_BYTES=100 * 1024 * 1024)
    assert coach_client.get(f"/api/coach/jobs?slug={SLUG}").get_json() == {
        "jobs": [], "limits": {"bytes": 100 * 1024 * 1024, "seconds": 45}}


def test_jobs_are_listed_newest_first(clip_app, coach_client, videos):
    first = upload(coach_client, videos["small"]).get_json()["job"]
    second = upload(coach_client, videos["webm"]).get_json()["job"]
    listed = coach_client.get(f"/api/coach/jobs?slug={SLUG}").get_json()["jobs"]
    assert [job["id"] for job in listed] == [second["id"], first["id"]]
    assert coach_client.get("/api/coach/jobs?slug=side-plank").get_json()["jobs"] == []
    assert coach_client.get("/api/coach/jobs").status_code == 400
    assert coach_client.get("/api/coach/jobs/not-a-job").status_code == 404
    assert coach_client.get(f"/api/coach/jobs/{'0' * 32}").status_code == 404


def test_the_upload_is_in_the_exercises_history(clip_app, coach_client, coach, videos):
    job = upload(coach_client, videos["small"]).get_json()["job"]
    run_jobs(clip_app)
    actions = coach_client.get("/api/coach/actions").get_json()["actions"]
    uploads = [a for a in actions if a["action"] == "upload"]
    assert len(uploads) == 1
    assert (uploads[0]["by"], uploads[0]["kind"], uploads[0]["slug"]) == (coach.email, "exercise", SLUG)
    assert uploads[0]["detail"]["src"] == served_video(coach_client)["src"]
    assert coach_client.get(f"/api/coach/exercises/{SLUG}").get_json()["history"][0]["action"] == "upload"


def test_catalog_load_keeps_the_uploaded_files(clip_app, coach_client, videos):
    upload(coach_client, videos["small"])
    run_jobs(clip_app)
    video = served_video(coach_client)
    with clip_app.app_context():
        load_catalog(CONTENT_DIR, MEDIA_DIR)
    for url in (video["src"], video["poster"]):
        assert (MEDIA_DIR / url.removeprefix("/media/")).is_file()
        assert coach_client.get(url).status_code == 200
    assert served_video(coach_client) == video


def test_a_drafts_clip_is_served_once_the_draft_is_published(clip_app, coach_client, videos):
    assert coach_client.post("/api/coach/exercises", json=new_exercise()).status_code == 201
    job = upload(coach_client, videos["small"], slug="wall-sit").get_json()["job"]
    run_jobs(clip_app)
    assert job_of(coach_client, job["id"])["state"] == "done"
    assert coach_client.get("/api/catalog/exercises/wall-sit").status_code == 404  # still a draft
    assert coach_client.post("/api/coach/exercises/wall-sit/publish").status_code == 200
    video = served_video(coach_client, "wall-sit")
    assert video["origin"] == "coach" and video["src"].startswith("/media/coach/wall-sit.")


@pytest.mark.parametrize("method, path", [("post", f"/api/coach/clips/{SLUG}"), ("get", "/api/coach/jobs?slug=plank"),
                                          ("get", f"/api/coach/jobs/{'0' * 32}")])
def test_only_coaches_may_upload_or_see_jobs(clip_app, videos, method, path):
    client = clip_app.test_client()
    token = {"X-CSRFToken": csrf_token(client)}
    assert getattr(client, method)(path, headers=token).status_code == 401
    log_in(client, register_account(clip_app))
    response = upload(client, videos["small"]) if method == "post" else client.get(path)
    assert response.status_code == 403
    assert uploads_left(clip_app) == []


def test_an_upload_needs_the_csrf_token(clip_app, coach_client, videos):
    del coach_client.environ_base["HTTP_X_CSRFTOKEN"]
    response = upload(coach_client, videos["small"])
    assert response.status_code == 400
    assert "CSRF" in response.get_json()["error"]["message"]
    assert uploads_left(clip_app) == []
    assert coach_client.get(f"/api/coach/jobs?slug={SLUG}").get_json()["jobs"] == []


def test_uploads_wait_outside_the_media_folder(clip_app):
    assert not Path(clip_app.config["UPLOAD_DIR"]).resolve().is_relative_to(MEDIA_DIR.resolve())
