"""Drawing frames with Pillow: an orthographic camera, auto-framing, the figure and its props.

Frames are drawn at twice the output size and halved with a box filter, which
anti-aliases every edge. Colours are flat so the H.264 encoder has little to say.
"""

from __future__ import annotations

import math

from PIL import Image, ImageDraw

from server.media.figure import drawn_points, point
from server.media.motion import Frame, Motion
from server.media.props import WOBBLE_BOARD_HEIGHT
from server.media.script import Camera, PoseScript
from server.media.vector import Vec, add, apply, chain, dot, mid, rot_x, rot_y, sub

WIDTH, HEIGHT = 480, 360
SUPERSAMPLE = 2

BACKGROUND = (246, 243, 236)
FLOOR = (228, 222, 210)
FLOOR_LINE = (190, 180, 163)
TORSO = (78, 130, 160)
NEAR = (30, 72, 98)
FAR = (150, 181, 201)
FRONT = {"left": (40, 88, 116), "right": (52, 102, 132)}
SOLE = (214, 226, 233)
MARK = (196, 160, 96)
SHADOW = (210, 202, 186)
MEDICINE_BALL, MEDICINE_SEAM = (184, 88, 46), (136, 60, 28)
STABILITY_BALL, STABILITY_SHINE = (118, 170, 222), (170, 205, 238)
BAND = (214, 70, 72)
POST = (120, 108, 96)
STEP_SIDE, STEP_TOP = (152, 141, 126), (198, 189, 174)
PAD_SIDE, PAD_TOP = (126, 184, 120), (162, 208, 152)
BOARD, DOME = (176, 128, 80), (112, 90, 70)
TOWEL, TOWEL_FOLD = (234, 186, 76), (205, 152, 48)
CHAIR_SIDE, CHAIR_TOP = (150, 126, 104), (184, 160, 136)
MAT_SIDE, MAT_TOP = (176, 190, 168), (208, 218, 200)

VIEW_YAW = {"front": -90.0, "back": 90.0}
SUPPORTS = ("marks", "mat", "towel", "step", "foam_pad", "wobble_board", "chair", "stability_ball")

# Limb segments: (from, to, radius in metres).
LIMB_PARTS = (
    ("shoulder", "elbow", 0.05), ("elbow", "wrist", 0.042), ("wrist", "hand", 0.044),
    ("hip", "knee", 0.074), ("knee", "ankle", 0.056),
)


def convex_hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def box_corners(x0: float, x1: float, y0: float, y1: float, z0: float, z1: float) -> list[Vec]:
    return [(x, y, z) for x in (x0, x1) for y in (y0, y1) for z in (z0, z1)]


class Renderer:
    """Draws any moment of one pose script at a fixed, auto-framed camera."""

    def __init__(self, script: PoseScript, motion: Motion, width: int = WIDTH, height: int = HEIGHT,
                 view: str | None = None, camera: Camera | None = None):
        self.script = script
        self.motion = motion
        self.width, self.height = width, height
        view = view or script.view
        self.camera = cam = camera or script.camera
        if view == "side":
            yaw = 180.0 if script.near == "left" else 0.0
        else:
            yaw = VIEW_YAW[view]
        self.cam = chain(rot_x(cam.pitch), rot_y(yaw + cam.yaw))
        self.first = motion.frame(0.0)
        left = apply(self.cam, self.first.points["_left"])
        self.near = "left" if left[2] > 0.3 else "right" if left[2] < -0.3 else None
        self.props = motion.props
        self._frame_view()

    # --- geometry ---------------------------------------------------------------------------------

    def project(self, p: Vec) -> tuple[float, float, float]:
        """Camera coordinates in metres: x right, y up, depth toward the viewer."""
        return apply(self.cam, p)

    def _extent_points(self, frame: Frame) -> list[tuple[Vec, float]]:
        out = [(p, r) for _, p, r in drawn_points(frame.points)]
        for item in self.props:
            if item["kind"] == "medicine_ball":
                out.append((mid(point(frame.points, "left_hand"), point(frame.points, "right_hand")), item["radius"]))
            elif item["kind"] == "band":
                out.append((point(frame.points, item["from"]), 0.01))
                end = item.get("fixed") or point(frame.points, item["to"])
                out.append((end, 0.03))
                if item.get("fixed") and item["post"]:
                    out.append(((end[0], 0.0, end[2]), 0.03))
        return out

    def _static_extent(self, focus: bool = False) -> list[tuple[Vec, float]]:
        """Fixed props that belong in the picture (a mat may run out of it)."""
        out = []
        for item in self.props:
            if item.get("fixed"):
                out.append((item["fixed"], 0.03))
                if item["post"]:
                    out.append(((item["fixed"][0], 0.0, item["fixed"][2]), 0.03))
            if focus or item["kind"] == "mat":
                continue
            if "box" in item:
                out += [(c, 0.0) for c in box_corners(*item["box"])]
            if "ball" in item:
                out.append(item["ball"])
            if item["kind"] == "wobble_board":
                c = item["centre"]
                out.append(((c[0], 0.0, c[2]), 0.0))
        return out

    def _frame_view(self) -> None:
        """Fix scale and offset so every frame fits (or the focus points do)."""
        count = max(24, int(self.script.duration_s * 12))
        frames = [self.motion.frame(i / count) for i in range(count)]
        focus = self.camera.focus
        pts: list[tuple[Vec, float]] = []
        if focus:
            for fr in frames:
                for name in focus:
                    pts.append((point(fr.points, name), 0.06))
            pts += self._static_extent(focus=True)
            margin = 0.12
        else:
            for fr in frames:
                pts += self._extent_points(fr)
            pts += self._static_extent()
            margin = 0.07
        if not focus:  # the floor under everything (its shadow) belongs in the picture too
            pts += [((p[0], 0.0, p[2]), 0.05) for p, _ in pts]
        xs, ys, zs = [], [], []
        for p, r in pts:
            c = self.project(p)
            xs += [c[0] - r, c[0] + r]
            ys += [c[1] - r, c[1] + r]
            zs.append(c[2])
        self.depth_span = (min(zs) - 0.4, max(zs) + 0.4)
        if not focus:
            ys.append(min(ys) - 0.08)  # a strip of floor in front
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        usable_w, usable_h = self.width * (1 - 2 * margin), self.height * (1 - 2 * margin)
        scale = min(usable_w / max(x1 - x0, 1e-3), usable_h / max(y1 - y0, 1e-3)) * self.camera.zoom
        self.scale = scale
        self.cx, self.cy = (x0 + x1) / 2, (y0 + y1) / 2
        if not focus:
            # Spare height goes mostly above the figure, so the floor stays a strip at the bottom.
            slack = usable_h / scale - (y1 - y0)
            if slack > 0:
                self.cy = y0 - slack * 0.3 + (usable_h / scale) / 2

    def floor_y(self, depth: float) -> float:
        """Camera-space height of the floor plane at a camera depth (for a pitched camera)."""
        pitch = math.radians(self.camera.pitch)
        # A floor point (x, 0, z) maps to y_cam = -z' sin(pitch), depth = z' cos(pitch).
        if abs(math.cos(pitch)) < 1e-6:
            return 0.0
        return -depth * math.tan(pitch)

    def screen(self, c: tuple[float, float, float], k: float = SUPERSAMPLE) -> tuple[float, float]:
        x = (c[0] - self.cx) * self.scale + self.width / 2
        y = self.height / 2 - (c[1] - self.cy) * self.scale
        return (x * k, y * k)

    def px(self, metres: float, k: float = SUPERSAMPLE) -> float:
        return metres * self.scale * k

    # --- drawing ----------------------------------------------------------------------------------

    def render(self, u: float) -> Image.Image:
        frame = self.motion.frame(u)
        k = SUPERSAMPLE
        img = Image.new("RGB", (self.width * k, self.height * k), BACKGROUND)
        d = ImageDraw.Draw(img)
        self._draw_floor(d)
        self._draw_shadow(d, frame)
        for item in self.props:
            if item["kind"] in SUPPORTS:
                self._draw_support(d, item, frame)
        items: list[tuple[float, int, object]] = []
        self._figure_items(frame, items)
        for item in self.props:
            if item["kind"] == "medicine_ball":
                centre = mid(frame.points["left_hand"], frame.points["right_hand"])
                c = self.project(centre)
                items.append((c[2] + 0.001, len(items), ("ball", c, item["radius"])))
        items.sort(key=lambda it: (it[0], it[1]))
        for _, _, spec in items:
            self._draw_spec(d, spec)
        for item in self.props:
            if item["kind"] == "band":
                self._draw_band(d, item, frame)
        return img.reduce(k)

    def _draw_floor(self, d: ImageDraw.ImageDraw) -> None:
        back = self.floor_y(self.depth_span[0])
        _, y = self.screen((0.0, back, 0.0))
        w, h = self.width * SUPERSAMPLE, self.height * SUPERSAMPLE
        d.rectangle((0, y, w, h), fill=FLOOR)
        d.line((0, y, w, y), fill=FLOOR_LINE, width=max(2, int(self.px(0.012))))

    def _draw_shadow(self, d, frame: Frame) -> None:
        """A soft shadow on the floor under each foot near it, so a hop visibly leaves the floor
        (not in close-ups, where it would only be a grey blob)."""
        if self.camera.focus:
            return
        for side in ("left", "right"):
            sole = [frame.points[f"{side}_{p}"] for p in ("heel", "ball_in", "ball_out", "toe")]
            height = min(p[1] for p in sole)
            if height > 0.35 or height < -0.01:
                continue
            fade = 1.0 - height / 0.35
            colour = tuple(round(f + (s - f) * fade) for f, s in zip(FLOOR, SHADOW))
            self._blob(d, [self.project((p[0], 0.0, p[2])) for p in sole], 0.045, colour)

    def _capsule(self, d, a, b, r, colour) -> None:
        pa, pb = self.screen(a), self.screen(b)
        w = self.px(r)
        d.line((pa, pb), fill=colour, width=max(1, round(2 * w)))
        for p in (pa, pb):
            d.ellipse((p[0] - w, p[1] - w, p[0] + w, p[1] + w), fill=colour)

    def _blob(self, d, points: list[tuple[float, float, float]], pad: float, colour) -> None:
        """Filled convex hull of projected points, rounded by ``pad`` metres."""
        hull = convex_hull([self.screen(p) for p in points])
        w = self.px(pad)
        if len(hull) >= 3:
            d.polygon(hull, fill=colour)
        if len(hull) >= 2:
            d.line(hull + [hull[0]], fill=colour, width=max(1, round(2 * w)), joint="curve")
        for p in hull:
            d.ellipse((p[0] - w, p[1] - w, p[0] + w, p[1] + w), fill=colour)

    def _colour(self, side: str) -> tuple[int, int, int]:
        if self.near is None:
            return FRONT[side]
        return NEAR if side == self.near else FAR

    def _figure_items(self, frame: Frame, items: list) -> None:
        P = {name: self.project(p) for name, p in frame.points.items() if not name.startswith("_")}

        def depth(*names):
            return sum(P[n][2] for n in names) / len(names)

        items.append((depth("pelvis", "chest"), len(items), ("torso", P)))
        items.append((depth("head") - 0.001, len(items), ("head", P)))
        for side in ("left", "right"):
            colour = self._colour(side)
            for a, b, r in LIMB_PARTS:
                na, nb = f"{side}_{a}", f"{side}_{b}"
                items.append((depth(na, nb), len(items), ("capsule", P[na], P[nb], r, colour)))
            foot = [f"{side}_{p}" for p in ("ankle", "heel", "ball_in", "ball_out", "ball")]
            toes = [P[f"{side}_{p}"] for p in ("ball", "knuckle", "toe")]
            sole = self._sole(P, side)
            items.append((depth(*foot), len(items), ("foot", [P[n] for n in foot], toes, colour, sole)))

    def _sole(self, P: dict, side: str):
        """The sole as a footprint, when it faces the camera: (outline, how squarely it faces)."""
        ankle, heel, ball = P[f"{side}_ankle"], P[f"{side}_heel"], P[f"{side}_ball"]
        inner, outer, toe = P[f"{side}_ball_in"], P[f"{side}_ball_out"], P[f"{side}_knuckle"]
        length = sub(ball, heel)
        across = sub(outer, inner)
        normal = (length[1] * across[2] - length[2] * across[1], length[2] * across[0] - length[0] * across[2],
                  length[0] * across[1] - length[1] * across[0])
        down = sub(mid(heel, ball), ankle)
        if dot(normal, down) < 0:
            normal = (-normal[0], -normal[1], -normal[2])
        size = math.sqrt(dot(normal, normal)) or 1.0
        facing = normal[2] / size
        if facing < 0.25:
            return None
        heel_in = tuple(heel[i] + (inner[i] - ball[i]) * 0.7 for i in range(3))
        heel_out = tuple(heel[i] + (outer[i] - ball[i]) * 0.7 for i in range(3))
        return [heel_in, inner, toe, outer, heel_out], facing

    def _draw_spec(self, d, spec) -> None:
        kind = spec[0]
        if kind == "torso":
            P = spec[1]
            self._blob(d, [P["left_hip"], P["right_hip"], P["left_shoulder"], P["right_shoulder"]], 0.05, TORSO)
            for a, b in (("pelvis", "spine"), ("spine", "waist"), ("waist", "chest")):
                self._capsule(d, P[a], P[b], 0.1, TORSO)
            # Neck, reaching halfway to the head centre.
            neck_top = tuple(P["chest"][i] + (P["head"][i] - P["chest"][i]) * 0.55 for i in range(3))
            self._capsule(d, P["chest"], neck_top, 0.048, TORSO)
        elif kind == "head":
            P = spec[1]
            h, n = self.screen(P["head"]), self.screen(P["nose"])
            r, rn = self.px(0.105), self.px(0.032)
            d.ellipse((h[0] - r, h[1] - r, h[0] + r, h[1] + r), fill=TORSO)
            d.ellipse((n[0] - rn, n[1] - rn, n[0] + rn, n[1] + rn), fill=TORSO)
        elif kind == "capsule":
            _, a, b, r, colour = spec
            self._capsule(d, a, b, r, colour)
        elif kind == "foot":
            _, pts, toes, colour, sole = spec
            self._blob(d, pts, 0.03, colour)
            self._capsule(d, toes[0], toes[1], 0.024, colour)
            self._capsule(d, toes[1], toes[2], 0.019, colour)
            if sole:
                outline, facing = sole
                shade = tuple(round(c + (s - c) * min(1.0, facing * 1.6)) for c, s in zip(colour, SOLE))
                self._blob(d, outline, 0.016, shade)
        elif kind == "ball":
            _, c, r = spec
            p, w = self.screen(c), self.px(r)
            d.ellipse((p[0] - w, p[1] - w, p[0] + w, p[1] + w), fill=MEDICINE_BALL)
            d.arc((p[0] - w * 0.55, p[1] - w, p[0] + w * 0.55, p[1] + w), 0, 360, fill=MEDICINE_SEAM,
                  width=max(2, int(w * 0.12)))

    def _box(self, d, box, side, top, rounded: float = 0.0) -> None:
        corners = [self.project(c) for c in box_corners(*box)]
        self._blob(d, corners, rounded, side) if rounded else d.polygon(
            convex_hull([self.screen(c) for c in corners]), fill=side)
        x0, x1, y0, y1, z0, z1 = box
        top_face = [self.project(c) for c in ((x0, y1, z0), (x1, y1, z0), (x1, y1, z1), (x0, y1, z1))]
        hull = convex_hull([self.screen(c) for c in top_face])
        if len(hull) >= 3 and self.camera.pitch > 2:
            d.polygon(hull, fill=top)
        else:
            a, b = self.screen(top_face[0]), self.screen(top_face[1])
            w = max(2, round(self.px(0.012)))
            d.line((min(a, b), max(a, b)), fill=top, width=w)

    def _draw_support(self, d, item, frame: Frame) -> None:
        kind = item["kind"]
        if kind == "marks":
            w = max(3, round(self.px(0.025)))
            for x, y, z in item["spots"]:
                for dx, dz in ((0.1, 0.1), (0.1, -0.1)):
                    a = self.screen(self.project((x - dx, y, z - dz)))
                    b = self.screen(self.project((x + dx, y, z + dz)))
                    d.line((a, b), fill=MARK, width=w)
        elif kind == "step":
            self._box(d, item["box"], STEP_SIDE, STEP_TOP)
        elif kind == "foam_pad":
            self._box(d, item["box"], PAD_SIDE, PAD_TOP, rounded=0.015)
        elif kind == "mat":
            self._box(d, item["box"], MAT_SIDE, MAT_TOP)
        elif kind == "chair":
            x0, x1, y0, y1, z0, z1 = item["box"]
            for x in (x0 + 0.03, x1 - 0.03):
                for z in (z0 + 0.03, z1 - 0.03):
                    self._capsule(d, self.project((x, 0.0, z)), self.project((x, y1 - 0.04, z)), 0.016, CHAIR_SIDE)
            self._box(d, (x0, x1, y1 - 0.045, y1, z0, z1), CHAIR_SIDE, CHAIR_TOP, rounded=0.008)
        elif kind == "wobble_board":
            c = item["centre"]
            centre = self.screen(self.project((c[0], WOBBLE_BOARD_HEIGHT - 0.03, c[2])))
            r = self.px(WOBBLE_BOARD_HEIGHT - 0.03)
            d.pieslice((centre[0] - r, centre[1] - r, centre[0] + r, centre[1] + r), 0, 180, fill=DOME)
            self._box(d, item["box"], BOARD, BOARD, rounded=0.008)
        elif kind == "stability_ball":
            (c, r) = item["ball"]
            p, w = self.screen(self.project(c)), self.px(r)
            d.ellipse((p[0] - w, p[1] - w, p[0] + w, p[1] + w), fill=STABILITY_BALL)
            d.arc((p[0] - w * 0.72, p[1] - w * 0.72, p[0] + w * 0.72, p[1] + w * 0.72), 200, 250,
                  fill=STABILITY_SHINE, width=max(2, int(w * 0.09)))
        elif kind == "towel" and "roll" in item:
            a, b, r = item["roll"]
            self._capsule(d, self.project(a), self.project(b), r, TOWEL)
            end = self.project(a) if self.project(a)[2] > self.project(b)[2] else self.project(b)
            p, w = self.screen(end), self.px(r * 0.45)
            d.ellipse((p[0] - w, p[1] - w, p[0] + w, p[1] + w), outline=TOWEL_FOLD, width=max(2, int(w * 0.35)))
        elif kind == "towel":
            self._box(d, item["box"], TOWEL_FOLD, TOWEL)
            side = item["side"]
            curl = max(0.0, min(1.0, self._toe_curl(frame, side)))
            if curl > 0.05:  # the towel gathers up in front of the clawing toes
                toe, ball = frame.points[f"{side}_toe"], frame.points[f"{side}_ball"]
                k = item["direction"]
                z = toe[2]
                hump = [(toe[0] - 0.01 * k, 0.0, z), (toe[0] + 0.015 * k, 0.012 + 0.022 * curl, z),
                        (toe[0] + 0.05 * k, 0.01 + 0.012 * curl, z), (toe[0] + 0.09 * k, 0.0, z)]
                self._blob(d, [self.project(p) for p in hump], 0.006, TOWEL_FOLD)

    def _toe_curl(self, frame: Frame, side: str) -> float:
        """How far the toes have curled, 0..1: the bend at the toe knuckle (lifted toes stay straight)."""
        ball, knuckle, toe = (frame.points[f"{side}_{p}"] for p in ("ball", "knuckle", "toe"))
        a, b = sub(knuckle, ball), sub(toe, knuckle)
        cos = dot(a, b) / math.sqrt(dot(a, a) * dot(b, b))
        return math.degrees(math.acos(max(-1.0, min(1.0, cos)))) / 70.0

    def _draw_band(self, d, item, frame: Frame) -> None:
        a = point(frame.points, item["from"])
        fixed = item.get("fixed")
        b = fixed or point(frame.points, item["to"])
        if fixed and item["post"]:
            base = (fixed[0], 0.0, fixed[2])
            self._capsule(d, self.project(base), self.project(add(fixed, (0, 0.04, 0))), 0.022, POST)
        pa, pb = self.screen(self.project(a)), self.screen(self.project(b))
        w = max(3, round(self.px(0.022)))
        d.line((pa, pb), fill=BAND, width=w)
        r = w * 0.9
        for p in (pa, pb):
            d.ellipse((p[0] - r, p[1] - r, p[0] + r, p[1] + r), fill=BAND)
