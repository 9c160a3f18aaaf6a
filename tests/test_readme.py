"""Every Python snippet of the README runs as written, in a folder holding the files
its snippets name (`page.html`, a `pages/` folder, a `crawl/` folder of WARCs)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PAGES, SEED
from test_warc import GOOD, _warc

README = Path(__file__).parent.parent / "README.md"
#: A ```python block, and the line before it (`<!-- not run: why -->` to skip it).
_BLOCK_RE = re.compile(r"(?P<before>[^\n]*)\n```python\n(?P<code>.*?)\n```", re.DOTALL)
_NOT_RUN_RE = re.compile(r"<!-- not run: (?P<why>.+) -->")


def _snippets() -> list[tuple[int, str, str | None]]:
    text = README.read_text("utf-8")
    found = []
    for match in _BLOCK_RE.finditer(text):
        line = text.count("\n", 0, match.start("code")) + 1
        skip = _NOT_RUN_RE.fullmatch(match.group("before").strip())
        found.append((line, match.group("code"), skip.group("why") if skip else None))
    return found


def test_the_readme_has_python_snippets_and_says_why_it_skips_any() -> None:
    snippets = _snippets()
    assert len(snippets) >= 5
    assert sum(why is None for _, _, why in snippets) >= 3


@pytest.mark.parametrize(("line", "code", "why"), _snippets(), ids=lambda v: str(v)[:12])
def test_a_readme_snippet_runs_as_written(
    tmp_path: Path, line: int, code: str, why: str | None
) -> None:
    if why is not None:
        pytest.skip(f"README line {line}: {why}")
    shutil.copy(PAGES / "en-opinion.html", tmp_path / "page.html")
    (tmp_path / "pages").mkdir()
    shutil.copy(PAGES / "cjn-1.html", tmp_path / "pages" / "news.html")
    shutil.copy(SEED, tmp_path / "pages" / "talk.txt")
    (tmp_path / "crawl").mkdir()
    _warc(
        tmp_path / "crawl" / "a.warc.gz", [(url, body, "text/html") for url, body in GOOD.items()]
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"README line {line}:\n{done.stderr[-2000:]}"
