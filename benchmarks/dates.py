#!/usr/bin/env python3
"""Publication dates beside trafilatura's, on every dev HTML page, in one run.

    pip install -e '.[bench]'
    python benchmarks/dates.py            # ../shared/bench/dev

A date is right when it is the date the page shows as its publication date. Where
articlekit and trafilatura give the same date it is taken as right (a sample of twelve
such pages checked by hand held it); every page where they differ was checked by hand
and its date is in `dates-checked.json`. A page that differs and is not in that file
is printed as unchecked and scored as neither right nor wrong, so a change that moves
a date shows up here until someone looks at the page.
"""

from __future__ import annotations

import json
import sys
import warnings
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from halves import half_of, site_of  # noqa: E402

DEV = HERE.parent.parent / "shared" / "bench" / "dev"
CHECKED = json.loads((HERE / "dates-checked.json").read_text())["pages"]
UNCHECKED = object()


def main() -> None:
    import logging

    import trafilatura

    import articlekit

    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    found: Counter[str] = Counter()
    right: Counter[str] = Counter()
    right_dates: Counter[str] = Counter()
    either: Counter[str] = Counter()
    unchecked = []
    pages = 0
    for manifest in sorted(DEV.glob("*/manifest.jsonl")):
        corpus = manifest.parent
        for line in manifest.read_text().splitlines():
            row = json.loads(line)
            if not row["input"].endswith(".html"):
                continue
            raw = (corpus / row["input"]).read_bytes()
            try:
                ours = articlekit.clean(raw).published
            except articlekit.ArticlekitError:
                ours = None
            metadata = trafilatura.extract_metadata(raw)
            theirs = (metadata.date or None) if metadata else None
            theirs = theirs[:10] if theirs else None
            key = f"{corpus.name}/{row['id']}"
            truth = CHECKED[key][0] if key in CHECKED else ours if ours == theirs else UNCHECKED
            if truth is UNCHECKED:
                unchecked.append((key, ours, theirs))
            pages += 1
            dated = ours is not None or theirs is not None
            half = half_of(site_of(corpus, row))
            for group in ("all", half):
                either[group] += dated
                for name, date in (("articlekit", ours), ("trafilatura", theirs)):
                    found[group, name] += date is not None
                    is_right = dated and truth is not UNCHECKED and date == truth
                    right[group, name] += is_right
                    right_dates[group, name] += is_right and date is not None
    print(f"Publication dates on {pages} dev HTML pages (right: the date the page shows)\n")
    print(
        "| system | half | pages with a date | with the right date "
        "| right (a missing date too), of pages where either finds one |"
    )
    print("|---|---|---|---|---|")
    for group in ("all", "A", "B"):
        for name in ("articlekit", "trafilatura"):
            share = right[group, name] / either[group] if either[group] else 0.0
            print(
                f"| {name} | {group} | {found[group, name]} | {right_dates[group, name]} "
                f"| {right[group, name]} / {either[group]} ({share:.1%}) |"
            )
    for key, ours, theirs in unchecked:
        print(f"unchecked: {key} articlekit {ours} trafilatura {theirs}")


if __name__ == "__main__":
    main()
