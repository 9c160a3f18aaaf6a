"""A second opinion on saved HTML: never throw away the article the page's structure
points to.

The classifier reads the page as a sequence of lines and keeps its densest run of
prose. That is robust to chrome, but a page can fool it: a chart of a hundred tick
labels or a table cut into cells between two halves of the story, a short post beside
a wordy sidebar, a list the markup left open that swallowed the story. The DOM has
independent evidence of where the article is: readability's main candidate (the
element whose paragraphs score highest), which the classifier only weighs.

When the two disagree strongly — the classifier kept less than half of the
candidate's prose *and* less prose overall than the candidate holds — the candidate
is taken as the article, provided it reads as one: mostly prose, few links, and not a
comment thread (prose interleaved with names, dates and reply counters). This is
trafilatura's idea (compare with a baseline, pick by length and quality) with
articlekit's own candidate as the baseline, so it costs no second parse. Every block
that the second opinion changes carries its own reason, shown by `inspect` and
`--explain`.
"""

from __future__ import annotations

from collections.abc import Sequence

from articlekit.judge.classify import MAX_LINK_DENSITY, Judgement, Label, is_prose
from articlekit.judge.features import Features
from articlekit.model import Block, Decision, Reason, Verdict, Zone, make_decision

#: Candidates with less prose than this (units) are too small to overrule anything.
MIN_CANDIDATE_UNITS = 40
#: The classifier disagrees when it kept less than this share of the candidate's prose.
MAX_KEPT_SHARE = 0.5
#: A candidate is article-like when its links cover at most this share of its text…
MAX_CANDIDATE_LINK_DENSITY = 0.3
#: …and it has at most this many comment or metadata lines per prose block: a comment
#: thread puts a name, a date or a reply counter beside every comment.
MAX_CHROME_LINES_PER_PROSE = 0.5


def second_opinion(
    blocks: Sequence[Block],
    features: Sequence[Features],
    judgements: Sequence[Judgement],
    decisions: list[Decision],
) -> tuple[list[Decision], str | None]:
    """The decisions, with the main candidate restored when the classifier lost it,
    and a one-line note saying why (None when the classifier's result stands).
    `judgements` are the classifier's context-free verdicts of the blocks."""
    main = [index for index, block in enumerate(blocks) if block.zone is Zone.MAIN]
    if not main:
        return decisions, None
    prose = [_prose_units(feat) for feat in features]
    candidate = sum(prose[index] for index in main)
    if candidate < MIN_CANDIDATE_UNITS:
        return decisions, None
    kept_inside = sum(prose[index] for index in main if decisions[index].is_body)
    kept = sum(units for units, decision in zip(prose, decisions, strict=True) if decision.is_body)
    # Only prose the second opinion would restore counts as disagreement (not the
    # candidate's own chrome: a gallery, a contact box).
    restorable = sum(prose[i] for i in main if _restorable(judgements[i], prose[i]))
    if kept_inside >= MAX_KEPT_SHARE * restorable or kept >= restorable:
        return _join_across_plain_gaps(blocks, features, judgements, decisions)
    if not _reads_as_article(judgements, features, main):
        return decisions, None
    first, last = _with_adjoining_body(decisions, main[0], main[-1])
    revised = list(decisions)
    for index, decision in enumerate(decisions):
        if (
            blocks[index].zone is Zone.MAIN
            and not decision.is_body
            and _restorable(judgements[index], prose[index])
        ):
            revised[index] = make_decision((decision.block, Verdict.BODY, Reason.RECOVERED))
        elif decision.is_body and not first <= index <= last:
            revised[index] = make_decision((decision.block, Verdict.CHROME, Reason.DISPLACED))
    note = (
        f"second opinion: the classifier kept {kept_inside} of the {restorable} prose units "
        "in the page's main content; that content was restored"
    )
    return revised, note


def _join_across_plain_gaps(
    blocks: Sequence[Block],
    features: Sequence[Features],
    judgements: Sequence[Judgement],
    decisions: list[Decision],
) -> tuple[list[Decision], str | None]:
    """Main-content prose that the region search left out only because a run of plain
    short lines (a chart's labels, a table's cells: no links, no chrome) separates it
    from the kept article joins it; the short lines stay out. A chrome line (a link, a
    related-list heading, a comment stub) in the gap ends the search there."""
    kept = [index for index, decision in enumerate(decisions) if decision.is_body]
    if not kept:
        return decisions, None
    revised = list(decisions)
    joined = 0
    for direction, start in ((1, kept[-1] + 1), (-1, kept[0] - 1)):
        index = start
        while 0 <= index < len(blocks):
            block, feat = blocks[index], features[index]
            label = judgements[index].label
            if label is Label.BAD or feat.link_density:
                break
            if label is Label.GOOD and block.zone is Zone.MAIN:
                revised[index] = make_decision((block, Verdict.BODY, Reason.RECOVERED))
                joined += 1
            index += direction
    if not joined:
        return decisions, None
    note = (
        f"second opinion: {joined} prose blocks of the page's main content, cut off by a "
        "run of plain short lines, were joined to the article"
    )
    return revised, note


def _with_adjoining_body(decisions: Sequence[Decision], first: int, last: int) -> tuple[int, int]:
    """The candidate's span, widened over kept blocks that touch it (a lead paragraph
    or a byline the classifier kept just outside the candidate stays)."""
    while first > 0 and decisions[first - 1].is_body:
        first -= 1
    while last + 1 < len(decisions) and decisions[last + 1].is_body:
        last += 1
    return first, last


def _restorable(judgement: Judgement, prose_units: int) -> bool:
    """A candidate block comes back unless it is chrome by its own shape; a block that
    is prose and was called navigation only for its links (a list the markup left open
    around the story) comes back too."""
    label, reason = judgement
    return label is not Label.BAD or (reason is Reason.NAVIGATION and prose_units > 0)


def _prose_units(feat: Features) -> int:
    """A block's length if it reads as prose (punctuated, not mostly links), else 0."""
    return feat.units if feat.link_density <= MAX_LINK_DENSITY and is_prose(feat) else 0


def _reads_as_article(
    judgements: Sequence[Judgement], features: Sequence[Features], main: list[int]
) -> bool:
    units = links = prose_blocks = chrome_lines = 0
    for index in main:
        feat = features[index]
        label, reason = judgements[index]
        units += feat.units
        links += round(feat.units * feat.link_density)
        if label is Label.GOOD:
            prose_blocks += 1
        elif reason in (Reason.COMMENT, Reason.METADATA):
            chrome_lines += 1
    if not prose_blocks or links > MAX_CANDIDATE_LINK_DENSITY * units:
        return False
    return chrome_lines <= MAX_CHROME_LINES_PER_PROSE * prose_blocks
