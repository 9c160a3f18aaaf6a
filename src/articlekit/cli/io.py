"""Reading inputs and writing outputs for the CLI: `-` is stdin/stdout; files are
written atomically (a temp file in the same folder, then a rename)."""

from __future__ import annotations

import sys
from pathlib import Path

from articlekit.atomic import write_atomic


def read_input(name: str, max_bytes: int | None = None) -> bytes:
    """The input's bytes; at most `max_bytes` + 1 are read, so a huge file never fills
    memory before the size limit rejects it."""
    limit = -1 if max_bytes is None else max_bytes + 1
    if name == "-":
        return sys.stdin.buffer.read(limit)
    path = Path(name)
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder; use `articlekit batch` for folders")
    with path.open("rb") as handle:
        return handle.read(limit)


def write_output(text: str, target: str | None) -> None:
    """Write to stdout, or atomically to a file."""
    if target is None or target == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    write_atomic(Path(target), text.encode("utf-8"))
