"""Option types shared by several commands."""

from __future__ import annotations

from enum import StrEnum


class OutputFormat(StrEnum):
    md = "md"
    json = "json"
    text = "text"


class TargetScript(StrEnum):
    """OpenCC targets: plain Traditional, Taiwan phrasing, Hong Kong."""

    zh_Hant = "zh-Hant"
    zh_TW = "zh-TW"
    zh_HK = "zh-HK"
