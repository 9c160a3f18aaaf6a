"""Markdown: YAML front matter, `# title`, `## heading` per section, bold speakers.

Text from web pages is escaped where it would change the document's structure (a line
starting with `#`, `>`, `-`, `1.`; tag-like `<…`; emphasis and link brackets), and
image links keep only http(s) or relative addresses — never `javascript:` or `data:`.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from articlekit.model import Article, Block, BlockKind, Section
from articlekit.vocab import CJK_RUN_RE

#: Line starts that Markdown would read as syntax. The indentation is horizontal space
#: taken whole: `^\\s*` also ran across newlines, so each of n blank lines rescanned the
#: rest (quadratic).
_LINE_START_RE = re.compile(r"^([^\S\n]*+)([#>+=|]|[-*](?=\s|$))", re.MULTILINE)
_ORDERED_RE = re.compile(r"^([^\S\n]*+\d++)([.)])(?=\s|$)", re.MULTILINE)
_INLINE_RE = re.compile(r"([\\`*\[\]])|<(?=[A-Za-z/!?])|(?<!\w)_|_(?!\w)")
_SAFE_URL_RE = re.compile(r"^(?:https?://|//|/|\./|\.\./|[\w.-]+(?:/|$))", re.IGNORECASE)
_UNSAFE_SCHEME_RE = re.compile(r"^\s*(?:javascript|vbscript|data|file):", re.IGNORECASE)
_URL_UNSAFE_RE = re.compile(r"[\s\x00-\x1f\x7f-\x9f()<>\\`]")
_BACKTICKS_RE = re.compile(r"`+")


def article_to_markdown(article: Article) -> str:
    """The whole article as Markdown."""
    parts = [_front_matter(article)]
    if article.title:
        parts.append(f"# {escape_markdown(article.title)}")
    parts.extend(_section(s) for s in article.sections)
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
    if not url or _UNSAFE_SCHEME_RE.match(url) or not _SAFE_URL_RE.match(url):
        return None
    # Whitespace, controls, brackets and angle brackets would end the link or open HTML.
    return _URL_UNSAFE_RE.sub(lambda m: quote(m.group(0), safe=""), url)


def code_block(text: str) -> str:
    r"""A fenced code block whose fence is longer than any run of backticks inside, so
    no line of the code can close it early (and let page HTML out as live HTML).

    >>> code_block("a\n````\n<script>")
    '`````\na\n````\n<script>\n`````'
    """
    longest = max((len(run) for run in _BACKTICKS_RE.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{text}\n{fence}"


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


def _section(section: Section) -> str:
    parts = [f"## {escape_markdown(section.heading)}"] if section.heading else []
    parts.extend(_block(b) for b in section.blocks)
    for turn in section.turns:
        speaker = escape_markdown(turn.speaker)
        # A Chinese label takes the full-width colon (`**问：**`), as the page printed it.
        colon = "：" if CJK_RUN_RE.search(turn.speaker) else ":"
        parts.append(f"**{speaker}{colon}** {escape_markdown(turn.text)}")
    return "\n\n".join(p for p in parts if p)


def _block(block: Block) -> str:
    if block.kind is BlockKind.LIST:
        return "\n".join(f"- {escape_markdown(item)}" for item in block.items)
    if block.kind is BlockKind.QUOTE:
        return "\n".join(
            f"> {escape_markdown(line)}" if line else ">" for line in block.text.split("\n")
        )
    if block.kind is BlockKind.CODE:
        return code_block(block.text)
    if block.kind is BlockKind.IMAGE:
        url = safe_url(block.src)
        alt = escape_markdown(block.text.replace("\n", " "))
        return f"![{alt}]({url})" if url else ""
    if block.kind is BlockKind.TABLE:
        return _table(block.rows)
    return escape_markdown(block.text)


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
