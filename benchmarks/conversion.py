#!/usr/bin/env python3
"""Conversion benchmark: OpenCC's own test data through `articlekit.convert`, a second
pass over every converted dev page, and `articlekit convert` throughput end to end.

    python benchmarks/conversion.py          # also run by benchmarks/run.py

Cases come from `../shared/bench/opencc` (falling back to the copy in `fixtures/opencc`);
the dev pages are the seed and every `../shared/bench/dev/zh-*` page, cleaned to Markdown.
Throughput is `articlekit convert FILE --to zh-TW -o OUT` on two files of about 5 MB of
Simplified text (OpenCC's golden text repeated, and the dev pages' Markdown repeated):
wall time of the whole command, median of three runs, in characters per second.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from articlekit.export.traditional import CONFIGURATIONS

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
OPENCC = BENCH / "opencc" if (BENCH / "opencc").is_dir() else ROOT / "fixtures" / "opencc"
SEED = ROOT / "fixtures" / "seed" / "infoq-sora-talk.txt"
TARGETS = {"zh-Hant": "s2t", "zh-TW": "s2twp", "zh-HK": "s2hk"}
FILE_BYTES = 5_000_000
RUNS = 3


def opencc_cases() -> dict[str, tuple[int, int]]:
    """(passed, cases) per configuration, on OpenCC's testcases.json."""
    from articlekit import convert

    cases = json.loads((OPENCC / "testcases.json").read_text("utf-8"))["cases"]
    scores = {}
    for config, (to, source) in CONFIGURATIONS.items():
        mine = [c for c in cases if config in c["expected"]]
        passed = sum(
            convert(c["input"], to=to, source=source) == c["expected"][config] for c in mine
        )
        scores[config] = (passed, len(mine))
    return scores


#: The golden texts: `golden/` in the bench, beside testcases.json in the fixtures copy.
GOLDEN = OPENCC / "golden" if (OPENCC / "golden").is_dir() else OPENCC


def golden() -> dict[str, bool]:
    from articlekit import convert

    folder = GOLDEN
    source = (folder / "us_constitution_zhs.txt").read_text("utf-8")
    return {
        config: convert(source, to=to)
        == (folder / f"us_constitution_zhs.{config}.txt").read_text("utf-8")
        for to, config in TARGETS.items()
    }


def dev_markdown() -> dict[str, str]:
    """The seed and every dev/zh-* page, cleaned to Markdown (Simplified pages)."""
    from articlekit import ArticlekitError, clean

    pages = {"seed": clean(SEED.read_bytes()).to_markdown()}
    for corpus in sorted((BENCH / "dev").glob("zh-*")):
        for line in (corpus / "manifest.jsonl").read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                try:
                    pages[f"{corpus.name}/{row['id']}"] = clean(
                        (corpus / row["input"]).read_bytes()
                    ).to_markdown()
                except ArticlekitError:
                    continue
    return pages


def second_pass(pages: dict[str, str]) -> dict[str, dict[str, int]]:
    """Per target: pages whose converted Markdown a second conversion changes, pages
    where the first conversion differs from OpenCC's own output (code spans and URLs
    are left alone on purpose), and pages that OpenCC itself changes on a second pass."""
    import opencc

    from articlekit import convert

    report = {}
    for to, config in TARGETS.items():
        engine = opencc.OpenCC(config)
        changed = differs = engine_changes = 0
        for text in pages.values():
            once = convert(text, to=to)
            changed += convert(once, to=to) != once
            plain = engine.convert(text)
            differs += once != plain
            engine_changes += engine.convert(plain) != plain
        report[to] = {
            "pages": len(pages),
            "changed_by_second_pass": changed,
            "differs_from_opencc": differs,
            "opencc_changes_its_own_output": engine_changes,
        }
    return report


def throughput(pages: dict[str, str]) -> dict[str, float]:
    """`articlekit convert --to zh-TW` end to end on ~5 MB files: characters per second."""
    texts = {"OpenCC golden text": (GOLDEN / "us_constitution_zhs.txt").read_text("utf-8")}
    texts["dev pages' Markdown"] = "\n".join(pages.values())
    speeds = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in texts.items():
            while len(text.encode()) < FILE_BYTES:
                text += "\n" + text
            text = text.encode()[:FILE_BYTES].decode("utf-8", "ignore")
            path = Path(tmp) / "in.md"
            path.write_text(text, "utf-8")
            cmd = [sys.executable, "-m", "articlekit", "convert", str(path), "--to", "zh-TW"]
            times = []
            for _ in range(RUNS):
                started = time.perf_counter()
                subprocess.run([*cmd, "-o", str(Path(tmp) / "out.md")], check=True)
                times.append(time.perf_counter() - started)
            speeds[f"{name} ({len(text):,} chars)"] = len(text) / statistics.median(times)
    return speeds


def report() -> tuple[str, dict[str, object]]:
    cases = opencc_cases()
    gold = golden()
    lines = [
        "### Conversion (OpenCC test data; second pass over dev pages; `convert` end to end)",
        "",
    ]
    lines.append("| configuration | articlekit target | cases passed | golden text |")
    lines.append("|---|---|---|---|")
    for config, (to, source) in CONFIGURATIONS.items():
        passed, total = cases[config]
        target = to + (f" --from {source}" if source else "")
        lines.append(f"| {config} | {target} | {passed} / {total} | {_yes(gold.get(config))} |")
    data: dict[str, object] = {"cases": cases, "golden": gold}
    if (BENCH / "dev").is_dir():
        pages = dev_markdown()
        passes = second_pass(pages)
        data["second_pass"] = passes
        lines += [
            "",
            "| target | pages | changed by a second pass | differ from OpenCC | OpenCC changes its own output |",
        ]
        lines.append("|---|---|---|---|---|")
        for to, row in passes.items():
            lines.append(
                f"| {to} | {row['pages']} | {row['changed_by_second_pass']} | "
                f"{row['differs_from_opencc']} | {row['opencc_changes_its_own_output']} |"
            )
        speeds = throughput(pages)
        data["convert_chars_per_second"] = speeds
        lines += [
            "",
            "| `articlekit convert FILE --to zh-TW` (median of 3) | characters/s |",
            "|---|---|",
        ]
        lines += [f"| {name} | {speed:,.0f} |" for name, speed in speeds.items()]
    return "\n".join(lines), data


def _yes(value: bool | None) -> str:
    return "–" if value is None else ("yes" if value else "NO")


if __name__ == "__main__":
    print(report()[0])
