"""`articlekit inspect [FILE|-]`: every block with its verdict and reason, coloured."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from articlekit.cli.options import DEFAULT_MAX_MB, MaxMbOption
from articlekit.cli.status import reported, visible

if TYPE_CHECKING:
    from articlekit.model import Article

#: Characters of each block shown in the table.
PREVIEW_CHARS = 70
_COLOURS = {
    "body": "green",
    "navigation": "blue",
    "metadata line": "cyan",
    "ad/promo": "magenta",
    "related-article list": "yellow",
    "comment stub": "yellow",
    "share/footer": "blue",
    "title": "bold cyan",
}


def inspect_command(
    source: Annotated[
        str,
        typer.Argument(
            metavar="[FILE]",
            help="A page file (HTML or text); - or none with a pipe: stdin.",
            show_default=False,
        ),
    ] = "-",
    only_removed: Annotated[
        bool, typer.Option("--removed", help="Show only the dropped blocks.")
    ] = False,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback on internal errors.")
    ] = False,
) -> None:
    """Show every block of the page, whether it was kept, and why.

    Examples:

      articlekit inspect page.html

      articlekit inspect page.html --removed | grep navigation
    """
    from articlekit.cli.io import read_input
    from articlekit.options import Options
    from articlekit.pipeline import clean

    if source == "-" and sys.stdin.isatty():
        sys.stderr.write("articlekit: inspect: give a page file, or pipe a page into stdin\n")
        raise typer.Exit(2)
    name = "<stdin>" if source == "-" else source
    with reported(name, debug=debug):
        options = Options(max_input_bytes=int(max_mb * 2**20))
        article = clean(read_input(source, options.max_input_bytes), options=options)
    rows = []
    for number, decision in enumerate(article.decisions, 1):
        if only_removed and decision.is_body:
            continue
        text = (decision.block.text or decision.block.src).replace("\n", " ⏎ ")
        preview = text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"
        rows.append(
            (number, decision.is_body, decision.verdict.value, decision.reason.value, preview)
        )
    title = f"{name}: {article.title or '(no title)'}"
    kept = sum(d.is_body for d in article.decisions)
    summary = f"{kept} kept, {len(article.decisions) - kept} removed"
    if not sys.stdout.isatty():
        # In a pipe: tab-separated lines for grep and awk (Rich laid out a 100,000-row
        # table for a minute only to print it without colour).
        lines = [f"{n}\t{verdict}\t{reason}\t{visible(p)}\n" for n, _, verdict, reason, p in rows]
        sys.stdout.write(f"# {visible(title)}\n" + "".join(lines))
        sys.stdout.flush()
        sys.stderr.write("".join(f"{visible(note)}\n" for note in article.notes) + summary + "\n")
        return
    _print_table(title, rows, article.notes, summary)


def _print_table(
    title: str, rows: list[tuple[int, bool, str, str, str]], notes: tuple[str, ...], summary: str
) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=terminal_safe(title), show_lines=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("verdict")
    table.add_column("reason")
    table.add_column("text", overflow="fold")
    for number, is_body, verdict, reason, preview in rows:
        colour = _COLOURS.get("body" if is_body else reason, "red")
        table.add_row(
            str(number), f"[{colour}]{verdict}[/]", f"[{colour}]{reason}[/]", terminal_safe(preview)
        )
    Console(soft_wrap=False).print(table)
    console = Console(stderr=True)
    for note in notes:
        console.print(f"[cyan]{terminal_safe(note)}[/]", highlight=False)
    console.print(summary)


def print_removed(article: Article) -> None:
    """The removed blocks and their reasons, on stderr (for `clean --explain`): plain
    lines in a pipe or a log, coloured on a terminal."""
    previews = [
        (removed.reason, removed.text.replace("\n", " ⏎ ")[:PREVIEW_CHARS])
        for removed in article.removed
    ]
    if not sys.stderr.isatty():
        lines = [f"note {visible(note)}\n" for note in article.notes]
        lines += [f"removed {reason}: {visible(text)}\n" for reason, text in previews]
        sys.stderr.write("".join(lines))
        return
    from rich.console import Console

    console = Console(stderr=True)
    for note in article.notes:
        console.print(f"[dim]note[/] [cyan]{terminal_safe(note)}[/]", highlight=False)
    for reason, text in previews:
        console.print(
            f"[dim]removed[/] [yellow]{reason}[/]: {terminal_safe(text)}", highlight=False
        )


def terminal_safe(text: str) -> str:
    r"""Page text (or a file name) as Rich shows it literally: markup such as
    `[link=…]` escaped, and every control or bidi-override character made visible.

    >>> terminal_safe("[link=http://x]click[/link] \x1b[2J")
    '\\[link=http://x]click\\[/link] �[2J'
    """
    from rich.markup import escape

    return escape(visible(text))
