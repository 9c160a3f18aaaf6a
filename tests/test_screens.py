"""The line screens may pass a line no rule matches, never hide one that a rule matches."""

from __future__ import annotations

import os
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articlekit.judge import vocab
from articlekit.judge.classify import _LINE_SCREEN, line_cues
from articlekit.judge.screens import QUIET, LineScreen, fold, literal_prefix

EXAMPLES = int(os.environ.get("ARTICLEKIT_HYPOTHESIS_EXAMPLES", "300"))

#: Every line-start pattern the short-line rules try with `.match`.
_START_PATTERNS = [
    vocab.COMMENT_STUB_RE,
    vocab.RELATED_RE,
    vocab.DISCLAIMER_RE,
    vocab.META_LABEL_RE,
    vocab.BYLINE_RE,
    vocab.PROMO_LABEL_RE,
    vocab.NAV_RE,
    vocab.GALLERY_LINE_RE,
    vocab.CAPTION_LABEL_RE,
]
_VOCABULARIES = [
    vocab.FOOTER,
    vocab.SHARE,
    vocab.PROMO,
    vocab.COUNTER,
    vocab.MEDIA_WORDS,
    vocab.GALLERY_WORDS,
]
_NOISE = st.text(st.sampled_from("ab 。，:：12【（)İı\u3000中文"), max_size=6)


@pytest.mark.parametrize("letter", "abcdefghijklmnopqrstuvwxyz")
def test_fold_maps_every_character_ignorecase_equates_with_a_letter_to_it(letter: str) -> None:
    """Latin screens match folded text case-sensitively, where the rules use IGNORECASE."""
    pattern = re.compile(letter, re.IGNORECASE)
    equated = [chr(c) for c in range(sys.maxunicode + 1) if pattern.fullmatch(chr(c))]
    assert len(equated) >= 2
    assert all(fold(char) == letter for char in equated), equated


@pytest.mark.parametrize(
    ("term", "prefix"),
    [
        ("浏览量?", "浏览"),
        ("comments?", "comment"),
        ("log ?in", "log"),
        ("go+gle", "go"),
        (r"\(c\)\s*\d{4}", "(c)"),
        (r"\d+ views", ""),
        ("[Pp]hoto", ""),
        ("(?:a|b)", ""),
        ("a{2}", ""),
        ("ab*c", "a"),
    ],
)
def test_literal_prefix_stops_where_a_match_may_differ(term: str, prefix: str) -> None:
    assert literal_prefix(term) == prefix


def test_a_term_without_a_literal_start_is_refused() -> None:
    with pytest.raises(ValueError, match="literal start"):
        LineScreen(line_starts=["[ab]c"], line_ends=[], cjk_words=[], latin_words=[], marks=[])


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.data())
def test_a_line_a_start_pattern_matches_is_never_quiet_to_the_start_screen(
    data: st.DataObject,
) -> None:
    pattern = data.draw(st.sampled_from(_START_PATTERNS))
    line = data.draw(st.from_regex(pattern, fullmatch=True))
    if pattern.match(line):
        assert line_cues(line).starts, (pattern.pattern, line)
        assert _LINE_SCREEN.screen_alone(line).starts, (pattern.pattern, line)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.data())
def test_a_line_holding_a_vocabulary_word_is_never_quiet_to_the_word_screen(
    data: st.DataObject,
) -> None:
    words = data.draw(st.sampled_from(_VOCABULARIES))
    compiled = [p for p in (words._cjk, words._latin) if p is not None]
    term = data.draw(st.from_regex(data.draw(st.sampled_from(compiled)), fullmatch=True))
    line = data.draw(_NOISE) + term + data.draw(_NOISE)
    if words.search(line):
        for cues in (line_cues(line), _LINE_SCREEN.screen_alone(line)):
            assert cues is not QUIET and cues.words, line


def test_quiet_lines_are_most_short_lines_of_a_page() -> None:
    """The screens exist to skip the rules on headline-like lines; they must still do so."""
    lines = ["一篇文章的标题", "Breaking news from the coast", "第二部分 方法", "结语"]
    assert all(line_cues(line) is QUIET for line in lines)


_LINE_PIECES = st.sampled_from(
    ["评论", "分享到", "来源：", "推荐", "推荐：", "Share", "SHARE", "By ", "© 2020", "3/12",
     "12 views", "首页", "位置", " | ", " > ", ":", "（图）", "(AP)", ")", "  ", "\u3000\u3000",
     "\t", "İ", "ß", "\u0307", "ı", "正文", "the", "a", "。", "1", "\n", "", " "]
)  # fmt: skip


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.lists(_LINE_PIECES, max_size=6).map("".join), max_size=8))
def test_screening_a_page_at_once_gives_each_line_its_own_cues(lines: list[str]) -> None:
    assert _LINE_SCREEN.page_cues(lines) == [_LINE_SCREEN.screen_alone(line) for line in lines]


def test_screening_fixture_pages_at_once_gives_each_line_its_own_cues() -> None:
    from articlekit.read.textblocks import split_text_blocks
    from conftest import PAGES, SEED

    for page in [*sorted(PAGES.glob("*.txt")), SEED]:
        lines = [b.text for b in split_text_blocks(page.read_text("utf-8", errors="replace"))]
        assert _LINE_SCREEN.page_cues(lines) == [_LINE_SCREEN.screen_alone(line) for line in lines]
