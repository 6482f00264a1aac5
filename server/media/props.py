"""Props: their heights, where each sits under the figure, and the surfaces a foot can stand on."""

from __future__ import annotations

from server.media.figure import point
from server.media.script import PAIRS, SIDES, PoseScript, Prop
from server.media.vector import Vec, add, mid

WOBBLE_BOARD_HEIGHT = 0.11  # a 3 cm board on an 8 cm half-dome
MAT_HEIGHT = 0.012
TOWEL_HEIGHT = 0.01
TOWEL_ROLL_RADIUS = 0.04


def prop_top(prop: Prop) -> float:
    """Height (m) of the top surface of a support prop."""
    p = prop.params
    if prop.kind in ("step", "foam_pad", "chair"):
        return p["height"]
    if prop.kind == "wobble_board":
        return WOBBLE_BOARD_HEIGHT
    if prop.kind == "stability_ball":
        return 2 * p["radius"]
    if prop.kind == "mat":
        return MAT_HEIGHT
    if prop.kind == "towel":
        return 2 * TOWEL_ROLL_RADIUS if prop.params.get("rolled") else TOWEL_HEIGHT
    return 0.0


def _anchor_sides(name: str) -> set[str]:
    if name in PAIRS:
        return {f"{s}_{PAIRS[name]}" for s in SIDES}
    return {name}


def default_anchor_height(anchor: str, props: tuple[Prop, ...]) -> float:
    """The top of the support prop the anchor stands (sits, lies) on, else the floor."""
    wanted = _anchor_sides(anchor) | {anchor}
    wanted |= {w.replace("_foot", "_ankle") for w in wanted} | {w.replace("_ankle", "_foot") for w in wanted}
    for prop in props:
        under = prop.params.get("under")
        if under is None:
            continue
        if under in wanted or _anchor_sides(under) & wanted:
            return prop_top(prop)
    if any(prop.kind == "mat" for prop in props):
        return MAT_HEIGHT
    return 0.0


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
