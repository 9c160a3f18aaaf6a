"""articlekit on Spark `local[2]`: WARC paths through `mapPartitions` and a folder of
saved pages through `binaryFile` + `mapInArrow`, written as Parquet; skipped when pyspark
or Java is absent."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from articlekit import clean
from test_warc import GOOD, NAV_ONLY, _warc, slow_or_crashing

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java", allow_module_level=True)


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    import os

    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    # Python workers unpickle the tests' own cleaning function from this folder.
    tests = str(Path(__file__).parent)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [tests, os.environ.get("PYTHONPATH")]))
    session = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_warc_paths_through_map_partitions(spark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from articlekit.integrations.spark import clean_warc_paths
    from articlekit.run.records import SPARK_DDL

    items = list(GOOD.items())
    paths = [
        str(
            _warc(
                tmp_path / "a.warc.gz",
                [
                    (items[0][0], items[0][1], "text/html"),
                    ("http://e.cn/nav", NAV_ONLY, "text/html"),
                ],
            )
        ),
        str(_warc(tmp_path / "b.warc.gz", [(url, body, "text/html") for url, body in items[1:]])),
    ]
    rdd = spark.sparkContext.parallelize(paths, 2).mapPartitions(clean_warc_paths)
    out = tmp_path / "out.parquet"
    spark.createDataFrame(rdd, SPARK_DDL).write.parquet(str(out))
    rows = {row["url"]: row for row in spark.read.parquet(str(out)).collect()}
    assert rows["http://e.cn/nav"]["error"] == "no-article"
    for url, body in GOOD.items():
        assert rows[url]["text"] == clean(body, url=url).to_markdown()


def test_saved_pages_through_binary_file_and_arrow(spark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pandas")  # Spark's Arrow functions need it
    from articlekit.integrations.spark import clean_arrow_pages
    from articlekit.run.records import SPARK_DDL

    folder = tmp_path / "pages"
    folder.mkdir()
    for index, body in enumerate(GOOD.values()):
        (folder / f"{index}.html").write_bytes(body)
    (folder / "empty.html").write_bytes(b"")
    pages = spark.read.format("binaryFile").load(str(folder))
    records = pages.select("path", "content").mapInArrow(clean_arrow_pages, SPARK_DDL).collect()
    by_name = {Path(row["source"].removeprefix("file:")).name: row for row in records}
    # Spark's binaryFile source lists no zero-byte file: counts of inputs and records
    # differ by the empty files (the README's recipe says how to reconcile them).
    assert sorted(by_name) == [f"{index}.html" for index in range(len(GOOD))]
    for index, body in enumerate(GOOD.values()):
        row = by_name[f"{index}.html"]
        assert row["error"] is None
        assert json.loads(row["article"]) == clean(body).to_dict()


def test_a_crashing_page_is_a_record_not_a_failed_job(spark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Without the guard, a page that ends its Python worker fails the task four times
    and then the job; on the guard it is one record with `worker-died`."""
    from functools import partial

    from articlekit.integrations.spark import clean_warc_paths
    from articlekit.run.records import SPARK_DDL

    body = GOOD["http://example.cn/news/1.html"]
    urls = ["http://e.cn/crash", "http://e.cn/1", "http://e.cn/slow", "http://e.cn/2"]
    path = _warc(tmp_path / "a.warc.gz", [(url, body, "text/html") for url in urls])
    work = partial(clean_warc_paths, timeout=2, work=slow_or_crashing)
    rdd = spark.sparkContext.parallelize([str(path)], 1).mapPartitions(work)
    rows = {row["url"]: row for row in spark.createDataFrame(rdd, SPARK_DDL).collect()}
    assert rows["http://e.cn/crash"]["error"] == "worker-died"
    assert rows["http://e.cn/slow"]["error"] == "timeout"
    assert rows["http://e.cn/2"]["text"] == clean(body, url="http://e.cn/2").to_markdown()
