"""`articlekit batch DIR -o OUTDIR`: a folder of saved pages in, a mirrored folder out."""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from contextlib import contextmanager, suppress
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from articlekit.cli.options import (
    DEFAULT_MAX_MB,
    FromOption,
    InputChoice,
    InputOption,
    JobsOption,
    MaxMbOption,
    MaxMemoryOption,
    NoImagesOption,
    NoLinksOption,
    NoMetadataOption,
    PhrasesOption,
    QuietOption,
    TimeoutOption,
    ToOption,
    VerboseOption,
    check_from,
    conversion_phrases,
)
from articlekit.cli.status import ExitStatus, error_line
from articlekit.options import DEFAULT_PAGE_TIMEOUT

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from rich.console import Console

    from articlekit.run.batch import BatchSettings, FileResult, Status


class BatchFormat(StrEnum):
    md = "md"
    json = "json"
    text = "text"
    jsonl = "jsonl"


def batch_command(
    source: Annotated[
        Path, typer.Argument(metavar="DIR", help="Folder of saved pages (searched recursively).")
    ],
    outdir: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="OUTDIR",
            help="Output folder (default: DIR-clean beside DIR; - for stdout with jsonl).",
        ),
    ] = None,
    fmt: Annotated[
        BatchFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help="md, json, text or jsonl."),
    ] = BatchFormat.md,
    to: ToOption = None,
    source_region: FromOption = None,
    phrases_file: PhrasesOption = None,
    jobs: JobsOption = None,
    pattern: Annotated[
        list[str] | None,
        typer.Option(
            "--glob",
            metavar="PATTERNS",
            help="File patterns to clean, repeated or in one value "
            "(default: '*.html *.htm *.txt *.xhtml *.shtml').",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Rewrite outputs that are up to date, and replace files in the output "
            "folder that articlekit did not write.",
        ),
    ] = False,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
    timeout: TimeoutOption = DEFAULT_PAGE_TIMEOUT,
    max_memory_mb: MaxMemoryOption = None,
    input_kind: InputOption = InputChoice.auto,
    no_links: NoLinksOption = False,
    no_images: NoImagesOption = False,
    no_metadata: NoMetadataOption = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Clean every page in a folder; the output tree mirrors the input tree.

    Examples:

      articlekit batch saved_pages -o cleaned --jobs 4

      articlekit batch saved_pages --to zh-TW --glob '*.html *.txt'

      articlekit batch saved_pages -o - --format jsonl | gzip > articles.jsonl.gz
    """
    from articlekit.run.batch import (
        DEFAULT_PATTERNS,
        BatchSettings,
        default_outdir,
        folder_problem,
        split_patterns,
    )

    check_from(to, source_region)
    problem = folder_problem(source, outdir, fmt.value)
    if problem:
        sys.stderr.write(f"articlekit: {problem}\n")
        raise typer.Exit(ExitStatus.USAGE)
    settings = BatchSettings(
        source=source,
        outdir=outdir or default_outdir(source),
        fmt=fmt.value,
        to=to.value if to else None,
        source_region=source_region.value if source_region else None,
        phrases=conversion_phrases(phrases_file),
        jobs=jobs or os.cpu_count() or 1,
        patterns=split_patterns(pattern) if pattern else DEFAULT_PATTERNS,
        force=force,
        max_bytes=int(max_mb * 2**20),
        timeout=timeout or None,
        max_memory_mb=max_memory_mb,
        input_kind=input_kind.value,
        keep_links=not no_links,
        keep_images=not no_images,
        metadata=not no_metadata,
    )
    # rich is imported only for a terminal: in a pipe or a log the output is plain lines,
    # and the start-up saved there is serial time that no --jobs can win back.
    err = None
    if sys.stderr.isatty() and not quiet:
        from rich.console import Console

        err = Console(stderr=True)
    failed, seen = _run_with_progress(settings, err, Chatter(quiet=quiet, verbose=verbose))
    if not seen:
        if not quiet:
            patterns = " ".join(settings.patterns)
            sys.stderr.write(f"articlekit: {source}: warning: no file matches {patterns}\n")
        raise typer.Exit(ExitStatus.FAILED)
    raise typer.Exit(ExitStatus.FAILED if failed else ExitStatus.OK)


class Chatter:
    """What a run says beside errors: `-q` nothing, `-v` a line per file."""

    def __init__(self, *, quiet: bool = False, verbose: bool = False) -> None:
        self.quiet = quiet
        self.verbose = verbose and not quiet

    def file_done(self, result: FileResult) -> None:
        from articlekit.run.batch import Status

        if not self.verbose or result.status is Status.FAILED:
            return
        what = result.status.value
        if result.status is Status.SKIPPED:
            what = "skipped (up to date)"
        elif result.reason:
            what = f"re-cleaned ({result.reason})"
        sys.stderr.write(error_line(result.source, what))


def _run_with_progress(settings: object, err: Console | None, chatter: Chatter) -> tuple[int, int]:
    """Run the batch; (files failed, files seen)."""
    from articlekit.run.batch import BatchSettings, Status, clean_folder

    assert isinstance(settings, BatchSettings)
    counts = dict.fromkeys(Status, 0)
    recleaned: Counter[str] = Counter()
    chars = 0
    failures: list[FileResult] = []
    started = time.perf_counter()
    interrupted = False
    results = clean_folder(settings)
    with _progress_bar(settings, err) as advance:
        try:
            for result in results:
                counts[result.status] += 1
                if result.reason:
                    recleaned[result.reason] += 1
                chars += result.chars
                if result.status is Status.FAILED:
                    failures.append(result)
                chatter.file_done(result)
                advance(sum(counts.values()) / max(time.perf_counter() - started, 1e-9))
        except KeyboardInterrupt:
            interrupted = True
            # Stopped between two results, the run must still stop as interrupted (a
            # closed generator would take its JSONL lines with it, not keep them).
            with suppress(KeyboardInterrupt, StopIteration):
                results.throw(KeyboardInterrupt)
    for result in failures:
        sys.stderr.write(error_line(result.source, result.error))
    elapsed = time.perf_counter() - started
    if not chatter.quiet:
        _summary(err, counts, recleaned, chars, elapsed, interrupted, settings.outdir)
    if interrupted:
        raise typer.Exit(130)
    return counts[Status.FAILED], sum(counts.values())


@contextmanager
def _progress_bar(
    settings: BatchSettings, err: Console | None
) -> Iterator[Callable[[float], None]]:
    """A rich progress bar on a terminal; nothing at all (not even the import) otherwise."""
    if err is None:
        yield lambda rate: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from articlekit.run.batch import iter_inputs

    total = sum(
        1 for _ in iter_inputs(settings.source, settings.patterns, settings.outdir.resolve())
    )
    columns = (
        TextColumn("cleaning"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} files/s"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("batch", total=total, rate="")
        yield lambda rate: progress.update(task, advance=1, rate=f"{rate:.0f}")


def _summary(
    err: Console | None,
    counts: Mapping[Status, int],
    recleaned: Counter[str],
    chars: int,
    seconds: float,
    interrupted: bool,
    outdir: Path,
) -> None:
    from articlekit.run.batch import Status

    title = "interrupted — rerun to finish" if interrupted else f"batch → {outdir}"
    names = ("cleaned", "re-cleaned", "skipped (up to date)", "failed", "characters out", "time")
    again = sum(recleaned.values())
    values = (
        str(counts[Status.CLEANED] - again),
        str(again),
        str(counts[Status.SKIPPED]),
        str(counts[Status.FAILED]),
        f"{chars:,}",
        f"{seconds:.1f}s",
    )
    why = ", ".join(f"{n} {reason}" for reason, n in recleaned.most_common())
    if err is None:
        widths = [max(len(n), len(v)) for n, v in zip(names, values, strict=True)]
        sys.stderr.write(f"{title}\n")
        sys.stderr.write("  ".join(n.rjust(w) for n, w in zip(names, widths, strict=True)) + "\n")
        sys.stderr.write("  ".join(v.rjust(w) for v, w in zip(values, widths, strict=True)) + "\n")
        if why:
            sys.stderr.write(f"re-cleaned: {why}\n")
        sys.stderr.flush()
        return
    from rich.table import Table

    table = Table(title=title, title_justify="left", caption=f"re-cleaned: {why}" if why else None)
    for name in names:
        table.add_column(name, justify="right")
    failed = values[3]
    table.add_row(*values[:3], f"[red]{failed}[/]" if failed != "0" else failed, *values[4:])
    err.print(table)
    sys.stderr.flush()
