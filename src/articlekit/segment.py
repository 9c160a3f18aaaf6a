"""Segment: body blocks → lecture sections and Q&A sections of speaker turns.

A *heading* is a short line without closing punctuation that is followed by prose;
it opens a section. A *turn* is a paragraph that starts with a speaker label
(`张三：`, `问：`, `Q:`, `Host:`) whose speaker really converses: the label recurs
(or is an interview role such as 问/答/记者), it is not a label–value field (`时间：`,
`来源：`), the text after it is a sentence, and at least two speakers take part.
Paragraphs after a turn without a label of their own continue that turn.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from articlekit.features import (
    Features,
    block_features,
    count_units,
    ends_sentence,
    page_features,
)
from articlekit.model import Block, BlockKind, Section, Turn
from articlekit.vocab import NON_SPEAKER_LABELS, PUNCT_RE, ROLE_LABELS, SPEAKER_RE

#: A heading is at most this many units (CJK characters or words).
MAX_HEADING_UNITS = 40
#: A turn's text must have this many units, and punctuation unless it is this long.
MIN_TURN_UNITS = 4
MIN_UNPUNCTUATED_TURN_UNITS = 20
#: A label is a speaker when it opens at least this many turns (roles need one).
MIN_SPEAKER_TURNS = 2
#: A Q&A needs this many turns in all, from at least two speakers.
MIN_QA_TURNS = 3
_PAIRED_ROLES = ({"问", "答"}, {"問", "答"}, {"Q", "A"}, {"Question", "Answer"})
#: A value that is only short names (`张三`, `李四、王五`, `Jane Doe, John Roe`): a programme
#: line naming a chair or guests, not speech.
_NAME_LIST_RE = re.compile(
    r"^\s*(?:[\w·.'’-]{1,12}(?:\s[\w·.'’-]{1,12})?)(?:\s*[、,，/&]\s*[\w·.'’-]{1,12}(?:\s[\w·.'’-]{1,12})?)*\s*$"
)
_HEADING_FORBIDDEN_ENDINGS = tuple("。！？!?…；;：:，,、")


@dataclass(frozen=True, slots=True)
class _Labelled:
    speaker: str
    text: str


def segment_sections(
    blocks: Sequence[Block], features: Sequence[Features] | None = None
) -> list[Section]:
    """Group body blocks into sections (see the module docstring)."""
    features = page_features(blocks, features)
    labelled = _speaker_turns(blocks)
    last = len(blocks) - 1
    sections: list[Section] = []
    heading: str | None = None
    kind = "lecture"
    content: list[Block] = []
    turns: list[Turn] = []

    def close() -> None:
        if kind == "qa":
            sections.append(Section(kind="qa", heading=heading, turns=tuple(turns)))
        elif content or heading is not None:
            sections.append(Section(kind="lecture", heading=heading, blocks=tuple(content)))

    for index, block in enumerate(blocks):
        if index in labelled:
            if kind != "qa":
                if content:
                    close()
                    heading = None
                kind, content, turns = "qa", [], []
            turns.append(Turn(speaker=labelled[index].speaker, text=labelled[index].text))
        elif block.kind is BlockKind.HEADING or (
            index < last
            and _is_heading(block, features[index], blocks[index + 1], features[index + 1])
        ):
            close()
            heading, kind, content, turns = block.text, "lecture", [], []
        elif kind == "qa" and turns:
            extra = "\n".join(block.items) if block.items else block.text
            if extra and block.kind is not BlockKind.IMAGE:
                turns[-1] = replace(turns[-1], text=f"{turns[-1].text}\n\n{extra}")
        else:
            content.append(block)
    close()
    return sections


def is_heading(block: Block, following: Block | None) -> bool:
    """A short unpunctuated line that introduces prose (or an HTML h1–h6).

    >>> p = lambda t: Block(BlockKind.PARAGRAPH, t, 0)
    >>> is_heading(p("结语"), p("在他看来，这是最正确的研究思路。"))
    True
    >>> is_heading(p("答案是肯定的。"), p("在论文中，作者指出了这一点。"))
    False
    """
    if following is None:
        return block.kind is BlockKind.HEADING
    return _is_heading(block, block_features(block), following, block_features(following))


def _is_heading(block: Block, feat: Features, following: Block, follow: Features) -> bool:
    if block.kind is BlockKind.HEADING:
        return True
    if block.kind is not BlockKind.PARAGRAPH:
        return False
    units = feat.units
    if not 1 <= units <= MAX_HEADING_UNITS or block.text.endswith(_HEADING_FORBIDDEN_ENDINGS):
        return False
    if following.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST, BlockKind.QUOTE):
        return False
    return follow.units > units and (follow.ends_sentence or follow.punct_density > 0)


def _speaker_turns(blocks: Sequence[Block]) -> dict[int, _Labelled]:
    """Paragraphs that are turns of a real conversation, by block index."""
    candidates: dict[int, _Labelled] = {}
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.PARAGRAPH:
            continue
        match = SPEAKER_RE.match(block.text)
        if not match:
            continue
        label, text = match.group("label").strip(), match.group("text").strip()
        if label in NON_SPEAKER_LABELS or not _is_sentence(text, is_role=label in ROLE_LABELS):
            continue
        candidates[index] = _Labelled(label, text)
    counts = Counter(c.speaker for c in candidates.values())
    speakers = {s for s, n in counts.items() if n >= MIN_SPEAKER_TURNS or s in ROLE_LABELS}
    turns = {i: c for i, c in candidates.items() if c.speaker in speakers}
    distinct = {c.speaker for c in turns.values()}
    enough = len(turns) >= MIN_QA_TURNS or any(pair <= distinct for pair in _PAIRED_ROLES)
    return turns if len(distinct) >= 2 and enough else {}


def _is_sentence(text: str, *, is_role: bool) -> bool:
    """Text after a label that reads as speech (a role's `Q: Why?` may be one word)."""
    units = count_units(text)
    if units < (1 if is_role else MIN_TURN_UNITS):
        return False
    if _NAME_LIST_RE.match(text) and not ends_sentence(text):
        return False
    return (
        units >= MIN_UNPUNCTUATED_TURN_UNITS or bool(PUNCT_RE.search(text)) or ends_sentence(text)
    )
