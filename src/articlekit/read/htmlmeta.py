"""Metadata from a page's markup: meta tags, JSON-LD, `<time>`, `<title>`, canonical link.

Markup metadata is written for machines and beats guesses from visible text lines,
so `clean()` prefers it when present.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from lxml.html import HtmlElement

from articlekit.judge.vocab import DATE_RE, TITLE_SEPARATOR_RE
from articlekit.model import Metadata
from articlekit.read.textblocks import normalize_space
from articlekit.structure.metadata import date_from_match, find_date, local_day

#: Meta keys (property, name or itemprop, lower-cased) that hold the publication date,
#: most specific first; none of them a modification date.
_DATE_KEYS = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "article:published", "datepublished", "pubdate", "publishdate", "publish_date",
    "publish-date", "date_published", "publication_date", "publication-date",
    "citation_publication_date", "citation_date", "prism.publicationdate",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date",
    "date", "pdate", "sailthru.date", "parsely-pub-date", "article.published",
    "article_date_original", "originalpublicationdate", "published_time", "published",
    "displaydate", "release_date", "og:release_date", "datecreated",
)  # fmt: skip
#: Any other meta key that names a publication or creation date or time
#: (`apub:time`, `cXenseParse:publishtime`), never a modification or expiry.
_DATE_KEY_RE = re.compile(
    r"(?=.*(?:pub|creat|issue))(?=.*(?:date|time))(?!.*(?:modif|updat|expir|edit))"
)
#: `20191119`, as some sites write a meta date.
_COMPACT_DATE_RE = re.compile(r"^((?:19|20)\d\d)([01]\d)([0-3]\d)$")
#: A date in a URL's path or query: `/2019/11/19/`, `/2019-11-19-`, `/20191119/`,
#: `?a=20191119-0042`.
_URL_DATE_RE = re.compile(
    r"[/=]((?:19|20)\d\d)(?:/([01]?\d)/([0-3]?\d)|-([01]\d)-([0-3]\d)|([01]\d)([0-3]\d))(?=[/_.-]|$)"
)
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "parsely-author",
    "sailthru.author",
)
#: Not `twitter:site`: a handle (`@nytimes`) is not the site's name.
_SITE_KEYS = ("og:site_name", "application-name")
_TITLE_KEYS = ("og:title", "twitter:title", "headline")
#: `,` `;` `，` `、` or `and` with the spaces around it, written like `TITLE_SEPARATOR_RE`
#: (a match starts only where a run of spaces starts, runs taken whole): the plain
#: `\\s*(?:…)\\s*` rescanned a run of spaces from every position in it. Splits 300,000
#: random strings exactly as the plain pattern did.
_AUTHOR_SEPARATOR_RE = re.compile(
    r"(?<!\s)\s*+(?:[,;，、]|\band\b)\s*+|(?<=\s)(?:[,;，、]|\band\b)\s*+"
)
_URL_RE = re.compile(r"^https?://", re.IGNORECASE)
#: What some pages wrap a JSON-LD script's text in, for old XHTML parsers.
_SCRIPT_WRAPPER_RE = re.compile(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$")
#: Largest JSON-LD script parsed (bytes); larger ones are data dumps, not article metadata.
MAX_JSONLD_CHARS = 200_000


def page_metadata(tree: HtmlElement) -> Metadata:
    """Title, date, authors, site and canonical URL declared in the page's markup."""
    metas = _meta_values(tree)
    ld = list(_jsonld_objects(tree))
    title_tag = normalize_space(tree.findtext(".//title") or "")
    h1 = next((normalize_space(h.text_content()) for h in tree.iter("h1")), "")
    url = _canonical(tree, metas)
    return Metadata(
        title=_title(metas, ld, title_tag, h1),
        published=_published(metas, ld, tree, url) or _title_date(title_tag),
        authors=_authors(metas, ld),
        site=_site(_first(metas, _SITE_KEYS), _ld_value(ld, "publisher", "name")),
        url=url,
        window_title=title_tag or None,
    )


def strip_site_suffix(title: str) -> str:
    """`Title - Site` / `Title_Channel_Site` → `Title` (the longest segment wins).

    >>> strip_site_suffix("外媒眼中的武汉长假_新闻中心_长江网")
    '外媒眼中的武汉长假'
    >>> strip_site_suffix("Republicans Are Following Trump to Nowhere - The New York Times")
    'Republicans Are Following Trump to Nowhere'
    """
    # Whitespace runs collapsed first: the separator pattern's `\s*` on both sides
    # made a title full of newlines quadratic (20,000 of them: 5 s).
    title = " ".join(title.split())
    parts = [p.strip() for p in TITLE_SEPARATOR_RE.split(title) if p.strip()]
    return max(parts, key=len) if parts else title


def _site(declared: str | None, publisher: str | None) -> str | None:
    """The site's name from its meta tag, else its JSON-LD publisher; the publisher's
    spelling wins when the tag holds the same name as a slug (`usatoday`,
    `USA TODAY`), and a URL is not a name.

    >>> _site("detroitnews", "The Detroit News"), _site("https://example.in", "Example")
    ('The Detroit News', 'Example')
    """
    if declared and _URL_RE.match(declared):
        declared = None
    if (
        declared
        and publisher
        and " " not in declared
        and declared.islower()
        and declared in "".join(publisher.split()).lower()
    ):
        return publisher
    return declared or publisher


#: Blocks searched for the title as the page prints it (it sits near the top).
PRINTED_TITLE_BLOCKS = 300
#: A printed title holds at least this share of the browser title without its site affix.
MIN_PRINTED_TITLE_SHARE = 0.5


def title_as_printed(window: str, declared: str | None, texts: Iterable[str]) -> str | None:
    """The title as the page prints it, when the declared one is not printed as such:
    the longest line of the page that the browser title holds.

    Browser titles join the title to the site's name with whatever the site likes
    (`Title-Site`, `Channel--Title`, `Title-Some Site`); no separator rule covers them
    all, but the page prints the title itself, alone, above the article.

    >>> title_as_printed("某市举行年度交通会议-某网", "某市举行年度交通会议-某网",
    ...     ["某网", "某市举行年度交通会议", "正文。"])
    '某市举行年度交通会议'
    """
    window = normalize_space(window)
    if not window:
        return None
    core = strip_site_suffix(window)
    folded = window.casefold()  # a headline may be cased otherwise than the window title
    best = ""
    for text in islice(texts, PRINTED_TITLE_BLOCKS):
        if text == declared:  # printed as declared, unless printed shorter above it
            break
        if (
            len(window) > len(text) > len(best)
            and len(text) >= MIN_PRINTED_TITLE_SHARE * len(core)
            and text.casefold() in folded
        ):
            best = text
    return best if len(best) >= 4 else None


def _title(metas: dict[str, str], ld: list[dict[str, Any]], title_tag: str, h1: str) -> str | None:
    stripped = strip_site_suffix(title_tag) if title_tag else ""
    if h1 and (h1 in title_tag or stripped in h1):
        return h1
    declared = _first(metas, _TITLE_KEYS) or _ld_value(ld, "headline")
    return (strip_site_suffix(declared) if declared else None) or stripped or h1 or None


def _published(
    metas: dict[str, str], ld: list[dict[str, Any]], tree: HtmlElement, url: str | None
) -> str | None:
    """The publication date from meta tags, JSON-LD, `itemprop="datePublished"` on any
    element, `<time>`, then the canonical URL's path (`/2019/11/19/`)."""
    candidates = [_expand_compact(metas[k]) for k in _DATE_KEYS if k in metas]
    candidates += [value for key, value in metas.items() if _DATE_KEY_RE.match(key)]
    candidates.append(_ld_value(ld, "datePublished") or "")
    for element in tree.xpath("//*[@itemprop]"):
        if "datepublished" in str(element.get("itemprop")).lower().split():
            candidates.append(
                element.get("content") or element.get("datetime") or element.text_content()
            )
    for time in tree.iter("time"):
        if "datemodified" not in str(time.get("itemprop") or "").lower():
            candidates.append(time.get("datetime") or time.get("content") or "")
    return local_day(find_date([c for c in candidates if c]), _url_date(url))


def _url_date(url: str | None) -> str | None:
    """The date in a URL's path or query, the day as the publisher counts it.

    >>> _url_date("https://example.com/sites/a/2019/11/18/title/")
    '2019-11-18'
    """
    if url and (match := _URL_DATE_RE.search(url)):
        year, month, day = (int(g) for g in match.groups() if g)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _title_date(title_tag: str) -> str | None:
    """A date that is a part of the browser title on its own (`Title - 07.12.2017 - Site`):
    a site that dates its titles dates them with the publication.

    >>> _title_date("Una solución - 07.12.2017 - Diario"), _title_date("The 2019 budget - Site")
    ('2017-12-07', None)
    """
    for part in TITLE_SEPARATOR_RE.split(" ".join(title_tag.split())):
        part = part.strip()
        if (match := DATE_RE.fullmatch(part)) is not None:
            return date_from_match(match)
    return None


def _expand_compact(value: str) -> str:
    """`20191119` → `2019-11-19`; any other value as it is.

    >>> _expand_compact("20191119"), _expand_compact("2019-11-19T10:00")
    ('2019-11-19', '2019-11-19T10:00')
    """
    match = _COMPACT_DATE_RE.match(value.strip())
    return "-".join(match.groups()) if match else value


def _authors(metas: dict[str, str], ld: list[dict[str, Any]]) -> tuple[str, ...]:
    for obj in ld:
        names = _names(obj.get("author"))
        if names:
            return tuple(dict.fromkeys(names))
    value = _first(metas, _AUTHOR_KEYS)
    if value and not _URL_RE.match(value):
        return tuple(n.strip() for n in _AUTHOR_SEPARATOR_RE.split(value) if n.strip())
    return ()


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() and not _URL_RE.match(value) else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _canonical(tree: HtmlElement, metas: dict[str, str]) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and _URL_RE.match(
            link.get("href") or ""
        ):
            return str(link.get("href")).strip()
    url = metas.get("og:url")
    return url if url and _URL_RE.match(url) else None


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    """Each meta tag's content under every key it declares: one tag often carries
    `property="article:published" itemprop="datePublished dateCreated"`."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = normalize_space(meta.get("content") or "")
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            for key in (meta.get(attribute) or "").lower().split():
                values.setdefault(key, content)
    return values


def _first(metas: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((metas[k] for k in keys if k in metas), None)


def _jsonld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        text = script.text or ""
        if len(text) > MAX_JSONLD_CHARS:
            continue
        text = _SCRIPT_WRAPPER_RE.sub("", text)
        try:
            data = json.loads(text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)


def _ld_value(objects: list[dict[str, Any]], key: str, sub: str | None = None) -> str | None:
    for obj in objects:
        value = obj.get(key)
        if sub and isinstance(value, dict):
            value = value.get(sub)
        if isinstance(value, str) and value.strip():
            return normalize_space(value)
    return None
