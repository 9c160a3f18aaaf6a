"""Decoding and sniffing: declared, lying and missing charsets; HTML vs text by content."""

from __future__ import annotations

import pytest

from articlekit.errors import BinaryInputError, EmptyInputError, InputTooLargeError
from articlekit.read.load import decode, load, sniff_html
from conftest import PAGES

ZH = "中文网页的正文，繁體字也要正確。"


def test_gbk_page_declared_gb2312_reads_as_gb18030() -> None:
    data = b'<html><head><meta charset="gb2312"></head><body><p>' + ZH.encode("gbk") + b"</p>"
    text, codec, warnings = decode(data)
    assert ZH in text and codec == "gb18030" and warnings == ()


def test_declared_gb2312_but_utf8_bytes_is_read_as_utf8_with_a_warning() -> None:
    data = b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>' + ZH.encode()
    text, codec, warnings = decode(data)
    assert ZH in text and codec == "utf-8"
    assert warnings and "gb2312" in warnings[0]


def test_undeclared_gbk_is_detected() -> None:
    data = ("<p>" + ZH * 20 + "</p>").encode("gbk")
    text, _, _ = decode(data)
    assert ZH in text


def test_big5_declared_reads_as_big5hkscs() -> None:
    data = b'<?xml version="1.0" encoding="big5"?><p>' + "繁體中文測試".encode("big5")
    text, codec, _ = decode(data)
    assert "繁體中文測試" in text and codec == "big5hkscs"


def test_bom_wins() -> None:
    assert decode("\ufeff标题".encode("utf-8"))[0] == "标题"


def test_real_gbk_fixture_has_no_replacement_characters() -> None:
    text, codec, _ = decode((PAGES / "zh-gbk.html").read_bytes())
    assert "\ufffd" not in text and codec == "gb18030"


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        ("<!doctype html><p>x</p>", True),
        ("  \n<html><body>x</body></html>", True),
        ("正文里提到 <div> 标签。", False),
        ("问：什么是 HTML？\n答：一种标记语言。", False),
    ],
)
def test_sniff_from_content(text: str, is_html: bool) -> None:
    assert sniff_html(text) is is_html


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInputError),
        (b"  \n\t ", EmptyInputError),
        (bytes(range(256)) * 4, BinaryInputError),
    ],
)
def test_bad_input_raises_typed_errors(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        load(data, max_bytes=10_000)


def test_size_limit() -> None:
    with pytest.raises(InputTooLargeError):
        load(b"x" * 101, max_bytes=100)


def test_utf8_with_a_stray_byte_or_cut_mid_character_keeps_its_text() -> None:
    """A stray byte made undeclared UTF-8 fall to detection (Windows-1252 mojibake,
    exit 0), and a page cut mid-character was refused as undecodable."""
    from articlekit.read.load import decode

    story = "<html><body><p>这是一段正文，内容足够长，而且有标点符号。</p>" * 20
    for broken in (story.encode() + b"\xff" + story.encode(), story.encode() + "文".encode()[:2]):
        text, codec, warnings = decode(broken)
        assert codec == "utf-8" and "这是一段正文" in text
        assert warnings == ("a few bytes are not valid UTF-8; replaced",)


def test_a_dump_with_raw_gbk_link_addresses_is_still_utf8() -> None:
    """`lynx -dump` of a GBK page writes UTF-8 text but copies the page's raw GBK link
    addresses into its link list; the cluster of broken bytes there made the whole dump
    'could not determine the text encoding', exit 1."""
    from articlekit.read.load import decode

    body = "这是一段正文，内容足够长，而且有标点符号。\n\n" * 40
    links = b"".join(
        f"  {n}. http://example.cn/send.jsp?title=".encode() + "标题新闻".encode("gbk") + b"\n"
        for n in range(1, 6)
    )
    text, codec, warnings = decode(body.encode() + b"References\n\n" + links)
    assert codec == "utf-8" and body in text
    assert warnings == ("a few bytes are not valid UTF-8; replaced",)


def test_latin1_text_with_an_accent_is_not_taken_for_broken_utf8() -> None:
    from articlekit.read.load import decode

    text, codec, _ = decode("The café on the corner opened again this week.".encode("cp1252"))
    assert codec != "utf-8" and "café" in text


def test_a_late_charset_declaration_is_found_and_utf7_is_never_taken() -> None:
    """A GBK page declaring its charset after a 20 KB <style> came out as mojibake; a
    page that names UTF-7 in a meta tag was decoded as UTF-7 (`+ADw-` is `<`)."""
    from articlekit.read.load import decode

    story = "这是一段正文，内容足够长，而且有标点符号。" * 10
    late = (
        b"<html><head><style>" + b"p { color: red }\n" * 1500 + b"</style>"
        b'<meta charset="gbk"></head><body><p>' + story.encode("gbk") + b"</p></body></html>"
    )
    text, codec, _ = decode(late)
    assert codec == "gb18030" and story in text
    smuggled = b'<meta charset="utf-7"><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>'
    text, codec, _ = decode(smuggled)
    assert codec != "utf-7" and "<script>" not in text


SIMPLIFIED = "这是一段正文，用来测试编码声明，内容要完整保留下来。"
TRADITIONAL = "這是一段正文，用來測試編碼聲明，台灣的網頁常常用這種編碼儲存。"


@pytest.mark.parametrize(
    ("text", "written", "declared", "read"),
    [
        (SIMPLIFIED, "gbk", "big5", "gb18030"),
        (SIMPLIFIED * 3, "gbk", "big5", "gb18030"),
        (TRADITIONAL, "big5", "gb2312", "big5hkscs"),
        (TRADITIONAL * 3, "big5", "gbk", "big5hkscs"),
    ],
    ids=["gbk-said-big5", "gbk-said-big5-longer", "big5-said-gb2312", "big5-said-gbk-longer"],
)
def test_a_chinese_charset_that_lies_is_overruled_with_a_warning(
    text: str, written: str, declared: str, read: str
) -> None:
    """GBK and Big5 share their byte ranges: GBK bytes declared big5 decoded without an
    error into mojibake, and nothing said so."""
    data = f'<html><head><meta charset="{declared}"></head><body><p>{text}</p>'.encode(written)
    decoded, codec, warnings = decode(data)
    assert text in decoded and codec == read
    assert len(warnings) == 1 and declared in warnings[0] and read in warnings[0]


@pytest.mark.parametrize(
    ("text", "codec"), [(SIMPLIFIED, "gbk"), (TRADITIONAL, "big5")], ids=["gbk", "big5"]
)
def test_a_true_chinese_declaration_is_kept_without_a_warning(text: str, codec: str) -> None:
    data = f'<html><head><meta charset="{codec}"></head><body><p>{text}</p>'.encode(codec)
    decoded, _, warnings = decode(data)
    assert text in decoded and warnings == ()


def test_a_charset_that_text_only_mentions_is_not_a_declaration() -> None:
    note = f'写网页时在头部加上 <meta charset="big5"> 即可。{SIMPLIFIED * 3}'
    decoded, codec, _ = decode(note.encode("gbk"))
    assert decoded == note and codec == "gb18030"
    page = f'<html><head></head><body><p>{SIMPLIFIED * 3}</p><pre>&lt;meta charset="big5"&gt; <meta charset="big5"></pre>'
    decoded, codec, _ = decode(page.encode("gbk"))
    assert SIMPLIFIED in decoded and codec == "gb18030"


@pytest.mark.parametrize(
    ("text", "codec", "read"),
    [(SIMPLIFIED * 20, "gbk", "gb18030"), (TRADITIONAL * 20, "big5", "big5hkscs")],
    ids=["gbk", "big5"],
)
@pytest.mark.parametrize("damage", ["stray-byte", "cut-character"])
def test_undeclared_chinese_with_a_broken_byte_keeps_its_text(
    text: str, codec: str, read: str, damage: str
) -> None:
    """One stray byte made both Chinese codecs fail, and the page came out as
    Windows-1252 mojibake with no warning."""
    body = text.encode(codec)
    if damage == "stray-byte":
        data = body[:40] + b"\x80\x20" + body[40:]
    else:
        data = body + "正".encode(codec)[:1]
    decoded, used, warnings = decode(data)
    assert used == read and text[:30] in decoded and text[-30:-1] in decoded
    assert warnings == (f"a few bytes are not valid {read}; replaced",)


def test_accented_european_text_is_not_taken_for_chinese() -> None:
    german = "Die Prüfung für Dräger-Geräte ergab, daß die Größe über dem Maß lag. " * 30
    decoded, codec, _ = decode(german.encode("cp1252") + b"\x81")
    assert "Prüfung" in decoded and codec not in ("gb18030", "big5hkscs")
