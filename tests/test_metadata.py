"""Published dates in the shapes pages print them, and only from the article's head."""

from __future__ import annotations

import pytest

from articlekit import clean
from articlekit.structure.metadata import find_date


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


PROSE = (
    "<p>" + "The council voted on Tuesday to widen the road, and residents said so. " * 4 + "</p>"
)


@pytest.mark.parametrize(
    ("head", "body", "date"),
    [
        # One tag, two vocabularies: `property` used to hide the `itemprop`.
        ('<meta property="article:published" itemprop="datePublished dateCreated" '
         'content="2019-11-19T11:00:09.000Z">', "", "2019-11-19"),
        ('<meta name="pdate" content="20191119">', "", "2019-11-19"),
        ('<meta name="apub:time" content="2019-9-7 21:30:50">', "", "2019-09-07"),
        ("", '<time itemprop="datePublished" content="2017-01-18T23:00:00-0800">Jan 18</time>',
         "2017-01-18"),
        # The modification time is not the publication date; the meta tag is.
        ('<meta property="article:published" content="2016-07-29T16:42:34-04:00">',
         '<time itemprop="dateModified" datetime="2016-08-01T01:30:24-04:00">Aug 1</time>',
         "2016-07-29"),
        ('<link rel="canonical" href="https://news.example.com/2015/03/18/road-vote/">', "",
         "2015-03-18"),
        ('<meta property="og:url" content="https://news.example.com/hl?a=20170309-0042-sci">',
         "", "2017-03-09"),
        # JSON-LD wrapped for old XHTML parsers.
        ('<script type="application/ld+json"><![CDATA[{"@type": "Article", '
         '"datePublished": "2001-10-29T01:59:14Z"}]]></script>', "", "2001-10-29"),
        ("<title>Road vote - 07.12.2017 - The Daily</title>", "", "2017-12-07"),
        # UTC in the markup, the reader's day in the URL and on the page.
        ('<meta property="article:published_time" content="2019-11-19T03:05:46Z">'
         '<link rel="canonical" href="https://news.example.com/2019/11/18/road-vote/">', "",
         "2019-11-18"),
        ('<meta property="article:published_time" content="2016-12-01T23:29:49Z">',
         "<p>By Jane Roe</p><p>December 2, 2016</p>", "2016-12-02"),
        # Two months apart: the markup's date stands.
        ('<meta property="article:published_time" content="2015-12-11T14:28:34Z">',
         "<p>By Jane Roe</p><p>Oct 15, 2015</p>", "2015-12-11"),
    ],
)  # fmt: skip
def test_dates_from_every_place_markup_puts_them(head: str, body: str, date: str) -> None:
    page = f"<html><head>{head}</head><body><article><h1>Road</h1>{body}{PROSE}</article></body></html>"
    assert clean(page).published == date


def test_a_blog_posts_date_printed_after_it() -> None:
    lines = [
        "某某的博客",
        "一篇文章的标题",
        *["这是正文的一段，足够长，读起来像文章，有逗号，也有句号。"] * 16,
    ]
    lines += ["作者:某某 阅读(16) 评论(5) 发表于:2005-07-31 12:30", "网友 | 2005-08-22 02:22"]
    assert clean("\n".join(lines)).published == "2005-07-31"


HEADLINE = "City unveils plan to help small firms"
PARAGRAPHS = [
    "The city announced ten measures on Monday to help small businesses with loans, "
    "taxes and hiring, and expects them to reach a hundred thousand firms.",
    "Eligible firms can borrow up to five million at a low rate, and the city will "
    "pay half of the interest for the first two years.",
]


@pytest.mark.parametrize(
    ("lines", "date"),
    [
        # A dateline the classifier takes for navigation.
        (["Home | News", HEADLINE, "Share", "posted on April 21, 2015, at 11:29 a.m.", "Tweet"],
         "2015-04-21"),
        # The masthead's date is the edition's; the one under the headline is the article's.
        (["Weekly Edition for April 23, 2015", "Home | News", HEADLINE, "By Jane Roe",
          "March 25, 2015"], "2015-03-25"),
        # Posted beats updated, whichever comes first.
        (["Home | News", HEADLINE, "Updated: Sat 8:31 PM, Feb 17, 2018",
          "Posted: Fri 6:45 PM, Feb 16, 2018"], "2018-02-16"),
    ],
)  # fmt: skip
def test_the_date_a_page_shows_under_its_headline(lines: list[str], date: str | None) -> None:
    assert clean("\n".join([*lines, *PARAGRAPHS])).published == date


@pytest.mark.parametrize(
    ("head", "site"),
    [
        ('<meta property="og:site_name" content="The Daily Example">', "The Daily Example"),
        # A slug of the publisher's name, a URL, a social handle: not the name as written.
        ('<meta property="og:site_name" content="dailyexample"><script type="application/ld+json">'
         '{"@type": "NewsArticle", "publisher": {"name": "The Daily Example"}}</script>',
         "The Daily Example"),
        ('<meta property="og:site_name" content="https://www.example.in">'
         '<script type="application/ld+json">{"publisher": {"name": "Example News"}}</script>',
         "Example News"),
        ('<meta name="twitter:site" content="@dailyexample"><title>Road - The Daily Example</title>',
         "The Daily Example"),
        ("<title>Opinion | Road - The Daily Example</title>", "The Daily Example"),
        ("<title>The Daily Example | Road</title>", "The Daily Example"),
        ("<title>Road</title>", None),
    ],
)  # fmt: skip
def test_the_site_name_from_markup_or_the_browser_title(head: str, site: str | None) -> None:
    page = f"<html><head>{head}</head><body><article><h1>Road</h1>{PROSE}</article></body></html>"
    assert clean(page).site == site


def test_a_paragraph_of_sentences_is_never_the_title() -> None:
    """A dump joined the article's only paragraph with the next story's headline, so it
    ended without a full stop and sat above that story's byline and date: it became
    the title, and the page had no article left ('no article text found', exit 1)."""
    from articlekit import clean

    paragraph = (
        "The son of a former president was stabbed to death on Tuesday, the police said on "
        "Wednesday. The attack happened during a lecture at a clinic in the city, where he "
        "worked as a physician. Police arrested a 57-year-old man at the scene. Markets "
        "steady as talks on a unity government go on"
    )
    text = "\n".join(
        ["Breaking news", "Son of former president stabbed", "By STAFF", "November 20, 2019",
         paragraph, "By STAFF", "11/20/2019 01:14 PM", "Another headline here"]
    )  # fmt: skip
    article = clean(text)
    assert article.title == "Son of former president stabbed"
    assert "Police arrested a 57-year-old man" in article.to_text()
