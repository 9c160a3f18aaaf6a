"""The command-line shell: parse options, call the library, render with rich."""

from __future__ import annotations

import sys


def main() -> None:
    """The `articlekit` command. A parallel batch starts its workers before the CLI
    framework loads (see `articlekit.cli.early`)."""
    from articlekit.cli.early import prestart_batch_workers

    prestart_batch_workers(sys.argv[1:])
    from articlekit.cli.app import main as run_app

    run_app()
