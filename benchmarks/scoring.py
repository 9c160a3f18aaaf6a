"""Body-text score: 4-token shingles where every CJK character is a token.

Same scheme as the bench's `metric.py` (and the scrapinghub article-extraction
benchmark): punctuation and whitespace are ignored, each document's shingle counts give
normalised tp/fp/fn, precision is averaged over documents with a non-empty prediction,
recall over documents with a non-empty gold text, and F1 comes from the two averages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_CJK = (
    "\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3038-\u303b\u3040-\u30ff\u3100-\u312f"
    "\u3131-\u318f\u31a0-\u31bf\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7ff\uf900-\ufaff\uff66-\uffdc\U00020000-\U0003134f"
)
_TOKENS = re.compile(f"[{_CJK}]|[^\\W{_CJK}]+")
SHINGLE = 4

Counts = tuple[float, float, float]


def shingle_counts(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKENS.findall(text or "")
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(zip(*(tokens[i:] for i in range(SHINGLE)), strict=False))


def compare(gold: str, predicted: str) -> Counts:
    """Normalised (true positive, false positive, false negative) shingle shares."""
    want, got = shingle_counts(gold), shingle_counts(predicted)
    hit = sum((want & got).values())
    extra = sum((got - want).values())
    missed = sum((want - got).values())
    total = hit + extra + missed
    return (hit / total, extra / total, missed / total) if total else (0.0, 0.0, 0.0)


def summarise(docs: Sequence[Counts]) -> dict[str, float]:
    """Macro precision and recall, F1 from them."""

    def ratio(a: float, b: float, other: float) -> float:
        if b == other == 0:
            return 1.0
        return a / (a + b) if a + b else 0.0

    precisions = [ratio(tp, fp, fn) for tp, fp, fn in docs if tp + fp > 0]
    recalls = [ratio(tp, fn, fp) for tp, fp, fn in docs if tp + fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}
