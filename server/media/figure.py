"""The figure: fixed segment lengths, forward kinematics, named points, and two-bone IK for pins.

Pure arithmetic on 3-vectors (no pixels, no timing). World axes: x to the right of
the screen, y up, z toward the camera of an unrotated side view; the floor is
y = 0. In the body's own frame x is forward, y is up (along the segment, toward
its parent for limbs hanging down) and z is the body's right. Segment lengths
never change: every position comes from angles, never from interpolated points.
How a script's keyframes become a moving, anchored figure is ``motion.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from server.media.script import PAIRS, SIDES
from server.media.vector import (
    Vec, add, apply, chain, dist, dot, mat_mul, mid, mul, norm, rot_axis, rot_x, rot_y, rot_z, sub,
)

# Segment lengths in metres (a runner about 1.78 m tall).
PELVIS_TO_SPINE = 0.08
LUMBAR = 0.16
THORACIC = 0.30
NECK = 0.20
SHOULDER_HALF = 0.18
SHOULDER_DROP = 0.02
HIP_HALF = 0.09
UPPER_ARM = 0.29
FOREARM = 0.25
HAND = 0.07
THIGH = 0.43
SHIN = 0.42
# Foot points relative to the ankle, in the foot's frame (x forward, y up, z right).
HEEL = (-0.055, -0.07, 0.0)
BALL = (0.135, -0.07, 0.0)
BALL_SIDE = (0.125, -0.065, 0.042)  # z sign: + is the lateral side of the right foot
TOE_KNUCKLE = 0.035  # ball of the foot to the toe knuckle
TOE_TIP = 0.03       # knuckle to the tip
NOSE = 0.09

# Drawn half-thickness of the body at each point (m): used for floor contact and framing.
RADIUS = {
    "pelvis": 0.11, "spine": 0.105, "waist": 0.105, "chest": 0.11, "head": 0.105, "nose": 0.03,
    "shoulder": 0.055, "elbow": 0.045, "wrist": 0.038, "hand": 0.045,
    "hip": 0.08, "knee": 0.055, "ankle": 0.045, "heel": 0.03, "ball": 0.022, "ball_in": 0.022,
    "ball_out": 0.022, "knuckle": 0.02, "toe": 0.016,
}
SOLE = ("heel", "ball", "ball_in", "ball_out", "knuckle", "toe")
FOOT_POINTS = ("heel", "ball", "ball_in", "ball_out", "knuckle", "toe")

# Pairs of points whose distance is fixed by the skeleton (checked by the tests).
SEGMENTS: tuple[tuple[str, str], ...] = (
    ("pelvis", "spine"), ("spine", "waist"), ("waist", "chest"), ("chest", "head"), ("head", "nose"),
    ("left_hip", "right_hip"), ("left_shoulder", "right_shoulder"),
    ("pelvis", "left_hip"), ("chest", "left_shoulder"), ("chest", "right_shoulder"),
) + tuple(
    (f"{s}_{a}", f"{s}_{b}")
    for s in SIDES
    for a, b in (("shoulder", "elbow"), ("elbow", "wrist"), ("wrist", "hand"), ("elbow", "hand"),
                 ("hip", "knee"), ("knee", "ankle"), ("ankle", "heel"), ("ankle", "ball"),
                 ("heel", "ball"), ("ball", "knuckle"), ("knuckle", "toe"), ("ankle", "ball_in"),
                 ("ankle", "ball_out"))
)

# Inversion turns the foot about an oblique axis, like the subtalar joint: tilted up
# from the sole toward the shin, so the sole turns in and the forefoot swings in with it.
SUBTALAR_TILT = 35.0
SUBTALAR_AXIS: Vec = (math.cos(math.radians(SUBTALAR_TILT)), math.sin(math.radians(SUBTALAR_TILT)), 0.0)


# --- forward kinematics ------------------------------------------------------------------------------

def forward(pose: dict[str, float]) -> dict[str, Vec]:
    """Every point of the figure for one set of angles, pelvis at the origin (no anchoring)."""
    g = pose.get
    pts: dict[str, Vec] = {}
    # Body orientation: roll (lean left), then pitch (lean forward), then yaw (turn left).
    root = chain(rot_y(g("body_yaw", 0)), rot_z(-g("body_pitch", 0)), rot_x(-g("body_roll", 0)))
    origin = (0.0, 0.0, 0.0)
    pts["pelvis"] = origin
    spine = apply(root, (0, PELVIS_TO_SPINE, 0))
    pts["spine"] = spine
    lower = chain(root, rot_z(-g("trunk_flex", 0)), rot_x(-g("trunk_side", 0)), rot_y(g("trunk_twist", 0)))
    waist = add(spine, apply(lower, (0, LUMBAR, 0)))
    pts["waist"] = waist
    upper = chain(lower, rot_z(-g("chest_flex", 0)), rot_x(-g("chest_side", 0)), rot_y(g("chest_twist", 0)))
    chest = add(waist, apply(upper, (0, THORACIC, 0)))
    pts["chest"] = chest
    neck = mat_mul(upper, rot_z(-g("neck_flex", 0)))
    head = add(chest, apply(neck, (0, NECK, 0)))
    pts["head"] = head
    pts["nose"] = add(head, apply(neck, (NOSE, 0.0, 0)))
    pts["_forward"] = apply(root, (1, 0, 0))
    pts["_left"] = apply(root, (0, 0, -1))
    pts["_chest_left"] = apply(upper, (0, 0, -1))

    for s in SIDES:
        sign = 1.0 if s == "left" else -1.0  # +1 where a positive angle turns toward the body's left
        lat = -sign  # the body's z of this side: left is -z

        def a(name: str) -> float:
            return g(f"{s}_{name}", 0)

        shoulder = add(chest, apply(upper, (0, -SHOULDER_DROP, lat * SHOULDER_HALF)))
        arm = chain(upper, rot_z(a("shoulder_flex")), rot_x(sign * a("shoulder_abd")), rot_y(sign * a("shoulder_rot")))
        elbow = add(shoulder, apply(arm, (0, -UPPER_ARM, 0)))
        fore = mat_mul(arm, rot_z(a("elbow")))
        wrist = add(elbow, apply(fore, (0, -FOREARM, 0)))
        hand = add(wrist, apply(fore, (0, -HAND, 0)))
        pts[f"{s}_shoulder"], pts[f"{s}_elbow"], pts[f"{s}_wrist"], pts[f"{s}_hand"] = shoulder, elbow, wrist, hand

        hip = apply(root, (0, 0, lat * HIP_HALF))
        thigh = chain(root, rot_z(a("hip_flex")), rot_x(sign * a("hip_abd")), rot_y(sign * a("hip_rot")))
        knee = add(hip, apply(thigh, (0, -THIGH, 0)))
        shin = mat_mul(thigh, rot_z(-a("knee")))
        ankle = add(knee, apply(shin, (0, -SHIN, 0)))
        foot = chain(shin, rot_z(a("ankle")), rot_axis(SUBTALAR_AXIS, -sign * a("ankle_inv")))
        pts[f"{s}_hip"], pts[f"{s}_knee"], pts[f"{s}_ankle"] = hip, knee, ankle
        pts[f"{s}_heel"] = add(ankle, apply(foot, HEEL))
        ball = add(ankle, apply(foot, BALL))
        pts[f"{s}_ball"] = ball
        pts[f"{s}_ball_in"] = add(ankle, apply(foot, (BALL_SIDE[0], BALL_SIDE[1], sign * BALL_SIDE[2])))
        pts[f"{s}_ball_out"] = add(ankle, apply(foot, (BALL_SIDE[0], BALL_SIDE[1], -sign * BALL_SIDE[2])))
        # Curling toes claw: the knuckle rises while the tips press down, so the tips stay on
        # the floor; lifted (negative) toes simply bend up at the ball of the foot.
        curl = a("toes")
        knuckle_frame = mat_mul(foot, rot_z(0.4 * curl if curl > 0 else -curl))
        knuckle = add(ball, apply(knuckle_frame, (TOE_KNUCKLE, 0, 0)))
        tip_frame = mat_mul(knuckle_frame, rot_z(-1.3 * curl if curl > 0 else 0.0))
        pts[f"{s}_knuckle"] = knuckle
        pts[f"{s}_toe"] = add(knuckle, apply(tip_frame, (TOE_TIP, 0, 0)))
        pts[f"{s}_foot"] = ankle
    return pts


def point(pts: dict[str, Vec], name: str) -> Vec:
    """A named point, or the midpoint of a pair such as ``feet``."""
    if name in PAIRS:
        return mid(pts[f"left_{PAIRS[name]}"], pts[f"right_{PAIRS[name]}"])
    return pts[name]


def kind_of(name: str) -> str:
    """``left_knee`` -> ``knee``."""
    for s in SIDES:
        if name.startswith(s + "_"):
            return name[len(s) + 1:]
    return name


def contact_low(pts: dict[str, Vec], anchor: str) -> float:
    """Height of the lowest body surface at an anchor (a foot rests on its sole)."""
    names = [f"{s}_{PAIRS[anchor]}" for s in SIDES] if anchor in PAIRS else [anchor]
    low = math.inf
    for name in names:
        k = kind_of(name)
        if k in ("foot", "ankle", "heel", "ball", "ball_in", "ball_out", "toe"):
            side = name.split("_")[0]
            for p in SOLE:
                low = min(low, pts[f"{side}_{p}"][1] - RADIUS[p])
        elif k == "pelvis":  # lying or sitting on the hips: the buttocks, or the hip underneath
            low = min(low, pts["pelvis"][1] - RADIUS["pelvis"],
                      *(pts[f"{s}_hip"][1] - RADIUS["hip"] for s in SIDES))
        elif k == "chest":  # the upper back, or the shoulder underneath
            low = min(low, pts["chest"][1] - RADIUS["chest"],
                      *(pts[f"{s}_shoulder"][1] - RADIUS["shoulder"] for s in SIDES))
        else:
            low = min(low, pts[name][1] - RADIUS[k])
    return low


def drawn_points(pts: dict[str, Vec]) -> list[tuple[str, Vec, float]]:
    """The body points with their drawn radius (for framing and floor checks)."""
    out = []
    for name, p in pts.items():
        if name.startswith("_"):
            continue
        k = kind_of(name)
        if k == "foot":
            continue
        out.append((name, p, RADIUS[k]))
    return out


# --- two-bone IK ----------------------------------------------------------------------------------------

def two_bone(root: Vec, joint: Vec, target: Vec, l1: float, l2: float) -> tuple[Vec, Vec]:
    """New (middle joint, end) for a two-segment limb reaching ``target``, bending as ``joint`` did."""
    d = sub(target, root)
    reach = norm(d)
    lo, hi = abs(l1 - l2) + 1e-6, l1 + l2 - 1e-6
    clamped = min(max(reach, lo), hi)
    e = mul(d, 1 / reach) if reach > 1e-9 else (0.0, -1.0, 0.0)
    v = sub(joint, root)
    pole = sub(v, mul(e, dot(v, e)))
    if norm(pole) < 1e-9:  # straight limb: bend toward anything perpendicular
        pole = (e[1], -e[0], 0.0) if abs(e[2]) < 0.9 else (0.0, e[2], -e[1])
    pole = mul(pole, 1 / norm(pole))
    a = (l1 * l1 - l2 * l2 + clamped * clamped) / (2 * clamped)
    h = math.sqrt(max(l1 * l1 - a * a, 0.0))
    new_joint = add(add(root, mul(e, a)), mul(pole, h))
    new_end = add(root, mul(e, clamped))
    return new_joint, new_end


LIMBS = {  # pin -> (root, middle, end, l1, l2, points that move rigidly with the end)
    f"{s}_foot": (f"{s}_hip", f"{s}_knee", f"{s}_ankle", THIGH, SHIN, tuple(f"{s}_{p}" for p in FOOT_POINTS) + (f"{s}_foot",))
    for s in SIDES
} | {
    f"{s}_hand": (f"{s}_shoulder", f"{s}_elbow", f"{s}_hand", UPPER_ARM, FOREARM + HAND, ())
    for s in SIDES
}


@dataclass(frozen=True)
class Pin:
    """Where a pinned hand or foot is held: its end point, and (a foot) its sole, unrotated."""

    target: Vec
    rigid: tuple[tuple[str, Vec], ...]  # points carried with the end, as offsets from it

    @classmethod
    def hold(cls, pts: dict[str, Vec], pin: str) -> "Pin":
        end = pts[LIMBS[pin][2]]
        return cls(end, tuple((name, sub(pts[name], end)) for name in LIMBS[pin][5]))

    def moved(self, offset: Vec) -> "Pin":
        return Pin(add(self.target, offset), self.rigid)


def apply_pin(pts: dict[str, Vec], pin: str, held: Pin) -> float:
    """Bend a limb so its end reaches the held position (a foot keeps its held
    orientation, so a planted foot stays flat); returns how far it falls short (m)."""
    root, joint, end, l1, l2, _ = LIMBS[pin]
    target = held.target
    new_joint, new_end = two_bone(pts[root], pts[joint], target, l1, l2)
    for name, offset in held.rigid:
        pts[name] = add(new_end, offset)
    pts[joint], pts[end] = new_joint, new_end
    if pin.endswith("_hand"):
        side = pin.split("_")[0]
        pts[f"{side}_wrist"] = add(new_joint, mul(sub(new_end, new_joint), FOREARM / (FOREARM + HAND)))
    return dist(new_end, target)


def pinned_limb(anchor: str) -> set[str]:
    """The pins an anchor already holds (pinning those too would fight the anchor)."""
    names = {f"{s}_{PAIRS[anchor]}" for s in SIDES} if anchor in PAIRS else {anchor}
    out = set()
    for n in names:
        side, k = n.split("_", 1) if "_" in n else ("", n)
        if k in ("foot", "ankle", "heel", "ball", "ball_in", "ball_out", "toe", "knee"):
            out.add(f"{side}_foot")
        if k in ("hand", "wrist", "elbow"):
            out.add(f"{side}_hand")
    return out
