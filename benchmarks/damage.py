#!/usr/bin/env python3
"""Broken markup: the dev pages with end tags removed, articlekit beside the anchors.

    python benchmarks/damage.py                      # every HTML dev corpus, all tags
    python benchmarks/damage.py DIR [DIR …] --tags div,a --systems articlekit,trafilatura

Pages from sites nobody tuned to break in ways the dev pages do not: a header, a link,
a hidden div or a list whose end tag the markup forgot runs, in libxml2's tree, over
the rest of the page. This run makes that damage on purpose — for each page and each
tag, the first third of that tag's end tags are removed — and scores every system on
the damaged page against the page's gold. It is a test of robustness, not a corpus to
tune on: a rule that only fixes one damaged page fixes nothing.

Prints body F1 per corpus and tag, and the pages where articlekit lost the article
(F1 < 0.5) that an anchor found (≥ 0.8).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from anchors import SYSTEMS  # noqa: E402
from run import ANCHOR_GOT, DEV, LOST_BELOW, f1_of  # noqa: E402
from scoring import compare  # noqa: E402

TAGS = ("div", "a", "ul", "li", "table", "p", "span")
#: Share of a tag's end tags removed, from the top of the page.
DAMAGED_SHARE = 3
_CHARSET_RE = re.compile(r"charset=[\"']?[\w-]+", re.IGNORECASE)


def damaged(page: str, tag: str) -> str | None:
    """The page without the first third of its `</tag>` end tags (None without any).

    >>> damaged("<div>a</div><div>b</div><div>c</div>", "div")
    '<div>a<div>b</div><div>c</div>'
    """
    end = f"</{tag}>"
    found = [m.start() for m in re.finditer(re.escape(end), page, re.IGNORECASE)]
    if not found:
        return None
    for start in reversed(found[: max(1, len(found) // DAMAGED_SHARE)]):
        page = page[:start] + page[start + len(end) :]
    return page


def main() -> int:
    args = _parse_args()
    from articlekit.read.load import decode

    systems = args.systems.split(",")
    scores: dict[tuple[str, str, str], list[float]] = {}
    lost: list[str] = []
    for corpus in args.corpora or _html_corpora():
        rows = [json.loads(line) for line in (corpus / "manifest.jsonl").open() if line.strip()]
        for row in rows:
            page = decode((corpus / row["input"]).read_bytes())[0]
            gold = (corpus / row["gold"]).read_text("utf-8")
            for tag in args.tags.split(","):
                broken = damaged(page, tag)
                if broken is None:
                    continue
                data = _CHARSET_RE.sub("charset=utf-8", broken, count=1).encode("utf-8")
                f1 = {s: f1_of(compare(gold, _extract(s, data))) for s in systems}
                for system, value in f1.items():
                    scores.setdefault((corpus.name, tag, system), []).append(value)
                anchors = [v for s, v in f1.items() if s != "articlekit"]
                if f1.get("articlekit", 1.0) < LOST_BELOW and max(anchors, default=0) >= ANCHOR_GOT:
                    lost.append(f"{corpus.name}/{row['id']} without a third of </{tag}>")
    print(_table(scores, systems))
    print(f"\nLost articles (articlekit < {LOST_BELOW}, an anchor >= {ANCHOR_GOT}): {len(lost)}")
    for page in lost:
        print(f"- {page}")
    return 0


def _extract(system: str, data: bytes) -> str:
    try:
        return str(SYSTEMS[system][1](data, False) or "")
    except Exception:  # noqa: BLE001 - a crash on damaged markup is a score of 0, not the end
        return ""


def _table(scores: dict[tuple[str, str, str], list[float]], systems: list[str]) -> str:
    lines = [
        "### Body F1 on damaged pages (mean over pages)\n",
        "| corpus | damage | pages | " + " | ".join(systems) + " |",
        "|---|---|---|" + "---|" * len(systems),
    ]
    for corpus, tag in dict.fromkeys((c, t) for c, t, _ in scores):
        cells = [scores[(corpus, tag, s)] for s in systems]
        best = max(sum(c) / len(c) for c in cells)
        shown = [f"{sum(c) / len(c):.3f}" for c in cells]
        shown = [f"**{v}**" if float(v) == round(best, 3) else v for v in shown]
        lines.append(f"| {corpus} | </{tag}> | {len(cells[0])} | " + " | ".join(shown) + " |")
    return "\n".join(lines)


def _html_corpora() -> list[Path]:
    return sorted(
        p for p in DEV.iterdir() if (p / "manifest.jsonl").exists() and not p.name.endswith("-text")
    )


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpora", nargs="*", type=Path, help="HTML corpus folders")
    parser.add_argument("--tags", default=",".join(TAGS), help="end tags to remove")
    parser.add_argument(
        "--systems", default="articlekit,trafilatura,readability-lxml", help="systems to compare"
    )
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(main())
