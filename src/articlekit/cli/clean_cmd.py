"""`articlekit clean INPUT|-`: one document in, one clean article out."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from articlekit.cli.options import (
    DEFAULT_MAX_MB,
    FromOption,
    MaxMbOption,
    NoImagesOption,
    NoLinksOption,
    NoMetadataOption,
    OutputFormat,
    PhrasesOption,
    ToOption,
    check_from,
    conversion_phrases,
)
from articlekit.cli.status import reported


def clean_command(
    source: Annotated[
        str, typer.Argument(metavar="INPUT", help="A page file (HTML or text), or - for stdin.")
    ],
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.md,
    to: ToOption = None,
    source_region: FromOption = None,
    phrases_file: PhrasesOption = None,
    url: Annotated[
        str | None, typer.Option("--url", help="The page's address, recorded in the output.")
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="List removed blocks with reasons (in JSON; on stderr otherwise)."
        ),
    ] = False,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
    no_links: NoLinksOption = False,
    no_images: NoImagesOption = False,
    no_metadata: NoMetadataOption = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback on internal errors.")
    ] = False,
) -> None:
    """Clean one page: find the article, keep its structure, drop the site chrome."""
    from articlekit.cli.io import read_input, refuse_overwriting_input, write_output
    from articlekit.export import render
    from articlekit.options import Options
    from articlekit.pipeline import clean

    check_from(to, source_region)
    phrases = conversion_phrases(phrases_file)
    name = "<stdin>" if source == "-" else source
    with reported(name, debug=debug):
        options = Options(
            max_input_bytes=int(max_mb * 2**20), keep_links=not no_links, keep_images=not no_images
        )
        refuse_overwriting_input(source, output)
        article = clean(read_input(source, options.max_input_bytes), url=url, options=options)
        for warning in article.warnings:
            sys.stderr.write(f"articlekit: {name}: warning: {warning}\n")
        if to is not None:
            region = source_region.value if source_region else None
            article = article.converted(to.value, source=region, phrases=dict(phrases))
        write_output(render(article, fmt.value, explain=explain, metadata=not no_metadata), output)
        if explain and fmt is not OutputFormat.json:
            from articlekit.cli.inspect_cmd import print_removed

            print_removed(article)
