"""Exit codes (DESIGN.md) and the one place that turns exceptions into them."""

from __future__ import annotations

import re
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
    sys.stderr.write(error_line(source, cause))
    return typer.Exit(ExitStatus.FAILED)


def error_line(source: object, cause: str) -> str:
    """`articlekit: SOURCE: CAUSE` and a newline, with the file name and the cause made
    visible: a name holding an escape sequence or a bidi override is shown, not obeyed.
    """
    return f"articlekit: {visible(str(source))}: {visible(cause)}\n"


#: Characters a terminal acts on instead of showing: C0/C1 controls (escape sequences
#: start with ESC or CSI) and the bidirectional overrides that reorder what is shown.
_CONTROL_RE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    r"""The text with every control and bidi-override character replaced by U+FFFD.

    >>> visible("page\x1b[2J\u202e.html")
    'page�[2J�.html'
    """
    return _CONTROL_RE.sub("\ufffd", text)


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
