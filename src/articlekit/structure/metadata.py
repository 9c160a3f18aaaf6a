"""Metadata: title, published date, location, authors and site from the classified blocks.

The title is the heading-like line just above the article (preferring one the page
repeats — pages print it in a breadcrumb, a header and the browser title); copies of
it become `duplicated title` chrome. A browser page-title line (`Title_Channel_Site`)
gives the site name. Dates, places and bylines come from the metadata lines around the
title, which the classifier already set aside.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, timedelta

from articlekit.judge.features import count_units, ends_sentence
from articlekit.judge.vocab import (
    BREADCRUMB_RE,
    BYLINE_RE,
    CAPTION_TAIL_RE,
    CJK_RUN_RE,
    COMMENT_HEADING_RE,
    DATE_RE,
    LOCATION_LABEL_RE,
    META_COLON_WORDS,
    META_LABEL_RE,
    MONTHS,
    RELATED_RE,
    TITLE_SEPARATOR_RE,
    ZH_AUTHOR_RE,
    is_credit,
    is_numbered_entry,
)
from articlekit.model import BlockKind, Decision, Metadata, Reason, Verdict

#: How many blocks above the article are searched for its title.
TITLE_WINDOW_BLOCKS = 15
#: A title is 3–80 units long (shorter is a label, longer is prose).
MIN_TITLE_UNITS = 3
MAX_TITLE_UNITS = 80
#: Blocks around the title and the article's first paragraphs searched for date/byline.
META_WINDOW_BLOCKS = 12
#: Longest line tried as an English byline (`By A, B and C`); longer lines are prose.
MAX_BYLINE_CHARS = 120
_EN_NAME_SEPARATOR_RE = re.compile(r",|\band\b|&")
_ZH_NAME_SEPARATOR_RE = re.compile(r"[\s、,，]+")
#: Words that label a posting date (not an update), in the languages of the bench.
_POSTED_RE = re.compile(
    r"发表|發表|发布|發佈|發布|posted|published|publié|veröffentlicht|publicado", re.IGNORECASE
)
#: A bare place name in a metadata cluster: 2–6 CJK characters and nothing else.
#: A headline ending in its comment or view count (`Week 12 power rankings (133)`) is an
#: entry of a "most read" list, not the page's title; a year in brackets is not a count.
_COUNTED_ENTRY_RE = re.compile(r"[(（](?!(?:19|20)\d\d[)）])\d{2,}[)）]$")
#: A menu entry or tag is at most this long (`首页`, `财经资讯`, `NBA`).
MAX_MENU_ENTRY_CHARS = 4
_MENU_SEPARATOR_RE = re.compile(r"\s*[|｜/]\s*|\s+")
#: A sentence ending inside a line (`… on Wednesday. The stabbing …`, `…。他说`), and
#: how many make the line a paragraph, never a headline (a headline may hold one:
#: `Markets fall. Again`).
_INNER_SENTENCE_END_RE = re.compile(
    r"\w{3}[.!?][\"”’)]?\s+[\"“‘(]?[A-Z]|[。！？][”’」』）]*(?=[^\s”’」』）])"
)
MIN_INNER_SENTENCES = 2
_SUBTITLE_OPENERS = ("—", "－", "-", "–", "~", "～")
#: A metadata field anywhere in a line (`02日14:25 作者： 某某`, `译： A. Writer`).
_FIELD_INSIDE_RE = re.compile(rf"(?:{META_COLON_WORDS}|译者|翻译|译|出版社)\s*[:：]")
#: A web address: `https://…`, `www.…`, a bare domain (`example.com.cn`). The domain
#: label starts where no label character precedes it and is possessive: from every `\b`
#: in a run such as `2024-2024-…` it would rescan the run (quadratic).
_ADDRESS_RE = re.compile(
    r"https?://|\bwww\.|(?<![a-z0-9-])[a-z0-9-]++\.(?:com|net|org|gov|edu|cn|co\.uk)\b",
    re.IGNORECASE,
)
#: `来源：某报` (or 來源/稿源/出处), the value up to the next space or label; not a word
#: that says where from without naming it (转载 "reposted", 网络 "the web", 本站 "this site").
_SOURCE_RE = re.compile(
    r"(?:^|\s)(?:来源|來源|稿源|出处|出處)\s*[:：]\s*"
    r"(?!(?:转载|轉載|原创|原創|网络|網絡|本站|网友|網友|互联网|互聯網)(?:文章)?(?:\s|$))"
    r"(?P<site>[^\s:：|｜=\"'<>]{2,20})(?=\s|$)"
)
_NON_PLACE_RE = re.compile(r"评论|分享|收藏|阅读|原创|转载|关注|举报|首页|作者|来源|编辑|打印|字号")


def extract_metadata(
    decisions: Sequence[Decision], known_title: str | None = None
) -> tuple[Metadata, list[Decision]]:
    """Find the metadata and relabel the title, its copies and the page-title line.

    `known_title` comes from the page's markup, when it has one: the block that
    repeats it (an `<h1>`, even inside the article) is the title, not a heading.
    """
    body_start = next(
        (i for i, d in enumerate(decisions) if d.verdict is Verdict.BODY), len(decisions)
    )
    title_index = _find_known_title(decisions, known_title, body_start)
    if title_index is None:
        title_index = _find_title(decisions, body_start)
    title = decisions[title_index].block.text if title_index is not None else None
    relabelled, site = _relabel_title_copies(decisions, title, title_index)
    above, below = _metadata_window(relabelled, body_start)
    window = above + below
    # Above the article from the nearest line up: a page dated in its masthead
    # (`Weekly Edition for April 23`) prints the article's own date under its headline.
    published = _publication_date([d.block.text for d in above[::-1] + below])
    if published is None:
        published = _shown_date(relabelled, title, body_start)
    if published is None:
        published = find_date([d.block.text for d in _closing_metadata(relabelled)])
    return (
        Metadata(
            title=title,
            published=published,
            location=_find_location(window),
            authors=_find_authors(window),
            site=site or _find_site(window),
        ),
        relabelled,
    )


def find_date(lines: Sequence[str]) -> str | None:
    """The first full date in the lines, as YYYY-MM-DD.

    >>> find_date(["阅读 12", "2024年6月15日 16:30"])
    '2024-06-15'
    >>> find_date(["Published Nov. 16, 2019"])
    '2019-11-16'
    """
    for line in lines:
        for match in DATE_RE.finditer(line):
            date = date_from_match(match)
            if date:
                return date
    return None


def local_day(declared: str | None, local: str | None) -> str | None:
    """The markup's date, unless the page's own day (a printed date, the URL's path)
    is the day next to it: markup often stamps the time in UTC
    (`2016-12-01T23:29Z`) while the page prints the day its readers saw
    (`December 2, 2016`). A date further away is another event's.

    >>> local_day("2016-12-01", "2016-12-02"), local_day("2015-12-11", "2015-10-15")
    ('2016-12-02', '2015-12-11')
    """
    if declared is None or local is None:
        return declared or local
    try:
        apart = abs(date.fromisoformat(declared) - date.fromisoformat(local))
    except ValueError:
        return declared
    return local if apart == timedelta(days=1) else declared


def split_page_title(line: str, title: str) -> str | None:
    """The site name from a browser page-title line that starts with the title.

    >>> split_page_title("大模型的未来_AI_某某网", "大模型的未来")
    '某某网'
    >>> split_page_title("大模型的未来", "大模型的未来") is None
    True
    """
    if not line.startswith(title) or len(line) <= len(title):
        return None
    rest = " ".join(line[len(title) :].split())  # linear: see strip_site_suffix
    if line[len(title)].isspace():
        rest = " " + rest
    if not TITLE_SEPARATOR_RE.match(rest):
        return None
    parts = [p for p in TITLE_SEPARATOR_RE.split(rest) if p.strip()]
    return parts[-1].strip() if parts else None


#: Longest browser-title affix taken for a site's name.
MAX_SITE_AFFIX_CHARS = 40


def site_beside_title(window: str | None, title: str | None) -> str | None:
    """The site's name in a browser title, on the far side of the headline from it
    (`Headline - Section - Site`, `Site | Headline`).

    >>> site_beside_title("Opinion | Road Vote Passes - The Daily Example", "Road Vote Passes")
    'The Daily Example'
    >>> site_beside_title("某网 | 某市举行年度交通会议", "某市举行年度交通会议")
    '某网'
    """
    if not window or not title:
        return None
    window = " ".join(window.split())
    before, found, after = window.partition(" ".join(title.split()))
    if not found:
        return None
    after_parts = TITLE_SEPARATOR_RE.split(after)
    before_parts = TITLE_SEPARATOR_RE.split(before)
    if len(after_parts) > 1 and not after_parts[0].strip():
        affix = next((p.strip() for p in reversed(after_parts) if p.strip()), None)
    elif len(before_parts) > 1 and not before_parts[-1].strip():
        affix = next((p.strip() for p in before_parts if p.strip()), None)
    else:
        return None
    return affix if affix and len(affix) <= MAX_SITE_AFFIX_CHARS else None


def _find_known_title(
    decisions: Sequence[Decision], known_title: str | None, body_start: int
) -> int | None:
    if not known_title:
        return None
    limit = min(len(decisions), body_start + TITLE_WINDOW_BLOCKS)
    return next((i for i in range(limit) if decisions[i].block.text == known_title), None)


_TITLE_CANDIDATE_REASONS = frozenset(
    {Reason.NAVIGATION, Reason.RELATED, Reason.OUTSIDE, Reason.HEADING}
)


def _find_title(decisions: Sequence[Decision], body_start: int) -> int | None:
    """The title among the lines above the article (and its first line, which a
    headline without closing punctuation can be mistaken for).

    A title is a line of title length, best one the page repeats (breadcrumb, header,
    browser title) and one right above the dateline: pages print the date, source or
    byline under the headline, whatever the site. Menus, breadcrumbs, counters, share
    labels and photo credits are never titles, however close to the article they sit.
    """
    sorted_texts: list[str] | None = None
    best: tuple[float, int] | None = None
    end = min(len(decisions), body_start + 2)
    for index in range(max(0, body_start - TITLE_WINDOW_BLOCKS), end):
        decision = decisions[index]
        block = decision.block
        text = block.text
        if block.kind is BlockKind.LIST or (
            index < body_start and decision.reason not in _TITLE_CANDIDATE_REASONS
        ):
            continue
        dated = _above_dateline(decisions, index)
        if index >= body_start and not dated:
            continue  # an article line is a title only when the dateline follows it
        # A question or exclamation can be a headline, and so can a teaser's ellipsis
        # when the dateline follows it.
        if ends_sentence(text) and not text.endswith(("?", "？", "!", "！", *(("…",) * dated))):
            continue
        if text.startswith(_SUBTITLE_OPENERS):
            continue  # `——热烈祝贺…`: a subtitle or an attribution under the title
        if len(_INNER_SENTENCE_END_RE.findall(text)) >= MIN_INNER_SENTENCES:
            continue  # sentences after sentences: a paragraph whose last one ran on
        if _is_list_entry(text) or _is_menu_line(text) or _is_label_line(text):
            continue
        units = count_units(text)
        if not MIN_TITLE_UNITS <= units <= MAX_TITLE_UNITS:
            continue
        if sorted_texts is None:
            sorted_texts = sorted(d.block.text for d in decisions)
        # Other lines repeating it, alone or with a suffix (`Title_Channel_Site`).
        repeats = _count_with_prefix(sorted_texts, text) - 1
        score = (
            min(units, 40)
            + 30 * min(repeats, 1)
            + 40 * dated
            - abs(body_start - index)
            + 10 * (block.kind is BlockKind.HEADING)
        )
        if best is None or score > best[0]:
            best = (score, index)
    return best[1] if best else None


def _above_dateline(decisions: Sequence[Decision], index: int) -> bool:
    """Whether one of the next two lines, outside the article, gives a date or a byline."""
    for following in decisions[index + 1 : index + 3]:
        text = following.block.text
        if following.verdict is not Verdict.BODY and (
            DATE_RE.search(text) or (len(text) <= MAX_BYLINE_CHARS and BYLINE_RE.match(text))
        ):
            return True
    return False


def _is_label_line(text: str) -> bool:
    """A breadcrumb, a metadata line (`来源：…`, `… 作者：…`), a photo credit or a line
    naming a web address (a site's name and domain)."""
    if is_credit(text) or CAPTION_TAIL_RE.search(text):
        return True
    return any(
        pattern.search(text)
        for pattern in (BREADCRUMB_RE, META_LABEL_RE, _FIELD_INSIDE_RE, _ADDRESS_RE)
    )


def _is_menu_line(text: str) -> bool:
    """A row of menu entries or tags: four or more words between spaces or bars, three in
    four of them short.

    >>> _is_menu_line("新闻 体育 NBA 娱乐 财经 股票"), _is_menu_line("20190926|国贸|增长率|全球经济")
    (True, True)
    >>> _is_menu_line("某公司负责人：行业需求最快五年达到顶峰")
    False
    >>> _is_menu_line("How I Got My Old Job Back"), _is_menu_line("三星 Galaxy S20 系列手机正式发布")
    (False, False)
    """
    if not CJK_RUN_RE.search(text):
        return False  # English titles are rows of short words too
    parts = _MENU_SEPARATOR_RE.split(text.strip())
    short = sum(len(part) <= MAX_MENU_ENTRY_CHARS for part in parts)
    return len(parts) >= 4 and 4 * short >= 3 * len(parts)


def _is_list_entry(text: str) -> bool:
    """A headline with its count, or a numbered sidebar entry: never the page's title.

    >>> _is_list_entry("Week 12 power rankings (133)"), _is_list_entry("8. 新鲜出炉的意大利餐(6)")
    (True, True)
    >>> _is_list_entry("The World Cup (2018)"), _is_list_entry("一日一技：在 Python 中实现延迟调用")
    (False, False)
    """
    if text.endswith((")", "）")) and _COUNTED_ENTRY_RE.search(text):
        return True
    return is_numbered_entry(text)


def _count_with_prefix(sorted_texts: list[str], prefix: str) -> int:
    """How many of the sorted texts start with the prefix (binary search, no scan)."""
    start = bisect_left(sorted_texts, prefix)
    end = start
    while end < len(sorted_texts) and sorted_texts[end].startswith(prefix):
        end += 1
    return end - start


def _relabel_title_copies(
    decisions: Sequence[Decision], title: str | None, title_index: int | None
) -> tuple[list[Decision], str | None]:
    if title is None:
        return list(decisions), None
    site = None
    out = list(decisions)
    for index in _indices_starting_with([d.block.text for d in decisions], title):
        decision = out[index]
        text = decision.block.text
        if index == title_index:
            out[index] = decision._replace(verdict=Verdict.CHROME, reason=Reason.TITLE)
        elif text == title:
            out[index] = decision._replace(verdict=Verdict.CHROME, reason=Reason.DUPLICATE_TITLE)
        elif decision.verdict is not Verdict.BODY and (found := split_page_title(text, title)):
            site = site or found
            out[index] = decision._replace(reason=Reason.PAGE_TITLE)
    return out, site


def _indices_starting_with(texts: list[str], prefix: str) -> list[int]:
    """Indices of the texts that start with `prefix`, in order, found by searching the
    joined texts (a few hits a page) instead of testing every line.

    >>> _indices_starting_with(["ab", "b", "abc", "xab"], "ab")
    [0, 2]
    """
    joined = _SEPARATOR + _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) or _SEPARATOR in prefix:
        return [index for index, text in enumerate(texts) if text.startswith(prefix)]
    needle = _SEPARATOR + prefix
    indices = []
    # Separators are counted from the previous hit on, not from the start: a page of
    # 100,000 title lines made that count quadratic (19.5 s).
    index, counted_to = 0, 0
    position = joined.find(needle)
    while position >= 0:
        index += joined.count(_SEPARATOR, counted_to, position)
        counted_to = position
        indices.append(index)
        position = joined.find(needle, position + 1)
    return indices


#: Joins block texts for a search; a text holding it is searched line by line instead.
_SEPARATOR = "\x00"


def _metadata_window(
    decisions: Sequence[Decision], body_start: int
) -> tuple[list[Decision], list[Decision]]:
    """Metadata lines near the top of the article (those above it, then those below it
    and its first body blocks); nothing past a related-list or comment heading (its
    entries' dates are not the article's)."""
    lo = max(0, body_start - META_WINDOW_BLOCKS)
    hi = body_start + META_WINDOW_BLOCKS
    for index in range(body_start, min(hi, len(decisions))):
        text = decisions[index].block.text
        if not decisions[index].is_body and (
            RELATED_RE.match(text) or COMMENT_HEADING_RE.match(text)
        ):
            hi = index
            break
    metadata = Reason.METADATA
    above = [d for d in decisions[lo:body_start] if d.reason is metadata]
    below = [d for d in decisions[body_start:hi] if d.reason is metadata]
    first_body = [d for d in decisions[body_start : body_start + 2] if d.is_body]
    return above, below + first_body


#: Words that label a change after publication (a portal's `更新` is its posting time,
#: but a line that says so ranks below one that says "published").
_UPDATED_RE = re.compile(
    r"updated|modified|aktualisiert|mis à jour|actualizado|更新|修改|修订|修訂", re.IGNORECASE
)
#: A clock time, a weekday, a time zone or a filler word beside a date.
_DATE_COMPANION_RE = re.compile(
    r"\d{1,2}:\d\d(?::\d\d)?|\b[ap]\.?m\.?(?!\w)|\b(?:on|at|um|le|à|el|a las)\b|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b[A-Z]{2,4}T\b|\bUTC\b|"
    r"星期.|周[一二三四五六日天]|[上下]午",
    re.IGNORECASE,
)
#: Units a dateline may hold besides its date and time (`来源：转载文章`, `by: A. Writer`).
MAX_DATELINE_OTHER_UNITS = 8


def _shown_date(decisions: Sequence[Decision], title: str | None, body_start: int) -> str | None:
    """The date a line under the title or above the article shows, whatever the
    classifier called that line: a dateline is often a navigation-like `<div>`
    (`posted on April 21, 2015, at 11:29 a.m.`) or shares its block with a byline.

    A line counts when its date is most of it; one that labels itself a
    publication date wins, one that labels itself an update comes last.
    """
    starts = [
        i + 1
        for i in range(min(body_start, len(decisions)))
        if title and decisions[i].block.text == title
    ]
    starts.append(max(0, body_start - META_WINDOW_BLOCKS))
    ranked: list[tuple[int, int, str]] = []
    for start in starts:
        for index in range(start, min(start + META_WINDOW_BLOCKS, body_start, len(decisions))):
            text = decisions[index].block.text
            if RELATED_RE.match(text) or COMMENT_HEADING_RE.match(text):
                break
            lines = text.splitlines()
            for position, line in enumerate(lines):
                date = _dateline_date(line)
                if date is not None:
                    label = line if position == 0 else lines[position - 1] + " " + line
                    ranked.append((_label_rank(label), index, date))
    return min(ranked)[2] if ranked else None


def _publication_date(texts: Sequence[str]) -> str | None:
    """The first date of the texts, a line that labels it a publication date first and
    one that labels it an update last (`Posted: Feb 16` above `Updated: Feb 17`)."""
    ranked = [
        (_label_rank(text), order, date)
        for order, text in enumerate(texts)
        if (date := find_date([text])) is not None
    ]
    return min(ranked)[2] if ranked else None


def _label_rank(text: str) -> int:
    """0 for a dateline labelled as the publication, 2 for one labelled as an update,
    1 otherwise (and for prose, whose 发表/published is not a label)."""
    if len(text) > MAX_BYLINE_CHARS:
        return 1
    return 0 if _POSTED_RE.search(text) else 2 if _UPDATED_RE.search(text) else 1


def _dateline_date(line: str) -> str | None:
    """The date of a line that is a date, with at most a time, labels and a short
    field beside it; None for a dated headline or sentence.

    >>> _dateline_date("posted on April 21, 2015, at 11:29 a.m.")
    '2015-04-21'
    >>> _dateline_date("2005-02-06 13:26更新 来源：转载文章")
    '2005-02-06'
    >>> _dateline_date("某地举行年度交通安全宣传活动现场 (2005-04-27 18:03)") is None
    True
    """
    if len(line) > MAX_BYLINE_CHARS:
        return None
    match = DATE_RE.search(line)
    if match is None or (date := date_from_match(match)) is None:
        return None
    rest = DATE_RE.sub(" ", line)
    rest = _DATE_COMPANION_RE.sub(" ", _UPDATED_RE.sub(" ", _POSTED_RE.sub(" ", rest)))
    return date if count_units(rest) <= MAX_DATELINE_OTHER_UNITS else None


def _closing_metadata(decisions: Sequence[Decision]) -> list[Decision]:
    """The first metadata line just after the article's last body block, when it says
    it is a posting date: where blogs print a post's date (`Posted on …`, `发表于 …`)
    when nothing above the post has one. Only the first: the lines after it are often
    the comments' own dates, and unlabelled dated lines there are other posts'."""
    last_body = next((i for i in range(len(decisions) - 1, -1, -1) if decisions[i].is_body), None)
    if last_body is None:
        return []
    for decision in decisions[last_body + 1 : last_body + 1 + META_WINDOW_BLOCKS]:
        text = decision.block.text
        if RELATED_RE.match(text) or COMMENT_HEADING_RE.match(text):
            break
        if decision.reason is Reason.METADATA:
            return [decision] if _POSTED_RE.search(text) else []
    return []


def _find_location(window: Sequence[Decision]) -> str | None:
    for decision in window:
        if decision.reason is not Reason.METADATA:
            continue
        lines = decision.block.items or (decision.block.text,)
        for position, line in enumerate(lines):
            if match := LOCATION_LABEL_RE.match(line):
                return match.group("place")
            near_date = any(
                DATE_RE.search(other) for other in lines[max(0, position - 1) : position + 2]
            )
            if near_date and _is_place_name(line) and not _NON_PLACE_RE.search(line):
                return line
    return None


def _find_site(window: Sequence[Decision]) -> str | None:
    """The publication a `来源：` (source) line names.

    Only the labelled value, and only a short one: `来源：某报` gives 某报,
    `来源：某网 作者：…` gives 某网, `来源：转载` names nothing.

    >>> import articlekit
    >>> articlekit.clean("标题在这里\\n2024-01-12 来源：某报\\n" + "正文的第一段，足够长，有标点。" * 3).site
    '某报'
    """
    for decision in window:
        if decision.reason is not Reason.METADATA:
            continue
        for line in decision.block.items or (decision.block.text,):
            if match := _SOURCE_RE.search(line):
                return match.group("site")
    return None


#: What a byline says before the names: `By`, `Written by`, `Von`/`Por`/`Par` (before a
#: capitalised name), `作者：`, `文/`, `记者 `.
_BYLINE_PREFIX_RE = re.compile(
    r"^(?:(?:(?i:written|posted|reported|words|story|text|photos?)\s+)?(?i:by)\b[:\s]*"
    r"|(?:Von|Por|Par|Door)\s+(?=[A-ZÀ-Þ])"
    r"|(?:作者|撰文|撰稿|文|记者|記者|编辑|編輯|责编|責編)\s*[:：/|｜]\s*"
    r"|(?:记者|記者)\s+)"
)
_NAMES_SEPARATOR_RE = re.compile(r"\s*(?:[,;，；、]|\band\b|\bund\b|\bet\b|\by\b)\s*")
#: Initials after a comma belong to the surname before it (`Roe, J.`).
_INITIALS_RE = re.compile(r"(?:[A-Z]\.\s?)+")
#: A name is shorter than this; a longer "author" is a sentence or a list of roles.
MAX_AUTHOR_CHARS = 80


def author_names(raw: Sequence[str]) -> tuple[str, ...]:
    """Authors as people name them: the byline's `By`/`作者：`/`文/` dropped, several
    names in one string split on commas, `、` and `and`, each name once.

    >>> author_names(["By Jane Roe and John Doe", "jane roe"])
    ('Jane Roe', 'John Doe')
    >>> author_names(["作者：张三、李四", "Roe, J."])
    ('张三', '李四', 'Roe, J.')
    """
    names: dict[str, str] = {}
    for value in raw:
        pieces: list[str] = []
        for piece in _NAMES_SEPARATOR_RE.split(_BYLINE_PREFIX_RE.sub("", value.strip())):
            piece = piece.strip(" \t·|｜:：-–—")
            if pieces and _INITIALS_RE.fullmatch(piece):
                pieces[-1] += f", {piece}"
            elif piece:
                pieces.append(piece)
        for name in pieces:
            if len(name) <= MAX_AUTHOR_CHARS and not _ADDRESS_RE.match(name):
                names.setdefault(name.casefold(), name)
    return tuple(names.values())


def _find_authors(window: Sequence[Decision]) -> tuple[str, ...]:
    for decision in window:
        for line in decision.block.items or (decision.block.text,):
            if len(line) <= MAX_BYLINE_CHARS and (match := BYLINE_RE.match(line)):
                return tuple(
                    n.strip()
                    for n in _EN_NAME_SEPARATOR_RE.split(match.group("names"))
                    if n.strip()
                )
            labelled = decision.reason is Reason.METADATA or line.startswith(("（", "("))
            if labelled and (match := ZH_AUTHOR_RE.search(line[:40])):
                return tuple(n for n in _ZH_NAME_SEPARATOR_RE.split(match.group("names")) if n)
    return ()


_CHINESE_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def _chinese_number(text: str) -> int:
    """1–31 in Chinese numerals (`九`, `十一`, `二十`, `三十一`); 0 when malformed."""
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _CHINESE_DIGITS.get(text, 0) if len(text) == 1 else 0
    if len(tens) > 1 or len(units) > 1 or "十" in tens + units:
        return 0
    return (_CHINESE_DIGITS.get(tens, 0) if tens else 1) * 10 + _CHINESE_DIGITS.get(units, 0)


def date_from_match(match: re.Match[str]) -> str | None:
    """The YYYY-MM-DD of a `DATE_RE` match, or None when it is no calendar day."""
    groups = match.groupdict()
    if groups.get("y"):
        year, month, day = int(groups["y"]), int(groups["m"]), int(groups["d"])
    elif groups.get("y2"):
        year, month, day = int(groups["y2"]), MONTHS[groups["mname"][:3].lower()], int(groups["d2"])
    elif groups.get("y4"):
        year, month, day = int(groups["y4"]), int(groups["a4"]), int(groups["b4"])
        if month > 12:  # `18/10/2004`: day first
            month, day = day, month
    elif groups.get("y5"):
        year, month, day = int(groups["y5"]), int(groups["m5"]), int(groups["d5"])
    elif groups.get("yc"):
        year = int("".join(str(_CHINESE_DIGITS[c]) for c in groups["yc"]))
        month, day = _chinese_number(groups["mc"]), _chinese_number(groups["dc"])
    else:
        year, month, day = (
            int(groups["y3"]),
            MONTHS[groups["mname3"][:3].lower()],
            int(groups["d3"]),
        )
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _is_place_name(line: str) -> bool:
    """Two to six CJK characters and nothing else (a dateline's place: 北京, 乌鲁木齐)."""
    return 2 <= len(line) <= 6 and CJK_RUN_RE.fullmatch(line) is not None
