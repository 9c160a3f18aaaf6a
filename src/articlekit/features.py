"""Features: a small typed record of generic evidence for each block.

Length is counted in *units*: one per CJK character, one per word of other scripts,
so Chinese and English prose weigh alike. Punctuation density counts CJK clause marks
(，、；：。) exactly as ASCII commas: readability-style scoring that counts only ASCII
commas sees Chinese prose as unpunctuated.
"""

from __future__ import annotations

from dataclasses import dataclass

from articlekit.model import Block
from articlekit.vocab import CJK_RE, ENDS_SENTENCE_RE, PUNCT_RE, WORD_RE


@dataclass(frozen=True, slots=True)
class Features:
    units: int
    punct: int
    ends_sentence: bool
    link_density: float

    @property
    def punct_density(self) -> float:
        """Clause and sentence marks per unit of text."""
        return self.punct / self.units if self.units else 0.0


def count_units(text: str) -> int:
    """CJK characters plus words of other scripts.

    >>> count_units("Sora 团队负责人")
    6
    """
    return len(CJK_RE.findall(text)) + len(WORD_RE.findall(text))


def block_features(block: Block) -> Features:
    """Compute the features of one block.

    >>> f = block_features_of("我们发布了模型，它很好。")
    >>> (f.units, f.punct, f.ends_sentence)
    (10, 2, True)
    """
    text = block.text
    units = count_units(text)
    chars = len(text) or 1
    return Features(
        units=units,
        punct=len(PUNCT_RE.findall(text)),
        ends_sentence=bool(ENDS_SENTENCE_RE.search(text)),
        link_density=min(1.0, block.link_chars / chars),
    )


def block_features_of(text: str) -> Features:
    """Features of a bare paragraph (for tests and doctests)."""
    from articlekit.model import BlockKind

    return block_features(Block(kind=BlockKind.PARAGRAPH, text=text, position=0))
