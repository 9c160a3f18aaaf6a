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

import re
from typing import Any, NamedTuple

from lxml import etree
from lxml.html import HtmlElement
from readability import Document
from readability.readability import REGEXES

from articlekit.judge.features import count_units
from articlekit.judge.vocab import PUNCT_RE

#: A paragraph shorter than this (units) does not vote for its parent.
MIN_PARAGRAPH_UNITS = 12
#: Cap on the length bonus of one paragraph (readability's 3 points per 100 chars).
MAX_LENGTH_BONUS = 3.0
UNITS_PER_LENGTH_POINT = 50
#: Siblings of the best candidate join it (readability's rule): a score of at least
#: this share of the best's and this many points, or a prose paragraph of this many
#: units with links under this share.
SIBLING_SCORE_SHARE = 0.2
MIN_SIBLING_SCORE = 10.0
MIN_SIBLING_PARAGRAPH_UNITS = 15
MAX_SIBLING_LINK_DENSITY = 0.25


#: readability's "unlikely" and "maybe a candidate" patterns are alternations of
#: lowercase words searched case-insensitively. On lowercased class/id text a
#: case-sensitive search finds the same words about 5x faster: IGNORECASE turns off
#: the regex engine's first-character scan, and every element with a class is tested.
_UNLIKELY_RE = re.compile(REGEXES["unlikelyCandidatesRe"].pattern)
_MAYBE_RE = re.compile(REGEXES["okMaybeItsACandidateRe"].pattern)

#: Inline (phrasing) tags: a class word on one of them (`<a class="popup">`, `<span
#: class="reference">`) says nothing about a container, and marking it would split the
#: sentence it sits in into fragments at the block walk.
_INLINE_TAGS = frozenset(
    ["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "img",
     "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
     "tt", "u", "var", "wbr", "br"]
)  # fmt: skip
#: Elements that say "this is the article" in markup. Structure outweighs a class name:
#: no ancestor of the page's main article element is unlikely, whatever its class says
#: (`<div class="header"><article>…</article></div>`).
_ARTICLE_MARKERS = etree.XPath(
    "//article | //main | //*[@role='main'] | //*[@itemprop='articleBody']"
)

#: Block children: a quote holding one has paragraphs that vote on their own.
_BLOCK_CHILDREN = frozenset({"blockquote", "dl", "div", "ol", "p", "pre", "table", "ul"})
#: Tags whose presence under a <div> keeps it a div (readability's `divToPElementsRe`).
_DIV_KEEPERS = frozenset({"a", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"})


class _ChineseAwareDocument(Document):  # type: ignore[misc]
    def __init__(self, tree: HtmlElement) -> None:
        super().__init__(tree)
        self.unlikely: set[HtmlElement] = set()
        #: Whether an element is unlikely or lies inside one, found once per element.
        self._inside_unlikely: dict[HtmlElement, bool] = {}

    def _parse(self, input: HtmlElement) -> HtmlElement:
        return input

    def remove_unlikely_candidates(self) -> None:
        """Record (never delete) comment, sidebar and footer containers: block elements
        whose class or id says so, unless they hold the page's article element."""
        holds_article = _article_ancestors(self.html)
        for elem in self.html.xpath("//*[@class or @id]"):
            marks = f"{elem.get('class', '')} {elem.get('id', '')}".lower()
            if (
                elem.tag in ("html", "body", "article", "main")
                or elem.tag in _INLINE_TAGS
                or len(marks) < 3
                or elem in holds_article
            ):
                continue
            if _UNLIKELY_RE.search(marks) and not _MAYBE_RE.search(marks):
                self.unlikely.add(elem)

    def transform_misused_divs_into_paragraphs(self) -> None:
        """A div with no block-level descendant is a paragraph (as in readability), found
        in one bottom-up pass instead of serialising every div's children."""
        has_block: set[HtmlElement] = set()
        for elem in reversed(list(self.html.iter())):
            parent = elem.getparent()
            if parent is not None and (elem.tag in _DIV_KEEPERS or elem in has_block):
                has_block.add(parent)
        for elem in self.html.iter("div"):
            if elem not in has_block:
                elem.tag = "p"

    def get_link_density(self, elem: HtmlElement) -> float:
        total = len(elem.text_content())
        links = sum(len(a.text_content()) for a in elem.iter("a"))
        return links / max(total, 1)

    def score_paragraphs(self) -> dict[HtmlElement, dict[str, Any]]:
        candidates: dict[HtmlElement, dict[str, Any]] = {}

        def vote(node: HtmlElement | None, score: float) -> None:
            if node is None:
                return
            if node not in candidates:
                candidates[node] = self.score_node(node)
            candidates[node]["content_score"] += score

        for elem in self.html.iter("p", "pre", "td", "blockquote", "div"):
            if elem.tag == "div":
                # Text lying loose in a div (`text<br>text<img>`) is a paragraph of the div;
                # readability wraps it in <p> first, which costs a tree rewrite.
                text = (elem.text or "") + "".join(c.tail or "" for c in elem)
                parent, grand = elem, elem.getparent()
            else:
                # A quote that holds paragraphs of its own counts only its loose text:
                # those paragraphs vote themselves, and counting all of it again at every
                # level made 390 nested quotes quadratic (3 MB of text: 43 s). Table cells
                # keep readability's whole-text vote: layout tables are scored by it.
                text = (
                    (elem.text or "") + "".join(c.tail or "" for c in elem)
                    if elem.tag == "blockquote" and _holds_blocks(elem)
                    else elem.text_content() or ""
                )
                parent = elem.getparent()
                grand = parent.getparent() if parent is not None else None
            if parent is None or self._is_unlikely(elem):
                continue
            units = count_units(text)
            if units < MIN_PARAGRAPH_UNITS:
                continue
            score = (
                1
                + len(PUNCT_RE.findall(text))
                + min(units / UNITS_PER_LENGTH_POINT, MAX_LENGTH_BONUS)
            )
            vote(parent, score)
            vote(grand, score / 2)
        for node, candidate in candidates.items():
            candidate["content_score"] *= 1 - self.get_link_density(node)
        return candidates

    def _is_unlikely(self, elem: HtmlElement) -> bool:
        """Whether an ancestor is unlikely. Answers are kept per element, so the page's
        paragraphs share the walk up their common ancestors instead of repeating it."""
        if not self.unlikely:
            return False
        path: list[HtmlElement] = []
        node, inside = elem.getparent(), False
        while node is not None:
            known = self._inside_unlikely.get(node)
            if known is not None:
                inside = known
                break
            path.append(node)
            if node in self.unlikely:
                inside = True
                break
            node = node.getparent()
        for visited in path:
            self._inside_unlikely[visited] = inside
        return inside


def _holds_blocks(elem: HtmlElement) -> bool:
    return any(child.tag in _BLOCK_CHILDREN for child in elem)


def _article_ancestors(tree: HtmlElement) -> set[HtmlElement]:
    """The article element with the most text (`<article>`, `<main>`, `role=main`,
    `itemprop=articleBody`) and its ancestors. Only the largest counts: teaser cards in
    a sidebar are `<article>`s too."""
    markers = _ARTICLE_MARKERS(tree)
    if not markers:
        return set()
    largest = max(markers, key=lambda e: len(e.text_content()))
    return {largest, *largest.iterancestors()}


class MainContent(NamedTuple):
    """readability's pick: the best candidate, its siblings that belong to the article
    too, and the containers it considers unlikely to hold content."""

    element: HtmlElement | None
    siblings: frozenset[HtmlElement]
    unlikely: set[HtmlElement]


def find_main_candidate(tree: HtmlElement) -> MainContent:
    """The element readability (made Chinese-aware) picks as the article, its siblings
    that belong to it, and the elements it considers unlikely to hold content. The
    tree's divs that hold only inline content become paragraphs, as in readability."""
    document = _ChineseAwareDocument(tree)
    document.html = tree
    document.remove_unlikely_candidates()
    document.transform_misused_divs_into_paragraphs()
    candidates = document.score_paragraphs()
    best = document.select_best_candidate(candidates)
    if best is None and document.unlikely:
        # Every paragraph lies in an "unlikely" container: on a real page, a header or
        # menu whose end tag the markup forgot, which libxml2 (unlike a browser) lets
        # run over the rest of the page. Class names are then no evidence at all.
        document.unlikely.clear()
        document._inside_unlikely.clear()
        candidates = document.score_paragraphs()
        best = document.select_best_candidate(candidates)
    if best is None:
        return MainContent(None, frozenset(), document.unlikely)
    siblings = _article_siblings(document, candidates, best)
    return MainContent(best["elem"], siblings, document.unlikely)


def _article_siblings(
    document: _ChineseAwareDocument,
    candidates: dict[HtmlElement, dict[str, Any]],
    best: dict[str, Any],
) -> frozenset[HtmlElement]:
    """Siblings of the best candidate that continue the article, as readability joins
    them: a story cut into several containers (by an ad slot, a chart, a newsletter
    box) is one article, and the best candidate is only its largest piece. A sibling
    joins when it scores at least a fifth of the best (and 10 points), or when it is a
    paragraph of prose with few links."""
    element = best["elem"]
    parent = element.getparent()
    if parent is None:
        return frozenset()
    threshold = max(MIN_SIBLING_SCORE, best["content_score"] * SIBLING_SCORE_SHARE)
    joined = set()
    for sibling in parent:
        if sibling is element or sibling in document.unlikely or not isinstance(sibling.tag, str):
            continue
        score = candidates.get(sibling, {}).get("content_score", 0.0)
        if score >= threshold or (
            sibling.tag == "p"
            and count_units(sibling.text_content()) >= MIN_SIBLING_PARAGRAPH_UNITS
            and document.get_link_density(sibling) < MAX_SIBLING_LINK_DENSITY
        ):
            joined.add(sibling)
    return frozenset(joined)
