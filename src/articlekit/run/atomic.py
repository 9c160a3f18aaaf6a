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
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

_TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_TEMP_ATTEMPTS = 100
#: This host's name in temp names (dots would split the name's fields, so none).
_HOST = os.uname().nodename.replace(".", "-") if hasattr(os, "uname") else "host"


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


def remove_stale_temps(path: Path) -> int:
    """Remove the temp files beside `path` left by a writer that was killed (SIGKILL,
    a lost node) on this host; return how many. A temp file names its writer (host and
    process id), so one that another live process is writing is never touched."""
    removed = 0
    prefix = f".{path.name}.{_HOST}."
    try:
        leftovers = [
            entry.name
            for entry in os.scandir(path.parent)
            if entry.name.startswith(prefix) and entry.name.endswith(".tmp")
        ]
    except OSError:
        return 0
    for name in leftovers:
        pid = name[len(prefix) :].split(".", 1)[0]
        if pid.isdigit() and not _is_alive(int(pid)):
            with suppress(OSError):
                os.unlink(path.parent / name)
                removed += 1
    return removed


def is_temp_name(name: str) -> bool:
    """Whether a file name is one of the temp files `_open_temp` makes (a run never
    reads them as pages, its own or another run's).

    >>> is_temp_name(".all.jsonl.host.123.0a1b2c3d.tmp"), is_temp_name("page.tmp")
    (True, False)
    """
    return name.startswith(".") and name.endswith(".tmp") and name.count(".") >= 5


def _is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, owned by someone else
        return True
    return True


def _open_temp(path: Path) -> tuple[int, str]:
    """A new hidden file beside `path` (`.name.<host>.<pid>.<random>.tmp`), created
    exclusively."""
    for _ in range(_TEMP_ATTEMPTS):
        temp = str(path.parent / f".{path.name}.{_HOST}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temp, _TEMP_FLAGS, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")
