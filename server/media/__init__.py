"""Steady's demonstration clips, rendered from pose scripts (no footage needed).

Each exercise has a pose script, ``content/poses/<slug>.toml``: a few keyframes
of joint angles for a simple articulated figure (format: ``server/media/script.py``).
The renderer eases between them with forward kinematics from fixed segment
lengths, keeps the named anchor planted, draws each frame with Pillow and encodes
a seamless looping H.264 MP4 (yuv420p, faststart, 480x360) with the ffmpeg that
imageio-ffmpeg ships, plus a JPEG poster of the most telling keyframe.

    render_all(poses_dir, out_dir, workers=2) -> {slug: Clip}   # incremental
    probe_clip(path) -> Clip                                    # facts read from the file
    ClipInvalid                                                 # not a playable H.264 MP4
    PoseScriptError (alias PoseScriptInvalid)                   # one line per problem;
                                                                #   .errors: [server.problems.Problem]
    check_footage(path) / convert_footage(src, dst, ...)        # a coach's MP4, MOV or WebM, converted
                                                                #   to the same format (footage.py)
    publish_file(target, write)                                 # readers never see half a file

Command line: ``python -m server.media render <poses_dir> <out_dir>``.
"""

from server.media.build import RENDERER_VERSION, render_all, render_clip, stale_renders
from server.media.footage import ConversionTooSlow, Footage, FootageRefused, check_footage, convert_footage, extract_poster
from server.media.load import load_motion, load_motions, load_pose_script, load_pose_scripts
from server.media.motion import Motion
from server.media.probe import Clip, ClipInvalid, poster_is_whole, probe_clip
from server.media.publish import publish_file
from server.media.script import PoseScript, PoseScriptError, PoseScriptInvalid

__all__ = [
    "Clip",
    "ClipInvalid",
    "ConversionTooSlow",
    "Footage",
    "FootageRefused",
    "Motion",
    "PoseScript",
    "PoseScriptError",
    "PoseScriptInvalid",
    "RENDERER_VERSION",
    "check_footage",
    "convert_footage",
    "extract_poster",
    "load_motion",
    "load_motions",
    "load_pose_script",
    "load_pose_scripts",
    "poster_is_whole",
    "probe_clip",
    "publish_file",
    "render_all",
    "render_clip",
    "stale_renders",
]
