"""The zygote worker pool: answers, crashes, cancellation, and no process outliving it."""

from __future__ import annotations

import faulthandler
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from articlekit import forkpool
from articlekit.forkpool import ForkPool
from conftest import PAGES

pytestmark = pytest.mark.skipif(not forkpool.available(), reason="the zygote pool needs Linux")


def _squares_setup() -> Callable[[Any], Any]:
    def work(chunk: list[int]) -> list[int]:
        if -1 in chunk:
            faulthandler.disable()  # pytest's handler would print the worker's stack
            os.kill(os.getpid(), signal.SIGSEGV)  # what a crash in a C library looks like
        if -2 in chunk:
            os._exit(3)
        return [n * n for n in chunk]

    return work


def _answers(pool: ForkPool) -> dict[int, Any]:
    return dict(pool.results())


def test_every_chunk_is_answered_in_any_order() -> None:
    pool = ForkPool(2, _squares_setup)
    ids = {pool.submit([n, n + 1]): [n * n, (n + 1) ** 2] for n in range(40)}
    pool.close()
    assert _answers(pool) == ids
    pool.join()


@pytest.mark.parametrize(("poison", "reason"), [(-1, "signal 11"), (-2, "exit status 3")])
def test_a_dying_worker_loses_only_its_chunk_and_is_replaced(poison: int, reason: str) -> None:
    pool = ForkPool(2, _squares_setup)
    good = [pool.submit([n]) for n in range(10)]
    bad = pool.submit([poison])
    later = [pool.submit([n]) for n in range(10, 30)]
    pool.close()
    answers = _answers(pool)
    pool.join()
    assert answers[bad] is None and reason in pool.lost_reason[bad]
    assert [answers[i] for i in good + later] == [[n * n] for n in range(30)]


def test_cancelled_chunks_come_back_empty_and_the_pool_ends() -> None:
    pool = ForkPool(2, _squares_setup)
    ids = [pool.submit([n]) for n in range(20)]
    pool.cancel()
    pool.close()
    answers = _answers(pool)
    pool.join()
    assert set(answers) == set(ids)
    assert any(answer is None for answer in answers.values())


def test_terminate_before_any_work_leaves_no_process() -> None:
    pool = ForkPool(2, _squares_setup)
    zygote = pool._zygote
    pool.terminate()
    with pytest.raises(ChildProcessError):
        os.waitpid(zygote, os.WNOHANG)


def _processes_naming(marker: str) -> list[str]:
    listing = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout
    return [line for line in listing.splitlines() if marker in line and "ps -eo" not in line]


def _wait_gone(marker: str, seconds: float = 10) -> list[str]:
    deadline = time.monotonic() + seconds
    while (left := _processes_naming(marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def test_a_usage_error_stops_the_prestarted_workers(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    cmd = [sys.executable, "-m", "articlekit", "batch", str(missing), "--jobs", "2"]
    assert subprocess.run(cmd, capture_output=True, timeout=60).returncode == 2
    assert _wait_gone(str(missing)) == []


def test_workers_end_when_the_parent_is_killed(tmp_path: Path) -> None:
    source = tmp_path / "pages"
    source.mkdir()
    for index in range(60):
        (source / f"page{index}.html").write_bytes((PAGES / "cjn-1.html").read_bytes())
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "articlekit", "batch", str(source), "-o", str(out), "--jobs", "2"]
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(out.glob("*.md")) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.kill()
    process.wait()
    assert _wait_gone(str(source)) == []


def _crash_on_marked_pages_setup() -> Callable[[Any], Any]:
    from articlekit.batch import worker_setup

    clean_chunk = worker_setup()

    def work(chunk: list[Any]) -> Any:
        if any("crash" in task.relative for task in chunk):
            faulthandler.disable()
            os.kill(os.getpid(), signal.SIGSEGV)
        return clean_chunk(chunk)

    return work


def test_a_batch_fails_only_the_page_a_worker_died_on(tmp_path: Path) -> None:
    from articlekit.batch import BatchSettings, Status, _run_fork_pool, _tasks

    source = tmp_path / "pages"
    source.mkdir()
    for name in ("a.html", "b.html", "crash.html", "d.html", "e.html"):
        (source / name).write_bytes((PAGES / "cjn-1.html").read_bytes())
    settings = BatchSettings(source=source, outdir=tmp_path / "out", fmt="json", jobs=2)
    pool = ForkPool(2, _crash_on_marked_pages_setup)
    results = {r.relative: r for r in _run_fork_pool(settings, _tasks(settings), pool)}
    assert len(results) == 5
    assert results["crash.html"].status is Status.FAILED
    assert "worker process died (signal 11)" in results["crash.html"].error
    assert all(
        results[n].status is Status.CLEANED for n in ("a.html", "b.html", "d.html", "e.html")
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "a.json", "b.json", "d.json", "e.json"
    ]  # fmt: skip


def test_results_are_awaited_on_descriptors_above_1023() -> None:
    """`--jobs 255` opens two pipes per worker; select() fails above descriptor 1023
    ("filedescriptor out of range"), poll() does not."""
    import resource

    from articlekit.forkpool import _readable

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    high = 1500
    if hard != resource.RLIM_INFINITY and hard <= high:
        pytest.skip("this system allows no descriptor that high")
    if soft != resource.RLIM_INFINITY and soft <= high:
        resource.setrlimit(resource.RLIMIT_NOFILE, (high + 1, hard))
    read, write = os.pipe()
    try:
        os.dup2(read, high)
        assert _readable([high], timeout_ms=0) == []
        os.write(write, b"x")
        assert _readable([high], timeout_ms=0) == [high]
    finally:
        for fd in (read, write, high):
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
