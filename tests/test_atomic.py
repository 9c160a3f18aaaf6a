"""Atomic writes: whole files or none, with the permissions any written file gets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from articlekit.run.atomic import atomic_output, remove_stale_temps, write_atomic


def test_output_mode_follows_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a" / "page.md", b"text")
        os.umask(0o077)
        write_atomic(tmp_path / "private.md", b"text")
    finally:
        os.umask(previous)
    assert (tmp_path / "a" / "page.md").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "private.md").stat().st_mode & 0o777 == 0o600


def test_replaces_whole_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    target.write_bytes(b"old")
    write_atomic(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]


def test_failure_inside_the_block_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(target) as handle:
        handle.write(b"half")
        raise RuntimeError("stopped")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]


def test_stale_temps_of_dead_writers_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    target = tmp_path / "part-0.jsonl"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead_pid = int(dead.stdout)
    with atomic_output(target) as handle:  # this process's own temp, still being written
        handle.write(b"{}\n")
        live = [p.name for p in tmp_path.glob(".part-0.jsonl.*.tmp")]
        stale = tmp_path / live[0].replace(f".{os.getpid()}.", f".{dead_pid}.")
        stale.write_bytes(b"half")
        other = tmp_path / ".part-1.jsonl.x.1.y.tmp"  # another target's: not ours to judge
        other.write_bytes(b"")
        assert remove_stale_temps(target) == 1
        assert not stale.exists() and other.exists()
        assert [p.name for p in tmp_path.glob(".part-0.jsonl.*.tmp")] == live
    assert target.read_bytes() == b"{}\n"
