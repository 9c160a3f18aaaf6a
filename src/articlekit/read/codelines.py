"""Program code in raw page text: lines that read as code, and runs of them.

Copied page text flattens a code listing into one short line per statement. Judged
line by line they are short non-prose lines, each a penalty in the region search, so
a tutorial with two listings lost everything after the first (the penalties of a
dozen statements outweighed the prose that followed). A run of code lines is one
code block instead: it scores as a single structure block, Markdown fences it, and
conversion to Traditional Chinese leaves it alone.

A line is code by its syntax, not by its words: a call (`stack.callback(f)`), an
assignment (`x = 1`), an import, a block opener ending in `:` or `{`, or braces. A run
needs two code lines, one of them more than a block opener, so that a pair of lines
such as `for more details:` never becomes code.
"""

from __future__ import annotations

import re

#: Statements that open a block: `if not data:`, `while True:`, `function f() {`.
_OPENER_RE = re.compile(
    r"^(?:def|class|if|elif|else|for|while|with|try|except|finally|switch|function|func|fn)"
    r"\b[^。！？，]*[:{]$"
)
#: Statements whose syntax no prose line has.
_STATEMENT_RE = re.compile(
    # import json / from x import y / #include <stdio.h> / package main
    r"^(?:import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+)*;?"
    r"|from\s+[\w.]+\s+import\s+[\w., *()]+"
    r"|#include\s*[<\"][\w./]+[>\"]|package\s+[\w.]+;?"
    # return / return x / break; / continue / pass
    r"|return(?:\s+[^\s。！？，].*)?;?|(?:break|continue|pass);?"
    # data = client.lpop('test') / x += 1 / const y = 2;
    r"|(?:(?:var|let|const)\s+)?[A-Za-z_][\w.\[\]'\"]*\s*[-+*/%]?=\s*[^=\s].*"
    # stack.callback(callback_1) / print('…') / foo(a, b); — not `Twitter(12)`, a counter
    r"|(?:[a-z_][\w.]*|[A-Za-z_]\w*\.[\w.]+)\(.*\)[;,]?"
    # } / }); / ]
    r"|[{}()\[\];,]+)$"
)
#: A code line starts with one of these, holds a mark of `_SYNTAX_RE` or starts with a
#: keyword of `_BARE_STARTS`: cheap tests that let most lines of a page skip the patterns.
_FIRST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_#{}()[];,")
_SYNTAX_RE = re.compile(r"[(=:{};\[]")
_BARE_STARTS = ("import ", "from ", "#include", "package ", "return", "break", "continue", "pass")


def code_kind(line: str) -> str | None:
    """ "statement" or "opener" for a line that reads as code (stripped), else None.

    >>> [code_kind(s) for s in ("import json", "if not data:", "print('退出缩进')")]
    ['statement', 'opener', 'statement']
    >>> [code_kind(s) for s in ("for more details:", "It rose 5% (in 2019).", "Twitter(12)")]
    ['opener', None, None]
    """
    if not line or line[0] not in _FIRST_CHARS:
        return None
    if _SYNTAX_RE.search(line) is None and not line.startswith(_BARE_STARTS):
        return None
    if _STATEMENT_RE.match(line):
        return "statement"
    if _OPENER_RE.match(line) or (line[-1] == ":" and line.isascii() and len(line) <= 80):
        return "opener"  # the second form: an opener that lost its spaces (`ifnot x:`)
    return None


def is_code_run(kinds: list[str]) -> bool:
    """Whether a run of code lines is a listing: two lines at least, one a statement.

    >>> is_code_run(["opener", "statement"]), is_code_run(["opener", "opener"])
    (True, False)
    """
    return len(kinds) >= 2 and "statement" in kinds
