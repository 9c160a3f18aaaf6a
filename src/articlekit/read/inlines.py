"""Inline spans of HTML text: which words of a block are a link, strong, emphasised or
code, as offsets into the block's normalised text; and the few that raw page text
shows by itself (a bare web address, `**strong**`).

The walker collects a block's text as pieces (an element's text, its children's tails)
and marks where a span opens and closes between pieces. Whitespace is collapsed piece
by piece exactly as `normalize_space` collapses the joined text, so a block's `text`
is the same with or without spans, and every mark lands on an offset of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urljoin

from articlekit.model import Block, BlockKind, Inline, InlineKind, SpanMark
from articlekit.read.textblocks import collapse_space

#: Joins a block's pieces while it is normalised (private use: no page text means it).
_JOIN = "\ue000"
_JOIN_RE = re.compile(_JOIN)
#: A space after joins that a space precedes: the run's one space stays before them.
_SPACE_AFTER_JOIN_RE = re.compile(f"(?<= )({_JOIN}+) ")
#: Spaces and joins at the start, or at the end (spaces there are trimmed).
_EDGE_RE = re.compile(f"[ {_JOIN}]+")
_TRAILING_RE = re.compile(f"[ {_JOIN}]+$")
#: Most spans in one block for which runs of emphasis are merged.
MAX_MERGED_SPANS = 100
#: Links that must never be followed from a cleaned article (Markdown's images too).
UNSAFE_SCHEME_RE = re.compile(r"^\s*(?:javascript|vbscript|data|file):", re.IGNORECASE)


def usable_href(href: str | None) -> str | None:
    """The link target worth keeping: not empty, not a jump within the saved page
    (`#top`), not a script or inline data.

    >>> usable_href(" /news/1.html "), usable_href("#comments"), usable_href("javascript:x()")
    ('/news/1.html', None, None)
    """
    href = (href or "").strip()
    if not href or href.startswith("#") or UNSAFE_SCHEME_RE.match(href):
        return None
    return href


def with_inlines(block: Block, *, links: bool = True) -> Block:
    """The block with its spans found from the pieces the walker kept (`pending`);
    without `links`, its links are left out (their words stay)."""
    if not block.pending:
        return block
    found = [text_with_spans(pieces, marks) for pieces, marks in block.pending]
    texts = [text for text, _ in found]
    if block.kind is BlockKind.LIST and texts == list(block.items):
        inlines = joined_spans(texts, [spans for _, spans in found])
    elif texts == [block.text]:
        inlines = found[0][1]
    else:  # never expected: the text wins over spans that might not fit it
        inlines = ()
    if not links:
        inlines = tuple(span for span in inlines if span.kind is not InlineKind.LINK)
    return block._replace(inlines=inlines, pending=())


#: A bare web address in raw page text, up to a space, a quote or CJK punctuation.
_BARE_URL_RE = re.compile(
    r"(?<![\w/.@])https?://[^\s<>\"'`\u3000-\u303f\uff00-\uffef]+", re.IGNORECASE
)
#: Sentence punctuation that ends a sentence after an address, not the address.
_URL_TAIL = ".,;:!?'\"*]}"
#: `**words**` on one line: Markdown's strong, as people type it into plain text.
_STRONG_RE = re.compile(r"\*\*(?=[^\s*])([^\n]*?[^\s*])\*\*")
#: Blocks whose text is shown as it is: code, tables, images.
_VERBATIM_KINDS = frozenset({BlockKind.CODE, BlockKind.TABLE, BlockKind.IMAGE})


def text_spans(block: Block, *, links: bool = True) -> Block:
    """The block with the spans its raw text shows by itself: `**words**` are strong
    (the asterisks are markup, not words, and leave the text) and a bare web address
    links to itself. Text pages have no markup, but people paste both.

    >>> block = text_spans(Block(BlockKind.PARAGRAPH, "A **big** day: https://example.org/a.", 0))
    >>> block.text, [(span.kind.value, block.text[span.start : span.end]) for span in block.inlines]
    ('A big day: https://example.org/a.', [('strong', 'big'), ('link', 'https://example.org/a')])
    """
    if block.kind in _VERBATIM_KINDS or ("*" not in block.text and "://" not in block.text):
        return block
    if block.kind is BlockKind.LIST:
        if block.text != "\n".join(block.items):
            return block
        found = [_raw_spans(item, links) for item in block.items]
        items = tuple(text for text, _ in found)
        inlines = joined_spans(items, [spans for _, spans in found])
        return block._replace(text="\n".join(items), items=items, inlines=inlines)
    text, inlines = _raw_spans(block.text, links)
    return block._replace(text=text, inlines=inlines)


def _raw_spans(text: str, links: bool) -> tuple[str, tuple[Inline, ...]]:
    spans: list[Inline] = []
    parts: list[str] = []
    kept = 0  # characters of the text without asterisks so far
    position = 0
    for match in _STRONG_RE.finditer(text):
        parts.append(text[position : match.start()])
        kept += match.start() - position
        words = match.group(1)
        spans.append(Inline(InlineKind.STRONG, kept, kept + len(words)))
        parts.append(words)
        kept += len(words)
        position = match.end()
    parts.append(text[position:])
    text = "".join(parts)
    if links:
        for match in _BARE_URL_RE.finditer(text):
            address = match.group().rstrip(_URL_TAIL)
            if address.endswith(")") and "(" not in address:
                address = address.rstrip(")")
            start, end = match.start(), match.start() + len(address)
            if not any(_crosses(span, start, end) for span in spans):
                spans.append(Inline(InlineKind.LINK, start, end, address))
    spans.sort(key=lambda span: (span.start, -span.end))
    return text, tuple(spans)


def text_with_spans(
    pieces: Sequence[str], marks: Sequence[SpanMark]
) -> tuple[str, tuple[Inline, ...]]:
    """The normalised text of the pieces and the spans the marks delimit in it.

    >>> text_with_spans(["Read ", "the  report", " now."], [(1, True, InlineKind.LINK, "/r"),
    ...                                                    (2, False, InlineKind.LINK, "/r")])
    ('Read the report now.', (Inline(kind=<InlineKind.LINK: 'link'>, start=5, end=15, href='/r'),))
    """
    text, offsets = _normalised(pieces)
    open_spans: list[tuple[InlineKind, str, int]] = []
    spans: list[Inline] = []
    for index, opens, kind, href in marks:
        at = offsets[index]
        if opens:
            open_spans.append((kind, href, at))
            continue
        for position in range(len(open_spans) - 1, -1, -1):
            if open_spans[position][0] is kind:
                _, href, start = open_spans.pop(position)
                spans.append(Inline(kind, start, at, href))
                break
    spans += [Inline(kind, start, len(text), href) for kind, href, start in open_spans]
    return text, _trimmed(text, _usable(spans))


def _usable(spans: list[Inline]) -> list[Inline]:
    """The spans, each link with its address as `usable_href` keeps it, or gone."""
    kept = []
    for span in spans:
        if span.kind is InlineKind.LINK:
            href = usable_href(span.href)
            if href is None:
                continue
            span = span._replace(href=href)
        kept.append(span)
    return kept


def _normalised(pieces: Sequence[str]) -> tuple[str, list[int]]:
    """The joined pieces collapsed as `normalize_space` does, and the offset in it where
    each piece starts (and, last, the length).

    Done on the whole block with a few regex passes rather than piece by piece (most
    blocks with links are menus, and this runs for each of them): the pieces are joined
    by a private-use character, a whitespace run across a join keeps its one space
    before the join, and each join's position less the joins before it is its offset.
    """
    if not pieces or any(_JOIN in piece for piece in pieces):
        return _normalised_piecewise(pieces)
    joined = collapse_space(_JOIN.join(pieces))
    joined = _SPACE_AFTER_JOIN_RE.sub(r"\1", joined)
    if lead := _EDGE_RE.match(joined):
        joined = lead.group().replace(" ", "") + joined[lead.end() :]
    if (tail := _TRAILING_RE.search(joined)) is not None:
        joined = joined[: tail.start()] + tail.group().replace(" ", "")
    text = joined.replace(_JOIN, "")
    offsets = [0]
    offsets += (m.start() - k for k, m in enumerate(_JOIN_RE.finditer(joined)))
    offsets.append(len(text))
    return text, [min(offset, len(text)) for offset in offsets]


def _normalised_piecewise(pieces: Sequence[str]) -> tuple[str, list[int]]:
    """`_normalised` one piece at a time: for pieces that hold the joining character."""
    offsets, parts, length, after_space = [], [], 0, True
    for piece in pieces:
        offsets.append(length)
        collapsed = collapse_space(piece)
        if after_space and collapsed.startswith(" "):
            collapsed = collapsed[1:]
        if collapsed:
            parts.append(collapsed)
            length += len(collapsed)
            after_space = collapsed.endswith(" ")
    offsets.append(length)
    text = "".join(parts).rstrip(" ")
    return text, [min(offset, len(text)) for offset in offsets]


def _trimmed(text: str, spans: list[Inline]) -> tuple[Inline, ...]:
    """Spans without spaces at their edges, empty ones dropped, outer before inner."""
    kept = []
    for span in spans:
        start, end = span.start, span.end
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if start < end:
            kept.append(span._replace(start=start, end=end))
    kept = _merged(text, kept)
    kept.sort(key=lambda span: (span.start, -span.end))
    return tuple(kept)


def _merged(text: str, spans: list[Inline]) -> list[Inline]:
    """Emphasis the page wrote as several elements in a row (`<em>Follow us on</em>
    <em><a>Facebook</a></em>`) as one span: Markdown reads alike, and more tidily. Two
    spans are merged only when no other span would cross the merged one (spans nest),
    and only on blocks of a sane number of spans (checking is quadratic)."""
    if len(spans) > MAX_MERGED_SPANS:
        return spans
    out: list[Inline] = []
    for span in sorted(spans, key=lambda s: (s.kind is InlineKind.LINK, s.start)):
        previous = out[-1] if out else None
        if (
            previous is not None
            and span.kind is previous.kind
            and span.kind in (InlineKind.STRONG, InlineKind.EMPHASIS)
            and previous.end <= span.start
            and not text[previous.end : span.start].strip(" ")
            and not any(_crosses(o, previous.start, span.end) for o in (*spans, *out))
        ):
            out[-1] = previous._replace(end=span.end)
        else:
            out.append(span)
    return out


def _crosses(span: Inline, start: int, end: int) -> bool:
    return span.start < start < span.end < end or start < span.start < end < span.end


def resolve_href(href: str, base: str | None) -> str:
    """A link's address resolved against the article's URL, when it has one."""
    return urljoin(base, href) if base else href


def joined_spans(texts: Sequence[str], spans: Sequence[tuple[Inline, ...]]) -> tuple[Inline, ...]:
    """The spans of texts joined by newlines (a list's items), as offsets of the whole."""
    joined: list[Inline] = []
    offset = 0
    for text, own in zip(texts, spans, strict=True):
        joined += (s._replace(start=s.start + offset, end=s.end + offset) for s in own)
        offset += len(text) + 1
    return tuple(joined)
