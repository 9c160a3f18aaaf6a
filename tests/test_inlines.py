"""Links, emphasis and inline code from HTML: kept in Markdown (checked by rendering it
with a CommonMark parser), carried in JSON beside a plain `text`, converted with it."""

from __future__ import annotations

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml.html import fragment_fromstring
from markdown_it import MarkdownIt

from articlekit import clean
from articlekit.export.jsonout import json_schema
from articlekit.read.textblocks import normalize_space

FILLER = "<p>" + "The council met again on Tuesday, and the vote went on for hours. " * 3 + "</p>"
PAGE = f"""<html><head><link rel="canonical" href="https://news.example.com/city/road.html">
</head><body><article><h1>Road vote</h1>
<p>Read <a href="/docs/report.pdf">the <strong>full</strong> report</a>, or <em>skim</em> the
<code>road_width = 7</code> summary; <a href="javascript:alert(1)">never this</a>,
<a href="data:text/html,x">nor this</a>.</p>
{FILLER}
<ul><li>One <a href="https://example.org/one">link</a></li><li>Two <i>words</i></li></ul>
{FILLER}</article></body></html>"""


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)


def test_markdown_keeps_links_emphasis_and_code_as_commonmark_reads_them() -> None:
    html = _html(clean(PAGE).to_markdown())
    assert (
        '<a href="https://news.example.com/docs/report.pdf">the <strong>full</strong> report</a>'
        in html
    )
    assert "<em>skim</em>" in html and "<code>road_width = 7</code>" in html
    assert '<li>One <a href="https://example.org/one">link</a></li>' in html
    assert "<li>Two <em>words</em></li>" in html
    assert "javascript:" not in html and "data:" not in html
    assert "never this" in html and "nor this" in html  # the words stay, the links go


def test_json_keeps_text_plain_and_carries_the_spans_beside_it() -> None:
    data = clean(PAGE).to_dict()
    jsonschema.validate(data, json_schema())
    paragraph, listing = (
        next(b for b in data["sections"][0]["blocks"] if b["type"] == kind)
        for kind in ("paragraph", "list")
    )
    text = paragraph["text"]
    assert "*" not in text and "[" not in text and "`" not in text
    words = {(s["type"], text[s["start"] : s["end"]], s.get("href")) for s in paragraph["inlines"]}
    assert words == {
        ("link", "the full report", "https://news.example.com/docs/report.pdf"),
        ("strong", "full", None),
        ("emphasis", "skim", None),
        ("code", "road_width = 7", None),
    }
    assert listing["items"] == ["One link", "Two words"]
    assert [[(s["type"], s["start"], s["end"]) for s in item] for item in listing["inlines"]] == [
        [("link", 4, 8)],
        [("emphasis", 4, 9)],
    ]


def test_conversion_moves_the_spans_with_the_words_and_leaves_code_alone() -> None:
    page = (
        "<html><body><article><h1>标题</h1><p>这个<a href='/a'>软件</a>很好，请用<b>鼠标</b>"
        "点击<code>软件</code>按钮，这里还有更多的文字内容，足够长，读起来像文章。</p></article></body></html>"
    )
    data = clean(page).converted("zh-TW").to_dict()
    block = data["sections"][0]["blocks"][0]
    spans = {s["type"]: block["text"][s["start"] : s["end"]] for s in block["inlines"]}
    assert spans == {"link": "軟體", "strong": "滑鼠", "code": "软件"}


def test_a_span_commonmark_would_not_close_keeps_its_words_without_stars() -> None:
    page = f"<html><body><article><h1>T</h1><p><b>“Yes,”</b>she said, and left.</p>{FILLER}</article></body></html>"
    markdown = clean(page).to_markdown()
    assert "“Yes,”she said" in markdown and "**" not in markdown


INLINE_TAGS = st.sampled_from(["a href='/x'", "b", "strong", "em", "i", "code", "span"])
WORDS = st.text(alphabet="ab *_`[]()<>#-!中文 ", min_size=1, max_size=12)


@st.composite
def inline_markup(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 3 and draw(st.booleans()):
            tag = draw(INLINE_TAGS)
            name = tag.split()[0]
            parts.append(f"<{tag}>{draw(inline_markup(depth + 1))}</{name}>")
        else:
            parts.append(draw(WORDS).replace("<", "&lt;"))
    return "".join(parts)


@given(inline_markup())
def test_any_nesting_of_inline_tags_keeps_the_text_and_gives_nested_spans(markup: str) -> None:
    page = f"<html><body><article><h1>T</h1><p>{markup}</p>{FILLER}</article></body></html>"
    article = clean(page)
    data = article.to_dict()
    jsonschema.validate(data, json_schema())
    expected = normalize_space(fragment_fromstring(f"<p>{markup}</p>").text_content())
    for block in data["sections"][0]["blocks"]:
        if block.get("text") != expected:
            continue
        spans = sorted((s["start"], -s["end"]) for s in block.get("inlines", []))
        open_ends: list[int] = []
        for start, negative_end in spans:
            end = -negative_end
            assert 0 <= start < end <= len(expected)
            while open_ends and open_ends[-1] <= start:
                open_ends.pop()
            assert not open_ends or end <= open_ends[-1]  # inside the span around it
            open_ends.append(end)
    _html(article.to_markdown())  # CommonMark reads it


@pytest.mark.parametrize(
    "scheme", ["javascript:alert(1)", "vbscript:x", "data:text/html,x", "#top"]
)
def test_unusable_links_keep_their_words_only(scheme: str) -> None:
    page = f"<html><body><article><h1>T</h1><p>See <a href='{scheme}'>this page</a> now.</p>{FILLER}</article></body></html>"
    markdown = clean(page).to_markdown()
    assert "See this page now." in markdown and "](" not in markdown


@given(st.lists(st.text(alphabet=" \n\t\u3000\u200b\x07ab中", max_size=6), max_size=8))
def test_normalising_a_block_at_once_equals_piece_by_piece(pieces: list[str]) -> None:
    from articlekit.read.inlines import _normalised, _normalised_piecewise

    assert _normalised(pieces) == _normalised_piecewise(pieces)
    assert _normalised(pieces)[0] == normalize_space("".join(pieces))


@pytest.mark.parametrize(
    ("markup", "language"),
    [
        ('<pre><code class="hljs language-python">print(1)</code></pre>', "python"),
        ('<pre class="lang-js"><code>print(1)</code></pre>', "js"),
        ('<div class="highlight-source-rust"><pre data-lang="rust">print(1)</pre></div>', "rust"),
        ('<pre class="brush: sql;">print(1)</pre>', "sql"),
        ("<pre><code>print(1)</code></pre>", ""),
        ('<pre><code class="language-`x">print(1)</code></pre>', ""),
    ],
)
def test_a_code_blocks_language_goes_on_its_fence(markup: str, language: str) -> None:
    page = f"<html><body><article><h1>T</h1>{FILLER}{markup}{FILLER}</article></body></html>"
    article = clean(page)
    assert f"```{language}\nprint(1)\n```" in article.to_markdown()
    code = next(b for b in article.to_dict()["sections"][0]["blocks"] if b["type"] == "code")
    assert code.get("language", "") == language
    jsonschema.validate(article.to_dict(), json_schema())
    html = _html(article.to_markdown())
    assert (f'<code class="language-{language}">' if language else "<pre><code>") in html


def test_ordered_and_nested_lists_keep_their_numbers_and_depth() -> None:
    page = (
        f"<html><body><article><h1>T</h1>{FILLER}<ol start='3'><li>Third step"
        "<ul><li>a detail</li><li>another <a href='https://example.org/d'>detail</a></li></ul>"
        f"</li><li>Fourth step</li></ol>{FILLER}</article></body></html>"
    )
    article = clean(page)
    html = _html(article.to_markdown())
    assert '<ol start="3">' in html and html.count("<li>") == 4
    assert "<ul>\n<li>a detail</li>" in html and "<li>Fourth step</li>" in html
    listing = next(b for b in article.to_dict()["sections"][0]["blocks"] if b["type"] == "list")
    assert listing["levels"] == [0, 1, 1, 0] and listing["numbers"] == [3, 0, 0, 4]
    jsonschema.validate(article.to_dict(), json_schema())


def test_a_figure_is_an_image_with_its_caption() -> None:
    page = (
        f"<html><body><article><h1>T</h1>{FILLER}<figure><img src='/p.jpg' alt='A road'>"
        f"<figcaption>The road, widened.</figcaption></figure>{FILLER}</article></body></html>"
    )
    article = clean(page, url="https://news.example.com/city/road.html")
    html = _html(article.to_markdown())
    assert '<img src="https://news.example.com/p.jpg" alt="A road" /><br />' in html
    assert "<em>The road, widened.</em>" in html
    image = next(b for b in article.to_dict()["sections"][0]["blocks"] if b["type"] == "image")
    assert image["caption"] == "The road, widened."
    assert "The road, widened." not in article.to_text()  # a caption is not body text
    jsonschema.validate(article.to_dict(), json_schema())


RAW_PAGE = "\n".join(
    [
        "Home | News",
        "Council passes the road plan after a long night",
        "By Jane Roe",
        "The council passed the plan with **nine votes to two** on Tuesday, and the full text "
        "is online (https://news.example.com/road_plan.pdf). Work starts in spring.",
        "- Residents should read **the whole plan** before the hearing next month, the chair said.",
        "- The map of the new lanes is at https://news.example.com/map, with every street named.",
        "The council met again on Tuesday, and the vote went on for hours, 5*3 = 15 of them, "
        "before the chair closed the meeting.",
    ]
)


def test_raw_text_shows_its_own_links_and_strong_words() -> None:
    article = clean(RAW_PAGE)
    html = _html(article.to_markdown())
    assert "<strong>nine votes to two</strong>" in html
    assert '(<a href="https://news.example.com/road_plan.pdf">' in html
    assert "<strong>the whole plan</strong>" in html
    assert '<a href="https://news.example.com/map">https://news.example.com/map</a>,' in html
    assert "5*3 = 15" in html  # a lone asterisk is a character, not markup
    data = article.to_dict()
    jsonschema.validate(data, json_schema())
    text = article.to_text()
    assert "**" not in text and "with nine votes to two on Tuesday" in text
    assert "https://news.example.com/road_plan.pdf)." in text


def test_raw_text_links_go_with_no_links() -> None:
    from articlekit.options import Options

    html = _html(clean(RAW_PAGE, options=Options(keep_links=False)).to_markdown())
    assert "<a " not in html and "https://news.example.com/road_plan.pdf" in html
    assert "<strong>nine votes to two</strong>" in html
