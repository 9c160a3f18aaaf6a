"""`articlekit warc FILE|DIR … -o OUT`: the page records of WARC files, cleaned."""

from __future__ import annotations

import importlib
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from articlekit.cli.options import (
    DEFAULT_MAX_MB,
    JobsOption,
    MaxMbOption,
    MaxMemoryOption,
    QuietOption,
    TimeoutOption,
    VerboseOption,
)
from articlekit.cli.status import ExitStatus, error_line
from articlekit.options import DEFAULT_PAGE_TIMEOUT


class RecordFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"


class TextFormat(StrEnum):
    md = "md"
    text = "text"


def warc_command(
    inputs: Annotated[
        list[Path],
        typer.Argument(metavar="WARC...", help="WARC files (.warc, .warc.gz) or folders of them."),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o",
            "--output",
            metavar="OUT",
            help="Output folder (one file per WARC), or the output file for a single WARC.",
        ),
    ],
    fmt: Annotated[
        RecordFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help="jsonl, or parquet (needs pyarrow)."),
    ] = RecordFormat.jsonl,
    text_format: Annotated[
        TextFormat,
        typer.Option("--text", metavar="FORMAT", help="md or text: each record's `text` column."),
    ] = TextFormat.md,
    jobs: JobsOption = None,
    timeout: TimeoutOption = DEFAULT_PAGE_TIMEOUT,
    max_memory_mb: MaxMemoryOption = None,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
    force: Annotated[
        bool, typer.Option("--force", help="Redo WARCs whose output is up to date.")
    ] = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Clean the pages in WARC files: one record per page, one output per WARC.

    Examples:

      articlekit warc crawl/ -o records/ --jobs 4

      articlekit warc one.warc.gz -o one.parquet --format parquet
    """
    _require("warcio", "warc", "warc")
    if fmt is RecordFormat.parquet:
        _require("pyarrow", "--format parquet", "parquet")
    from articlekit.run.warc import WarcSettings, clean_warcs, failure_codes, find_warcs

    missing = [p for p in inputs if not p.exists()]
    if missing:
        sys.stderr.write(error_line(missing[0], "No such file or directory"))
        raise typer.Exit(ExitStatus.FAILED)
    settings = WarcSettings(
        inputs=tuple(inputs),
        output=output,
        fmt=fmt.value,
        text_format=text_format.value,
        jobs=jobs or os.cpu_count() or 1,
        timeout=timeout or None,
        max_memory_mb=max_memory_mb,
        max_bytes=int(max_mb * 2**20),
        force=force,
    )
    if not find_warcs(settings.inputs):
        sys.stderr.write("articlekit: no WARC files (.warc, .warc.gz) found\n")
        raise typer.Exit(ExitStatus.FAILED)
    results = []
    for result in clean_warcs(settings):
        results.append(result)
        if quiet and not result.error:
            continue
        if result.skipped:
            sys.stderr.write(
                f"articlekit: {result.source}: skipped (up to date: {result.output})\n"
            )
        elif result.error:
            sys.stderr.write(error_line(result.source, result.error))
        else:
            failed = sum(result.failed.values())
            sys.stderr.write(
                f"articlekit: {result.source}: {result.cleaned} cleaned, {failed} failed → {result.output}\n"
            )
    codes = failure_codes(results)
    if verbose:
        for result in results:
            for page, code, message in result.failures:
                sys.stderr.write(error_line(f"{result.source}: {page}", f"{code}: {message}"))
    if codes and not quiet:
        summary = ", ".join(f"{code} {count}" for code, count in codes.most_common())
        sys.stderr.write(f"articlekit: failures by code: {summary}\n")
    raise typer.Exit(ExitStatus.FAILED if codes else ExitStatus.OK)


def _require(module: str, feature: str, extra: str) -> None:
    """A usage error naming the extra to install when an optional library is missing."""
    try:
        importlib.import_module(module)
    except ImportError:
        sys.stderr.write(
            f"articlekit: {feature} needs {module}: pip install 'articlekit[{extra}]'\n"
        )
        raise typer.Exit(ExitStatus.USAGE) from None
