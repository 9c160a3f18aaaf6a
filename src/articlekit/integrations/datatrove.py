"""articlekit as datatrove pipeline steps (`pip install 'articlekit[datatrove]'`).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter
    from articlekit.integrations.datatrove import ArticlekitExtractor, ArticlekitWarcReader

    LocalPipelineExecutor(
        pipeline=[ArticlekitWarcReader("crawl/"), ArticlekitExtractor(), JsonlWriter("out/")],
        tasks=8, workers=2, logging_dir="logs/",
    ).run()

`ArticlekitWarcReader` keeps every page record: it filters on the HTTP Content-Type
(datatrove's own reader relies on a payload-type header that only Common Crawl writes,
and dropped 39 % of the pages of warcio and browser WARCs), and it hands the payload
bytes on unchanged: `Document.text` must be a `str`, so they travel as UTF-8 with
`surrogateescape` (lossless for any bytes) and `ArticlekitExtractor` turns them back
into bytes for articlekit's own decoding (a GBK page stays a GBK page).

`ArticlekitExtractor` cleans each document on the per-page guard (`articlekit.run.guard`):
a page that runs past its time, crashes or runs out of memory is dropped with its
error code counted in the step's stats (`no-article`, `timeout`, `worker-died`, …),
and the task goes on; it never warms up on an empty text and never raises. The
article's text replaces `doc.text`; its metadata goes to `doc.metadata`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.readers.base import BaseDiskReader
from datatrove.utils.typeshelper import StatHints

from articlekit.errors import ErrorCode
from articlekit.options import DEFAULT_MAX_INPUT_BYTES
from articlekit.run.guard import DEFAULT_TIMEOUT, PageGuard
from articlekit.run.warc import WarcPage, read_pages, render_page

#: Metadata keys the extractor sets from the article.
METADATA_KEYS = ("title", "published", "authors", "language", "site")


class ArticlekitWarcReader(BaseDiskReader):  # type: ignore[misc]
    """The page records of WARC files, as documents whose text is the raw payload; a
    record with no payload at all is counted as `empty-input` in the reader's stats."""

    name = "🕷 articlekit WARC"
    _requires_dependencies: ClassVar[list[str]] = ["warcio"]

    def __init__(
        self, data_folder: Any, glob_pattern: str | None = "**/*.warc*", **kwargs: Any
    ) -> None:
        super().__init__(data_folder, glob_pattern=glob_pattern, **kwargs)

    def read_file(self, filepath: str) -> DocumentsPipeline:
        with self.data_folder.open(filepath, "rb") as stream:
            for index, page in enumerate(read_pages(stream, filepath)):
                if not page.payload:  # counted by its code: datatrove would skip it unsaid
                    self.stat_update(ErrorCode.EMPTY)
                    continue
                with self.track_time():
                    data = {
                        "text": page.payload.decode("utf-8", "surrogateescape"),
                        "id": page.record_id or f"{filepath}/{index}",
                        "url": page.url,
                        "date": page.date,
                        "input_kind": page.input_kind,
                    }
                    document = self.get_document_from_dict(data, filepath, index)
                if document:
                    yield document


class ArticlekitExtractor(PipelineStep):  # type: ignore[misc]
    """Each document's article: `doc.text` becomes its Markdown (or plain text)."""

    name = "🧹 articlekit"
    type = "🛢 - EXTRAC"

    def __init__(
        self,
        fmt: str = "md",
        timeout: float | None = DEFAULT_TIMEOUT,
        max_memory_mb: int | None = None,
        keep_article_json: bool = False,
        max_bytes: int = DEFAULT_MAX_INPUT_BYTES,
        work: Callable[[WarcPage], str] = render_page,
    ) -> None:
        """`work` is what each page runs through in the guard's child (a picklable
        function returning the page's record as JSON); the default cleans it."""
        super().__init__()
        self.work = work
        self.fmt = fmt
        self.timeout = timeout
        self.max_memory_mb = max_memory_mb
        self.keep_article_json = keep_article_json
        self.max_bytes = max_bytes

    def run(
        self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1
    ) -> Iterator[Document]:
        with PageGuard(self.work, timeout=self.timeout, max_memory_mb=self.max_memory_mb) as guard:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    outcome = guard.run(self._page(doc))
                if outcome.error is not None:
                    self.stat_update(outcome.error.code)
                    self.stat_update(StatHints.dropped)
                    continue
                record = json.loads(outcome.value or "{}")
                doc.text = record["text"]
                doc.metadata.update({key: record[key] for key in METADATA_KEYS})
                if record.get("url"):
                    doc.metadata["url"] = record["url"]
                if self.keep_article_json:
                    doc.metadata["article"] = record["article"]
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc

    def _page(self, doc: Document) -> WarcPage:
        metadata = doc.metadata
        return WarcPage(
            url=metadata.get("url"),
            record_id=doc.id,
            date=metadata.get("date"),
            source=str(metadata.get("file_path", "")),
            payload=doc.text.encode("utf-8", "surrogateescape"),
            fmt=self.fmt,
            max_bytes=self.max_bytes,
            with_article=self.keep_article_json,
            input_kind=metadata.get("input_kind", "auto"),
        )
