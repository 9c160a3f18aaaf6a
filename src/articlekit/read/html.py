"""HTML → blocks (and the page's own metadata), parsed once.

The page is parsed once with lxml (`huge_tree`, so text nested deeper than 256 levels
is not dropped; a page nested deeper than `MAX_NESTING` is flattened and parsed again,
because libxml2 loses text below about 2,000 levels even then). Invisible and non-content
elements go; readability (made Chinese-aware, see `readable.py`) marks the main
candidate; then one iterative walk turns the whole body into blocks that keep
structure — headings, paragraphs, `<br>` lines, lists, quotes, code, images, tables —
each with its link characters and whether it lies in the candidate. The classifier,
shared with raw text, makes the final call, so lead or tail paragraphs the candidate
missed are recovered and chrome inside it is still removed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    document_fromstring,
)

from articlekit.model import (
    Block,
    BlockKind,
    InlineKind,
    Metadata,
    PendingSpans,
    SpanMark,
    Zone,
)
from articlekit.options import Options
from articlekit.read.hidden import HiddenRules, hidden_by_page, hidden_inline, stylesheet_rules
from articlekit.read.htmlmeta import page_metadata, title_as_printed
from articlekit.read.readable import MainContent, find_main_candidate
from articlekit.read.textblocks import normalize_space

#: Deepest tag nesting kept: a page nested deeper is parsed again without the deeper
#: tags (their text stays).
MAX_NESTING = 400
#: Dropped with their content (the <head> goes too, after its metadata was read):
#: elements whose content is raw text (code, styles, a text field's value)…
_RAW_TEXT_DROPPED = ("script", "style", "textarea")
#: …and widgets whose content is elements, dropped unless they hold most of the page.
_CONTAINERS_DROPPED = (
    "noscript", "template", "svg", "math", "select", "option", "button", "input", "iframe",
    "object", "embed", "canvas", "map", "dialog",
)  # fmt: skip
#: An element about to be dropped is measured from this many characters on, and kept
#: when it holds more than this share of the page's visible text.
MIN_GUARDED_CHARS = 200
MAX_DROPPED_SHARE = 0.5

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "dd",
        "details",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
    ]
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
#: A tag runs to its `>` or, if unterminated, to the next `<`: never past it, so the
#: scan stays linear on tag soup such as `<a<a<a…` (a lazy `[^>]*?>` is quadratic there).
_TAG_RE = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^<>]*>?")
_TAG_NAME_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_MAYBE_HIDDEN_XPATH = (
    "//*[@hidden or @aria-hidden='true' or contains(@style, 'none') or contains(@style, 'hidden')]"
)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
#: Whether a parsed page holds an element more than `MAX_NESTING` levels deep: one XPath
#: step per level, evaluated in C, over levels that are empty on ordinary pages.
_TOO_DEEP = etree.XPath("boolean(" + "/*" * (MAX_NESTING + 1) + ")")
#: A link that holds another link, several paragraphs, or more text than any link or
#: teaser card holds, is one whose `</a>` the markup forgot: libxml2 lets it run over
#: the rest of the page (nested links cannot be written in HTML), and counting that
#: text as link text made the story navigation. Found before readability turns
#: inline-only divs into paragraphs (a card's divs would count).
MAX_LINK_CHARS = 1000
MAX_LINK_PARAGRAPHS = 2
_BROKEN_LINKS = etree.XPath(
    f"//a[.//a or count(.//p) > {MAX_LINK_PARAGRAPHS} "
    f"or string-length(string(.)) > {MAX_LINK_CHARS}]"
)
#: A list item or a caption that holds a page rather than an item: several paragraphs
#: (a slide or a story summary has one or two).
_HOLDS_A_PAGE = etree.XPath("count(.//p) > 3")
#: A table is data (kept as rows) when it has no nested table and short cells.
MAX_DATA_CELL_CHARS = 200
MIN_DATA_ROWS = 2
#: Every element as a plain `HtmlElement`, chosen in C. lxml.html's default lookup runs
#: a Python method each time an element object is created (on every iteration step),
#: only to tell form controls apart, which articlekit never uses.
_ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
)


_TITLE_LINE_KINDS = (BlockKind.PARAGRAPH, BlockKind.HEADING)


def html_blocks(markup: str, options: Options) -> tuple[list[Block], Metadata]:
    """Parse the page once and return its blocks and the metadata in its markup."""
    tree = parse_html(markup)
    meta = page_metadata(tree)
    window_title = tree.findtext(".//title") or ""
    _move_stray_head_content(tree)
    _drop_non_content(tree)
    body = tree.find("body")
    root = body if body is not None else tree
    broken_links = set(_BROKEN_LINKS(tree))
    main = find_main_candidate(tree)
    walker = _Walker(main, broken_links, keep_images=options.keep_images)
    walker.walk(root)
    # Lines of text only: a logo's alt text or a link home often repeats the site name.
    lines = (
        block.text
        for block in walker.blocks
        if block.kind in _TITLE_LINE_KINDS and 2 * block.link_chars < len(block.text)
    )
    printed = title_as_printed(window_title, meta.title, lines)
    if printed:
        meta = replace(meta, title=printed)
    return walker.blocks, meta


def parse_html(markup: str) -> HtmlElement:
    """An lxml tree of the page. A page nested deeper than `MAX_NESTING` is flattened
    and parsed again: its depth is read off the parsed tree in C, so ordinary pages pay
    no Python scan of their tags. Markup lxml cannot read at all becomes plain text."""
    markup = _XML_DECL_RE.sub("", markup, count=1)
    tree = _parse(markup)
    if tree is None or _TOO_DEEP(tree):
        tree = _parse(cap_nesting(markup, MAX_NESTING))
    if tree is None:
        return document_fromstring(
            f"<html><body><pre>{_escape(markup)}</pre></body></html>", parser=_parser()
        )
    return tree


def _parse(markup: str) -> HtmlElement | None:
    try:
        return document_fromstring(markup, parser=_parser())
    except (etree.ParserError, ValueError):
        return None


def _parser() -> HTMLParser:
    """A fresh parser per page (lxml parsers must not be shared between threads)."""
    parser = HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    return parser


def cap_nesting(markup: str, limit: int) -> str:
    """Drop tags nested deeper than `limit`, keeping their text (linear scans).

    The first scan only measures the depth; the markup is rebuilt when it is too deep.

    >>> cap_nesting("<b><i><u>x</u></i></b>", 2)
    '<b><i>x</i></b>'
    """
    if _max_depth(_TAG_NAME_RE.findall(markup)) <= limit:
        return markup
    depth = 0
    pieces: list[str] = []
    last = 0
    for match in _TAG_RE.finditer(markup):
        closing, name = match.group(1), match.group(2).lower()
        self_closing = match.group(0).endswith("/>")
        if name in _VOID or self_closing:
            keep = depth < limit
        elif closing:
            keep = depth <= limit
            depth = max(0, depth - 1)
        else:
            depth += 1
            keep = depth <= limit
        if not keep:
            pieces.append(markup[last : match.start()])
            last = match.end()
    pieces.append(markup[last:])
    return "".join(pieces)


def _max_depth(tags: list[tuple[str, str]]) -> int:
    depth = deepest = 0
    for closing, name in tags:
        if name.lower() in _VOID:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


#: Elements that belong in <head>; anything else there is page content the parser
#: put in the wrong place.
_HEAD_TAGS = frozenset(
    ["title", "meta", "link", "style", "script", "base", "noscript", "template", "object"]
)


def _move_stray_head_content(tree: HtmlElement) -> None:
    """Move content elements that landed in <head> to the start of <body>.

    Stray table rows or cells before `<body>` (and a page with no `<body>` tag at all)
    make libxml2 keep everything that follows inside <head>, which is then dropped:
    the page read as empty. Browsers show that content, so it is moved to the body.

    >>> tree = parse_html("<html><head><title>T</title><tr><td><p>Story.</p></td></tr></html>")
    >>> _move_stray_head_content(tree); tree.find("body").text_content()
    'Story.'
    """
    head = tree.find("head")
    if head is None:
        return
    stray = [c for c in head if isinstance(c.tag, str) and c.tag.lower() not in _HEAD_TAGS]
    if not stray:
        return
    body = tree.find("body")
    if body is None:
        body = etree.SubElement(tree, "body")
    for position, child in enumerate(stray):
        body.insert(position, child)


def _drop_non_content(tree: HtmlElement) -> None:
    """Drop scripts, widgets and form controls, and elements a reader never sees
    (`hidden.py`), keeping the text that follows each."""
    rules = stylesheet_rules(style.text or "" for style in tree.iter("style"))
    doomed = list(tree.iter(*_RAW_TEXT_DROPPED, etree.Comment))
    containers = list(tree.iter(*_CONTAINERS_DROPPED))
    containers.extend(e for e in tree.xpath(_MAYBE_HIDDEN_XPATH) if hidden_inline(e))
    containers.extend(_hidden_by_rules_or_colour(tree, rules))
    share = _PageShare(tree)
    doomed.extend(e for e in containers if not share.holds_most(e))
    for element in doomed:
        _remove_keeping_tail(element)
    head = tree.find("head")
    if head is not None:
        tree.remove(head)


def _remove_keeping_tail(element: HtmlElement) -> None:
    """Remove an element but not the text after it, which stays where it was.

    lxml's `remove` takes the element's tail (the text up to the next tag) with it.

    >>> p = document_fromstring("<p>one <button>x</button>two <b>three</b> four</p>").find(".//p")
    >>> _remove_keeping_tail(p.find("button")); p.text_content()
    'one two three four'
    """
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    if not tail:
        return
    if previous is None:
        parent.text = (parent.text or "") + tail
    else:
        previous.tail = (previous.tail or "") + tail


def _hidden_by_rules_or_colour(tree: HtmlElement, rules: HiddenRules) -> list[HtmlElement]:
    """Elements the page's stylesheet hides, and text drawn in its background's colour."""
    xpath = "//font[@color] | //*[contains(@style, 'olor')]"
    if rules.classes or rules.ids:
        xpath += " | //*[@class or @id]"
    return [e for e in tree.xpath(xpath) if hidden_by_page(e, rules) and not hidden_inline(e)]


class _PageShare:
    """Whether an element about to be dropped holds most of the page's visible text.

    A hidden or widget element that holds most of the page is a sign that the parser
    nested the page inside it: a `<div style="display:none">`, `<noscript>` or
    `<form>` whose end tag the markup forgot takes everything after it (libxml2 does
    not repair that as a browser does), and a script may undo a stylesheet rule.
    Such an element stays: never lose the article to a guess about markup. The page's
    text is measured only when an element is long enough to matter."""

    def __init__(self, tree: HtmlElement) -> None:
        self.tree = tree
        self._page_chars: int | None = None

    def holds_most(self, element: HtmlElement) -> bool:
        chars = len(element.text_content())
        if chars < MIN_GUARDED_CHARS:
            return False
        if self._page_chars is None:
            code = sum(len(e.text or "") for e in self.tree.iter(*_RAW_TEXT_DROPPED))
            self._page_chars = len(self.tree.text_content()) - code
        return chars > MAX_DROPPED_SHARE * self._page_chars


class _Walker:
    """One iterative pass over the tree (lxml's iterwalk), emitting blocks in order."""

    def __init__(
        self,
        main: MainContent,
        broken_links: set[HtmlElement],
        *,
        keep_images: bool,
    ) -> None:
        #: The article's elements: readability's best candidate and the siblings it joins.
        self.main = main.siblings | {main.element} if main.element is not None else frozenset()
        self.unlikely = main.unlikely
        #: Links whose end tag the markup forgot (`_BROKEN_LINKS`): not link text.
        self.broken_links = broken_links
        self.keep_images = keep_images
        self.blocks: list[Block] = []
        self._text: list[str] = []
        self._link_chars = 0
        self._in_link = 0
        #: Characters inside <strong>/<b>: a paragraph printed wholly in bold is a lead-in
        #: (an interview's question, a bold subheading), which plain text cannot show.
        self._strong_chars = 0
        self._in_strong = 0
        self._in_main = 0
        self._in_unlikely = 0
        self._list_depth = 0
        #: Each open list: whether it is numbered, and the number of its next item.
        self._lists: list[list[int]] = []
        #: The number of the `<li>` being collected, until its first text is taken.
        self._item_number = 0
        self._item_marks: list[tuple[int, int]] = []
        self._items: list[str] = []
        #: Elements inside a list whose text is blocks of its own, with the list depth
        #: at which each opened: only lists opened inside them make list items there.
        #: They are a main candidate inside a list, and a list item inside the main
        #: content that holds several paragraphs: a list the markup left open, which
        #: swallowed the story.
        self._list_bases: list[tuple[HtmlElement, int]] = []
        self._list_links = 0
        self._heading = 0
        self._quote = 0
        self._captions: list[HtmlElement] = []
        #: Inline spans: marks between the pieces of the block being collected, the
        #: elements whose span is open (it goes on into the next block when a block
        #: tag interrupts it), and the spans of the list items collected so far.
        self._marks: list[SpanMark] = []
        self._span_elements: list[tuple[HtmlElement, InlineKind, str]] = []
        self._item_pending: PendingSpans = ()

    def walk(self, root: HtmlElement) -> None:
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, element in walker:
            tag = element.tag if isinstance(element.tag, str) else ""
            if event == "start":
                if self._start(element, tag.lower()):
                    walker.skip_subtree()
                    self._end(element, tag.lower(), skipped=True)
            else:
                self._end(element, tag.lower())
        self._flush()

    def _start(self, element: HtmlElement, tag: str) -> bool:
        """Handle an opening tag; True when its subtree was consumed whole."""
        if element in self.main:
            self._flush()
            self._in_main += 1
            if self._list_depth > self._list_base:
                # The items before it go out as one list of the main content: a list
                # that swallowed the story holds its headline and lead there too.
                self._open_list_base(element)
        elif (
            tag == "li"
            and self._in_main
            and self._list_depth > self._list_base
            and _HOLDS_A_PAGE(element)
        ):
            self._open_list_base(element)
        if element in self.unlikely:
            self._flush()
            self._in_unlikely += 1
        if tag == "pre":
            self._flush()
            code = element.text_content().strip("\n")
            self._emit(BlockKind.CODE, code, tag, code_language=code_language(element))
            return True
        if tag == "table" and _is_data_table(element):
            self._flush()
            rows = _table_rows(element)
            self._emit(BlockKind.TABLE, "\n".join(" ".join(r) for r in rows), tag, rows=rows)
            return True
        if tag == "img":
            self._image(element)
        elif tag == "br":
            self._flush(line_break=True)
        elif tag in _BLOCK_TAGS:
            self._flush()
            if tag in ("ul", "ol", "dl"):
                self._list_depth += 1
                self._lists.append([tag == "ol", _list_start(element)])
            elif tag == "li" and self._lists:
                ordered, number = self._lists[-1]
                self._item_number = number if ordered else 0
                self._lists[-1][1] = number + 1
            elif tag in _HEADINGS:
                self._heading = _HEADINGS[tag]
            elif tag == "blockquote":
                self._quote += 1
            elif tag == "figcaption" and not _HOLDS_A_PAGE(element):
                # (a caption holding headings or paragraphs is one left open)
                self._captions.append(element)
        elif tag == "a" and element not in self.broken_links:
            self._in_link += 1
            # The address is judged (`usable_href`) only if the block is kept.
            self._open_span(element, InlineKind.LINK, element.get("href") or "")
        elif tag in _STRONG_TAGS:
            self._in_strong += 1
            self._open_span(element, InlineKind.STRONG)
        elif tag in _INLINE_KINDS:
            self._open_span(element, _INLINE_KINDS[tag])
        if element.text:
            self._add(element.text)
        return False

    def _open_span(self, element: HtmlElement, kind: InlineKind, href: str = "") -> None:
        self._span_elements.append((element, kind, href))
        self._marks.append((len(self._text), True, kind, href))

    def _end(self, element: HtmlElement, tag: str, *, skipped: bool = False) -> None:
        if not skipped:
            if tag in _BLOCK_TAGS:
                self._flush()
                if tag in ("ul", "ol", "dl"):
                    self._list_depth -= 1
                    if self._lists:
                        self._lists.pop()
                    if self._list_depth == self._list_base:
                        self._emit_list()
                elif tag in _HEADINGS:
                    self._heading = 0
                elif tag == "blockquote":
                    self._quote -= 1
                elif self._captions and self._captions[-1] is element:
                    self._captions.pop()
            elif tag == "a" and element not in self.broken_links:
                self._in_link -= 1
            elif tag in _STRONG_TAGS:
                self._in_strong -= 1
            if self._span_elements and self._span_elements[-1][0] is element:
                _, kind, href = self._span_elements.pop()
                self._marks.append((len(self._text), False, kind, href))
        if element in self.main:
            self._flush()
            self._in_main -= 1
        if self._list_bases and self._list_bases[-1][0] is element:
            self._flush()
            self._list_bases.pop()
        if element in self.unlikely:
            self._flush()
            self._in_unlikely -= 1
        if element.tail:
            self._add(element.tail)

    @property
    def _list_base(self) -> int:
        return self._list_bases[-1][1] if self._list_bases else 0

    def _open_list_base(self, element: HtmlElement) -> None:
        self._flush()
        self._emit_list()
        self._list_bases.append((element, self._list_depth))

    def _add(self, text: str) -> None:
        self._text.append(text)
        if self._in_link:
            self._link_chars += len(text.strip())
        if self._in_strong:
            self._strong_chars += len(text.strip())

    def _flush(self, *, line_break: bool = False) -> None:
        # Every block tag flushes; most flushes find nothing collected, or only the
        # whitespace between tags, and return before normalising it.
        if not self._text:
            self._marks = self._reopened_spans()
            return
        pieces, marks = self._text, self._marks
        collected = "".join(pieces)
        links, strong = self._link_chars, self._strong_chars
        self._text, self._link_chars, self._strong_chars = [], 0, 0
        self._marks = self._reopened_spans()
        if collected.isspace():
            return
        text = normalize_space(collected)
        if not text:
            return
        pending: PendingSpans = ((tuple(pieces), tuple(marks)),) if marks else ()
        if self._list_depth > self._list_base:
            self._items.append(text)
            depth = self._list_depth - self._list_base - 1
            self._item_marks.append((depth, self._item_number))
            self._item_number = 0  # more text in the same item continues it as a bullet
            self._item_pending += pending or (((text,), ()),)
            self._list_links += links
        elif self._heading and not line_break:
            self._emit(
                BlockKind.HEADING,
                text,
                f"h{self._heading}",
                level=self._heading,
                links=links,
                pending=pending,
            )
        elif self._quote:
            self._emit(BlockKind.QUOTE, text, "blockquote", links=links, pending=pending)
        else:
            bold = strong >= len(text) - text.count(" ")
            tag = "figcaption" if self._captions else "strong" if bold else "p"
            self._emit(BlockKind.PARAGRAPH, text, tag, links=links, pending=pending)

    def _reopened_spans(self) -> list[SpanMark]:
        """The spans still open, as opening marks of the next block."""
        if not self._span_elements:  # nearly every flush
            return []
        return [(0, True, kind, href) for _, kind, href in self._span_elements]

    def _emit_list(self) -> None:
        if self._items:
            items = tuple(self._items)
            marks = tuple(self._item_marks) if any(d or n for d, n in self._item_marks) else ()
            self._emit(
                BlockKind.LIST,
                "\n".join(items),
                "ul",
                items=items,
                links=self._list_links,
                pending=self._item_pending if any(m for _, m in self._item_pending) else (),
                item_marks=marks,
            )
        self._items, self._item_pending, self._list_links = [], (), 0
        self._item_marks = []

    def _image(self, element: HtmlElement) -> None:
        if not self.keep_images or self._list_depth > self._list_base:
            return
        src = element.get("src") or element.get("data-src") or element.get("data-original") or ""
        if src.strip():
            self._flush()
            self._emit(
                BlockKind.IMAGE, normalize_space(element.get("alt") or ""), "img", src=src.strip()
            )

    def _emit(
        self,
        kind: BlockKind,
        text: str,
        tag: str,
        *,
        level: int = 0,
        links: int = 0,
        items: tuple[str, ...] = (),
        rows: tuple[tuple[str, ...], ...] = (),
        src: str = "",
        pending: PendingSpans = (),
        code_language: str = "",
        item_marks: tuple[tuple[int, int], ...] = (),
    ) -> None:
        zone = Zone.MAIN if self._in_main else Zone.UNLIKELY if self._in_unlikely else Zone.OTHER
        self.blocks.append(
            Block(
                kind=kind,
                text=text,
                position=len(self.blocks),
                items=items,
                rows=rows,
                src=src,
                level=level,
                link_chars=links,
                tag=tag,
                zone=zone,
                pending=pending,
                code_language=code_language,
                item_marks=item_marks,
            )
        )


_STRONG_TAGS = frozenset({"b", "strong"})
#: How markup names a code block's language: `language-x` (HTML's own convention,
#: CommonMark renderers, Prism, highlight.js), `lang-x`, `highlight-source-x` (GitHub),
#: `brush: x` (SyntaxHighlighter).
_CODE_CLASS_RE = re.compile(
    r"(?:^|\s)(?:language-|lang-|highlight-source-|brush:\s*)([A-Za-z0-9_+#.-]{1,30})(?=\s|;|$)"
)
_CODE_NAME_RE = re.compile(r"[A-Za-z0-9_+#.-]{1,30}")


def _list_start(element: HtmlElement) -> int:
    """The number of an ordered list's first item (`<ol start="3">`), 1 by default."""
    start = (element.get("start") or "").strip()
    return int(start) if start.isdigit() and len(start) < 9 else 1


def code_language(pre: HtmlElement) -> str:
    """The language a `<pre>` (or the `<code>` in it) declares, or "".

    >>> from lxml.html import fragment_fromstring
    >>> code_language(fragment_fromstring('<pre><code class="hljs language-python">x</code></pre>'))
    'python'
    """
    for element in (pre, *pre.iterchildren("code")):
        for value in (element.get("data-lang"), element.get("data-language")):
            name = str(value or "").strip()
            if _CODE_NAME_RE.fullmatch(name):
                return name.lower()
        if match := _CODE_CLASS_RE.search(element.get("class") or ""):
            return match.group(1).lower()
    return ""


#: Inline tags whose words Markdown can set apart too (strong ones are counted above).
_INLINE_KINDS = {
    "em": InlineKind.EMPHASIS,
    "i": InlineKind.EMPHASIS,
    "cite": InlineKind.EMPHASIS,
    "code": InlineKind.CODE,
    "kbd": InlineKind.CODE,
    "samp": InlineKind.CODE,
    "tt": InlineKind.CODE,
}


def _is_data_table(table: HtmlElement) -> bool:
    if table.find(".//table") is not None:
        return False
    rows = table.findall(".//tr")
    if len(rows) < MIN_DATA_ROWS:
        return False
    if table.find(".//p") is not None or table.find(".//div") is not None:
        return False
    return all(len(c.text_content()) <= MAX_DATA_CELL_CHARS for c in table.iter("td", "th"))


def _table_rows(table: HtmlElement) -> tuple[tuple[str, ...], ...]:
    rows = []
    for tr in table.iter("tr"):
        cells = tuple(normalize_space(c.text_content()) for c in tr if c.tag in ("td", "th"))
        if any(cells):
            rows.append(cells)
    return tuple(rows)
