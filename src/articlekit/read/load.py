"""Load: bytes → decoded text, its encoding, and whether it is HTML.

Saved Chinese pages are often GBK/GB2312/Big5, and some declare one charset while
using another. The order is: BOM → the page's own declaration (checked: it must
decode the bytes) → strict UTF-8 → charset-normalizer's detection. GB2312/GBK are
read as GB18030 (a superset, so rare characters never become U+FFFD) and Big5 as
Big5-HKSCS for the same reason. A declaration that did not hold becomes a warning:
one that does not decode the bytes, and a Chinese one (GBK or Big5) whose bytes read
as the other (the two share their byte ranges, so a lie decodes without an error).
Only an HTML page's head declares a charset; text that mentions one declares nothing.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import BinaryIO

from articlekit.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputTooLargeError,
    UnsupportedInputError,
)

#: Bytes of the page scanned for a charset declaration; declarations sit in <head>,
#: which is scanned to its end when the first bytes hold none (up to the second limit).
DECLARATION_SCAN_BYTES = 16 * 1024
MAX_HEAD_SCAN_BYTES = 1024 * 1024
#: Encodings never taken from a declaration or detection: UTF-7 turns `+ADw-` into `<`.
_SMUGGLING_CODECS = frozenset({"utf-7", "utf7", "x-utf-7", "unicode-1-1-utf-7", "csunicode11utf7"})
#: Share of control characters above which decoded "text" is really binary data.
MAX_CONTROL_CHAR_RATIO = 0.01
#: …and more than this many of them: a stray BEL or ESC in a short note is not binary.
MIN_CONTROL_CHARS = 16
#: Share of undecodable bytes tolerated in a page that declares its charset (saved
#: pages often carry a few broken bytes; more than this means the declaration lied).
MAX_BAD_BYTE_RATIO = 0.001
_UTF8_NAMES = frozenset({"utf-8", "utf8", "utf_8"})
#: The two Chinese codecs whose byte ranges overlap (as read: GB18030, Big5-HKSCS).
_CHINESE_CODECS = ("gb18030", "big5hkscs")
#: Valid non-ASCII characters needed per broken byte to read bytes as broken UTF-8.
MIN_VALID_PER_BAD = 10
#: Bytes inspected when deciding whether input is binary.
BINARY_SCAN_BYTES = 64 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
_BODY_RE = re.compile(rb"<body[\s>]", re.IGNORECASE)
#: Declared names mapped to the superset codec that decodes everything they do and more.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "x-big5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
}
_HTML_SNIFF_RE = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title[\s>]|<div[\s>]|"
    r"<p[\s>]|<article[\s>]|<br\s*/?>|<table[\s>]|<span[\s>]|<a\s+href",
    re.IGNORECASE,
)
#: A text is HTML when it starts with a tag or shows this many tags in its first 4 KB.
MIN_TAGS_FOR_HTML = 3
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Loaded:
    """Decoded input: the text, the codec that decoded it, whether it is HTML, warnings."""

    text: str
    encoding: str
    is_html: bool
    warnings: tuple[str, ...] = ()


def read_limited(stream: BinaryIO, max_bytes: int) -> bytes:
    """The stream's bytes, reading at most `max_bytes` + 1 of them: a huge file or pipe
    is refused before it fills memory (one limit for clean, convert and batch).

    >>> import io
    >>> read_limited(io.BytesIO(b"abc"), 3)
    b'abc'
    """
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(f"input is over the {max_bytes:,}-byte limit (--max-mb)")
    return data


def load(data: bytes | str, *, max_bytes: int) -> Loaded:
    """Decode `data` (if bytes; a bytearray or memoryview is taken as bytes) and sniff
    whether it is HTML. Anything else is an `UnsupportedInputError`, not a TypeError.

    >>> load("<p>你好</p>".encode("gbk") + b'<meta charset="gb2312">', max_bytes=1000).encoding
    'gb18030'
    >>> load("just text", max_bytes=100).is_html
    False
    """
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    elif not isinstance(data, str | bytes):
        raise UnsupportedInputError(f"input must be bytes or str, not {type(data).__name__}")
    if isinstance(data, str):
        if len(data) > max_bytes:
            raise InputTooLargeError(
                f"input is {len(data):,} characters, over the {max_bytes:,} limit"
            )
        text, encoding, warnings = data, "str", tuple[str, ...]()
    else:
        if len(data) > max_bytes:
            raise InputTooLargeError(f"input is {len(data):,} bytes, over the {max_bytes:,} limit")
        text, encoding, warnings = decode(data)
    if not text.strip():
        raise EmptyInputError("input is empty")
    _reject_binary(text)
    return Loaded(text=text, encoding=encoding, is_html=sniff_html(text), warnings=warnings)


def decode(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Bytes → (text, codec, warnings), never silently producing mojibake.

    >>> decode("中文".encode("utf-8"))[:2]
    ('中文', 'utf-8')
    >>> decode(b'<meta charset="gb2312">' + "中文".encode("utf-8"))[1:]
    ('utf-8', ('declared charset gb2312 does not decode this page; read as utf-8',))
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec.removesuffix("-sig"), ()
    if b"\x00" in data[:BINARY_SCAN_BYTES] and not _looks_utf16(data):
        raise BinaryInputError("input is binary (NUL bytes), not a page")
    declared = _declared_charset(data)
    declared_codec = _SUPERSETS.get(declared.lower(), declared.lower()) if declared else None
    warnings: tuple[str, ...] = ()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Valid multi-byte UTF-8 is almost never GBK or Big5 by accident, so it wins
        # over a declaration that says otherwise (pages that declare gb2312 but are UTF-8).
        if declared_codec and declared_codec not in _UTF8_NAMES and not text.isascii():
            warnings = (f"declared charset {declared} does not decode this page; read as utf-8",)
        return text, "utf-8", warnings
    if declared_codec is None or declared_codec in _UTF8_NAMES:
        mostly = _mostly_utf8(data)
        if mostly is not None:
            return mostly, "utf-8", ("a few bytes are not valid UTF-8; replaced",)
    if declared_codec is None:
        chinese = _mostly_chinese(data)
        if chinese is not None:
            text, codec = chinese
            return text, codec, (f"a few bytes are not valid {codec}; replaced",)
    if declared_codec:
        try:
            text = data.decode(declared_codec)
        except LookupError:
            warnings = (f"declared charset {declared} is unknown",)
        except UnicodeDecodeError:
            text = data.decode(declared_codec, errors="replace")
            if text.count("\ufffd") <= MAX_BAD_BYTE_RATIO * len(text):
                return text, declared_codec, (f"a few bytes are not valid {declared}; replaced",)
            warnings = (f"declared charset {declared} does not decode this page",)
        else:
            other = _truer_chinese_codec(data, declared_codec)
            if other is None:
                return text, declared_codec, ()
            return (
                data.decode(other, errors="replace"),
                other,
                (
                    f"declared charset {declared} does not match this page's characters; read as {other}",
                ),
            )
    text, codec = _detect(data)
    return text, codec, tuple(f"{w}; read as {codec}" for w in warnings)


def _truer_chinese_codec(data: bytes, declared: str) -> str | None:
    """The other Chinese codec when the page's bytes read as Chinese in it and not in
    the declared one, else None.

    GBK and Big5 share their byte ranges, so GBK bytes declared `big5` (or Big5 bytes
    declared `gb2312`) decode without a single error into rare characters in no
    sensible order. charset-normalizer's mess detector, asked to choose between the two,
    rejects that reading; a declaration is overruled only when it does (none of the
    correctly declared dev pages is)."""
    if declared not in _CHINESE_CODECS:
        return None
    from charset_normalizer import from_bytes

    readings = [
        m.encoding
        for m in from_bytes(data[:MAX_HEAD_SCAN_BYTES], cp_isolation=list(_CHINESE_CODECS))
    ]
    if not readings or declared in readings:
        return None
    return readings[0]


def _mostly_chinese(data: bytes) -> tuple[str, str] | None:
    """(text, codec) for undeclared GBK or Big5 with a few broken bytes, or None.

    One stray byte made both codecs fail, and detection then read the page as
    Windows-1252 mojibake. A codec qualifies when it leaves few characters broken (a
    stray byte inside a character breaks up to three) and nearly all other non-ASCII
    characters are CJK, beside at least ten per broken one: European text whose accented
    letters pair up into CJK characters breaks at every accent before a space. When both
    qualify, the one charset-normalizer finds less garbled is taken.
    """
    readings = []
    for codec in _CHINESE_CODECS:
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        if not bad or bad > MAX_BAD_BYTE_RATIO * len(text) + 3:
            continue
        cjk = sum(1 for ch in text if ch >= "\u2e80") - bad
        other = sum(1 for ch in text if "\x7f" < ch < "\u2e80")
        if cjk >= MIN_VALID_PER_BAD * bad and cjk >= 9 * other:
            readings.append((bad, codec, text))
    if not readings:
        return None
    if len(readings) == 2:
        readings.sort(key=_mess)
    _, codec, text = readings[0]
    return text, codec


def _mess(reading: tuple[int, str, str]) -> tuple[float, int]:
    """How garbled charset-normalizer finds a reading's bytes without their broken
    characters (inf: not text at all), then how many characters are broken."""
    from charset_normalizer import from_bytes

    bad, codec, text = reading
    whole = text.replace("\ufffd", "").encode(codec)[:MAX_HEAD_SCAN_BYTES]
    best = from_bytes(whole, cp_isolation=[codec]).best()
    return (best.chaos if best is not None else float("inf")), bad


def _mostly_utf8(data: bytes) -> str | None:
    r"""UTF-8 with a few broken bytes (a stray byte, a page cut mid-character), or None.

    Valid multi-byte UTF-8 sequences practically never occur by chance in text of
    another encoding, so many of them per broken byte say UTF-8, however the broken
    bytes cluster (a terminal dump copies a page's raw GBK link addresses into its
    UTF-8 text); without them (ASCII plus one `é` byte) the bytes are left to
    detection, which may say Windows-1252.

    >>> _mostly_utf8(("中文正文" * 3).encode() + b"\xe4\xb8")
    '中文正文中文正文中文正文�'
    >>> _mostly_utf8(b"caf\xe9 au lait") is None
    True
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in text if ch > "\x7f") - bad
    if valid >= MIN_VALID_PER_BAD * bad:
        return text
    return None


def sniff_html(text: str) -> bool:
    """Whether the text is markup, judged from its content, never a file name.

    What a browser passes over before the first tag that shows a document — a BOM,
    white space, comments, an XML prolog, a doctype, whole `<style>` and `<script>`
    elements — is passed over here too: a saved page can open with 100 KB of
    stylesheet before its first `<div>`, and read as text it came out as CSS.

    >>> sniff_html("<!DOCTYPE html><html><body>x</body></html>")
    True
    >>> sniff_html("<style>" + "a{color:red}" * 2000 + "</style><div><p>x</p></div>")
    True
    >>> sniff_html("问：什么是 <b> 标签？")
    False
    """
    head = text[_preamble_end(text) :][:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("<") and _HTML_SNIFF_RE.match(head):
        return True
    return len(_HTML_SNIFF_RE.findall(head)) >= MIN_TAGS_FOR_HTML


def _preamble_end(text: str) -> int:
    """Where the text's content starts after its leading comments, XML prolog, style
    and script elements (0 when it opens with none). Each step moves past one closed
    element with one search for its closing tag, so the scan is linear however long
    the preamble."""
    position = 0
    while True:
        match = _PREAMBLE_OPEN_RE.match(text, position)
        if match is None:
            return position
        closing = _PREAMBLE_CLOSE[match.group(1).lower()].search(text, match.end())
        if closing is None:
            return position
        position = closing.end()


_PREAMBLE_OPEN_RE = re.compile(r"[\ufeff\s]*(<!--|<\?xml|<style|<script|<noscript)", re.IGNORECASE)
_PREAMBLE_CLOSE = {
    opening: re.compile(closing, re.IGNORECASE)
    for opening, closing in (
        ("<!--", "-->"),
        ("<?xml", r"\?>"),
        ("<style", r"</style\s*>"),
        ("<script", r"</script\s*>"),
        ("<noscript", r"</noscript\s*>"),
    )
}


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its head (never one that raw text or the
    body merely mentions). The first bytes are scanned first;
    a declaration after a long `<style>` or `<script>` is found by scanning on to
    `</head>` (at most `MAX_HEAD_SCAN_BYTES`). Encodings that can smuggle markup past
    a reader (UTF-7) are never taken from a declaration.

    >>> _declared_charset(b"<head><style>" + b"x" * 40_000 + b'</style><meta charset="gbk"></head>')
    'gbk'
    >>> _declared_charset(b'<meta charset="utf-7">') is None
    True
    >>> _declared_charset(b'A note: write <meta charset="big5"> in the head.') is None
    True
    """
    if not _is_markup(data):
        return None  # raw page text that mentions a charset declares nothing
    match = _DECLARED_RE.search(data[:DECLARATION_SCAN_BYTES])
    if not match and len(data) > DECLARATION_SCAN_BYTES:
        end = data.find(b"</head", 0, MAX_HEAD_SCAN_BYTES)
        if end > DECLARATION_SCAN_BYTES:
            match = _DECLARED_RE.search(data[:end])
    if not match or _BODY_RE.search(data, 0, match.start()):
        return None  # a charset named in the body is text about a page, not this page's
    name = (match.group(1) or match.group(2)).decode("ascii", "ignore").strip(" \"';")
    if name.lower().replace("_", "-") in _SMUGGLING_CODECS:
        return None
    return name or None


def _is_markup(data: bytes) -> bool:
    """`sniff_html` on bytes: the first 4 KB, or up to the head's scan limit when they
    open with a stylesheet, script or comments that run past them."""
    sample = data[:4096].decode("latin-1")
    if sniff_html(sample):
        return True
    return bool(_PREAMBLE_OPEN_RE.match(sample)) and sniff_html(
        data[:MAX_HEAD_SCAN_BYTES].decode("latin-1")
    )


def _detect(data: bytes) -> tuple[str, str]:
    """Fallback detection for undeclared, non-UTF-8 bytes."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    if best is not None and best.encoding.lower().replace("_", "-") in _SMUGGLING_CODECS:
        best = None  # never detected either: UTF-7 can smuggle markup
    if best is None:
        for codec in ("gb18030", "big5hkscs", "cp1252"):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                continue
        raise DecodeError("could not determine the text encoding")
    codec = _SUPERSETS.get(best.encoding.lower(), best.encoding.lower())
    return data.decode(codec, errors="replace"), codec


def _looks_utf16(data: bytes) -> bool:
    sample = data[:1024]
    return len(sample) >= 4 and (
        sample[1::2].count(0) > len(sample) // 4 or sample[::2].count(0) > len(sample) // 4
    )


def _reject_binary(text: str) -> None:
    sample = text[:BINARY_SCAN_BYTES]
    controls = len(_CONTROL_RE.findall(sample))
    if controls > MIN_CONTROL_CHARS and controls > MAX_CONTROL_CHAR_RATIO * len(sample):
        raise BinaryInputError("input is binary (control characters), not a page")
