"""Draw Steady's PNG app icons (run once; the PNGs are committed): python frontend/icons/draw_icons.py"""

from pathlib import Path

from PIL import Image, ImageDraw

GREEN, WHITE, MINT = (10, 106, 76), (255, 255, 255), (159, 227, 197)
HERE = Path(__file__).resolve().parent


def draw(size: int, maskable: bool) -> Image.Image:
    """The runner-on-one-leg mark; maskable icons keep it inside the central 80% safe zone."""
    scale = 4  # draw large and downsample for smooth edges
    canvas = size * scale
    image = Image.new("RGBA", (canvas, canvas), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:
        pen.rectangle([0, 0, canvas, canvas], fill=GREEN)
        inset = 0.2
    else:
        pen.rounded_rectangle([0, 0, canvas - 1, canvas - 1], radius=canvas * 0.22, fill=GREEN)
        inset = 0.08

    def at(x: float, y: float) -> tuple[float, float]:
        span = canvas * (1 - 2 * inset)
        return canvas * inset + x / 64 * span, canvas * inset + y / 64 * span

    width = int(canvas * (1 - 2 * inset) * 4.5 / 64)
    head = at(34, 14)
    radius = canvas * (1 - 2 * inset) * 5 / 64
    pen.ellipse([head[0] - radius, head[1] - radius, head[0] + radius, head[1] + radius], fill=WHITE)
    for line in ([(33, 21), (31, 36), (22, 50)], [(31, 36), (40, 44), (44, 52)], [(32, 24), (22, 30)], [(32, 24), (43, 28)]):
        points = [at(*p) for p in line]
        pen.line(points, fill=WHITE, width=width, joint="curve")
        for x, y in points:
            pen.ellipse([x - width / 2, y - width / 2, x + width / 2, y + width / 2], fill=WHITE)
    pen.line([at(14, 54), at(50, 54)], fill=MINT, width=int(width * 0.66))
    return image.resize((size, size), Image.LANCZOS)


if __name__ == "__main__":
    for size in (192, 512):
        draw(size, maskable=False).save(HERE / f"icon-{size}.png", optimize=True)
        draw(size, maskable=True).save(HERE / f"maskable-{size}.png", optimize=True)
    draw(180, maskable=True).convert("RGB").save(HERE / "apple-touch-icon.png", optimize=True)
