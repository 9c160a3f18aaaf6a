"""Raw page text as terminal dumps (lynx, w3m): rebuilt, then cleaned like `innerText`.

The dump fixtures are the same real pages as `fixtures/pages/*.html` rendered by text
browsers (see fixtures/README.md); their gold is the page's gold.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from articlekit import clean
from articlekit.read.dumps import unwrap_dump
from conftest import PAGES, SEED

DUMPS = ["en-opinion.lynx.txt", "en-opinion.lynx-refs.txt", "en-opinion.w3m.txt"]
ZH_DUMPS = ["cjn-1.lynx.txt", "cjn-1.w3m.txt"]
#: Ten lines of a story wrapped at 76 columns.
_STORY = [
    "   The council voted on Tuesday to close the old bridge to traffic from next",
    "   month, after engineers found cracks in two of its supports and warned that",
] * 5


def _gold_paragraphs(name: str) -> list[str]:
    gold = (PAGES / f"{name.split('.')[0]}.gold.txt").read_text("utf-8")
    return [line for line in gold.splitlines() if len(line.encode()) > 200]  # several lines wide


@pytest.mark.parametrize("name", DUMPS + ZH_DUMPS)
def test_a_dump_gives_back_the_articles_paragraphs_whole(name: str) -> None:
    text = clean((PAGES / name).read_bytes()).to_text()
    paragraphs = text.split("\n")
    wanted = _gold_paragraphs(name)
    assert wanted
    whole = [p for p in wanted if p in paragraphs]
    # Each long gold paragraph comes back as one paragraph, not as 80-column pieces.
    assert len(whole) >= 0.8 * len(wanted), (len(whole), len(wanted))


@pytest.mark.parametrize("name", DUMPS)
def test_a_dump_leaves_the_renderers_marks_and_the_sites_chrome(name: str) -> None:
    text = clean((PAGES / name).read_bytes()).to_text()
    for mark in ("(BUTTON)", "[IMG]", "References", "https://", "Advertisement", "Site Index"):
        assert mark not in text
    assert "[1]" not in text and "[22]" not in text


def test_link_numbers_are_dropped_only_with_their_address_list() -> None:
    lines = ["The council voted [1] to close the bridge to traffic from next month"] * 12
    assert "[1]" in unwrap_dump("\n".join(lines))
    listed = "\n".join([*lines, "", "References", "", "   1. http://example.org/vote"])
    rebuilt = unwrap_dump(listed)
    assert "[1]" not in rebuilt and "http://example.org" not in rebuilt


def test_wrapped_chinese_joins_without_a_space_and_english_with_one() -> None:
    zh = (
        "   市议会周二投票决定关闭这座旧桥，因为工程师在两个支撑点上发现了裂缝，桥\n   梁将封闭\n\n"
    ) * 10
    assert "桥梁将封闭" in unwrap_dump(zh)
    en = ("   The council voted on Tuesday to close the old bridge to traffic from\n"
          "   next month.\n\n") * 10  # fmt: skip
    assert "traffic from next month." in unwrap_dump(en)


def test_short_lines_in_a_row_stay_apart() -> None:
    menu = "Home\nNews\nSport\n"
    body = ("   The council voted on Tuesday to close the old bridge to traffic from\n"
            "   next month, after engineers found cracks in two of its supports.\n\n") * 9  # fmt: skip
    rebuilt = unwrap_dump(menu + body).splitlines()
    assert rebuilt[:3] == ["Home", "News", "Sport"]


@pytest.mark.parametrize("path", [SEED, PAGES / "en-opinion.txt", PAGES / "cjn-1.txt"])
def test_browser_text_is_left_exactly_as_it_was(path: Path) -> None:
    text = path.read_text("utf-8")
    assert unwrap_dump(text) == text


def _clean(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "articlekit", "clean", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


STYLE_FIRST = (
    "<style>"
    + "@-webkit-keyframes load5 {0%{box-shadow:0 -2.6em 0 0 #fff}}\n" * 1000
    + "</style>\n"
    "<div><h1>Bridge to close</h1><p>The council voted on Tuesday to close the old bridge,"
    " after engineers found cracks in two of its supports.</p></div>"
)


@pytest.mark.parametrize(
    "preamble",
    ["", "<!-- saved page -->" * 2000, "<?xml version='1.0'?>\n<script>var a = '<p>';</script>"],
)
def test_a_page_that_opens_with_a_stylesheet_script_or_comments_is_html(
    tmp_path: Path, preamble: str
) -> None:
    page = tmp_path / "page.html"
    page.write_text(preamble + STYLE_FIRST, "utf-8")
    assert len(page.read_bytes()) > 50_000
    done = _clean(str(page), "--format", "text")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("The council voted on Tuesday")
    assert "keyframes" not in done.stdout


def test_input_text_reads_markup_as_text_and_input_html_reads_text_as_html(
    tmp_path: Path,
) -> None:
    note = tmp_path / "note.txt"
    note.write_text("<p>A note that shows <b>tags</b> on purpose, a whole sentence of them.</p>\n")
    assert "<b>" not in _clean(str(note), "--format", "text").stdout
    assert "<b>tags</b>" in _clean(str(note), "--format", "text", "--input", "text").stdout
    bare = tmp_path / "bare.txt"
    bare.write_text("Plain words &amp; an entity, in a sentence long enough to be kept.\n")
    assert "&amp;" in _clean(str(bare), "--format", "text").stdout
    assert "& an entity" in _clean(str(bare), "--format", "text", "--input", "html").stdout
    assert _clean(str(bare), "--input", "pdf").returncode == 2


def test_batch_takes_input_and_recleans_when_it_changes(tmp_path: Path) -> None:
    source = tmp_path / "pages"
    source.mkdir()
    (source / "note.txt").write_text(
        "<p>A note that shows <b>tags</b> on purpose, a whole sentence of them.</p>\n"
    )
    out = tmp_path / "out"

    def batch(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "articlekit", "batch", str(source), "-o", str(out)]
        return subprocess.run(
            [*command, "--format", "text", "--jobs", "1", *args],
            capture_output=True,
            text=True,
            timeout=300,
        )

    assert batch().returncode == 0
    assert "<b>" not in (out / "note.txt").read_text()
    done = batch("--input", "text")
    assert done.returncode == 0, done.stderr
    assert "<b>tags</b>" in (out / "note.txt").read_text()


def test_equal_paragraphs_that_end_their_sentences_are_not_a_wrapped_text() -> None:
    lines = ["这是正文的一段，足够长，读起来像文章，有逗号，也有句号。"] * 16
    text = "\n".join(["某某的博客", "一篇文章的标题", *lines])
    assert unwrap_dump(text) == text


def test_chinese_lines_after_a_references_heading_are_not_an_address_list() -> None:
    body = ["   市议会周二投票决定关闭这座旧桥，因为工程师在两个支撑点上发现了裂缝，桥梁将封"] * 12
    text = "\n".join([*body, "", "References", "", *body])
    assert unwrap_dump(text).count("市议会") == 24


def test_a_menu_list_in_an_indented_dump_does_not_swallow_the_article() -> None:
    """links2 indents every line by three columns; a bulleted menu took every indented
    line after it as its own, and the article below it came out as one dropped list
    (body F1 0 on a dump of a Chinese portal page, whose innerText scored 0.97)."""
    from articlekit.read.textblocks import split_text_blocks

    paragraph = "　　记者从市政府获悉，这座旧桥将在下个月起封闭，工程师在两个支撑点上发现了裂缝。"
    menu = ["     * 首页", "     * 新闻", "     * 财经", "     * 体育"]
    dump = "\n".join(["   某某新闻网", *menu, "", *(f"   {paragraph}\n" for _ in range(4))])
    blocks = split_text_blocks(dump)
    assert [b.kind.value for b in blocks] == ["paragraph", "list", *["paragraph"] * 4]
    assert blocks[1].items == ("首页", "新闻", "财经", "体育")
    assert paragraph.strip("　") in clean(dump).to_text()


def test_copies_a_browser_would_hide_go_and_a_repeated_standfirst_stays() -> None:
    """A dump shows a carousel's cloned slides (each caption twice, before the story)
    that `innerText` never sees; a standfirst repeated as a paragraph of the story is
    the story's."""
    import textwrap

    captions = [
        "A trader watches the screens on the floor of the exchange in Tokyo on Monday "
        "morning, as markets across the region opened higher after a quiet weekend.",
        "Shoppers walk past a window display in Hong Kong's central district on Sunday "
        "evening, days before the start of the city's busiest shopping season.",
    ]
    standfirst = "The central bank kept its main rate unchanged, citing slower growth abroad."
    story = [
        "Markets in Asia rose on Tuesday after the central bank's decision, the first in "
        "months, and the currency held steady against the dollar through the afternoon.",
        standfirst,
        "Analysts had expected the decision, though some had called for a cut before the "
        "year ends, pointing to weaker exports and a slowdown in factory orders.",
        "The bank will meet again in March, when new figures on prices and wages are due, "
        "and its governor said that it stood ready to act if the outlook changed.",
    ]
    paragraphs = ["Markets", *captions, *captions, standfirst, "By A Reporter", *story]
    dump = "\n\n".join(
        textwrap.fill(p, 76, initial_indent="   ", subsequent_indent="   ") for p in paragraphs
    )
    out = clean(dump).to_text()
    assert not any(caption in out for caption in captions)
    assert all(paragraph in out for paragraph in story)


def test_an_address_list_goes_from_a_dump_that_is_not_wrapped() -> None:
    """A dump with long unwrapped lines kept its address list, and the list's first
    entry came out as the article's title (`13. file:///…`)."""
    story = "   记者从市政府获悉，这座旧桥将在下个月起封闭，工程师在两个支撑点上发现了裂缝。" * 4
    links = [f"  {n}. http://example.cn/news/{n}.html?title=旧桥 封闭" for n in range(1, 30)]
    text = "\n".join(["   [1]首页 [2]新闻", "", story, "", "References", "", *links])
    unwrapped = unwrap_dump(text)
    assert "example.cn" not in unwrapped and "[1]" not in unwrapped and story.lstrip() in unwrapped


def test_a_browsers_numbered_sources_are_no_address_list() -> None:
    text = "\n".join(["An article.", "", "References", "", "1. Smith: A Book", "2. Jones: Another"])
    assert unwrap_dump(text) == text


def test_a_line_a_word_short_of_the_limit_joins_unless_it_ends_a_sentence() -> None:
    """The limit is measured from the longest lines, which may run a column or two past
    where the renderer broke; a paragraph's line that stopped four columns short stayed
    a fragment (`of last week's …` taken for a menu). A line that ends a sentence there
    ends its paragraph (w3m sets paragraphs without a blank line after a `<br>`)."""
    filler = [
        "   The council met on Tuesday evening and heard from residents who live close",
        "   to the bridge, many of whom said that the closure would add an hour to their",
    ] * 6
    lines = [
        *filler,
        "   It was the vote heard around the town. In the closing minutes of a day",
        "   of last week the mayor spoke.",
        "   Most residents said the bridge should close while engineers look.",
        "   Later the council published its report.",
    ]
    rebuilt = unwrap_dump("\n\n".join(["\n".join(lines)])).splitlines()
    assert "In the closing minutes of a day of last week the mayor spoke." in rebuilt[-3]
    assert rebuilt[-1] == "Later the council published its report."


def test_a_sidebar_of_numbered_teasers_before_the_article_is_chrome() -> None:
    """A blog's 'latest comments' list, drawn with bullets in a dump: most items are
    numbered teasers cut short (`3·超级喜欢… 永远支...`) and one reads like a sentence;
    that one item made the list body, and the article began at the sidebar."""
    sidebar = [
        "最新评论",
        "     * 1·写得真好",
        "     * 2·小伙子哈不错！~~~~  支持你",
        "     * 3·超级喜欢心如  你是最棒的也是最美丽的   永远支...",
        "     * 4·呵呵``` 要加油哦` 好好学习,天天向上...",
        "     * 5·呵呵``` 要加油哦` 好好学习,天天向上...",
    ]
    story = [
        "　　记者从市政府获悉，这座旧桥将在下个月起封闭，工程师在两个支撑点上发现了裂缝。",
        "　　市议会周二投票决定关闭这座旧桥，居民们说封闭以后每天上班要多花一个小时。",
        "　　工程师说，修复工作将持续半年，其间附近的渡口会增加班次，方便两岸的居民。",
    ]
    out = clean("\n".join([*sidebar, "", *story])).to_text()
    assert "天天向上" not in out and "支持你" not in out
    assert all(line.strip("　") in out for line in story)


def test_a_pictures_address_in_brackets_is_the_renderers_mark() -> None:
    """Some renderers print a picture as its address in brackets; the addresses came
    out as a paragraph of the article."""
    body = "\n".join(_STORY) + "\n"
    mark = "   [https://cdn.example.com/2019/11/bridge-photo.jpg?w=640&h=480] [logo.png]\n"
    assert "example.com" not in unwrap_dump(mark + body) and "logo" not in unwrap_dump(mark + body)


def test_an_address_list_holding_an_address_with_line_breaks_still_goes() -> None:
    """A `mailto:` address with a message body breaks over lines of words inside the
    list; the scan stopped there, the list stayed, and the text was not unwrapped
    (the list's long addresses ran past the screen): the article was lost."""
    body = "   The council voted on Tuesday to close the old bridge to traffic from\n" * 9
    links = [f"  {n}. https://example.com/news/{n}.html" for n in range(1, 40)]
    mail = ["  40. mailto:desk@example.com?subject=Correction&body=Reporting a correction", "",
            "Title: The old bridge closes", "Author: A Reporter", ""]  # fmt: skip
    text = "\n".join([body, "References", "", *links[:20], *mail, *links[20:]])
    unwrapped = unwrap_dump(text)
    assert "example.com" not in unwrapped and "Author:" not in unwrapped


def test_a_steep_pile_of_menu_lines_does_not_hide_the_texts_limit() -> None:
    """Many menu entries of one length pile up more steeply than wrapped lines do; the
    limit was sought there, the text's lines ran past it, and the dump was read as a
    browser's text (a paywalled story came out as fragments)."""
    menu = [f"   Section {n:02d} - News, Opinion and Analysis" for n in range(30)]
    story = [
        "   The council voted on Tuesday to close the old bridge to traffic from next",
        "   month, after engineers found cracks in two of its supports and warned that",
    ] * 5
    rebuilt = unwrap_dump("\n".join([*menu, "", *story])).splitlines()
    assert rebuilt[-1].count("The council voted") == 5


def test_text_wrapped_in_a_narrow_table_cell_is_joined_at_the_cells_width() -> None:
    """A renderer wraps a layout table's cell at the cell's width: a forum post in a
    59-column cell of an 80-column dump came out as one fragment per line, taken for
    navigation, and the page had no article."""
    wide = ["   市议会周二投票决定关闭这座旧桥，因为工程师在两个支撑点上发现了裂缝，桥梁将封"] * 10
    post = "导游的收入很大一部分来自购物的回扣，这是业内的行规，境内游境外游都是这样的，属于国际惯例。以国内游为例，回扣一般在购物额的百分之十左右，个别的会更高，像字画等等。"
    cell = [post[i : i + 25] for i in range(0, len(post), 25)]
    menu = [
        "         首页 新闻 体育 财经",
        "         图片 视频 论坛 博客",
        "         天气 彩票 地图 旅游",
    ]
    dump = "\n".join([*wide, "", *(f"         {line}" for line in cell), "", *menu])
    rebuilt = unwrap_dump(dump).splitlines()
    assert post in rebuilt
    assert "首页 新闻 体育 财经" in rebuilt and "图片 视频 论坛 博客" in rebuilt


def test_every_level_of_a_nested_list_is_a_bullet() -> None:
    """w3m draws a third-level item with `☆`; read as a word, its wrapped tail was a
    paragraph of its own, a reply's name and date cut from its title."""
    nested = [
        "  • Categories",
        "      □ Travel (12)",
        "          ☆ Lakes and rivers, and the mountain villages along the old",
        "            road to the north (5)",
    ]
    rebuilt = unwrap_dump("\n".join([*_STORY, "", *nested])).splitlines()
    assert (
        "• Lakes and rivers, and the mountain villages along the old road to the north (5)"
        in rebuilt
    )


def test_a_heading_drawn_between_marks_is_a_line_of_its_own_without_them() -> None:
    """html2text draws `****** Title ******` and sets the next line under it without a
    blank line: the byline was joined onto the headline, and the marks stayed."""
    dump = "\n".join(
        [
            "****** Son of a former president stabbed to death at a hospital talk ******",
            "By Staff Reporters",
            *(line.strip() for line in _STORY),
        ]
    )
    rebuilt = unwrap_dump(dump).splitlines()
    assert rebuilt[:2] == [
        "Son of a former president stabbed to death at a hospital talk",
        "By Staff Reporters",
    ]


def test_a_dump_that_is_not_wrapped_still_loses_its_drawing() -> None:
    """A renderer that breaks lines only at spaces leaves Chinese lines whole, so the
    text shows no limit; its bullets and picture marks are still the renderer's."""
    lines = [
        f"     * [images/face/{n}.gif]第{n}条回复的标题，说的是旅行中遇到的事情【网友{n}】08-11 16:0{n}"
        for n in range(6)
    ]
    rebuilt = unwrap_dump("\n".join(["导游的收入很大一部分来自购物的回扣。", "", *lines]))
    assert ".gif" not in rebuilt
    assert "• 第0条回复的标题，说的是旅行中遇到的事情【网友0】08-11 16:00" in rebuilt.splitlines()


def test_text_inside_a_frame_is_measured_without_the_frame() -> None:
    """A page drawn inside a box: every line is as wide as the box, so lines measured
    with their borders showed no limit and the story stayed one fragment per line."""
    framed = [f"│ {line.strip():<76} │" for line in _STORY]
    rebuilt = unwrap_dump("\n".join(["┌" + "─" * 78 + "┐", *framed, "└" + "─" * 78 + "┘"]))
    assert max(rebuilt.splitlines(), key=len).count("The council voted") == 5


def test_one_long_line_does_not_set_the_limit() -> None:
    """One line a few columns wider than the rest of a short story's lines set the limit
    past all of them, and no line joined (a paywalled story lost its article)."""
    story = [
        "   It was the shot heard round the world. In the closing seconds of the game",
        "   the defensive end pulled off the quarterback's helmet and then swung it",
        "   at him, hitting him in the head. The league suspended him for the rest",
        "   of the season without pay, and he may be disciplined further by the league.",
    ] * 7
    head = "Football assaults have led to lawsuits before, but a prosecutor would have a hard"
    rebuilt = unwrap_dump("\n".join([head + " time", "", *story])).splitlines()
    assert rebuilt[2].count("It was the shot") == 7


def test_a_reply_trees_items_keep_their_dates_and_their_words() -> None:
    """A forum's reply tree in a dump: a CJK item's line ends short of the limit (the
    renderer counted its characters another way) with its date and counters on the
    next line, and a bullet that drew only a picture has its words on the line below.
    Broken apart, the replies read as prose under the article and were kept."""
    tree = [
        "      * [0.gif] 旅行中，谁忽悠了你？【新闻频道版主】08-11 16:06 298字 [4321/87]",
        "           + [havefile.gif] [2.gif] 参与旅行社的一般都是弱势群体……【梅骏！】08-11",
        "             16:58 138字 [140/0]",
        "                o [0.gif]",
        "                  您被“拐”去哪儿啦？能再描述的具体一些吗？谢谢啦【新闻频道版主】08-12 10:00",
    ]
    # Wrapped at 74 characters, as lynx wraps Chinese.
    story = (
        "    " + "导游的收入很大一部分来自购物的回扣，这是业内的行规，境内游境外游都是这样的" * 2
    )
    rebuilt = unwrap_dump("\n".join([story[:74]] * 10 + ["", *tree])).splitlines()
    assert "• 参与旅行社的一般都是弱势群体……【梅骏！】08-11 16:58 138字 [140/0]" in rebuilt
    assert "• 您被“拐”去哪儿啦？能再描述的具体一些吗？谢谢啦【新闻频道版主】08-12 10:00" in rebuilt


def test_a_headline_lists_category_line_stays_apart_from_the_title() -> None:
    """Under an English item's title, a short line at the item's indentation is a block
    of its own (the story's section), unless the title's line reached the limit."""
    items = ["     * Russia: Space ship malfunctions, breaks up over Siberia", "       Science"]
    rebuilt = unwrap_dump("\n".join([*_STORY, "", *items])).splitlines()
    assert rebuilt[-2:] == ["• Russia: Space ship malfunctions, breaks up over Siberia", "Science"]


def test_links_drawn_with_underscores_get_their_spaces_back() -> None:
    """html2text draws a link's spaces as underscores: the article's linked phrases
    came out as one long word each (`trading_slightly_positive`)."""
    story = [
        *(line.strip() for line in _STORY),
        "US stock futures were last trading_slightly_positive during Asian trading",
        "hours, after the talks hit_another_snag on Monday. The government did",
        "extend_a_temporary_general_license on Monday, and markets rose again in",
        "Asia. [Photo_of_the_trading_floor] Read_more_from_our_markets_team and",
        "Sign_up_for_the_daily_briefing here.",
    ]
    rebuilt = unwrap_dump("\n".join(story))
    assert "trading slightly positive" in rebuilt and "hit another snag" in rebuilt
    assert "[Photo_of_the_trading_floor]" in rebuilt  # a picture's label stays one mark


def test_a_pages_own_underscored_name_is_left_alone() -> None:
    """One underscored name on a page is the page's (a user name), not the drawing."""
    story = [*(line.strip() for line in _STORY), "Posted by Revolvers_and_violets."]
    assert "Revolvers_and_violets" in unwrap_dump("\n".join(story))


def test_a_long_word_after_a_sentences_end_starts_a_block() -> None:
    """A word longer than a wrapped line's window moves down after any line, so its
    break is no evidence: after a finished sentence, a related link's one-word title
    (html2text joins a link's words) was glued onto the article's last paragraph."""
    story = [*(line.strip() for line in _STORY), "They said the work would take a year."]
    link = "Council-votes-to-close-the-old-bridge-after-cracks-are-found"
    assert unwrap_dump("\n".join([*story, link])).splitlines()[-1] == link
