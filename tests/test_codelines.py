"""Code listings in raw page text: one code block per listing, kept whole, fenced in
Markdown and left alone by conversion; lines that only look a little like code stay
paragraphs."""

from __future__ import annotations

import pytest

from articlekit import clean
from articlekit.model import BlockKind
from articlekit.read.codelines import code_kind
from articlekit.read.textblocks import split_text_blocks

INTRO = "我有一个函数 parse，它从队列中持续读入数据，并写入到数据库中。示例代码如下："
LISTING_1 = """import json

client = redis.Redis()
def parse():
    data = client.lpop('test')
    if not data:
        return
    handler.insert_one(json.loads(data))
"""
MIDDLE = "可以看到，代码变得很难看了。现在我们先来看一个简单的例子，它会注册两个回调函数："
LISTING_2 = """def callback_1():
    print('我是第一个回调函数')

with contextlib.ExitStack() as stack:
    stack.callback(callback_1)
    print('退出缩进')
"""
OUTRO = (
    "可以看到，即使缩进里面出现了报错，回调函数仍然可以正常运行，等它们运行完成以后程序才会退出。"
)
PAGE = "\n".join(["首页", "技术", INTRO, LISTING_1, MIDDLE, LISTING_2, OUTRO, "相关阅读"])


def test_a_listing_is_one_code_block_with_its_indentation() -> None:
    blocks = split_text_blocks(PAGE)
    kinds = [block.kind for block in blocks]
    assert kinds.count(BlockKind.CODE) == 2
    first = next(block for block in blocks if block.kind is BlockKind.CODE)
    assert first.text.splitlines() == [line for line in LISTING_1.splitlines() if line]


def test_the_article_goes_on_past_its_listings() -> None:
    """Two listings of short statements no longer end the article at the first one."""
    article = clean(PAGE)
    text = article.to_text()
    assert OUTRO in text and MIDDLE in text and "首页" not in text
    markdown = article.to_markdown()
    assert "```\ndef callback_1():\n    print('我是第一个回调函数')" in markdown


def test_conversion_leaves_the_code_alone() -> None:
    converted = clean(PAGE).converted("zh-TW").to_markdown()
    assert "print('我是第一个回调函数')" in converted  # a string in code: unchanged
    assert "回撥函式" in converted  # the prose around it: converted, with Taiwan phrasing


@pytest.mark.parametrize(
    "lines",
    [
        ["For more details:", "Share this:"],  # openers only, no statement
        ["Share this:", "Twitter(12)", "Facebook(3)"],  # counters, not calls
        ["It rose 5% (in 2019).", "Return policy"],
        ["首页", "新闻"],
    ],
)
def test_lines_that_only_resemble_code_stay_paragraphs(lines: list[str]) -> None:
    blocks = split_text_blocks("\n".join(lines))
    assert [block.kind for block in blocks] == [BlockKind.PARAGRAPH] * len(lines)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("from contextlib import ExitStack", "statement"),
        ("x += 1", "statement"),
        ("console.log(x);", "statement"),
        ("});", "statement"),
        ("while True:", "opener"),
        ("ifnot data:", "opener"),  # a copy that lost the space
        ("Copyright (c) 2019 Example", None),
        ("continue reading", None),
    ],
)
def test_code_kind(line: str, kind: str | None) -> None:
    assert code_kind(line) == kind
