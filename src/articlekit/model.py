"""The data every stage passes on: blocks, decisions, sections and the final `Article`.

All records are immutable and picklable (a process pool can send them back).
`Block`, `Decision` and `Removed` exist once per page line, so they are named tuples:
building a frozen dataclass costs three times as much, and a page has hundreds of lines.
The rest are frozen, slotted dataclasses. Exporters read only `Article`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Mapping

    from articlekit.export.traditional import Target


class BlockKind(StrEnum):
    """What a block is on the page, independent of whether it is kept."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST = "list"
    QUOTE = "quote"
    CODE = "code"
    IMAGE = "image"
    TABLE = "table"


class Zone(StrEnum):
    """Where an HTML block sits relative to the main-content candidate (text: NONE)."""

    NONE = "none"
    MAIN = "main"
    OTHER = "other"
    UNLIKELY = "unlikely"


class Verdict(StrEnum):
    BODY = "body"
    CHROME = "chrome"


class Reason(StrEnum):
    """Why a block got its verdict; `inspect` and `--explain` print these."""

    PROSE = "prose"
    HEADING = "heading"
    SHORT_IN_BODY = "short line inside the article"
    STRUCTURE = "list, table, code or image inside the article"
    NAVIGATION = "navigation"
    AD_PROMO = "ad/promo"
    METADATA = "metadata line"
    MEDIA = "media player"
    CAPTION = "image caption"
    DUPLICATE_TITLE = "duplicated title"
    TITLE = "title"
    RELATED = "related-article list"
    COMMENT = "comment stub"
    SHARE_FOOTER = "share/footer"
    CONSENT = "cookie/consent notice"
    PAGE_TITLE = "page-title line"
    OUTSIDE = "outside the article"
    REPEATED = "repeated on the page"
    #: Set by the second opinion (`secondopinion.py`) when it overrules the classifier.
    RECOVERED = "main content restored by the second opinion"
    DISPLACED = "outside the main content (second opinion)"


class InlineKind(StrEnum):
    LINK = "link"
    STRONG = "strong"
    EMPHASIS = "emphasis"
    CODE = "code"


class Inline(NamedTuple):
    """A span of a block's `text` the page set apart: a link (with its `href` as the
    page wrote it), strong or emphasised words, inline code. `start`/`end` index the
    block's `text` (for a list, its items joined by newlines); spans nest, never cross."""

    kind: InlineKind
    start: int
    end: int
    href: str = ""


#: `(piece index, opens, kind, href)`: a span opening or closing before that piece of
#: a block's text as the HTML walker collected it.
SpanMark = tuple[int, bool, InlineKind, str]
#: The pieces and marks of a block's text (one entry per list item), kept until the
#: block is known to be part of the article: most blocks with links are menus, and
#: finding the spans of every one of them cost 10 % of the time of a page.
PendingSpans = tuple[tuple[tuple[str, ...], tuple[SpanMark, ...]], ...]


def shift_inlines(inlines: tuple[Inline, ...], by: int) -> tuple[Inline, ...]:
    """The spans of a text that now starts `by` characters later."""
    return tuple(span._replace(start=span.start + by, end=span.end + by) for span in inlines)


class Block(NamedTuple):
    """One unit of page content, with its position in the source.

    `link_chars` counts characters inside links (HTML only); `level` is a heading level;
    `tag` is the HTML element the block came from (`p`, `h2`, `figcaption`, …), `strong`
    for a paragraph printed wholly in bold; `inlines` are its links and emphasis (HTML),
    found from `pending` once the block is kept (`articlekit.read.inlines.with_inlines`).
    """

    kind: BlockKind
    text: str
    position: int
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    src: str = ""
    level: int = 0
    link_chars: int = 0
    tag: str = ""
    zone: Zone = Zone.NONE
    inlines: tuple[Inline, ...] = ()
    pending: PendingSpans = ()
    #: A code block's language, as the page's markup names it (`language-python`).
    code_language: str = ""
    #: A list's items as the page nested and numbered them: (depth from 0, number in an
    #: ordered list or 0 for a bullet) per item; empty for a flat bulleted list.
    item_marks: tuple[tuple[int, int], ...] = ()
    #: An image's caption: the caption line the page printed right after it.
    caption: str = ""


class Decision(NamedTuple):
    """A block with its verdict and the reason for it."""

    block: Block
    verdict: Verdict
    reason: Reason

    @property
    def is_body(self) -> bool:
        return self.verdict is Verdict.BODY


#: `Block`, `Decision` and `Removed` built from a tuple of all their fields, without the
#: generated `__new__` (a Python frame each, on every line of every page).
make_decision = partial(tuple.__new__, Decision)
make_block = partial(tuple.__new__, Block)
#: The fields of a `Block` after `kind, text, position`, at their defaults.
BLOCK_DEFAULTS = tuple(Block._field_defaults.values())


@dataclass(frozen=True, slots=True)
class Turn:
    speaker: str
    text: str


@dataclass(frozen=True, slots=True)
class Section:
    """A lecture section (heading + blocks) or a Q&A section (heading + turns)."""

    kind: Literal["lecture", "qa"]
    heading: str | None
    blocks: tuple[Block, ...] = ()
    turns: tuple[Turn, ...] = ()


class Removed(NamedTuple):
    """A block that is not part of the article, and why (a page has a hundred of them)."""

    reason: str
    text: str


make_removed = partial(tuple.__new__, Removed)


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    published: str | None = None
    location: str | None = None
    authors: tuple[str, ...] = ()
    site: str | None = None
    url: str | None = None
    #: The browser title (`<title>`), where a site names itself beside the headline.
    window_title: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: metadata, sections, and what was removed (with reasons)."""

    title: str | None
    published: str | None
    location: str | None
    authors: tuple[str, ...]
    site: str | None
    url: str | None
    language: str
    sections: tuple[Section, ...]
    removed: tuple[Removed, ...] = ()
    decisions: tuple[Decision, ...] = field(default=(), repr=False, compare=False)
    encoding: str | None = None
    warnings: tuple[str, ...] = ()
    #: Page-level decisions worth explaining (the second opinion's); `--explain` shows them.
    notes: tuple[str, ...] = ()
    #: An interview's speakers: (full name or other spelling, the label its turns carry).
    speaker_aliases: tuple[tuple[str, str], ...] = ()

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """The JSON contract `articlekit/article@1`; `removed` only when `explain`."""
        from articlekit.export.jsonout import article_to_dict

        return article_to_dict(self, explain=explain)

    def to_json(self, *, explain: bool = False, indent: int | None = 2) -> str:
        from articlekit.export.jsonout import article_to_json

        return article_to_json(self, explain=explain, indent=indent)

    def to_markdown(self, *, front_matter: bool = True) -> str:
        """Markdown, headed by the metadata as YAML front matter unless told not to."""
        from articlekit.export.markdown import article_to_markdown

        return article_to_markdown(self, front_matter=front_matter)

    def to_text(self) -> str:
        """The body only: headings, paragraphs, items and turns, blank-line separated."""
        from articlekit.export.text import article_to_text

        return article_to_text(self)

    def converted(
        self,
        to: Target | str,
        *,
        source: str | None = None,
        phrases: Mapping[str, str] | None = None,
    ) -> Article:
        """This article with every text field converted by OpenCC (`zh-Hant`, `zh-TW`,
        `zh-HK`, or `zh-Hans` from Traditional, `source` naming its region)."""
        from articlekit.export.traditional import convert_article

        return convert_article(self, to, source=source, phrases=phrases)
