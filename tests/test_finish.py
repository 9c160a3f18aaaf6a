"""How the command ends: the status it was given, one line when stdout cannot be
written, and exit handlers that still run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from articlekit.cli.finish import finish

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED = FIXTURES / "seed" / "infoq-sora-talk.txt"


def _run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "articlekit", *args], capture_output=True, timeout=120, **kwargs
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [("--version",), ("--help",), ("clean", str(SEED))])
def test_a_full_disk_behind_stdout_is_one_line_and_status_1(args: tuple[str, ...]) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "articlekit", *args], stdout=full, stderr=subprocess.PIPE
        )
    assert done.returncode == 1
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1 and "No space left on device" in lines[0], done.stderr
    assert "Traceback" not in done.stderr.decode()


def test_a_reader_that_went_away_ends_quietly_with_status_1() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write to the pipe now fails with EPIPE
    try:
        done = subprocess.run(
            [sys.executable, "-m", "articlekit", "--help"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 1
    assert done.stderr == b""


def test_output_is_whole_through_a_pipe_and_a_file(tmp_path: Path) -> None:
    """stdout through a pipe and a file through `-o` both arrive complete."""
    piped = _run("clean", str(SEED))
    assert piped.returncode == 0, piped.stderr
    target = tmp_path / "talk.md"
    written = _run("clean", str(SEED), "-o", str(target))
    assert written.returncode == 0, written.stderr
    assert target.read_bytes() == piped.stdout
    assert piped.stdout.endswith(b"\n") and len(piped.stdout) > 1000


def test_a_usage_error_keeps_its_status() -> None:
    assert _run("clean", "--format", "nope", str(SEED)).returncode == 2
    assert _run("no-such-command").returncode == 2


def test_the_exit_is_an_ordinary_system_exit_so_exit_handlers_run(tmp_path: Path) -> None:
    """`os._exit` skipped atexit handlers (and coverage's, and logging's flush)."""
    marker = tmp_path / "atexit-ran"
    script = (
        "import atexit, sys\n"
        f"atexit.register(lambda: open({str(marker)!r}, 'w').close())\n"
        "sys.argv = ['articlekit', '--version']\n"
        "from articlekit.cli import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith(b"articlekit ")
    assert marker.exists()
    with pytest.raises(SystemExit) as stop:
        finish(3)
    assert stop.value.code == 3


def test_a_message_as_exit_code_is_printed_with_status_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        finish("articlekit: something went wrong")
    assert stop.value.code == 1
    assert capsys.readouterr().err == "articlekit: something went wrong\n"
