"""``flask sync …``: operator commands for sync."""

import click
from flask import current_app
from flask.cli import AppGroup

from server.sync.service import purge_tombstones

cli = AppGroup("sync", help="Sync maintenance.")


@cli.command("purge")
@click.option("--days", type=click.IntRange(min=1), default=None,
              help="Tombstones older than this go (default: SYNC_TOMBSTONE_DAYS).")
def purge(days: int | None) -> None:
    """Remove deleted records' tombstones past the horizon; devices that slept longer get a full reset."""
    removed = purge_tombstones(days or current_app.config["SYNC_TOMBSTONE_DAYS"])
    click.echo(f"Removed {removed} tombstone{'s' if removed != 1 else ''}.")
