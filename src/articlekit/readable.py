"""A Chinese-aware main-content candidate from readability-lxml.

readability scores a paragraph by its ASCII commas and its length in characters, so
Chinese prose (，。；： and no spaces) scores as if it had no commas and it often picks
the wrong block. This subclass keeps readability's candidate search but counts CJK
punctuation as commas, measures length in units (CJK characters or words), and
works on the tree articlekit already parsed: it never re-parses or copies the page,
and instead of deleting "unlikely" nodes (comments, sidebars) it only reports them,
so the block walk still sees them and the classifier decides.
"""

from __future__ import annotations

from typing import Any

from lxml.html import HtmlElement
from readability import Document
from readability.readability import REGEXES

from articlekit.features import count_units
from articlekit.vocab import PUNCT_RE

#: A paragraph shorter than this (units) does not vote for its parent.
MIN_PARAGRAPH_UNITS = 12
#: Cap on the length bonus of one paragraph (readability's 3 points per 100 chars).
MAX_LENGTH_BONUS = 3.0
UNITS_PER_LENGTH_POINT = 50


class _ChineseAwareDocument(Document):  # type: ignore[misc]
    def __init__(self, tree: HtmlElement) -> None:
        super().__init__(tree)
        self.unlikely: set[HtmlElement] = set()

    def _parse(self, input: HtmlElement) -> HtmlElement:
        return input

    def remove_unlikely_candidates(self) -> None:
        for elem in self.html.iter():
            if not isinstance(elem.tag, str):
                continue
            marks = f"{elem.get('class', '')} {elem.get('id', '')}"
            if len(marks) < 3 or elem.tag in ("html", "body", "article", "main"):
                continue
            if REGEXES["unlikelyCandidatesRe"].search(marks) and not REGEXES[
                "okMaybeItsACandidateRe"
            ].search(marks):
                self.unlikely.add(elem)

    def score_paragraphs(self) -> dict[HtmlElement, dict[str, Any]]:
        candidates: dict[HtmlElement, dict[str, Any]] = {}
        for elem in self.tags(self.html, "p", "pre", "td", "blockquote"):
            parent = elem.getparent()
            if parent is None or self._is_unlikely(elem):
                continue
            text = elem.text_content() or ""
            units = count_units(text)
            if units < MIN_PARAGRAPH_UNITS:
                continue
            score = (
                1
                + len(PUNCT_RE.findall(text))
                + min(units / UNITS_PER_LENGTH_POINT, MAX_LENGTH_BONUS)
            )
            grand = parent.getparent()
            for node, share in ((parent, 1.0), (grand, 0.5)):
                if node is None:
                    continue
                if node not in candidates:
                    candidates[node] = self.score_node(node)
                candidates[node]["content_score"] += score * share
        for node, candidate in candidates.items():
            candidate["content_score"] *= 1 - self.get_link_density(node)
        return candidates

    def _is_unlikely(self, elem: HtmlElement) -> bool:
        return bool(self.unlikely) and any(a in self.unlikely for a in elem.iterancestors())


def find_main_candidate(tree: HtmlElement) -> tuple[HtmlElement | None, set[HtmlElement]]:
    """The element readability (made Chinese-aware) picks as the article, and the
    elements it considers unlikely to hold content. The tree's divs that hold only
    inline content become paragraphs, as in readability."""
    document = _ChineseAwareDocument(tree)
    document.html = tree
    document.remove_unlikely_candidates()
    document.transform_misused_divs_into_paragraphs()
    candidates = document.score_paragraphs()
    best = document.select_best_candidate(candidates)
    return (best["elem"] if best else None), document.unlikely
