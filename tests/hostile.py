"""Generate the hostile-input corpus (never stored: big files are made on demand).

    python tests/hostile.py OUTDIR      # writes every case into OUTDIR

Each case is (file name, bytes, text that must survive or None).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

BOTTOM = "深处的正文，必须被保留下来，一个字也不能少。"
PROSE = "这是一段正文，用来测试很大的页面，内容重复但是有标点。"
#: One line of a story wrapped at 76 columns, as a text browser dumps it.
DUMP_LINE = "The council voted on Tuesday to close the old bridge to traffic from next"


def _deep(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + f"<p>{BOTTOM}</p>" + "</div>" * depth).encode()


def cases() -> Iterator[tuple[str, bytes, str | None]]:
    yield "empty.html", b"", None
    yield "whitespace.txt", b" \n\t\r\n   \n", None
    yield "random.html", os.urandom(64 * 1024), None
    yield "nul.txt", b"\x00" * 4096 + PROSE.encode(), None
    # A byline-like line whose `and`s sit inside words: the byline pattern tried both
    # readings of each (74 s at 26 repetitions, doubling with every one).
    quotes = "<blockquote>" * 390 + f"<p>{PROSE * 10}</p>" * 4000 + "</blockquote>" * 390
    yield "nested-quotes-3mb.html", f"<html><body>{quotes}</body></html>".encode(), PROSE
    yield "title-100k.txt", ("标题在这里\n" * 100_000 + PROSE * 3 + "\n").encode(), PROSE
    yield "byline-and.txt", f"By Ab{'andAb' * 60}!\n{PROSE}\n".encode(), PROSE
    yield "spaces.html", f"<p>开头{' ' * 1_000_000}{PROSE}</p>".encode(), PROSE
    yield (
        "attribute-5mb.html",
        f'<html><body><div title="{"x" * 5_000_000}"><p>{PROSE}</p></div>'.encode(),
        PROSE,
    )
    yield (
        "attribute-unclosed.html",
        f'<html><body><p>{PROSE}</p><div title="{"y" * 5_000_000}'.encode(),
        PROSE,
    )
    page = f"<p>{PROSE}</p>\n" * (50_000_000 // len(f"<p>{PROSE}</p>\n".encode()))
    yield "page-50mb.html", f"<html><body><article>{page}</article></body></html>".encode(), PROSE
    # Terminal dumps (hard-wrapped): a heading drawn between marks with a long run of
    # spaces inside, and a Chinese line as long as a book among links drawn with
    # underscores (both were quadratic in the run: 11 s at 20,000 characters).
    wrapped = [f"   {DUMP_LINE}"] * 30
    spaces = "*** a" + " " * 200_000 + "b ***"
    yield "dump-heading-spaces.txt", "\n".join([*wrapped, spaces]).encode(), DUMP_LINE
    links = "\n".join(f"   * the_linked_words_{n} and_more_words_here" for n in range(6))
    long_run = "正" * 200_000
    yield "dump-cjk-run.txt", "\n".join([*wrapped, long_run, links]).encode(), DUMP_LINE
    yield "depth-300.html", _deep(300), BOTTOM
    yield "depth-5000.html", _deep(5_000), BOTTOM
    yield "depth-100000.html", _deep(100_000), BOTTOM
    yield (
        "unclosed-tags.html",
        ("<html><body>" + "<div><span><b>" * 20_000 + BOTTOM).encode(),
        BOTTOM,
    )
    yield "lt-soup.html", b"<a" * 300_000, None
    yield (
        "lt-soup-in-page.html",
        f"<html><body><p>{PROSE}</p>".encode() + b"<b>x" * 1_000 + b"<a" * 300_000,
        PROSE,
    )
    yield (
        "only-script.html",
        b"<html><head><script>var a = 1;</script></head><body><script>alert(1)</script></body></html>",
        None,
    )
    utf8_says_gbk = (
        f'<html><head><meta charset="gb2312"></head><body><p>{PROSE}</p></body></html>'.encode()
    )
    yield "gb2312-declared-utf8-bytes.html", utf8_says_gbk, PROSE
    gbk_says_utf8 = (
        f'<html><head><meta charset="utf-8"></head><body><p>{PROSE * 3}</p></body></html>'.encode(
            "gbk"
        )
    )
    yield "utf8-declared-gbk-bytes.html", gbk_says_utf8, PROSE
    stray = (PROSE * 10).encode("gbk")
    yield "gbk-stray-byte.txt", stray[:40] + b"\x80 " + stray[40:], PROSE
    yield "gbk-cut-character.txt", stray + "正".encode("gbk")[:1], PROSE
    gbk_says_big5 = f'<html><head><meta charset="big5"></head><body><p>{PROSE}</p>'.encode("gbk")
    yield "big5-declared-gbk-bytes.html", gbk_says_big5, PROSE
    note = f'<meta charset="big5"> 写在头部。\n{PROSE}\n'.encode("gbk")
    yield "text-mentions-a-charset.txt", note, PROSE
    # Whitespace that normalisation once left alone (newlines inside HTML text, U+1680)
    # met patterns that overlap on spaces: each case took seconds to minutes.
    yield (
        "newlines-in-html-text.html",
        f"<html><body><p>{PROSE}{chr(10) * 400_000}{PROSE}</p></body></html>".encode(),
        PROSE,
    )
    yield "ogham-spaces.txt", f"{PROSE}\n1{chr(0x1680) * 200_000}/2\n{PROSE}\n".encode(), PROSE
    yield (
        "ogham-title.html",
        f"<html><head><title>标题{chr(0x1680) * 200_000}网站</title></head><body><p>{PROSE}</p>".encode(),
        PROSE,
    )
    # A long run of digits: the screen for counters ("12 views") started a search at
    # every digit and rescanned the run from each (300,000 digits: over 5 minutes).
    yield "digit-run.txt", f"{'1' * 300_000}\n{PROSE}\n".encode(), PROSE
    yield "counter-run.txt", f"{PROSE}\n{'0,' * 150_000} views\n".encode(), PROSE
    yield "digit-comma-run.txt", f"{'1,' * 150_000}\n{PROSE}\n".encode(), PROSE
    yield "month-names.txt", f"{'Apr' * 100_000}\n{PROSE}\n".encode(), PROSE
    yield "tab-runs.txt", f"{PROSE}\n第{chr(9) * 300_000}x\n".encode(), PROSE
    # The web-address test of title candidates rescanned a run of year-dash words from
    # every word boundary (300,000 characters: over 3 minutes); a speaker's name word
    # did the same in a run of capitals and dashes.
    yield "year-dash-run.txt", f"{'2024-' * 60_000}\n{PROSE}\n".encode(), PROSE
    yield (
        "capital-dash-run.txt",
        f"Q: {PROSE}\nA: {PROSE}\nQ: {'A-' * 100_000}（以下简称Q）{PROSE}\nA: {PROSE}\n".encode(),
        PROSE,
    )


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for name, data, _ in cases():
        (out / name).write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
