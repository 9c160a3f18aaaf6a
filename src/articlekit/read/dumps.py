"""Terminal text dumps → the lines a browser would show.

A text browser's dump (`lynx -dump`, `w3m -dump`, `links -dump`, a page printed to a
terminal) breaks every paragraph into lines that fit its screen, indents paragraphs,
draws bullets as `*`/`+`/`o`, tables with box-drawing characters, form controls as
`(BUTTON)` or `[____]`, and may number every link (`[12]`) and list the addresses at
the end. The classifier was built for one visual line per paragraph (`innerText`): on
a dump it sees hundreds of 72-column fragments that end mid-sentence and takes them
for chrome. `unwrap_dump` rebuilds that one-line-per-paragraph text and leaves every
other text exactly as it was.

The evidence that a text is hard-wrapped is the shape of its line lengths: the long
lines pile up just under one column limit and almost none goes past it, while a
browser's text has paragraphs of every length. A line is a wrapped part of the next
one when the next line's first word would not have fitted after it: that is the one
reason a wrapping program breaks a line, so short lines in a row (a menu) stay apart
however they are indented. Lengths are measured both in characters and in terminal
columns (a CJK character is two), since renderers count either way.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from articlekit.judge.vocab import CLAUSE_PUNCT, CLOSERS, SENTENCE_END

#: Lines at least this long (in the measure tried) show where the wrapping limit is;
#: shorter ones are menu entries, headings and paragraph tails.
MIN_MEASURED = 30
#: Fewest such lines for a text to be judged: a short note can't show a limit.
MIN_LONG_LINES = 8
#: Columns below the limit that a wrapped line ends within (a wrapper leaves at most
#: one word's room; 12 columns holds all but the longest English words).
PILE_COLUMNS = 12
#: Fewest lines ending within that window of a limit, and the narrowest limit: a
#: screen narrower than 40 columns is no screen a page is read on.
MIN_PILE = 5
MIN_LIMIT = 40
#: Fewest lines ending within `FIT_SLACK` of a limit: a wrapper fills many lines to
#: the edge, and one heading a few columns past the text's lines is no edge (it set a
#: short story's limit past all of its lines, and none joined).
MIN_AT_LIMIT = 2
#: The widest screen a dump is wrapped for (columns).
MAX_LIMIT = 250
#: The limit of a dump that is not wrapped: no line's next word reaches it.
_UNWRAPPED = 10**9
#: The histogram's last bin: every length past the widest limit's window.
_TOP_BIN = MAX_LIMIT + 2 * PILE_COLUMNS
#: Share of the long lines allowed past the limit: an unbreakable address or a
#: table row. Measured per page: the terminal dumps of the dev pages (lynx, w3m,
#: links, elinks, html2text) have none past it on most pages; a browser's text has
#: 5 % or more on every dev page but the few whose source was wrapped by hand.
MAX_OVER_SHARE = 0.04
#: Share of the lines at the limit that may end a sentence (wrapped dev dumps: about
#: a tenth; a run of equal paragraphs: all).
MAX_ENDED_SHARE = 0.5
#: Columns of slack in the "the next word would not fit" test: renderers differ by a
#: column or two in where they stop (a reserved last column, a trailing space).
FIT_SLACK = 2
#: Columns under the limit where a line that does not end a sentence is still taken
#: as wrapped: the limit is read off the longest lines, and a heading or a menu entry
#: that ran past the screen can set it a few columns past where the text was broken.
#: (English dumps, dev half A: lynx 0.916 -> 0.924, links 0.906 -> 0.924.)
UNSURE_COLUMNS = 6
#: Fewest lines of a run that must end at one width for it to be a column's.
MIN_COLUMN_LINES = 3
#: Fewest marks of a renderer's drawing for a text that is not wrapped to be a dump.
MIN_DRAWN_MARKS = 5

#: Marks a renderer prints where the page had a form control, an image without
#: words or a frame: `(BUTTON)`, `[ ]`, `(*)`, `[Search______]`, `[IMG]`, `[image]`,
#: `[logo.gif]`, `[https://…/photo.jpg?w=300]`. They are the renderer's, not the page's.
_WIDGET_RE = re.compile(
    r"\((?:BUTTON|RADIO|submit|reset)\)|\[(?:BUTTON|IMG|INLINE|image|img|EMBED|"
    r"IFRAME|LINK|x|X| )\]|\((?:\*| )\)|\[[^\]\n]{0,40}_{3,}[^\]\n]{0,40}\]|"
    r"\[[^\s\[\]]{0,300}\.(?:gif|jpe?g|png|webp|svg|bmp|ico)(?:[?#][^\s\[\]]{0,300})?\]|"
    r"^\s*IFRAME:.*$",
    re.IGNORECASE,
)
#: A line of bracketed labels alone (`[avw]`, `[photo-750x450][photo-750x450]`): the
#: alt text or file name a renderer prints for a picture, never a sentence.
_LABELS_ONLY_RE = re.compile(r"(?:\s*\[[^\[\]\n]{1,100}\])+\s*")
#: A link's reference number before its words, as lynx and elinks print them.
_LINK_NUMBER_RE = re.compile(r"\[\d{1,5}\]")
#: The heading of the list of link addresses at a dump's end, and one entry of it.
_REFERENCES_HEADINGS = ("References", "Visible links", "Hidden links")
_REFERENCES_RE = re.compile(rf"^\s*(?:{'|'.join(_REFERENCES_HEADINGS)})\s*:?\s*$")
_REFERENCE_RE = re.compile(  # an address, never `1. Smith: A Book`
    r"^\s*(?:\d{1,5}\.|\[\d{1,5}\])\s+"
    r"(?:[A-Za-z][\w+.-]{0,30}://|(?:mailto|javascript|tel|sms|data|news|about):)"
)
_NUMBERED_RE = re.compile(r"^\s*\d{1,5}\.\s+\S")
#: Lines of words allowed inside a closing address list, in a row and in all (per
#: entry): an address may hold line breaks (`mailto:…?body=…`); the article's text
#: above the list is many lines of words.
MAX_STRAY_RUN = 12
MAX_STRAY_SHARE = 0.2
#: A `<link>` element of the page's head, listed by its number (`Link: [1]canonical`).
_LINK_ELEMENT_RE = re.compile(r"^\s*Link: \[\d{1,5}\]")
#: Bullets no wrapped line of prose starts with (letters, digits and dashes can);
#: renderers draw each level of a nested list with another (w3m: `•`, `□`, `☆`, `○`).
_DRAWN_BULLETS = "*•◦▪▫■□●○‣∙·☆★◆◇"
#: A bullet as renderers draw them, or a number.
_BULLET_RE = re.compile(rf"(?:[+#o{_DRAWN_BULLETS}-]|\d{{1,3}}[.)])\s+(?=\S)")
#: A line opening with a drawn bullet under an indentation (a nested list's level),
#: sought after the newline before it (a literal first character: a fast scan).
_DRAWING_RE = re.compile(rf"\n[ \t]+[+#o{_DRAWN_BULLETS}-][ \t]+\S")
#: Every sign a bullet is drawn with, and the space after it.
_BULLET_SIGNS = " +#o-" + _DRAWN_BULLETS
#: A heading drawn between runs of marks (`****** Title ******`, `== Title ==`): the
#: marks are the renderer's way of showing the level. (The title ends in a non-space:
#: a lazy title with spaces after it was quadratic in a long run of spaces.)
_MARKED_HEADING_RE = re.compile(r"(?:\*{3,}|={2,})\s+(\S(?:.*\S)?)\s+(?:\*{3,}|={2,})")
#: Words joined by the underscores a renderer drew for a link's spaces (each run of
#: letters tried once, from its start, never given back: a long CJK run is one step),
#: and one or two of those underscores (three or more are a form field's blank).
_UNDERLINED_RUN_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]++(?:_[^\W\d_]++){2,}")
_UNDERLINE_RE = re.compile(r"\[[^\[\]\n]*\]|(?<=[^\W_])_{1,2}(?!_)|(?<!_)_{1,2}(?=[^\W_])")
#: Table borders and rules; a line of them alone, or a heading's underline, is drawing.
_BOX_CHARS = "│┃║├┤┼┌┐└┘─━═╋┏┓┗┛┣┫┳┻╔╗╚╝╠╣╦╩╬┬┴"
_BOX_RE = re.compile(f"[{_BOX_CHARS}]")
#: A frame's sides and the space inside them.
_FRAME = _BOX_CHARS + " \t"
_RULE_RE = re.compile(rf"^[\s{_BOX_CHARS}=_~*+-]*$")
#: The marks running text has inside its lines (a menu line has none); a Latin one
#: only before a space (`U.S.`, `http:` are no clause's end).
_MARKS = CLAUSE_PUNCT + SENTENCE_END
_CLAUSE_MARK_RE = re.compile(
    "[{}]|[{}](?=\\s)".format(
        re.escape("".join(ch for ch in _MARKS if not ch.isascii())),
        re.escape("".join(ch for ch in _MARKS if ch.isascii())),
    )
)
#: Characters a terminal draws two columns wide (Unicode's East Asian Wide and
#: Fullwidth blocks: Hangul Jamo, CJK, kana, Hangul syllables, fullwidth forms), in runs.
_WIDE = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U00020000-\U0003fffd"
)
_WIDE_RUN_RE = re.compile(f"[{_WIDE}]+")
#: What a wrapper cannot break: a run of letters without a space, up to a CJK
#: character (a line may break before any of them).
_WORD_RE = re.compile(f"[^\\s{_WIDE}]+")


def unwrap_dump(text: str) -> str:
    """The text with each hard-wrapped paragraph on one line again; other text unchanged.

    >>> dump = ("   The council voted on Tuesday to close the old bridge to traffic from\\n"
    ...         "   next month, after engineers found cracks in two of its supports.\\n")
    >>> unwrap_dump(dump * 9).splitlines()[0].endswith("from next month, after engineers found cracks in two of its supports.")
    True
    >>> unwrap_dump("Home\\nNews\\n\\nA paragraph of a browser's text.")
    "Home\\nNews\\n\\nA paragraph of a browser's text."
    """
    # The address list is left out before the limit is measured: its long
    # addresses run past any screen width.
    lines, numbered_links = text.splitlines(), False
    if any(heading in text for heading in _REFERENCES_HEADINGS):  # most texts: none
        lines, numbered_links = _without_references(lines)
    layout = _wrap_layout(lines)
    if layout is None and not numbered_links and not _is_drawn(text):
        return text
    # Not wrapped (a wide screen, a renderer that breaks only at spaces, short
    # paragraphs) but still drawn: each line stays a line, without the renderer's marks.
    rebuilt = "\n".join(_rebuild(lines, layout, numbered_links))
    return _UNDERLINE_RE.sub(_unless_label, rebuilt) if _underlines_links(text) else rebuilt


def _unless_label(match: re.Match[str]) -> str:
    """A space for a link's underscores; a picture's bracketed label as it was (drawn
    whole, its words stay one mark, not a sentence of the article)."""
    return match.group() if match.group().startswith("[") else " "


def _underlines_links(text: str) -> bool:
    """Whether the renderer drew each link's spaces as underscores (html2text does:
    `the_United_States_once_again`): `MIN_DRAWN_MARKS` runs of three words or more
    joined by them. A page's own names with underscores are rarely that many words
    (English dumps by other renderers: at most one run on a dev page in four; html2text's
    dumps: 21 a page, median)."""
    runs = _UNDERLINED_RUN_RE.finditer(text)
    return next(itertools.islice(runs, MIN_DRAWN_MARKS - 1, None), None) is not None


def _is_drawn(text: str) -> bool:
    """Whether a renderer drew the text: `MIN_DRAWN_MARKS` lines open with a bullet
    under an indentation. A browser's text has none (no `innerText` dev page has one;
    the unwrapped dumps, dozens)."""
    marks = _DRAWING_RE.finditer("\n" + text)
    return next(itertools.islice(marks, MIN_DRAWN_MARKS - 1, None), None) is not None


@dataclass(frozen=True, slots=True)
class _Layout:
    """How the dump was wrapped: at `limit`, counting CJK characters as `wide` columns."""

    limit: int
    wide: int


def _wrap_layout(lines: list[str]) -> _Layout | None:
    """The wrapping limit and measure, or None when the text is not hard-wrapped.

    The limit is the cliff of the line lengths: the length with the most lines just
    below it for the fewest just above. The text is wrapped there when almost no line
    runs past it; in a browser's text, paragraphs run past any such length.

    >>> _wrap_layout(["x" * 70 + " end"] * 20).limit
    74
    >>> _wrap_layout(["a" * n for n in range(30, 400, 10)]) is None
    True
    """
    # Lines under half the shortest measured length cannot reach it in either measure.
    texts = [text for text in map(str.rstrip, lines) if len(text) >= MIN_MEASURED // 2]
    narrow = list(map(len, texts))  # each line measured once per measure, in C
    if sum(map((MAX_LIMIT + FIT_SLACK).__lt__, narrow)) > MAX_OVER_SHARE * len(texts):
        # Lines longer than any screen, in more than the share allowed past a limit
        # even when every wide character counts twice: a browser's text (the cheap
        # answer for most pages, from lengths alone; a frame's borders, left out
        # below, never make a line that long).
        return None
    page = "\n".join(texts)
    if _BOX_RE.search(page):  # one search for the page: most have no drawing
        # A frame's borders are no text: a line framed on its sides is as long as
        # what it holds. A table's row (a border inside it) is as wide as the table.
        texts = [_framed_text(text) for text in texts if not _BOX_RE.search(text.strip(_FRAME))]
        narrow = list(map(len, texts))
        page = "\n".join(texts)
    best: tuple[float, int, _Layout] | None = None
    measures = [(1, narrow)]
    # The wide characters of every line counted in one substitution over the page;
    # counting them twice changes nothing in a text without any.
    narrow_page = page if page.isascii() else _WIDE_RUN_RE.sub("", page)
    if len(narrow_page) < len(page):
        rests = narrow_page.split("\n")
        measures.append(
            (2, [_columns(n, len(rest), 2) for n, rest in zip(narrow, rests, strict=True)])
        )
    for wide, widths in measures:
        counts = [0] * (_TOP_BIN + 1)
        for width, lines_of_width in Counter(widths).items():  # counted in C
            if width >= MIN_MEASURED:  # short lines show no limit
                counts[min(width, _TOP_BIN)] += lines_of_width
        long_lines = sum(counts)
        if long_lines < MIN_LONG_LINES:
            continue
        limit = _cliff(counts, MAX_OVER_SHARE * long_lines, max(widths))
        if limit is None:
            continue
        over = sum(counts[limit + FIT_SLACK + 1 :])
        if not _pile_ends_sentences(texts, widths, limit):
            candidate = (over / long_lines, -sum(counts[limit - PILE_COLUMNS : limit + 1]))
            if best is None or candidate < best[:2]:
                best = (*candidate, _Layout(limit=limit, wide=wide))
    return best[2] if best else None


def _framed_text(line: str) -> str:
    """The line with a space where its frame or table borders stood."""
    return _BOX_RE.sub(" ", line).rstrip() if _BOX_RE.search(line) else line


def _pile_ends_sentences(lines: list[str], widths: list[int], limit: int) -> bool:
    """Whether most lines ending just under the limit end a sentence: then they are
    paragraphs of one length (a list of equal lines, a poem), not wrapped text, where
    a line ends wherever a word did not fit. (`widths`: the lines' widths.)"""
    pile = ended = 0
    for text, width in zip(lines, widths, strict=True):  # already without trailing spaces
        if limit - PILE_COLUMNS <= width <= limit:
            pile += 1
            ended += text.rstrip(CLOSERS)[-1:] in SENTENCE_END
    return ended > MAX_ENDED_SHARE * pile


def _cliff(counts: list[int], allowed_over: float, widest: int) -> int | None:
    """The length with the most lines at most `PILE_COLUMNS` below it per line at most
    as far above it (at least `MIN_PILE` lines below), among the lengths that at most
    `allowed_over` lines run past; or None. (A pile of short lines, a menu's, can be
    steeper than the wrapped text's, but lines of text run past it.) `widest`: the
    longest line's length.

    Lengths are tried from the widest down: fewer lines run past a longer one, so the
    first that too many run past ends the search (a browser's text: at once).
    """
    prefix = [0, *itertools.accumulate(counts)]
    total = prefix[-1]
    best: tuple[float, int] | None = None
    for limit in range(min(widest, MAX_LIMIT), MIN_LIMIT - 1, -1):
        if total - prefix[min(limit + FIT_SLACK + 1, len(counts))] > allowed_over:
            break
        if not counts[limit]:
            continue
        below = prefix[limit + 1] - prefix[limit - PILE_COLUMNS]
        if below < MIN_PILE or prefix[limit + 1] - prefix[limit - FIT_SLACK] < MIN_AT_LIMIT:
            continue
        above = prefix[limit + PILE_COLUMNS + 1] - prefix[limit + 1]
        ratio = below / (above + 1)
        if best is None or ratio >= best[0]:  # the shorter of equally steep lengths
            best = (ratio, limit)
    return best[1] if best else None


def _measure(text: str, wide: int) -> int:
    """Columns `text` takes, a wide (CJK) character counting `wide`.

    >>> _measure("AI芯片", 2), _measure("AI芯片", 1)
    (6, 4)
    """
    if wide == 1 or text.isascii():
        return len(text)
    return _columns(len(text), len(_WIDE_RUN_RE.sub("", text)), wide)  # one pass in C


def _columns(length: int, narrow_length: int, wide: int) -> int:
    """Columns of a text of `length` characters, `narrow_length` of them not wide."""
    return length + (wide - 1) * (length - narrow_length)


def _without_references(lines: list[str]) -> tuple[list[str], bool]:
    """The lines without a closing list of link addresses, and whether there was one
    (then the link numbers that point into it, `[12]Sports`, are the renderer's too;
    without it they may be the article's own citations).

    The list is the run of entries (`12. http://…`, `[12] http://…`, or a numbered
    title over its address), the addresses' wrapped tails and headings (`References`,
    `Visible links`) that ends the text.

    >>> _without_references(["[1]Home", "", "References", "", "   1. http://a/", "   2. b", "\thttp://b/"])
    (['[1]Home', ''], True)
    """
    start = len(lines)
    heading = None
    after = ""
    entries = strays = strays_below_heading = run = 0
    while start > 0 and run <= MAX_STRAY_RUN:
        line = lines[start - 1]
        stripped = line.strip()
        if _REFERENCES_RE.match(line):
            heading, strays_below_heading = start - 1, strays
        elif stripped and (
            _REFERENCE_RE.match(line)
            or _is_address(stripped)  # an address's wrapped tail
            or (_NUMBERED_RE.match(line) and _is_address(after))
        ):
            entries += 1
            run = 0
        elif stripped:
            # A line of words inside the list: an address that held line breaks
            # (`mailto:…?body=…`). Past a few such lines in a row the list is over.
            strays += 1
            run += 1
        after = stripped or after
        start -= 1
    if heading is None or strays_below_heading > MAX_STRAY_SHARE * entries:
        return lines, False
    return [line for line in lines[:heading] if not _LINK_ELEMENT_RE.match(line)], True


def _is_address(text: str) -> bool:
    """A web address or a piece of one: one ASCII word (a CJK line has no spaces either)."""
    return text.isascii() and " " not in text


@dataclass(slots=True)
class _Paragraph:
    """A paragraph being rebuilt: its first line's indentation, the indentation its
    wrapped lines take (deeper after a bullet), its words so far, its last line's width
    and how many lines it has."""

    indent: int
    hang: int
    #: The words so far, line by line with what stood at each break (joined once, at the
    #: end: growing one string line by line is quadratic in a long paragraph).
    parts: list[str]
    last_width: int
    lines: int


def _rebuild(lines: list[str], layout: _Layout | None, numbered_links: bool) -> Iterator[str]:
    """Each paragraph of the dump on one line, drawing removed (`layout` None: the dump
    is not wrapped, each line is a paragraph)."""
    current: _Paragraph | None = None
    if layout is None:
        layout = _Layout(limit=_UNWRAPPED, wide=1)
        column_limits = [_UNWRAPPED] * len(lines)
    else:
        column_limits = _column_limits(lines, layout)
    for raw, limit in zip(lines, column_limits, strict=True):
        line = _framed_text(raw.rstrip())
        content = line.lstrip()
        if not content or _RULE_RE.match(content):
            if current is not None:
                yield _render(current, numbered_links)
                current = None
            if not content:
                yield ""
            continue
        heading = _MARKED_HEADING_RE.fullmatch(content)
        if heading:  # a line of its own, however long: its marks close it
            if current is not None:
                yield _render(current, numbered_links)
                current = None
            yield heading.group(1)
            continue
        indent = len(line) - len(content)
        bullet = _BULLET_RE.match(content)
        wrapped = current is not None and _continues(current, indent, content, layout, limit)
        if bullet and wrapped and content[0] not in _DRAWN_BULLETS:
            bullet = None  # `o`, `-`, `10.` at the start of a wrapped line are words
        if current is not None and bullet is None and wrapped:
            current.parts += (_joiner(current.parts[-1], content), content)
            current.last_width = _measure(line, layout.wide)
            current.hang = indent
            current.lines += 1
            continue
        if current is not None:
            yield _render(current, numbered_links)
        hang = indent + (bullet.end() if bullet else 0)
        current = _Paragraph(indent, hang, [content], _measure(line, layout.wide), 1)
    if current is not None:
        yield _render(current, numbered_links)


def _column_limits(lines: list[str], layout: _Layout) -> list[int]:
    """The limit each line was wrapped at: the screen's, or a narrower column's.

    A renderer wraps the text of a layout table's cell at the cell's width, not the
    screen's: a forum post in a 62-column cell came out as one fragment per line. A
    run of lines at one indentation, most of them punctuated like running text and
    half of them ending within a column of one width narrower than the screen, was
    wrapped at that width (a menu's or a headline list's lines are not punctuated).
    """
    limits = [layout.limit] * len(lines)
    start = 0
    while start < len(lines):
        indent = _indent(lines[start])
        end = start + 1
        while end < len(lines) and indent is not None and _indent(lines[end]) == indent:
            end += 1
        if indent is not None and end - start >= MIN_COLUMN_LINES:
            run = [line.rstrip() for line in lines[start:end]]
            widths = [_measure(line, layout.wide) for line in run]
            widest = max(widths)
            at_edge = sum(1 for width in widths if width >= widest - 1)
            punctuated = sum(1 for line in run if _CLAUSE_MARK_RE.search(line))
            if (
                MIN_MEASURED <= widest < layout.limit - FIT_SLACK
                and at_edge >= max(MIN_COLUMN_LINES, len(run) // 2)
                and punctuated * 2 >= len(run)
            ):
                limits[start:end] = [widest] * len(run)
        start = end
    return limits


def _indent(line: str) -> int | None:
    """The indentation of a line with text, None for a blank one."""
    content = line.lstrip()
    return len(line) - len(content) if content else None


def _continues(
    paragraph: _Paragraph, indent: int, content: str, layout: _Layout, limit: int
) -> bool:
    """Whether `content` (a line indented `indent`) is the wrapped rest of `paragraph`:
    its first word would not have fitted on the paragraph's last line (wrapped at
    `limit`), and it sits where wrapped lines of that paragraph sit."""
    # Wrapped lines sit under the paragraph's text; only its second line may sit left
    # of its first (a first-line indent, `　　` in Chinese).
    if indent != paragraph.hang and not (indent < paragraph.indent and paragraph.lines == 1):
        return False
    first = content[0]
    if _is_wide(first):
        room_needed = layout.wide
    else:
        word = _WORD_RE.match(content)
        assert word is not None  # `content` opens with a character neither space nor wide
        room_needed = 1 + word.end()
    width = paragraph.last_width + room_needed
    if width > limit - FIT_SLACK:
        # A word longer than a wrapped line's window is moved down after any line: its
        # break says nothing, and after a sentence's end a new block is likelier.
        return room_needed <= PILE_COLUMNS or not _ends_sentence(paragraph)
    if indent == paragraph.hang > paragraph.indent and _item_goes_on(paragraph, width, limit):
        return True
    if _is_wide(first):
        return False  # a CJK line breaks at any character: it ends where the limit is
    # Within a word of the limit (which is measured from the longest lines, and may be
    # a column or more past where this renderer broke) the line is wrapped unless it
    # ends a sentence: then it more likely ends a paragraph set without a blank line.
    return width > limit - UNSURE_COLUMNS and not _ends_sentence(paragraph)


def _ends_sentence(paragraph: _Paragraph) -> bool:
    return paragraph.parts[-1].rstrip(CLOSERS)[-1:] in SENTENCE_END


def _item_goes_on(paragraph: _Paragraph, width: int, limit: int) -> bool:
    """Whether a list item goes on in the line under its words, though that line's
    first word would have fitted: the bullet drew only a picture (`o [0.gif]`, the
    words below are the item's), or the item's line holds CJK text and ends within a
    wrapped line's window of the limit. A renderer counts a CJK character as one
    column or two, not always the same way on one page (lynx does both), and an item's
    line carries link numbers and picture marks it may or may not count: a forum's
    reply tree was broken after every title, its dates and counters left on lines of
    their own (zh-cwced a6e8b739: lynx 0.48 -> 0.81, elinks 0.41 -> 1.00). Latin text
    gets no such room: an English headline list's category line under each title
    (`Science`) is a block of its own, and its width is counted one way."""
    if paragraph.lines == 1 and not _WIDGET_RE.sub("", paragraph.parts[0]).strip(_BULLET_SIGNS):
        return True
    return width > limit - PILE_COLUMNS and _WIDE_RUN_RE.search(paragraph.parts[-1]) is not None


def _is_wide(ch: str) -> bool:
    return ch > "\u10ff" and _WIDE_RUN_RE.match(ch) is not None


def _joiner(before: str, after: str) -> str:
    """What stood at a line break: nothing between CJK characters, else a space.

    >>> _joiner("一九八九年四", "月"), _joiner("the", "council"), _joiner("达到", "IPS")
    ('', ' ', '')
    """
    if _is_wide(before[-1]) or _is_wide(after[0]):
        return ""
    return " "


def _render(paragraph: _Paragraph, numbered_links: bool) -> str:
    """A rebuilt paragraph as one line of browser-like text, without the renderer's
    marks or its indentation (and its link numbers, when it listed the links); a list
    item's bullet, whatever sign the renderer drew it with, becomes `• `."""
    text = _WIDGET_RE.sub("", "".join(paragraph.parts))
    if numbered_links:
        text = _LINK_NUMBER_RE.sub("", text)
    if _LABELS_ONLY_RE.fullmatch(text):
        return ""
    bullet = _BULLET_RE.match(text)
    if bullet:
        text = "• " + text[bullet.end() :]
    if not text.strip(_BULLET_SIGNS):
        return ""  # a bullet whose item was a picture or a control
    return text
