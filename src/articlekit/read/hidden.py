"""Which elements a reader never sees: hidden by attribute, by inline style, by the
page's own stylesheet, or drawn in the colour of their background.

Hidden text is written for machines (keyword lists for search engines, a
`display:none` copy of the post for another layout, a template the script fills in);
a reader never sees it, so it is no part of the article. Every test here is on the
page's own declarations, never on what the text says.

Stylesheets are read only as far as that needs: top-level rules whose selectors are a
single class or id (`.seo-text`, `#copy`, `div.hidden`) and whose declarations hide.
A class that any other rule shows again (`.tab.active {display: block}`, or a media
query for another screen) is left alone: a browser may show it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml.html import HtmlElement

#: Declarations that hide an element and its text. (`opacity: 0` and `font-size: 0`
#: are left out: pages fade content in from the first, and set the second on a
#: container whose children set their own size.)
_HIDING_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Declarations that show an element again.
_SHOWING_RE = re.compile(r"display\s*:\s*(?!none)[a-z]|visibility\s*:\s*visible", re.IGNORECASE)
_COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)
_BRACE_RE = re.compile(r"[{}]")
#: One simple selector: `.name`, `#name` or `tag.name`.
_SIMPLE_SELECTOR_RE = re.compile(r"^[a-zA-Z]*([.#])([\w-]+)$")
_SELECTOR_NAME_RE = re.compile(r"\.([\w-]+)")
_PAGE_SELECTOR_RE = re.compile(r"(?:^|,)\s*(?:html|body)\s*(?:,|$)", re.IGNORECASE)
#: Inline style or attribute colours, and the backgrounds they are drawn on.
_COLOUR_RE = re.compile(r"(?:^|;)\s*color\s*:\s*([^;!]+)", re.IGNORECASE)
_BACKGROUND_RE = re.compile(
    r"background(?:-color)?\s*:\s*([#\w(),.\s]+?)\s*(?:;|!|$)", re.IGNORECASE
)
_SHORT_HEX_RE = re.compile(r"#[0-9a-f]{3}")
_NAMED_COLOURS = {"white": "#ffffff", "black": "#000000"}
_RGB_RE = re.compile(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*1(?:\.0+)?\s*)?\)")


@dataclass(frozen=True, slots=True)
class HiddenRules:
    """Class and id names the page's stylesheets hide (and never show again)."""

    classes: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    #: The page's background as its stylesheet declares it for `body`/`html` (None when
    #: it does not: text over a picture or a class's dark panel is not hidden text).
    page_background: str | None = None

    def hides(self, element: HtmlElement) -> bool:
        if self.ids and element.get("id") in self.ids:
            return True
        if not self.classes:
            return False
        names = element.get("class")
        return bool(names) and not self.classes.isdisjoint(names.split())


def stylesheet_rules(styles: Iterable[str]) -> HiddenRules:
    """The hiding rules of the page's `<style>` texts.

    >>> rules = stylesheet_rules([".seo{display:none} .tab{display:none} .tab.on{display:block}"])
    >>> sorted(rules.classes), sorted(rules.ids)
    (['seo'], [])
    >>> sorted(stylesheet_rules(["@media print { .noprint { display: none } } #x {visibility:hidden}"]).ids)
    ['x']
    """
    hidden_classes: set[str] = set()
    hidden_ids: set[str] = set()
    shown: set[str] = set()
    page_background: str | None = None
    for css in styles:
        for depth, selectors, declarations in _rules(_COMMENT_RE.sub("", css)):
            if not depth and "ackground" in declarations and _PAGE_SELECTOR_RE.search(selectors):
                background = _BACKGROUND_RE.search(declarations)
                page_background = _normalise(background.group(1)) if background else page_background
            # Most rules set neither property: a substring test skips the two patterns.
            if "isplay" not in declarations and "isibility" not in declarations:
                continue
            if _SHOWING_RE.search(declarations):
                shown.update(_SELECTOR_NAME_RE.findall(selectors))
            if depth or not _HIDING_RE.search(declarations):
                continue
            for selector in selectors.split(","):
                match = _SIMPLE_SELECTOR_RE.match(selector.strip())
                if match:
                    (hidden_classes if match.group(1) == "." else hidden_ids).add(match.group(2))
    return HiddenRules(frozenset(hidden_classes - shown), frozenset(hidden_ids), page_background)


def _rules(css: str) -> Iterable[tuple[int, str, str]]:
    """(nesting depth, selector text, declarations) of every rule, in one pass over
    the braces (depth 1 is inside an `@media` or `@supports` block)."""
    depth, start, selectors = 0, 0, ""
    for brace in _BRACE_RE.finditer(css):
        if brace.group() == "{":
            # `@import …;` and `@charset …;` have no braces: what follows the last `;`.
            selectors = css[start : brace.start()].rpartition(";")[2]
            if selectors.lstrip().startswith("@"):
                depth += 1
                selectors = ""
            start = brace.end()
        else:
            if selectors:
                yield depth, selectors, css[start : brace.start()]
                selectors = ""
            elif depth:
                depth -= 1
            start = brace.end()


def hidden_inline(element: HtmlElement) -> bool:
    """Whether the element hides itself: a `hidden` or `aria-hidden` attribute, or an
    inline style that hides. These are certain, so they are always followed."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return element.tag not in ("html", "body")
    style = element.get("style")
    return bool(style and _HIDING_RE.search(style))


def hidden_by_page(element: HtmlElement, rules: HiddenRules) -> bool:
    """Whether the page's stylesheet hides the element, or its text is drawn in the
    colour of the background it sits on. A script may undo a stylesheet rule, so the
    caller keeps such an element when it holds most of the page."""
    if rules.hides(element):
        return True
    colour = _text_colour(element)
    if colour is None:
        return False
    return colour == (_background(element) or rules.page_background)


def _text_colour(element: HtmlElement) -> str | None:
    if element.tag == "font" and element.get("color"):
        return _normalise(element.get("color", ""))
    style = element.get("style")
    match = _COLOUR_RE.search(style) if style and "olor" in style else None
    return _normalise(match.group(1)) if match else None


def _background(element: HtmlElement) -> str | None:
    """The nearest declared background (inline style or `bgcolor`, `<body>`'s too), the
    element's own first; None when nothing on the way up declares one."""
    node: HtmlElement | None = element
    while node is not None:
        style = node.get("style")
        if style and "background" in style.lower():
            match = _BACKGROUND_RE.search(style)
            if match:
                return _normalise(match.group(1))
        if node.get("bgcolor"):
            return _normalise(node.get("bgcolor", ""))
        node = node.getparent()
    return None


def _normalise(colour: str) -> str:
    """`#FFF`, `white`, `rgb(255, 255, 255)` → `#ffffff`; anything else as written.

    >>> _normalise(" #FFF "), _normalise("White"), _normalise("rgb(255, 255, 255)")
    ('#ffffff', '#ffffff', '#ffffff')
    """
    colour = colour.strip().lower()
    colour = _NAMED_COLOURS.get(colour, colour)
    rgb = _RGB_RE.fullmatch(colour)
    if rgb:
        return "#" + "".join(f"{int(part):02x}" for part in rgb.groups())
    if _SHORT_HEX_RE.fullmatch(colour):
        return "#" + "".join(c * 2 for c in colour[1:])
    return colour
