"""The per-page guard: a page is cleaned in a warm child process, with a time limit and
an optional memory cap, and comes back as a value or an error code — never an
exception, never a stalled run, never an orphan process.

Why a process: a page that sends a pattern into a long search, a C library into a
crash or the allocator past its limit can only be stopped from outside the process
running it (SIGALRM works on the main thread only and cannot interrupt C code). Each
`PageGuard` keeps one child, imported once and reused page after page; a page that
runs past the time limit, kills its process or exhausts the memory cap fails alone,
and the next page starts a fresh child. The work is injected (any picklable callable)
and only values and error codes cross the process boundary, so `batch` and any engine
that runs articlekit (a datatrove step, a Spark task) share the same guard.

Children are fresh interpreters (`spawn`), never forks of a process that runs threads,
and they never outlive their parent: on Linux the kernel kills a child when the thread
that started it ends, even by SIGKILL of the whole process; elsewhere a child exits
when its pipe closes. (A fork server would start children faster, but each child then
keeps the server alive, so the kernel never saw a parent die; spawned children start
as fast for a batch: 112 pages, `--jobs 2`, 1.07 s against 1.2 s.)
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import queue
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from articlekit.errors import ArticlekitError, ErrorCode
from articlekit.options import DEFAULT_PAGE_TIMEOUT
from articlekit.run.warmup import clean_samples

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

T = TypeVar("T")
R = TypeVar("R")

#: Seconds a page may take before it fails with `timeout` (None: no limit).
DEFAULT_TIMEOUT = DEFAULT_PAGE_TIMEOUT
#: Seconds a fresh child may take to import the cleaner and say it is ready.
START_TIMEOUT = 120.0
#: What every child imports before its first page.
DEFAULT_PRELOAD = ("articlekit.pipeline", "articlekit.read.html", "articlekit.export")
_READY = "ready"


@dataclass(frozen=True, slots=True)
class PageError:
    """Why a page failed: a stable `code` (an `ErrorCode` value) and a one-line message."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Outcome(Generic[R]):
    """A page's result: `value` when it was cleaned, else `error`."""

    value: R | None = None
    error: PageError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class PageGuard(Generic[T, R]):
    """Runs `work(item)` for one item at a time in a child process (not thread-safe:
    one guard per thread, which must live as long as the guard; see `GuardPool`).

    `timeout` is in seconds (None: no limit); `max_memory_mb` caps the child's address
    space (None: no cap); `preload` names modules the child imports, and `warm_up` is
    called once, before its first item, so that neither is charged to the first page's
    time limit (the default cleans two sample pages; see `articlekit.run.warmup`).
    """

    def __init__(
        self,
        work: Callable[[T], R],
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        max_memory_mb: int | None = None,
        preload: Sequence[str] = DEFAULT_PRELOAD,
        warm_up: Callable[[], object] | None = clean_samples,
    ) -> None:
        self.work = work
        self.warm_up = warm_up
        self.timeout = timeout
        self.max_memory_mb = max_memory_mb
        self.preload = tuple(preload)
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._closed = False
        #: The run's thread and the thread stopping the run (Ctrl-C) may both reap the
        #: child; whoever takes the pipe under the lock closes it, once. Closing one
        #: descriptor twice raised EBADF in the stopping thread, which replaced its
        #: KeyboardInterrupt, so a stopped JSONL run lost its finished lines.
        self._reap_lock = threading.Lock()

    def run(self, item: T) -> Outcome[R]:
        """The item's outcome; a failure of the child is the item's error, never raised."""
        if self._closed:
            return Outcome(error=PageError(ErrorCode.CANCELLED, "the run was stopped"))
        if self._conn is None:
            problem = self._start()
            if problem is not None:
                return Outcome(error=problem)
        conn = self._conn
        assert conn is not None
        try:
            conn.send(item)
            answered = conn.poll(self.timeout)
        except (OSError, ValueError):  # the child is gone (or was stopped by `kill`)
            return Outcome(error=self._died())
        if not answered:
            self.kill()
            return Outcome(
                error=PageError(ErrorCode.TIMEOUT, f"took longer than {self.timeout:g} s")
            )
        try:
            kind, payload = conn.recv()
        except (EOFError, OSError, ValueError):
            return Outcome(error=self._died())
        if kind == "ok":
            return Outcome(value=payload)
        error = PageError(*payload)
        if error.code == ErrorCode.MEMORY:  # the child ends itself after running out
            self._reap()
        return Outcome(error=error)

    def kill(self) -> None:
        """Stop the child at once (a page past its time, or the run stopping)."""
        process = self._process
        if process is not None and process.is_alive():
            process.kill()
        self._reap()

    def close(self) -> None:
        """Let the child exit and wait for it; later `run` calls fail as cancelled."""
        self._closed = True
        if self._conn is not None:
            with suppress(OSError, ValueError):
                self._conn.send(None)
        if self._process is not None:
            self._process.join(timeout=5)
        self.kill()

    def __enter__(self) -> PageGuard[T, R]:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is not None:  # stopped mid-page (Ctrl-C): the child's page is moot
            self.kill()
        self.close()

    def _start(self) -> PageError | None:
        context = multiprocessing.get_context("spawn")
        parent_end, child_end = context.Pipe()
        process = context.Process(
            target=_child_main,
            args=(
                child_end,
                os.getpid(),
                self.work,
                self.max_memory_mb,
                self.preload,
                self.warm_up,
            ),
            name="articlekit-guard",
            daemon=True,
        )
        process.start()
        child_end.close()
        self._process, self._conn = process, parent_end
        try:
            if parent_end.poll(START_TIMEOUT):
                kind, payload = parent_end.recv()
                if kind == _READY:
                    return None
                self.kill()
                return PageError(
                    ErrorCode.WORKER_DIED, f"the worker process could not start: {payload}"
                )
        except (EOFError, OSError):
            pass
        died = self._died()
        return PageError(
            ErrorCode.WORKER_DIED, f"the worker process could not start ({died.message})"
        )

    def _died(self) -> PageError:
        """The child ended by itself mid-page: report how."""
        process = self._process
        if process is not None:
            process.join(timeout=5)
        code = process.exitcode if process is not None else None
        self.kill()
        if code is not None and code < 0:
            name = _signal_name(-code)
            hint = " (out of memory?)" if -code == signal.SIGKILL else ""
            return PageError(ErrorCode.WORKER_DIED, f"worker process died ({name}){hint}")
        return PageError(ErrorCode.WORKER_DIED, f"worker process died (exit status {code})")

    def _reap(self) -> None:
        with self._reap_lock:
            process, conn = self._process, self._conn
            self._process = self._conn = None
        if process is not None:
            process.join(timeout=5)
        if conn is not None:
            with suppress(OSError):
                conn.close()


def _signal_name(number: int) -> str:
    try:
        return f"{signal.Signals(number).name}, signal {number}"
    except ValueError:
        return f"signal {number}"


class GuardPool(Generic[T, R]):
    """`jobs` guards run side by side; `submit` gives a future of the item's `Outcome`.

    Each guard is driven by a thread of this process, which only waits on its child's
    pipe (without holding the GIL), so a slow page holds up its own guard alone.
    """

    def __init__(
        self,
        work: Callable[[T], R],
        jobs: int,
        *,
        timeout: float | None = DEFAULT_TIMEOUT,
        max_memory_mb: int | None = None,
        preload: Sequence[str] = DEFAULT_PRELOAD,
        warm_up: Callable[[], object] | None = clean_samples,
    ) -> None:
        self._guards = [
            PageGuard(
                work,
                timeout=timeout,
                max_memory_mb=max_memory_mb,
                preload=preload,
                warm_up=warm_up,
            )
            for _ in range(jobs)
        ]
        self._idle: queue.SimpleQueue[PageGuard[T, R]] = queue.SimpleQueue()
        for guard in self._guards:
            self._idle.put(guard)
        self._executor = ThreadPoolExecutor(jobs, thread_name_prefix="articlekit-guard")
        self._stopped = threading.Event()

    def submit(self, item: T) -> Future[Outcome[R]]:
        return self._executor.submit(self._run, item)

    def _run(self, item: T) -> Outcome[R]:
        guard = self._idle.get()
        try:
            if self._stopped.is_set():
                return Outcome(error=PageError(ErrorCode.CANCELLED, "the run was stopped"))
            return guard.run(item)
        finally:
            self._idle.put(guard)

    def close(self) -> None:
        """Wait for the items submitted, then let the children exit."""
        self._executor.shutdown(wait=True)
        for guard in self._guards:
            guard.close()

    def terminate(self) -> None:
        """Stop now: items not started are cancelled, children are killed."""
        self._stopped.set()
        self._executor.shutdown(wait=False, cancel_futures=True)
        for guard in self._guards:
            guard.kill()
        self._executor.shutdown(wait=True)
        for guard in self._guards:
            guard.close()

    def __enter__(self) -> GuardPool[T, R]:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.terminate()


def _child_main(
    conn: Connection,
    owner: int,
    work: Callable[[Any], Any],
    max_memory_mb: int | None,
    preload: tuple[str, ...],
    warm_up: Callable[[], object] | None,
) -> None:
    """The child's loop: one item in, ("ok", value) or ("error", (code, message)) out."""
    try:
        _die_with_parent(owner)
        _volunteer_for_the_oom_killer()
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        if max_memory_mb is not None:
            _cap_memory(max_memory_mb)
        for module in preload:
            importlib.import_module(module)
        if warm_up is not None:
            warm_up()
    except BaseException as error:  # noqa: BLE001 - reported to the parent, which decides
        conn.send(("failed", f"{type(error).__name__}: {error}"))
        return
    conn.send((_READY, None))
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if item is None:
            return
        reply, stop = _attempt(work, item, max_memory_mb)
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return
        except Exception as error:  # noqa: BLE001 - a value that cannot be pickled
            conn.send(("error", (ErrorCode.INTERNAL, f"result not sendable: {error}")))
        if stop:
            return


def _attempt(work: Callable[[Any], Any], item: Any, max_memory_mb: int | None) -> tuple[Any, bool]:
    """The reply for one item, and whether the child should end after sending it."""
    try:
        return ("ok", work(item)), False
    except ArticlekitError as error:
        return ("error", (str(error.code), error.message)), False
    except MemoryError:
        limit = f" (limit {max_memory_mb} MiB)" if max_memory_mb is not None else ""
        return ("error", (ErrorCode.MEMORY, f"ran out of memory{limit}")), True
    except Exception as error:  # noqa: BLE001 - the child never raises to its parent
        return (
            "error",
            (ErrorCode.INTERNAL, f"internal error: {type(error).__name__}: {error}"),
        ), False


def _die_with_parent(owner: int) -> None:
    """Ask the kernel to kill this process when its parent dies (Linux), then check
    that the guard's process (`owner`) did not die before the request was made."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    try:
        os.kill(owner, 0)
    except ProcessLookupError:
        os._exit(1)


def _volunteer_for_the_oom_killer() -> None:
    """Make this child the process the kernel kills first when memory runs out (Linux).

    A page that swells the child past what the machine has should cost that page alone
    (`worker-died`, and the next page in a fresh child), not the engine's worker that
    runs the guard: an executor that loses its Python worker retries the whole task.
    Raising one's own `oom_score_adj` needs no privilege."""
    with suppress(OSError), open("/proc/self/oom_score_adj", "w") as setting:
        setting.write("1000")


def _cap_memory(megabytes: int) -> None:
    """Cap the address space: past it allocations fail and Python raises MemoryError."""
    import resource

    limit = megabytes * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
