"""JSON: the `articlekit/article@1` contract from DESIGN.md, and its shipped schema."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from articlekit.model import Article, Block, BlockKind, Section

SCHEMA_ID = "articlekit/article@1"


def article_to_dict(article: Article, *, explain: bool = False) -> dict[str, Any]:
    """The article as plain JSON-ready data; `removed` and `notes` (page-level decisions
    such as the second opinion's) appear only with `explain`."""
    data: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "title": article.title,
        "published": article.published,
        "location": article.location,
        "authors": list(article.authors),
        "site": article.site,
        "url": article.url,
        "language": article.language,
        "sections": [_section(s) for s in article.sections],
    }
    if article.speaker_aliases:  # optional: only interviews whose speakers are named in full
        data["speaker_aliases"] = dict(article.speaker_aliases)
    if explain:
        data["removed"] = [{"reason": r.reason, "text": r.text} for r in article.removed]
        data["notes"] = list(article.notes)
    return data


def article_to_json(article: Article, *, explain: bool = False, indent: int | None = 2) -> str:
    """Serialised JSON; non-ASCII kept readable, control characters escaped."""
    return json.dumps(article_to_dict(article, explain=explain), ensure_ascii=False, indent=indent)


@lru_cache(maxsize=1)
def json_schema() -> dict[str, Any]:
    """The JSON Schema shipped with the package (`articlekit/schema/article-1.json`)."""
    text = resources.files("articlekit").joinpath("schema/article-1.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _section(section: Section) -> dict[str, Any]:
    if section.kind == "qa":
        return {
            "kind": "qa",
            "heading": section.heading,
            "turns": [{"speaker": t.speaker, "text": t.text} for t in section.turns],
        }
    return {
        "kind": "lecture",
        "heading": section.heading,
        "blocks": [_block(b) for b in section.blocks],
    }


def _block(block: Block) -> dict[str, Any]:
    if block.kind is BlockKind.LIST:
        return {"type": "list", "items": list(block.items)}
    if block.kind in (BlockKind.QUOTE, BlockKind.CODE):
        return {"type": block.kind.value, "text": block.text}
    if block.kind is BlockKind.IMAGE:
        return {"type": "image", "src": block.src, "alt": block.text}
    if block.kind is BlockKind.TABLE:
        return {"type": "table", "rows": [list(r) for r in block.rows]}
    return {"type": "paragraph", "text": block.text}
