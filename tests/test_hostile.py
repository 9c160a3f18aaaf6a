"""Hostile input through the real CLI: a result or one clear line, never a traceback or hang."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hostile import cases

CASES = list(cases())


@pytest.mark.parametrize(("name", "data", "survivor"), CASES, ids=[c[0] for c in CASES])
def test_hostile_input(tmp_path: Path, name: str, data: bytes, survivor: str | None) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", "clean", str(path), "--format", "text"],
        capture_output=True,
        timeout=120,
    )
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode in (0, 1)
    assert "Traceback" not in err
    if done.returncode == 1:
        assert err.count("\n") == 1 and name in err
    if survivor is not None:
        assert done.returncode == 0, err
        assert survivor in done.stdout.decode("utf-8")


def test_size_limit_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300_000)
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", "clean", str(path), "--max-mb", "1"],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 1 and b"limit" in done.stderr and done.stderr.count(b"\n") == 1


def test_a_title_full_of_newlines_is_read_in_linear_time(tmp_path: Path) -> None:
    """A <title> of 20,000 newlines made the site-suffix split quadratic (5 s for the
    split alone); the page must come out with its story."""
    from hostile import PROSE

    page = f"<html><head><title>标题{' ' + chr(10) * 40_000}网站</title></head><body><p>{PROSE}</p></body></html>"
    path = tmp_path / "title.html"
    path.write_text(page, "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", "clean", str(path), "--format", "text"],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0 and PROSE in done.stdout.decode()


@pytest.mark.parametrize(
    "text",
    ["](" * 150_000, "<http://" * 40_000, "\n" * 300_000 + "# title", " \n" * 150_000 + "1. item"],
    ids=["link-openers", "autolink-openers", "blank-lines", "space-lines"],
)
def test_convert_protects_spans_in_linear_time(tmp_path: Path, text: str) -> None:
    """`convert` scanned the rest of the text from every unclosed `](` or `<http`
    (30 KB: 20-90 s); the text must come back converted, every character kept."""
    path = tmp_path / "notes.md"
    path.write_text(f"软件{text}", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", "convert", str(path), "--to", "zh-TW"],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8").rstrip("\n") == f"軟體{text}".rstrip("\n")


@pytest.mark.parametrize("command", [["inspect"], ["clean", "--explain"]])
def test_a_page_of_300k_chrome_lines_is_listed_in_a_pipe_without_delay(
    tmp_path: Path, command: list[str]
) -> None:
    """`inspect` laid out a Rich table of every block and `--explain` printed each
    removed block through Rich: 100,000 short lines took 55 s and 20 s."""
    from hostile import PROSE

    path = tmp_path / "lines.txt"
    path.write_text(f"{PROSE}\n" + "12\n" * 300_000, "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", *command, str(path)], capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-300:]
    listing = done.stdout if command == ["inspect"] else done.stderr
    assert listing.count(b"\n") >= 300_000
