"""`articlekit warc` and the WARC reader on WARCs built here from the fixtures with
warcio: good pages, an empty, a binary and a navigation-only record, a record without
Content-Type, and (through an injected cleaning function) a slow and a crashing page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

import jsonschema
import pytest

from articlekit import clean
from articlekit.errors import ErrorCode
from articlekit.export.jsonout import json_schema
from articlekit.run.records import FIELD_NAMES, record_schema
from conftest import PAGES

warcio = pytest.importorskip("warcio")

NAV_ONLY = b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
GOOD = {
    "http://example.cn/news/1.html": (PAGES / "cjn-1.html").read_bytes(),
    "http://example.com/opinion.html": (PAGES / "en-opinion.html").read_bytes(),
    "http://example.cn/gbk.html": (PAGES / "zh-gbk.html").read_bytes(),
}


def _warc(path: Path, records: list[tuple[str, bytes, str | None]]) -> Path:
    """A gzipped WARC of response records (url, body, HTTP Content-Type or None)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body, content_type in records:
            headers = [("Content-Type", content_type)] if content_type else []
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=http
            )
            writer.write_record(record)
    return path


def _mixed(path: Path) -> Path:
    records = [(url, body, "text/html; charset=utf-8") for url, body in GOOD.items()]
    records[2] = (records[2][0], records[2][1], None)  # no Content-Type: still a page
    records += [
        ("http://example.cn/empty.html", b"", "text/html"),
        ("http://example.cn/nav.html", NAV_ONLY, "text/html"),
        ("http://example.cn/blob.html", bytes(range(256)) * 64, "text/html"),
        ("http://example.cn/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png"),
        ("http://example.cn/app.js", b"var x = 1;", "application/javascript"),
    ]
    return _warc(path, records)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "articlekit", "warc", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_every_good_page_is_cleaned_and_every_bad_one_is_an_error_row(tmp_path: Path) -> None:
    warc = _mixed(tmp_path / "crawl.warc.gz")
    out = tmp_path / "out.jsonl"
    done = _run(str(warc), "-o", str(out), "--jobs", "2")
    assert done.returncode == 1, done.stderr  # some records failed
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [tuple(row) for row in rows] == [FIELD_NAMES] * len(rows)
    by_url = {row["url"]: row for row in rows}
    assert "http://example.cn/logo.png" not in by_url and "http://example.cn/app.js" not in by_url
    for url, body in GOOD.items():
        row = by_url[url]
        assert row["error"] is None and row["warc_record_id"] and row["warc_date"]
        expected = clean(body, url=url)
        assert row["text"] == expected.to_markdown()
        assert json.loads(row["article"]) == expected.to_dict()
    assert by_url["http://example.cn/empty.html"]["error"] == "empty-input"
    assert by_url["http://example.cn/nav.html"]["error"] == "no-article"
    assert by_url["http://example.cn/blob.html"]["error"] == "binary-input"
    assert "failures by code" in done.stderr
    for row in rows:  # every record, cleaned or failed, is what the shipped schema says
        jsonschema.validate(row, record_schema())
        if row["article"] is not None:
            jsonschema.validate(json.loads(row["article"]), json_schema())


def test_the_record_schema_names_every_column_and_every_error_code() -> None:
    schema = record_schema()
    assert tuple(schema["properties"]) == FIELD_NAMES == tuple(schema["required"])
    assert set(schema["properties"]["error"]["enum"]) == {None, *map(str, ErrorCode)}
    with pytest.raises(jsonschema.ValidationError):  # a failed page holds no article
        jsonschema.validate(
            {
                **dict.fromkeys(FIELD_NAMES),
                "authors": [],
                "error": "timeout",
                "error_detail": "took long",
                "text": "x",
            },
            schema,
        )


def test_a_second_run_skips_the_warcs_already_done(
    tmp_path: Path,
) -> None:
    warcs = tmp_path / "warcs"
    warcs.mkdir()
    for index in range(3):
        _warc(
            warcs / f"part-{index}.warc.gz",
            [(f"http://e.cn/{index}", GOOD["http://example.cn/news/1.html"], "text/html")],
        )
    out = tmp_path / "out"
    first = _run(str(warcs), "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert sorted(p.name for p in out.iterdir()) == ["part-0.jsonl", "part-1.jsonl", "part-2.jsonl"]
    second = _run(str(warcs), "-o", str(out))
    assert second.returncode == 0 and second.stderr.count("skipped (up to date") == 3


def test_parquet_holds_the_same_records(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    warc = _mixed(tmp_path / "crawl.warc.gz")
    _run(str(warc), "-o", str(tmp_path / "a.jsonl"))
    _run(str(warc), "-o", str(tmp_path / "a.parquet"), "--format", "parquet")
    rows = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text("utf-8").splitlines()]
    assert pq.read_table(tmp_path / "a.parquet").to_pylist() == rows


def slow_or_crashing(page):  # type: ignore[no-untyped-def]
    """Cleaning that sleeps on one page and kills its process on another (a fault in a
    C library does that), for the guard to contain."""
    from articlekit.run.warc import render_page

    if page.url.endswith("/slow"):
        time.sleep(60)
    if page.url.endswith("/crash"):
        os._exit(3)
    return render_page(page)


def test_a_slow_and_a_crashing_page_fail_alone(tmp_path: Path) -> None:
    from articlekit.run.warc import WarcSettings, clean_warcs

    body = GOOD["http://example.cn/news/1.html"]
    warc = _warc(
        tmp_path / "x.warc.gz",
        [
            ("http://e.cn/slow", body, "text/html"),
            ("http://e.cn/crash", body, "text/html"),
            ("http://e.cn/ok", body, "text/html"),
        ],
    )
    settings = WarcSettings(inputs=(warc,), output=tmp_path / "x.jsonl", jobs=2, timeout=2)
    started = time.monotonic()
    [result] = list(clean_warcs(settings, work=slow_or_crashing))
    assert time.monotonic() - started < 30
    assert result.cleaned == 1 and result.failed == {"timeout": 1, "worker-died": 1}
    rows = [json.loads(line) for line in (tmp_path / "x.jsonl").read_text("utf-8").splitlines()]
    assert [row["error"] for row in rows] == ["timeout", "worker-died", None]


def test_a_killed_run_resumes_without_duplicates(tmp_path: Path) -> None:
    """SIGKILL mid-run: the WARCs finished keep their outputs, the one in progress has
    none (only its temp file), and the rerun cleans only what is missing, once, and
    removes the killed run's temp file."""
    import signal

    body = GOOD["http://example.cn/news/1.html"]
    warcs = tmp_path / "warcs"
    warcs.mkdir()
    for part in range(3):
        _warc(
            warcs / f"part-{part}.warc.gz",
            [(f"http://e.cn/{part}/{i}", body, "text/html") for i in range(40)],
        )
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "articlekit", "warc", str(warcs), "-o", str(out), "--jobs", "1"]
    process = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(out.glob("*.jsonl")):
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    finished = sorted(p.name for p in out.glob("*.jsonl"))
    assert finished and len(finished) < 3
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("skipped (up to date") == len(finished)
    assert not list(out.glob(".*.tmp"))
    for part in range(3):
        rows = [
            json.loads(line)
            for line in (out / f"part-{part}.jsonl").read_text("utf-8").splitlines()
        ]
        assert [row["url"] for row in rows] == [f"http://e.cn/{part}/{i}" for i in range(40)]


def test_an_html_content_type_is_trusted_over_the_first_bytes(tmp_path: Path) -> None:
    from articlekit.run.warc import iter_pages, render_page

    style = b"<style>" + b"body{margin:0;padding:0;color:#333}\n" * 3000 + b"</style>"
    body = style + b"<div><p>The council voted on Tuesday to close the old bridge.</p>" * 3
    warc = _warc(
        tmp_path / "a.warc.gz",
        [("http://example.org/a", body, "text/html"), ("http://example.org/b", body, "text/plain")],
    )
    html, plain = list(iter_pages(warc))
    assert (html.input_kind, plain.input_kind) == ("html", "auto")
    record = json.loads(render_page(html))
    assert record["text"].count("The council voted") == 3
    assert "margin" not in record["text"]
