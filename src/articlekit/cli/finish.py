"""How the command ends: a status, a one-line reason when output could not be written,
and no interpreter teardown.

Once a command has written and closed its outputs, Python's shutdown still frees
every module the process loaded, one object at a time: typer, click and rich for
every command; lxml, readability and the vocabularies for one that cleaned a page.
That costs 30–60 ms on a 2-core machine (without it, `--version` went from 162 to
152 ms and `clean page.html` from 390 to 304 ms) and buys nothing: the operating
system takes the memory back at once. So the command flushes stdout and stderr and ends the
process there, unless something still needs finalising: another thread, or the
standard-library process pool used where forking is unsafe.

A write to stdout can fail after the command's own error handling is done (`--help`
or `--version` into a full disk): that is one line on stderr and status 1, never a
traceback. A reader that went away (`| head`) is not an error worth a line.
"""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from typing import NoReturn


def finish(code: object) -> NoReturn:
    """End the process with `code`, read as `SystemExit` reads it (None: 0; an int:
    that status; anything else: printed on stderr, status 1)."""
    status = _status(code)
    try:
        sys.stdout.flush()
    except OSError as error:
        failed = write_failed(error)
        status = status or failed
    if _needs_finalising():
        raise SystemExit(status)
    _flush_stderr()
    os._exit(status)


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
    gone (or a full disk) cannot fail again on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout replaced by something without a descriptor
        pass


def _say(text: str) -> None:
    with suppress(OSError, ValueError):
        sys.stderr.write(text)
    _flush_stderr()


def _flush_stderr() -> None:
    with suppress(OSError, ValueError):
        sys.stderr.flush()


def _needs_finalising() -> bool:
    """Whether ending the process now could cut something short: a thread still
    running, or a `multiprocessing` pool with its exit handlers."""
    threading = sys.modules.get("threading")
    running = threading is not None and threading.active_count() > 1
    return running or "multiprocessing" in sys.modules
