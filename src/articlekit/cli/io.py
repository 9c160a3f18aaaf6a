"""Reading inputs and writing outputs for the CLI: `-` is stdin/stdout; files are
written atomically (a temp file in the same folder, then a rename)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


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


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so no reader ever sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
