"""Golden files for every exporter: one folder per case under tests/golden/.

Regenerate only on purpose: `ARTICLEKIT_REGENERATE=1 pytest tests/test_export.py`,
then review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from articlekit import clean
from articlekit.export.jsonout import json_schema
from articlekit.export.markdown import escape_markdown
from conftest import FIXTURES, PAGES

GOLDEN = Path(__file__).parent / "golden"
CASES = {
    "seed-text": FIXTURES / "seed" / "infoq-sora-talk.txt",
    "cjn-html": PAGES / "cjn-1.html",
    "en-opinion-html": PAGES / "en-opinion.html",
}
REGENERATE = os.environ.get("ARTICLEKIT_REGENERATE") == "1"


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize(("name", "render"), [
    ("expected.md", lambda a: a.to_markdown()),
    ("expected.json", lambda a: a.to_json() + "\n"),
    ("expected.txt", lambda a: a.to_text()),
])  # fmt: skip
def test_golden(case: str, name: str, render) -> None:  # type: ignore[no-untyped-def]
    article = clean(CASES[case].read_bytes())
    produced = render(article)
    path = GOLDEN / case / name
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(produced, "utf-8")
    assert produced == path.read_text("utf-8")


@pytest.mark.parametrize("case", sorted(CASES))
def test_json_is_valid_against_schema(case: str) -> None:
    data = json.loads(clean(CASES[case].read_bytes()).to_json(explain=True))
    jsonschema.validate(data, json_schema())


def test_markdown_has_front_matter_title_headings_and_bold_speakers() -> None:
    markdown = clean(CASES["seed-text"].read_bytes()).to_markdown()
    assert markdown.startswith("---\ntitle: ")
    assert "\n# Sora" in markdown and "\n## 结语\n" in markdown
    assert "**谢赛宁：** 您曾在 X 上发帖说" in markdown  # the full-width colon, as printed


def test_markdown_never_carries_live_markup() -> None:
    page = (
        b"<html><body><article><h1>T</h1>"
        b"<p>First paragraph of the story, long enough to be prose, with detail.</p>"
        b"<p>Second <script>alert(1)</script> paragraph &lt;img src=x onerror=alert(1)&gt; here.</p>"
        b'<img src="javascript:alert(1)" alt="x"><img src="data:image/png;base64,AAAA" alt="y">'
        b"<p>Third paragraph keeps going with more words, and more detail.</p></article></body></html>"
    )
    markdown = clean(page).to_markdown()
    assert "<script" not in markdown and "<img" not in markdown
    assert "javascript:" not in markdown and "data:" not in markdown


def test_hostile_markup_page_gives_inert_markdown() -> None:
    prose = "A paragraph of the story that is long enough to be prose, with detail and commas."
    page = f"""<html><body><article>
    <p>{prose}</p>
    <p onclick="steal()">{prose} <a href="javascript:alert(1)">click here</a> and more.</p>
    <img src="x" onerror="alert(1)" alt="pic"><iframe src="javascript:alert(2)"></iframe>
    <svg onload="alert(3)"><script>alert(4)</script></svg>
    <a href="vbscript:msgbox(1)">vb</a> <img src="data:text/html,&lt;script&gt;alert(5)&lt;/script&gt;" alt="d">
    <p>Text that shows markup: &lt;script&gt;alert(6)&lt;/script&gt; and &lt;img src=x onerror=alert(7)&gt;.</p>
    <p># not a heading, * not a list, [not](a link) — {prose}</p>
    </article></body></html>"""
    markdown = clean(page).to_markdown()
    for bad in (
        "<script",
        "<img",
        "<iframe",
        "<svg",
        "javascript:",
        "vbscript:",
        "data:",
        "onerror=",
        "onclick=",
    ):
        assert bad not in markdown.replace("&lt;img src=x onerror=alert(7)>", ""), bad
    assert "\\# not a heading" in markdown and "\\[not\\](a link)" in markdown


def test_json_escapes_control_characters() -> None:
    article = clean("标题\n\n正文第一段，含有控制字符\x07和\x1b，但仍然是很长的一句话。")
    encoded = article.to_json()
    text = json.loads(encoded)["sections"][0]["blocks"][0]["text"]
    assert "\x07" not in encoded and "\x1b" not in encoded
    assert text == "正文第一段，含有控制字符和，但仍然是很长的一句话。"


def test_escape_keeps_plain_text_readable() -> None:
    assert escape_markdown("在 2024 年，模型变大了。") == "在 2024 年，模型变大了。"
    assert escape_markdown("1. not a list") == "1\\. not a list"


def _rendered(page: str) -> str:
    """The page's Markdown rendered by a CommonMark renderer (rich's own dependency)."""
    from markdown_it import MarkdownIt

    from articlekit import clean

    return str(MarkdownIt("commonmark").render(clean(page).to_markdown()))


_STORY = "<p>这是一段正文，用来测试导出的安全性，内容足够长，而且有标点符号。</p>" * 3


def test_a_code_block_holding_a_fence_cannot_let_page_html_out() -> None:
    page = (
        f"<html><body><article>{_STORY}<pre>x = 1\n````\n&lt;script&gt;alert(1)&lt;/script&gt;\n"
        "&lt;img src=x onerror=alert(2)&gt;</pre></article></body></html>"
    )
    html = _rendered(page)
    assert "<script" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_an_image_address_with_newlines_cannot_end_the_image_syntax() -> None:
    page = (
        f"<html><body><article>{_STORY}<img src='a.png&#10;)<script>alert(1)</script>'"
        f" alt='图'>{_STORY}</article></body></html>"
    )
    assert "<script" not in _rendered(page)


def test_a_ragged_table_is_not_padded_row_by_row() -> None:
    """One wide row and many short ones: padding every row to the widest made the
    Markdown grow with rows × width (a 290 KB table became 300 MB)."""
    from articlekit.export.markdown import _table

    rows = (tuple(f"c{n}" for n in range(500)), *((f"r{n}", "v") for n in range(500)))
    markdown = _table(rows)
    assert len(markdown) < 50_000
    assert markdown.splitlines()[2] == "| r0 | v |"
