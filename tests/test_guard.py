"""The per-page guard: values and error codes out of a child process, a time limit, a
memory cap, crashes that fail one page alone, and no process outliving its parent.

The work functions live at module level so that the guard's child can import them.
"""

from __future__ import annotations

import faulthandler
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from articlekit.errors import ErrorCode, NoArticleError
from articlekit.run.guard import GuardPool, PageGuard
from articlekit.run.ledger import LEDGER_NAME
from conftest import PAGES

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

NOTHING = ()  # the children need nothing preloaded to square numbers


def square_or_misbehave(item: int) -> int:
    """Squares `item`; negative items act out what hostile pages do to a process."""
    if item == -1:
        faulthandler.disable()  # pytest's handler would print the child's stack
        os.kill(os.getpid(), signal.SIGSEGV)  # what a crash in a C library looks like
    if item == -2:
        while True:  # a pattern in a very long search
            pass
    if item == -3:
        raise NoArticleError("no article found")
    if item == -4:
        raise ValueError("a bug")
    if item == -5:
        hoard = [bytes(2**20) for _ in range(4096)]  # 4 GiB
        return len(hoard)
    if item == -6:
        os._exit(3)
    return item * item


@pytest.mark.parametrize(
    ("poison", "code", "words"),
    [
        (-1, ErrorCode.WORKER_DIED, "SIGSEGV"),
        (-2, ErrorCode.TIMEOUT, "longer than 1 s"),
        (-3, ErrorCode.NO_ARTICLE, "no article found"),
        (-4, ErrorCode.INTERNAL, "ValueError: a bug"),
        (-5, ErrorCode.MEMORY, "out of memory"),
        (-6, ErrorCode.WORKER_DIED, "exit status 3"),
    ],
)
def test_a_bad_item_fails_alone_with_its_code(poison: int, code: str, words: str) -> None:
    timeout = 1 if code == ErrorCode.TIMEOUT else 120
    with PageGuard(
        square_or_misbehave, timeout=timeout, max_memory_mb=512, preload=NOTHING, warm_up=None
    ) as guard:
        assert guard.run(3).value == 9
        outcome = guard.run(poison)
        assert not outcome.ok and outcome.value is None
        assert outcome.error is not None
        assert outcome.error.code == code and words in outcome.error.message
        assert guard.run(4).value == 16  # the next item goes on, in a fresh child if need be


def test_a_pool_answers_every_item_while_one_is_stuck() -> None:
    with GuardPool(square_or_misbehave, 2, timeout=2, preload=NOTHING, warm_up=None) as pool:
        futures = {n: pool.submit(n) for n in [-2, *range(30)]}
        outcomes = {n: future.result() for n, future in futures.items()}
    assert [outcomes[n].value for n in range(30)] == [n * n for n in range(30)]
    error = outcomes[-2].error
    assert error is not None and error.code == ErrorCode.TIMEOUT


def test_a_closed_guard_runs_nothing_and_leaves_no_child() -> None:
    guard = PageGuard(square_or_misbehave, preload=NOTHING, warm_up=None)
    assert guard.run(2).value == 4
    process = guard._process
    guard.close()
    assert process is not None and not process.is_alive()
    outcome = guard.run(2)
    assert outcome.error is not None and outcome.error.code == ErrorCode.CANCELLED


def mark_warm() -> None:
    os.environ["ARTICLEKIT_TEST_WARM"] = "yes"


def child_state(_: int) -> tuple[str, str]:
    """What the child looks like from inside: warmed up, and its OOM-killer score."""
    try:
        with open("/proc/self/oom_score_adj") as setting:
            score = setting.read().strip()
    except OSError:
        score = "unknown"
    return os.environ.get("ARTICLEKIT_TEST_WARM", "no"), score


def test_the_child_warms_up_before_its_first_item_and_volunteers_for_the_oom_killer() -> None:
    with PageGuard(child_state, preload=NOTHING, warm_up=mark_warm) as guard:
        warm, score = guard.run(0).value or ("", "")
    assert warm == "yes"
    if sys.platform.startswith("linux"):
        assert score == "1000"
    assert "ARTICLEKIT_TEST_WARM" not in os.environ  # only the child was warmed


def test_the_default_warm_up_cleans_real_samples_in_the_child() -> None:
    """The samples run through the real pipeline: the first page's cost is paid at start."""
    with PageGuard(loaded_modules, timeout=60) as guard:
        modules = guard.run(0).value or []
    assert "encodings.gb18030" in modules and "articlekit.export.markdown" in modules


def loaded_modules(_: int) -> list[str]:
    return sorted(sys.modules)


def _children_of(pid: int) -> list[int]:
    listing = subprocess.run(["ps", "-eo", "pid,ppid"], capture_output=True, text=True).stdout
    rows = [line.split() for line in listing.splitlines()[1:]]
    return [int(child) for child, parent in rows if int(parent) == pid]


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        alive.append(pid)
    return alive


def _wait_gone(pids: list[int], seconds: float = 10) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := _alive(pids)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def _descendants(pid: int) -> list[int]:
    found, frontier = [], [pid]
    while frontier:
        children = [c for p in frontier for c in _children_of(p)]
        found += children
        frontier = children
    return found


def _slow_page(path: Path) -> None:
    """A real page that takes seconds to clean: 200,000 paragraphs (15 MB)."""
    body = "".join(
        f"<p>Paragraph {i} says something about the matter, at length.</p>" for i in range(200_000)
    )
    path.write_text(f"<html><body><article>{body}</article></body></html>", "utf-8")


def _folder_with_a_slow_page(root: Path) -> Path:
    source = root / "pages"
    source.mkdir()
    _slow_page(source / "aaa-slow.html")
    for index in range(6):
        (source / f"page{index}.html").write_bytes((PAGES / "cjn-1.html").read_bytes())
    return source


def _batch(*args: str) -> list[str]:
    return [sys.executable, "-m", "articlekit", "batch", *args]


def test_batch_fails_a_page_past_its_time_and_cleans_the_rest(tmp_path: Path) -> None:
    source = _folder_with_a_slow_page(tmp_path)
    out = tmp_path / "out"
    done = subprocess.run(
        _batch(str(source), "-o", str(out), "--jobs", "2", "--timeout", "1"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    failures = [line for line in done.stderr.splitlines() if line.startswith("articlekit:")]
    assert len(failures) == 1 and "aaa-slow.html" in failures[0]
    assert "took longer than 1 s" in failures[0]
    assert sorted(p.name for p in out.glob("*.md")) == [f"page{i}.md" for i in range(6)]
    assert (out / LEDGER_NAME).read_bytes().count(b"\0") == 6


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL])
def test_no_worker_outlives_a_stopped_batch(tmp_path: Path, stop: signal.Signals) -> None:
    """A SIGTERM to the parent left a worker stuck on a slow page at 100 % CPU."""
    source = _folder_with_a_slow_page(tmp_path)
    out = tmp_path / "out"
    process = subprocess.Popen(
        _batch(str(source), "-o", str(out), "--jobs", "2", "--timeout", "0"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while len(list(out.glob("*.md"))) < 6 and time.monotonic() < deadline:
        time.sleep(0.05)  # the small pages are done; a worker is on the slow one
    workers = _descendants(process.pid)
    assert workers, "the batch runs its pages in child processes"
    process.send_signal(stop)
    _, err = process.communicate(timeout=30)
    assert "Traceback" not in err
    assert _wait_gone(workers) == []
    assert not list(out.glob(".*.tmp"))


def test_a_run_stopped_from_another_thread_never_raises_in_either_thread() -> None:
    """Ctrl-C stops a pool from the main thread while a guard's thread reaps its dying
    child: both closed the same pipe, and the second close raised EBADF in the main
    thread, in place of its KeyboardInterrupt (a stopped JSONL run lost its lines)."""
    import threading

    errors: list[BaseException] = []
    for _ in range(20):
        guard: PageGuard[int, int] = PageGuard(
            square_or_misbehave, timeout=30, preload=NOTHING, warm_up=None
        )
        assert guard.run(3).value == 9  # the child is up

        def run_and_die(guard: PageGuard[int, int] = guard) -> None:
            try:
                guard.run(-6)  # the child exits mid-item: this thread reaps it
            except BaseException as error:  # noqa: BLE001 - recorded for the assertion
                errors.append(error)

        worker = threading.Thread(target=run_and_die)
        worker.start()
        try:
            guard.kill()  # while the other thread may be reaping the same child
            guard.close()
        except BaseException as error:  # noqa: BLE001 - recorded for the assertion
            errors.append(error)
        worker.join(timeout=30)
    assert errors == []
