"""Markdown: YAML front matter, `# title`, `## heading` per section, bold speakers.

Text from web pages is escaped where it would change the document's structure (a line
starting with `#`, `>`, `-`, `1.`; tag-like `<…`; emphasis and link brackets), and
image links keep only http(s) or relative addresses — never `javascript:` or `data:`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import quote

from articlekit.judge.vocab import CJK_RUN_RE
from articlekit.model import Article, Block, BlockKind, Inline, InlineKind, Section
from articlekit.read.inlines import UNSAFE_SCHEME_RE, resolve_href

#: Line starts that Markdown would read as syntax. The indentation is horizontal space
#: taken whole: `^\\s*` also ran across newlines, so each of n blank lines rescanned the
#: rest (quadratic).
#: An address CommonMark takes as an autolink `<…>` just as it is.
_AUTOLINK_RE = re.compile(r"https?://[^\s<>\x00-\x1f\x7f]+", re.IGNORECASE)
_LINE_START_RE = re.compile(r"^([^\S\n]*+)([#>+=|]|[-*](?=\s|$))", re.MULTILINE)
_ORDERED_RE = re.compile(r"^([^\S\n]*+\d++)([.)])(?=\s|$)", re.MULTILINE)
_INLINE_RE = re.compile(r"([\\`*\[\]])|<(?=[A-Za-z/!?])|(?<!\w)_|_(?!\w)")
_SAFE_URL_RE = re.compile(r"^(?:https?://|//|/|\./|\.\./|[\w.-]+(?:/|$))", re.IGNORECASE)
_URL_UNSAFE_RE = re.compile(r"[\s\x00-\x1f\x7f-\x9f()<>\\`]")
_BACKTICKS_RE = re.compile(r"`+")
#: A fence's info string: a language name, never a backtick or a line break.
_INFO_RE = re.compile(r"[A-Za-z0-9_+#.-]{0,30}")


def article_to_markdown(article: Article, *, front_matter: bool = True) -> str:
    """The whole article as Markdown; `front_matter` heads it with the metadata (YAML)."""
    parts = [_front_matter(article)] if front_matter else []
    if article.title:
        parts.append(f"# {escape_markdown(article.title)}")
    parts.extend(_section(s, article.url) for s in article.sections)
    return "\n\n".join(p for p in parts if p) + "\n"


def escape_markdown(text: str) -> str:
    """Escape what would otherwise become Markdown structure or HTML.

    >>> escape_markdown("# 不是标题 <script>alert(1)</script> *强调*")
    '\\\\# 不是标题 &lt;script>alert(1)&lt;/script> \\\\*强调\\\\*'
    >>> escape_markdown("snake_case stays")
    'snake_case stays'
    """
    text = _INLINE_RE.sub(lambda m: "&lt;" if m.group(0) == "<" else "\\" + m.group(0), text)
    text = _ORDERED_RE.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", text)
    return _LINE_START_RE.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", text)


def safe_url(url: str) -> str | None:
    """The URL if it is safe to link to, else None.

    >>> safe_url("javascript:alert(1)") is None, safe_url("https://a.b/c.png")
    (True, 'https://a.b/c.png')
    """
    url = url.strip()
    if not url or UNSAFE_SCHEME_RE.match(url) or not _SAFE_URL_RE.match(url):
        return None
    # Whitespace, controls, brackets and angle brackets would end the link or open HTML.
    return _URL_UNSAFE_RE.sub(lambda m: quote(m.group(0), safe=""), url)


def code_block(text: str, language: str = "") -> str:
    r"""A fenced code block whose fence is longer than any run of backticks inside, so
    no line of the code can close it early (and let page HTML out as live HTML); the
    language, when known, on the opening fence.

    >>> code_block("a\n````\n<script>")
    '`````\na\n````\n<script>\n`````'
    >>> code_block("print(1)", "python")
    '```python\nprint(1)\n```'
    """
    fence = "`" * max(3, _longest_backtick_run(text) + 1)
    info = language if _INFO_RE.fullmatch(language) else ""
    return f"{fence}{info}\n{text}\n{fence}"


def _front_matter(article: Article) -> str:
    fields: dict[str, object] = {
        "title": article.title,
        "published": article.published,
        "location": article.location,
        "authors": list(article.authors) or None,
        "site": article.site,
        "url": article.url,
        "language": article.language,
    }
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items() if v]
    return "---\n" + "\n".join(lines) + "\n---"


def _section(section: Section, base: str | None) -> str:
    parts = [f"## {escape_markdown(section.heading)}"] if section.heading else []
    parts.extend(_block(b, base) for b in section.blocks)
    for turn in section.turns:
        speaker = escape_markdown(turn.speaker)
        # A Chinese label takes the full-width colon (`**问：**`), as the page printed it.
        colon = "：" if CJK_RUN_RE.search(turn.speaker) else ":"
        parts.append(f"**{speaker}{colon}** {escape_markdown(turn.text)}")
    return "\n\n".join(p for p in parts if p)


def _block(block: Block, base: str | None) -> str:
    if block.kind is BlockKind.LIST:
        if block.inlines:
            items = inline_markdown(block.text, block.inlines, base).split("\n")
        else:
            items = [escape_markdown(item) for item in block.items]
        if len(block.item_marks) != len(items):
            return "\n".join(f"- {item}" for item in items)
        return _nested_list(items, block.item_marks)
    if block.kind is BlockKind.QUOTE:
        if block.inlines:
            return "> " + inline_markdown(block.text, block.inlines, base)
        return "\n".join(
            f"> {escape_markdown(line)}" if line else ">" for line in block.text.split("\n")
        )
    if block.kind is BlockKind.CODE:
        return code_block(block.text, block.code_language)
    if block.kind is BlockKind.IMAGE:
        url = safe_url(resolve_href(block.src, base))
        alt = escape_markdown(block.text.replace("\n", " "))
        if not url:
            return ""
        image = f"![{alt}]({url})"
        if block.caption:  # the caption under the picture, on a line of its own
            caption = inline_markdown(block.caption.replace("\n", " "), (), None)
            return (
                f"{image}\\\n*{caption}*"
                if _delimits(" ", caption, " ")
                else f"{image}\\\n{caption}"
            )
        return image
    if block.kind is BlockKind.TABLE:
        return _table(block.rows)
    return inline_markdown(block.text, block.inlines, base)


def _nested_list(items: list[str], marks: tuple[tuple[int, int], ...]) -> str:
    """Items at their depth, numbered where the page numbered them. A nested item is
    indented to its parent's text (two columns under `- `, three under `1. `), as
    CommonMark requires; a depth the page skipped is taken as one level deeper.

    >>> print(_nested_list(["a", "b", "c", "d"], ((0, 3), (1, 0), (1, 0), (0, 4))))
    3. a
       - b
       - c
    4. d
    """
    lines, columns = [], [0]
    for item, (depth, number) in zip(items, marks, strict=True):
        depth = min(depth, len(columns) - 1)
        del columns[depth + 1 :]
        marker = f"{number}." if number else "-"
        indent = columns[depth]
        lines.append(f"{' ' * indent}{marker} {item}")
        columns.append(indent + len(marker) + 1)
    return "\n".join(lines)


def _table(rows: tuple[tuple[str, ...], ...]) -> str:
    if not rows:
        return ""
    width = max(len(r) for r in rows)

    def cell(text: str) -> str:
        return escape_markdown(text).replace("|", "\\|").replace("\n", " ")

    # Only the header row is padded to the widest row (GFM fills shorter rows itself):
    # padding every row made a ragged table's Markdown grow with rows × widest row.
    header = (*rows[0], *[""] * (width - len(rows[0])))
    lines = ["| " + " | ".join(cell(c) for c in row) + " |" for row in (header, *rows[1:])]
    lines.insert(1, "|" + " --- |" * width)
    return "\n".join(lines)


def inline_markdown(text: str, inlines: tuple[Inline, ...], base: str | None = None) -> str:
    """The text with its spans in CommonMark: `[words](url)` (resolved against `base`),
    `**strong**`, `*emphasis*`, `` `code` ``; everything else escaped as always.

    A strong or emphasised span whose delimiters CommonMark would not read as such (a
    span starting or ending in punctuation next to a letter: `**“Yes,”**she said`)
    keeps its words and loses the stars, rather than printing them.

    >>> from articlekit.model import Inline, InlineKind
    >>> inline_markdown("See the report, *now*.", (
    ...     Inline(InlineKind.LINK, 4, 14, "/r.html"), Inline(InlineKind.STRONG, 8, 14)),
    ...     "https://example.com/news/")
    'See [the **report**](https://example.com/r.html), \\\\*now\\\\*.'
    """
    if not inlines:
        return escape_markdown(text)
    return _render(text, sorted(inlines, key=lambda s: (s.start, -s.end)), 0, len(text), base)


def _render(text: str, spans: list[Inline], start: int, end: int, base: str | None) -> str:
    """Text[start:end] with the spans that lie inside it (outer ones first)."""
    out: list[str] = []
    at = start
    index = 0
    while index < len(spans):
        span = spans[index]
        # Sorted outer first, a span's inner spans follow it (spans nest: each is taken
        # once per level, so a page of many spans costs its nesting depth, not n²).
        following = index + 1
        while following < len(spans) and spans[following].start < span.end:
            following += 1
        inner = spans[index + 1 : following]
        index = following
        if span.start < at or span.end > end:  # crosses another span: its words only
            continue
        out.append(escape_markdown(text[at : span.start]))
        out.append(_span(text, span, inner, base))
        at = span.end
    out.append(escape_markdown(text[at:end]))
    return "".join(out)


def _span(text: str, span: Inline, inner: list[Inline], base: str | None) -> str:
    words = text[span.start : span.end]
    if span.kind is InlineKind.CODE:
        return _code_span(words)
    rendered = _render(text, inner, span.start, span.end, base)
    if span.kind is InlineKind.LINK:
        url = safe_url(resolve_href(span.href, base))
        if url == words and _AUTOLINK_RE.fullmatch(url):
            return f"<{url}>"  # an address that is its own text (a bare URL in raw text)
        return f"[{rendered}]({url})" if url and "\n" not in rendered else rendered
    before = text[span.start - 1] if span.start > 0 else " "
    after = text[span.end] if span.end < len(text) else " "
    if not _delimits(before, rendered, after):
        return rendered
    stars = "**" if span.kind is InlineKind.STRONG else "*"
    return f"{stars}{rendered}{stars}"


def _delimits(before: str, inside: str, after: str) -> bool:
    """Whether `*` runs around `inside` open and close emphasis (CommonMark's flanking
    rules: the opening run must be left-flanking, the closing one right-flanking)."""
    first, last = inside[0], inside[-1]
    if first.isspace() or last.isspace() or "\n" in inside:
        return False
    opens = not _is_punctuation(first) or before.isspace() or _is_punctuation(before)
    closes = not _is_punctuation(last) or after.isspace() or _is_punctuation(after)
    return opens and closes


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in _BACKTICKS_RE.findall(text)), default=0)


def _code_span(words: str) -> str:
    """Backticks one longer than any run inside, padded when the code starts or ends
    with a backtick."""
    fence = "`" * (_longest_backtick_run(words) + 1)
    pad = " " if words.startswith("`") or words.endswith("`") else ""
    return f"{fence}{pad}{words}{pad}{fence}"
