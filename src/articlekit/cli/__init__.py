"""The command-line shell: parse options, call the library, render with rich."""

from __future__ import annotations

import sys


def main() -> None:
    """The `articlekit` command. Imports a dependency makes but never uses are deferred
    (`articlekit.cli.deferred`), a parallel batch starts its workers before the CLI
    framework loads (`articlekit.cli.early`), and the process ends without the
    interpreter's teardown (`articlekit.cli.finish`)."""
    from articlekit.cli.deferred import defer_imports
    from articlekit.cli.early import prestart_batch_workers

    defer_imports()
    prestart_batch_workers(sys.argv[1:])
    from articlekit.cli.app import main as run_app
    from articlekit.cli.finish import finish, write_failed

    try:
        run_app()
    except SystemExit as stop:
        finish(stop.code)
    except OSError as error:  # stdout failed after the command's own handling (`--help`)
        finish(write_failed(error))
    finish(0)
