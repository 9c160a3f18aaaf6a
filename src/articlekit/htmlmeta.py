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

from articlekit.metadata import find_date
from articlekit.model import Metadata
from articlekit.textblocks import normalize_space
from articlekit.vocab import TITLE_SEPARATOR_RE

_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish_date", "publishdate", "dc.date.issued", "dc.date", "date", "sailthru.date",
    "parsely-pub-date", "article.published", "published_time", "og:release_date",
)  # fmt: skip
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "parsely-author",
    "sailthru.author",
)
_SITE_KEYS = ("og:site_name", "application-name", "twitter:site")
_TITLE_KEYS = ("og:title", "twitter:title", "headline")
#: `,` `;` `，` `、` or `and` with the spaces around it, written like `TITLE_SEPARATOR_RE`
#: (a match starts only where a run of spaces starts, runs taken whole): the plain
#: `\\s*(?:…)\\s*` rescanned a run of spaces from every position in it. Splits 300,000
#: random strings exactly as the plain pattern did.
_AUTHOR_SEPARATOR_RE = re.compile(
    r"(?<!\s)\s*+(?:[,;，、]|\band\b)\s*+|(?<=\s)(?:[,;，、]|\band\b)\s*+"
)
_URL_RE = re.compile(r"^https?://", re.IGNORECASE)
#: Largest JSON-LD script parsed (bytes); larger ones are data dumps, not article metadata.
MAX_JSONLD_CHARS = 200_000


def page_metadata(tree: HtmlElement) -> Metadata:
    """Title, date, authors, site and canonical URL declared in the page's markup."""
    metas = _meta_values(tree)
    ld = list(_jsonld_objects(tree))
    title_tag = normalize_space(tree.findtext(".//title") or "")
    h1 = next((normalize_space(h.text_content()) for h in tree.iter("h1")), "")
    return Metadata(
        title=_title(metas, ld, title_tag, h1),
        published=_published(metas, ld, tree),
        authors=_authors(metas, ld),
        site=_first(metas, _SITE_KEYS) or _ld_value(ld, "publisher", "name"),
        url=_canonical(tree, metas),
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


def _published(metas: dict[str, str], ld: list[dict[str, Any]], tree: HtmlElement) -> str | None:
    candidates = [metas[k] for k in _DATE_KEYS if k in metas]
    candidates.append(_ld_value(ld, "datePublished") or "")
    candidates.extend(t.get("datetime") or "" for t in tree.iter("time"))
    return find_date([c for c in candidates if c])


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
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (
            (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        )
        content = normalize_space(meta.get("content") or "")
        if key and content and key not in values:
            values[key] = content
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
