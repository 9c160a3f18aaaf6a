"""Exit codes (DESIGN.md) and the one place that turns exceptions into them."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import IntEnum

import typer


class ExitStatus(IntEnum):
    OK = 0
    FAILED = 1
    USAGE = 2


def fail(source: str, cause: str) -> typer.Exit:
    """Print `articlekit: SOURCE: CAUSE` on stderr and return the exit to raise."""
    sys.stderr.write(f"articlekit: {source}: {cause}\n")
    return typer.Exit(ExitStatus.FAILED)


@contextmanager
def reported(source: str, *, debug: bool = False) -> Iterator[None]:
    """Turn expected failures into one stderr line naming `source` and exit code 1.

    Expected: articlekit's own errors (named by what they concern, if they say: a
    failed output) and I/O errors. A closed pipe ends the command quietly: its reader
    has gone. Anything else is a bug: it is still reported in one line (with the
    traceback only under `--debug`).
    """
    from articlekit.errors import ArticlekitError

    try:
        yield
    except typer.Exit:
        raise
    except BrokenPipeError:
        raise typer.Exit(ExitStatus.FAILED) from None
    except ArticlekitError as error:
        raise fail(error.source or source, error.message) from None
    except OSError as error:
        raise fail(source, error.strerror or str(error)) from None
    except Exception as error:
        if debug:
            raise
        raise fail(source, f"internal error: {type(error).__name__}: {error}") from None
