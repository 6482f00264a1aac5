"""``flask catalog …`` commands."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from server.catalog.content import CatalogInvalid
from server.catalog.service import load_catalog

cli = AppGroup("catalog", help="Manage the exercise catalogue.")


@cli.command("load")
@click.option("--content", "content_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Content folder (default: the repository's content/).")
def load_command(content_dir: Path | None) -> None:
    """Validate the content files, build the clips, and load them; load nothing if anything is wrong."""
    folder = content_dir or Path(current_app.config["CONTENT_DIR"])
    try:
        result = load_catalog(folder, Path(current_app.config["MEDIA_DIR"]))
    except CatalogInvalid as invalid:
        for error in invalid.errors:
            click.echo(f"error: {error}", err=True)
        raise click.ClickException(f"{len(invalid.errors)} problem(s) in {folder}; nothing was loaded.")
    verb = "Loaded" if result.changed else "Already loaded"
    click.echo(f"{verb} catalogue {result.version}: {result.exercises} exercises, {result.routines} routines.")
