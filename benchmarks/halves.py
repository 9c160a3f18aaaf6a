"""The dev pages split by site into two halves: develop on A, check on B.

A rule tuned on one site's pages looks like progress on that site and nowhere else.
Splitting by *site* (not by page) keeps a site's pages on one side, so a change that
helps half A and hurts half B shows up as what it is: a special case.

A page's site is its URL's host; without a URL, the host most of its absolute links
point to (a saved page links to its own site more than to any other); for raw page
text, the same page's saved HTML beside it (`<corpus>-text`, `-lynx`, `-w3m` → `<corpus>`). The half
is a hash of the site name, so it never changes between runs or machines.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

_HOST_RE = re.compile(rb"https?://([a-z0-9.-]+\.[a-z]{2,})", re.IGNORECASE)
#: Ids that carry their site's name with a running number (`sitename-2`).
_NUMBERED_ID_RE = re.compile(r"^(.+?)-\d+$")


def site_of(corpus: Path, row: dict[str, object]) -> str:
    """The site a manifest row's page comes from (see the module docstring)."""
    url = row.get("url")
    if isinstance(url, str) and url:
        host = urlparse(url).hostname or url
        return host.removeprefix("www.")
    page = _html_sibling(corpus, row)
    if page is not None:
        hosts = Counter(h.lower() for h in _HOST_RE.findall(page.read_bytes()[:300_000]))
        # Links to the big shared hosts (CDNs, W3C, social networks) say nothing.
        for host, _ in hosts.most_common(8):
            name = host.decode("ascii", "replace").removeprefix("www.")
            if not name.endswith(_SHARED_HOSTS):
                return name
    identifier = str(row["id"])
    numbered = _NUMBERED_ID_RE.match(identifier)
    return numbered.group(1) if numbered else identifier


def half_of(site: str) -> str:
    """`A` (develop) or `B` (check), fixed by the site's name.

    >>> half_of("example.org") in ("A", "B")
    True
    """
    return "AB"[hashlib.sha1(site.encode()).digest()[0] % 2]


_SHARED_HOSTS = (
    "w3.org", "googleapis.com", "google.com", "gstatic.com", "facebook.com", "twitter.com",
    "googletagmanager.com", "google-analytics.com", "doubleclick.net", "cloudflare.com",
    "jquery.com", "schema.org", "ogp.me", "youtube.com", "baidu.com", "qq.com",
)  # fmt: skip


#: Corpus suffixes of the same pages as raw text: a browser's `innerText`, terminal dumps.
_TEXT_FORMS = ("-text", "-lynx", "-w3m")


def _html_sibling(corpus: Path, row: dict[str, object]) -> Path | None:
    """The saved HTML of a row's page: its own input, or the HTML corpus's copy."""
    page = corpus / str(row["input"])
    if page.suffix == ".html":
        return page
    for form in _TEXT_FORMS:
        if corpus.name.endswith(form):
            sibling = corpus.with_name(corpus.name.removesuffix(form)) / f"{row['id']}.html"
            if sibling.exists():
                return sibling
    return None
