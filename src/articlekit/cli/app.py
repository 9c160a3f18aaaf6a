"""The `articlekit` command: one typer app, one module per command."""

from __future__ import annotations

import signal
import sys
from typing import Annotated

import typer

from articlekit import __version__
from articlekit.cli.batch_cmd import batch_command
from articlekit.cli.clean_cmd import clean_command
from articlekit.cli.convert_cmd import convert_command
from articlekit.cli.inspect_cmd import inspect_command
from articlekit.cli.warc_cmd import warc_command

app = typer.Typer(
    name="articlekit",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"articlekit {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_show_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Clean scraped articles (raw page text or saved HTML) into Markdown, JSON or text.

    Examples:

      pbpaste | articlekit clean > article.md

      articlekit clean page.html --to zh-TW -o article.md

      articlekit batch saved_pages -o cleaned --jobs 4

    Run `articlekit COMMAND --help` for a command's options and examples.
    """


app.command("clean")(clean_command)
app.command("convert")(convert_command)
app.command("inspect")(inspect_command)
app.command("batch")(batch_command)
app.command("warc")(warc_command)


def _stop_like_ctrl_c(signum: int, frame: object) -> None:
    """SIGTERM and SIGHUP stop a command the way Ctrl-C does: the file being written is
    removed, a batch keeps its finished JSONL lines (`articles.partial.jsonl`) and prints
    its summary. By default they ended the process on the spot, leaving its temp file."""
    raise KeyboardInterrupt


def main() -> None:
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop_like_ctrl_c)
    try:
        app()
    except KeyboardInterrupt:
        # Ctrl-C before a command installed its own handling (e.g. while importing).
        sys.stderr.write("articlekit: interrupted\n")
        raise SystemExit(130) from None
