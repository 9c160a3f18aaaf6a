"""The ledger of an output folder: which files in it articlekit wrote, and from what.

A batch overwrites an earlier output of its own when the input changed, but never a file
someone else put in the output folder (`batch saved -o ~/Documents` must not replace a
`notes.md` the user wrote there). File times cannot tell the two apart and text output
carries no mark of its maker, so each output folder keeps a list of the outputs written
into it: `.articlekit-outputs`, one path (relative to the folder, as file-system bytes)
per NUL-terminated entry — NUL is the one byte no file name holds. Entries are
appended as outputs are written, so an interrupted run keeps what it recorded.

An entry may carry, after a 0x1F byte, the fingerprint of what made the output (the
input's size and time, the options, the articlekit version): an output is up to date
only when that fingerprint is the one a run would write now, so a change of `--to` or
an upgrade of articlekit re-cleans, where file times alone said "up to date". The
last entry of a path wins; entries without a fingerprint (older ledgers) are never up
to date.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

LEDGER_NAME = ".articlekit-outputs"
_FIELD = b"\x1f"


class OutputLedger:
    """The outputs recorded in `folder`'s ledger, and the means to record more."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LEDGER_NAME
        try:
            entries = self.path.read_bytes().split(b"\0")
        except OSError:  # no ledger yet (a new folder), or one that cannot be read
            entries = []
        self._written: dict[bytes, str] = {}
        for entry in entries:
            if entry:
                key, _, fingerprint = entry.partition(_FIELD)
                self._written[key] = fingerprint.decode("ascii", "replace")
        self._handle: BinaryIO | None = None

    def wrote(self, target: Path) -> bool:
        """Whether `target` (inside the folder) is an output articlekit wrote."""
        return self._key(target) in self._written

    def fingerprint(self, target: Path) -> str | None:
        """What `target` was made from, as recorded ("" for an older ledger's entry);
        None when articlekit did not write it."""
        return self._written.get(self._key(target))

    def record(self, target: Path, fingerprint: str = "") -> None:
        """Note that `target` was just written from `fingerprint` (appended at once, so
        a stopped run keeps it)."""
        key = self._key(target)
        if self._written.get(key) == fingerprint:
            return
        if self._handle is None:
            self._handle = self.path.open("ab")
        self._handle.write(key + _FIELD + fingerprint.encode("ascii") + b"\0")
        self._handle.flush()
        self._written[key] = fingerprint

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def _key(self, target: Path) -> bytes:
        return os.fsencode(target.relative_to(self.folder))
