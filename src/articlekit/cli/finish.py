"""How the command ends: a status, and one line when output could not be written.

A write to stdout can fail after the command's own error handling is done: `--help`
or `--version` into a full disk, or the last buffered bytes of an article when Python
flushes stdout at exit. Left to the interpreter, that is a traceback ("Exception
ignored … BrokenPipeError") and status 120. Here stdout is flushed while the command
can still say why in one line and end with status 1; a reader that went away (`| head`)
is not worth a line. The process then ends normally: exit handlers, log and coverage
flushing all run.
"""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from typing import NoReturn


def finish(code: object) -> NoReturn:
    """End the command with `code`, read as `SystemExit` reads it (None: 0; an int:
    that status; anything else: printed on stderr, status 1), after flushing stdout."""
    status = _status(code)
    try:
        sys.stdout.flush()
    except OSError as error:
        failed = write_failed(error)
        status = status or failed
    raise SystemExit(status)


def write_failed(error: OSError) -> int:
    """The status for output that could not be written, after saying why (a reader
    that went away is not told anything)."""
    if not isinstance(error, BrokenPipeError):
        _say(f"articlekit: stdout: {error.strerror or error}\n")
    _discard_stdout()
    return 1


def _status(code: object) -> int:
    """
    >>> _status(None), _status(2)
    (0, 2)
    """
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    _say(f"{code}\n")
    return 1


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so that what is still buffered for a reader that is
    gone (or a full disk) cannot fail again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout replaced by something without a descriptor
        pass


def _say(text: str) -> None:
    with suppress(OSError, ValueError):
        sys.stderr.write(text)
        sys.stderr.flush()
