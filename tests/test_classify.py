"""Rules of the classifier, one chrome kind at a time, plus the region search."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articlekit import clean
from articlekit.judge.classify import (
    _SEPARATOR_HINT_RE,
    LineCues,
    _is_caption,
    chrome_reason,
    classify_blocks,
    is_contact_block,
    is_prose,
    line_cues,
)
from articlekit.judge.features import block_features_of
from articlekit.judge.vocab import SEPARATOR_RUN_RE
from articlekit.model import Reason
from conftest import PAGES, SEED, paragraph

EXAMPLES = int(os.environ.get("ARTICLEKIT_HYPOTHESIS_EXAMPLES", "300"))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("2024-06-15 16:307268", Reason.METADATA),
        ("发布时间：2020-10-04 20:30 来源：长江网", Reason.METADATA),
        ("本文字数:5296 字", Reason.METADATA),
        ("By Jamelle Bouie", Reason.METADATA),
        ("发稿时间：2017-03-10 08:42:00 来源： 某报海外版 某网", Reason.METADATA),
        ("本文来源：某某新闻 作者：王某", Reason.METADATA),
        ("Topics: olympics-summer, swimming, australia", Reason.METADATA),
        ("Tags: travel, food", Reason.METADATA),
        ("标签：新能源 汽车", Reason.METADATA),
        ("暂无评论", Reason.COMMENT),
        ("Leave a comment", Reason.COMMENT),
        ("相关阅读", Reason.RELATED),
        ("Related Articles", Reason.RELATED),
        ("大小:3.16M时长:18:23", Reason.MEDIA),
        ("Copyright © 2000-2006 Example Ltd. All rights reserved", Reason.SHARE_FOOTER),
        ("声明：本站力求信息真实，文章内容仅供参考。", Reason.SHARE_FOOTER),
        ("分享到：", Reason.SHARE_FOOTER),
        ("会议报名火热来袭，干货翻倍！", Reason.AD_PROMO),
        ("公众号推荐：", Reason.AD_PROMO),
        ("首页 | 新闻 | 体育 | 财经 | 科技", Reason.NAVIGATION),
        ("Tell us what you think...", Reason.COMMENT),
        ("3/12", Reason.MEDIA),
        ("旅行中，谁忽悠了你？【版主】08-11 16:06 298字 [4321/87]", Reason.RELATED),
        ("某公司今天正式发布了新一代的智能手机产品系列 2019-10-12", Reason.RELATED),
        ("第3张/共12张 查看原图", Reason.MEDIA),
        ("您的当前位置：新闻中心 > 武汉", Reason.NAVIGATION),
        ("34 responses to “A headline: “with a quote” inside”", Reason.COMMENT),
        ("One thought on “Hello world”", Reason.COMMENT),
        ("Отзывы", Reason.COMMENT),
        ("Laisser un commentaire", Reason.COMMENT),
        ("Похожие статьи", Reason.RELATED),
        ("Leia também", Reason.RELATED),
        ("Sobre Maria Souza", Reason.RELATED),
        ("About the author", Reason.RELATED),
        ("作者简介", Reason.RELATED),
        ("3·超级喜欢这张照片 你是最棒的 永远支...", Reason.RELATED),
        ("2. 新人写真合集(7928)", Reason.RELATED),
    ],
)
def test_chrome_lines(line: str, reason: Reason) -> None:
    assert chrome_reason(line, block_features_of(line)) is reason


@pytest.mark.parametrize(
    "line",
    [
        "他在评论中写道，这是一个好的开始。",
        "The committee will share its findings with the public next week.",
        "2021 年 2 月，我们发布了著名的「文生图」人工智能系统，它是一个模型。",
        "結語",
        "France beat Spain 3-2 in the final minute of extra time.",
        "12 responses to the survey arrived on time, the committee said.",
        "About 200 people attended the ceremony on Sunday.",
        "1. 先把数据读进来，再逐行处理。",
    ],
)
def test_body_lines_are_not_chrome(line: str) -> None:
    assert chrome_reason(line, block_features_of(line)) is None


def test_prose_needs_punctuation_or_length() -> None:
    assert is_prose(block_features_of("我们训练一个小规模的模型，可以看到光照和反射。"))
    assert not is_prose(block_features_of("架构师训练营第十四周"))


def test_menu_before_and_related_list_after_the_article_are_dropped() -> None:
    lines = [
        "首页", "新闻", "体育", "标题：一篇文章",
        "第一段正文，讲述了事情的来龙去脉，细节很多，内容充实。",
        "小标题",
        "第二段正文，继续说明这件事情的影响，以及各方的反应和评价。",
        "相关阅读", "另一篇文章的标题", "作者甲", "又一篇文章的标题", "作者乙",
    ]  # fmt: skip
    decisions = classify_blocks([paragraph(t, i) for i, t in enumerate(lines)])
    kept = [d.block.text for d in decisions if d.is_body]
    assert kept == [lines[4], "小标题", lines[6]]
    assert all(d.reason is not Reason.PROSE for d in decisions if not d.is_body)


def test_captions_and_photo_credits() -> None:
    from articlekit.judge.classify import judge_block
    from articlekit.judge.features import block_features
    from articlekit.model import Block, BlockKind

    for text in (
        "China has warned it will act (Image: GETTY )",
        "Image caption Scooter Braun at an event",
        "图：记者 张三 摄",
    ):
        block = paragraph(text)
        assert judge_block(block, block_features(block)).reason is Reason.CAPTION
    figcaption = Block(
        kind=BlockKind.PARAGRAPH,
        text="A crowd gathers outside the court.",
        position=0,
        tag="figcaption",
    )
    assert judge_block(figcaption, block_features(figcaption)).reason is Reason.CAPTION


# --- the per-line screens (LineCues) only skip rules, never change a verdict ----------

_ALL_CUES = LineCues(digits=True, starts=True, words=True, marks=True)


def _fixture_lines() -> list[str]:
    from articlekit.read.textblocks import split_text_blocks

    lines: list[str] = []
    for page in [*sorted(PAGES.glob("*.txt")), SEED]:
        lines += [b.text for b in split_text_blocks(page.read_text("utf-8", errors="replace"))]
    return lines


def test_screened_ladder_agrees_with_every_rule_run_on_fixture_lines() -> None:
    lines = _fixture_lines()
    assert len(lines) > 300
    for line in lines:
        feat = block_features_of(line)
        if not feat.units:
            continue
        assert chrome_reason(line, feat) is chrome_reason(line, feat, _ALL_CUES), line
        assert _is_caption(line, line_cues(line)) == _is_caption(line, _ALL_CUES), line


_FRAGMENTS = st.sampled_from(
    ["评论", "相关阅读", "分享到", "版权所有", "来源：", "责任编辑", "2024-06-15 16:30", "3/12",
     "第3张", "上一张", "Share", "Copyright", "© 2020", "(c) 2019", "5 min read", "1.2k views",
     "By Jane Doe", "Photo: AP", "(Image: GETTY)", "Next image", "推荐：", "Advertisement",
     "首页", "Home", " | ", " > ", "声明：", "Disclaimer:", "大小:2.4M时长:12:05", "播放",
     "正文", "内容", "the", "news", "。", "，", ":", " ", "12", "【", "（", "）", "İ", "ǅ"]
)  # fmt: skip


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(
        _FRAGMENTS | st.sampled_from(["/", "｜", "\t", "  ", "\u3000", "\n", "a"]), max_size=8
    ).map("".join)
)
def test_separator_hint_never_hides_a_menu_separator(line: str) -> None:
    assert _SEPARATOR_HINT_RE.search(line) or not SEPARATOR_RUN_RE.findall(line)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(_FRAGMENTS, min_size=1, max_size=8).map("".join))
def test_screened_ladder_agrees_with_every_rule_run_on_generated_lines(line: str) -> None:
    feat = block_features_of(line.strip())
    if feat.units:
        text = line.strip()
        assert chrome_reason(text, feat) is chrome_reason(text, feat, _ALL_CUES)
        assert _is_caption(text, line_cues(text)) == _is_caption(text, _ALL_CUES)


def test_region_cut_at_a_related_list_is_a_fixed_point() -> None:
    """Prose past a related-list heading must not keep a tail that cleaning the output
    again would drop (found by the re-cleaning property test)."""
    from articlekit import clean

    prose, other = "正文第一段，内容充实，有很多细节。", "另一段正文，也很长，有标点。"
    page = "\n".join([prose, prose, "结语", "结语", "结语", other, "相关阅读", prose, prose])
    once = clean(page).to_text()
    assert clean(once).to_text() == once
    assert other not in once


@pytest.mark.parametrize(
    ("text", "is_contact"),
    [
        ("电话：010-1234567      传真：010-1234568", True),
        ("【TEL】 01-2345-6789(代表) 【FAX】 01-2345-6780", True),
        ("网站投诉：complaints@example.com  电话：13800000000", True),
        ("Reached by phone: the spokesman declined to comment on the 2,000,000 figure.", False),
        ("记者致电该公司客服热线：400-123-4567，对方表示正在调查此事，将尽快给出答复。", False),
    ],
)
def test_contact_blocks(text: str, is_contact: bool) -> None:
    assert is_contact_block(text) is is_contact


def test_a_long_contact_paragraph_after_a_short_article_is_footer() -> None:
    """Contact details outweigh a two-paragraph article by length alone; their fields
    (telephone, fax, e-mail) mark them as the footer's "contact us", however long."""
    article = [
        "A short news story opens with what happened, who was involved and where, in "
        "one full sentence that a reader can follow.",
        "A second paragraph adds what the police said about the suspect and the "
        "investigation, which is continuing this week.",
    ]
    contact = (
        "The customer service center can be contacted with any questions or requests: "
        "Telephone: 1234 extension 4, or 01-2345678. Fax: 01-2345679. E-mail: "
        "service@example.com. The center is staffed and provides answers on Sundays "
        "through Thursdays between 07:00 and 14:00 and Fridays only handles distribution "
        "requests between 7:00 and 13:00. For international customers the center is "
        "staffed and provides answers Sundays through Thursdays between 06:00 and 14:00 "
        "UTC, and subscribers can also write to the same address at any time of day."
    )
    blocks = [paragraph(text, index) for index, text in enumerate([*article, contact])]
    kept = [d.block.text for d in classify_blocks(blocks) if d.verdict.value == "body"]
    assert kept == article


def test_a_comment_thread_longer_than_the_article_is_cut_at_its_heading() -> None:
    article = [
        "The coach said after the game that winning on Monday was the most important "
        "step toward getting back into the race, and instead his team lost by a touchdown.",
        "He added that the team probably needs help from other results now, with three "
        "games left against teams that have winning records this season.",
    ] * 3
    comments = ["34 responses to “The coach: “We needed to win this game””"]
    for name in ("firstfan", "secondfan", "thirdfan", "fourthfan", "fifthfan"):
        comments += [
            f"{name} says:",
            "It is a good thing nobody is left to watch, because this season has been a "
            "mess from the first week and the defence has given up far too many points.",
            "Replacing the quarterback would not fix it either; the whole roster needs "
            "work, and the coaches have not shown they can make the changes in time.",
        ]
    blocks = [paragraph(text, index) for index, text in enumerate([*article, *comments])]
    kept = [d.block.text for d in classify_blocks(blocks) if d.verdict.value == "body"]
    assert kept == article


def _html_page_text(body: str) -> str:
    from articlekit import clean

    return clean(f"<html><body>{body}</body></html>").to_text()


def test_pictures_and_their_captions_do_not_end_a_step_by_step_article() -> None:
    """Step, picture, caption, step…: a caption is dropped from the text, but a run of
    them is figure material inside the article, not chrome that ends it."""
    intro = "<p>This guide shows how to build a small glass garden at home, step by step.</p>" * 4
    steps = "".join(
        f"<div><p>Step {n}</p><figure><img src='s{n}.jpg' alt=''>"
        f"<figcaption>The garden after step {n} (Pat Example)</figcaption></figure>"
        f"<p>Now do the thing for step {n}, carefully and slowly, and check the soil "
        "before you go on to the next one.</p></div>"
        for n in range(1, 9)
    )
    text = _html_page_text(f"<div class='story'>{intro}</div><div>{steps}</div>")
    assert "Now do the thing for step 8, carefully and slowly" in text
    assert "(Pat Example)" not in text


def test_a_mention_of_related_pages_inside_the_article_does_not_end_it() -> None:
    """`See also: …` or a table's `Comment` header inside the main candidate, with as
    much of the candidate's prose after it as before, is a mention, not the end."""
    para = (
        "<p>"
        + "The island economy grew steadily, and exports of wool rose each year. " * 3
        + "{}</p>"
    )
    before = "".join(para.format(n) for n in range(6))
    after = "".join(para.format(n) for n in range(6, 12))
    text = _html_page_text(
        f"<div class='entry'>{before}<p>See also: List of companies</p>{after}</div>"
        "<div class='related'><h3>Related articles</h3><p>Another story</p></div>"
    )
    assert "rose each year. 11" in text and "rose each year. 0" in text
    assert "See also" not in text


@pytest.mark.parametrize(
    "banner",
    [
        "We use cookies to improve your experience and to show you relevant ads. By clicking "
        "Accept, you agree to the storing of cookies on your device.",
        "本网站使用Cookie来改善您的浏览体验，继续浏览即表示您同意我们使用Cookie。",
        "Wir verwenden Cookies, um unsere Website zu verbessern. Mit der Nutzung stimmen Sie zu "
        "und akzeptieren unsere Richtlinie.",
    ],
)
def test_a_cookie_banner_above_a_short_story_is_not_the_article(banner: str) -> None:
    text = _html_page_text(
        f"<div class='notice'><p>{banner}</p></div>"
        "<div class='story'><h1>Budget passed</h1><p>The council approved next year's budget "
        "on Tuesday night, after a three-hour debate.</p><p>Road repairs get the largest "
        "increase.</p></div>"
    )
    assert "after a three-hour debate" in text
    assert banner[:12] not in text


def test_an_article_about_cookies_is_not_a_cookie_banner() -> None:
    text = (
        "Some browsers do not send third-party cookies by default, and the most "
        "privacy-preserving one limits tracking; you can opt out of some ads, too."
    )
    assert chrome_reason(text, block_features_of(text)) is None
    assert classify_blocks([paragraph(text)])[0].reason is Reason.PROSE


def test_a_slideshow_list_inside_the_story_is_a_gallery() -> None:
    """Fifty captioned slides (`1/50 …`) inside the story: their captions read as
    prose and outweighed it; the counters say it is a gallery."""
    slides = "".join(
        f"<li>{n}/50 Headline {n}</li><li>A caption that reads like prose, with a comma, "
        f"and a full stop, about picture {n}.</li>"
        for n in range(1, 51)
    )
    story = "".join(
        f"<p>The market fell again on Friday, and traders blamed the weather, point {n}.</p>"
        for n in range(6)
    )
    text = _html_page_text(f"<div class='story'>{story}<ul class='gallery'>{slides}</ul></div>")
    assert "point 5." in text
    assert "about picture 7" not in text


@pytest.mark.parametrize(
    ("intro", "kept"),
    [("总结一下，学习编程有三点：", True), ("相关阅读：", False)],
    ids=["takeaways", "related-reading"],
)
def test_a_list_the_article_introduces_at_its_end_is_kept(intro: str, kept: bool) -> None:
    """`Key takeaways:` and its list closed the article and were dropped as a related
    list; a related-reading list after the article still is one."""
    from articlekit import clean

    prose = "这是正文的一段，它足够长，也有标点符号，读起来像一篇真正的文章。" * 2
    items = ["• 多写代码，每天都要动手练习", "• 多读优秀的开源项目源码", "• 多和别人交流，参与讨论"]
    text = clean("\n".join(["如何学习编程", prose, prose, prose, intro, *items])).to_text()
    assert ("多读优秀的开源项目源码" in text) is kept


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("This transcript was produced by a transcription service and may contain errors.", False),
        ("This is a rush transcript. Copy may not be in its final form.", False),
        ("以上内容根据现场速记整理，未经本人审核。", False),
        ("The transcript of the hearing was released on Monday, and it shows the warning.", True),
    ],
    ids=["service-notice", "rush-transcript", "zh-shorthand-notice", "a-transcript-in-the-news"],
)
def test_a_transcript_notice_is_not_the_talk(line: str, kept: bool) -> None:
    from articlekit import clean

    prose = (
        "It has been a rough year at the movies for the studio, and its television shows "
        "keep winning the audiences that its films keep losing."
    )
    text = clean("\n".join(["How to learn", prose, prose, line, prose])).to_text()
    assert (line in text) is kept


def test_a_long_bulleted_sidebar_in_raw_text_weighs_as_its_lines() -> None:
    """A dump draws a sidebar's category list with bullets, so it is one list block;
    counted once against the region, it let the article run on through the sidebar to
    the blurb under it. The page's `innerText` shows the same items as a hundred short
    lines, and the bulleted list now weighs as those lines would."""
    story = (
        "The council voted on Tuesday to close the old bridge to traffic from next month, "
        "after engineers found cracks in two of its supports. Repairs will take a year, "
        "and buses will be routed over the new crossing upstream while the work goes on."
    )
    blurb = (
        "This blog is written by a small group of volunteers who have followed the town's "
        "news for many years, and every post is checked by two of us before it goes out."
    )
    sidebar = ["• Categories", *(f"• Topic number {n} ({n})" for n in range(40))]
    sidebar.append("• Read what we wrote about the harbour, the market and the new school.")
    page = "\n\n".join([story, story.replace("Tuesday", "Monday"), "\n".join(sidebar), blurb])
    text = clean(page.encode()).to_text()
    assert "bridge" in text and "Topic number" not in text and "volunteers" not in text


def test_a_short_list_in_an_html_article_counts_once() -> None:
    """In HTML the markup says what a list is: a recipe's list of ingredients between
    its steps stays in the article (weighed as short lines, it cut the steps off)."""
    step = "<p>Measure the circumference of the glass and cut the foam about an inch smaller, so that it sits well inside the rim.</p>"
    items = "".join(f"<li>Item {n}</li>" for n in range(12))
    page = f"<html><body><article>{step}<ul>{items}</ul>{step.replace('Measure', 'Then measure')}</article></body></html>"
    text = clean(page.encode()).to_text()
    assert "Item 5" in text and "Then measure" in text
