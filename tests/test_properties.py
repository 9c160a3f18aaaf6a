"""Property tests: no input crashes `clean()`; results are stable and complete."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articlekit import ArticlekitError, clean
from articlekit.export.jsonout import json_schema
from articlekit.model import BlockKind
from articlekit.read.textblocks import normalize_space, split_text_blocks

EXAMPLES = int(os.environ.get("ARTICLEKIT_HYPOTHESIS_EXAMPLES", "300"))
PROFILE = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

_WORDS = st.sampled_from(
    ["首页", "评论", "正文内容，很长的一句话。", "问：为什么？", "答：因为如此。", "Share", "2024-06-15",
     "<p>", "</p>", "<div>", "</div>", "<b>", "<br>", "<h2>", "</h2>", "<li>", "<script>", "&amp;",
     "\n", "\n\n", " ", "记者：", "：", "|", "相关阅读", "The quick brown fox jumps.", "版权所有"]
)  # fmt: skip
_PAGES = st.lists(_WORDS, max_size=80).map("".join)


def _clean_or_typed_error(data: bytes | str) -> None:
    try:
        article = clean(data)
    except ArticlekitError:
        return
    import jsonschema

    jsonschema.validate(article.to_dict(explain=True), json_schema())
    article.to_markdown()


@PROFILE
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    _clean_or_typed_error(data)


@PROFILE
@given(st.text(max_size=2000))
def test_arbitrary_text(text: str) -> None:
    _clean_or_typed_error(text)


@PROFILE
@given(_PAGES)
def test_tag_soup_and_chrome_words(page: str) -> None:
    _clean_or_typed_error(page)


@PROFILE
@given(_PAGES)
def test_kept_and_removed_account_for_every_block(page: str) -> None:
    try:
        article = clean(page)
    except ArticlekitError:
        return
    assert len(article.decisions) == sum(d.is_body for d in article.decisions) + len(
        article.removed
    )


@PROFILE
@given(st.lists(st.sampled_from(["首页", "登录", "正文第一段，内容充实，有很多细节。", "结语",
                                 "另一段正文，也很长，有标点。", "相关阅读", "小Q"]), min_size=1, max_size=30))  # fmt: skip
def test_recleaning_text_output_is_stable(lines: list[str]) -> None:
    try:
        once = clean("\n".join(lines)).to_text()
    except ArticlekitError:
        return
    assert clean(once).to_text() == once


_SPACED_LINES = st.lists(
    st.sampled_from(
        ["a", "字", " ", "  ", "\t", "\u3000", "\u00a0", "\u2009", "\u200b", "\ufeff", "\n"]
    ),
    max_size=40,
).map("".join)


@PROFILE
@given(_SPACED_LINES)
def test_raw_text_lines_come_out_fully_normalised(text: str) -> None:
    """A line is rewritten only when collapsing its spaces changes it; either way its
    block holds exactly the normalised line."""
    lines = text.splitlines()
    for block in split_text_blocks(text):
        if block.kind is BlockKind.PARAGRAPH:
            assert block.text == normalize_space(lines[block.position])
