"""Raw page text → blocks.

Text copied from a browser (`innerText`, select-all) has one visual line per line:
paragraphs, menu entries, list bullets and widget labels alike. Each line becomes a
paragraph block; consecutive bullet lines (and the indented lines under them) become
one list block, and a run of program statements one code block (`articlekit.read.codelines`).
Deciding what is a heading is left to the segmenter, which sees the neighbours.
"""

from __future__ import annotations

import re
import textwrap

from articlekit.judge.vocab import BULLET_RE
from articlekit.model import BLOCK_DEFAULTS, Block, BlockKind, make_block
from articlekit.read.codelines import code_kind, is_code_run

#: Every Unicode space (`\\s`: newlines, U+1680, U+3000, no-break spaces, …) and the
#: invisible ones (zero-width space, BOM), collapsed the same way in raw text and in
#: HTML text. A run that survived normalisation (a newline in HTML source, U+1680) met
#: patterns that overlap on spaces and made them quadratic.
_SPACES_RE = re.compile(r"[\s\u200b\ufeff]+")
#: What `_SPACES_RE` would change: two spaces, or any space character but a plain one.
#: Most lines of English text have only single spaces, which collapse to themselves; in
#: an ASCII line only the first two can occur, and two substring tests are cheaper.
_COLLAPSIBLE_RE = re.compile(r"  |[^\S ]|[\u200b\ufeff]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
#: The control characters `str.splitlines` does not break at (it breaks at \x0b, \x0c
#: and \x1c–\x1e, so those must survive until the split).
_INLINE_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")
#: The spaces of a line's margin. An ideographic space is not margin but a paragraph's
#: first-line indent (`　　正文`), so it starts the text.
_MARGIN = " \t\u00a0"
#: Characters a bullet line can start with (after its indentation), for a cheap test
#: before `BULLET_RE`.
_BULLET_CHARS = frozenset("•·●▪◆◇■□○◦‣∙*-–—")
_BULLET_STRIP = "•·●▪◆◇■□○◦‣∙*-–— "


def split_text_blocks(text: str) -> list[Block]:
    """Split raw page text into paragraph and list blocks, in order.

    >>> [b.kind.value for b in split_text_blocks("标题\\n\\n  • 2024-06-15\\n    北京\\n正文。")]
    ['paragraph', 'list', 'paragraph']
    >>> split_text_blocks("  • a\\n    b\\n")[0].items
    ('a', 'b')
    """
    blocks: list[Block] = []
    items: list[str] = []
    list_start = 0
    list_margin = 0
    in_list = False
    code = _CodeRun(blocks)
    # Control characters go in one pass over the page; a line is then only stripped, and
    # its spaces rewritten only when collapsing would change them (most lines: no).
    for number, raw in enumerate(_INLINE_CONTROL_RE.sub("", text).splitlines()):
        line = raw.strip()
        if not line:
            continue
        if ("  " in line or "\t" in line) if line.isascii() else _COLLAPSIBLE_RE.search(line):
            line = _SPACES_RE.sub(" ", line).strip()
            if not line:
                continue
        bullet = BULLET_RE.match(raw) if line[0] in _BULLET_CHARS else None
        if bullet and line.strip(_BULLET_STRIP):
            code.end()
            margin = len(raw) - len(raw.lstrip(_MARGIN))
            if not in_list:
                in_list, list_start, items, list_margin = True, number, [], margin
            list_margin = min(list_margin, margin)
            items.append(normalize_space(raw[bullet.end() :]))
            continue
        # A line belongs to the list only when indented under its bullets: in a terminal
        # dump every line has a margin, and the article after a menu list is not the menu.
        if in_list and len(raw) - len(raw.lstrip(_MARGIN)) > list_margin:
            items.append(line)
            continue
        if in_list:
            blocks.append(_list_block(items, list_start))
            in_list = False
        kind = code_kind(line)
        if kind is not None:
            code.add(kind, raw, line, number)
            continue
        code.end()
        blocks.append(make_block((_PARAGRAPH, line, number, *BLOCK_DEFAULTS)))
    code.end()
    if in_list:
        blocks.append(_list_block(items, list_start))
    return blocks


_PARAGRAPH = BlockKind.PARAGRAPH


class _CodeRun:
    """Consecutive code lines, held until the run ends: a listing becomes one code
    block (indentation kept), anything shorter the paragraphs it would have been."""

    __slots__ = ("blocks", "kinds", "lines")

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.kinds: list[str] = []
        #: (raw line, stripped line, line number)
        self.lines: list[tuple[str, str, int]] = []

    def add(self, kind: str, raw: str, line: str, number: int) -> None:
        self.kinds.append(kind)
        self.lines.append((raw, line, number))

    def end(self) -> None:
        if not self.lines:
            return
        if is_code_run(self.kinds):
            source = textwrap.dedent("\n".join(raw.rstrip() for raw, _, _ in self.lines))
            self.blocks.append(Block(kind=BlockKind.CODE, text=source, position=self.lines[0][2]))
        else:
            for _, line, number in self.lines:
                self.blocks.append(make_block((_PARAGRAPH, line, number, *BLOCK_DEFAULTS)))
        self.kinds, self.lines = [], []


def normalize_space(text: str) -> str:
    """Collapse runs of any spaces (newlines too), drop control characters, trim.

    >>> normalize_space("\\u3000\\u3000长江网 10月4日讯\\x07 ")
    '长江网 10月4日讯'
    """
    return collapse_space(text).strip()


def collapse_space(text: str) -> str:
    """`normalize_space` without the trim: what the inline spans collapse piece by piece."""
    return _SPACES_RE.sub(" ", _CONTROL_RE.sub("", text))


def _list_block(items: list[str], position: int) -> Block:
    return Block(kind=BlockKind.LIST, text="\n".join(items), items=tuple(items), position=position)
