"""Reading inputs and writing outputs for the CLI: `-` is stdin/stdout; files are
written atomically (a temp file in the same folder, then a rename)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from articlekit.errors import OutputWriteError
from articlekit.options import DEFAULT_MAX_INPUT_BYTES
from articlekit.read.load import read_limited
from articlekit.run.atomic import write_atomic


def read_input(name: str, max_bytes: int = DEFAULT_MAX_INPUT_BYTES) -> bytes:
    """The input's bytes, refused past `max_bytes` before a huge file fills memory."""
    if name == "-":
        return read_limited(sys.stdin.buffer, max_bytes)
    path = Path(name)
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder; use `articlekit batch` for folders")
    with path.open("rb") as handle:
        return read_limited(handle, max_bytes)


def refuse_overwriting_input(source: str, target: str | None) -> None:
    """`clean page.html -o page.html` would replace the page with its cleaned text: an
    output that is the input file (by name or through a link) is refused."""
    if source == "-" or target is None or target == "-":
        return
    try:
        same = os.path.samefile(source, target)
    except OSError:  # the output does not exist yet (or the input does not: read says so)
        return
    if same:
        raise OutputWriteError("is the input; refusing to write over it", source=target)


def write_output(text: str, target: str | None) -> None:
    """Write to stdout, or atomically to a file.

    A failed write names the output, not the input (`stdout: No space left on
    device`); a reader that went away (`| head`) raises `BrokenPipeError` as it is.
    """
    to_stdout = target is None or target == "-"
    try:
        if to_stdout:
            sys.stdout.buffer.write(text.encode("utf-8"))
            sys.stdout.buffer.flush()
        else:
            write_atomic(Path(str(target)), text.encode("utf-8"))
    except BrokenPipeError:
        raise
    except OSError as error:
        name = "stdout" if to_stdout else str(target)
        raise OutputWriteError(error.strerror or str(error), source=name) from None
