"""One record per cleaned page, the same for every runner that is not `clean` or `batch`:
`articlekit warc`, and any engine a user runs articlekit on.

A record is flat, so a JSON Lines file, a Parquet file and a Spark DataFrame hold the
same columns: where the page came from (`url`, the WARC record's id and date, `source`),
the article's metadata, its text in the chosen format, the whole `articlekit/article@1`
JSON as a string, and for a page that failed, `error` (a stable code) and
`error_detail` (one line) with every article column null. Its JSON Schema ships in the
package beside the article's (`articlekit/schema/record-1.json`, `articlekit/record@1`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from articlekit.model import Article

#: The columns, in order, with their type: `str` (nullable) or `list[str]`.
FIELDS: tuple[tuple[str, str], ...] = (
    ("url", "str"),
    ("warc_record_id", "str"),
    ("warc_date", "str"),
    ("source", "str"),
    ("title", "str"),
    ("published", "str"),
    ("authors", "list[str]"),
    ("language", "str"),
    ("site", "str"),
    ("text", "str"),
    ("article", "str"),
    ("error", "str"),
    ("error_detail", "str"),
)
FIELD_NAMES = tuple(name for name, _ in FIELDS)
#: The same schema as Spark SQL DDL (`spark.read.schema(SPARK_DDL)`).
SPARK_DDL = ", ".join(
    f"{name} {'ARRAY<STRING>' if kind == 'list[str]' else 'STRING'}" for name, kind in FIELDS
)


def article_record(
    article: Article,
    *,
    fmt: str = "md",
    origin: dict[str, str | None] | None = None,
    with_article: bool = True,
) -> dict[str, Any]:
    """The record of a cleaned article; `origin` holds url, WARC id and date, source.
    Without `with_article` the `article` column is left null (a runner that keeps only
    the text and metadata need not build the JSON)."""
    from articlekit.export import render

    record: dict[str, Any] = dict.fromkeys(FIELD_NAMES)
    record.update(origin or {})
    record.update(
        url=article.url or record["url"],
        title=article.title,
        published=article.published,
        authors=list(article.authors),
        language=article.language,
        site=article.site,
        text=render(article, fmt),
        article=article.to_json(indent=None) if with_article else None,
    )
    return record


def error_record(
    code: str, detail: str, *, origin: dict[str, str | None] | None = None
) -> dict[str, Any]:
    """The record of a page that failed: its origin, the error code and one line."""
    record: dict[str, Any] = dict.fromkeys(FIELD_NAMES)
    record.update(origin or {})
    # A plain str, never an `ErrorCode`: Spark's JVM unpickles records and knows no enum.
    record.update(authors=[], error=str(code), error_detail=detail)
    return record


def record_schema() -> dict[str, Any]:
    """The JSON Schema of a record (`articlekit/schema/record-1.json`)."""
    from importlib import resources

    text = resources.files("articlekit").joinpath("schema/record-1.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def to_json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def arrow_schema() -> Any:
    """The schema as a `pyarrow.Schema` (`pip install 'articlekit[parquet]'`)."""
    import pyarrow as pa

    return pa.schema(
        [
            pa.field(name, pa.list_(pa.string()) if kind == "list[str]" else pa.string())
            for name, kind in FIELDS
        ]
    )
