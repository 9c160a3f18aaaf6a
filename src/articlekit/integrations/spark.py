"""articlekit on Spark: partition functions that clean on the per-page guard.

    from pyspark.sql import SparkSession
    from articlekit.integrations.spark import clean_warc_paths
    from articlekit.run.records import SPARK_DDL

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    paths = spark.sparkContext.parallelize(["/data/crawl/a.warc.gz", "/data/crawl/b.warc.gz"], 2)
    spark.createDataFrame(paths.mapPartitions(clean_warc_paths), SPARK_DDL).write.parquet("out/")

    # a folder of saved pages: Spark reads the bytes, articlekit cleans them
    pages = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load("/data/pages")
    pages.select("path", "content").mapInArrow(clean_arrow_pages, SPARK_DDL).write.parquet("out/")

Each Python worker keeps one guard child per partition: a page that runs past its
time, crashes its process (a fault in a C library would otherwise kill the Python
worker, and after four retries the whole job) or runs out of memory becomes a record
with its error code, and the partition goes on. Paths must be absolute and readable
from the executors, and articlekit installed there (the same `PYSPARK_PYTHON`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from articlekit.run.guard import DEFAULT_TIMEOUT, PageGuard
from articlekit.run.records import FIELD_NAMES, error_record
from articlekit.run.warc import WarcPage, iter_pages, render_page


def clean_warc_paths(
    paths: Iterable[Any],
    *,
    fmt: str = "md",
    timeout: float | None = DEFAULT_TIMEOUT,
    work: Callable[[WarcPage], str] = render_page,
) -> Iterator[tuple[Any, ...]]:
    """`rdd.mapPartitions` over WARC paths (strings, or rows whose first field is one):
    one record per page record, as a tuple in the order of `records.FIELDS`. (`work` is
    what each page runs through in the guard's child; the default cleans it.)"""
    with PageGuard(work, timeout=timeout) as guard:
        for item in paths:
            path = Path(item if isinstance(item, str) else item[0])
            for page in iter_pages(path, fmt=fmt):
                yield _as_tuple(_record(guard, page))


def clean_arrow_pages(
    batches: Iterable[Any],
    *,
    fmt: str = "md",
    timeout: float | None = DEFAULT_TIMEOUT,
    work: Callable[[WarcPage], str] = render_page,
) -> Iterator[Any]:
    """`DataFrame.mapInArrow` over Spark's `binaryFile` rows (`path`, `content`): one
    record batch out per batch in, with the columns of `records.FIELDS`."""
    import pyarrow as pa

    from articlekit.run.records import arrow_schema

    with PageGuard(work, timeout=timeout) as guard:
        for batch in batches:
            rows = batch.to_pylist()
            records = [
                _record(
                    guard,
                    WarcPage(
                        url=None,
                        record_id=None,
                        date=None,
                        source=row["path"],
                        payload=bytes(row["content"] or b""),
                        fmt=fmt,
                    ),
                )
                for row in rows
            ]
            yield pa.RecordBatch.from_pylist(records, schema=arrow_schema())


def _record(guard: PageGuard[WarcPage, str], page: WarcPage) -> dict[str, Any]:
    outcome = guard.run(page)
    if outcome.error is not None:
        return error_record(outcome.error.code, outcome.error.message, origin=page.origin())
    record: dict[str, Any] = json.loads(outcome.value or "{}")
    return record


def _as_tuple(record: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(record.get(name) for name in FIELD_NAMES)
