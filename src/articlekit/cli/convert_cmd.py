"""`articlekit convert INPUT|- --to …`: OpenCC conversion of any text or Markdown."""

from __future__ import annotations

from typing import Annotated

import typer

from articlekit.cli.options import DEFAULT_MAX_MB, MaxMbOption, TargetScript
from articlekit.cli.status import reported


def convert_command(
    source: Annotated[
        str, typer.Argument(metavar="INPUT", help="A UTF-8 text or Markdown file, or - for stdin.")
    ],
    to: Annotated[TargetScript, typer.Option("--to", help="Target script and phrasing.")],
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
) -> None:
    """Convert Simplified Chinese to Traditional; code and URLs are left alone."""
    from articlekit.cli.io import read_input, refuse_overwriting_input, write_output
    from articlekit.load import decode
    from articlekit.traditional import convert

    name = "<stdin>" if source == "-" else source
    with reported(name):
        refuse_overwriting_input(source, output)
        text, _, _ = decode(read_input(source, int(max_mb * 2**20)))
        write_output(convert(text, to=to.value), output)
