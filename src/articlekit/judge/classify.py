"""Classify: blocks → body or a named kind of chrome, each with its reason.

Three passes, in the jusText shape:

1. *Context-free*: one if/elif ladder over each block's features and vocabulary
   (`judge_block`). A block is GOOD (punctuated prose), SHORT (a short line that could
   be a heading, a caption or a menu entry) or BAD (matches a chrome shape: counters,
   dates, comment stubs, share bars, footers, promo, menus).
2. *Region*: the article is the densest run of prose. Every block gets a score
   (GOOD: + its length; SHORT: a small penalty; BAD: a larger one) and the run with the
   largest sum wins (`find_article_region`) — menus before it and related lists, comment
   widgets and footers after it are many short lines whose penalties outweigh their text.
3. *Context*: inside the region, SHORT lines stay (headings, captions, table cells) and
   BAD lines go; a related-list or comment heading late in the region ends it; a block
   after a promo label is promo. Outside the region everything is chrome, named by
   its own reason or by its position.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from enum import StrEnum
from typing import NamedTuple

from articlekit.judge.features import (
    Features,
    block_features,
    count_units,
    ends_sentence,
    page_features,
)
from articlekit.judge.screens import QUIET, LineCues, LineScreen
from articlekit.judge.vocab import (
    BIO_HEADING_RE,
    BIO_HEADING_WORDS,
    BREADCRUMB_RE,
    BYLINE_RE,
    BYLINE_WORDS,
    CAPTION_LABEL_RE,
    CAPTION_MEDIA_WORDS,
    CAPTION_TAIL_RE,
    CAPTION_WORDS,
    COMMENT_HEADING_RE,
    COMMENT_HEADING_WORDS,
    COMMENT_STUB_RE,
    COMMENT_STUB_WORDS,
    CONSENT_RE,
    CONTACT_FIELD_RE,
    COOKIE_WORDS,
    COUNTER,
    DATE_COUNTER_RE,
    DATE_RE,
    DISCLAIMER_RE,
    DISCLAIMER_WORDS,
    FEED_ROW_RE,
    FOOTER,
    GALLERY_COUNTER_RE,
    GALLERY_LINE_RE,
    GALLERY_LINE_WORDS,
    GALLERY_WORDS,
    LABEL_VALUE_RUN_RE,
    LISTING_ENTRY_RE,
    MEDIA_WORDS,
    META_COLON_WORDS,
    META_LABEL_RE,
    META_LABEL_WORDS,
    META_LATIN_WORDS,
    NAV_RE,
    NAV_WORDS,
    PHONE_NUMBER_RE,
    PROMO,
    PROMO_LABEL_RE,
    PROMO_LABEL_WORDS,
    RELATED_RE,
    RELATED_WORDS,
    ROLE_LABELS,
    SEPARATOR_RUN_RE,
    SHARE,
    SPEAKER_RE,
    TRANSCRIPT_NOTICE_RE,
    TRANSCRIPT_NOTICE_WORDS,
    is_numbered_entry,
)
from articlekit.model import Block, BlockKind, Decision, Reason, Verdict, Zone, make_decision

#: Units (CJK chars or words) at or above which a block ending a sentence is prose.
MIN_PROSE_UNITS = 10
#: Units at or above which a block with some punctuation is prose even without an ending.
MIN_LONG_PROSE_UNITS = 30
#: Punctuation marks per unit a long unterminated block needs to count as prose
#: (related-article titles carry one comma in 30 characters; prose several).
MIN_LONG_PROSE_PUNCT_DENSITY = 0.04
#: Longest block (units) a chrome vocabulary hit can condemn: longer text is prose
#: that merely mentions 评论 / share / print.
MAX_SHORT_CHROME_UNITS = 12
#: Longest short line (characters) the short-line chrome rules read: 80 units of
#: English are under 600 characters.
MAX_SHORT_LINE_CHARS = 1000
#: Longest metadata line (units): a date, a source, an editor, a byline.
MAX_METADATA_UNITS = 30
#: Longest footer line (units): copyright and licence lines.
MAX_FOOTER_UNITS = 80
#: Prose said once needed per character of repeated prose before the copies count as
#: chrome (a news page's carousel captions: up to 1.3 characters of copies per
#: character of its short article; a page of lorem ipsum: all copies).
MIN_ONCE_PER_REPEATED = 0.25
#: Longest listing entry (units): a linked title with its date and counters.
MAX_LISTING_UNITS = 60
#: Longest caption (units): a caption is a sentence or two under a picture.
MAX_CAPTION_UNITS = 60
#: Longest labelled disclaimer (units) treated as footer; longer is an article about one.
MAX_DISCLAIMER_UNITS = 150
#: Promo: distinct promo cues needed in a block, and the length up to which two suffice.
MIN_PROMO_CUES = 2
MAX_TWO_CUE_PROMO_UNITS = 80
MIN_CUES_LONG_PROMO = 3
MAX_PROMO_UNITS = 300
#: Longest player/file widget line (characters): `大小:2.4M时长:12:05`.
MAX_MEDIA_LINE_CHARS = 60
#: Links: share of a block's characters inside links above which it is navigation.
MAX_LINK_DENSITY = 0.5
#: Tables whose text is mostly links are indexes (forum threads, link grids).
MAX_TABLE_LINK_DENSITY = 0.3
#: Menus drawn as `A | B | C`: separators and mean segment length (units).
MIN_MENU_SEPARATORS = 3
MAX_MENU_SEGMENT_UNITS = 6
#: Region scores: penalty (in units) for a short line and for a chrome line. A short
#: line costs little, so headings and table cells inside the article are bridged; a run
#: of menu entries or related titles costs more than an article paragraph earns.
SHORT_PENALTY = 4
CHROME_PENALTY = 15
#: HTML: weights of prose inside / outside readability's candidate, and of short lines inside.
MAIN_PROSE_WEIGHT = 2.0
MAIN_PENALTY_WEIGHT = 0.5
#: A short line inside the candidate (a table cell, a list of dates) earns a little.
MAIN_SHORT_WEIGHT = 0.5
MAX_MAIN_SHORT_SCORE = 5.0
OUTSIDE_PROSE_WEIGHT = 0.5
#: …that discount applies only when the candidate holds at least this share of the prose.
MIN_CANDIDATE_PROSE_SHARE = 0.4
#: A related/comment heading ends the region only past this share of its prose.
MIN_PROSE_SHARE_BEFORE_TERMINATOR = 0.5
#: …or, for a comment heading, past this much prose (units): a long comment thread can
#: outweigh the article it follows.
MIN_PROSE_UNITS_BEFORE_COMMENTS = 150
#: …unless it lies inside the main candidate and the candidate's prose after it is at
#: least this share of the prose before it: then the article goes on past a mention.
MIN_MAIN_PROSE_SHARE_PAST_MENTION = 0.5


#: Cheap pre-checks: every date shape we read has a 4-digit year, and a breadcrumb needs
#: an arrow or a location label; most lines have neither, so the costly pattern is skipped.
_YEAR_RE = re.compile(r"\d{4}")
_BREADCRUMB_HINT_RE = re.compile("[>»›→]|位置")
#: Every menu separator holds one of these; `SEPARATOR_RUN_RE` (which tries three
#: alternatives at every position) runs only on the few lines that have one.
_SEPARATOR_HINT_RE = re.compile(r"[|｜/\t]|\s\s")
#: Every start-anchored pattern, every word list and every mark the short-line rules
#: consult, screened once per line (see `LineCues`).
_CHROME_VOCABULARIES = (FOOTER, SHARE, PROMO, COUNTER, MEDIA_WORDS, GALLERY_WORDS)
_LINE_SCREEN = LineScreen(
    line_starts=(
        COMMENT_STUB_WORDS,
        COMMENT_HEADING_WORDS,
        RELATED_WORDS,
        BIO_HEADING_WORDS,
        DISCLAIMER_WORDS,
        TRANSCRIPT_NOTICE_WORDS,
        META_LABEL_WORDS,
        META_COLON_WORDS,
        META_LATIN_WORDS,
        BYLINE_WORDS,
        NAV_WORDS,
        GALLERY_LINE_WORDS,
        CAPTION_MEDIA_WORDS,
        CAPTION_WORDS,
    ),
    line_ends=(PROMO_LABEL_WORDS,),
    cjk_words=[v.terms[0] for v in _CHROME_VOCABULARIES],
    latin_words=[v.terms[1] for v in _CHROME_VOCABULARIES],
    # A label's colon (media widgets), breadcrumb arrows and location label, menu separators.
    marks=(":", "：", ">", "»", "›", "→", "|", "｜", "/", "\t", "位置"),
)
_CLOSING_BRACKETS = (")", "）")


def has_full_date(text: str) -> bool:
    """Whether the text holds a full date (with its year).

    >>> has_full_date("2020-10-04 20:30"), has_full_date("Nov. 16, 2019"), has_full_date("第3张")
    (True, True, False)
    """
    return bool(_YEAR_RE.search(text)) and bool(DATE_RE.search(text))


class Label(StrEnum):
    GOOD = "good"
    SHORT = "short"
    BAD = "bad"


class Judgement(NamedTuple):
    label: Label
    reason: Reason


#: Judgements are few distinct values; building one per line cost more than the rule.
_JUDGEMENTS = {(label, reason): Judgement(label, reason) for label in Label for reason in Reason}


def line_cues(text: str) -> LineCues:
    """The screens' cues for one short line (`QUIET` when no chrome rule can match).

    >>> line_cues("一篇文章的标题") is QUIET, line_cues("分享到：")
    (True, LineCues(digits=False, starts=False, words=True, marks=True))
    """
    return _LINE_SCREEN.cues(text)


def classify_blocks(
    blocks: Sequence[Block], features: Sequence[Features] | None = None
) -> list[Decision]:
    """Give every block a verdict and a reason (see the module docstring)."""
    return classify_page(blocks, page_features(blocks, features))[0]


def classify_page(
    blocks: Sequence[Block],
    features: Sequence[Features],
    *,
    shows_hidden: bool = False,
    from_text: bool = False,
) -> tuple[list[Decision], list[Judgement]]:
    """The verdicts, and the context-free judgement of every block they came from (the
    second opinion reads those instead of judging the page again). `shows_hidden`: the
    blocks are a text browser's dump, which shows the copies a browser hides;
    `from_text`: they are raw page text, whose lists are bullets drawn before lines."""
    # Only short lines consult the cues; long ones are left out of the scan.
    cues = _LINE_SCREEN.page_cues(
        [
            b.text if f.units <= MAX_FOOTER_UNITS else ""
            for b, f in zip(blocks, features, strict=True)
        ]
    )
    judgements = [judge_block(*args) for args in zip(blocks, features, cues, strict=True)]
    if shows_hidden:
        _mark_repeated_prose(blocks, judgements)
    zones = [b.zone for b in blocks]
    _relieve_figure_captions(blocks, judgements)
    scores = [
        _region_score(b, j, f, from_text)
        for b, j, f in zip(blocks, judgements, features, strict=True)
    ]
    start, end = find_article_region(scores, judgements, features, zones)
    if end < start:
        # No prose at all (a short note, a poem, a list): keep every line that is not
        # chrome rather than report an empty article.
        return _decide(blocks, judgements, 0, len(blocks) - 1), judgements
    cut = _cut_at_terminator(judgements, features, zones, start, end)
    if cut < end:
        # Prose past the related list or comment heading helped the region reach this
        # far; without it the best region may end sooner. Choosing again within the cut
        # makes the result a fixed point: cleaning the output again changes nothing.
        start, end = find_article_region(scores, judgements, features, zones, within=(start, cut))
    end = _through_closing_list(blocks, judgements, end)
    return _decide(blocks, judgements, start, end), judgements


def _through_closing_list(
    blocks: Sequence[Block], judgements: Sequence[Judgement], end: int
) -> int:
    """Extend the article over a list its last lines introduce (`Key takeaways:`,
    `总结一下……三点：`): the region ends at its last prose block, and a closing list
    after it was taken for a related-article list.

    The introduction is a line of the article's own, ending in a colon, right after
    the region; the list follows it, and neither is chrome by itself."""
    index = end + 1
    if index + 1 >= len(blocks) or judgements[index].label is Label.BAD:
        return end
    if not blocks[index].text.rstrip().endswith((":", "：")):
        return end
    closing = blocks[index + 1]
    if closing.kind is not BlockKind.LIST or judgements[index + 1].label is Label.BAD:
        return end
    return index + 1


def _mark_repeated_prose(blocks: Sequence[Block], judgements: list[Judgement]) -> None:
    """Prose that the page prints twice word for word is not the article's: an article
    says each paragraph once, while a carousel clones its slides' captions, a gallery
    prints each caption beside its picture's alt text and a teaser repeats its blurb.
    A browser hides most such copies (`innerText` never sees them), and so does the
    HTML reader (`read.hidden`); a text browser's dump shows them all, in the middle
    of the article.

    One copy may stay: the first that sits between the page's own text (a standfirst
    repeated as the first paragraph), or, on a page of little but copies (a template,
    a test page of lorem ipsum), the first of each. The text kept then holds no copy,
    so cleaning it again keeps all of it."""
    seen = Counter(b.text for b, j in zip(blocks, judgements, strict=True) if j is _PROSE)
    if len(seen) == sum(seen.values()):
        return
    once = sum(len(text) for text, count in seen.items() if count == 1)
    mostly_copies = once < MIN_ONCE_PER_REPEATED * sum(
        len(text) * count for text, count in seen.items() if count > 1
    )

    def own(index: int) -> bool:
        """Whether the block at `index` is the page's own: said once and no chrome."""
        if not 0 <= index < len(blocks) or judgements[index].label is Label.BAD:
            return False
        return judgements[index] is not _PROSE or seen[blocks[index].text] == 1

    copies: dict[str, list[int]] = {}
    for index, (block, judgement) in enumerate(zip(blocks, judgements, strict=True)):
        if judgement is _PROSE and seen[block.text] > 1:
            copies.setdefault(block.text, []).append(index)
    for indexes in copies.values():
        between_own = (
            index
            for index in indexes
            if own(index - 1)
            and own(index + 1)
            and _PROSE in (judgements[index - 1], judgements[index + 1])
        )
        keep = next(between_own, indexes[0] if mostly_copies else None)
        for index in indexes:
            if index != keep:
                judgements[index] = _REPEATED


def _relieve_figure_captions(blocks: Sequence[Block], judgements: list[Judgement]) -> None:
    """A caption the markup ties to a figure (a `<figcaption>`, or a line right after
    a picture) is dropped from the text but belongs to the article: in the region search
    it costs what a short line costs, so a step-by-step article (step, picture, caption,
    step…) is not cut at its first picture. Raw text has no pictures, so a caption-like
    line there keeps the full chrome penalty."""
    for index, judgement in enumerate(judgements):
        if judgement.reason is Reason.CAPTION and (
            blocks[index].tag == "figcaption"
            or (index > 0 and blocks[index - 1].kind is BlockKind.IMAGE)
        ):
            judgements[index] = _FIGURE_CAPTION


def judge_block(block: Block, feat: Features, screened: LineCues | None = None) -> Judgement:
    """Context-free verdict of one block: the first matching rule wins (`screened`:
    the cues of the block, when the page was screened at once)."""
    text, kind = block.text, block.kind
    units, link_density = feat.units, feat.link_density
    if kind is not _PARAGRAPH and kind in _STRUCTURE_KINDS:
        return _judge_structure(block, feat)
    if units == 0:
        return _SHORT_IN_BODY
    if units <= MAX_FOOTER_UNITS and is_consent_notice(text):
        return _JUDGEMENTS[Label.BAD, Reason.CONSENT]
    if units > MAX_FOOTER_UNITS:
        cues = None
        chrome = chrome_reason(text, feat)
    else:
        cues = line_cues(text) if screened is None else screened
        chrome = None if cues is QUIET else chrome_reason(text, feat, cues)
    if chrome is not None:
        return _JUDGEMENTS[Label.BAD, chrome]
    if link_density > MAX_LINK_DENSITY and units < MIN_LONG_PROSE_UNITS * 2:
        return _JUDGEMENTS[Label.BAD, Reason.NAVIGATION]
    if kind is BlockKind.HEADING:
        return _JUDGEMENTS[Label.SHORT, Reason.HEADING]
    if block.tag == "figcaption" or (
        cues is not None
        and cues is not QUIET
        and units <= MAX_CAPTION_UNITS
        and _is_caption(text, cues)
    ):
        return _JUDGEMENTS[Label.BAD, Reason.CAPTION]
    if is_prose(feat):
        return _PROSE
    return _SHORT_IN_BODY


_PARAGRAPH = BlockKind.PARAGRAPH
_STRUCTURE_KINDS = frozenset({BlockKind.TABLE, BlockKind.IMAGE, BlockKind.CODE, BlockKind.LIST})
_SHORT_IN_BODY = _JUDGEMENTS[Label.SHORT, Reason.SHORT_IN_BODY]
_PROSE = _JUDGEMENTS[Label.GOOD, Reason.PROSE]
_REPEATED = _JUDGEMENTS[Label.BAD, Reason.REPEATED]
#: A caption tied to a picture: removed like chrome, scored like a short line.
_FIGURE_CAPTION = Judgement(Label.BAD, Reason.CAPTION)


def _judge_structure(block: Block, feat: Features) -> Judgement:
    """Tables, images, code and lists: structure, unless a table or list is links."""
    kind = block.kind
    if kind is BlockKind.LIST:
        return _judge_list(block, feat)
    if kind is BlockKind.TABLE and feat.link_density > MAX_TABLE_LINK_DENSITY:
        return _JUDGEMENTS[Label.BAD, Reason.NAVIGATION]
    return _JUDGEMENTS[Label.SHORT, Reason.STRUCTURE]


def is_prose(feat: Features) -> bool:
    """Punctuated text long enough to be a paragraph.

    >>> from articlekit.judge.features import block_features_of as f
    >>> is_prose(f("我们发布了著名的系统，它可以生成图像。"))
    True
    >>> is_prose(f("一篇普通文章的标题,其实只是一行链接文字"))
    False
    """
    if feat.units >= MIN_PROSE_UNITS and feat.ends_sentence:
        return True
    return feat.units >= MIN_LONG_PROSE_UNITS and feat.punct_density >= MIN_LONG_PROSE_PUNCT_DENSITY


def chrome_reason(text: str, feat: Features, cues: LineCues | None = None) -> Reason | None:
    """The kind of chrome a line's shape and vocabulary show, or None.

    >>> from articlekit.judge.features import block_features_of as f
    >>> chrome_reason("2024-06-15 16:307268", f("2024-06-15 16:307268")).value
    'metadata line'
    >>> chrome_reason("暂无评论", f("暂无评论")).value
    'comment stub'
    >>> chrome_reason("他在评论中写道，这是一个好的开始。", f("他在评论中写道，这是一个好的开始。")) is None
    True
    """
    units = feat.units
    if units > MAX_FOOTER_UNITS:
        return _long_chrome_reason(text, feat)
    if len(text) > MAX_SHORT_LINE_CHARS:
        # Few units in many characters: runs of space or punctuation, no chrome line
        # anyone wrote. The short-line patterns are not run on it (several would take
        # time quadratic in such runs).
        return None
    digits, starts, words, marks = cues or line_cues(text)
    short = units <= MAX_SHORT_CHROME_UNITS
    ends_sentence = feat.ends_sentence
    if digits and DATE_COUNTER_RE.match(text):
        return Reason.METADATA
    if short and starts and COMMENT_STUB_RE.match(text):
        return Reason.COMMENT
    if starts and not ends_sentence and COMMENT_HEADING_RE.match(text):
        return Reason.COMMENT
    if short and starts and (RELATED_RE.match(text) or BIO_HEADING_RE.match(text)):
        return Reason.RELATED
    if (marks and _is_media_line(text)) or (
        short and _is_gallery_control(text, digits, starts, words)
    ):
        return Reason.MEDIA
    if words and not ends_sentence and FOOTER.search(text):
        return Reason.SHARE_FOOTER
    if starts and DISCLAIMER_RE.match(text):
        return Reason.SHARE_FOOTER
    if starts and units <= MAX_METADATA_UNITS and TRANSCRIPT_NOTICE_RE.match(text):
        return Reason.SHARE_FOOTER
    if units <= MAX_METADATA_UNITS and _is_metadata_line(text, feat, digits, starts, words):
        return Reason.METADATA
    if digits and units <= MAX_LISTING_UNITS and _is_listing_entry(text, ends_sentence):
        return Reason.RELATED
    if (starts and PROMO_LABEL_RE.match(text)) or (words and _is_promo(text, feat)):
        return Reason.AD_PROMO
    if short and words and not ends_sentence and SHARE.search(text):
        return Reason.SHARE_FOOTER
    if _is_menu_line(text, feat, starts, marks):
        return Reason.NAVIGATION
    return None


def _long_chrome_reason(text: str, feat: Features) -> Reason | None:
    """Long blocks are prose unless they are a labelled statement, contact details, a
    promo box or a run-on menu; the short-line vocabulary is not even scanned (it is
    the hot path)."""
    if feat.units <= MAX_DISCLAIMER_UNITS and (DISCLAIMER_RE.match(text) or is_contact_block(text)):
        return Reason.SHARE_FOOTER
    if PROMO_LABEL_RE.match(text) or _is_promo(text, feat):
        return Reason.AD_PROMO
    if _is_menu_line(text, feat, starts=True, marks=True):
        return Reason.NAVIGATION
    return None


def is_consent_notice(text: str) -> bool:
    """A cookie banner: it names cookies and asks the reader to accept or set them
    (the caller caps its length: a banner is a few sentences). It reads as prose and
    often sits right above the story, so it was kept as the article's first paragraph,
    or won over a short article.

    >>> is_consent_notice("We use cookies to improve your experience. By continuing you accept them.")
    True
    >>> is_consent_notice("本网站使用Cookie，继续浏览即表示您同意。")
    True
    >>> is_consent_notice("The cookie jar was empty, so she baked another batch on Sunday.")
    False
    """
    if _COOKIE_CUE_RE.search(text) is None:
        return False
    return CONSENT_RE.search(text.casefold()) is not None


#: Cookie words as they are written (one search before case-folding the text).
_COOKIE_CUE_RE = re.compile("|".join(map(re.escape, (*COOKIE_WORDS, "Cookie", "COOKIE"))))


def is_contact_block(text: str) -> bool:
    """A site's contact details: two contact fields (telephone, fax, e-mail) and a
    telephone number. A long paragraph of them (a service desk's hours and numbers)
    is the footer's "contact us", yet it can outweigh a short article by length alone;
    on the dev pages no gold paragraph has both. Short lines are left to the region
    search: there, a contact line is never prose, so it never extends the article.

    >>> is_contact_block("Customer service: Telephone: 01-2345678 Fax: 01-2345679")
    True
    >>> is_contact_block("举报电话：010-1234567 邮箱：report@example.org")
    True
    >>> is_contact_block("He said he would phone the office: it was closed in 2019.")
    False
    """
    if PHONE_NUMBER_RE.search(text) is None:  # digits are rare in prose: the cheap test first
        return False
    return len(CONTACT_FIELD_RE.findall(text)) >= 2


def find_article_region(
    scores: Sequence[float],
    judgements: Sequence[Judgement],
    features: Sequence[Features],
    zones: Sequence[Zone],
    within: tuple[int, int] | None = None,
) -> tuple[int, int]:
    """The [start, end] block range with the largest sum of `scores` (each block's
    `_region_score`; Kadane's scan, linear), over the whole page or `within` an
    inclusive range of it.

    Returns (start, start - 1) when there is no prose at all.
    """
    has_candidate = Zone.MAIN in zones
    outside_weight = _outside_prose_weight(judgements, features, zones) if has_candidate else 1.0
    low, high = within if within is not None else (0, len(judgements) - 1)
    best, best_start, best_end = 0.0, low, low - 1
    run, run_start = 0.0, low
    for index in range(low, high + 1):
        judgement, feat = judgements[index], features[index]
        if run <= 0:
            run, run_start = 0.0, index
        score = scores[index]
        if has_candidate:
            score = _zone_weighted(score, zones[index], judgement, feat, outside_weight)
        run += score
        if run > best:
            best, best_start, best_end = run, run_start, index
    return best_start, best_end


def _region_score(block: Block, judgement: Judgement, feat: Features, from_text: bool) -> float:
    """Prose counts by its length; chrome and short lines count against the region.

    In raw text a list that is not prose weighs as its items would as lines: the same
    page's `innerText` shows them without bullets, one short line each, and a dump's
    sidebar of a hundred bulleted categories is a hundred short lines, not one (English
    dumps, both halves: lynx 0.914 -> 0.920, w3m 0.917 -> 0.924). A list of sentences
    with a few short items still adds to the article. In HTML the markup says what a
    list is and its links say what a menu is: a list counts once (a recipe's list of
    ten ingredients is not ten menu lines)."""
    if judgement.label is Label.GOOD:
        return float(feat.units)
    if judgement.label is Label.BAD and judgement is not _FIGURE_CAPTION:
        return -float(CHROME_PENALTY)
    if block.kind is not BlockKind.LIST or not from_text:
        return -float(SHORT_PENALTY)
    score = 0.0
    for item in block.items:
        item_feat = block_features(Block(BlockKind.PARAGRAPH, item, 0))
        if chrome_reason(item, item_feat) is not None:
            score -= CHROME_PENALTY
        else:
            score += item_feat.units if is_prose(item_feat) else -SHORT_PENALTY
    return min(score, -float(SHORT_PENALTY))


def _outside_prose_weight(
    judgements: Sequence[Judgement], features: Sequence[Features], zones: Sequence[Zone]
) -> float:
    """Prose outside the candidate is discounted only when the candidate holds most of
    the page's prose; when readability picked a fragment, outside prose counts fully."""
    main = total = 0
    for judgement, feat, zone in zip(judgements, features, zones, strict=True):
        if judgement.label is Label.GOOD:
            total += feat.units
            main += feat.units if zone is Zone.MAIN else 0
    return OUTSIDE_PROSE_WEIGHT if main >= MIN_CANDIDATE_PROSE_SHARE * total else 1.0


def _zone_weighted(
    score: float, zone: Zone, judgement: Judgement, feat: Features, outside_weight: float
) -> float:
    """Trust the HTML main-content candidate: its prose counts more, prose outside it
    less (it can still be recovered when it adjoins the candidate), and blocks in
    comment/sidebar containers count against the region."""
    if zone is Zone.MAIN:
        if score > 0:
            return score * MAIN_PROSE_WEIGHT
        if judgement.label is Label.SHORT or judgement is _FIGURE_CAPTION:
            return min(feat.units * MAIN_SHORT_WEIGHT, MAX_MAIN_SHORT_SCORE)
        return score * MAIN_PENALTY_WEIGHT
    if zone is Zone.UNLIKELY:
        return -abs(score) - CHROME_PENALTY
    return score * outside_weight if score > 0 else score


def _cut_at_terminator(
    judgements: Sequence[Judgement],
    features: Sequence[Features],
    zones: Sequence[Zone],
    start: int,
    end: int,
) -> int:
    """End the region before a related-list or comment heading that follows most prose.

    Structure outweighs the word: a terminator inside the page's main candidate that
    the candidate's prose goes on well past (`See also: …` in an encyclopedia entry, a
    table's `Comment` column) is a mention in the article, not its end."""
    region = range(start, end + 1)
    total = main_total = 0
    for index in region:
        if judgements[index].label is Label.GOOD:
            total += features[index].units
            main_total += features[index].units if zones[index] is Zone.MAIN else 0
    seen = main_seen = 0
    for index in region:
        judgement = judgements[index]
        if judgement.label is Label.GOOD:
            seen += features[index].units
            main_seen += features[index].units if zones[index] is Zone.MAIN else 0
        elif judgement.reason in (Reason.RELATED, Reason.COMMENT) and (
            seen >= total * MIN_PROSE_SHARE_BEFORE_TERMINATOR
            or (judgement.reason is Reason.COMMENT and seen >= MIN_PROSE_UNITS_BEFORE_COMMENTS)
        ):
            if (
                zones[index] is Zone.MAIN
                and main_total - main_seen >= MIN_MAIN_PROSE_SHARE_PAST_MENTION * seen
            ):
                continue
            return _last_prose(judgements, start, index - 1)
    return end


def _last_prose(judgements: Sequence[Judgement], start: int, end: int) -> int:
    """Pull the region's end back to its last prose block (no dangling headings)."""
    while end >= start and judgements[end].label is not Label.GOOD:
        end -= 1
    return end


def _decide(
    blocks: Sequence[Block], judgements: Sequence[Judgement], start: int, end: int
) -> list[Decision]:
    """Verdicts from the judgements and the region: before it every block is navigation,
    inside it every block not judged BAD is body, after it the rest is related or outside.
    """
    chrome, body, bad, short = Verdict.CHROME, Verdict.BODY, Label.BAD, Label.SHORT
    end = max(end, start - 1)
    decisions: list[Decision] = []
    append = decisions.append
    for block, (label, reason) in zip(blocks[:start], judgements[:start], strict=True):
        append(make_decision((block, chrome, reason if label is bad else Reason.NAVIGATION)))
    after_promo_label = start > 0 and _introduces_promo(blocks[start - 1], judgements[start - 1])
    inside = slice(start, end + 1)
    for block, judgement in zip(blocks[inside], judgements[inside], strict=True):
        label, reason = judgement
        if after_promo_label and label is not short:
            append(make_decision((block, chrome, Reason.AD_PROMO)))
        else:
            append(make_decision((block, chrome if label is bad else body, reason)))
        after_promo_label = _introduces_promo(block, judgement)
    for block, (label, reason) in zip(blocks[end + 1 :], judgements[end + 1 :], strict=True):
        if label is not bad:
            reason = Reason.RELATED if label is short else Reason.OUTSIDE
        append(make_decision((block, chrome, reason)))
    return decisions


def _introduces_promo(block: Block, judgement: Judgement) -> bool:
    """`推荐：` / `Sponsored:` introduces the promo below it; a bare `Advertisement`
    marker between paragraphs introduces nothing."""
    return (
        judgement.reason is Reason.AD_PROMO
        and block.text.rstrip().endswith((":", "："))
        and bool(PROMO_LABEL_RE.match(block.text))
    )


def _judge_list(block: Block, feat: Features) -> Judgement:
    """A list is chrome when most items are chrome and none is prose (a metadata
    cluster such as date / place / word count); otherwise it is body structure."""
    if feat.link_density > MAX_TABLE_LINK_DENSITY:
        return _JUDGEMENTS[Label.BAD, Reason.NAVIGATION]
    if is_slideshow(block.items):
        return _JUDGEMENTS[Label.BAD, Reason.MEDIA]
    item_features = [block_features(Block(BlockKind.PARAGRAPH, item, 0)) for item in block.items]
    reasons = [chrome_reason(item, f) for item, f in zip(block.items, item_features, strict=True)]
    found = [r for r in reasons if r is not None]
    if (
        found
        and len(found) * 2 >= len(reasons)
        and not any(is_prose(f) for f, r in zip(item_features, reasons, strict=True) if r is None)
    ):
        return _JUDGEMENTS[Label.BAD, Counter(found).most_common(1)[0][0]]
    prose_items = sum(map(is_prose, item_features))
    is_good = prose_items * 2 >= len(item_features) and is_prose(feat)
    return _JUDGEMENTS[Label.GOOD if is_good else Label.SHORT, Reason.STRUCTURE]


def is_slideshow(items: Sequence[str]) -> bool:
    """A picture gallery drawn as a list: items that open with a slide counter (`1/50`,
    `2/50`, …). Its captions read as prose, and a gallery can outweigh the story it
    sits in; the counters say what it is.

    >>> is_slideshow(["1/3 A harbour at dawn", "A caption, with words.", "2/3 Boats", "3/3 Nets"])
    True
    >>> is_slideshow(["Step 1/2 of the recipe: mix the flour and the water.", "Bake it."])
    False
    """
    counters = 0
    for item in items:
        head = item.split(None, 1)[0] if item.strip() else ""
        if _SLIDE_COUNTER_RE.fullmatch(head):
            counters += 1
            if counters >= MIN_SLIDE_COUNTERS:
                return True
    return False


#: A slide counter (`12/50`) and how many items must open with one.
_SLIDE_COUNTER_RE = re.compile(r"\d{1,3}/\d{1,3}")
MIN_SLIDE_COUNTERS = 3


def _is_metadata_line(text: str, feat: Features, digits: bool, starts: bool, words: bool) -> bool:
    if starts and (META_LABEL_RE.match(text) or BYLINE_RE.match(text)):
        return not _is_role_speech(text)
    if words and COUNTER.search(text):
        return True
    return (
        digits
        and not feat.ends_sentence
        and feat.units <= MAX_METADATA_UNITS // 2 + 5
        and has_full_date(text)
    )


def _is_role_speech(text: str) -> bool:
    """An interview role speaking (`记者：您认为……？`), not a credit (`记者：李明`): the
    label is a role and a sentence follows it.

    >>> _is_role_speech("记者：您认为未来十年会有哪些突破？"), _is_role_speech("记者：李明")
    (True, False)
    """
    match = SPEAKER_RE.match(text)
    if match is None or match.group("label").strip() not in ROLE_LABELS:
        return False
    speech = match.group("text")
    return count_units(speech) >= MIN_ROLE_SPEECH_UNITS and ends_sentence(speech)


#: Units of speech after a role label that make the line a turn, not a credit.
MIN_ROLE_SPEECH_UNITS = 6


def _is_listing_entry(text: str, ends_sentence: bool) -> bool:
    """A title with its timestamp (a date, a clock time, an age), or a numbered teaser
    or ranked title (whose `...` or `!` can end it like a sentence)."""
    if not ends_sentence and (LISTING_ENTRY_RE.match(text) or FEED_ROW_RE.match(text)):
        return True
    return is_numbered_entry(text)


def _is_gallery_control(text: str, digits: bool, starts: bool, words: bool) -> bool:
    return (
        (digits and GALLERY_COUNTER_RE.search(text) is not None)
        or (words and GALLERY_WORDS.search(text) is not None)
        or (starts and GALLERY_LINE_RE.match(text) is not None)
    )


def _is_caption(text: str, cues: LineCues) -> bool:
    if cues.starts and CAPTION_LABEL_RE.match(text):
        return True
    return (
        cues.marks
        and text.rstrip().endswith(_CLOSING_BRACKETS)
        and CAPTION_TAIL_RE.search(text) is not None
    )


def _is_media_line(text: str) -> bool:
    if len(text) > MAX_MEDIA_LINE_CHARS or (":" not in text and "：" not in text):
        return False
    runs = LABEL_VALUE_RUN_RE.findall(text)
    if len(runs) >= 2 and sum(len(r) for r in runs) >= 0.6 * len(text.replace(" ", "")):
        return True
    return (
        len(text) <= 20 and bool(MEDIA_WORDS.search(text)) and bool(LABEL_VALUE_RUN_RE.search(text))
    )


def _is_promo(text: str, feat: Features) -> bool:
    if feat.units > MAX_PROMO_UNITS or not PROMO.search(text):
        return False
    cues = {hit.lower() for hit in PROMO.findall(text)}
    if not cues:
        return False
    if len(cues) < MIN_PROMO_CUES:
        return feat.units <= MAX_SHORT_CHROME_UNITS // 2 and not feat.ends_sentence
    if feat.units <= MAX_TWO_CUE_PROMO_UNITS:
        return True
    return len(cues) >= MIN_CUES_LONG_PROMO and feat.units <= MAX_PROMO_UNITS


def _is_menu_line(text: str, feat: Features, starts: bool, marks: bool) -> bool:
    if starts and feat.units <= MAX_SHORT_CHROME_UNITS // 2 and NAV_RE.match(text):
        return True
    if not marks:
        return False
    if (
        feat.units <= MAX_METADATA_UNITS
        and not feat.ends_sentence
        and _BREADCRUMB_HINT_RE.search(text)
        and BREADCRUMB_RE.search(text)
    ):
        return True
    if feat.punct > 1:
        return False
    separators = len(SEPARATOR_RUN_RE.findall(text)) if _SEPARATOR_HINT_RE.search(text) else 0
    return (
        separators >= MIN_MENU_SEPARATORS
        and feat.units / (separators + 1) <= MAX_MENU_SEGMENT_UNITS
    )
