#!/usr/bin/env python3
"""Scale benchmark: the dev HTML pages as WARC records, cleaned by plain `clean()`, by
`articlekit warc`, by a datatrove local run and by Spark, side by side.

    pip install -e '.[test]'        # warcio, datatrove (pyspark and Java for the Spark row)
    python benchmarks/scale.py      # the saved pages under ../shared/bench/dev
    SCALE_ROUNDS=5 SCALE_ONLY=plain,datatrove python benchmarks/scale.py

Every engine runs as its own process tree, and its CPU time is that of every process in
it (the engine's, its workers', the guard's children). The cost of a page is the
difference between a run over all the pages and a run of the same shape (the same number
of WARCs, tasks and workers) over one page per WARC, divided by the difference in pages:
what is left is what each further page costs, with every start-up (interpreters, imports,
guard children, their warm-up) taken out. Plain `clean()` is measured the same way, in a
process of its own. Rounds interleave the engines (`SCALE_ROUNDS`, default 5), each
round pairs an engine's two runs back to back, and the figure is the median round (the
range is printed beside it: on this shared machine a round moves by ±20 %). An engine is
compared with the plain run of the same round, round by round, and the median ratio is
printed, so that a slow stretch of the machine weighs on both. Spark runs one round (its
JVM takes 10-30 s to start). Engines that run two workers are compared
with plain `clean()` in two processes at once, which costs more CPU per page than one
process alone on shared cores.

Also printed: page latency of plain `clean()` (p50/p99/max), peak resident memory of the
largest process of each run, the error codes (three bad records ride along: an empty
one, a binary one and a page of links only), whether every record equals `clean()` on the
same bytes, and a simulated multi-node datatrove run: three processes share one logging
folder with rank offsets, as the nodes of a Slurm array do; one is killed mid-run and
started again, and the output must hold every page exactly once.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "bench" / "dev"
WARCS = 4
ROUNDS = int(os.environ.get("SCALE_ROUNDS", "5"))
#: Run only the engines whose name holds one of these words (e.g. `plain,datatrove`).
ONLY = [word for word in os.environ.get("SCALE_ONLY", "").split(",") if word]
BAD_RECORDS: list[tuple[str, bytes]] = [
    ("http://bad.invalid/empty", b""),
    ("http://bad.invalid/binary", bytes(range(256)) * 64),
    (
        "http://bad.invalid/links",
        b"<html><body>"
        + b"".join(b'<a href="/s%d">Section %d</a><br>' % (i, i) for i in range(40))
        + b"</body></html>",
    ),
]

#: Runs a command in a session of its own and prints its wall time, and the CPU seconds
#: and peak RSS of all its processes twice over: as the kernel counts the descendants
#: waited for (exact), and as sampled from /proc every 50 ms for every process of the
#: session (for engines whose processes nobody waits for, such as Spark's JVM and its
#: Python workers; a process's last 50 ms are missed, which the difference of two runs of
#: the same shape cancels).
MEASURE = """
import json, os, resource, subprocess, sys, time
tick = os.sysconf("SC_CLK_TCK"); page_mb = os.sysconf("SC_PAGE_SIZE") / 2**20
started = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           start_new_session=True)
seen, peak = {}, 0.0
while process.poll() is None:
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == process.pid:
            seen[pid] = (int(fields[11]) + int(fields[12])) / tick
            peak = max(peak, int(fields[21]) * page_mb)
    time.sleep(0.05)
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_mb": usage.ru_maxrss / 1024, "sampled_cpu": sum(seen.values()),
                  "sampled_peak_mb": peak, "code": process.returncode}))
"""
#: Plain `clean()` in a process of its own, over the page records of WARC files (read
#: before the clock matters: the difference of two runs keeps only the cleaning).
PLAIN = """
import sys
from pathlib import Path
from articlekit import ArticlekitError, clean
from articlekit.run.warc import iter_pages
pages = [page for path in sys.argv[1:] for page in iter_pages(Path(path))]
for page in pages:
    try:
        article = clean(page.payload, url=page.url)
        article.to_markdown(); article.to_json(indent=None)
    except ArticlekitError:
        pass
"""
DATATROVE = """
import sys
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.writers import JsonlWriter
from articlekit.integrations.datatrove import ArticlekitExtractor, ArticlekitWarcReader
source, target, logs, tasks, workers, local_tasks, offset = sys.argv[1:8]
LocalPipelineExecutor(
    pipeline=[ArticlekitWarcReader(source), ArticlekitExtractor(),
              JsonlWriter(target, compression=None)],
    tasks=int(tasks), workers=int(workers), logging_dir=logs,
    local_tasks=int(local_tasks), local_rank_offset=int(offset),
    start_method="spawn",  # forkserver workers are nobody's waited-for children: CPU unseen
).run()
"""
SPARK = """
import os, sys
os.environ["PYSPARK_PYTHON"] = sys.executable
from pyspark.sql import SparkSession
from articlekit.integrations.spark import clean_warc_paths
from articlekit.run.records import SPARK_DDL
target, paths = sys.argv[1], sys.argv[2:]
spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
         .config("spark.python.worker.reuse", "true").getOrCreate())
rdd = spark.sparkContext.parallelize(paths, len(paths)).mapPartitions(clean_warc_paths)
spark.createDataFrame(rdd, SPARK_DDL).write.mode("overwrite").json(target)
spark.stop()
"""


#: Plain `clean()` in two processes at once, each on every other WARC: what the same
#: work costs when two processes share the machine's cores (they never run as fast as
#: one alone), the reference for engines that run two workers.
PLAIN_TWICE = """
import subprocess, sys
script, warcs = sys.argv[1], sys.argv[2:]
halves = [subprocess.Popen([sys.executable, "-c", script, *warcs[start::2]]) for start in (0, 1)]
sys.exit(max(half.wait() for half in halves))
"""


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float
    sampled_cpu: float
    sampled_peak_mb: float
    code: int


def measure(cmd: list[str], *, sampled: bool = False) -> Run:
    """One run of `cmd`; with `sampled`, its CPU and memory as sampled from /proc."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True
    )
    run = Run(**json.loads(out.stdout))
    if sampled:
        run.cpu, run.peak_mb = run.sampled_cpu, run.sampled_peak_mb
    return run


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


def write_warcs(folder: Path, parts: list[list[tuple[str, bytes]]]) -> list[Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, records in enumerate(parts):
        path = folder / f"part-{number}.warc.gz"
        with path.open("wb") as out:
            writer = WARCWriter(out, gzip=True)
            for url, body in records:
                # No Content-Type on the bad records: the binary one must be refused by
                # articlekit's own decoding, not by a header.
                headers = [] if url.startswith("http://bad.") else [("Content-Type", "text/html")]
                http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(
                        url, "response", payload=BytesIO(body), http_headers=http
                    )
                )
        paths.append(path)
    return paths


def split(records: list[tuple[str, bytes]], parts: int) -> list[list[tuple[str, bytes]]]:
    return [records[part::parts] for part in range(parts)]


def latency(pages: list[tuple[str, bytes]]) -> dict[str, float]:
    """Per-page wall time of plain `clean()` in this (warm) process."""
    from articlekit import ArticlekitError, clean

    clean(pages[0][1])
    times = []
    for url, body in pages:
        started = time.perf_counter()
        try:
            article = clean(body, url=url)
            article.to_markdown()
            article.to_json(indent=None)
        except ArticlekitError:
            pass
        times.append(time.perf_counter() - started)
    times.sort()
    return {
        "p50": 1000 * statistics.median(times),
        "p99": 1000 * times[int(0.99 * (len(times) - 1))],
        "max": 1000 * times[-1],
    }


def expected_texts(records: list[tuple[str, bytes]]) -> dict[str, str | None]:
    from articlekit import ArticlekitError, clean

    expected: dict[str, str | None] = {}
    for url, body in records:
        try:
            expected[url] = clean(body, url=url).to_markdown()
        except ArticlekitError:
            expected[url] = None
    return expected


def read_jsonl(folder: Path, pattern: str = "**/*.json*") -> list[dict[str, object]]:
    return [
        json.loads(line)
        for path in sorted(folder.glob(pattern))
        if path.is_file()
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


@dataclass
class Engine:
    """One engine: a command for a set of WARCs and an output folder, and how to read
    back its records as (url, text, error)."""

    name: str
    command: list[str]  # `{warcs}`, `{warc_dir}` and `{out}` are filled in
    records: str  # "warc" (articlekit records), "datatrove" (documents), "spark", "none"
    parallel: int = 1  # processes cleaning at once: the plain run it is compared with
    rounds: int = ROUNDS
    sampled: bool = False  # CPU from /proc samples (processes nobody waits for)

    def argv(self, warcs: list[Path], out: Path) -> list[str]:
        argv: list[str] = []
        for part in self.command:
            if part == "{warcs}":
                argv += map(str, warcs)
            else:
                argv.append(part.format(warc_dir=warcs[0].parent, out=out))
        return argv


def engines() -> list[Engine]:
    py = sys.executable
    found = [
        Engine("plain `clean()`, one process", [py, "-c", PLAIN, "{warcs}"], "none"),
        Engine(
            "plain `clean()`, two processes at once",
            [py, "-c", PLAIN_TWICE, PLAIN, "{warcs}"],
            "none",
            parallel=2,
        ),
        Engine(
            "`articlekit warc --jobs 1`",
            [py, "-m", "articlekit", "warc", "{warcs}", "-o", "{out}", "--jobs", "1"],
            "warc",
        ),
        Engine(
            "`articlekit warc --jobs 2`",
            [py, "-m", "articlekit", "warc", "{warcs}", "-o", "{out}", "--jobs", "2"],
            "warc",
            parallel=2,
        ),
    ]
    try:
        import datatrove  # noqa: F401
    except ImportError:
        print("datatrove is not installed: no datatrove row", file=sys.stderr)
    else:
        found.append(
            Engine(
                f"datatrove local, {WARCS} tasks, 2 workers",
                [
                    py,
                    "-c",
                    DATATROVE,
                    "{warc_dir}",
                    "{out}",
                    "{out}/logs",
                    str(WARCS),
                    "2",
                    "-1",
                    "0",
                ],
                "datatrove",
                parallel=2,
            )
        )
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("pyspark is not installed: no Spark row", file=sys.stderr)
    else:
        if shutil.which("java"):
            found.append(
                Engine(
                    f"Spark `local[2]`, {WARCS} partitions (1 round)",
                    [py, "-c", SPARK, "{out}/spark", "{warcs}"],
                    "spark",
                    parallel=2,
                    rounds=1,
                    sampled=True,
                )
            )
    return [engine for engine in found if not ONLY or any(w in engine.name for w in ONLY)]


def outputs(engine: Engine, out: Path) -> list[tuple[object, object, object]]:
    if engine.records == "warc":
        rows = read_jsonl(out, "*.jsonl")
        return [(row["url"], row["text"], row["error"]) for row in rows]
    if engine.records == "spark":
        rows = read_jsonl(out / "spark", "part-*")
        return [(row.get("url"), row.get("text"), row.get("error")) for row in rows]
    if engine.records == "datatrove":
        docs = read_jsonl(out, "*.jsonl")
        return [(doc["metadata"]["url"], doc["text"], None) for doc in docs]  # type: ignore[index]
    return []


def datatrove_codes(out: Path) -> Counter[str]:
    """The error codes the reader and the extractor counted (datatrove's own stats have
    no hyphen in their names)."""
    codes: Counter[str] = Counter()
    for step in json.loads((out / "logs" / "stats.json").read_text("utf-8")):
        if "articlekit" in step["name"]:
            codes.update(
                {k: v for k, v in step["stats"].items() if "-" in k and isinstance(v, int)}
            )
    return codes


def scale_table(
    tmp: Path, records: list[tuple[str, bytes]], expected: dict[str, str | None]
) -> list[str]:
    full = write_warcs(tmp / "full", split(records, WARCS))
    ones = write_warcs(tmp / "ones", [[part[0]] for part in split(records, WARCS)])
    lines = [
        "| engine | wall s | CPU-ms per page, all processes (range of rounds) "
        "| vs plain `clean()` as parallel, median of rounds "
        "| fixed start-up (wall s / CPU s) | peak RSS MB | errors | equal to `clean()` |",
        "|---|---|---|---|---|---|---|---|",
    ]
    found = engines()
    # Every round's full and one-page runs of each engine, with the full run's output.
    runs: dict[int, list[tuple[Run, Run, Path]]] = {index: [] for index in range(len(found))}
    for round_number in range(ROUNDS):
        for index, engine in enumerate(found):
            if round_number >= engine.rounds:
                continue
            pair = []
            for shape, warcs in (("full", full), ("ones", ones)):
                out = tmp / f"out-{index}-{shape}-{round_number}"
                run = measure(engine.argv(warcs, out), sampled=engine.sampled)
                print(
                    f"round {round_number + 1}: {engine.name} ({shape}): "
                    f"{run.wall:.2f} s wall, {run.cpu:.2f} s CPU",
                    file=sys.stderr,
                )
                pair.append((run, out))
            runs[index].append((pair[0][0], pair[1][0], pair[0][1]))
    extra_pages = len(records) - WARCS
    # Each round's extra CPU for the extra pages, per page; the median round is the figure.
    round_costs = [
        [1000 * (run.cpu - fixed.cpu) / extra_pages for run, fixed, _ in runs[index]]
        for index in range(len(found))
    ]
    # The plain run of the same parallelism in the same round: the engine's cost over it,
    # round by round, so that a slow stretch of the machine weighs on both alike.
    plain_of = {e.parallel: i for i, e in reversed(list(enumerate(found))) if e.records == "none"}
    for index, engine in enumerate(found):
        costs = sorted(round_costs[index])
        per_page = statistics.median(costs)
        reference = round_costs[plain_of.get(engine.parallel, 0)]
        ratios = [cost / base for cost, base in zip(round_costs[index], reference, strict=False)]
        ratio = statistics.median(ratios)
        out = runs[index][0][2]
        wall = statistics.median(full_run.wall for full_run, _, _ in runs[index])
        fixed_wall = statistics.median(one.wall for _, one, _ in runs[index])
        fixed_cpu = statistics.median(one.cpu for _, one, _ in runs[index])
        peak = max(full_run.peak_mb for full_run, _, _ in runs[index])
        rows = outputs(engine, out)
        good = [(url, text) for url, text, error in rows if not error]
        codes = (
            datatrove_codes(out)
            if engine.records == "datatrove"
            else Counter(str(error) for _, _, error in rows if error)
        )
        equal = (
            f"{sum(text == expected.get(str(url)) for url, text in good)} / {len(good)}"
            if engine.records != "none"
            else "(the reference)"
        )
        spread = f" ({costs[0]:.1f}–{costs[-1]:.1f})" if len(costs) > 1 else ""
        lines.append(
            f"| {engine.name} | {wall:.2f} | {per_page:.1f}{spread} | "
            f"{ratio - 1:+.0%} | "
            f"{fixed_wall:.2f} / {fixed_cpu:.2f} | {peak:.0f} | "
            f"{dict(sorted(codes.items())) or '—'} | {equal} |"
        )
    return lines


def multi_node(
    tmp: Path, records: list[tuple[str, bytes]], expected: dict[str, str | None]
) -> list[str]:
    """Three 'nodes' share a logging folder, two tasks each (rank offsets 0, 2, 4); the
    second is killed after its first task and started again."""
    tasks, nodes = 6, 3
    source = tmp / "nodes-warcs"
    write_warcs(source, split(records, tasks))
    out, logs = tmp / "nodes-out", tmp / "nodes-logs"

    def node(number: int) -> subprocess.Popen[bytes]:
        argv = [
            sys.executable, "-c", DATATROVE, str(source), str(out), str(logs),
            str(tasks), "1", "2", str(2 * number),
        ]  # fmt: skip
        return subprocess.Popen(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )

    started = time.perf_counter()
    running = [node(n) for n in range(nodes)]
    first_of_victim = logs / "completions" / "00002"
    deadline = time.monotonic() + 600
    while not first_of_victim.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(running[1].pid, signal.SIGKILL)
    running[1].wait()
    done_when_killed = sorted(p.name for p in (logs / "completions").iterdir())
    kept_output = (out / "00002.jsonl").stat().st_mtime_ns
    for process in running:
        process.wait()
    rerun = node(1)
    rerun.wait()
    wall = time.perf_counter() - started
    docs = read_jsonl(out, "*.jsonl")
    urls = [doc["metadata"]["url"] for doc in docs]  # type: ignore[index]
    good = sum(text is not None for text in expected.values())
    completed = sorted(p.name for p in (logs / "completions").iterdir())
    skipped = (out / "00002.jsonl").stat().st_mtime_ns == kept_output
    return [
        f"Multi-node datatrove: {nodes} processes × 2 tasks (rank offsets 0, 2, 4), one "
        f"logging folder; node 2 killed (SIGKILL) with completions {done_when_killed} on "
        f"disk, then started again: {len(docs)} documents for {good} cleanable pages, "
        f"{len(urls) - len(set(urls))} duplicates, tasks completed {len(completed)} / {tasks}, "
        f"the killed node's finished task {'skipped' if skipped else 'redone'} on the rerun; "
        f"{wall:.1f} s in all.",
    ]


def main() -> int:
    pages = dev_pages()
    records = pages + BAD_RECORDS
    late = latency(pages)
    lines = [
        f"### Scale: {len(pages)} dev HTML pages + {len(BAD_RECORDS)} bad records in {WARCS} "
        f"WARCs, median of {ROUNDS} rounds",
        "",
        f"Plain `clean()` page latency (warm, with the Markdown and JSON a record holds): "
        f"p50 {late['p50']:.1f} ms, p99 {late['p99']:.1f} ms, max {late['max']:.1f} ms.",
        "",
    ]
    expected = expected_texts(records)
    with tempfile.TemporaryDirectory() as tmp:
        lines += scale_table(Path(tmp), records, expected)
        if any(engine.records == "datatrove" for engine in engines()):
            lines += ["", *multi_node(Path(tmp), records, expected)]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
