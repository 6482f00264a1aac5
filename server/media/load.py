"""Loading pose scripts: parse, rest the anchor on its prop, check the motion once, hand it on.

A render takes the checked ``Motion`` this returns (it carries its script), so no step
after the load builds or checks the motion again.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from server.media.motion import Motion, check_motion
from server.media.props import default_anchor_height
from server.media.script import PoseScript, PoseScriptError, invalid, parse_pose_script
from server.content_files import listed_files
from server.problems import Problem


def load_motion(path: Path | str) -> Motion:
    """One pose script, parsed and its motion checked; raise PoseScriptError naming the file and field."""
    script = parse_pose_script(path)
    if script.anchor_height is None:
        script = replace(script, anchor_height=default_anchor_height(script.keyframes[0].anchor, script.props))
    return check_motion(script)


def load_motions(poses_dir: Path | str) -> dict[str, Motion]:
    """Every ``*.toml`` in a folder, each checked once; one PoseScriptError lists every problem."""
    poses_dir = Path(poses_dir)
    if not poses_dir.is_dir():
        raise invalid(poses_dir, "", "folder does not exist")
    motions: dict[str, Motion] = {}
    problems: list[Problem] = []
    for path in listed_files(poses_dir, ".toml", problems):
        try:
            motions[path.stem] = load_motion(path)
        except PoseScriptError as exc:
            problems.extend(exc.errors)
    if problems:
        raise PoseScriptError(problems)
    return motions


def load_pose_script(path: Path | str) -> PoseScript:
    """One pose script, validated kinematics included."""
    return load_motion(path).script


def load_pose_scripts(poses_dir: Path | str) -> dict[str, PoseScript]:
    """Every pose script in a folder, all validated."""
    return {slug: motion.script for slug, motion in load_motions(poses_dir).items()}
