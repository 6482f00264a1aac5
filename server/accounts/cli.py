"""``flask users …`` commands."""

import click
from flask.cli import AppGroup

from server.accounts.service import AccountRefused, set_coach

cli = AppGroup("users", help="Manage accounts.")


@cli.command("grant-coach")
@click.argument("email")
def grant_coach(email: str) -> None:
    """Let the account with EMAIL use the coach studio, from its next request."""
    _set_coach(email, True)


@cli.command("revoke-coach")
@click.argument("email")
def revoke_coach(email: str) -> None:
    """Take the coach studio away from the account with EMAIL, from its next request."""
    _set_coach(email, False)


def _set_coach(email: str, coach: bool) -> None:
    try:
        user = set_coach(email, coach)
    except AccountRefused as refused:
        raise click.ClickException(refused.message)
    click.echo(f"{user.email} is {'now a coach' if coach else 'no longer a coach'}.")
