"""The command-line shell: parse options, call the library, render with rich."""

from __future__ import annotations

import sys


def main() -> None:
    """The `articlekit` command. Imports a dependency makes but never uses are deferred
    (`articlekit.cli.deferred`), and a parallel batch starts its workers before the CLI
    framework loads (`articlekit.cli.early`)."""
    from articlekit.cli.deferred import defer_imports
    from articlekit.cli.early import prestart_batch_workers

    defer_imports()
    prestart_batch_workers(sys.argv[1:])
    from articlekit.cli.app import main as run_app

    run_app()
