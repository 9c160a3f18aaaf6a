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


def render(article: object, fmt: str, *, explain: bool = False) -> str:
    """An `Article` in the chosen output format."""
    from articlekit.model import Article

    assert isinstance(article, Article)
    if fmt == OutputFormat.json:
        return article.to_json(explain=explain) + "\n"
    if fmt == OutputFormat.text:
        return article.to_text()
    return article.to_markdown()
