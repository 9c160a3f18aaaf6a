"""Reading inputs and writing outputs for the CLI: `-` is stdin/stdout; files are
written atomically (a temp file in the same folder, then a rename)."""

from __future__ import annotations

import sys
from pathlib import Path

from articlekit.atomic import write_atomic


def read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder; use `articlekit batch` for folders")
    return path.read_bytes()


def write_output(text: str, target: str | None) -> None:
    """Write to stdout, or atomically to a file."""
    if target is None or target == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    write_atomic(Path(target), text.encode("utf-8"))
