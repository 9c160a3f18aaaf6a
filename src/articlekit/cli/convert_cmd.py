"""`articlekit convert INPUT|- --to …`: OpenCC conversion of any text or Markdown."""

from __future__ import annotations

from typing import Annotated

import typer

from articlekit.cli.options import (
    DEFAULT_MAX_MB,
    FromOption,
    MaxMbOption,
    PhrasesOption,
    TargetScript,
    check_from,
    conversion_phrases,
)
from articlekit.cli.status import reported


def convert_command(
    source: Annotated[
        str, typer.Argument(metavar="INPUT", help="A UTF-8 text or Markdown file, or - for stdin.")
    ],
    to: Annotated[
        TargetScript,
        typer.Option(
            "--to", help="zh-Hant, zh-TW (Taiwan phrasing), zh-HK, or zh-Hans (Simplified)."
        ),
    ],
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    source_region: FromOption = None,
    phrases_file: PhrasesOption = None,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
) -> None:
    """Convert Chinese between Simplified and Traditional; code and URLs are left alone."""
    from articlekit.cli.io import read_input, refuse_overwriting_input, write_output
    from articlekit.load import decode
    from articlekit.traditional import convert

    check_from(to, source_region)
    phrases = dict(conversion_phrases(phrases_file))
    region = source_region.value if source_region else None
    name = "<stdin>" if source == "-" else source
    with reported(name):
        refuse_overwriting_input(source, output)
        text, _, _ = decode(read_input(source, int(max_mb * 2**20)))
        write_output(convert(text, to=to.value, source=region, phrases=phrases), output)
