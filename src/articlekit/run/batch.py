"""Batch: a folder of saved pages in, a mirrored folder of clean articles out.

The file list is streamed (an iterative directory walk) and only a bounded window of
files is in flight, so memory stays flat on 100,000 files. Pages are cleaned through
the per-page guard (`articlekit.run.guard`): warm child processes, a time limit per page,
so one bad page fails alone with its reason and never stalls the run. Outputs are
written here, atomically — a temp file in the target folder, then a rename — so no
reader ever sees half a file and an interrupted run leaves only complete outputs.
An output is skipped when the folder's ledger says it was made from the same input
bytes (size and time) with the same options by the same articlekit version, so a rerun
resumes where the last one stopped and a change of options or version re-cleans.
Inputs are never written.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import sys
from collections.abc import Generator, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from articlekit import __version__
from articlekit.errors import ErrorCode, InputReadError, UnsupportedInputError
from articlekit.export import EXTENSIONS as FORMAT_EXTENSIONS
from articlekit.options import DEFAULT_MAX_INPUT_BYTES, InputKind, Options
from articlekit.run.atomic import atomic_output, is_temp_name, write_atomic
from articlekit.run.guard import DEFAULT_TIMEOUT, GuardPool, Outcome
from articlekit.run.ledger import OutputLedger

DEFAULT_PATTERNS = ("*.html", "*.htm", "*.txt", "*.xhtml", "*.shtml")
EXTENSIONS = {**FORMAT_EXTENSIONS, "jsonl": ".jsonl"}
#: Pages in flight per worker: enough to keep workers busy, small enough for flat memory.
WINDOW_PER_JOB = 4
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
    #: The failure's `ErrorCode` value (`no-article`, `timeout`, `worker-died`, …).
    code: str = ""
    #: Why an earlier output was cleaned again (`options changed`, `input changed`, …).
    reason: str = ""


@dataclass(frozen=True, slots=True)
class BatchSettings:
    source: Path
    outdir: Path
    fmt: str = "md"
    to: str | None = None
    #: With `to="zh-Hans"`: where the Traditional text is from (None: what it shows).
    source_region: str | None = None
    #: The user's phrase list, ahead of OpenCC's (`--phrases`).
    phrases: tuple[tuple[str, str], ...] = ()
    jobs: int = 1
    patterns: tuple[str, ...] = DEFAULT_PATTERNS
    force: bool = False
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES
    #: Seconds one page may take (None: no limit); past it the page fails with `timeout`.
    timeout: float | None = DEFAULT_TIMEOUT
    #: Address-space cap of each worker process in MiB (None: no cap).
    max_memory_mb: int | None = None
    #: Pages read as sniffed ("auto"), or all as "html" or "text" (`--input`).
    input_kind: InputKind = "auto"
    keep_links: bool = True
    keep_images: bool = True
    #: Markdown front matter (`--no-metadata` turns it off).
    metadata: bool = True


def clean_folder(settings: BatchSettings) -> Generator[FileResult, None, None]:
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
    if str(settings.outdir) == "-":
        for result in results:
            if result.line:
                sys.stdout.buffer.write(_jsonl_line(result.line))
                sys.stdout.buffer.flush()
            yield result
        return
    target, partial = jsonl_paths(settings.outdir)
    with atomic_output(target, partial=partial) as handle:
        for result in results:
            if result.line:
                handle.write(_jsonl_line(result.line))
            yield result


def jsonl_paths(outdir: Path) -> tuple[Path, Path]:
    """The JSON Lines output of a run (`-o all.jsonl`, or `articles.jsonl` in the folder)
    and the partial file it is written to until the run ends."""
    target = outdir if outdir.suffix == ".jsonl" else outdir / JSONL_NAME
    return target, target.with_name(f"{target.stem}.partial{target.suffix}")


def _jsonl_line(line: str) -> bytes:
    # A file name that is not valid UTF-8 reaches Python as lone surrogates (PEP 383);
    # `backslashreplace` writes each as the JSON escape `\udcXX`, so the output stays
    # UTF-8 and os.fsencode(source) gives the bytes back.
    return line.encode("utf-8", "backslashreplace") + b"\n"


def split_patterns(values: list[str]) -> tuple[str, ...]:
    """`--glob` values, each possibly several patterns (`'*.htm *.txt'`, `*.htm,*.txt`).

    >>> split_patterns(["*.htm *.txt", "*.HTML,*.xhtml"])
    ('*.htm', '*.txt', '*.html', '*.xhtml')
    """
    return tuple(p.lower() for value in values for p in value.replace(",", " ").split())


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
        if fmt == "jsonl":
            return None
        return "-: batch writes standard output only with --format jsonl; give a folder"
    if fmt != "jsonl" and outdir.resolve() == source.resolve():
        return (
            f"{outdir}: is the input folder; outputs there would mix with the inputs "
            "(choose another with -o, or leave -o out for DIR-clean)"
        )
    return None


def _run(settings: BatchSettings) -> Iterator[FileResult]:
    """Every task through the per-page guard, with a bounded window of pages in flight;
    results known without cleaning (skips) pass straight through."""
    window = settings.jobs * WINDOW_PER_JOB
    pending: dict[Future[Outcome[str]], FileTask] = {}
    ledger = OutputLedger(settings.outdir)  # never written for jsonl (no file outputs)
    try:
        with GuardPool(
            render_task,
            settings.jobs,
            timeout=settings.timeout,
            max_memory_mb=settings.max_memory_mb,
        ) as pool:
            for task in _tasks(settings, ledger):
                if isinstance(task, FileResult):
                    yield task
                    continue
                pending[pool.submit(task)] = task
                while len(pending) >= window:
                    yield from _finished(pending, ledger)
            while pending:
                yield from _finished(pending, ledger)
    finally:
        ledger.close()


def _finished(
    pending: dict[Future[Outcome[str]], FileTask], ledger: OutputLedger
) -> Iterator[FileResult]:
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        task = pending.pop(future)
        yield _conclude(task, future.result(), ledger)


def _conclude(task: FileTask, outcome: Outcome[str], ledger: OutputLedger) -> FileResult:
    """Write a cleaned page's output (atomically, here in the parent: a child killed at
    its time limit never leaves half a file or a temp file behind)."""
    if outcome.error is not None:
        error = outcome.error
        return FileResult(
            task.source, task.relative, Status.FAILED, error=error.message, code=error.code
        )
    text = outcome.value or ""
    if task.target is None:  # jsonl: the caller writes the line
        return FileResult(task.source, task.relative, Status.CLEANED, chars=len(text), line=text)
    try:
        write_atomic(task.target, text.encode("utf-8"))
        ledger.record(task.target, task.fingerprint)
    except OSError as error:
        message = error.strerror or str(error)
        return FileResult(
            task.source, task.relative, Status.FAILED, error=message, code=ErrorCode.WRITE
        )
    return FileResult(
        task.source,
        task.relative,
        Status.CLEANED,
        output=task.target,
        chars=len(text),
        reason=task.reason,
    )


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
                    and not is_temp_name(entry.name)
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
class FileTask:
    """One file's work; picklable, runs in a worker (`target` None: a jsonl line)."""

    source: Path
    relative: str
    target: Path | None
    fmt: str
    to: str | None
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES
    source_region: str | None = None
    phrases: tuple[tuple[str, str], ...] = ()
    keep_links: bool = True
    keep_images: bool = True
    metadata: bool = True
    input_kind: InputKind = "auto"
    #: What the output is made from, recorded in the ledger beside it.
    fingerprint: str = ""
    #: Why an earlier output is cleaned again ("" for a new one).
    reason: str = ""


def _tasks(settings: BatchSettings, ledger: OutputLedger) -> Iterator[FileTask | FileResult]:
    outdir = settings.outdir.resolve()
    options = options_digest(settings)
    seen: set[Path] = set()
    # The run's own JSON Lines file is never one of its inputs (`--glob '*'` matched it).
    own = {p.resolve() for p in jsonl_paths(settings.outdir)} if settings.fmt == "jsonl" else set()
    for source in iter_inputs(settings.source, settings.patterns, exclude=outdir):
        relative = source.relative_to(settings.source).as_posix()
        if settings.fmt == "jsonl":
            if not own or source.resolve() not in own:
                yield _task(settings, source, relative, None)
            continue
        target = output_path(settings, source)
        if target in seen:  # page.html and page.txt side by side
            target = target.with_name(f"{source.name}{target.suffix}")
        seen.add(target)
        fingerprint = _fingerprint(source, options)
        exists = os.path.lexists(target)
        previous = ledger.fingerprint(target) if exists else None
        if not settings.force and previous == fingerprint:
            yield FileResult(source, relative, Status.SKIPPED, output=target)
            continue
        if not settings.force and exists and previous is None:
            message = f"{target} exists and was not written by articlekit; not replaced (--force replaces it)"
            yield FileResult(source, relative, Status.FAILED, error=message, code=ErrorCode.WRITE)
            continue
        reason = _changed(previous, fingerprint) if exists else ""
        task = _task(settings, source, relative, target)
        yield replace(task, fingerprint=fingerprint, reason=reason)


def _task(settings: BatchSettings, source: Path, relative: str, target: Path | None) -> FileTask:
    return FileTask(
        source,
        relative,
        target,
        settings.fmt,
        settings.to,
        settings.max_bytes,
        settings.source_region,
        settings.phrases,
        settings.keep_links,
        settings.keep_images,
        settings.metadata,
        settings.input_kind,
    )


def options_digest(settings: BatchSettings) -> str:
    """A short digest of every option that changes an output's bytes."""
    chosen = (
        settings.fmt,
        settings.to,
        settings.source_region,
        settings.phrases,
        settings.keep_links,
        settings.keep_images,
        settings.metadata,
        settings.input_kind,
    )
    return hashlib.sha1(repr(chosen).encode()).hexdigest()[:12]


def _fingerprint(source: Path, options: str) -> str:
    """`size.mtime_ns options version`: what an output of `source` is made from now."""
    try:
        stat = source.stat()
        made_from = f"{stat.st_size}.{stat.st_mtime_ns}"
    except OSError:
        made_from = "?"
    return f"{made_from} {options} {__version__}"


def _changed(previous: str | None, now: str) -> str:
    """Why an output made from `previous` is out of date.

    >>> _changed("10.5 abc 0.1.0", "10.5 abd 0.1.0"), _changed("", "10.5 abc 0.1.0")
    ('options changed', 'made before articlekit recorded its options')
    """
    old, new = (previous or "").split(" "), now.split(" ")
    if len(old) != 3:
        return "made before articlekit recorded its options"
    for part, name in ((2, "articlekit version changed"), (1, "options changed")):
        if old[part] != new[part]:
            return name
    return "input changed"


def is_up_to_date(source: Path, target: Path) -> bool:
    """An output newer than its input (`batch` and `warc` skip it unless `--force`)."""
    try:
        return target.stat().st_mtime >= source.stat().st_mtime
    except OSError:
        return False


def render_task(task: FileTask) -> str:
    """One file cleaned and rendered (run in a guard's child process): the output text,
    or for jsonl the article's line. Raises `ArticlekitError` for a page that fails."""
    from articlekit.export import render
    from articlekit.pipeline import clean
    from articlekit.read.load import read_limited

    try:
        with task.source.open("rb") as handle:
            page = read_limited(handle, task.max_bytes)
    except OSError as error:
        raise InputReadError(error.strerror or str(error)) from None
    options = Options(
        max_input_bytes=task.max_bytes,
        keep_links=task.keep_links,
        keep_images=task.keep_images,
        input_kind=task.input_kind,
    )
    article = clean(page, options=options)
    if task.to:
        article = article.converted(task.to, source=task.source_region, phrases=dict(task.phrases))
    if task.target is not None:
        return render(article, task.fmt, metadata=task.metadata)
    data = article.to_dict()
    data["source"] = task.relative
    return json.dumps(data, ensure_ascii=False)
