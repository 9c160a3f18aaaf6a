"""`articlekit inspect INPUT`: every block with its verdict and reason, coloured."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from articlekit.cli.status import reported

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
        str, typer.Argument(metavar="INPUT", help="A page file (HTML or text), or - for stdin.")
    ],
    only_removed: Annotated[
        bool, typer.Option("--removed", help="Show only the dropped blocks.")
    ] = False,
) -> None:
    """Show every block of the page, whether it was kept, and why."""
    from rich.console import Console
    from rich.table import Table

    from articlekit.cli.io import read_input
    from articlekit.pipeline import clean

    name = "<stdin>" if source == "-" else source
    with reported(name):
        article = clean(read_input(source))
    table = Table(title=terminal_safe(f"{name}: {article.title or '(no title)'}"), show_lines=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("verdict")
    table.add_column("reason")
    table.add_column("text", overflow="fold")
    for number, decision in enumerate(article.decisions, 1):
        if only_removed and decision.is_body:
            continue
        verdict = decision.verdict.value
        colour = _COLOURS.get("body" if decision.is_body else decision.reason.value, "red")
        text = (decision.block.text or decision.block.src).replace("\n", " ⏎ ")
        preview = text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"
        preview = terminal_safe(preview)
        table.add_row(
            str(number), f"[{colour}]{verdict}[/]", f"[{colour}]{decision.reason.value}[/]", preview
        )
    Console(soft_wrap=False).print(table)
    kept = sum(d.is_body for d in article.decisions)
    console = Console(stderr=True)
    for note in article.notes:
        console.print(f"[cyan]{terminal_safe(note)}[/]", highlight=False)
    console.print(f"{kept} kept, {len(article.decisions) - kept} removed")


def print_removed(article: Article) -> None:
    """The removed blocks and their reasons, on stderr (for `clean --explain`)."""
    from rich.console import Console

    console = Console(stderr=True)
    for note in article.notes:
        console.print(f"[dim]note[/] [cyan]{terminal_safe(note)}[/]", highlight=False)
    for removed in article.removed:
        text = terminal_safe(removed.text.replace("\n", " ⏎ ")[:PREVIEW_CHARS])
        console.print(f"[dim]removed[/] [yellow]{removed.reason}[/]: {text}", highlight=False)


def terminal_safe(text: str) -> str:
    r"""Page text (or a file name) as Rich shows it literally: markup such as
    `[link=…]` escaped, and every control or bidi-override character made visible.

    >>> terminal_safe("[link=http://x]click[/link] \x1b[2J")
    '\\[link=http://x]click\\[/link] �[2J'
    """
    from rich.markup import escape

    from articlekit.cli.status import visible

    return escape(visible(text))
