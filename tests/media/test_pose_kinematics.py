"""The figure's kinematics, tested on positions (not pixels), for every pose script."""

import math

import pytest

from server.media import load_pose_script, load_pose_scripts
from server.media.build import frame_count
from server.media.figure import HAND, LIMBS, RADIUS, SEGMENTS, SHIN, SOLE, THIGH, UPPER_ARM, contact_low, drawn_points, point
from server.media.motion import FLOOR_TOLERANCE, Motion, ease, pose_at
from server.media.props import ground_at
from server.media.vector import dist
from tests.media.helpers import POSES_DIR, SLUGS


@pytest.fixture(scope="module")
def scripts():
    return load_pose_scripts(POSES_DIR)


def test_one_pose_script_per_exercise(scripts):
    assert sorted(scripts) == SLUGS


@pytest.mark.parametrize("slug", SLUGS)
def test_script_facts(scripts, slug):
    script = scripts[slug]
    assert script.side in ("left", "right", "both")
    assert 3 <= script.duration_s <= 8
    assert script.keyframes[0].t == 0


def _frames(script):
    return Motion(script).frames(frame_count(script))


@pytest.mark.parametrize("slug", SLUGS)
def test_proportions_constant(scripts, slug):
    """Every segment keeps its length in every frame: forward kinematics, never interpolated positions."""
    frames = _frames(scripts[slug])
    first = frames[0].points
    lengths = {(a, b): dist(first[a], first[b]) for a, b in SEGMENTS}
    assert math.isclose(lengths[("left_hip", "left_knee")], THIGH, abs_tol=1e-9)
    assert math.isclose(lengths[("right_knee", "right_ankle")], SHIN, abs_tol=1e-9)
    assert math.isclose(lengths[("left_shoulder", "left_elbow")], UPPER_ARM, abs_tol=1e-9)
    assert math.isclose(lengths[("right_wrist", "right_hand")], HAND, abs_tol=1e-9)
    for fr in frames[1:]:
        for (a, b), length in lengths.items():
            assert math.isclose(dist(fr.points[a], fr.points[b]), length, abs_tol=1e-9), (slug, fr.u, a, b)


@pytest.mark.parametrize("slug", SLUGS)
def test_anchor_stays_planted(scripts, slug):
    """The anchor is at one position for the whole of each phase (hops add their own offset)."""
    script = scripts[slug]
    frames = _frames(script)
    held = {}
    for fr in frames:
        p = point(fr.points, fr.anchor)
        at = (p[0] - fr.offset[0], p[1] - fr.offset[1], p[2] - fr.offset[2])
        first = held.setdefault(fr.phase, at)
        assert dist(at, first) < 1e-9, (slug, fr.u, fr.anchor)
    single_anchor = len({kf.anchor for kf in script.keyframes}) == 1
    no_offsets = all(fr.offset == (0.0, 0.0, 0.0) for fr in frames)
    if single_anchor and no_offsets:
        start = point(frames[0].points, frames[0].anchor)
        for fr in frames:
            assert dist(point(fr.points, fr.anchor), start) < 1e-9, (slug, fr.u)


@pytest.mark.parametrize("slug", SLUGS)
def test_anchor_rests_on_its_surface(scripts, slug):
    script = scripts[slug]
    first = Motion(script).frame(0.0)
    assert math.isclose(contact_low(first.points, first.anchor), script.anchor_height, abs_tol=1e-9)


@pytest.mark.parametrize("slug", SLUGS)
def test_loop_is_seamless_and_nothing_jumps(scripts, slug):
    for k, name, gap in Motion(scripts[slug]).jumps():
        assert gap < 0.01, (slug, k, name, gap)


@pytest.mark.parametrize("slug", SLUGS)
def test_nothing_sinks_into_the_floor(scripts, slug):
    """Every body point, with its drawn thickness, in every frame of the clip, stays on or above the
    floor, or the top of the step, pad or board under it."""
    motion = Motion(scripts[slug])
    for fr in motion.frames(frame_count(scripts[slug])):
        for name, p, r in drawn_points(fr.points):
            assert p[1] - r > ground_at(motion.surfaces, p[0], p[2]) - FLOOR_TOLERANCE, (slug, fr.u, name)


def test_the_floor_check_is_tight():
    assert FLOOR_TOLERANCE <= 0.005


@pytest.mark.parametrize("slug", ["step-up", "unstable-surface-balance"])
def test_feet_never_sink_into_a_step_or_pad(scripts, slug):
    motion = Motion(scripts[slug])
    assert motion.surfaces
    for fr in motion.frames(frame_count(scripts[slug])):
        for side in ("left", "right"):
            for p in SOLE:
                x, y, z = fr.points[f"{side}_{p}"]
                assert y - RADIUS[p] > ground_at(motion.surfaces, x, z) - 0.01, (slug, fr.u, side, p)


@pytest.mark.parametrize("slug", ["glute-bridge", "lunge", "plank", "side-lying-clamshell"])
def test_pinned_feet_stay_put(scripts, slug):
    """Feet held by IK pins do not slide while pinned."""
    motion = Motion(scripts[slug])
    for fr in motion.frames(frame_count(scripts[slug])):
        for pin, held in motion.pin_targets[fr.phase].items():
            end = fr.points[LIMBS[pin][2]]
            assert dist(end, held.target) < 1e-6, (slug, fr.u, pin)


def test_keyframes_are_reached_exactly(scripts):
    script = scripts["medicine-ball-wood-chop"]
    for k, kf in enumerate(script.keyframes):
        phase, pose = pose_at(script, kf.t)
        assert phase == k and pose == kf.pose


def test_easing_starts_and_ends_still():
    for kind in ("inout", "in", "out", "linear"):
        assert ease(kind, 0) == 0 and math.isclose(ease(kind, 1), 1)
    assert ease("inout", 0.5) == pytest.approx(0.5)
    assert ease("out", 0.5) > 0.5 > ease("in", 0.5)


def test_unilateral_scripts_record_their_side(scripts):
    assert scripts["side-plank"].side == "right"
    assert scripts["heel-tap-side"].side == "left"
    assert scripts["glute-bridge"].side == "both"


def test_single_script_loads_by_path():
    script = load_pose_script(POSES_DIR / "glute-bridge.toml")
    assert script.slug == "glute-bridge" and len(script.keyframes) >= 2
