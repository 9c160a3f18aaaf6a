"""articlekit as datatrove steps, on a local executor with 2 tasks and 2 workers: the
same articles as `articlekit.clean` on the same bytes, failures counted by code, no page
dropped for lack of a payload-type header, and a rerun that skips finished tasks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articlekit import clean
from test_warc import GOOD, NAV_ONLY, _warc, slow_or_crashing

pytest.importorskip("datatrove")


def _pipeline(warcs: Path, out: Path, logs: Path):  # type: ignore[no-untyped-def]
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter

    from articlekit.integrations.datatrove import ArticlekitExtractor, ArticlekitWarcReader

    return LocalPipelineExecutor(
        pipeline=[
            ArticlekitWarcReader(str(warcs)),
            ArticlekitExtractor(timeout=60),
            JsonlWriter(str(out), compression=None),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(logs),
    )


def test_a_local_datatrove_run_gives_the_articles_clean_gives(tmp_path: Path) -> None:
    warcs = tmp_path / "warcs"
    warcs.mkdir()
    items = list(GOOD.items())
    # No HTTP Content-Type and no payload-type header on the first: still a page.
    _warc(
        warcs / "a.warc.gz",
        [
            (items[0][0], items[0][1], None),
            ("http://e.cn/nav", NAV_ONLY, "text/html"),
            ("http://e.cn/empty", b"", "text/html"),
        ],
    )
    _warc(warcs / "b.warc.gz", [(url, body, "text/html") for url, body in items[1:]])
    out, logs = tmp_path / "out", tmp_path / "logs"
    _pipeline(warcs, out, logs).run()
    docs = [
        json.loads(line)
        for path in sorted(out.glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
    ]
    by_url = {doc["metadata"]["url"]: doc for doc in docs}
    assert sorted(by_url) == sorted(GOOD)
    for url, body in GOOD.items():
        article = clean(body, url=url)
        assert by_url[url]["text"] == article.to_markdown()
        assert by_url[url]["metadata"]["title"] == article.title
    stats = json.loads((logs / "stats.json").read_text("utf-8"))
    extractor = next(
        step for step in stats if "articlekit" in step["name"] and "WARC" not in step["name"]
    )
    assert extractor["stats"]["no-article"] == 1
    reader = next(step for step in stats if "WARC" in step["name"])
    assert reader["stats"]["empty-input"] == 1  # counted by its code, not skipped unsaid
    # A second run finds both tasks completed and cleans nothing again.
    before = {path: path.stat().st_mtime_ns for path in out.glob("*.jsonl")}
    _pipeline(warcs, out, logs).run()
    assert {path: path.stat().st_mtime_ns for path in out.glob("*.jsonl")} == before


def test_a_slow_and_a_crashing_page_do_not_end_the_task(tmp_path: Path) -> None:
    """The crash (a fault in a C library ends the process) and the page that runs on
    are each one counted failure; the pages after them are cleaned in a fresh child."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter

    from articlekit.integrations.datatrove import ArticlekitExtractor, ArticlekitWarcReader

    warcs = tmp_path / "warcs"
    warcs.mkdir()
    body = GOOD["http://example.cn/news/1.html"]
    urls = ["http://e.cn/crash", "http://e.cn/1", "http://e.cn/slow", "http://e.cn/2"]
    _warc(warcs / "a.warc.gz", [(url, body, "text/html") for url in urls])
    out, logs = tmp_path / "out", tmp_path / "logs"
    LocalPipelineExecutor(
        pipeline=[
            ArticlekitWarcReader(str(warcs)),
            ArticlekitExtractor(timeout=2, work=slow_or_crashing),
            JsonlWriter(str(out), compression=None),
        ],
        tasks=1,
        workers=1,
        logging_dir=str(logs),
    ).run()
    docs = [json.loads(line) for line in (out / "00000.jsonl").read_text("utf-8").splitlines()]
    assert [doc["metadata"]["url"] for doc in docs] == ["http://e.cn/1", "http://e.cn/2"]
    stats = json.loads((logs / "stats.json").read_text("utf-8"))
    extractor = next(step for step in stats if step["name"].endswith("articlekit"))
    assert extractor["stats"]["worker-died"] == 1 and extractor["stats"]["timeout"] == 1
