"""`articlekit clean [FILE…|-]`: pages in, clean articles out.

No file and a pipe on stdin reads stdin (`cat page.txt | articlekit clean`). Several
files go to stdout one after another — JSON as JSON Lines, Markdown and text with a
form feed line between articles — or, with `-o DIR`, one output each into DIR. A
bad file is one line on stderr; the others are still cleaned, and the exit is 1.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from articlekit.cli.options import (
    DEFAULT_MAX_MB,
    FromOption,
    InputChoice,
    InputOption,
    MaxMbOption,
    NoImagesOption,
    NoLinksOption,
    NoMetadataOption,
    OutputFormat,
    PhrasesOption,
    QuietOption,
    ToOption,
    VerboseOption,
    check_from,
    conversion_phrases,
)
from articlekit.cli.status import ExitStatus, reported
from articlekit.errors import UnsupportedInputError

#: Between two articles on stdout (Markdown and text): a form feed, the page break of
#: plain text, on a line of its own; JSON is written as JSON Lines instead.
DOCUMENT_SEPARATOR = "\n\f\n"
if TYPE_CHECKING:
    from articlekit.model import Article
    from articlekit.options import Options

_URL_RE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def clean_command(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[FILE]...",
            help="Page files (HTML or text); - or none with a pipe: stdin.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="PATH",
            help="Write here instead of stdout (a folder when several files are given).",
        ),
    ] = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", metavar="FORMAT", help="md, json or text.")
    ] = OutputFormat.md,
    to: ToOption = None,
    source_region: FromOption = None,
    phrases_file: PhrasesOption = None,
    url: Annotated[
        str | None,
        typer.Option("--url", metavar="URL", help="The page's address, recorded in the output."),
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="List removed blocks with reasons (in JSON; on stderr otherwise)."
        ),
    ] = False,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
    input_kind: InputOption = InputChoice.auto,
    no_links: NoLinksOption = False,
    no_images: NoImagesOption = False,
    no_metadata: NoMetadataOption = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback on internal errors.")
    ] = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Clean pages: find the article, keep its structure, drop the site chrome.

    Examples:

      articlekit clean page.html -o page.md

      pbpaste | articlekit clean --to zh-TW

      articlekit clean a.html b.txt --format json > articles.jsonl
    """
    check_from(to, source_region)
    names = list(sources or [])
    if not names:
        if sys.stdin.isatty():
            sys.stderr.write("articlekit: clean: give a page file, or pipe a page into stdin\n")
            raise typer.Exit(ExitStatus.USAGE)
        names = ["-"]
    several = len(names) > 1
    if several and output not in (None, "-"):
        _output_folder(output)
    from articlekit.options import Options

    job = _CleanJob(
        options=Options(
            max_input_bytes=int(max_mb * 2**20),
            keep_links=not no_links,
            keep_images=not no_images,
            input_kind=input_kind.value,
        ),
        fmt=fmt,
        to=to.value if to else None,
        region=source_region.value if source_region else None,
        phrases=dict(conversion_phrases(phrases_file)),
        url=url,
        explain=explain,
        metadata=not no_metadata,
        debug=debug,
        quiet=quiet,
        verbose=verbose,
    )
    failed = 0
    first = True
    for name in names:
        target = _target(name, output, fmt) if several and output not in (None, "-") else output
        text = job.run(name, target, as_line=several)
        if text is None:
            failed += 1
            continue
        if target in (None, "-"):
            separator = "" if first or fmt is OutputFormat.json else DOCUMENT_SEPARATOR
            write_stdout(separator + text)
        first = False
    if failed:
        raise typer.Exit(ExitStatus.FAILED)


@dataclass(frozen=True)
class _CleanJob:
    """One page at a time, with the options of the command."""

    options: Options
    fmt: OutputFormat
    to: str | None
    region: str | None
    phrases: dict[str, str]
    url: str | None
    explain: bool
    metadata: bool
    debug: bool
    quiet: bool
    verbose: bool

    def run(self, name: str, target: str | None, *, as_line: bool) -> str | None:
        """The page's rendered article for stdout (written to `target` if that is a
        file), or None after one line on stderr saying why it failed."""
        from articlekit.cli.io import read_input, refuse_overwriting_input, write_output
        from articlekit.export import render
        from articlekit.pipeline import clean

        shown = "<stdin>" if name == "-" else name
        try:
            with reported(shown, debug=self.debug):
                if name != "-" and _URL_RE.match(name) and not os.path.exists(name):
                    raise UnsupportedInputError(
                        "is a URL; articlekit cleans saved pages and does not fetch them "
                        "(save it first, e.g. curl -o page.html URL)"
                    )
                refuse_overwriting_input(name, target)
                article = clean(
                    read_input(name, self.options.max_input_bytes),
                    url=self.url,
                    options=self.options,
                )
                for warning in () if self.quiet else article.warnings:
                    sys.stderr.write(f"articlekit: {shown}: warning: {warning}\n")
                if self.to is not None:
                    article = article.converted(self.to, source=self.region, phrases=self.phrases)
                if as_line and self.fmt is OutputFormat.json:  # one JSON Lines row
                    text = article.to_json(explain=self.explain, indent=None) + "\n"
                else:
                    text = render(
                        article, self.fmt.value, explain=self.explain, metadata=self.metadata
                    )
                if target not in (None, "-"):
                    write_output(text, target)
                if self.verbose:
                    sys.stderr.write(_done_line(shown, article, target))
                if self.explain and self.fmt is not OutputFormat.json:
                    from articlekit.cli.inspect_cmd import print_removed

                    print_removed(article)
                return text
        except typer.Exit as stop:
            if stop.exit_code == ExitStatus.FAILED:
                return None  # said on stderr; the other pages go on
            raise


def _done_line(shown: str, article: Article, target: str | None) -> str:
    """`-v`: what was found on the page, in one line."""
    from articlekit.cli.status import visible

    chars = len(article.to_text())
    where = "" if target in (None, "-") else f" → {visible(str(target))}"
    title = f', "{visible(article.title)}"' if article.title else ""
    return (
        f"articlekit: {visible(shown)}: {chars:,} characters, {len(article.removed)} blocks "
        f"removed, {article.language or 'und'}{title}{where}\n"
    )


def write_stdout(text: str) -> None:
    from articlekit.cli.io import write_output

    with reported("stdout"):
        write_output(text, None)


def _output_folder(output: str) -> None:
    """`-o DIR` for several files: a folder, made if missing."""
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        sys.stderr.write(f"articlekit: {output}: is a file; several pages need an output folder\n")
        raise typer.Exit(ExitStatus.USAGE)
    folder.mkdir(parents=True, exist_ok=True)


def _target(name: str, output: str, fmt: OutputFormat) -> str:
    """`DIR/page.md` for `page.html` (`DIR/stdin.md` for stdin)."""
    stem = "stdin" if name == "-" else Path(name).stem
    from articlekit.export import EXTENSIONS

    return str(Path(output) / f"{stem}{EXTENSIONS[fmt.value]}")
