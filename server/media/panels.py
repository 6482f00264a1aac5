"""A clip's frame: one view filling it, or two views side by side (a side view and a front view).

A fault such as the knee drifting inward is only seen from the front, while the depth of a
squat is only seen from the side; two panels show both in the same 480x360 frame, so the card
and the player need no other size.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from server.media.draw import FLOOR_LINE, HEIGHT, WIDTH, Renderer
from server.media.motion import Motion
from server.media.script import Camera, PoseScript

DIVIDER = 2  # px between the panels, in the floor line's colour


class ClipPainter:
    """Draws any moment of a pose script in its panels, left to right."""

    def __init__(self, script: PoseScript, motion: Motion, width: int = WIDTH, height: int = HEIGHT):
        self.width, self.height = width, height
        views = script.views or (script.view,)
        if len(views) == 1:
            self.panels = [Renderer(script, motion, width, height)]
            return
        panel_w = width // len(views)
        self.panels = [Renderer(script, motion, panel_w, height, view=view, camera=self._camera(script, i))
                       for i, view in enumerate(views)]
        self._share_scale()

    def _share_scale(self) -> None:
        """One scale for every panel, and the floor under the body at one height, so the two
        pictures read as one person seen twice (each panel still centres the body across)."""
        ref = min(self.panels, key=lambda p: p.scale)
        pelvis = ref.first.points["pelvis"]
        ground = (pelvis[0], 0.0, pelvis[2])
        row = ref.screen(ref.project(ground), k=1)[1]
        # The floor's back edge (pitched cameras) the same distance behind the body in each panel.
        behind = max(p.project(ground)[2] - p.depth_span[0] for p in self.panels)
        for panel in self.panels:
            panel.scale = ref.scale
            panel.cy = panel.project(ground)[1] - (self.height / 2 - row) / ref.scale
            panel.depth_span = (panel.project(ground)[2] - behind, panel.depth_span[1])

    @staticmethod
    def _camera(script: PoseScript, index: int) -> Camera:
        """The first panel keeps the script's camera; the others face their view square on, framing the whole body."""
        if index == 0:
            return script.camera
        return Camera(pitch=script.camera.pitch)

    def render(self, u: float) -> Image.Image:
        """The frame at loop fraction ``u``."""
        if len(self.panels) == 1:
            return self.panels[0].render(u)
        frame = Image.new("RGB", (self.width, self.height), FLOOR_LINE)
        draw = ImageDraw.Draw(frame)
        x = 0
        for i, panel in enumerate(self.panels):
            frame.paste(panel.render(u), (x, 0))
            if i:
                draw.rectangle((x - DIVIDER // 2, 0, x + DIVIDER // 2 - 1, self.height), fill=FLOOR_LINE)
            x += panel.width
        return frame
