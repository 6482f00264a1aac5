"""``flask coach …``: operator commands for the coach studio's files."""

import click
from flask.cli import AppGroup

from server.coach.clip_files import sweep_clip_files

cli = AppGroup("coach", help="Coach studio maintenance.")


@cli.command("sweep-clips")
def sweep_clips() -> None:
    """Delete coach clips no longer served for COACH_CLIP_KEEP_DAYS (each clip change sweeps too; cron this for the rest)."""
    deleted = sweep_clip_files()
    click.echo(f"Deleted {len(deleted)} coach clip file{'s' if len(deleted) != 1 else ''} no longer served.")
