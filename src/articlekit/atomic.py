"""Atomic file writes: a temp file in the target's folder, then a rename.

The temp file is opened by hand rather than with `tempfile.mkstemp`, which creates it
readable by its owner only (mode 0600), so every output would have kept that mode;
opened with 0666 the umask decides, as for any file the user writes. (Not importing
tempfile, with the shutil, random and bz2 it loads, also saves 2 ms of start-up.)
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

_TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_TEMP_ATTEMPTS = 100


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so no reader ever sees half a file."""
    with atomic_output(path) as handle:
        handle.write(data)


@contextmanager
def atomic_output(path: Path, *, partial: Path | None = None) -> Iterator[BinaryIO]:
    """A binary handle whose content replaces `path` only if the block completes.

    On any exception the temp file is removed and `path` is untouched; on Ctrl-C (or a
    SIGTERM the caller turned into one), what was written is kept as `partial` when
    given: a long run's finished work is not thrown away, and `path` still never
    holds half a file.
    """
    _make_folder(path.parent)
    fd, temp = _open_temp(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.replace(temp, path)
    except KeyboardInterrupt:
        if partial is not None:
            os.replace(temp, partial)
        else:
            Path(temp).unlink(missing_ok=True)
        raise
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _make_folder(folder: Path) -> None:
    """Create `folder` and its parents. A file standing where a folder should be is
    'Not a directory', not mkdir's own 'File exists', which names the wrong problem."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder)) from None


def _open_temp(path: Path) -> tuple[int, str]:
    """A new hidden file beside `path` (`.name.<random>.tmp`), created exclusively."""
    for _ in range(_TEMP_ATTEMPTS):
        temp = str(path.parent / f".{path.name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(temp, _TEMP_FLAGS, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")
