"""The systems compared: articlekit and the anchors, each as `extract(data: bytes) -> str`.

Anchors that read bytes get the saved bytes, exactly as a user would hand them over
(trafilatura and readability-lxml detect the encoding themselves). Anchors that need a
string get the page decoded by articlekit's loader, which only helps them. Raw page
text is wrapped one `<p>` per line for the HTML-only anchors.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

Extractor = Callable[[bytes, bool], str]


def _decoded(data: bytes) -> str:
    from articlekit.read.load import decode

    return decode(data)[0]


def _as_html(data: bytes, is_text: bool) -> bytes:
    if not is_text:
        return data
    lines = _decoded(data).splitlines()
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>".encode()


def articlekit_extract(data: bytes, is_text: bool) -> str:
    from articlekit import clean

    return clean(data).to_text()


def trafilatura_extract(data: bytes, is_text: bool) -> str:
    import trafilatura

    return trafilatura.extract(_as_html(data, is_text), include_comments=False) or ""


def readability_extract(data: bytes, is_text: bool) -> str:
    from lxml.html import fromstring
    from readability import Document

    summary = Document(_as_html(data, is_text)).summary(html_partial=True)
    return "\n".join(t.strip() for t in fromstring(summary).itertext() if t.strip())


def justext_extract(data: bytes, is_text: bool) -> str:
    import justext

    page = _as_html(data, is_text)
    text = _decoded(data)
    ascii_share = sum(c.isascii() for c in text[:5000]) / max(1, len(text[:5000]))
    if ascii_share > 0.8:
        paragraphs = justext.justext(page, justext.get_stoplist("English"))
    else:
        paragraphs = justext.justext(page, frozenset(), stopwords_low=0, stopwords_high=0)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def gne_extract(data: bytes, is_text: bool) -> str:
    from gne import GeneralNewsExtractor

    result: dict[str, Any] = GeneralNewsExtractor().extract(_decoded(_as_html(data, is_text)))
    return str(result.get("content") or "")


def _is_chinese(text: str) -> bool:
    sample = text[:5000]
    return sum("\u4e00" <= c <= "\u9fff" for c in sample) * 5 > len(sample)


def newspaper_extract(data: bytes, is_text: bool) -> str:
    import newspaper

    page = _decoded(_as_html(data, is_text))
    language = "zh" if _is_chinese(page) else "en"
    article = newspaper.Article("http://localhost/", language=language, fetch_images=False)
    article.download(input_html=page)
    article.parse()
    return str(article.text or "")


_GOOSE: dict[str, Any] = {}


def goose_extract(data: bytes, is_text: bool) -> str:
    """goose3 with its Chinese stop words for Chinese pages (as its docs advise)."""
    from goose3 import Goose

    page = _decoded(_as_html(data, is_text))
    language = "zh" if _is_chinese(page) else "en"
    if language not in _GOOSE:
        config: dict[str, Any] = {"enable_image_fetching": False, "use_meta_language": False}
        config["target_language"] = language
        if language == "zh":
            from goose3.text import StopWordsChinese

            config["stopwords_class"] = StopWordsChinese
        _GOOSE[language] = Goose(config)
    return str(_GOOSE[language].extract(raw_html=page).cleaned_text or "")


SYSTEMS: dict[str, tuple[str, Extractor]] = {
    "articlekit": ("articlekit", articlekit_extract),
    "trafilatura": ("trafilatura", trafilatura_extract),
    "readability-lxml": ("readability", readability_extract),
    "jusText": ("justext", justext_extract),
    "GNE": ("gne", gne_extract),
    "newspaper4k": ("newspaper", newspaper_extract),
    "goose3": ("goose3", goose_extract),
}
