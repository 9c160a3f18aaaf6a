"""Convert: OpenCC Simplified → Traditional Chinese (plain, Taiwan phrasing, Hong Kong).

Two guards make conversion safe to repeat. OpenCC's Taiwan phrase table is not
idempotent (算法 → 演算法, and 演算法 → 演演算法 on a second pass), so a text run is
converted only when it holds a character that exists in Simplified form only;
text that is already Traditional passes through untouched. And in Markdown, code spans,
code fences and link targets are never converted: they are identifiers, not prose.
The converters are built once per process (building costs more than converting an
article) and reused.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, get_args

from articlekit.errors import ConversionError

if TYPE_CHECKING:
    from articlekit.model import Article, Block, Section

Target = Literal["zh-Hant", "zh-TW", "zh-HK"]
TARGETS: tuple[str, ...] = get_args(Target)
_CONFIGS: dict[str, str] = {"zh-Hant": "s2t", "zh-TW": "s2twp", "zh-HK": "s2hk"}

#: Markdown spans that are never converted: fenced code, inline code, link targets, URLs.
#: A link target or an autolink stops at the next `(` or `<` (our own Markdown
#: percent-encodes both in URLs): `\\]\\([^)\\s]*\\)` rescanned the rest of the text from
#: every `](` when none closed (30 KB of `](`: 2 s; now linear).
_PROTECTED_RE = re.compile(
    r"(?ms)^(```|~~~).*?^\1[^\n]*$|`[^`\n]+`|\]\([^()\s]*+\)|<https?://[^<>\s]*+>"
    r"|https?://[^\s<>()\]]++"
)


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


def convert(text: str, to: str = "zh-TW") -> str:
    """Convert Simplified Chinese text to `to`, leaving Traditional text as it is.

    >>> convert("视频算法", to="zh-TW")
    '影片演算法'
    >>> convert("影片演算法", to="zh-TW")
    '影片演算法'
    >>> convert("see `视频` and [link](https://x.cn/视频)", to="zh-Hant")
    'see `视频` and [link](https://x.cn/视频)'
    """
    converter = _converter(_config(to))
    pieces: list[str] = []
    last = 0
    for match in _PROTECTED_RE.finditer(text):
        pieces.append(_convert_run(converter, text[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_convert_run(converter, text[last:]))
    return "".join(pieces)


def convert_article(article: Article, to: str) -> Article:
    """Every text field of the article converted; URLs, code and keys untouched."""
    text = _text_converter(to)
    return replace(
        article,
        title=_maybe(text, article.title),
        location=_maybe(text, article.location),
        site=_maybe(text, article.site),
        authors=tuple(text(a) for a in article.authors),
        sections=tuple(_convert_section(s, text) for s in article.sections),
        removed=tuple(r._replace(text=text(r.text)) for r in article.removed),
        speaker_aliases=tuple((text(full), text(label)) for full, label in article.speaker_aliases),
        language=language_tag(to),
    )


def language_tag(to: str) -> str:
    """The BCP 47 tag of the output language (`zh-TW` → `zh-Hant-TW`)."""
    return {"zh-Hant": "zh-Hant", "zh-TW": "zh-Hant-TW", "zh-HK": "zh-Hant-HK"}[_target(to)]


def _convert_section(section: Section, text: _TextFn) -> Section:
    from articlekit.model import Turn

    return replace(
        section,
        heading=_maybe(text, section.heading),
        blocks=tuple(_convert_block(b, text) for b in section.blocks),
        turns=tuple(Turn(speaker=text(t.speaker), text=text(t.text)) for t in section.turns),
    )


def _convert_block(block: Block, text: _TextFn) -> Block:
    from articlekit.model import BlockKind

    if block.kind is BlockKind.CODE:
        return block
    return block._replace(
        text=text(block.text),
        items=tuple(text(i) for i in block.items),
        rows=tuple(tuple(text(c) for c in row) for row in block.rows),
    )


class _TextFn(Protocol):
    def __call__(self, text: str) -> str: ...


def _text_converter(to: str) -> _TextFn:
    converter = _converter(_config(to))

    def run(text: str) -> str:
        return _convert_run(converter, text)

    return run


def _maybe(fn: _TextFn, value: str | None) -> str | None:
    return None if value is None else fn(value)


def _convert_run(converter: _Converter, text: str) -> str:
    if not text or not _simplified_only_chars().intersection(text):
        return text
    return converter.convert(text)


def _target(to: str) -> str:
    for name in TARGETS:
        if name.lower() == to.lower():
            return name
    raise ConversionError(f"unknown conversion target {to!r}; choose one of {', '.join(TARGETS)}")


def _config(to: str) -> str:
    return _CONFIGS[_target(to)]


@lru_cache(maxsize=len(_CONFIGS))
def _converter(config: str) -> _Converter:
    from opencc import OpenCC

    converter: _Converter = OpenCC(config)
    return converter


@lru_cache(maxsize=1)
def _simplified_only_chars() -> frozenset[str]:
    """Characters whose every Traditional form differs from them (from OpenCC's table)."""
    import opencc

    table = Path(opencc.__file__).parent / "dictionary" / "STCharacters.txt"
    chars: set[str] = set()
    for line in table.read_text("utf-8").splitlines():
        key, _, values = line.partition("\t")
        if len(key) == 1 and key not in values.split():
            chars.add(key)
    return frozenset(chars)
