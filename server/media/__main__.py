"""Command line: render every clip, read one back, or preview a pose script's keyframes.

    python -m server.media render <poses_dir> <out_dir> [--workers 2]
    python -m server.media probe <clip.mp4>
    python -m server.media preview <pose.toml> <sheet.png>
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from server.media.build import render_all
from server.media.probe import ClipInvalid, probe_clip
from server.media.script import PoseScriptError


def _render(args) -> int:
    started = time.perf_counter()
    clips = render_all(Path(args.poses_dir), Path(args.out_dir), workers=args.workers)
    elapsed = time.perf_counter() - started
    width = max((len(s) for s in clips), default=10)
    for slug, clip in clips.items():
        print(f"{slug:<{width}}  {clip.bytes:>9,} bytes  {clip.duration_s:5.2f} s  {clip.width}x{clip.height}  "
              f"side={clip.side}  views={','.join(clip.views) or '-'}  {clip.mp4.name}")
    total_bytes = sum(c.bytes for c in clips.values())
    total_poster = sum(c.poster.stat().st_size for c in clips.values() if c.poster)
    total_s = sum(c.duration_s for c in clips.values())
    print(f"total: {len(clips)} clips, {total_bytes:,} bytes of video (+{total_poster:,} bytes of posters), "
          f"{total_s:.1f} s of video; finished in {elapsed:.1f} s")
    return 0


def _probe(args) -> int:
    clip = probe_clip(Path(args.clip))
    for key, value in clip.to_dict().items():
        print(f"{key:>12}: {value}")
    return 0


def _preview(args) -> int:
    from PIL import Image, ImageDraw

    from server.media.load import load_motion
    from server.media.panels import ClipPainter

    motion = load_motion(args.script)
    script = motion.script
    renderer = ClipPainter(script, motion)
    times = [kf.t for kf in script.keyframes]
    extra = [(times[i] + (times[i + 1] if i + 1 < len(times) else 1.0)) / 2 for i in range(len(times))]
    moments = sorted(times + extra) if args.between else times
    tiles = [renderer.render(u) for u in moments]
    cols = min(4, len(tiles))
    rows = (len(tiles) + cols - 1) // cols
    w, h = tiles[0].size
    sheet = Image.new("RGB", (cols * w, rows * h), "white")
    draw = ImageDraw.Draw(sheet)
    for i, (u, tile) in enumerate(zip(moments, tiles)):
        x, y = (i % cols) * w, (i // cols) * h
        sheet.paste(tile, (x, y))
        draw.text((x + 6, y + 4), f"t={u:.2f}", fill="black")
        draw.rectangle((x, y, x + w - 1, y + h - 1), outline=(200, 200, 200))
    sheet.save(args.out)
    print(args.out)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m server.media", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("render", help="render every pose script (incremental)")
    r.add_argument("poses_dir")
    r.add_argument("out_dir")
    r.add_argument("--workers", type=int, default=2)
    r.set_defaults(func=_render)
    p = sub.add_parser("probe", help="read a clip's facts back from the file")
    p.add_argument("clip")
    p.set_defaults(func=_probe)
    v = sub.add_parser("preview", help="a contact sheet of one pose script's keyframes")
    v.add_argument("script")
    v.add_argument("out")
    v.add_argument("--between", action="store_true", help="also show the halfway moments")
    v.set_defaults(func=_preview)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (PoseScriptError, ClipInvalid) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
