"""Option types shared by several commands."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from articlekit.options import DEFAULT_MAX_INPUT_BYTES


class OutputFormat(StrEnum):
    md = "md"
    json = "json"
    text = "text"


class TargetScript(StrEnum):
    """OpenCC targets: plain Traditional, Taiwan phrasing, Hong Kong, and Simplified."""

    zh_Hant = "zh-Hant"
    zh_TW = "zh-TW"
    zh_HK = "zh-HK"
    zh_Hans = "zh-Hans"


class InputChoice(StrEnum):
    """What pages are read as: sniffed from their content, or HTML or text."""

    auto = "auto"
    html = "html"
    text = "text"


class SourceRegion(StrEnum):
    """Where Traditional text comes from (`--to zh-Hans`): t2s, tw2sp or hk2s."""

    zh_Hant = "zh-Hant"
    zh_TW = "zh-TW"
    zh_HK = "zh-HK"


#: `--max-mb`: one input size limit, the same on every command that reads pages or text.
MaxMbOption = Annotated[
    float,
    typer.Option(
        "--max-mb", min=0.001, metavar="MIB", help="Refuse inputs larger than this many MiB."
    ),
]
DEFAULT_MAX_MB = DEFAULT_MAX_INPUT_BYTES / 2**20

#: `-q` and `-v`, on every command that reports as it goes: errors are always one line
#: each on stderr; `-q` drops warnings, progress and summaries, `-v` adds a line per
#: page (or file) saying what became of it.
QuietOption = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="Only errors on stderr: no warnings, progress or summary."),
]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="A line on stderr for every page done.")
]

#: What to leave out of the output (`clean`, `batch`), in trafilatura's words.
NoLinksOption = Annotated[
    bool, typer.Option("--no-links", help="Drop links from the text (their words stay).")
]
NoImagesOption = Annotated[bool, typer.Option("--no-images", help="Drop images.")]
NoMetadataOption = Annotated[
    bool, typer.Option("--no-metadata", help="No YAML front matter in Markdown.")
]

#: `--input`: read every page as HTML or as text instead of sniffing it.
InputOption = Annotated[
    InputChoice,
    typer.Option(
        "--input",
        metavar="KIND",
        help="auto (sniff the content), html or text: read every page as this.",
    ),
]

#: `--timeout` and `--max-memory-mb`: the per-page guard's limits (`batch`, `warc`).
TimeoutOption = Annotated[
    float,
    typer.Option(
        "--timeout",
        min=0,
        metavar="SECONDS",
        help="Fail a page that takes longer than this (0: no limit).",
    ),
]
MaxMemoryOption = Annotated[
    int | None,
    typer.Option(
        "--max-memory-mb",
        min=64,
        metavar="N",
        help="Fail a page whose worker needs more than N MiB of memory (default: no cap).",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, metavar="N", help="Worker processes (default: number of CPUs)."
    ),
]

#: `--to` on the commands that clean (optional there; `convert` requires it).
ToOption = Annotated[
    TargetScript | None,
    typer.Option(
        "--to",
        metavar="SCRIPT",
        help="zh-Hant|zh-TW|zh-HK|zh-Hans. Convert with OpenCC: to Traditional (zh-Hant, zh-TW with Taiwan phrasing, "
        "zh-HK) or to Simplified (zh-Hans).",
    ),
]
#: `--from`: the region of Traditional text converted to zh-Hans.
FromOption = Annotated[
    SourceRegion | None,
    typer.Option(
        "--from",
        metavar="REGION",
        help="zh-Hant|zh-TW|zh-HK. With --to zh-Hans: the text is Taiwan (zh-TW) or Hong Kong (zh-HK) "
        "Traditional, or neither (zh-Hant). Default: what the text shows.",
    ),
]
#: `--phrases FILE`: the user's own spellings, ahead of OpenCC's dictionaries.
PhrasesOption = Annotated[
    Path | None,
    typer.Option(
        "--phrases",
        metavar="FILE",
        help="Your phrase list for --to: one 'source<TAB>target' per line, applied before "
        "OpenCC's dictionaries.",
    ),
]


def check_from(to: TargetScript | None, source: SourceRegion | None) -> None:
    """`--from` without `--to zh-Hans` is a usage error (exit 2), not a silent no-op."""
    if source is not None and to is not TargetScript.zh_Hans:
        from articlekit.cli.status import ExitStatus

        sys.stderr.write("articlekit: --from applies only with --to zh-Hans\n")
        raise typer.Exit(ExitStatus.USAGE)


def conversion_phrases(path: Path | None) -> tuple[tuple[str, str], ...]:
    """The phrase list of `--phrases` (empty without it); a bad file is one stderr line
    naming the file and line, and exit 2."""
    if path is None:
        return ()
    from articlekit.cli.status import ExitStatus, error_line
    from articlekit.errors import ConversionError
    from articlekit.export.traditional import load_phrases

    try:
        return tuple(load_phrases(path).items())
    except ConversionError as error:
        sys.stderr.write(error_line(error.source or path, error.message))
        raise typer.Exit(ExitStatus.USAGE) from None
