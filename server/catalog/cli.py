"""``flask catalog …`` commands: load content files, export the live catalogue as content files."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from server.catalog.content import CatalogInvalid
from server.catalog.export import ExportRefused, export_catalog
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


@cli.command("export")
@click.argument("dest", type=click.Path(path_type=Path))
@click.option("--content", "content_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Content folder the rendered clips' pose scripts are copied from (default: the repository's content/).")
def export_command(dest: Path, content_dir: Path | None) -> None:
    """Write the live catalogue (content with the coach layer over it) as content files `catalog load` accepts."""
    folder = content_dir or Path(current_app.config["CONTENT_DIR"])
    try:
        result = export_catalog(dest, folder, Path(current_app.config["MEDIA_DIR"]))
    except ExportRefused as refused:
        raise click.ClickException(f"Nothing was exported: {refused}")
    click.echo(f"Exported {result.exercises} exercises, {result.routines} routines and {result.programs} programs to {dest} "
               f"({result.clips} clip files copied).")
