"""Option types shared by several commands."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class OutputFormat(StrEnum):
    md = "md"
    json = "json"
    text = "text"


class TargetScript(StrEnum):
    """OpenCC targets: plain Traditional, Taiwan phrasing, Hong Kong."""

    zh_Hant = "zh-Hant"
    zh_TW = "zh-TW"
    zh_HK = "zh-HK"


#: `--to` on the commands that clean (optional there; `convert` requires it).
ToOption = Annotated[
    TargetScript | None,
    typer.Option("--to", help="Convert to Traditional Chinese (OpenCC): zh-Hant, zh-TW or zh-HK."),
]
