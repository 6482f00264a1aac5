"""A bad pose script is refused with a message that names the file and the field."""

import pytest

from server.media import PoseScriptError, load_pose_script, load_pose_scripts, render_all

GOOD = """\
view = "side"
side = "left"
duration_s = 4.0
anchor = "left_foot"

[[props]]
kind = "medicine_ball"

[[keyframes]]
t = 0.0
knee = 5

[[keyframes]]
t = 0.5
hold = 0.1
right_hip_flex = 40
right_knee = 60
"""

# (name, edit to GOOD, field named in the error, words in the message)
CASES = [
    ("unknown-joint", ("right_knee = 60", "right_kneee = 60"), "keyframes[1].right_kneee", "unknown joint"),
    ("angle-out-of-range", ("right_knee = 60", "right_knee = 200"), "keyframes[1].right_knee", "out of range"),
    ("missing-keyframe", ("[[keyframes]]\nt = 0.5\nhold = 0.1\nright_hip_flex = 40\nright_knee = 60\n", ""),
     "keyframes", "at least 2"),
    ("no-keyframes", ("[[keyframes]]\nt = 0.0\nknee = 5\n\n[[keyframes]]\nt = 0.5\nhold = 0.1\nright_hip_flex = 40\n"
                      "right_knee = 60\n", ""), "keyframes", "is missing"),
    ("first-keyframe-late", ("t = 0.0", "t = 0.2"), "keyframes[0].t", "t = 0"),
    ("keyframes-out-of-order", ("t = 0.5", "t = 0.0"), "keyframes[1].t", "must come after"),
    ("hold-too-long", ("hold = 0.1", "hold = 0.6"), "keyframes[1].hold", "no time to return"),
    ("unknown-prop", ('kind = "medicine_ball"', 'kind = "trampoline"'), "props[0].kind", "unknown prop"),
    ("prop-missing-field", ('kind = "medicine_ball"', 'kind = "band"'), "props[0].from", "is missing"),
    ("unknown-field", ('view = "side"', 'view = "side"\ncolour = "red"'), "colour", "unknown field"),
    ("missing-view", ('view = "side"\n', ""), "view", "is missing"),
    ("bad-view", ('view = "side"', 'view = "top"'), "view", "not one of"),
    ("bad-second-view", ('view = "side"', 'view = ["side", "top"]'), "view[1]", "not one of"),
    ("three-views", ('view = "side"', 'view = ["side", "front", "back"]'), "view", "one view or two"),
    ("same-view-twice", ('view = "side"', 'view = ["front", "front"]'), "view", "same view twice"),
    ("bad-side", ('side = "left"', 'side = "up"'), "side", "not one of"),
    ("too-long", ("duration_s = 4.0", "duration_s = 12"), "duration_s", "out of range"),
    ("unknown-anchor", ('anchor = "left_foot"', 'anchor = "left_nose"'), "anchor", "not one of"),
    ("not-a-number", ("knee = 5", 'knee = "soft"'), "keyframes[0].knee", "must be a number"),
    ("not-toml", ("knee = 5", "knee = = 5"), "", "not valid TOML"),
    ("through-the-floor", ("knee = 5", "knee = 5\nbody_pitch = 100"), "keyframes", "through the floor"),
    ("loop-jumps", ("right_knee = 60", 'right_knee = 0\nright_hip_abd = 40\nanchor = "right_foot"'),
     "keyframes[0]", "loop does not close"),
    ("pin-fights-anchor", ('anchor = "left_foot"', 'anchor = "left_foot"\npins = ["left_foot"]'),
     "keyframes[0].pins", "already held"),
]


@pytest.mark.parametrize("name, edit, field, words", CASES, ids=[c[0] for c in CASES])
def test_bad_script_names_file_and_field(tmp_path, name, edit, field, words):
    old, new = edit
    assert old in GOOD
    path = tmp_path / "poses" / f"{name}.toml"
    path.parent.mkdir()
    path.write_text(GOOD.replace(old, new, 1))
    with pytest.raises(PoseScriptError) as caught:
        load_pose_script(path)
    message = str(caught.value)
    where = f"field '{field}'" if field else "file"
    assert message.startswith(f"poses/{name}.toml: {where}: "), message
    assert words in message
    assert caught.value.errors[0].field == field
    assert caught.value.errors[0].file == f"poses/{name}.toml"


def test_the_good_script_loads(tmp_path):
    path = tmp_path / "fine.toml"
    path.write_text(GOOD)
    script = load_pose_script(path)
    assert script.side == "left" and script.views == ("side",)


def test_two_views_side_by_side(tmp_path):
    path = tmp_path / "fine.toml"
    path.write_text(GOOD.replace('view = "side"', 'view = ["side", "front"]'))
    script = load_pose_script(path)
    assert (script.view, script.views) == ("side", ("side", "front"))


def test_every_problem_in_a_folder_is_reported_before_rendering(tmp_path):
    poses, out = tmp_path / "poses", tmp_path / "out"
    poses.mkdir()
    (poses / "fine.toml").write_text(GOOD)
    (poses / "one.toml").write_text(GOOD.replace("right_knee = 60", "right_knee = 200"))
    (poses / "two.toml").write_text(GOOD.replace('side = "left"', 'side = "up"'))
    with pytest.raises(PoseScriptError) as caught:
        render_all(poses, out)
    lines = str(caught.value).splitlines()
    assert [line.split(": ")[0] for line in lines] == ["poses/one.toml", "poses/two.toml"]
    assert not out.exists() or not any(out.iterdir())  # nothing rendered


def test_a_file_name_that_is_not_a_slug(tmp_path):
    path = tmp_path / "Glute Bridge.toml"
    path.write_text(GOOD)
    with pytest.raises(PoseScriptError, match="file name"):
        load_pose_script(path)


def test_missing_folder(tmp_path):
    with pytest.raises(PoseScriptError, match="does not exist"):
        load_pose_scripts(tmp_path / "nowhere")
