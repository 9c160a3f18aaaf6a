#!/usr/bin/env python3
"""The dev pages as other text browsers dump them: raw-text forms the bench does not hold.

    apt-get install lynx w3m elinks links2 html2text
    python benchmarks/renders.py OUT                  # every HTML dev corpus, every renderer
    python benchmarks/run.py OUT/* --systems articlekit --no-speed

Each dev HTML page is decoded as articlekit decodes it, its charset declaration set to
UTF-8, and rendered by each renderer found on the PATH; the gold is the page's own. The
corpora it writes (`<corpus>-<renderer>/`) are for checking, never for tuning: a rule
that helps one renderer's quirks and no other is fitted to that program.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from articlekit.read.load import decode  # noqa: E402

DEV = HERE.parent.parent / "shared" / "bench" / "dev"
UTF8 = ["-assume_charset=utf-8", "-display_charset=utf-8", "-force_html"]
RENDERERS = {
    "lynx-refs": ["lynx", "-dump", "-width=80", *UTF8],
    "elinks": ["elinks", "-dump", "-dump-width", "80", "-dump-charset", "utf-8", "-no-connect",
               "-eval", 'set document.codepage.assume = "utf-8"',
               "-eval", "set document.codepage.force_assumed = 1"],
    "links": ["links2", "-dump", "-width", "80", "-codepage", "utf-8",
              "-html-assume-codepage", "utf-8", "-html-hard-assume", "1"],
    "html2text": ["html2text", "-utf8", "-width", "79"],
    "w3m-numbered": ["w3m", "-dump", "-cols", "100", "-I", "UTF-8", "-O", "UTF-8",
                     "-T", "text/html", "-o", "display_link_number=1"],
}  # fmt: skip
_CHARSET_RE = re.compile(r"(?i)charset\s*=\s*[\"']?[\w-]+")
TIMEOUT_SECONDS = 60


def render(page: Path, command: list[str]) -> bytes:
    """One page dumped by one renderer (empty when it fails or hangs)."""
    html, _, _ = decode(page.read_bytes())
    with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8") as copy:
        copy.write(_CHARSET_RE.sub("charset=utf-8", html))
        copy.flush()
        try:
            done = subprocess.run(
                [*command, copy.name],
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return b""
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the rendered corpora")
    args = parser.parse_args()
    renderers = {n: c for n, c in RENDERERS.items() if shutil.which(c[0])}
    if not renderers:
        sys.stderr.write("renders.py: none of lynx, w3m, elinks, links2, html2text found\n")
        return 1
    corpora = [
        c
        for c in sorted(DEV.iterdir())
        if (c / "manifest.jsonl").exists() and any(c.glob("*.html"))
    ]
    for corpus in corpora:
        rows = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text().splitlines()]
        for name, command in renderers.items():
            target = args.out / f"{corpus.name}-{name}"
            target.mkdir(parents=True, exist_ok=True)
            with ThreadPoolExecutor(4) as pool:
                pages = [corpus / row["input"] for row in rows]
                dumps = pool.map(render, pages, [command] * len(pages))
                kept = []
                for row, dump in zip(rows, dumps, strict=True):
                    (target / f"{row['id']}.txt").write_bytes(dump)
                    shutil.copyfile(corpus / row["gold"], target / f"{row['id']}.gold.txt")
                    kept.append(dict(row, input=f"{row['id']}.txt", kind="text", render=name))
            manifest = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in kept)
            (target / "manifest.jsonl").write_text(manifest)
            print(target, len(kept))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
