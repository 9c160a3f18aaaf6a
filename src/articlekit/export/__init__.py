"""Export and conversion: `Article` → JSON (`jsonout`), Markdown (`markdown`) or plain
text (`text`), none of them re-parsing input; and OpenCC conversion between Simplified
and Traditional Chinese that keeps code, URLs and inline spans intact (`traditional`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from articlekit.model import Article


#: The file extension of each output format.
EXTENSIONS = {"md": ".md", "json": ".json", "text": ".txt"}


def render(article: Article, fmt: str, *, explain: bool = False, metadata: bool = True) -> str:
    """The article in one of the output formats: `md`, `json` or `text`; without
    `metadata`, Markdown has no front matter (JSON always has its metadata fields)."""
    if fmt == "json":
        return article.to_json(explain=explain) + "\n"
    if fmt == "text":
        return article.to_text()
    return article.to_markdown(front_matter=metadata)
