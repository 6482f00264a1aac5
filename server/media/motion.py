"""A pose script in motion: eased angles over the loop, the anchor kept planted, pins held,
free feet set on whatever is under them, and the checks that reject a motion that would
look broken.

A frame is computed as: eased angles for the moment -> forward kinematics with
the pelvis at the origin -> translate the whole figure so the anchor sits at its
planted position -> add body_x/y/z offsets -> two-bone IK for pinned hands and
feet, and for a free foot that would otherwise sink into the floor.
Segment lengths therefore never change, and the anchor never slides.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, replace
from pathlib import Path

from server.media.figure import (
    LIMBS, RADIUS, SOLE, Pin, apply_pin, contact_low, drawn_points, forward, pinned_limb, point,
)
from server.media.props import ground_at, place_props, support_surfaces
from server.media.script import SIDES, PoseScript, invalid
from server.media.vector import Vec, add, dist, sub


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


FLOOR_TOLERANCE = 0.005  # half a pixel at the usual framing: a body point through the floor would show
PIN_TOLERANCE = 0.01
JUMP_TOLERANCE = 0.01


# The scripts whose motion passed the checks in this process, by content (the file's folder aside:
# only messages name it). Sampling the checks is most of a catalogue load's time, so a process that
# loads the catalogue again (the tests, a coach's export checked by a load) skips them.
_PASSED: set[tuple] = set()


def check_motion(script: PoseScript, samples: int = 96) -> Motion:
    """Build the motion and reject one that would look broken: a jump at the loop,
    a pinned hand or foot that cannot reach, a body part through the floor or a step."""
    motion = Motion(script)
    passed = (hashlib.sha256(script.source).digest(), repr(replace(script, path=Path(script.path.name))), samples)
    if passed in _PASSED:
        return motion
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
            below = ground_at(motion.surfaces, p[0], p[2]) - (p[1] - r)
            if below > FLOOR_TOLERANCE:
                raise invalid(script.path, "keyframes",
                              f"{name} goes {below * 100:.1f} cm through the floor at t = {u:.2f}")
    _PASSED.add(passed)
    return motion
