#!/usr/bin/env python3
"""articlekit beside the anchors, on the same pages, in one run: accuracy and speed.

    pip install -U pip && pip install -e '.[bench]'
    python benchmarks/run.py                       # every corpus under ../shared/bench/dev
    python benchmarks/run.py DIR [DIR …] --systems articlekit,trafilatura --no-speed

A corpus is a folder with `manifest.jsonl` (id, input, gold) as in `shared/bench`; with
no argument and no `../shared/bench/dev`, the small corpus in `fixtures/corpus` is used.
Prints Markdown tables and writes every number to `benchmarks/results/latest.json`.
Speed is measured in-process on one core; start-up in subprocesses (median of runs).
All speed figures are reported beside the anchors measured in the same run.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import multiprocessing.pool

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from anchors import SYSTEMS  # noqa: E402
from halves import half_of, site_of  # noqa: E402
from scoring import Counts, compare, summarise  # noqa: E402

DEV = ROOT.parent / "shared" / "bench" / "dev"
SEED = ROOT / "fixtures" / "seed" / "infoq-sora-talk.txt"
STARTUP_RUNS = 7
BATCH_RUNS = 5
#: Systems timed for pages/s, and interleaved rounds (the best round counts).
SPEED_SYSTEMS = ("articlekit", "trafilatura", "readability-lxml")
SPEED_ROUNDS = 5
#: An article is lost on a page when articlekit's F1 is below LOST_BELOW while an
#: anchor's is at least ANCHOR_GOT (the failure users of every extractor hit most).
LOST_BELOW = 0.5
ANCHOR_GOT = 0.8
#: Pages in the batch folder (issue #5; about 400 since issue #20, the dev pages once
#: and then again under other names).
BATCH_PAGES = 400
#: Commands are timed as a user runs them, with Python's bytecode cache on. pip
#: precompiles the anchors when it installs them; an editable install under
#: PYTHONDONTWRITEBYTECODE would instead compile articlekit's source on every run
#: (about 15 ms), which no user of a default Python pays after the first run.
COMMAND_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Result:
    system: str
    corpus: str
    scores: dict[str, float] = field(default_factory=dict)
    failures: int = 0
    seconds: float = 0.0
    pages: int = 0
    #: Per page: its counts, and the dev half (A or B) of its site.
    docs: dict[str, Counts] = field(default_factory=dict)
    halves: dict[str, str] = field(default_factory=dict)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def main() -> int:
    args = _parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    corpora = args.corpora or _default_corpora()
    systems = [s for s in args.systems.split(",") if _available(s)]
    missing = [s for s in args.systems.split(",") if s not in systems]
    if missing:
        print(f"(not installed, skipped: {', '.join(missing)}; pip install -e '.[bench]')\n")
    results = [run_corpus(corpus, system) for corpus in corpora for system in systems]
    lost = lost_articles(results)
    report: dict[str, object] = {
        "accuracy": [_as_json(r) for r in results],
        "lost": lost,
        "halves": halves_report(results),
    }
    print(accuracy_table(results, systems, lost))
    print(halves_table(results))
    if not args.no_speed:
        speed = measure_speed(results, corpora)
        report["speed"] = speed
        print(speed_table(speed))
    seed = seed_structure()
    if seed:
        report["seed"] = seed
        print("\n### Seed structure (segscore)\n\n" + seed)
    if not args.no_speed:
        from conversion import report as conversion_report

        table, report["conversion"] = conversion_report()
        print("\n" + table)
    interviews = qa_structure()
    if interviews:
        report["qa"] = interviews
        for kind, table in interviews.items():
            print(f"\n### Interview structure, dev/qa {kind} (segscore)\n\n{table}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False), "utf-8")
    print(f"\n(numbers written to {out})")
    return 0


def run_corpus(corpus: Path, system: str) -> Result:
    """Score one system on one corpus, timing each extraction in-process."""
    _, extract = SYSTEMS[system]
    rows = [
        json.loads(line)
        for line in (corpus / "manifest.jsonl").read_text().splitlines()
        if line.strip()
    ]
    result = Result(system=system, corpus=corpus.name, pages=len(rows))
    # Anchors loaded earlier (jieba's dictionary, NLTK data) leave millions of objects on
    # the heap; freezing them keeps the garbage collector from charging their cost to
    # whichever system happens to run after them.
    gc.collect()
    gc.freeze()
    for index, row in enumerate(rows):
        data = (corpus / row["input"]).read_bytes()
        is_text = row["input"].endswith(".txt")
        if index == 0:
            _safe(extract, data, is_text)  # warm-up: imports and caches are not timed
        started = time.perf_counter()
        text = _safe(extract, data, is_text)
        result.seconds += time.perf_counter() - started
        result.failures += not text.strip()
        result.docs[row["id"]] = compare((corpus / row["gold"]).read_text("utf-8"), text)
        result.halves[row["id"]] = half_of(site_of(corpus, row))
    result.scores = summarise(list(result.docs.values()))
    return result


def f1_of(counts: Counts) -> float:
    """One page's F1 from its counts."""
    hit, extra, missed = counts
    return 2 * hit / (2 * hit + extra + missed) if hit else 0.0


def lost_articles(results: list[Result]) -> dict[str, list[str]]:
    """Per corpus, the pages where articlekit lost the article that an anchor found."""
    lost: dict[str, list[str]] = {}
    for mine in (r for r in results if r.system == "articlekit"):
        anchors = [r for r in results if r.corpus == mine.corpus and r.system != "articlekit"]
        lost[mine.corpus] = [
            page
            for page, counts in mine.docs.items()
            if f1_of(counts) < LOST_BELOW
            and any(f1_of(a.docs[page]) >= ANCHOR_GOT for a in anchors if page in a.docs)
        ]
    return lost


def halves_report(results: list[Result]) -> dict[str, dict[str, dict[str, float]]]:
    """Per corpus and system, F1 on half A (develop) and half B (check)."""
    report: dict[str, dict[str, dict[str, float]]] = {}
    for result in results:
        row = report.setdefault(result.corpus, {}).setdefault(result.system, {})
        for half in ("A", "B"):
            docs = [c for page, c in result.docs.items() if result.halves[page] == half]
            row[half] = summarise(docs)["f1"] if docs else 0.0
            row[f"{half}_pages"] = float(len(docs))
    return report


def accuracy_table(results: list[Result], systems: list[str], lost: dict[str, list[str]]) -> str:
    lines = [
        "### Body F1 (P / R) per corpus — failures in brackets; lost: articlekit F1 < "
        f"{LOST_BELOW} where an anchor gets ≥ {ANCHOR_GOT}\n"
    ]
    lines.append("| corpus | " + " | ".join(systems) + " | lost |")
    lines.append("|---|" + "---|" * (len(systems) + 1))
    for corpus in dict.fromkeys(r.corpus for r in results):
        row = {r.system: r for r in results if r.corpus == corpus}
        best = max(row[s].scores["f1"] for s in systems)
        cells = []
        for s in systems:
            r = row[s]
            f1 = f"{r.scores['f1']:.3f}"
            f1 = f"**{f1}**" if r.scores["f1"] == best else f1
            fail = f" [{r.failures}]" if r.failures else ""
            cells.append(f"{f1} ({r.scores['precision']:.2f}/{r.scores['recall']:.2f}){fail}")
        pages = lost.get(corpus, [])
        cells.append(f"{len(pages)}" + (f": {', '.join(p[:16] for p in pages)}" if pages else ""))
        lines.append(f"| {corpus} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def halves_table(results: list[Result]) -> str:
    """articlekit beside the better of trafilatura and readability-lxml, per half."""
    report = halves_report(results)
    lines = [
        "\n### Dev halves by site: A (develop) / B (check) — body F1\n",
        "| corpus | pages A / B | articlekit A | articlekit B | best anchor A | best anchor B |",
        "|---|---|---|---|---|---|",
    ]
    for corpus, systems in report.items():
        mine = systems.get("articlekit")
        anchors = [v for k, v in systems.items() if k in ("trafilatura", "readability-lxml")]
        if mine is None:
            continue
        best = {h: max((a[h] for a in anchors), default=0.0) for h in ("A", "B")}
        lines.append(
            f"| {corpus} | {mine['A_pages']:.0f} / {mine['B_pages']:.0f} | {mine['A']:.3f} | "
            f"{mine['B']:.3f} | {best['A']:.3f} | {best['B']:.3f} |"
        )
    return "\n".join(lines)


def measure_speed(results: list[Result], corpora: list[Path]) -> dict[str, object]:
    """Pages/s over all HTML and all text pages; start-up; conversion; batch."""
    speed: dict[str, object] = {}
    systems = [s for s in SPEED_SYSTEMS if s in {r.system for r in results}]
    for kind, suffix in (("html", ".html"), ("text", ".txt")):
        pages = [page for corpus in corpora for page in _inputs(corpus) if page.suffix == suffix]
        if pages:  # raw-text corpora alone have no HTML page to time, and the reverse
            speed[f"{kind}_pages_per_second"] = _best_pages_per_second(pages, systems)
    speed["startup_seconds"] = {
        "articlekit --version": _median_run(["articlekit", "--version"]),
        "trafilatura --version": _median_run(["trafilatura", "--version"]),
        "articlekit clean SEED": _median_run(["articlekit", "clean", str(SEED)]),
    }
    speed["opencc_chars_per_second"] = _conversion_speed()
    speed["batch"] = _batch_speed()
    return speed


def _inputs(corpus: Path) -> list[Path]:
    return [
        corpus / json.loads(line)["input"]
        for line in (corpus / "manifest.jsonl").read_text().splitlines()
        if line.strip()
    ]


def _best_pages_per_second(pages: list[Path], systems: list[str]) -> dict[str, float]:
    """Each system's best full pass over the pages, in rounds that rotate the systems.

    This machine's speed drifts by a quarter within a minute (shared cores); a single
    pass per system lets that drift decide a ratio, the best of interleaved rounds
    does not.
    """
    inputs = [(page.read_bytes(), page.suffix == ".txt") for page in pages]
    best: dict[str, float] = {}
    gc.collect()
    gc.freeze()
    for round_index in range(SPEED_ROUNDS):
        turn = round_index % len(systems) if systems else 0
        for system in systems[turn:] + systems[:turn]:
            extract = SYSTEMS[system][1]
            _safe(extract, *inputs[0])  # warm-up: imports and caches are not timed
            started = time.perf_counter()
            for data, is_text in inputs:
                _safe(extract, data, is_text)
            elapsed = time.perf_counter() - started
            best[system] = min(best.get(system, elapsed), elapsed)
    return {system: len(inputs) / seconds for system, seconds in best.items() if seconds}


def speed_table(speed: dict[str, object]) -> str:
    lines = [
        "\n### Speed (in-process, one core; pages/s: best of "
        f"{SPEED_ROUNDS} interleaved rounds; ratios to anchors in this run)\n"
    ]
    lines.append(
        "| measure | articlekit | trafilatura | readability-lxml | articlekit ÷ trafilatura |"
    )
    lines.append("|---|---|---|---|---|")
    for kind in ("html", "text"):
        pps = speed.get(f"{kind}_pages_per_second")
        if not isinstance(pps, dict) or "articlekit" not in pps:
            continue
        ours, theirs = pps["articlekit"], pps.get("trafilatura")
        ratio = f"{ours / theirs:.2f}×" if theirs else "–"
        cells = [
            f"{pps[s]:.1f}" if s in pps else "–"
            for s in ("articlekit", "trafilatura", "readability-lxml")
        ]
        lines.append(f"| {kind} pages/s | " + " | ".join(cells) + f" | {ratio} |")
    startup = speed["startup_seconds"]
    assert isinstance(startup, dict)
    ours, theirs = startup["articlekit --version"], startup["trafilatura --version"]
    ratio = f"{ours / theirs:.2f}×" if ours and theirs else "–"
    lines.append(
        f"| `--version` start-up (s, median of {STARTUP_RUNS}) | {_fmt(ours)} | {_fmt(theirs)} | – | {ratio} |"
    )
    lines.append(
        f"| `articlekit clean SEED` (s) | {_fmt(startup['articlekit clean SEED'])} | – | – | – |"
    )
    lines.append(f"| OpenCC zh-TW chars/s | {speed['opencc_chars_per_second']:,.0f} | – | – | – |")
    batch = speed.get("batch")
    if isinstance(batch, dict) and batch:
        lines.append(
            f"| batch `--jobs 1` / `--jobs 2` (s, {batch['files']} files, median of {BATCH_RUNS}) | "
            f"{batch['jobs1']:.2f} / {batch['jobs2']:.2f} | – | – | speed-up {batch['jobs1'] / batch['jobs2']:.2f}× |"
        )
        lines.append(
            f"| two-process ceiling: the same cleaning work, warm, 2 processes vs 1 "
            f"(median of {BATCH_RUNS}) | {batch['ceiling']:.2f}× | – | – | "
            f"batch reaches {batch['jobs1'] / batch['jobs2'] / batch['ceiling']:.0%} of it |"
        )
    return "\n".join(lines)


def seed_structure() -> str | None:
    segscore = ROOT.parent / "shared" / "bench" / "segscore.py"
    gold = ROOT / "fixtures" / "seed" / "infoq-sora-talk.gold.json"
    if not segscore.exists():
        return None
    from articlekit import clean

    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "seed.json"
        pred.write_text(clean(SEED.read_bytes()).to_json(), "utf-8")
        done = subprocess.run(
            [sys.executable, str(segscore), str(gold), str(pred)], capture_output=True, text=True
        )
    return "```\n" + done.stdout.strip() + "\n```"


def qa_structure() -> dict[str, str]:
    """segscore's table for the dev interviews, from raw text and from HTML."""
    segscore = ROOT.parent / "shared" / "bench" / "segscore.py"
    qa = ROOT.parent / "shared" / "bench" / "dev" / "qa"
    if not segscore.exists() or not qa.is_dir():
        return {}
    from articlekit import clean

    tables = {}
    for kind, suffix in (("raw text", ".txt"), ("HTML", ".html")):
        with tempfile.TemporaryDirectory() as tmp:
            for gold in sorted(qa.glob("*.gold.json")):
                page = qa / (gold.name.removesuffix(".gold.json") + suffix)
                article = clean(page.read_bytes())
                (Path(tmp) / (page.stem + ".json")).write_text(article.to_json(), "utf-8")
            done = subprocess.run(
                [sys.executable, str(segscore), str(qa), tmp], capture_output=True, text=True
            )
        tables[kind] = done.stdout.strip()
    return tables


def _conversion_speed() -> float:
    from articlekit import clean, convert

    text = clean(SEED.read_bytes()).to_text()
    convert(text, to="zh-TW")
    started = time.perf_counter()
    for _ in range(5):
        convert(text, to="zh-TW")
    return 5 * len(text) / (time.perf_counter() - started)


def _batch_speed() -> dict[str, float]:
    """`articlekit batch` --jobs 1 vs 2 on the folder of issue #5 (see `_batch_folder`),
    in the same rounds as the machine's own two-process ceiling (`_ceiling_round`), so
    that drift in the machine's speed hits both alike."""
    if not DEV.exists() or not shutil.which("articlekit"):
        return {}
    help_text = subprocess.run(["articlekit", "--help"], capture_output=True, text=True).stdout
    if "batch" not in help_text:
        return {}
    import multiprocessing

    with tempfile.TemporaryDirectory() as tmp, multiprocessing.Pool(2, _all_cores) as pool:
        source = Path(tmp) / "in"
        files = _batch_folder(source)
        pool.map(_clean_folder_in_process, [source, source], chunksize=1)  # warm
        for jobs in (1, 2):  # warm-up: bytecode and disk caches
            _timed_batch(source, Path(tmp) / f"out{jobs}", jobs)
        runs: dict[str, list[float]] = {"jobs1": [], "jobs2": [], "serial": [], "parallel": []}
        for _ in range(BATCH_RUNS):
            for jobs in (1, 2):
                runs[f"jobs{jobs}"].append(_timed_batch(source, Path(tmp) / f"out{jobs}", jobs))
            serial, parallel = _ceiling_round(pool, source)
            runs["serial"].append(serial)
            runs["parallel"].append(parallel)
    median = {k: statistics.median(v) for k, v in runs.items()}
    return {
        "files": files,
        "jobs1": median["jobs1"],
        "jobs2": median["jobs2"],
        "ceiling": median["serial"] / median["parallel"],
    }


def _timed_batch(source: Path, out: Path, jobs: int) -> float:
    """Seconds of one `articlekit batch` run rewriting every output (`--force`)."""
    cmd = ["articlekit", "batch", str(source), "-o", str(out), "--jobs", str(jobs)]
    started = time.perf_counter()
    subprocess.run(
        [*cmd, "--format", "json", "--force"],
        capture_output=True,
        env=COMMAND_ENV,
        preexec_fn=_all_cores,
    )
    return time.perf_counter() - started


def _ceiling_round(pool: multiprocessing.pool.Pool, source: Path) -> tuple[float, float]:
    """The batch's own work — cleaning every page of the folder in warm processes, no
    start-up — done twice in one process, then once in each of two at the same time.
    Their ratio is the most any `--jobs 2` run can reach on this machine now (shared
    caches, hyper-threads and steal time keep it below 2)."""
    started = time.perf_counter()
    pool.apply(_clean_folder_in_process, (source,))
    pool.apply(_clean_folder_in_process, (source,))
    serial = time.perf_counter() - started
    started = time.perf_counter()
    pool.map(_clean_folder_in_process, [source, source], chunksize=1)
    return serial, time.perf_counter() - started


def _batch_folder(source: Path) -> int:
    """BATCH_PAGES dev pages (HTML in several encodings and raw text, from every corpus
    in turn, then the same again under other names) in nested folders, plus a
    random-bytes `.html` and an empty file."""
    queues = [
        [p for p in sorted(c.glob("*")) if p.suffix in (".html", ".txt") and ".gold" not in p.name]
        for c in sorted(DEV.iterdir())
        if c.is_dir()
    ]
    interleaved: list[Path] = []
    while any(queues):
        for queue in queues:
            if queue:
                interleaved.append(queue.pop(0))
    if not interleaved:
        return 0
    for index in range(BATCH_PAGES):
        page = interleaved[index % len(interleaved)]
        folder = source / page.parent.name / f"part{index % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(page, folder / f"{index // len(interleaved)}-{page.name}")
    (source / "random.html").write_bytes(random.Random(0).randbytes(4096))
    (source / "empty.txt").write_bytes(b"")
    return BATCH_PAGES + 2


def _clean_folder_in_process(source: Path) -> int:
    from articlekit import ArticlekitError, clean

    cleaned = 0
    for page in sorted(source.rglob("*.*")):
        try:
            clean(page.read_bytes()).to_text()
            cleaned += 1
        except ArticlekitError:
            pass
    return cleaned


def _all_cores() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, range(os.cpu_count() or 1))


def _median_run(cmd: list[str]) -> float | None:
    if not shutil.which(cmd[0]):
        return None
    subprocess.run(cmd, capture_output=True, env=COMMAND_ENV)  # warm-up: bytecode, disk cache
    times = []
    for _ in range(STARTUP_RUNS):
        started = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=COMMAND_ENV)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _safe(extract, data: bytes, is_text: bool) -> str:  # type: ignore[no-untyped-def]
    try:
        return str(extract(data, is_text) or "")
    except Exception:  # noqa: BLE001 - an anchor's crash is a counted failure, not the end of the run
        return ""


def _available(system: str) -> bool:
    if system not in SYSTEMS:
        return False
    return importlib.util.find_spec(SYSTEMS[system][0]) is not None


def _default_corpora() -> list[Path]:
    if DEV.exists():
        return sorted(p for p in DEV.iterdir() if (p / "manifest.jsonl").exists())
    return [ROOT / "fixtures" / "corpus"]


def _fmt(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else "–"


def _as_json(result: Result) -> dict[str, object]:
    return {
        "system": result.system,
        "corpus": result.corpus,
        **result.scores,
        "failures": result.failures,
        "pages": result.pages,
        "pages_per_second": result.pages_per_second,
    }


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "corpora", nargs="*", type=Path, help="corpus folders (default: every dev corpus)"
    )
    parser.add_argument(
        "--systems", default=",".join(SYSTEMS), help="comma-separated systems to compare"
    )
    parser.add_argument("--no-speed", action="store_true", help="accuracy only")
    parser.add_argument(
        "--out", default=str(HERE / "results" / "latest.json"), help="JSON output path"
    )
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(main())
