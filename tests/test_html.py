"""Saved HTML pages: the main content, structure, deep nesting and encodings."""

from __future__ import annotations

import pytest

from articlekit import clean
from articlekit.model import Zone
from articlekit.options import Options
from articlekit.read.html import html_blocks, parse_html
from articlekit.read.readable import find_main_candidate
from conftest import PAGES


def test_chrome_heavy_portal_keeps_body_drops_chrome() -> None:
    text = clean((PAGES / "cjn-1.html").read_bytes()).to_text()
    assert "外媒关注武汉的热情不减" in text
    for chrome in ("网站地图", "调整字体", "设置首页"):
        assert chrome not in text


def test_gbk_page_is_read_correctly() -> None:
    article = clean((PAGES / "zh-gbk.html").read_bytes())
    assert "\ufffd" not in article.to_text()
    assert article.language == "zh-Hans"


def test_html_structure_is_kept() -> None:
    page = """<html><head><title>模型的未来 - 某网站</title></head><body>
    <nav><a href="/">首页</a> <a href="/n">新闻</a></nav>
    <article><h1>模型的未来</h1>
    <p>第一段正文，讲述了研究的背景和动机，内容充实而且很长。</p>
    <h2>方法</h2><p>我们使用了大量数据训练模型，并比较了多种方法的效果。</p>
    <ul><li>第一点，数据要干净。</li><li>第二点，模型要足够大。</li></ul>
    <blockquote>引用的一句话，来自某位专家的评论。</blockquote>
    <pre>print("hello")</pre>
    <table><tr><th>模型</th><th>分数</th></tr><tr><td>A</td><td>0.9</td></tr></table>
    </article><footer>版权所有 © 2024</footer></body></html>"""
    article = clean(page)
    assert article.title == "模型的未来"
    kinds = [b.kind.value for s in article.sections for b in s.blocks]
    assert kinds == ["paragraph", "paragraph", "list", "quote", "code", "table"]
    assert [s.heading for s in article.sections] == [None, "方法"]
    assert "版权所有" not in article.to_text()


def test_html_interview_becomes_qa() -> None:
    turns = "".join(
        f"<p>{s}：{t}</p>"
        for s, t in [("问", "您为什么选择这个方向？"), ("答", "因为它最有前景，而且我们有积累。"),
                     ("问", "下一步的计划是什么？"), ("答", "继续扩大团队，做更大的模型。")]
    )  # fmt: skip
    article = clean(f"<html><body><div class='content'><h1>专访</h1>{turns}</div></body></html>")
    assert [s.kind for s in article.sections] == ["qa"]
    assert [t.speaker for t in article.sections[0].turns] == ["问", "答", "问", "答"]


@pytest.mark.parametrize("depth", [300, 5_000, 100_000])
def test_deeply_nested_text_is_kept(depth: int) -> None:
    page = (
        "<html><body>"
        + "<div>" * depth
        + "<p>深处的正文，必须被保留下来，一个字也不能少。</p>"
        + "</div>" * depth
    )
    assert "深处的正文" in clean(page).to_text()


def test_unclosed_inline_tags_do_not_lose_text() -> None:
    page = (
        "<html><body><p>开头的一段正文，足够长，也有标点。</p>"
        + "<b>" * 5_000
        + "<p>结尾的正文也在这里，同样要保留。</p>"
    )
    text = clean(page).to_text()
    assert "结尾的正文" in text


_PROSE = "一段足够长的正文，讲述了研究的背景和动机，内容充实，而且很长。"


def test_unlikely_containers_are_found_whatever_the_case_of_their_names() -> None:
    """Class and id words (comment, sidebar …) are matched case-insensitively; a
    container that also names itself content (`main`) stays a candidate (here it
    scores enough to join the best candidate, its sibling, as part of the article)."""
    page = f"""<html><body>
    <div class="Article-Body"><p>{_PROSE}</p><p>{_PROSE}</p></div>
    <div id="SideBar"><div><section><p>{_PROSE}侧栏</p></section></div></div>
    <div class="COMMENT-list"><div><div><p>{_PROSE}评论</p></div></div></div>
    <div class="comment-box main"><p>{_PROSE}第二块</p></div>
    </body></html>"""
    blocks, _ = html_blocks(page, Options())
    zone = {
        marker: next(b.zone for b in blocks if marker in b.text)
        for marker in ("侧栏", "评论", "第二块")
    }
    assert zone == {"侧栏": Zone.UNLIKELY, "评论": Zone.UNLIKELY, "第二块": Zone.MAIN}


def test_prose_nested_in_an_unlikely_container_never_wins_the_candidate() -> None:
    """Paragraphs deep inside a sidebar share their ancestors (the walk up them is
    remembered per element); none may vote, however much prose the sidebar holds."""
    sidebar = "".join(f"<p>{_PROSE}{n}</p>" for n in range(8))
    page = f"""<html><body>
    <div class="story"><p>{_PROSE}</p><p>{_PROSE}</p></div>
    <aside id="sidebar"><div><div class="inner">{sidebar}</div></div></aside>
    </body></html>"""
    tree = parse_html(page)
    main, _, unlikely = find_main_candidate(tree)
    assert main is not None and main.get("class") == "story"
    assert [element.get("id") for element in unlikely] == ["sidebar"]


def test_text_after_a_dropped_widget_stays_in_its_place() -> None:
    """Scripts, buttons, icons and hidden elements go; the text after each keeps its
    position in the sentence (lxml's remove takes it along; it used to be re-added at
    the end of the parent)."""
    page = (
        "<html><body><article><p>第一句话写得很长很长，<button>分享</button>第二句话紧随其后，"
        "<svg><path/></svg>第三句话在这里，<span style='display:none'>隐藏</span>"
        "<b>加粗的第四句</b>以及结尾。</p></article></body></html>"
    )
    assert (
        clean(page).to_text()
        == "第一句话写得很长很长，第二句话紧随其后，第三句话在这里，加粗的第四句以及结尾。\n"
    )


def test_an_inline_element_with_an_unlikely_class_does_not_split_its_sentence() -> None:
    """`<a class="popup">` or `<span class="reference">` name no container: the
    paragraph they sit in stays one paragraph (it came out as fragments and links)."""
    page = f"""<html><body><div class="story"><p>{_PROSE}</p>
    <p>开头的几句话，<a class="popup" href="#n1">一个注释</a>之后还有很多文字，\
<span class="reference comment">[1]</span>直到句子的结尾。</p></div></body></html>"""
    blocks, _ = html_blocks(page, Options())
    assert [b.text for b in blocks][
        -1
    ] == "开头的几句话，一个注释之后还有很多文字，[1]直到句子的结尾。"


def test_the_article_element_is_never_inside_an_unlikely_container() -> None:
    """Structure outweighs a class name: an `<article>` inside an element whose class
    says header is the article, not navigation (it was lost to the site's blurb)."""
    paragraphs = "".join(f"<p>{_PROSE}{n}</p>" for n in range(4))
    page = f"""<html><body><div class="site-header"><nav><a href="/">首页</a></nav>
    <article itemprop="articleBody"><h1>标题</h1>{paragraphs}</article></div>
    <div class="about"><p>本站简介：一个介绍网站的段落，写得也很长，有标点。</p>
    <p>联系方式：另一个介绍网站的段落，写得也很长，有标点。</p></div></body></html>"""
    text = clean(page).to_text()
    assert all(f"{_PROSE}{n}" in text for n in range(4))


@pytest.mark.parametrize(
    "before_body",
    ["<tr><td>{}</td></tr>", "<table><tr><td>菜单</td></tr></table><div>{}</div>"],
)
def test_content_the_parser_left_in_head_is_read(before_body: str) -> None:
    """Stray table rows before `<body>` (or no `<body>` tag) leave the page inside
    <head>; it used to be dropped with the head: "no article text found"."""
    paragraphs = "".join(f"<p>{_PROSE}{n}</p>" for n in range(3))
    page = f"<html><head><title>标题</title>{before_body.format(paragraphs)}</html>"
    text = clean(page).to_text()
    assert all(f"{_PROSE}{n}" in text for n in range(3))


def test_a_story_inside_a_list_the_markup_left_open_comes_out_as_paragraphs() -> None:
    """`<li>` never closed: libxml2 puts the rest of the page inside the menu's list.
    The story (the main candidate) is read as paragraphs, the menu stays a list."""
    paragraphs = "".join(f"<p>{_PROSE}{n}</p>" for n in range(4))
    page = f"""<html><body><ul class="nav"><li><a href="/">首页</a><li><a href="/n">新闻</a>
    <div class="story"><h1>标题</h1>{paragraphs}</div>
    <div class="footer">版权所有 © 2024 某网站</div></body></html>"""
    blocks, _ = html_blocks(page, Options())
    kinds = {b.text: b.kind.value for b in blocks}
    assert kinds["首页\n新闻"] == "list"
    assert all(kinds[f"{_PROSE}{n}"] == "paragraph" for n in range(4))
    text = clean(page).to_text()
    assert "版权所有" not in text and "首页" not in text


def _hidden_page(style: str, body_attrs: str, extra: str) -> str:
    paragraphs = "".join(f"<p>{_PROSE}{n}</p>" for n in range(8))
    return (
        f"<html><head><title>标题</title><style>{style}</style></head><body {body_attrs}>"
        f"<div class='story'>{paragraphs}{extra}</div></body></html>"
    )


@pytest.mark.parametrize(
    ("style", "body_attrs", "extra"),
    [
        (".seo-words { display: none }", "", "<div class='seo-words'><p>{}隐藏</p></div>"),
        ("#copy{visibility:hidden}", "", "<p id='copy'>{}隐藏</p>"),
        ("", "bgcolor='#FFFFFF'", "<p><font color='white'>{}隐藏</font></p>"),
        ("body { background: #fff }", "", "<p style='color: #FFF'>{}隐藏</p>"),
    ],
)
def test_text_a_reader_never_sees_is_dropped(style: str, body_attrs: str, extra: str) -> None:
    """Hidden by the page's stylesheet, or drawn in its background's colour."""
    text = clean(_hidden_page(style, body_attrs, extra.format(_PROSE))).to_text()
    assert f"{_PROSE}2" in text
    assert "隐藏" not in text


@pytest.mark.parametrize(
    ("style", "body_attrs", "extra"),
    [
        (
            ".tab { display: none } .tab.on { display: block }",
            "",
            "<div class='tab on'><p>{}可见</p></div>",
        ),
        ("@media print { .extra { display: none } }", "", "<div class='extra'><p>{}可见</p></div>"),
        ("", "", "<p style='color:#fff'>{}可见</p>"),
        ("", "bgcolor='#000000'", "<p><font color='#fff'>{}可见</font></p>"),
    ],
)
def test_text_a_browser_may_show_is_kept(style: str, body_attrs: str, extra: str) -> None:
    """A class some rule shows again, a rule for print only, white text on a background
    no markup declares (a picture, a class's dark panel), light text on a dark page."""
    assert "可见" in clean(_hidden_page(style, body_attrs, extra.format(_PROSE))).to_text()


def test_a_stylesheet_never_hides_most_of_the_page() -> None:
    """A rule hiding the story's own container (revealed by a script after load) is
    not followed: never lose the article to a guess about styles."""
    page = _hidden_page(".story { display: none }", "", "")
    assert f"{_PROSE}7" in clean(page).to_text()


@pytest.mark.parametrize("opening", ["<div style='display:none'>", "<noscript>", "<form><button>"])
def test_an_element_left_open_that_swallows_the_page_is_not_dropped(opening: str) -> None:
    """A hidden div, a `<noscript>` or a button whose end tag the markup forgot takes
    the rest of the page into it (libxml2 does not repair it as a browser would)."""
    paragraphs = "".join(f"<p>{_PROSE}{n}</p>" for n in range(8))
    page = f"<html><body><div class='top'>{opening}菜单</div><div class='story'>{paragraphs}</div></body></html>"
    page = page.replace("</div><div class='story'>", "<div class='story'>", 1)
    assert f"{_PROSE}7" in clean(page).to_text()


def test_a_menu_left_open_over_the_whole_page_does_not_hide_the_story() -> None:
    """A header's menu whose `<li>` and `</div>` the markup forgot holds the whole page:
    every paragraph lies in an "unlikely" container, readability finds no candidate,
    and the page came out as one navigation list ("no article text found")."""
    paragraphs = "".join(f"<p>{_PROSE}{n}</p>" for n in range(6))
    links = "".join(f"<li><a href='/{n}'>栏目{n}</a>" for n in range(30))
    page = (
        f"<html><body><div class='header'><div class='nav'><ul>{links}"
        f"<li><div class='story'><h1>标题</h1>{paragraphs}</div>"
        "<div class='footer'>版权所有 © 2024 某网站</div></body></html>"
    )
    text = clean(page).to_text()
    assert all(f"{_PROSE}{n}" in text for n in range(6))
    assert "栏目" not in text


def test_a_link_left_open_over_the_story_does_not_make_it_navigation() -> None:
    """`<a>` without its `</a>`: libxml2 keeps the rest of the page inside the link,
    so every paragraph read as link text and was removed as navigation."""
    paragraphs = "".join(f"<p>{_PROSE}{n}</p>" for n in range(8))
    page = (
        "<html><body><a href='/'><img src='logo.png' alt=''>"
        f"<div class='story'>{paragraphs}</div><a href='/more'>更多</a></body></html>"
    )
    assert f"{_PROSE}7" in clean(page).to_text()


def test_a_story_cut_into_sibling_containers_is_one_main_content() -> None:
    """A story cut into three containers by a chart of short labels: readability's
    best candidate is only the largest piece; its siblings that score like it join."""
    piece = "".join(f"<p>第@{n}段。{_PROSE}</p>" for n in range(3))
    chart = "<div class='chart'>" + "".join(f"<div>{n}%</div>" for n in range(60)) + "</div>"
    page = (
        "<html><body><div class='wrap'>"
        f"<div class='part'>{piece.replace('@', 'a')}</div>{chart}"
        f"<div class='part'>{piece.replace('@', 'b') * 3}</div>{chart}"
        f"<div class='part'>{piece.replace('@', 'c')}</div></div></body></html>"
    )
    blocks, _ = html_blocks(page, Options())
    zones = {b.text[:4]: b.zone for b in blocks if b.text.endswith(_PROSE)}
    assert len(zones) == 9 and set(zones.values()) == {Zone.MAIN}
    text = clean(page).to_text()
    assert all(f"第{p}0段" in text for p in "abc")
    assert "12%" not in text


def test_a_caption_or_a_list_item_left_open_over_the_story_does_not_take_it() -> None:
    """A `<figcaption>` or an `<li>` whose end tag is missing holds the paragraphs after
    it: they were all removed as captions, or kept as one list with the menu."""
    paragraphs = "".join(f"<p>{_PROSE}{n}</p>" for n in range(6))
    for opening in ("<figure><img src='a.jpg'><figcaption>图片说明", "<ul class='tags'><li>标签"):
        page = (
            f"<html><body><div class='story'><h1>标题</h1>{opening}{paragraphs}</div></body></html>"
        )
        blocks, _ = html_blocks(page, Options())
        kinds = {b.text: (b.kind.value, b.tag) for b in blocks}
        assert all(kinds[f"{_PROSE}{n}"] == ("paragraph", "p") for n in range(6)), opening
        assert f"{_PROSE}5" in clean(page).to_text()


@pytest.mark.parametrize(
    ("window", "title"),
    [
        ("法国全国大罢工再次严重影响交通-新华网", "法国全国大罢工再次严重影响交通"),
        (
            "明日股市预测--最新出炉联合国贸发报告：全球经济增长率降至2.3%",
            "最新出炉联合国贸发报告：全球经济增长率降至2.3%",
        ),
        (
            "Outside the web: standalone WebAssembly binaries · V8",
            "Outside the web: standalone WebAssembly binaries",
        ),
        (
            "Jane Roe Knows the Secret to Good Television",
            "The Secret to Good Television",
        ),
    ],
    ids=["hyphen-site", "channel-prefix", "middle-dot-site", "other-case-and-longer-window"],
)
def test_the_title_is_the_line_the_browser_title_holds(window: str, title: str) -> None:
    """Browser titles join the title to the site name with any separator (`Title-Site`,
    `Channel--Title`); the page prints the title alone above the article."""
    from articlekit import clean

    prose = "这是正文的第一段，它足够长，也有标点符号，读起来像一篇文章。" * 3
    site = window.replace(title, "").strip(" -·")
    page = (
        f"<html><head><title>{window}</title></head><body>"
        f'<a href="/"><img src="logo.png" alt="{site}"></a><p><a href="/">{site}</a></p>'
        f"<div><p>{title}</p><article><p>{prose}</p><p>{prose}</p></article></div>"
        # The page may print the window title too, below the article (a share box).
        f"<aside><p>{window}</p></aside></body></html>"
    )
    assert clean(page).title == title
