"""Plain text: the article body only, one paragraph per blank-line-separated chunk."""

from __future__ import annotations

from articlekit.judge.vocab import CJK_RUN_RE
from articlekit.model import Article, Block, BlockKind, Section, Turn


def article_to_text(article: Article) -> str:
    """Headings, paragraphs, list items, table rows and turns, blank-line separated."""
    chunks: list[str] = []
    for section in article.sections:
        chunks.extend(section_chunks(section))
    return "\n\n".join(c for c in chunks if c) + ("\n" if chunks else "")


def section_chunks(section: Section) -> list[str]:
    chunks = [section.heading] if section.heading else []
    chunks.extend(block_text(b) for b in section.blocks)
    chunks.extend(turn_text(t) for t in section.turns)
    return chunks


def block_text(block: Block) -> str:
    if block.kind is BlockKind.LIST:
        return "\n".join(block.items)
    if block.kind is BlockKind.TABLE:
        return "\n".join("\t".join(row) for row in block.rows)
    if block.kind is BlockKind.IMAGE:
        return ""
    return block.text


def turn_text(turn: Turn) -> str:
    """`Speaker：text` (full-width colon after a Chinese name, `: ` otherwise).

    >>> turn_text(Turn("问", "你好。")), turn_text(Turn("Q", "Why?"))
    ('问：你好。', 'Q: Why?')
    """
    colon = "：" if CJK_RUN_RE.search(turn.speaker) else ": "
    return f"{turn.speaker}{colon}{turn.text}"
