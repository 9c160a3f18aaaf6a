"""Segment: body blocks → lecture sections and Q&A sections of speaker turns.

A *heading* is a short line without closing punctuation that is followed by prose;
it opens a section. A *turn* is a paragraph that starts with a speaker label
(`张三：`, `问：`, `Q:`, `Host:`) whose speaker really converses: the label recurs
(or is an interview role such as 问/答/记者), it is not a label–value field (`时间：`,
`来源：`), the text after it is a sentence, and at least two speakers take part.
Paragraphs after a turn without a label of their own continue that turn.

Two kinds of line inside an interview are not part of it: a photo credit between turns
(the photo is gone; the credit would split the conversation), and a line that is only a
speaker's name before the first turn (the reporter's byline above a transcript).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from articlekit.judge.features import (
    Features,
    block_features,
    count_units,
    ends_sentence,
    page_features,
)
from articlekit.judge.vocab import (
    NON_SPEAKER_LABELS,
    PUNCT_RE,
    ROLE_LABELS,
    SPEAKER_RE,
    is_credit,
)
from articlekit.model import Block, BlockKind, Reason, Section, Turn
from articlekit.structure.speakers import is_name_line, speaker_aliases

#: A heading is at most this many units (CJK characters or words).
MAX_HEADING_UNITS = 40
#: A turn's text must have this many units, and punctuation unless it is this long.
MIN_TURN_UNITS = 4
MIN_UNPUNCTUATED_TURN_UNITS = 20
#: A label is a speaker when it opens at least this many turns (roles need one).
MIN_SPEAKER_TURNS = 2
#: A Q&A needs this many turns in all, from at least two speakers.
MIN_QA_TURNS = 3
#: An unlabelled interview holds at least this many questions, in at least this share of
#: the paragraphs where its questions fall (see `_alternating_questions`).
MIN_UNLABELLED_QUESTIONS = 5
MIN_QUESTION_SLOT_SHARE = 0.6
#: `Q. …` / `A. …` and `问、…` / `答．…`: a role closed by a full stop instead of a colon
#: (a Latin role needs the space after it: `A.I. is` is not an answer).
_ROLE_STOP_LATIN_RE = re.compile(
    r"^\s*(?:\*\*)?(?P<label>Q|A)(?:\*\*)?\s*\.(?:\*\*)?\s+(?P<text>\S.*)$", re.DOTALL
)
_ROLE_STOP_CJK_RE = re.compile(
    r"^\s*(?:\*\*)?(?P<label>问|答|問)(?:\*\*)?\s*[.．、](?:\*\*)?\s*(?P<text>\S.*)$", re.DOTALL
)
_ANSWER_LABELS = frozenset({"A", "答", "Answer"})
_QUESTION_LABELS = frozenset({"Q", "问", "問", "Question"})
_NUMBER_ONLY_RE = re.compile(r"^\W*\d+\W*$")
_OPENING_QUOTES = ('"', "“", "‘", "'", "「", "『", "«", "„")
_CLOSING_QUOTES = "\"”’'」』»“"
_PAIRED_ROLES = ({"问", "答"}, {"問", "答"}, {"Q", "A"}, {"Question", "Answer"})
#: A value that is only short names (`张三`, `李四、王五`, `Jane Doe, John Roe`): a programme
#: line naming a chair or guests, not speech.
_NAME_LIST_RE = re.compile(
    r"^\s*(?:[\w·.'’-]{1,12}(?:\s[\w·.'’-]{1,12})?)(?:\s*[、,，/&]\s*[\w·.'’-]{1,12}(?:\s[\w·.'’-]{1,12})?)*\s*$"
)
_HEADING_FORBIDDEN_ENDINGS = tuple("。！？!?…；;：:，,、.")


@dataclass(frozen=True, slots=True)
class Segmentation:
    """The sections, the speakers' full names (`{"Full Name": "LABEL"}`), the bylines
    found among the speakers' names, and the blocks left out of the sections (by index,
    with the reason)."""

    sections: tuple[Section, ...]
    speaker_aliases: dict[str, str]
    bylines: tuple[str, ...]
    dropped: dict[int, Reason]


def segment_sections(
    blocks: Sequence[Block], features: Sequence[Features] | None = None
) -> list[Section]:
    """Group body blocks into sections (see the module docstring)."""
    return list(segment(blocks, features).sections)


def segment(
    blocks: Sequence[Block],
    features: Sequence[Features] | None = None,
    context: Sequence[str] = (),
) -> Segmentation:
    """Sections, speakers and bylines of the body blocks; `context` is other text of the
    page where speakers may be named in full (the title)."""
    features = page_features(blocks, features)
    labelled = _speaker_turns(blocks)
    interview_end = len(blocks)
    if not labelled:
        labelled = _alternating_questions(blocks)
        if labelled:  # an unlabelled interview ends with its last answer
            interview_end = max(labelled) + 1
    aliases: dict[str, str] = {}
    dropped: dict[int, Reason] = {}
    bylines: list[str] = []
    if labelled:
        labels = [t.speaker for t in labelled.values() if t.speaker not in ROLE_LABELS]
        aliases = speaker_aliases(labels, [*context, *(b.text for b in blocks)])
        aliases.update(_roles_of_named_speakers(labelled, aliases))
        names = [*labels, *aliases]
        interview_end = min(interview_end, _narration_after(blocks, max(labelled), names))
        for index in range(min(labelled)):
            if blocks[index].kind is BlockKind.PARAGRAPH and is_name_line(
                blocks[index].text, names
            ):
                dropped[index] = Reason.METADATA
                bylines.append(blocks[index].text.strip())
        first, end = min(labelled), min(interview_end, max(labelled) + 1)
        for index in range(first, end):
            if index not in labelled and is_credit(blocks[index].text):
                dropped[index] = Reason.CAPTION
    sections = _sections(blocks, features, labelled, interview_end, dropped)
    return Segmentation(tuple(sections), aliases, tuple(bylines), dropped)


def _sections(
    blocks: Sequence[Block],
    features: Sequence[Features],
    labelled: dict[int, Turn],
    interview_end: int,
    dropped: dict[int, Reason],
) -> list[Section]:
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
        if index in dropped:
            continue
        if index in labelled:
            if kind != "qa":
                if content:
                    close()
                    heading = None
                kind, content, turns = "qa", [], []
            turns.append(labelled[index])
        elif block.kind is BlockKind.HEADING or (
            index < last
            and _is_heading(block, features[index], blocks[index + 1], features[index + 1])
            # Inside an interview a short line is a short answer or the rest of a turn
            # ("Thank you.", "Our reporter reports.") unless it heads the next
            # question and ends no sentence.
            and not (
                kind == "qa"
                and turns
                and index < interview_end
                and (index + 1 not in labelled or block.text.endswith("."))
            )
        ):
            close()
            heading, kind, content, turns = block.text, "lecture", [], []
        elif kind == "qa" and turns and index < interview_end:
            extra = "\n".join(block.items) if block.items else block.text
            if extra and block.kind is not BlockKind.IMAGE:
                turns[-1] = replace(turns[-1], text=f"{turns[-1].text}\n\n{extra}")
        else:
            if kind == "qa":  # past the interview's last answer: prose again
                close()
                heading, kind, content, turns = None, "lecture", [], []
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
    # The sentence's stop may sit inside its closing quote (`“…win.”`): quoted speech.
    ending = block.text.rstrip(_CLOSING_QUOTES)
    if not 1 <= units <= MAX_HEADING_UNITS or ending.endswith(_HEADING_FORBIDDEN_ENDINGS):
        return False
    if _NUMBER_ONLY_RE.match(block.text) or is_credit(block.text):
        return False  # a footnote number, a page number, a photo credit or caption
    if following.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST, BlockKind.QUOTE):
        return False
    return follow.units > units and (follow.ends_sentence or follow.punct_density > 0)


def _roles_of_named_speakers(labelled: dict[int, Turn], known: dict[str, str]) -> dict[str, str]:
    """The role of each name that speaks once in a `Q`/`A` (`问`/`答`) interview: an
    interview names both sides on the first exchange and goes on with roles, so the
    name that asks is the interviewer."""
    counts = Counter(turn.speaker for turn in labelled.values())
    pair = next((p for p in _PAIRED_ROLES if p <= set(counts)), None)
    if pair is None:
        return {}
    ask = next(iter(pair & _QUESTION_LABELS))
    answer = next(iter(pair & _ANSWER_LABELS))
    return {
        turn.speaker: ask if _asks(turn.text) else answer
        for turn in labelled.values()
        if counts[turn.speaker] == 1 and turn.speaker not in pair and turn.speaker not in known
    }


def _narration_after(blocks: Sequence[Block], last_turn: int, names: Sequence[str]) -> int:
    """Where the article's own voice comes back after the last turn: the first paragraph
    that names a speaker (`采访结束时，张三表示……`, `Doe left for the airport.`). A
    speaker does not name himself; the paragraphs before it continue the last turn."""
    named = [n.casefold() for n in names if len(n) >= 2]
    for index in range(last_turn + 1, len(blocks)):
        text = blocks[index].text.casefold()
        if any(name in text for name in named):
            return index
    return len(blocks)


def _speaker_turns(blocks: Sequence[Block]) -> dict[int, Turn]:
    """Paragraphs that are turns of a real conversation, by block index.

    A speaker is a label that recurs or an interview role (问, 记者, Q, …). Two more
    kinds of turn join a conversation found that way: a name that speaks once beside
    the recurring speakers (interviews give a full name on the first exchange, `Q:`
    and `A:` after it), and an unlabelled question right before an `A:` that no `Q:`
    ever asks.
    """
    candidates: dict[int, Turn] = {}
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.PARAGRAPH:
            continue
        match = (
            SPEAKER_RE.match(block.text)
            or _ROLE_STOP_LATIN_RE.match(block.text)
            or _ROLE_STOP_CJK_RE.match(block.text)
        )
        if not match:
            continue
        label, text = match.group("label").strip(), match.group("text").strip()
        if label in NON_SPEAKER_LABELS or not _is_sentence(text, is_role=label in ROLE_LABELS):
            continue
        candidates[index] = Turn(label, text)
    counts = Counter(c.speaker for c in candidates.values())
    speakers = {s for s, n in counts.items() if n >= MIN_SPEAKER_TURNS or s in ROLE_LABELS}
    turns = {i: c for i, c in candidates.items() if c.speaker in speakers}
    if len({c.speaker for c in turns.values()}) >= 2:
        # A name that speaks once, beside them (the first exchange before, a closing
        # word after): outward from the turns, in both directions.
        for order in (sorted(candidates, reverse=True), sorted(candidates)):
            for index in order:
                if (
                    index not in turns
                    and (index - 1 in turns or index + 1 in turns)
                    and ends_sentence(candidates[index].text)  # speech, not a `对话：…` heading
                ):
                    turns[index] = candidates[index]
    speaking = {c.speaker for c in turns.values()}
    if speaking & _ANSWER_LABELS and not speaking & _QUESTION_LABELS:
        for index in [i for i, c in turns.items() if c.speaker in _ANSWER_LABELS]:
            before = blocks[index - 1] if index else None
            if (
                before is not None
                and index - 1 not in turns
                and before.kind is BlockKind.PARAGRAPH
                and _asks(before.text)
            ):
                turns[index - 1] = Turn("Q", before.text)
    turns = dict(sorted(turns.items()))
    distinct = {c.speaker for c in turns.values()}
    enough = len(turns) >= MIN_QA_TURNS or any(pair <= distinct for pair in _PAIRED_ROLES)
    return turns if len(distinct) >= 2 and enough else {}


def _alternating_questions(blocks: Sequence[Block]) -> dict[int, Turn]:
    """An interview printed without labels: questions and answers as paragraphs that
    alternate, every other one a question (`…?`) and no answer ending in one.

    The question often sits in bold above its answer; raw text does not keep the bold,
    and not every question asks (`You wrote it in two years.`), so what every such
    interview shares is the rhythm. A sentence printed wholly in bold counts as a
    question (a bold line without a full stop is a subheading). A run counts when it holds at
    least `MIN_UNLABELLED_QUESTIONS` questions, at least `MIN_QUESTION_SLOT_SHARE` of its
    question slots hold a question (the others are prompts such as "You were seeing
    things that weren't explicit."), and no answer slot holds one: prose that asks
    rhetorical questions does not keep to every other paragraph.
    """
    # Photo credits and captions left in the text sit between turns, not in them.
    paragraphs = [
        i for i, b in enumerate(blocks) if b.kind is BlockKind.PARAGRAPH and not is_credit(b.text)
    ]
    asks = [_asks(blocks[i].text) or _bold_prompt(blocks[i]) for i in paragraphs]
    runs = [run for parity in (0, 1) for run in _question_runs(asks, parity)]
    if not runs:
        return {}
    _, first, last = max(runs)
    end = min(last + 1, len(paragraphs) - 1)  # the last question's answer
    return {
        paragraphs[position]: Turn(
            "Q" if (position - first) % 2 == 0 else "A", blocks[paragraphs[position]].text
        )
        for position in range(first, end + 1)
    }


def _question_runs(asks: list[bool], parity: int) -> list[tuple[int, int, int]]:
    """(questions, first, last) of each run whose questions all fall on `parity`,
    thick enough to be an interview."""
    runs = []
    first = last = -1
    count = 0
    for position, question in enumerate(asks):
        if not question:
            continue
        if position % 2 == parity:
            first = position if first < 0 else first
            last, count = position, count + 1
            continue
        # A question in an answer's place ends the run, unless the questions on both
        # sides hold theirs (an answer that quotes or asks one back).
        if 0 < position < len(asks) - 1 and asks[position - 1] and asks[position + 1]:
            continue
        runs.append((count, first, last))
        first, last, count = -1, -1, 0
    runs.append((count, first, last))
    return [
        (count, first, last)
        for count, first, last in runs
        if count >= MIN_UNLABELLED_QUESTIONS
        and count >= MIN_QUESTION_SLOT_SHARE * ((last - first) // 2 + 1)
    ]


def _bold_prompt(block: Block) -> bool:
    """An HTML paragraph printed wholly in bold that ends a sentence: an interviewer's
    prompt, even when it does not ask."""
    return block.tag == "strong" and ends_sentence(block.text)


def _asks(text: str) -> bool:
    """A paragraph that is a question, not a quoted one: dialogue in a story (`"Eh!--He's
    asleep, aint he?"`) alternates as an interview does."""
    stripped = text.strip().strip("*")
    return stripped.endswith(("?", "？")) and not stripped.startswith(_OPENING_QUOTES)


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
