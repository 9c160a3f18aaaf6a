"""Batch workers forked from one process that imported the pipeline once (Linux).

A process pool's workers each import the pipeline (lxml, readability, the
vocabularies: about 0.2 s) while the command line loads: three processes on two
cores, and the import paid once per worker. Here one process, the *zygote*, is forked
as soon as the command starts; it imports the pipeline while the command line loads,
then forks the workers, which start with everything imported (memory shared
copy-on-write). On a folder of a hundred pages that start-up is a third of a
`--jobs 2` run. Only `os`, `pickle` and `select` are used, so forking the zygote
waits for no import either.

Each worker has its own task pipe and result pipe, so no locks are needed, and the
parent knows which chunks each worker holds. The zygote then only watches: when a
worker dies (a crash in a C library) it reports the worker's slot and forks a
replacement that reads on from the same task pipe, and the parent fails the chunk the
dead worker was on, with the reason. Workers exit when their task pipe closes, however
the parent ends, so no process outlives a run.
"""

from __future__ import annotations

import mmap
import os
import pickle
import select
import signal
import struct
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import suppress
from typing import Any

#: Length prefix of every message on a pipe.
_HEADER = struct.Struct("<Q")
#: What the zygote reports when a worker dies: its slot and exit code (negative: signal).
_DEATH = struct.Struct("<ii")
#: The pool started ahead of its run (see `prestart`).
_prestarted: ForkPool | None = None


def available() -> bool:
    """Whether this platform forks safely (Linux; macOS's system frameworks do not
    survive a fork, Windows has none)."""
    return hasattr(os, "fork") and os.uname().sysname == "Linux"


def prestart(jobs: int, setup: Callable[[], Callable[[Any], Any]]) -> None:
    """Start a pool now for the next run with `jobs` workers (see `take`)."""
    global _prestarted
    if _prestarted is None:
        _prestarted = ForkPool(jobs, setup)


def take(jobs: int) -> ForkPool | None:
    """The prestarted pool if it has `jobs` workers (stopping it otherwise)."""
    global _prestarted
    pool, _prestarted = _prestarted, None
    if pool is not None and pool.jobs != jobs:
        pool.terminate()
        return None
    return pool


def release() -> None:
    """Stop a prestarted pool no run used (a usage error, `--jobs 1`)."""
    global _prestarted
    if _prestarted is not None:
        _prestarted.terminate()
        _prestarted = None


def _readable(fds: list[int], timeout_ms: int | None = None) -> list[int]:
    """The descriptors ready to read (or closed), waiting at most `timeout_ms` (None:
    until one is). poll, not select: select fails on descriptors above 1023, which
    `--jobs 255` reaches with two pipes per worker."""
    poller = select.poll()
    for fd in fds:
        poller.register(fd, select.POLLIN)
    return [fd for fd, _ in poller.poll(timeout_ms)]


class _Slot:
    """One worker's pipes, as the parent sees them, and the chunks it was sent."""

    __slots__ = ("open", "pending", "results", "tasks")

    def __init__(self, tasks: int, results: int) -> None:
        self.tasks = tasks
        self.results = results
        self.pending: deque[int] = deque()
        self.open = True


class ForkPool:
    """`jobs` workers running `work(chunk)` on submitted chunks, where `work` is what
    `setup()` returned in the zygote (which imports what the work needs).

    `next_result` gives `(chunk_id, result)`; `result` is None for a chunk cancelled
    before it started (`cancel`) or lost with its worker (`lost_reason[chunk_id]`).
    """

    def __init__(self, jobs: int, setup: Callable[[], Callable[[Any], Any]]) -> None:
        self.jobs = jobs
        self.lost_reason: dict[int, str] = {}
        self._next_id = 0
        self._closed = False
        #: Answers found while handling a worker's death, given out first.
        self._early: deque[tuple[int, Any]] = deque()
        #: One shared byte: 1 once the run is cancelled (read by workers between chunks).
        self._stop = mmap.mmap(-1, 1)
        pipes = [(os.pipe(), os.pipe()) for _ in range(jobs)]
        deaths_read, deaths_write = os.pipe()
        self._zygote = os.fork()
        if self._zygote == 0:  # the zygote never returns from here
            _zygote_main(setup, pipes, deaths_write, self._stop)
        os.close(deaths_write)
        self._deaths: int | None = deaths_read
        self._slots = []
        for (task_read, task_write), (result_read, result_write) in pipes:
            os.close(task_read)
            os.close(result_write)
            self._slots.append(_Slot(task_write, result_read))

    @property
    def outstanding(self) -> int:
        """Chunks submitted whose answer `next_result` has not given yet."""
        return len(self._early) + sum(len(slot.pending) for slot in self._slots)

    def submit(self, chunk: Any) -> int:
        """Send a chunk to the worker with the fewest chunks in hand."""
        chunk_id = self._next_id
        self._next_id += 1
        while True:
            live = [slot for slot in self._slots if slot.open]
            if not live:
                raise RuntimeError("the worker processes ended unexpectedly")
            slot = min(live, key=lambda s: len(s.pending))
            try:
                _send(slot.tasks, (chunk_id, chunk))
            except OSError:  # no process reads that pipe any more
                self._close_slot(slot, "the worker processes ended unexpectedly")
                continue
            slot.pending.append(chunk_id)
            return chunk_id

    def next_result(self) -> tuple[int, Any]:
        """The next finished chunk (blocks until one is)."""
        while not self._early:
            watched = {slot.results: slot for slot in self._slots if slot.open and slot.pending}
            if not watched:
                raise RuntimeError("no chunk is outstanding")
            fds = [*watched, *([self._deaths] if self._deaths is not None else [])]
            for fd in _readable(fds):
                if fd in watched:
                    self._read_result(watched[fd])
                    break
            else:
                self._on_death()
        return self._early.popleft()

    def results(self) -> Iterator[tuple[int, Any]]:
        """Every answer still to come."""
        while self.outstanding:
            yield self.next_result()

    def _read_result(self, slot: _Slot) -> None:
        try:
            chunk_id, result = _recv(slot.results)
        except EOFError:  # the worker and the zygote are both gone
            self._close_slot(slot, "the worker processes ended unexpectedly")
            return
        slot.pending.remove(chunk_id)
        self._early.append((chunk_id, result))

    def _on_death(self) -> None:
        """A worker died; its replacement reads on from the same task pipe. What the dead
        worker finished is still in its result pipe; the chunk after that was its last."""
        assert self._deaths is not None
        message = os.read(self._deaths, _DEATH.size * 64)
        if not message:  # the zygote is gone: no deaths will be reported any more
            os.close(self._deaths)
            self._deaths = None
            return
        for index, code in _DEATH.iter_unpack(message):
            slot = self._slots[index]
            while slot.pending and _readable([slot.results], timeout_ms=0):
                self._read_result(slot)
            if slot.pending:
                reason = f"signal {-code}" if code < 0 else f"exit status {code}"
                self._lose(slot, f"worker process died ({reason})")

    def _close_slot(self, slot: _Slot, reason: str) -> None:
        slot.open = False
        while slot.pending:
            self._lose(slot, reason)

    def _lose(self, slot: _Slot, reason: str) -> None:
        chunk_id = slot.pending.popleft()
        self.lost_reason[chunk_id] = reason
        self._early.append((chunk_id, None))

    def cancel(self) -> None:
        """Chunks not yet started come back as None; chunks in progress finish."""
        self._stop[0] = 1

    def close(self) -> None:
        """No more chunks: each worker exits once it has answered the ones it holds."""
        if self._closed:
            return
        self._closed = True
        for slot in self._slots:
            with suppress(OSError):  # that worker may be gone for good
                _send(slot.tasks, None)
            os.close(slot.tasks)

    def join(self) -> None:
        """Wait for every worker and the zygote to exit (after `close`)."""
        self.close()
        self._reap()

    def terminate(self) -> None:
        """Stop at once: workers see their task pipe close; the zygote is killed in
        case it is still importing."""
        self.cancel()
        if not self._closed:
            self._closed = True
            for slot in self._slots:
                os.close(slot.tasks)
        os.kill(self._zygote, signal.SIGTERM)
        self._reap()

    def _reap(self) -> None:
        """Wait for the zygote and release what the parent holds."""
        os.waitpid(self._zygote, 0)
        for slot in self._slots:
            os.close(slot.results)
        if self._deaths is not None:
            os.close(self._deaths)
            self._deaths = None
        self._stop.close()


def _zygote_main(
    setup: Callable[[], Callable[[Any], Any]],
    pipes: list[tuple[tuple[int, int], tuple[int, int]]],
    deaths: int,
    stop: mmap.mmap,
) -> None:
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
        for (_, task_write), (result_read, _) in pipes:
            os.close(task_write)  # so that a worker sees its pipe end when the parent goes
            os.close(result_read)
        work = setup()
        workers = {_fork_worker(work, pipes[index], stop): index for index in range(len(pipes))}
        while workers:
            pid, status = os.wait()
            index = workers.pop(pid, None)
            if index is None:
                continue
            exit_code = os.waitstatus_to_exitcode(status)
            if exit_code != 0:
                try:
                    os.write(deaths, _DEATH.pack(index, exit_code))
                except OSError:
                    break  # the parent is gone
                workers[_fork_worker(work, pipes[index], stop)] = index
    except BaseException:  # noqa: BLE001 - the zygote must never return into the parent's code
        code = 1
    os._exit(code)


def _fork_worker(
    work: Callable[[Any], Any], pipes: tuple[tuple[int, int], tuple[int, int]], stop: mmap.mmap
) -> int:
    pid = os.fork()
    if pid:
        return pid
    (tasks, _), (_, results) = pipes
    code = 0
    try:
        while True:
            item = _recv(tasks)
            if item is None:
                break
            chunk_id, chunk = item
            _send(results, (chunk_id, None if stop[0] else work(chunk)))
    except EOFError:
        pass  # the parent is gone
    except BaseException:  # noqa: BLE001 - a worker must never return into the zygote's code
        code = 1
    os._exit(code)  # outputs are written and closed; interpreter teardown only costs time


def _send(fd: int, message: object) -> None:
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _recv(fd: int) -> Any:
    (size,) = _HEADER.unpack(_read_exactly(fd, _HEADER.size))
    return pickle.loads(_read_exactly(fd, size))


def _read_exactly(fd: int, size: int) -> bytes:
    parts = []
    while size:
        part = os.read(fd, min(size, 1 << 20))
        if not part:
            raise EOFError
        parts.append(part)
        size -= len(part)
    return b"".join(parts)
