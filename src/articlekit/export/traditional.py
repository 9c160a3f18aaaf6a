"""Convert: Simplified ⇄ Traditional Chinese with OpenCC (plain, Taiwan, Hong Kong).

The engine is the official OpenCC binding (`opencc`); the pure-Python packages that
install the same module and API (`opencc-py`, `opencc-python-reimplemented`) work too.
One converter per configuration is built per process, on first use (building costs
more than converting an article).

Converting is safe to repeat. OpenCC's tables are written for text in the source
script; run again over its own output they change it (s2t: 說明了 → 說明瞭, 懷念 → 懷唸;
s2twp: 程序 → 程式 a second time). So a piece of text (between punctuation) that holds
a character of the target script is first tested: if converting its source-script
reading gives the piece back, it is already converted and is kept as it is. Anything
else is converted, whatever its characters: text made only of characters both scripts
share still gets its phrasing (算法 → 演算法 in zh-TW), and a Traditional term OpenCC
would phrase otherwise is phrased (元數據 → 後設資料). Text with no target-script
character, most of any Simplified page, goes through OpenCC in one call.

Code spans, code fences, link targets and URLs are never converted, and a user's phrase
list (`--phrases`) is applied before OpenCC sees the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, get_args

from articlekit.errors import ConversionError

if TYPE_CHECKING:
    from articlekit.model import Article, Block, Inline, Section

Target = Literal["zh-Hant", "zh-TW", "zh-HK", "zh-Hans"]
TARGETS: tuple[str, ...] = get_args(Target)
#: Where Traditional text comes from, for `--to zh-Hans` (None: what the text shows).
Source = Literal["zh-Hant", "zh-TW", "zh-HK"]
SOURCES: tuple[str, ...] = get_args(Source)
#: OpenCC configuration of each target, and the one that reads its output back.
_TO_TRADITIONAL = {
    "zh-Hant": ("s2t", "t2s"),
    "zh-TW": ("s2twp", "tw2sp"),
    "zh-HK": ("s2hk", "hk2s"),
}
_TO_SIMPLIFIED = {"zh-Hant": ("t2s", "s2t"), "zh-TW": ("tw2sp", "s2twp"), "zh-HK": ("hk2s", "s2hk")}
#: Each OpenCC configuration articlekit runs, as the `(to, source)` of `convert` that runs it.
CONFIGURATIONS: dict[str, tuple[str, str | None]] = {
    **{forward: (target, None) for target, (forward, _) in _TO_TRADITIONAL.items()},
    **{forward: ("zh-Hans", region) for region, (forward, _) in _TO_SIMPLIFIED.items()},
}
#: Characters sampled to tell Taiwan from Hong Kong writing.
REGION_SAMPLE_CHARS = 20_000

#: Markdown spans that are never converted: fenced code, inline code, link targets, URLs.
#: A link target or an autolink stops at the next `(` or `<` (our own Markdown
#: percent-encodes both in URLs): `\\]\\([^)\\s]*\\)` rescanned the rest of the text from
#: every `](` when none closed (30 KB of `](`: 2 s; now linear).
_PROTECTED_RE = re.compile(
    r"(?ms)^(```|~~~).*?^\1[^\n]*$|`[^`\n]+`|\]\([^()\s]*+\)|<https?://[^<>\s]*+>"
    r"|https?://[^\s<>()\]]++"
)
#: Where a piece of text ends for the already-converted test: OpenCC's phrases do not
#: cross punctuation or space.
_PIECE_END = r"\s。！？!?；;，,、：:（）()「」『』“”\"《》"
_PIECE_BOUNDARY_RE = re.compile(f"[{_PIECE_END}]")


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


def convert(
    text: str,
    to: str = "zh-TW",
    *,
    source: str | None = None,
    phrases: Mapping[str, str] | None = None,
) -> str:
    """Convert Chinese text to `to` (`zh-Hant`, `zh-TW`, `zh-HK` or `zh-Hans`).

    Text already in the target script comes back unchanged; `source` says where
    Traditional text is from when converting to `zh-Hans` (by default, what the text
    shows); `phrases` maps terms to the spelling wanted, ahead of OpenCC's tables.

    >>> convert("视频算法", to="zh-TW")
    '影片演算法'
    >>> convert("影片演算法", to="zh-TW")
    '影片演算法'
    >>> convert("结果说明了问题", to="zh-Hant"), convert("結果說明了問題", to="zh-Hant")
    ('結果說明了問題', '結果說明了問題')
    >>> convert("see `视频` and [link](https://x.cn/视频)", to="zh-Hant")
    'see `视频` and [link](https://x.cn/视频)'
    >>> convert("軟體與視訊", to="zh-Hans", source="zh-TW")
    '软件与视频'
    """
    return TextConverter(to, source, phrases, sample=text)(text)


class TextConverter:
    """`convert` with its target, source and phrases fixed, for all the texts of one
    article or file; `sample` (some of that text) shows where Traditional text is from
    when converting to `zh-Hans` without a `source`."""

    def __init__(
        self,
        to: str,
        source: str | None = None,
        phrases: Mapping[str, str] | None = None,
        *,
        sample: str = "",
    ) -> None:
        self.target = _target(to)
        if source is not None and self.target != "zh-Hans":
            raise ConversionError("a source (--from) applies only to --to zh-Hans")
        if self.target == "zh-Hans":
            region = _source(source) if source is not None else _region_of(sample)
            self.forward, self.back = _TO_SIMPLIFIED[region]
        else:
            self.forward, self.back = _TO_TRADITIONAL[self.target]
        self.phrases = dict(phrases or {})
        self._phrase_re = _phrase_pattern(self.phrases)

    def __call__(self, text: str) -> str:
        if not text:
            return text
        pieces: list[str] = []
        last = 0
        for match in _PROTECTED_RE.finditer(text):
            pieces.append(self._prose(text[last : match.start()]))
            pieces.append(match.group(0))
            last = match.end()
        pieces.append(self._prose(text[last:]))
        return "".join(pieces)

    def _prose(self, text: str) -> str:
        """Text outside code and URLs: the user's phrases as given, the rest converted."""
        if not text:
            return text
        if self._phrase_re is None:
            return self._convert(text)
        pieces: list[str] = []
        last = 0
        for match in self._phrase_re.finditer(text):
            pieces.append(self._convert(text[last : match.start()]))
            pieces.append(self.phrases[match.group(0)])
            last = match.end()
        pieces.append(self._convert(text[last:]))
        return "".join(pieces)

    def _convert(self, text: str) -> str:
        return convert_once(text, self.forward, self.back) if text else text


def convert_once(text: str, forward: str, back: str) -> str:
    """`text` through OpenCC's `forward` configuration, except the pieces that are
    already its output.

    A piece (between punctuation) holding a character of the target script is kept
    when converting its source-script reading (`back`, then `forward`) gives it back.
    Going to Simplified, a line that still holds a character only Traditional writes
    (製, 麪, 兒) is not converted yet, and its every piece is (`一坏` there is 一坯).
    Going to Traditional there is no such set: s2t changes 台, 后, 里, which Taiwan
    and Hong Kong write too, so the round trip alone decides.
    """
    convert_forward = _converter(forward).convert
    convert_back = _converter(back).convert
    marked, source_only = _script_chars(to_traditional=forward.startswith("s2"))
    if not marked.search(text):  # most of any page in the source script: one call
        return convert_forward(text)
    out: list[str] = []
    last = 0
    line_end = -1
    unconverted_line = False
    for start, end in _marked_pieces(text, marked):
        if source_only is not None and start > line_end:  # a new line: test it once
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            unconverted_line = not source_only.isdisjoint(text[line_start:line_end])
        if unconverted_line:
            continue  # converted with the text around it
        if start > last:
            out.append(convert_forward(text[last:start]))
        piece = text[start:end]
        out.append(
            piece if convert_forward(convert_back(piece)) == piece else convert_forward(piece)
        )
        last = end
    if last < len(text):
        out.append(convert_forward(text[last:]))
    return "".join(out)


def _marked_pieces(text: str, marked: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each piece between punctuation that holds a marked character."""
    end = 0
    for match in marked.finditer(text):
        if match.start() < end:
            continue  # inside the piece just given
        start = match.start()
        while start > end and not _PIECE_BOUNDARY_RE.match(text, start - 1):
            start -= 1
        boundary = _PIECE_BOUNDARY_RE.search(text, match.end())
        end = boundary.start() if boundary else len(text)
        yield start, end


def language_tag(to: str) -> str:
    """The BCP 47 tag of the output language (`zh-TW` → `zh-Hant-TW`)."""
    return {
        "zh-Hant": "zh-Hant",
        "zh-TW": "zh-Hant-TW",
        "zh-HK": "zh-Hant-HK",
        "zh-Hans": "zh-Hans",
    }[_target(to)]


def convert_article(
    article: Article,
    to: str,
    *,
    source: str | None = None,
    phrases: Mapping[str, str] | None = None,
) -> Article:
    """Every text field of the article converted; URLs, code and keys untouched."""
    # Only Simplified output without a named source needs the text to show its region.
    needs_sample = source is None and _target(to) == "zh-Hans"
    sample = article.to_text()[:REGION_SAMPLE_CHARS] if needs_sample else ""
    text = TextConverter(to, source, phrases, sample=sample)
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


def load_phrases(path: str | Path) -> dict[str, str]:
    """A phrase list: one `source<TAB>target` per line; blank lines and `#` comments are
    skipped. A malformed line is a `ConversionError` naming the file and the line."""
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        cause = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        raise ConversionError(f"cannot read the phrase list: {cause}", source=str(path)) from None
    phrases: dict[str, str] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        source, tab, target = line.partition("\t")
        if not tab or not source.strip() or not target.strip() or "\t" in target:
            raise ConversionError(
                f"expected 'source<TAB>target', got {line[:80]!r}", source=f"{path}:{number}"
            )
        phrases[source.strip()] = target.strip()
    return phrases


def _convert_section(section: Section, text: TextConverter) -> Section:
    from articlekit.model import Turn

    return replace(
        section,
        heading=_maybe(text, section.heading),
        blocks=tuple(_convert_block(b, text) for b in section.blocks),
        turns=tuple(Turn(speaker=text(t.speaker), text=text(t.text)) for t in section.turns),
    )


def _convert_block(block: Block, text: TextConverter) -> Block:
    from articlekit.model import BlockKind

    if block.kind is BlockKind.CODE:
        return block
    if block.inlines:
        converted, inlines = _convert_with_spans(block.text, block.inlines, text)
        items = tuple(converted.split("\n")) if block.kind is BlockKind.LIST else block.items
        return block._replace(text=converted, items=items, inlines=inlines)
    return block._replace(
        text=text(block.text),
        items=tuple(text(i) for i in block.items),
        rows=tuple(tuple(text(c) for c in row) for row in block.rows),
        caption=text(block.caption) if block.caption else "",
    )


def _convert_with_spans(
    value: str, inlines: tuple[Inline, ...], text: TextConverter
) -> tuple[str, tuple[Inline, ...]]:
    """The text converted piece by piece between span edges (a phrase may change
    length: 鼠标 → 滑鼠 does not, U盘 → 隨身碟 does), and the spans moved with it.
    Inline code is left as it is, like a code block."""
    from articlekit.model import InlineKind

    edges = sorted({0, len(value), *(e for s in inlines for e in (s.start, s.end))})
    code = [(s.start, s.end) for s in inlines if s.kind is InlineKind.CODE]
    moved: dict[int, int] = {}
    parts: list[str] = []
    length = 0
    for start, end in pairwise(edges):
        moved[start] = length
        piece = value[start:end]
        inside_code = any(a <= start and end <= b for a, b in code)
        parts.append(piece if inside_code else text(piece))
        length += len(parts[-1])
    moved[len(value)] = length
    spans = tuple(s._replace(start=moved[s.start], end=moved[s.end]) for s in inlines)
    return "".join(parts), spans


def _maybe(fn: TextConverter, value: str | None) -> str | None:
    return None if value is None else fn(value)


def _phrase_pattern(phrases: Mapping[str, str]) -> re.Pattern[str] | None:
    """One alternation of the user's terms, longest first (a longer term wins)."""
    if not phrases:
        return None
    terms = sorted(phrases, key=len, reverse=True)
    return re.compile("|".join(re.escape(term) for term in terms))


def _target(to: str) -> str:
    for name in TARGETS:
        if name.lower() == to.lower():
            return name
    raise ConversionError(f"unknown conversion target {to!r}; choose one of {', '.join(TARGETS)}")


def _source(source: str) -> str:
    for name in SOURCES:
        if name.lower() == source.lower():
            return name
    raise ConversionError(f"unknown source {source!r}; choose one of {', '.join(SOURCES)}")


def _region_of(text: str) -> str:
    """Whether Traditional text is written the Taiwan way, the Hong Kong way, or neither:
    OpenCC's own variant tables (t2tw, t2hk) change the other region's text more."""
    sample = text[:REGION_SAMPLE_CHARS]
    to_taiwan = _changes(sample, _converter("t2tw").convert(sample))
    to_hong_kong = _changes(sample, _converter("t2hk").convert(sample))
    if to_hong_kong > to_taiwan:
        return "zh-TW"
    if to_taiwan > to_hong_kong:
        return "zh-HK"
    return "zh-Hant"


def _changes(before: str, after: str) -> int:
    if len(before) != len(after):
        return abs(len(before) - len(after)) + 1
    return sum(a != b for a, b in zip(before, after, strict=True))


@lru_cache(maxsize=16)
def _converter(config: str) -> _Converter:
    from opencc import OpenCC

    converter: _Converter = OpenCC(config)
    return converter


#: Code points sampled for the characters a configuration writes: the CJK blocks of the
#: Basic Multilingual Plane (the supplementary planes would double the cost of building
#: the sets, for characters that a page almost never holds).
_CJK_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@lru_cache(maxsize=2)
def _script_chars(*, to_traditional: bool) -> tuple[re.Pattern[str], frozenset[str] | None]:
    """The target script's characters that the reverse table changes (for s2t: 說, 這;
    for t2s: 说, 这), as one character class, and, going to Simplified, the characters
    only Traditional writes (製, 兒: t2s changes them, s2t does not). Read off OpenCC
    itself by converting every CJK character once per process; the class of BMP
    characters scans 2 M characters in under 0.01 s (a set of the text took 0.09 s)."""
    chars = "".join(chr(c) for low, high in _CJK_BLOCKS for c in range(low, high))
    as_simplified = _each_converted(chars, "t2s")
    traditional = {c for c, s in zip(chars, as_simplified, strict=True) if s != c}
    if to_traditional:
        return _char_class(traditional), None
    as_traditional = _each_converted(chars, "s2t")
    simplified = {c for c, t in zip(chars, as_traditional, strict=True) if t != c}
    # Only Traditional writes it, and it is what its Simplified form becomes (兒 → 儿 →
    # 兒); 乾 is not (乾 → 干 → 幹): Simplified keeps 乾 in names and in 乾坤.
    back_again = dict(zip(chars, as_traditional, strict=True))
    traditional_only = {
        c
        for c, s in zip(chars, as_simplified, strict=True)
        if s != c and c not in simplified and back_again.get(s) == c
    }
    return _char_class(simplified), frozenset(traditional_only)


def _each_converted(chars: str, config: str) -> list[str]:
    """Each character converted alone (one call: a line each)."""
    converted = _converter(config).convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # a port that joins lines: no sets, no harm
        return list(chars)
    return converted


def _char_class(chars: set[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")
