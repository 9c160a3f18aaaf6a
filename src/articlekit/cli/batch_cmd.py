"""`articlekit batch DIR -o OUTDIR`: a folder of saved pages in, a mirrored folder out."""

from __future__ import annotations

import os
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from articlekit.cli.options import TargetScript
from articlekit.cli.status import ExitStatus

if TYPE_CHECKING:
    from collections.abc import Mapping

    from rich.console import Console

    from articlekit.batch import FileResult, Status


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
        typer.Option("-o", "--output", help="Output folder (default: DIR-clean beside DIR)."),
    ] = None,
    fmt: Annotated[
        BatchFormat, typer.Option("--format", "-f", help="Output format.")
    ] = BatchFormat.md,
    to: Annotated[
        TargetScript | None, typer.Option("--to", help="Convert to Traditional Chinese.")
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes (default: number of CPUs)."),
    ] = None,
    pattern: Annotated[
        list[str] | None,
        typer.Option("--glob", help="File pattern(s) to clean (default: *.html *.htm *.txt)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Rewrite outputs that are already up to date.")
    ] = False,
) -> None:
    """Clean every page in a folder; the output tree mirrors the input tree."""
    from rich.console import Console

    from articlekit.batch import DEFAULT_PATTERNS, BatchSettings

    err = Console(stderr=True)
    if not source.is_dir():
        err.print(f"articlekit: {source}: is not a folder", highlight=False)
        raise typer.Exit(ExitStatus.USAGE)
    settings = BatchSettings(
        source=source,
        outdir=outdir or source.with_name(f"{source.name}-clean"),
        fmt=fmt.value,
        to=to.value if to else None,
        jobs=jobs or os.cpu_count() or 1,
        patterns=tuple(p.lower() for p in pattern) if pattern else DEFAULT_PATTERNS,
        force=force,
    )
    failed = _run_with_progress(settings, err)
    raise typer.Exit(ExitStatus.FAILED if failed else ExitStatus.OK)


def _run_with_progress(settings: object, err: Console) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from articlekit.batch import BatchSettings, Status, clean_folder, iter_inputs

    assert isinstance(settings, BatchSettings)
    counts = dict.fromkeys(Status, 0)
    chars = 0
    failures: list[FileResult] = []
    started = time.perf_counter()
    interrupted = False
    show = err.is_terminal
    total = (
        sum(1 for _ in iter_inputs(settings.source, settings.patterns, settings.outdir.resolve()))
        if show
        else None
    )
    columns = (
        TextColumn("cleaning"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, disable=not show, transient=True) as progress:
        task = progress.add_task("batch", total=total, rate="")
        try:
            for result in clean_folder(settings):
                counts[result.status] += 1
                chars += result.chars
                if result.status is Status.FAILED:
                    failures.append(result)
                elapsed = time.perf_counter() - started
                progress.update(
                    task, advance=1, rate=f"{sum(counts.values()) / max(elapsed, 1e-9):.0f} files/s"
                )
        except KeyboardInterrupt:
            interrupted = True
    for result in failures:
        err.print(f"articlekit: {result.source}: {result.error}", highlight=False, markup=False)
    _summary(err, counts, chars, time.perf_counter() - started, interrupted, settings.outdir)
    if interrupted:
        raise typer.Exit(130)
    return counts[Status.FAILED]


def _summary(
    err: Console,
    counts: Mapping[Status, int],
    chars: int,
    seconds: float,
    interrupted: bool,
    outdir: Path,
) -> None:
    from rich.table import Table

    from articlekit.batch import Status

    table = Table(
        title="interrupted — rerun to finish" if interrupted else f"batch → {outdir}",
        title_justify="left",
    )
    for name in ("cleaned", "skipped", "failed", "characters out", "time"):
        table.add_column(name, justify="right")
    table.add_row(
        str(counts[Status.CLEANED]),
        str(counts[Status.SKIPPED]),
        f"[red]{counts[Status.FAILED]}[/]" if counts[Status.FAILED] else "0",
        f"{chars:,}",
        f"{seconds:.1f}s",
    )
    err.print(table)
    sys.stderr.flush()
