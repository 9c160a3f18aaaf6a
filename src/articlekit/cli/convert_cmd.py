"""`articlekit convert [FILE|-] --to …`: OpenCC conversion of any text or Markdown."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from articlekit.cli.options import (
    DEFAULT_MAX_MB,
    FromOption,
    MaxMbOption,
    PhrasesOption,
    QuietOption,
    TargetScript,
    VerboseOption,
    check_from,
    conversion_phrases,
)
from articlekit.cli.status import reported


def convert_command(
    to: Annotated[
        TargetScript,
        typer.Option(
            "--to",
            metavar="SCRIPT",
            help="zh-Hant, zh-TW (Taiwan phrasing), zh-HK, or zh-Hans (Simplified).",
        ),
    ],
    source: Annotated[
        str,
        typer.Argument(
            metavar="[FILE]",
            help="A text or Markdown file; - or none with a pipe: stdin.",
            show_default=False,
        ),
    ] = "-",
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", metavar="PATH", help="Write here instead of stdout."),
    ] = None,
    source_region: FromOption = None,
    phrases_file: PhrasesOption = None,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback on internal errors.")
    ] = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Convert Chinese between Simplified and Traditional; code and URLs are left alone.

    Examples:

      articlekit convert notes.md --to zh-TW -o notes.zh-TW.md

      pbpaste | articlekit convert --to zh-Hans --from zh-HK
    """
    from articlekit.cli.io import read_input, refuse_overwriting_input, write_output
    from articlekit.export.traditional import convert
    from articlekit.read.load import decode

    check_from(to, source_region)
    phrases = dict(conversion_phrases(phrases_file))
    region = source_region.value if source_region else None
    if source == "-" and sys.stdin.isatty():
        sys.stderr.write("articlekit: convert: give a file, or pipe text into stdin\n")
        raise typer.Exit(2)
    name = "<stdin>" if source == "-" else source
    with reported(name, debug=debug):
        refuse_overwriting_input(source, output)
        text, _, warnings = decode(read_input(source, int(max_mb * 2**20)))
        for warning in () if quiet else warnings:
            sys.stderr.write(f"articlekit: {name}: warning: {warning}\n")
        converted = convert(text, to=to.value, source=region, phrases=phrases)
        write_output(converted, output)
        if verbose:
            sys.stderr.write(f"articlekit: {name}: {len(converted):,} characters to {to.value}\n")
