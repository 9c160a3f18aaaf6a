"""JSON: the `articlekit/article@1` contract from DESIGN.md, and its shipped schema."""

from __future__ import annotations

import json
from bisect import bisect_right
from functools import lru_cache
from importlib import resources
from typing import Any

from articlekit.model import Article, Block, BlockKind, Inline, InlineKind, Section
from articlekit.read.inlines import resolve_href

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
        "sections": [_section(s, article.url) for s in article.sections],
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


def _section(section: Section, base: str | None) -> dict[str, Any]:
    if section.kind == "qa":
        return {
            "kind": "qa",
            "heading": section.heading,
            "turns": [{"speaker": t.speaker, "text": t.text} for t in section.turns],
        }
    return {
        "kind": "lecture",
        "heading": section.heading,
        "blocks": [_block(b, base) for b in section.blocks],
    }


def _block(block: Block, base: str | None) -> dict[str, Any]:
    data = _block_fields(block)
    if block.inlines and block.kind is BlockKind.LIST:
        data["inlines"] = _item_inlines(block, base)
    elif block.inlines and "text" in data:
        data["inlines"] = [_inline(span, base) for span in block.inlines]
    return data


def _block_fields(block: Block) -> dict[str, Any]:
    if block.kind is BlockKind.LIST:
        data: dict[str, Any] = {"type": "list", "items": list(block.items)}
        if len(block.item_marks) == len(block.items):
            data["levels"] = [depth for depth, _ in block.item_marks]
            data["numbers"] = [number for _, number in block.item_marks]
        return data
    if block.kind is BlockKind.CODE and block.code_language:
        return {"type": "code", "text": block.text, "language": block.code_language}
    if block.kind in (BlockKind.QUOTE, BlockKind.CODE):
        return {"type": block.kind.value, "text": block.text}
    if block.kind is BlockKind.IMAGE:
        image = {"type": "image", "src": block.src, "alt": block.text}
        return {**image, "caption": block.caption} if block.caption else image
    if block.kind is BlockKind.TABLE:
        return {"type": "table", "rows": [list(r) for r in block.rows]}
    return {"type": "paragraph", "text": block.text}


def _inline(span: Inline, base: str | None, shift: int = 0) -> dict[str, Any]:
    """One span: offsets in code points of the block's (or item's) `text`; a link's
    `href` resolved against the article's URL."""
    data: dict[str, Any] = {
        "type": span.kind.value,
        "start": span.start - shift,
        "end": span.end - shift,
    }
    if span.kind is InlineKind.LINK:
        data["href"] = resolve_href(span.href, base)
    return data


def _item_inlines(block: Block, base: str | None) -> list[list[dict[str, Any]]]:
    """A list's spans, item by item (the block holds them as offsets of its items
    joined by newlines)."""
    per_item: list[list[dict[str, Any]]] = [[] for _ in block.items]
    starts, offset = [], 0
    for item in block.items:
        starts.append(offset)
        offset += len(item) + 1
    for span in block.inlines:
        index = bisect_right(starts, span.start) - 1
        per_item[index].append(_inline(span, base, starts[index]))
    return per_item
