"""Language: which script the article body is written in (zh-Hans, zh-Hant, en, …).

Counting letters is enough to tell Chinese from Latin-script text. Simplified and
Traditional are told apart by the most frequent characters that differ between them.
"""

from __future__ import annotations

from collections.abc import Sequence

from articlekit.model import Block
from articlekit.vocab import CJK_RE, WORD_RE

#: Frequent characters written differently in the two scripts (same order in both).
_SIMPLIFIED = frozenset(
    "这个们来说时会为国对于发学与关们经过还进动现实产么样门问题开长见间话张东车书"
)
_TRADITIONAL = frozenset(
    "這個們來說時會為國對於發學與關們經過還進動現實產麼樣門問題開長見間話張東車書"
)
_KANA_START, _KANA_END = "\u3040", "\u30ff"
_HANGUL_START, _HANGUL_END = "\uac00", "\ud7af"
#: Characters of body text sampled: enough to decide, bounded on huge pages.
SAMPLE_CHARS = 4_000


def detect_language(blocks: Sequence[Block]) -> str:
    """A BCP 47 tag for the text of the blocks.

    >>> from articlekit.model import BlockKind
    >>> detect_language([Block(BlockKind.PARAGRAPH, "这个模型说明了我们的发现。", 0)])
    'zh-Hans'
    >>> detect_language([Block(BlockKind.PARAGRAPH, "The model explains it.", 0)])
    'en'
    """
    pieces: list[str] = []
    size = 0
    for block in blocks:
        pieces.append(block.text)
        size += len(block.text)
        if size >= SAMPLE_CHARS:
            break
    text = "\n".join(pieces)[:SAMPLE_CHARS]
    return detect_text_language(text)


def detect_text_language(text: str) -> str:
    cjk = CJK_RE.findall(text)
    words = WORD_RE.findall(text)
    if not cjk and not words:
        return "und"
    if len(cjk) >= len(words):
        kana = sum(_KANA_START <= c <= _KANA_END for c in cjk)
        hangul = sum(_HANGUL_START <= c <= _HANGUL_END for c in cjk)
        if kana * 10 >= len(cjk):
            return "ja"
        if hangul * 2 >= len(cjk):
            return "ko"
        simplified = sum(c in _SIMPLIFIED for c in cjk)
        traditional = sum(c in _TRADITIONAL for c in cjk)
        return "zh-Hant" if traditional > simplified else "zh-Hans"
    return "en" if all(w.isascii() for w in words[:200]) else "und"
