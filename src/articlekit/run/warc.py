"""WARC input: the saved pages of a crawl, cleaned record by record on the per-page guard.

Pages are the `response` records whose HTTP `Content-Type` is HTML, XHTML or plain text
(and `resource` records of such types: a browser's saved pages). A record with no
Content-Type at all is tried too: articlekit's own decoding tells a page from binary
data, and a WARC writer that leaves the header out (most do, except Common Crawl's for
its payload-type header) must not lose its pages. The raw payload bytes go to `clean()`
with the record's URL; the record's id and date ride along in the output.

Each input WARC gives one output file (JSON Lines, or Parquet with pyarrow), written
atomically: an interrupted run leaves no half file, and the next run redoes only the
WARCs without an up-to-date output. Needs `warcio` (`pip install 'articlekit[warc]'`).
"""

from __future__ import annotations

import json
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from articlekit.errors import ArticlekitError, ErrorCode
from articlekit.options import DEFAULT_MAX_INPUT_BYTES, InputKind, Options
from articlekit.run.atomic import atomic_output, remove_stale_temps
from articlekit.run.batch import is_up_to_date
from articlekit.run.guard import DEFAULT_TIMEOUT, GuardPool, Outcome
from articlekit.run.records import article_record, error_record, to_json_line

#: HTTP content types that are pages (parameters such as `; charset=` are ignored).
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
#: The types that say the payload is markup: it is read as HTML whatever its first
#: bytes look like (a page can open with 100 KB of stylesheet). `text/plain` is sent
#: for markup by many servers, so it is sniffed like a missing type.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
WARC_SUFFIXES = (".warc", ".warc.gz")
#: Records in flight per worker: enough to keep workers busy, few enough for flat memory.
WINDOW_PER_JOB = 4


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One page record: where it came from and its payload (picklable: sent to a child)."""

    url: str | None
    record_id: str | None
    date: str | None
    source: str
    payload: bytes
    fmt: str = "md"
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES
    #: Whether the record carries the whole article JSON (datatrove keeps it on request).
    with_article: bool = True
    #: "html" when the HTTP Content-Type says so; "auto" (sniffed) otherwise.
    input_kind: InputKind = "auto"

    def origin(self) -> dict[str, str | None]:
        return {
            "url": self.url,
            "warc_record_id": self.record_id,
            "warc_date": self.date,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class WarcSettings:
    inputs: tuple[Path, ...]
    output: Path
    fmt: str = "jsonl"
    text_format: str = "md"
    jobs: int = 1
    timeout: float | None = DEFAULT_TIMEOUT
    max_memory_mb: int | None = None
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES
    force: bool = False


@dataclass(slots=True)
class WarcResult:
    """One input WARC: its output, the records cleaned, and the failures by code."""

    source: Path
    output: Path
    skipped: bool = False
    cleaned: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    error: str | None = None
    #: Each failed page: its URL (or record id), error code and message (`warc -v`).
    failures: list[tuple[str, str, str]] = field(default_factory=list)


def render_page(page: WarcPage) -> str:
    """A page record cleaned into its output record (JSON), run in a guard's child.
    Raises `ArticlekitError` for a page that fails (the guard reports its code)."""
    from articlekit.pipeline import clean

    if len(page.payload) > page.max_bytes:
        from articlekit.errors import InputTooLargeError

        raise InputTooLargeError(f"the record is larger than the limit of {page.max_bytes} bytes")
    options = Options(max_input_bytes=page.max_bytes, input_kind=page.input_kind)
    article = clean(page.payload, url=page.url, options=options)
    record = article_record(
        article, fmt=page.fmt, origin=page.origin(), with_article=page.with_article
    )
    return to_json_line(record)


def find_warcs(paths: tuple[Path, ...]) -> list[Path]:
    """The WARC files named, and those under the folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and p.name.endswith(WARC_SUFFIXES)
            )
        else:
            found.append(path)
    return found


def output_path(settings: WarcSettings, warc: Path, count: int) -> Path:
    """`-o OUT.jsonl` (or `.parquet`) names the file when there is one input; otherwise
    OUT is a folder holding one output per WARC, named after it."""
    suffix = f".{settings.fmt}"
    if count == 1 and settings.output.suffix == suffix:
        return settings.output
    name = warc.name
    for ending in WARC_SUFFIXES[::-1]:
        name = name.removesuffix(ending)
    return settings.output / f"{name}{suffix}"


def iter_pages(
    path: Path, *, fmt: str = "md", max_bytes: int = DEFAULT_MAX_INPUT_BYTES
) -> Iterator[WarcPage]:
    """The page records of one WARC file, in order."""
    with path.open("rb") as stream:
        yield from read_pages(stream, str(path), fmt=fmt, max_bytes=max_bytes)


def read_pages(
    stream: BinaryIO, source: str, *, fmt: str = "md", max_bytes: int = DEFAULT_MAX_INPUT_BYTES
) -> Iterator[WarcPage]:
    """The page records of a WARC stream (any binary file object, gzipped or not)."""
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(stream):
        if record.rec_type == "response":
            headers = record.http_headers
            content_type = headers.get_header("Content-Type") if headers else None
        elif record.rec_type == "resource":
            content_type = record.rec_headers.get_header("Content-Type")
        else:
            continue
        media_type = content_type.split(";")[0].strip().lower() if content_type else ""
        if media_type and media_type not in PAGE_TYPES:
            continue
        yield WarcPage(
            url=record.rec_headers.get_header("WARC-Target-URI"),
            record_id=record.rec_headers.get_header("WARC-Record-ID"),
            date=record.rec_headers.get_header("WARC-Date"),
            source=source,
            payload=record.content_stream().read(max_bytes + 1),
            fmt=fmt,
            max_bytes=max_bytes,
            input_kind=input_kind_of(media_type),
        )


def input_kind_of(media_type: str) -> InputKind:
    """How a payload of this HTTP media type is read: as HTML when the type says
    markup, sniffed when it says plain text or nothing.

    >>> input_kind_of("text/html"), input_kind_of("text/plain"), input_kind_of("")
    ('html', 'auto', 'auto')
    """
    return "html" if media_type in HTML_TYPES else "auto"


def clean_warcs(
    settings: WarcSettings, work: Callable[[WarcPage], str] = render_page
) -> Iterator[WarcResult]:
    """Clean every page record of every WARC, one output per WARC; `work` is the
    function each page runs through in its child (the default cleans it)."""
    warcs = find_warcs(settings.inputs)
    with GuardPool(
        work, settings.jobs, timeout=settings.timeout, max_memory_mb=settings.max_memory_mb
    ) as pool:
        for warc in warcs:
            target = output_path(settings, warc, len(warcs))
            if not settings.force and is_up_to_date(warc, target):
                yield WarcResult(warc, target, skipped=True)
                continue
            yield _clean_one(pool, settings, warc, target)


def _clean_one(
    pool: GuardPool[WarcPage, str], settings: WarcSettings, warc: Path, target: Path
) -> WarcResult:
    result = WarcResult(warc, target)
    records: list[dict[str, Any]] = []
    remove_stale_temps(target)  # a killed run's half output
    try:
        with atomic_output(target) as handle:
            for line in _cleaned_lines(pool, settings, warc, result):
                if settings.fmt == "parquet":
                    records.append(json.loads(line))
                else:
                    handle.write(line.encode("utf-8", "backslashreplace") + b"\n")
            if settings.fmt == "parquet":
                _write_parquet(records, handle)
    except (OSError, ArticlekitError, ValueError) as error:
        result.error = f"{type(error).__name__}: {error}"
    return result


def _cleaned_lines(
    pool: GuardPool[WarcPage, str], settings: WarcSettings, warc: Path, result: WarcResult
) -> Iterator[str]:
    """Each page's record line, in the WARC's order, with a bounded window in flight."""
    window = settings.jobs * WINDOW_PER_JOB
    in_flight: deque[tuple[WarcPage, Future[Outcome[str]]]] = deque()
    pages = iter_pages(warc, fmt=settings.text_format, max_bytes=settings.max_bytes)
    for page in pages:
        in_flight.append((page, pool.submit(page)))
        while len(in_flight) >= window:
            yield _line(*in_flight.popleft(), result)
    while in_flight:
        yield _line(*in_flight.popleft(), result)


def _line(page: WarcPage, future: Future[Outcome[str]], result: WarcResult) -> str:
    outcome = future.result()
    if outcome.error is None:
        result.cleaned += 1
        return outcome.value or ""
    result.failed[outcome.error.code] += 1
    where = page.url or page.record_id or "?"
    result.failures.append((where, outcome.error.code, outcome.error.message))
    record = error_record(outcome.error.code, outcome.error.message, origin=page.origin())
    return to_json_line(record)


def _write_parquet(records: list[dict[str, Any]], handle: Any) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from articlekit.run.records import arrow_schema

    pq.write_table(pa.Table.from_pylist(records, schema=arrow_schema()), handle)


def failure_codes(results: list[WarcResult]) -> Counter[str]:
    total: Counter[str] = Counter()
    for result in results:
        total.update(result.failed)
        if result.error:
            total[ErrorCode.READ] += 1
    return total
