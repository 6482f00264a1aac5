"""The figure: fixed segment lengths, forward kinematics, IK pins, anchoring and timing.

Everything here is pure arithmetic on 3-vectors (no pixels). World axes: x to the
right of the screen, y up, z toward the camera of an unrotated side view; the
floor is y = 0. In the body's own frame x is forward, y is up (along the
segment, toward its parent for limbs hanging down) and z is the body's right.

A frame is computed as: eased angles for the moment -> forward kinematics with
the pelvis at the origin -> translate the whole figure so the anchor sits at its
planted position -> add body_x/y/z offsets -> two-bone IK for pinned hands and
feet, and for a free foot that would otherwise sink into the floor.
Segment lengths therefore never change, and the anchor never slides.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from server.media.script import (
    MAT_HEIGHT, PAIRS, SIDES, TOWEL_HEIGHT, TOWEL_ROLL_RADIUS, WOBBLE_BOARD_HEIGHT, PoseScript, invalid,
)

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]

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


# --- vector maths ------------------------------------------------------------------------------------

def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def mul(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def norm(a: Vec) -> float:
    return math.sqrt(dot(a, a))


def dist(a: Vec, b: Vec) -> float:
    return norm(sub(a, b))


def mid(a: Vec, b: Vec) -> Vec:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def rot_x(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((1, 0, 0), (0, c, -s), (0, s, c))


def rot_y(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, 0, s), (0, 1, 0), (-s, 0, c))


def rot_z(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, -s, 0), (s, c, 0), (0, 0, 1))


def rot_axis(axis: Vec, deg: float) -> Mat:
    """Rotation about a unit axis (Rodrigues)."""
    x, y, z = axis
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    t = 1 - c
    return ((t * x * x + c, t * x * y - s * z, t * x * z + s * y),
            (t * x * y + s * z, t * y * y + c, t * y * z - s * x),
            (t * x * z - s * y, t * y * z + s * x, t * z * z + c))


# Inversion turns the foot about an oblique axis, like the subtalar joint: tilted up
# from the sole toward the shin, so the sole turns in and the forefoot swings in with it.
SUBTALAR_TILT = 35.0
SUBTALAR_AXIS: Vec = (math.cos(math.radians(SUBTALAR_TILT)), math.sin(math.radians(SUBTALAR_TILT)), 0.0)


def mat_mul(a: Mat, b: Mat) -> Mat:
    cols = list(zip(*b))
    return tuple(tuple(sum(x * y for x, y in zip(row, col)) for col in cols) for row in a)  # type: ignore[return-value]


def apply(m: Mat, v: Vec) -> Vec:
    return (dot(m[0], v), dot(m[1], v), dot(m[2], v))


def chain(*ms: Mat) -> Mat:
    out = ms[0]
    for m in ms[1:]:
        out = mat_mul(out, m)
    return out


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


# --- props --------------------------------------------------------------------------------------------

def under_point(pts: dict[str, Vec], name: str) -> Vec:
    """Where a prop placed under a body point goes (a foot: under the middle of its sole)."""
    sides = [f"{s}_{PAIRS[name]}" for s in SIDES] if name in PAIRS else [name]
    found = []
    for n in sides:
        side, _, kind = n.partition("_")
        if kind in ("foot", "ankle", "heel", "ball", "ball_in", "ball_out", "toe"):
            found.append(mid(pts[f"{side}_heel"], pts[f"{side}_toe"]) if kind in ("foot", "ankle") else pts[n])
        else:
            found.append(pts[n])
    return found[0] if len(found) == 1 else mid(found[0], found[1])


def place_props(script: PoseScript, pts: dict[str, Vec]) -> list[dict]:
    """Every prop's fixed geometry, from the figure's first position (world coordinates)."""
    placed = []
    for prop in script.props:
        p, kind = prop.params, prop.kind
        item: dict = {"kind": kind, **p}
        if "under" in p and p["under"]:
            u = under_point(pts, p["under"])
            cx, cz = u[0] + p.get("dx", 0.0), u[2]
            item["centre"] = (cx, 0.0, cz)
            if kind in ("step", "foam_pad", "chair"):
                item["box"] = (cx - p["length"] / 2, cx + p["length"] / 2, 0.0, p["height"],
                               cz - p["depth"] / 2, cz + p["depth"] / 2)
            elif kind == "wobble_board":
                item["box"] = (cx - p["length"] / 2, cx + p["length"] / 2, WOBBLE_BOARD_HEIGHT - 0.03,
                               WOBBLE_BOARD_HEIGHT, cz - 0.2, cz + 0.2)
            elif kind == "mat":
                item["box"] = (cx - p["length"] / 2, cx + p["length"] / 2, 0.0, MAT_HEIGHT, cz - 0.3, cz + 0.3)
            elif kind == "towel" and p["rolled"]:
                r = TOWEL_ROLL_RADIUS
                item["roll"] = ((cx, r, cz - 0.16), (cx, r, cz + 0.16), r)
                item["box"] = (cx - r, cx + r, 0.0, 2 * r, cz - 0.16 - r, cz + 0.16 + r)
            elif kind == "towel":
                side = p["under"].split("_")[0] if p["under"] not in PAIRS else "left"
                heel, toe = pts[f"{side}_heel"], pts[f"{side}_toe"]
                direction = 1.0 if toe[0] >= heel[0] else -1.0
                start = heel[0] - 0.06 * direction + p.get("dx", 0.0)
                end = start + p["length"] * direction
                item["side"] = side
                item["direction"] = direction
                item["box"] = (min(start, end), max(start, end), 0.0, TOWEL_HEIGHT, cz - 0.16, cz + 0.16)
            elif kind == "stability_ball":
                item["ball"] = ((cx, p["radius"], cz), p["radius"])
        if kind == "marks":
            u = under_point(pts, p["under"])
            item["spots"] = [(u[0] + dx, 0.0, u[2] + dz) for dx, dz in p["spots"]]
        if kind == "band" and isinstance(p["to"], tuple):
            item["fixed"] = add(point(pts, p["from"]), p["to"])
        placed.append(item)
    return placed


SURFACES = ("step", "foam_pad", "wobble_board")


def support_surfaces(props: list[dict]) -> list[tuple[float, float, float, float, float]]:
    """(x0, x1, z0, z1, top) of every prop a free foot can stand on or must not sink into."""
    return [(b[0], b[1], b[4], b[5], b[3]) for b in (p["box"] for p in props if p["kind"] in SURFACES)]


def ground_at(surfaces, x: float, z: float) -> float:
    """Height of whatever a foot would rest on at (x, z): the floor, or a support prop's top."""
    top = 0.0
    for x0, x1, z0, z1, height in surfaces:
        if x0 <= x <= x1 and z0 <= z <= z1:
            top = max(top, height)
    return top


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


def floor_contact(pts: dict[str, Vec], side: str, surfaces=()) -> None:
    """A free foot never sinks into the floor or a step: if it would, the knee bends (IK) just
    enough to set it on top, so a heel tap lands exactly and a foot being set down stays on top."""
    low = min(pts[f"{side}_{p}"][1] - RADIUS[p] - ground_at(surfaces, pts[f"{side}_{p}"][0], pts[f"{side}_{p}"][2])
              for p in SOLE)
    if low >= 0:
        return
    ankle = pts[f"{side}_ankle"]
    rigid = tuple((name, sub(pts[name], ankle)) for name in LIMBS[f"{side}_foot"][5])
    apply_pin(pts, f"{side}_foot", Pin((ankle[0], ankle[1] - low, ankle[2]), rigid))


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


# --- timing ---------------------------------------------------------------------------------------------

def ease(kind: str, x: float) -> float:
    x = min(max(x, 0.0), 1.0)
    if kind == "linear":
        return x
    if kind == "in":
        return 1 - math.cos(x * math.pi / 2)
    if kind == "out":
        return math.sin(x * math.pi / 2)
    return (1 - math.cos(x * math.pi)) / 2


def pose_at(script: PoseScript, u: float) -> tuple[int, dict[str, float]]:
    """(phase, eased angles) at loop fraction ``u``; phase k runs from keyframe k to the next."""
    kfs = script.keyframes
    u = u % 1.0
    n = len(kfs)
    for k in range(n - 1, -1, -1):
        if u >= kfs[k].t:
            break
    cur = kfs[k]
    hold_end = cur.t + cur.hold
    if u <= hold_end:
        return k, dict(cur.pose)
    nxt = kfs[(k + 1) % n]
    end = kfs[k + 1].t if k + 1 < n else 1.0
    w = ease(nxt.ease, (u - hold_end) / (end - hold_end))
    a, b = cur.pose, nxt.pose
    return k, {name: a[name] + (b[name] - a[name]) * w for name in a}


# --- a whole motion -------------------------------------------------------------------------------------

@dataclass
class Frame:
    """World positions of every point at one moment, with what held it in place."""

    u: float
    phase: int
    points: dict[str, Vec]
    anchor: str
    anchor_at: Vec        # where the anchor is planted in this phase (before offsets)
    offset: Vec           # body_x/y/z added after anchoring
    pin_miss: float       # worst distance a pinned limb falls short of its target (m)


class Motion:
    """A pose script turned into world positions at any loop fraction."""

    def __init__(self, script: PoseScript):
        self.script = script
        kfs = script.keyframes
        for i, kf in enumerate(kfs):
            clash = pinned_limb(kf.anchor) & set(kf.pins)
            if clash:
                raise invalid(script.path, f"keyframes[{i}].pins",
                              f"{sorted(clash)[0]} is already held by the anchor {kf.anchor!r}")
        body0 = forward(kfs[0].pose)
        a0 = point(body0, kfs[0].anchor)
        low = contact_low(body0, kfs[0].anchor)
        self.start_shift: Vec = (-a0[0], script.anchor_height - low, -a0[2])
        self.anchor_at: list[Vec] = [add(a0, self.start_shift)]
        world0 = {name: add(p, self.start_shift) for name, p in body0.items()}
        self.props = place_props(script, world0)
        self.surfaces = support_surfaces(self.props)
        self.pin_targets: list[dict[str, Pin]] = [{pin: Pin.hold(world0, pin) for pin in kfs[0].pins}]
        for k in range(1, len(kfs)):
            body = forward(kfs[k].pose)
            shift = sub(self.anchor_at[k - 1], point(body, kfs[k - 1].anchor))
            world = {name: add(p, shift) for name, p in body.items()}
            # The new anchor takes over where forward kinematics has it, so the figure never jumps.
            self.anchor_at.append(point(world, kfs[k].anchor))
            self.pin_targets.append({
                pin: self.pin_targets[k - 1].get(pin) or Pin.hold(world, pin) for pin in kfs[k].pins
            })

    def shift_at(self, phase: int, body: dict[str, Vec]) -> Vec:
        return sub(self.anchor_at[phase], point(body, self.script.keyframes[phase].anchor))

    def frame(self, u: float) -> Frame:
        phase, pose = pose_at(self.script, u)
        body = forward(pose)
        shift = self.shift_at(phase, body)
        offset = (pose["body_x"], pose["body_y"], pose["body_z"])
        total = add(shift, offset)
        pts = {name: (p if name.startswith("_") else add(p, total)) for name, p in body.items()}
        miss = 0.0
        for pin, held in self.pin_targets[phase].items():
            miss = max(miss, apply_pin(pts, pin, held.moved(offset)))
        held_by_anchor = pinned_limb(self.script.keyframes[phase].anchor)
        for side in SIDES:
            pin = f"{side}_foot"
            if pin not in self.pin_targets[phase] and pin not in held_by_anchor:
                floor_contact(pts, side, self.surfaces)
        return Frame(u=u % 1.0, phase=phase, points=pts, anchor=self.script.keyframes[phase].anchor,
                     anchor_at=self.anchor_at[phase], offset=offset, pin_miss=miss)

    def frames(self, count: int) -> list[Frame]:
        return [self.frame(i / count) for i in range(count)]

    def jumps(self) -> list[tuple[int, str, float]]:
        """(keyframe, point, metres) for every point that would jump as a keyframe begins;
        keyframe 0 is the wrap from the end of the loop back to the start."""
        out = []
        for k, kf in enumerate(self.script.keyframes):
            before = self.frame(kf.t - 1e-9 if k else 1.0 - 1e-9)
            after = self.frame(kf.t)
            worst, gap = "", 0.0
            for name, p in after.points.items():
                if not name.startswith("_"):
                    d = dist(p, before.points[name])
                    if d > gap:
                        worst, gap = name, d
            out.append((k, worst, gap))
        return out


FLOOR_TOLERANCE = 0.025
PIN_TOLERANCE = 0.01
JUMP_TOLERANCE = 0.01


def check_motion(script: PoseScript, samples: int = 96) -> Motion:
    """Build the motion and reject one that would look broken: a jump at the loop,
    a pinned hand or foot that cannot reach, a body part through the floor."""
    motion = Motion(script)
    for k, name, gap in motion.jumps():
        if gap > JUMP_TOLERANCE:
            where = "the loop does not close" if k == 0 else f"keyframes[{k}] starts with a jump"
            raise invalid(script.path, f"keyframes[{k}]",
                          f"{where}: {name} moves {gap * 100:.1f} cm in one instant "
                          "(check the anchor hand-offs and pins)")
    for i in range(samples):
        u = i / samples
        fr = motion.frame(u)
        if fr.pin_miss > PIN_TOLERANCE:
            raise invalid(script.path, "pins",
                          f"a pinned limb falls {fr.pin_miss * 100:.1f} cm short of its planted "
                          f"position at t = {u:.2f} (bend it less, or move the body closer)")
        for name, p, r in drawn_points(fr.points):
            if p[1] - r < -FLOOR_TOLERANCE:
                raise invalid(script.path, "keyframes",
                              f"{name} goes {(r - p[1]) * 100:.0f} cm through the floor at t = {u:.2f}")
    return motion
