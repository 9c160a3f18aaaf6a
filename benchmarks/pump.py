#!/usr/bin/env python3
"""Pump every compiled pattern in articlekit with adversarial text; report the ones
whose time grows faster than the text.

    python benchmarks/pump.py                 # every module-level pattern
    python benchmarks/pump.py --size 20000    # a bigger pump

A pattern that runs on page text must be linear: one page with a long run of digits,
spaces or repeated words must not stall a batch. For each pattern and each pumped
string (runs of one character class, alternations of two, and the pattern's own
literal words repeated), `search` and `match` are timed at n and at 2n characters in
the same run; a pattern whose time more than triples when the text doubles (and takes
at least a millisecond) is listed. Ratios, not times, so the host's speed does not
matter. It is a benchmark-style check, run by hand or in a review, not a unit test.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from collections.abc import Iterator

import articlekit

#: Characters whose runs and alternations pump most patterns: digits, spaces of
#: several kinds, newlines, letters, CJK, punctuation of both scripts.
ALPHABET = ("0", " ", "\n", "\t", "\u1680", "\u3000", "a", "A", "中", ".", ",", "，", "。", ":", "-", "|", "/", "<", ">", "_", "*", "[", "#")  # fmt: skip
MIN_SECONDS = 0.001
MAX_RATIO = 3.0


def patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """(module.name, pattern) for every compiled str pattern at module level, and in the
    objects a module builds at import."""
    for info in pkgutil.walk_packages(articlekit.__path__, "articlekit."):
        if ".cli" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                yield f"{info.name}.{name}", value
            elif type(value).__module__.startswith("articlekit.") and not isinstance(value, type):
                # Patterns an object built at import holds (a screen's page-wide scans).
                for attribute in _attributes(value):
                    held = getattr(value, attribute, None)
                    if isinstance(held, re.Pattern) and isinstance(held.pattern, str):
                        yield f"{info.name}.{name}.{attribute}", held


def _attributes(value: object) -> list[str]:
    slots = [s for cls in type(value).__mro__ for s in getattr(cls, "__slots__", ())]
    return [*slots, *getattr(value, "__dict__", {})]


def pumps(pattern: re.Pattern[str], size: int) -> Iterator[str]:
    """Adversarial strings of about `size` characters for `pattern`."""
    words = re.findall(r"[A-Za-z\u4e00-\u9fff]{2,}", pattern.pattern)[:20]
    units = [*ALPHABET, *(a + b for a in ALPHABET[:12] for b in ALPHABET[:12] if a != b)]
    units += [w + sep for w in words for sep in (" ", "", ",")]
    for unit in units:
        yield unit * max(1, size // len(unit))
        yield "x" + unit * max(1, size // len(unit)) + "!"


def _seconds(pattern: re.Pattern[str], text: str) -> float:
    started = time.perf_counter()
    pattern.search(text)
    pattern.match(text)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=4000, help="characters in the small pump")
    args = parser.parse_args()
    slow = []
    for name, pattern in patterns():
        worst = (0.0, "")
        for text in pumps(pattern, args.size):
            small = _seconds(pattern, text)
            if small > 1.0:  # already too slow at the small size
                worst = max(worst, (float("inf"), repr(text[:20])))
                break
            large = _seconds(pattern, text + text)
            if large >= MIN_SECONDS and large / max(small, 1e-9) > worst[0]:
                worst = (large / max(small, 1e-9), repr(text[:20]))
        if worst[0] > MAX_RATIO:
            slow.append((name, worst))
    for name, (ratio, sample) in sorted(slow, key=lambda item: -item[1][0]):
        print(f"{ratio:8.1f}x  {name}  on {sample}…")
    print(f"{len(slow)} pattern(s) grow faster than their input")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
