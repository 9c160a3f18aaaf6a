"""Option types shared by several commands."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from articlekit.options import DEFAULT_MAX_INPUT_BYTES


class OutputFormat(StrEnum):
    md = "md"
    json = "json"
    text = "text"


class TargetScript(StrEnum):
    """OpenCC targets: plain Traditional, Taiwan phrasing, Hong Kong."""

    zh_Hant = "zh-Hant"
    zh_TW = "zh-TW"
    zh_HK = "zh-HK"


#: `--max-mb`: one input size limit, the same on every command that reads pages or text.
MaxMbOption = Annotated[
    float, typer.Option("--max-mb", min=0.001, help="Refuse inputs larger than this many MiB.")
]
DEFAULT_MAX_MB = DEFAULT_MAX_INPUT_BYTES / 2**20

#: `--to` on the commands that clean (optional there; `convert` requires it).
ToOption = Annotated[
    TargetScript | None,
    typer.Option("--to", help="Convert to Traditional Chinese (OpenCC): zh-Hant, zh-TW or zh-HK."),
]
