"""Authors as people name them, wherever the page gives them."""

from __future__ import annotations

import pytest

from articlekit import clean

PROSE = (
    "<p>" + "The council voted on Tuesday to widen the road, and residents said so. " * 4 + "</p>"
)


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ('<meta name="author" content="By Jane Roe and John Doe">', ("Jane Roe", "John Doe")),
        ('<meta name="author" content="Written by: Jane Roe">', ("Jane Roe",)),
        ('<meta name="author" content="作者：张三、李四">', ("张三", "李四")),
        ('<meta name="author" content="Von Jana Roth">', ("Jana Roth",)),
        ('<meta name="author" content="Mac &amp; Co">', ("Mac & Co",)),
    ],
)
def test_byline_words_are_not_part_of_a_name(byline: str, authors: tuple[str, ...]) -> None:
    page = f"<html><head>{byline}</head><body><article><h1>Road</h1>{PROSE}</article></body></html>"
    assert clean(page).authors == authors
