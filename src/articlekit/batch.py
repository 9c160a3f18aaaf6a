"""Batch: a folder of saved pages in, a mirrored folder of clean articles out.

The file list is streamed (an iterative directory walk) and only a bounded window of
files is in flight, so memory stays flat on 100,000 files. Workers are initialised
once (imports, OpenCC tables; on Linux they are forked from one process that did it,
see `articlekit.forkpool`) and write their own outputs atomically — a temp file in
the target folder, then a rename — so no reader ever sees half a file and an
interrupted run leaves only complete outputs. Outputs newer than their input are
skipped, so a rerun resumes where the last one stopped. Inputs are never written.
"""

from __future__ import annotations

import fnmatch
import importlib
import json
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from articlekit import forkpool
from articlekit.atomic import atomic_output
from articlekit.errors import ArticlekitError, UnsupportedInputError
from articlekit.forkpool import ForkPool
from articlekit.options import DEFAULT_MAX_INPUT_BYTES, Options

if TYPE_CHECKING:
    # The standard pool is the fallback where forking is unsafe; loading it costs the
    # zygote's start-up 15 ms (see `articlekit.forkpool`).
    from concurrent.futures import Future, ProcessPoolExecutor

DEFAULT_PATTERNS = ("*.html", "*.htm", "*.txt", "*.xhtml", "*.shtml")
EXTENSIONS = {"md": ".md", "json": ".json", "text": ".txt", "jsonl": ".jsonl"}
#: Chunks in flight per worker: enough to keep workers busy, small enough for flat memory.
WINDOW_PER_JOB = 3
#: Files sent to a worker at once: fewer round trips, still fine-grained for balance.
FILES_PER_CHUNK = 2
JSONL_NAME = "articles.jsonl"


class Status(StrEnum):
    CLEANED = "cleaned"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class FileResult:
    """What happened to one input file."""

    source: Path
    relative: str
    status: Status
    output: Path | None = None
    chars: int = 0
    error: str = ""
    line: str = ""


@dataclass(frozen=True, slots=True)
class BatchSettings:
    source: Path
    outdir: Path
    fmt: str = "md"
    to: str | None = None
    jobs: int = 1
    patterns: tuple[str, ...] = DEFAULT_PATTERNS
    force: bool = False
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES


def clean_folder(settings: BatchSettings) -> Iterator[FileResult]:
    """Clean every matching file under `settings.source`, yielding results as they finish.

    Raises `UnsupportedInputError` when the source is not a folder, or is the output
    folder too.
    """
    problem = folder_problem(settings.source, settings.outdir, settings.fmt)
    if problem:
        raise UnsupportedInputError(problem)
    results = _run(settings)
    if settings.fmt != "jsonl":
        yield from results
        return
    target = settings.outdir if settings.outdir.suffix == ".jsonl" else settings.outdir / JSONL_NAME
    partial = target.with_name(f"{target.stem}.partial{target.suffix}")
    with atomic_output(target, partial=partial) as handle:
        for result in results:
            if result.line:
                # A file name that is not valid UTF-8 reaches Python as lone surrogates
                # (PEP 383); `backslashreplace` writes each as the JSON escape `\udcXX`,
                # so the file stays UTF-8 and os.fsencode(source) gives the bytes back.
                handle.write(result.line.encode("utf-8", "backslashreplace") + b"\n")
            yield result


def default_outdir(source: Path) -> Path:
    """`DIR-clean` beside DIR (`batch .` names the current folder by its real name)."""
    folder = source.resolve()
    return folder.with_name(f"{folder.name}-clean")


def folder_problem(source: Path, outdir: Path | None, fmt: str) -> str | None:
    """Why a run cannot start, in one line naming the folder, or None (`outdir` None:
    the default `DIR-clean`, which the root folder has no name for). Outputs written
    into the input folder itself would sit beside the inputs: `page.txt` cleaned from
    `page.html` overwrote an input `page.txt`, and the next run cleaned its own outputs.
    """
    if not source.is_dir():
        return f"{source}: is not a folder"
    if outdir is None:
        if not source.resolve().name:
            return f"{source}: is the root folder; give an output folder with -o"
        return None
    if str(outdir) == "-":
        return "-: batch writes files, not standard output; give a folder (or, with --format jsonl, a .jsonl file)"
    if fmt != "jsonl" and outdir.resolve() == source.resolve():
        return (
            f"{outdir}: is the input folder; outputs there would mix with the inputs "
            "(choose another with -o, or leave -o out for DIR-clean)"
        )
    return None


def _run(settings: BatchSettings) -> Iterator[FileResult]:
    tasks = _tasks(settings)
    if settings.jobs > 1:
        yield from _run_pool(settings, tasks)
        return
    release_prestarted_workers()
    _init_worker(ignore_sigint=False)
    for task in tasks:
        yield task if isinstance(task, FileResult) else task()


def iter_inputs(
    source: Path, patterns: tuple[str, ...], exclude: Path | None = None
) -> Iterator[Path]:
    """Matching files under `source`, depth-first, in a stable order, without recursion.

    Entries that cannot be read are passed over (`batch /` meets /proc), and a file
    link leading out of `source` is never followed: a batch reads only its folder."""
    root = source.resolve()
    stack = [source]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError:
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_dir(follow_symlinks=False):
                    if exclude is None or path.resolve() != exclude:
                        stack.append(path)
                elif (
                    entry.is_file()
                    and any(fnmatch.fnmatch(entry.name.lower(), p) for p in patterns)
                    and (not entry.is_symlink() or path.resolve().is_relative_to(root))
                ):
                    yield path
            except OSError:
                continue


def output_path(settings: BatchSettings, source: Path) -> Path:
    """The mirrored output of `source`; never the input itself."""
    relative = source.relative_to(settings.source)
    target = settings.outdir / relative.with_suffix(EXTENSIONS[settings.fmt])
    if _is_same_file(target, source):
        target = target.with_name(f"{target.stem}.clean{target.suffix}")
    return target


def _is_same_file(path: Path, other: Path) -> bool:
    """Whether two paths name one file (through symlinks and hard links alike). A
    `stat` each, where comparing resolved paths costs an `lstat` per path component."""
    try:
        return os.path.samestat(os.stat(path), os.stat(other))
    except OSError:  # `path` does not exist yet, so it is not `other`
        return False


@dataclass(frozen=True, slots=True)
class _Task:
    """One file's work; picklable, runs in a worker (`target` None: a jsonl line)."""

    source: Path
    relative: str
    target: Path | None
    fmt: str
    to: str | None
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES

    def __call__(self) -> FileResult:
        return _process(self)


def _tasks(settings: BatchSettings) -> Iterator[_Task | FileResult]:
    outdir = settings.outdir.resolve()
    seen: set[Path] = set()
    for source in iter_inputs(settings.source, settings.patterns, exclude=outdir):
        relative = source.relative_to(settings.source).as_posix()
        if settings.fmt == "jsonl":
            yield _Task(source, relative, None, settings.fmt, settings.to, settings.max_bytes)
            continue
        target = output_path(settings, source)
        if target in seen:  # page.html and page.txt side by side
            target = target.with_name(f"{source.name}{target.suffix}")
        seen.add(target)
        if not settings.force and _is_up_to_date(source, target):
            yield FileResult(source, relative, Status.SKIPPED, output=target)
            continue
        yield _Task(source, relative, target, settings.fmt, settings.to, settings.max_bytes)


def _is_up_to_date(source: Path, target: Path) -> bool:
    try:
        return target.stat().st_mtime >= source.stat().st_mtime
    except OSError:
        return False


#: Either kind of worker pool (see `_new_pool`).
_Pool: TypeAlias = "ForkPool | ProcessPoolExecutor"
#: Standard-pool workers started ahead of a run, with their count (see `prestart_workers`;
#: a zygote pool is kept by `articlekit.forkpool`).
_prestarted: tuple[int, ProcessPoolExecutor] | None = None
#: What a worker imports once, before its first file.
_WORKER_MODULES = ("articlekit.pipeline", "articlekit.html", "articlekit.export")


def prestart_workers(jobs: int) -> None:
    """Start `jobs` workers now, for the next `clean_folder` run with as many jobs.

    The command line calls this before its own framework loads: the workers' imports
    (lxml, readability, the vocabularies — about 0.2 s) then overlap the CLI's start
    instead of following it, which is most of the serial time of a short batch.
    """
    global _prestarted
    if jobs <= 1:
        return
    if forkpool.available():
        forkpool.prestart(jobs, worker_setup)
    elif _prestarted is None:
        _prestarted = (jobs, _standard_pool(jobs))


def worker_setup() -> Callable[[list[_Task]], list[FileResult]]:
    """What a worker process runs once: imports; then the function it runs per chunk."""
    _init_worker(ignore_sigint=True)
    return _process_chunk


def release_prestarted_workers() -> None:
    """Stop prestarted workers that no run used (a usage error, `--jobs 1`)."""
    global _prestarted
    forkpool.release()
    if _prestarted is not None:
        _prestarted[1].shutdown(wait=False, cancel_futures=True)
        _prestarted = None


def _new_pool(jobs: int) -> _Pool:
    """Workers forked from one zygote where forking is safe (see `articlekit.forkpool`),
    a standard process pool elsewhere."""
    if forkpool.available():
        return ForkPool(jobs, worker_setup)
    return _standard_pool(jobs)


def _standard_pool(jobs: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(True,))
    for _ in range(jobs):  # a pool starts its processes on the first submit
        pool.submit(_process_chunk, [])
    return pool


def _take_pool(jobs: int) -> _Pool:
    global _prestarted
    if (pool := forkpool.take(jobs)) is not None:
        return pool
    if _prestarted is not None and _prestarted[0] == jobs:
        taken = _prestarted[1]
        _prestarted = None
        return taken
    release_prestarted_workers()
    return _new_pool(jobs)


def _run_pool(settings: BatchSettings, tasks: Iterator[_Task | FileResult]) -> Iterator[FileResult]:
    """Workers import the pipeline themselves, in parallel: importing it in the parent
    first would add that time to the serial part of the run."""
    pool = _take_pool(settings.jobs)
    if isinstance(pool, ForkPool):
        yield from _run_fork_pool(settings, tasks, pool)
        return
    window = max(1, settings.jobs) * WINDOW_PER_JOB
    pending: deque[Future[list[FileResult]]] = deque()
    with pool:
        try:
            for chunk in _chunks(tasks):
                if isinstance(chunk, FileResult):
                    yield chunk
                    continue
                pending.append(pool.submit(_process_chunk, chunk))
                while len(pending) >= window:
                    yield from _drain(pending)
            while pending:
                yield from _drain(pending)
        except BaseException:
            for future in pending:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _run_fork_pool(
    settings: BatchSettings,
    tasks: Iterator[_Task | FileResult],
    pool: ForkPool,
) -> Iterator[FileResult]:
    window = max(1, settings.jobs) * WINDOW_PER_JOB
    chunks: dict[int, list[_Task]] = {}
    try:
        for chunk in _chunks(tasks):
            if isinstance(chunk, FileResult):
                yield chunk
                continue
            chunks[pool.submit(chunk)] = chunk
            while pool.outstanding >= window:
                yield from _fork_results(pool, chunks)
        while pool.outstanding:
            yield from _fork_results(pool, chunks)
    except BaseException:
        # Ctrl-C (or the consumer stopped): chunks not started come back unanswered,
        # chunks in progress finish, so every output present is whole.
        pool.cancel()
        pool.close()
        with suppress(RuntimeError):
            for _ in pool.results():
                pass
        raise
    finally:
        pool.join()


def _fork_results(pool: ForkPool, chunks: dict[int, list[_Task]]) -> Iterator[FileResult]:
    """The next chunk's results. A worker that died (a crash in a C library) took its
    chunk with it: each file of it is tried again alone, and the one it dies on again
    fails with the reason, so one bad page never costs its neighbour."""
    chunk_id, results = pool.next_result()
    chunk = chunks.pop(chunk_id)
    if results is None:
        reason = pool.lost_reason.pop(chunk_id)
        if len(chunk) > 1:
            for task in chunk:
                chunks[pool.submit([task])] = [task]
            return
        task = chunk[0]
        results = [FileResult(task.source, task.relative, Status.FAILED, error=reason)]
    yield from results


def _chunks(tasks: Iterator[_Task | FileResult]) -> Iterator[list[_Task] | FileResult]:
    """Tasks in chunks of `FILES_PER_CHUNK`; results known already (skips) pass through."""
    chunk: list[_Task] = []
    for task in tasks:
        if isinstance(task, FileResult):
            yield task
            continue
        chunk.append(task)
        if len(chunk) >= FILES_PER_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _drain(pending: deque[Future[list[FileResult]]]) -> Iterator[FileResult]:
    from concurrent.futures import FIRST_COMPLETED, wait

    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in list(pending):
        if future in done:
            pending.remove(future)
            yield from future.result()


def _process_chunk(tasks: list[_Task]) -> list[FileResult]:
    return [_process(task) for task in tasks]


def _init_worker(ignore_sigint: bool) -> None:
    """Import the pipeline once per worker (the OpenCC tables load on first use and
    stay loaded).

    Workers ignore Ctrl-C: the parent stops handing out files and waits for the ones
    in flight, so every output is whole and no temp file is left behind.
    """
    if ignore_sigint:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    for module in _WORKER_MODULES:
        importlib.import_module(module)


def _process(task: _Task) -> FileResult:
    from articlekit.atomic import write_atomic
    from articlekit.export import render
    from articlekit.load import read_limited
    from articlekit.pipeline import clean

    try:
        with task.source.open("rb") as handle:
            page = read_limited(handle, task.max_bytes)
        article = clean(page, options=Options(max_input_bytes=task.max_bytes))
        if task.to:
            article = article.converted(task.to)
        if task.target is None:  # jsonl: the parent writes the line
            data = article.to_dict()
            data["source"] = task.relative
            line = json.dumps(data, ensure_ascii=False)
            return FileResult(
                task.source, task.relative, Status.CLEANED, chars=len(line), line=line
            )
        text = render(article, task.fmt)
        write_atomic(task.target, text.encode("utf-8"))
    except ArticlekitError as error:
        return FileResult(task.source, task.relative, Status.FAILED, error=error.message)
    except OSError as error:
        return FileResult(
            task.source, task.relative, Status.FAILED, error=error.strerror or str(error)
        )
    except Exception as error:  # noqa: BLE001 - batch's per-file loop: one bad file never ends the run
        return FileResult(
            task.source,
            task.relative,
            Status.FAILED,
            error=f"internal error: {type(error).__name__}: {error}",
        )
    return FileResult(
        task.source, task.relative, Status.CLEANED, output=task.target, chars=len(text)
    )
