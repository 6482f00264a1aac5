"""Pose scripts: the keyframed movement each demonstration clip is rendered from.

One TOML file per exercise, ``content/poses/<slug>.toml``. A script describes a
simple articulated figure (fixed segment lengths; see ``figure.py``) by a few
keyframes of joint angles. The renderer eases between them and loops back to
the first keyframe, so the clip is seamless. Example::

    view = "side"            # "side" | "front" | "back"; or two panels side by side,
                             #   e.g. ["side", "front"] where a fault shows from the front
                             #   (the knee drifting inward); the second panel faces the body
                             #   square on, at the first panel's pitch
    side = "left"            # side the clip shows: "left" | "right" | "both"
    near = "left"            # optional: body side toward the camera in a side view
                             #   (default: ``side``, or "left" when side = "both")
    duration_s = 5.0         # one loop, 3..8 seconds
    anchor = "left_foot"     # the point kept planted (see "Points" below)
    anchor_height = 0.0      # optional: height (m) of the surface the anchor rests on;
                             #   defaults to the top of a support prop under the anchor, else 0
    pins = ["right_foot"]    # optional: limb ends held where they are by two-bone IK
    poster = 1               # optional: index of the keyframe shown on the poster (default 1)

    [camera]                 # optional
    yaw = 0.0                # degrees added to the view's own direction (-90..90)
    pitch = 0.0              # degrees looking down (0..60)
    zoom = 1.0               # 0.5..4, applied after auto-framing
    focus = ["left_knee", "left_toe"]   # frame these points instead of the whole figure

    [[props]]
    kind = "foam_pad"
    under = "left_foot"

    [[keyframes]]            # the first keyframe sets the whole pose (unset angles are 0,
    t = 0.0                  #   a person standing tall, arms by the sides, facing forward)
    hold = 0.1               # optional: fraction of the loop to stay in this pose
    knee = 10                # no prefix: both sides; "left_"/"right_" prefix: one side
    right_hip_flex = 40
    [[keyframes]]            # later keyframes list only what changes
    t = 0.45                 # fraction of the loop at which this pose is reached
    ease = "out"             # easing of the move INTO this keyframe:
                             #   "inout" (default, cosine) | "in" | "out" | "linear"
    right_knee = 70
    anchor = "right_foot"    # optional hand-off: from this keyframe on, this point is planted

Angles are degrees, interpolated numerically (never wrapped), all with the same
eased weight, so a sum of angles that is equal in two keyframes stays equal in
between (e.g. a foot kept flat on the floor). Joint positions are never
interpolated: every frame is forward kinematics from the angles, then the whole
figure is translated so the anchor stays exactly where it was. Pinned hands and
feet are then held still by two-bone IK (a pinned foot keeps its orientation),
and a free foot that would sink into the floor, a step or a foam pad is set on
top of it the same way. Segment lengths never change.

Loading (``server/media/load.py``) also checks the motion: the loop must close and no keyframe may start
with a jump (> 1 cm), a pinned limb must reach its planted position, and no body
part may go more than 5 mm through the floor (or a step, pad or board under it).

Body angles (one value): ``body_pitch`` (lean forward; -90 lies on the back,
90 face down), ``body_roll`` (lean to the left side), ``body_yaw`` (turn left),
``body_x``/``body_y``/``body_z`` (metres added after anchoring, e.g. a hop),
``trunk_flex``/``trunk_side``/``trunk_twist`` (lower spine: bend forward, bend
to the left, turn the shoulders left), ``chest_flex``/``chest_side``/
``chest_twist`` (upper spine, same senses), ``neck_flex``.

Limb angles (per side): ``shoulder_flex`` (arm forward/up), ``shoulder_abd``
(arm out to the side), ``shoulder_rot`` (external rotation), ``elbow``
(flexion), ``hip_flex`` (thigh forward), ``hip_abd`` (leg out to the side),
``hip_rot`` (external rotation, knee and toes turn out), ``knee`` (flexion),
``ankle`` (dorsiflexion: toes up; negative points the toes), ``ankle_inv``
(inversion about an oblique, subtalar-like axis: the sole turns in and the
forefoot swings in; negative is eversion), ``toes`` (positive claws the toes,
knuckles up and tips down; negative lifts them).

Points (anchor, pins, camera focus, prop attachment): ``pelvis``, ``waist``,
``chest``, ``head``, and per side ``shoulder``, ``elbow``, ``wrist``, ``hand``,
``hip``, ``knee``, ``ankle``, ``heel``, ``ball`` (``ball_in``/``ball_out``: its
inner and outer edge), ``toe``, ``foot`` (the ankle; as an anchor it rests on
its sole). Pairs: ``feet``, ``hands``, ``knees``, ``elbows``, ``balls``,
``heels`` (the midpoint of both sides).
Pins are ``left_foot``, ``right_foot``, ``left_hand``, ``right_hand``.

Props (``kind`` and its fields; lengths in metres, ``dx`` shifts along x):

- ``medicine_ball``: radius — held between the hands.
- ``stability_ball``: under (default pelvis), radius, dx — rests on the floor.
- ``band``: from (point), to (point, or [dx, dy, dz] from ``from``'s first
  position: a fixed end, drawn on a post unless post = false).
- ``step``, ``foam_pad``: under, height, length, depth, dx.
- ``wobble_board``: under, length, dx (a board on a half-dome).
- ``towel``: under, length, dx (a strip under the toes that bunches as they curl);
  rolled = true makes it a roll under the heel instead.
- ``chair``: under (default pelvis), height, length, depth, dx (a stool).
- ``mat``: under (default pelvis), length, dx.
- ``marks``: under, spots = [[dx, dz], ...] — tape crosses on the floor (e.g. hop targets),
  offsets in metres from ``under``'s first position.

Every problem is reported as ``PoseScriptError`` (alias ``PoseScriptInvalid``):
one line per problem, and ``errors`` giving each as a ``server.problems.Problem``:
``file`` ("poses/<slug>.toml"), ``field`` (e.g. "keyframes[2].left_knee", empty for
the file as a whole) and ``message``.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from server.content_files import NOT_A_FILE
from server.problems import Problem, ProblemsFound

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SIDES = ("left", "right")

# Degree ranges of every angle a keyframe may set.
BODY_DOFS: dict[str, tuple[float, float]] = {
    "body_pitch": (-180, 180),
    "body_roll": (-180, 180),
    "body_yaw": (-180, 180),
    "trunk_flex": (-45, 120),
    "trunk_side": (-45, 45),
    "trunk_twist": (-70, 70),
    "chest_flex": (-45, 90),
    "chest_side": (-45, 45),
    "chest_twist": (-70, 70),
    "neck_flex": (-60, 70),
}
# Metres, added after anchoring.
OFFSET_DOFS: dict[str, tuple[float, float]] = {"body_x": (-1, 1), "body_y": (-1, 1), "body_z": (-1, 1)}
LIMB_DOFS: dict[str, tuple[float, float]] = {
    "shoulder_flex": (-60, 190),
    "shoulder_abd": (-30, 180),
    "shoulder_rot": (-90, 90),
    "elbow": (0, 160),
    "hip_flex": (-40, 140),
    "hip_abd": (-30, 70),
    "hip_rot": (-60, 70),
    "knee": (0, 160),
    "ankle": (-60, 40),
    "ankle_inv": (-35, 40),
    "toes": (-70, 80),
}
DOFS: dict[str, tuple[float, float]] = {
    **BODY_DOFS,
    **OFFSET_DOFS,
    **{f"{s}_{name}": rng for s in SIDES for name, rng in LIMB_DOFS.items()},
}

SIDE_POINTS = ("shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "heel", "ball", "ball_in", "ball_out",
               "toe", "foot")
POINTS = ("pelvis", "waist", "chest", "head") + tuple(f"{s}_{p}" for s in SIDES for p in SIDE_POINTS)
PAIRS = {"feet": "foot", "hands": "hand", "knees": "knee", "elbows": "elbow", "balls": "ball", "heels": "heel"}
ANCHORS = POINTS + tuple(PAIRS)
PINS = ("left_foot", "right_foot", "left_hand", "right_hand")
EASES = ("inout", "in", "out", "linear")
VIEWS = ("side", "front", "back")

# Prop fields: name -> (kind of value, default, range). "point" values name a body point.
_UNDER = ("point", None, None)
PROP_FIELDS: dict[str, dict[str, tuple[str, Any, Any]]] = {
    "medicine_ball": {"radius": ("num", 0.11, (0.08, 0.2))},
    "stability_ball": {"under": ("point", "pelvis", None), "radius": ("num", 0.3, (0.2, 0.4)), "dx": ("num", 0.0, (-1, 1))},
    "band": {"from": ("point", None, None), "to": ("point_or_offset", None, None), "post": ("bool", None, None)},
    "step": {"under": _UNDER, "height": ("num", 0.2, (0.05, 0.4)), "length": ("num", 0.45, (0.2, 1.0)),
             "depth": ("num", 0.4, (0.2, 1.0)), "dx": ("num", 0.0, (-1, 1))},
    "foam_pad": {"under": _UNDER, "height": ("num", 0.06, (0.02, 0.15)), "length": ("num", 0.42, (0.2, 1.0)),
                 "depth": ("num", 0.36, (0.2, 1.0)), "dx": ("num", 0.0, (-1, 1))},
    "wobble_board": {"under": _UNDER, "length": ("num", 0.45, (0.3, 0.7)), "dx": ("num", 0.0, (-1, 1))},
    "towel": {"under": _UNDER, "length": ("num", 0.5, (0.2, 1.0)), "dx": ("num", 0.0, (-1, 1)),
              "rolled": ("bool", False, None)},
    "chair": {"under": ("point", "pelvis", None), "height": ("num", 0.45, (0.3, 0.6)), "length": ("num", 0.4, (0.25, 0.8)),
              "depth": ("num", 0.4, (0.25, 0.8)), "dx": ("num", 0.0, (-1, 1))},
    "mat": {"under": ("point", "pelvis", None), "length": ("num", 1.8, (0.5, 2.4)), "dx": ("num", 0.0, (-1.5, 1.5))},
    "marks": {"under": _UNDER, "spots": ("spots", None, None)},
}
PROP_KINDS = tuple(PROP_FIELDS)

TOP_LEVEL = ("title", "note", "view", "side", "near", "duration_s", "anchor", "anchor_height", "pins",
             "poster", "camera", "props", "keyframes")
KEYFRAME_KEYS = ("t", "hold", "ease", "anchor", "pins")
CAMERA_KEYS = ("yaw", "pitch", "zoom", "focus")


class PoseScriptError(ProblemsFound, ValueError):
    """Pose scripts that cannot be rendered: ``errors`` holds every Problem found."""

    def __init__(self, errors: list[Problem], path: Path | None = None):
        super().__init__(errors)
        self.path = path

    @property
    def file(self) -> str:
        return self.errors[0].file

    @property
    def field(self) -> str:
        return self.errors[0].field

    @property
    def message(self) -> str:
        return self.errors[0].message


PoseScriptInvalid = PoseScriptError


def invalid(path: Path | str, where: str, problem: str) -> PoseScriptError:
    """The exception for one problem in the pose script at ``path``."""
    path = Path(path)
    return PoseScriptError([Problem(f"{path.parent.name}/{path.name}", where, problem)], path)


@dataclass(frozen=True)
class Prop:
    kind: str
    params: dict[str, Any]


@dataclass(frozen=True)
class Camera:
    yaw: float = 0.0
    pitch: float = 0.0
    zoom: float = 1.0
    focus: tuple[str, ...] = ()


@dataclass(frozen=True)
class Keyframe:
    t: float
    hold: float
    ease: str
    anchor: str
    pins: tuple[str, ...]
    pose: dict[str, float]  # every DOF, carried over from the previous keyframe where unset


@dataclass(frozen=True)
class PoseScript:
    slug: str
    path: Path
    view: str                    # the first (or only) panel
    side: str
    near: str
    duration_s: float
    anchor_height: float | None  # None until the load puts it on the prop under the anchor (props.py)
    poster: int
    camera: Camera
    props: tuple[Prop, ...]
    keyframes: tuple[Keyframe, ...]
    source: bytes = field(repr=False)
    title: str = ""
    views: tuple[str, ...] = ()  # every panel, left to right (``(view,)`` for one)


def parse_pose_script(path: Path | str) -> PoseScript:
    """Read and parse one pose script (no kinematics); raise PoseScriptError naming the file and field.

    ``server.media.load`` is the load that also checks the motion.
    """
    path = Path(path)
    slug = path.stem
    if path.suffix != ".toml":
        raise invalid(path, "", "file name must end in .toml: a pose script is named after its exercise slug")
    if not SLUG_PATTERN.match(slug):
        raise invalid(path, "", f"file name must be a slug like 'side-plank', not {slug!r}")
    try:
        source = path.read_bytes()
    except IsADirectoryError as exc:
        raise invalid(path, "", NOT_A_FILE) from exc
    except OSError as exc:
        raise invalid(path, "", f"cannot be read ({exc.strerror})") from exc
    try:
        data = tomllib.loads(source.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise invalid(path, "", f"not valid TOML ({exc})") from exc
    except RecursionError as exc:
        raise invalid(path, "", "not valid TOML (nested too deeply)") from exc
    return _parse(path, slug, source, data)


# --- parsing ---------------------------------------------------------------------------------------

def _number(path, where, value, lo=None, hi=None, unit="") -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise invalid(path, where, f"must be a number, not {value!r}")
    if lo is not None and not lo <= value <= hi:
        raise invalid(path, where, f"{value}{unit} is out of range {lo}..{hi}{unit}")
    return float(value)


def _choice(path, where, value, options) -> str:
    if value not in options:
        raise invalid(path, where, f"{value!r} is not one of {', '.join(repr(o) for o in options)}")
    return value


def _string_list(path, where, value, options) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise invalid(path, where, "must be a list of names")
    for i, item in enumerate(value):
        _choice(path, f"{where}[{i}]", item, options)
    return tuple(value)


def _parse(path: Path, slug: str, source: bytes, data: dict) -> PoseScript:
    for key in data:
        if key not in TOP_LEVEL:
            raise invalid(path, key, f"unknown field (expected one of {', '.join(TOP_LEVEL)})")
    for key in ("view", "side", "duration_s", "anchor", "keyframes"):
        if key not in data:
            raise invalid(path, key, "is missing")
    title = data.get("title", "")
    if not isinstance(title, str):
        raise invalid(path, "title", "must be a string")
    views = _views(path, data["view"])
    view = views[0]
    side = _choice(path, "side", data["side"], ("left", "right", "both"))
    near = _choice(path, "near", data.get("near", side if side != "both" else "left"), SIDES)
    duration = _number(path, "duration_s", data["duration_s"], 3, 8, " s")
    anchor = _choice(path, "anchor", data["anchor"], ANCHORS)
    pins = _string_list(path, "pins", data.get("pins", []), PINS)

    cam = data.get("camera", {})
    if not isinstance(cam, dict):
        raise invalid(path, "camera", "must be a table")
    for key in cam:
        if key not in CAMERA_KEYS:
            raise invalid(path, f"camera.{key}", f"unknown field (expected one of {', '.join(CAMERA_KEYS)})")
    camera = Camera(
        yaw=_number(path, "camera.yaw", cam.get("yaw", 0.0), -90, 90, "°"),
        pitch=_number(path, "camera.pitch", cam.get("pitch", 0.0), 0, 60, "°"),
        zoom=_number(path, "camera.zoom", cam.get("zoom", 1.0), 0.5, 4),
        focus=_string_list(path, "camera.focus", cam.get("focus", []), ANCHORS),
    )

    raw_props = data.get("props", [])
    if not isinstance(raw_props, list):
        raise invalid(path, "props", "must be an array of tables ([[props]])")
    props = tuple(_parse_prop(path, f"props[{i}]", p) for i, p in enumerate(raw_props))

    raw_kfs = data["keyframes"]
    if not isinstance(raw_kfs, list) or not all(isinstance(k, dict) for k in raw_kfs):
        raise invalid(path, "keyframes", "must be an array of tables ([[keyframes]])")
    if len(raw_kfs) < 2:
        raise invalid(path, "keyframes", f"needs at least 2 keyframes, found {len(raw_kfs)}")
    keyframes = []
    pose = {name: 0.0 for name in DOFS}
    prev_end = -1.0
    for i, raw in enumerate(raw_kfs):
        where = f"keyframes[{i}]"
        if "t" not in raw:
            raise invalid(path, f"{where}.t", "is missing")
        t = _number(path, f"{where}.t", raw["t"], 0, 1)
        if i == 0 and t != 0:
            raise invalid(path, f"{where}.t", f"the first keyframe must be at t = 0, not {t}")
        if t >= 1:
            raise invalid(path, f"{where}.t", "must be below 1 (t = 1 is the first keyframe again)")
        if i and t <= prev_end:
            raise invalid(path, f"{where}.t", f"{t} must come after the previous keyframe and its hold ({prev_end:g})")
        hold = _number(path, f"{where}.hold", raw.get("hold", 0.0), 0, 0.9)
        prev_end = t + hold
        if prev_end >= 1:
            raise invalid(path, f"{where}.hold", "leaves no time to return to the first keyframe")
        ease = _choice(path, f"{where}.ease", raw.get("ease", "inout"), EASES)
        kf_anchor = _choice(path, f"{where}.anchor", raw["anchor"], ANCHORS) if "anchor" in raw else \
            (anchor if i == 0 else keyframes[-1].anchor)
        kf_pins = _string_list(path, f"{where}.pins", raw["pins"], PINS) if "pins" in raw else \
            (pins if i == 0 else keyframes[-1].pins)
        pose = dict(pose)
        both, one = {}, {}
        for key, value in raw.items():
            if key in KEYFRAME_KEYS:
                continue
            if key in LIMB_DOFS:
                lo, hi = LIMB_DOFS[key]
                both[key] = _number(path, f"{where}.{key}", value, lo, hi, "°")
            elif key in DOFS:
                lo, hi = DOFS[key]
                one[key] = _number(path, f"{where}.{key}", value, lo, hi, " m" if key in OFFSET_DOFS else "°")
            else:
                raise invalid(path, f"{where}.{key}", "unknown joint angle (see server/media/script.py for the names)")
        for key, value in both.items():
            for s in SIDES:
                pose[f"{s}_{key}"] = value
        pose.update(one)
        keyframes.append(Keyframe(t=t, hold=hold, ease=ease, anchor=kf_anchor, pins=kf_pins, pose=pose))

    poster = data.get("poster", 1)
    if isinstance(poster, bool) or not isinstance(poster, int) or not 0 <= poster < len(keyframes):
        raise invalid(path, "poster", f"must be a keyframe index 0..{len(keyframes) - 1}, not {poster!r}")

    anchor_height = data.get("anchor_height")
    if anchor_height is not None:
        anchor_height = _number(path, "anchor_height", anchor_height, 0, 1.2, " m")

    return PoseScript(slug=slug, path=path, view=view, side=side, near=near, duration_s=duration,
                      anchor_height=anchor_height, poster=poster, camera=camera, props=props,
                      keyframes=tuple(keyframes), source=source, title=title, views=views)


def _views(path: Path, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return (_choice(path, "view", value, VIEWS),)
    if not 1 <= len(value) <= 2:
        raise invalid(path, "view", f"shows one view or two side by side, not {len(value)}")
    views = _string_list(path, "view", value, VIEWS)
    if len(set(views)) != len(views):
        raise invalid(path, "view", "names the same view twice")
    return views


def _parse_prop(path: Path, where: str, raw: Any) -> Prop:
    if not isinstance(raw, dict):
        raise invalid(path, where, "must be a table")
    if "kind" not in raw:
        raise invalid(path, f"{where}.kind", "is missing")
    kind = raw["kind"]
    if kind not in PROP_FIELDS:
        raise invalid(path, f"{where}.kind", f"unknown prop {kind!r} (expected one of {', '.join(PROP_KINDS)})")
    spec = PROP_FIELDS[kind]
    params: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "kind":
            continue
        if key not in spec:
            raise invalid(path, f"{where}.{key}", f"unknown field for a {kind} (expected {', '.join(spec) or 'none'})")
    for key, (typ, default, rng) in spec.items():
        value = raw.get(key, default)
        fw = f"{where}.{key}"
        if value is None:
            if typ in ("point", "point_or_offset", "spots"):
                raise invalid(path, fw, f"is missing (a {kind} needs it)")
            params[key] = None
            continue
        if typ == "num":
            params[key] = _number(path, fw, value, *rng, " m")
        elif typ == "point":
            params[key] = _choice(path, fw, value, ANCHORS)
        elif typ == "point_or_offset":
            if isinstance(value, list):
                if len(value) != 3:
                    raise invalid(path, fw, "a fixed end is [dx, dy, dz] in metres")
                params[key] = tuple(_number(path, f"{fw}[{j}]", v, -2, 2, " m") for j, v in enumerate(value))
            else:
                params[key] = _choice(path, fw, value, ANCHORS)
        elif typ == "spots":
            if not isinstance(value, list) or not value or not all(isinstance(v, list) and len(v) == 2 for v in value):
                raise invalid(path, fw, "must be a list of [dx, dz] pairs in metres")
            params[key] = tuple(tuple(_number(path, f"{fw}[{j}][{k}]", c, -2, 2, " m") for k, c in enumerate(v))
                                for j, v in enumerate(value))
        elif typ == "bool":
            if not isinstance(value, bool):
                raise invalid(path, fw, "must be true or false")
            params[key] = value
    if kind == "band" and params.get("post") is None:
        params["post"] = isinstance(params["to"], tuple)
    return Prop(kind=kind, params=params)
