"""The command-line shell: parse options, call the library, render with rich."""

from __future__ import annotations


def main() -> None:
    """The `articlekit` command: the typer app, then an ending that reports output
    that could not be written in one line (`articlekit.cli.finish`)."""
    from articlekit.cli.app import main as run_app
    from articlekit.cli.finish import finish, write_failed

    try:
        run_app()
    except SystemExit as stop:
        finish(stop.code)
    except OSError as error:  # stdout failed after the command's own handling (`--help`)
        finish(write_failed(error))
    finish(0)
