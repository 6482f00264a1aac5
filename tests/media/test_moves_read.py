"""The clips show the point of each move: measured on the figure's positions in every frame."""

import math

import pytest

from server.media import load_pose_scripts
from server.media.build import frame_count
from server.media.figure import FOREARM, HAND, RADIUS, SOLE
from server.media.motion import Motion
from server.media.panels import ClipPainter
from server.media.props import MAT_HEIGHT
from server.media.vector import dist, dot, norm, sub
from tests.media.helpers import FRONT_VIEW, HEEL_TAPS, POSES_DIR


@pytest.fixture(scope="module")
def scripts():
    return load_pose_scripts(POSES_DIR)


def _frames(script):
    return Motion(script).frames(frame_count(script))


def _held(script, k):
    """Frames inside keyframe ``k``'s hold (the pose the clip is about)."""
    kf = script.keyframes[k]
    return [fr for fr in _frames(script) if kf.t <= fr.u <= kf.t + kf.hold]


def sole_height(points, side):
    """Height of the lowest point of a foot's sole, its drawn thickness included (m)."""
    return min(points[f"{side}_{p}"][1] - RADIUS[p] for p in SOLE)


def knee_bend(points, side):
    """Knee flexion in degrees from the positions: 0 is a straight leg."""
    thigh = sub(points[f"{side}_hip"], points[f"{side}_knee"])
    shin = sub(points[f"{side}_ankle"], points[f"{side}_knee"])
    return 180 - math.degrees(math.acos(dot(thigh, shin) / (norm(thigh) * norm(shin))))


def test_single_leg_balance_lifts_the_foot_clear(scripts):
    script = scripts["single-leg-balance"]
    held = _held(script, 1)
    assert len(held) >= 40
    for fr in held:
        assert sole_height(fr.points, "right") >= 0.08, fr.u  # a hand's height, not a hover
        assert abs(sole_height(fr.points, "left")) < 0.003, fr.u  # the standing foot stays down


@pytest.mark.parametrize("slug", HEEL_TAPS)
def test_heel_taps_bend_the_standing_knee_into_a_small_squat(scripts, slug):
    frames = _frames(scripts[slug])
    bends = [knee_bend(fr.points, "left") for fr in frames]
    assert max(bends) >= 50, slug
    assert min(bends) <= 15, slug  # and it straightens again between taps
    for fr in frames:
        assert abs(sole_height(fr.points, "left")) < 0.003, (slug, fr.u)


@pytest.mark.parametrize("slug", HEEL_TAPS)
def test_heel_taps_touch_the_floor_and_lift_between_taps(scripts, slug):
    heights = [sole_height(fr.points, "right") for fr in _frames(scripts[slug])]
    assert min(heights) == pytest.approx(0.0, abs=0.003), slug  # the heel lands on the floor, not in it
    assert max(heights) >= 0.08, slug  # and the foot clearly leaves it between taps


def test_rotated_heel_tap_foot_never_passes_through_the_floor(scripts):
    for fr in _frames(scripts["heel-tap-rotated"]):
        for p in SOLE + ("ankle",):
            x, y, z = fr.points[f"right_{p}"]
            assert y - RADIUS[p] >= -0.001, (fr.u, p)


def test_side_plank_rests_on_the_forearm_and_shows_it(scripts):
    script = scripts["side-plank"]
    held = _held(script, 1)
    assert len(held) >= 40
    camera = ClipPainter(script, Motion(script)).panels[0]
    for fr in held:
        elbow, wrist, hand = (fr.points[f"right_{p}"] for p in ("elbow", "wrist", "hand"))
        assert elbow[1] - RADIUS["elbow"] == pytest.approx(MAT_HEIGHT, abs=0.01), fr.u  # elbow on the mat
        assert abs(wrist[1] - elbow[1]) < 0.02 and abs(hand[1] - elbow[1]) < 0.02, fr.u  # forearm along it
        assert dist(elbow, hand) == pytest.approx(FOREARM + HAND, abs=1e-6)
        # Seen through the clip's camera the forearm is a visible length, not foreshortened to a dot.
        a, b = camera.project(elbow), camera.project(hand)
        assert math.hypot(a[0] - b[0], a[1] - b[1]) >= 0.4 * (FOREARM + HAND), fr.u


@pytest.mark.parametrize("slug", FRONT_VIEW)
def test_knee_tracking_moves_are_shown_from_the_front(scripts, slug):
    script = scripts[slug]
    assert script.views == ("side", "front"), slug
    painter = ClipPainter(script, Motion(script))
    assert [p.width for p in painter.panels] == [240, 240]
    assert painter.render(0.0).size == (480, 360)  # the size the card and player show


def test_one_view_clips_keep_their_whole_frame(scripts):
    script = scripts["plank"]
    assert script.views == ("side",)
    assert [p.width for p in ClipPainter(script, Motion(script)).panels] == [480]
