#!/usr/bin/env python3
"""Scale benchmark: the dev HTML pages as WARC records, cleaned by plain `clean()`, by
`articlekit warc` and by a datatrove local run, side by side.

    pip install -e '.[test]'        # warcio, datatrove
    python benchmarks/scale.py      # the saved pages under ../shared/bench/dev

Prints per engine: pages, wall seconds, CPU-ms per page (the process and its children),
overhead per page against plain `clean()`, fixed start-up (the same engine on a WARC of
one page), peak memory of a worker, the error codes, and whether every record equals
`clean()` on the same bytes. Plain `clean()` also gives p50/p99/max page latency.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "bench" / "dev"
WARCS = 4


def dev_pages() -> list[tuple[str, bytes]]:
    pages = []
    for manifest in sorted(DEV.glob("*/manifest.jsonl")):
        for line in manifest.read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                if row["input"].endswith(".html"):
                    url = row.get("url") or f"http://dev.invalid/{manifest.parent.name}/{row['id']}"
                    pages.append((url, (manifest.parent / row["input"]).read_bytes()))
    return pages


def write_warcs(folder: Path, pages: list[tuple[str, bytes]], parts: int) -> list[Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    paths = []
    for part in range(parts):
        path = folder / f"part-{part}.warc.gz"
        with path.open("wb") as out:
            writer = WARCWriter(out, gzip=True)
            for url, body in pages[part::parts]:
                http = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
                )
                writer.write_record(
                    writer.create_warc_record(
                        url, "response", payload=BytesIO(body), http_headers=http
                    )
                )
        paths.append(path)
    return paths


def plain(pages: list[tuple[str, bytes]], *, with_output: bool = False) -> dict[str, object]:
    from articlekit import ArticlekitError, clean

    clean(pages[0][1])  # imports and caches are not timed
    latencies, errors = [], Counter()
    started, cpu = time.perf_counter(), time.process_time()
    for url, body in pages:
        page_started = time.perf_counter()
        try:
            article = clean(body, url=url)
            if with_output:  # what every engine's record holds besides
                article.to_markdown()
                article.to_json(indent=None)
        except ArticlekitError as error:
            errors[error.code] += 1
        latencies.append(time.perf_counter() - page_started)
    cpu = time.process_time() - cpu
    latencies.sort()
    return {
        "wall": time.perf_counter() - started,
        "cpu_ms_per_page": 1000 * cpu / len(pages),
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))],
        "max_ms": 1000 * latencies[-1],
        "errors": dict(errors),
    }


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (the command and all its descendants) of one command."""
    cpu = _children_cpu()
    started = time.perf_counter()
    subprocess.run(cmd, check=False, capture_output=True)
    return time.perf_counter() - started, _children_cpu() - cpu


def warc_cli(warcs: list[Path], one: Path, out: Path, jobs: int) -> dict[str, object]:
    base = [sys.executable, "-m", "articlekit", "warc"]
    fixed_wall, fixed_cpu = _run(
        [*base, str(one), "-o", str(out / "one.jsonl"), "--jobs", str(jobs)]
    )
    wall, cpu = _run([*base, *map(str, warcs), "-o", str(out / f"jobs{jobs}"), "--jobs", str(jobs)])
    rows = [
        json.loads(line)
        for path in sorted((out / f"jobs{jobs}").glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
    ]
    return {
        "wall": wall,
        "cpu": cpu,
        "fixed_wall": fixed_wall,
        "fixed_cpu": fixed_cpu,
        "rows": rows,
    }


def datatrove_run(warc_folder: Path, one_folder: Path, out: Path) -> dict[str, object]:
    script = """
import sys
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.writers import JsonlWriter
from articlekit.integrations.datatrove import ArticlekitExtractor, ArticlekitWarcReader
source, target, logs, tasks = sys.argv[1:5]
LocalPipelineExecutor(pipeline=[ArticlekitWarcReader(source), ArticlekitExtractor(), JsonlWriter(target, compression=None)],
    tasks=int(tasks), workers=2, logging_dir=logs).run()
"""
    base = [sys.executable, "-c", script]
    fixed_wall, fixed_cpu = _run(
        [*base, str(one_folder), str(out / "dt-one"), str(out / "dt-one-logs"), "1"]
    )
    wall, _ = _run([*base, str(warc_folder), str(out / "dt"), str(out / "dt-logs"), str(WARCS)])
    docs = [
        json.loads(line)
        for path in sorted((out / "dt").glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
    ]
    stats = json.loads((out / "dt-logs" / "stats.json").read_text("utf-8"))
    step = next(s for s in stats if s["name"].endswith("articlekit"))
    codes = {k: v for k, v in step["stats"].items() if "-" in k and isinstance(v, int)}
    # The step's own time per document: the worker waits while the guard's child cleans.
    per_doc = 1000 * step["time_stats"]["total"] / max(1, len(docs) + sum(codes.values()))
    return {
        "wall": wall,
        "fixed_wall": fixed_wall,
        "fixed_cpu": fixed_cpu,
        "docs": docs,
        "codes": codes,
        "step_ms_per_doc": per_doc,
    }


def _overhead(per_page: float, baseline: dict[str, object]) -> str:
    base = float(str(baseline["cpu_ms_per_page"]))
    return f"{per_page - base:+.1f} ms ({(per_page - base) / base:+.0%})"


def main() -> int:
    from articlekit import ArticlekitError, clean

    pages = dev_pages()
    base = plain(pages)
    full = plain(pages, with_output=True)
    expected = {}
    for url, body in pages:
        try:
            expected[url] = clean(body, url=url).to_markdown()
        except ArticlekitError:
            expected[url] = None
    lines = [
        f"### Scale: {len(pages)} dev HTML pages in {WARCS} WARCs",
        "",
        f"plain `clean()`: {base['cpu_ms_per_page']:.1f} CPU-ms/page; latency p50 {base['p50_ms']:.1f} ms, "
        f"p99 {base['p99_ms']:.1f} ms, max {base['max_ms']:.1f} ms; errors {base['errors'] or 'none'}; "
        f"with the Markdown and the JSON every record holds: {full['cpu_ms_per_page']:.1f} CPU-ms/page "
        "(the baseline of the overhead column)",
        "",
        "| engine | wall s | CPU-ms/page (all processes) | overhead/page vs clean() | fixed start-up (wall s / CPU s) | errors | equal to clean() |",
        "|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder, one_folder, out = Path(tmp) / "warcs", Path(tmp) / "one", Path(tmp) / "out"
        for path in (folder, one_folder, out):
            path.mkdir()
        warcs = write_warcs(folder, pages, WARCS)
        [one] = write_warcs(one_folder, pages[:1], 1)
        for jobs in (1, 2):
            run = warc_cli(warcs, one, out, jobs)
            rows = run["rows"]
            assert isinstance(rows, list)
            codes = Counter(row["error"] for row in rows if row["error"])
            equal = sum(row["text"] == expected.get(row["url"]) for row in rows if not row["error"])
            per_page = 1000 * (float(run["cpu"]) - float(run["fixed_cpu"])) / len(pages)
            lines.append(
                f"| `articlekit warc --jobs {jobs}` | {run['wall']:.2f} | {per_page:.1f} | "
                f"{_overhead(per_page, full)} | {run['fixed_wall']:.2f} / {run['fixed_cpu']:.2f} | "
                f"{dict(codes) or 'none'} | {equal} / {len(rows) - sum(codes.values())} |"
            )
        try:
            import datatrove  # noqa: F401
        except ImportError:
            lines.append("| datatrove | not installed | | | | | |")
        else:
            run = datatrove_run(folder, one_folder, out)
            docs = run["docs"]
            assert isinstance(docs, list)
            equal = sum(doc["text"] == expected.get(doc["metadata"].get("url")) for doc in docs)
            per_doc = float(str(run["step_ms_per_doc"]))
            lines.append(
                f"| datatrove local, {WARCS} tasks, 2 workers | {run['wall']:.2f} | "
                f"{per_doc:.1f} (the step's time per doc) | {_overhead(per_doc, full)} | "
                f"{run['fixed_wall']:.2f} / {run['fixed_cpu']:.2f} | {run['codes'] or 'none'} | "
                f"{equal} / {len(docs)} |"
            )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
