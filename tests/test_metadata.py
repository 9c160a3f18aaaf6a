"""Published dates in the shapes pages print them, and only from the article's head."""

from __future__ import annotations

import pytest

from articlekit import clean
from articlekit.metadata import find_date


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published 10/18/2004 3:45 PM", "2004-10-18"),
        ("18/10/2004", "2004-10-18"),
        ("19.11.2019", "2019-11-19"),
        ("Updated: 19. 11. 2019", "2019-11-19"),
        ("November 19th, 2019", "2019-11-19"),
        ("19th November 2019", "2019-11-19"),
        ("二〇一九年十一月十九日", "2019-11-19"),
        ("二〇二〇年十月三十一日", "2020-10-31"),
        ("version 1.2.2019.5", None),
        ("1/2/3/2004", None),
        ("二〇一九年十三月一日", None),
    ],
)
def test_dates_in_the_shapes_pages_print_them(line: str, date: str | None) -> None:
    assert find_date([line]) == date


def test_a_date_in_a_related_list_is_not_the_article_date() -> None:
    page = "\n".join(
        [
            "Home | News | Business",
            "City unveils plan to help small firms",
            "By Jane Roe",
            "The city announced ten measures on Monday to help small businesses with loans, "
            "taxes and hiring, and expects them to reach a hundred thousand firms.",
            "Eligible firms can borrow up to five million at a low rate, and the city will "
            "pay half of the interest for the first two years.",
            "Related",
            "City budget passes 10/18/2004",
            "Council elects new chair 09/02/2004",
        ]
    )
    article = clean(page)
    assert article.published is None
    assert "10/18/2004" not in article.to_text()
