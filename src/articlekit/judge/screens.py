"""Screens: one cheap test that tells whether any of many vocabulary patterns could match.

A page is mostly short lines (menu entries, headlines, captions), and most of them match
no chrome rule; running every rule's pattern on each costs a dozen regex calls a line.
A screen answers "could one of these patterns match?" with one call, and the exact
patterns run only on the lines it passes. It may pass a line the patterns reject, never
the reverse: it looks only for the *literal prefix* every match of a term starts with
(`浏览量?` → `浏览`, `comments?` → `comment`), in case-folded text, ignoring word
boundaries.

Python's regex engine jumps straight to candidate positions only when every alternative
of a pattern starts with a literal character, and skips IGNORECASE patterns position by
position; so the prefixes are grouped by their first character (`版(?:权所有|权声明)|…`)
and matched case-sensitively on folded text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import NamedTuple

#: Characters regex syntax gives a meaning to; a term's literal prefix stops at them.
_SPECIAL = frozenset("\\[](){}.*+?^$|")
_QUANTIFIERS = frozenset("?*{+")
#: A page-wide scan marks lines, not hits: each hit takes the rest of its line, so the
#: scan goes on from the next line (a line of prose holds dozens of marks and words).
_REST_OF_LINE = r"[^\n]*"
#: Case folding leaves two letters that IGNORECASE matching equates with `i`: dotless ı
#: stays ı, and İ folds to i + a combining dot. Both become a plain i.
_DOTLESS_I, _COMBINING_DOT = "ı", "\u0307"


def fold(text: str) -> str:
    """Text as a screen reads it: every character that a case-insensitive pattern would
    equate with a lowercase ASCII letter becomes that letter.

    >>> fold("SHARE İt ſo"), fold("分享到")
    ('share it so', '分享到')
    """
    folded = text.casefold()
    if _DOTLESS_I in folded or _COMBINING_DOT in folded:
        folded = folded.replace(_DOTLESS_I, "i").replace(_COMBINING_DOT, "")
    return folded


def literal_prefix(term: str) -> str:
    """The characters every match of a regex term starts with, or "" if there are none.

    >>> [literal_prefix(t) for t in ("浏览量?", "comments?", "log ?in", r"\\(c\\)\\s*\\d{4}", r"\\d+ views")]
    ['浏览', 'comment', 'log', '(c)', '']
    """
    prefix: list[str] = []
    index = 0
    while index < len(term):
        char, width = term[index], 1
        if char == "\\":
            escaped = term[index + 1 : index + 2]
            if not escaped or escaped.isalnum():
                break  # a class such as \d or \s, not a character
            char, width = escaped, 2
        elif char in _SPECIAL:
            break
        following = term[index + width : index + width + 1]
        if following in _QUANTIFIERS:
            if following == "+":
                prefix.append(char)
            break
        prefix.append(char)
        index += width
    return "".join(prefix)


def split_alternatives(source: str) -> list[str]:
    """Split a pattern at its top-level `|` (not inside groups, classes or escapes).

    >>> split_alternatives(r"a|b(?:c|d)|[|]|\\|")
    ['a', 'b(?:c|d)', '[|]', '\\\\|']
    """
    if not source:
        return []
    parts: list[str] = []
    start = depth = 0
    in_class = escaped = False
    for index, char in enumerate(source):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
    parts.append(source[start:])
    return parts


def prefix_pattern(prefixes: Iterable[str]) -> str:
    """An alternation of literal prefixes grouped by first character, longest first.

    >>> prefix_pattern(["分享", "分享到", "打印", "©"])
    '分(?:享到|享)|打(?:印)|©'
    """
    groups: dict[str, set[str]] = {}
    for prefix in prefixes:
        groups.setdefault(prefix[0], set()).add(prefix[1:])
    alternatives = []
    for first, tails in groups.items():
        if "" in tails:  # the first character alone is a prefix: it covers the longer ones
            alternatives.append(re.escape(first))
            continue
        ordered = sorted(tails, key=lambda t: (-len(t), t))
        alternatives.append(re.escape(first) + "(?:" + "|".join(map(re.escape, ordered)) + ")")
    return "|".join(alternatives)


def _digit_first(terms: list[str]) -> str:
    """Digit-led terms as one pattern (see `anchor_digit_run`).

    >>> _digit_first([r"\\d+\\s*views", r"\\d年"])
    '(?<!\\\\d)\\\\d\\\\d*\\\\s*views|\\\\d年'
    """
    return "|".join(anchor_digit_run(term) for term in terms)


def anchor_digit_run(term: str) -> str:
    """A term that starts with `\\d` and repeats digits, made to start only where such a
    run begins (`\\d+ x` → `(?<!\\d)\\d\\d* x`, `\\d[\\d,.]*k` → `(?<![\\d,.])\\d[\\d,.]*k`).

    Screens ask only whether a text holds a term, and a term that matches from inside
    such a run matches from its start too; started at every digit of a long run, each
    search rescanned the rest of the run (a line of 20,000 digits: 10 s).

    >>> anchor_digit_run(r"\\d[\\d,.]*k"), anchor_digit_run("share")
    ('(?<![\\\\d,.])\\\\d[\\\\d,.]*k', 'share')
    """
    if term.startswith("\\d+"):
        return "(?<!\\d)\\d\\d*" + term[3:]
    repeated = _REPEATED_CLASS_RE.match(term, 2)
    if term.startswith("\\d") and repeated and "\\d" in repeated.group(1):
        return f"(?<!{repeated.group(1)})" + term
    return term


#: A character class repeated any number of times (`[\\d,.]*`), right after a term's `\\d`.
_REPEATED_CLASS_RE = re.compile(r"(\[(?:[^\[\]\\]|\\.)*+\])[*+]")


def _split_by_prefix(sources: Iterable[str], *, folded: bool = True) -> tuple[list[str], list[str]]:
    """Literal prefixes of every term (folded unless told), and the terms that start with
    a digit class.

    Raises ValueError for a term with no literal prefix that does not start with `\\d`:
    the screen could not tell where it may match.
    """
    prefixes: list[str] = []
    digit_led: list[str] = []
    for source in sources:
        for term in split_alternatives(source):
            prefix = literal_prefix(term)
            if prefix:
                prefixes.append(fold(prefix) if folded else prefix)
            elif term.startswith("\\d"):
                digit_led.append(term)
            else:
                raise ValueError(f"a screened term needs a literal start or \\d: {term!r}")
    return prefixes, digit_led


class LineCues(NamedTuple):
    """What a line's screens found; each chrome rule runs only when its cue is present."""

    #: The line has a digit (dates, counters, `3/12`).
    digits: bool
    #: A line-start pattern (`责任编辑：`, `Related`, `By …`) or a lone end label may match.
    starts: bool
    #: A word of the chrome vocabularies may occur.
    words: bool
    #: A colon, arrow, separator, double space or closing bracket (widgets, breadcrumbs,
    #: menus, credits).
    marks: bool


#: The cues of a line that no chrome rule can match.
QUIET = LineCues(digits=False, starts=False, words=False, marks=False)


class LineScreen:
    """All the screens a short line goes through, built from the rules' vocabularies.

    - `line_starts`: alternations of words that open a line-start pattern; the pattern
      may skip space and opening brackets before them (`【责任编辑：…`).
    - `line_ends`: literal labels that end a short line, before an optional colon.
    - `cjk_words` / `latin_words`: vocabularies searched anywhere, CJK terms as written,
      Latin terms case-insensitively as whole words.
    - `marks`: literal characters or strings some rule needs; a run of two spaces and a
      closing bracket at the end are marks too.
    """

    __slots__ = (
        "_alone",
        "_alone_sources",
        "_cjk",
        "_cjk_needs_non_ascii",
        "_digit_led",
        "_latin",
        "_page_cjk",
        "_page_ends",
        "_page_latin",
        "_page_marks",
        "_page_starts",
    )

    def __init__(
        self,
        *,
        line_starts: Iterable[str],
        line_ends: Iterable[str],
        cjk_words: Iterable[str],
        latin_words: Iterable[str],
        marks: Iterable[str],
    ) -> None:
        starts, digit_led_starts = _split_by_prefix(line_starts)
        # A term led by `\d` may start at any digit, of any script.
        start_words = prefix_pattern(starts) + (r"|\d" if digit_led_starts else "")
        # The patterns that screen one text on its own (`screen_alone`) compile on first
        # use: only a text holding a newline needs them.
        starts_source = r"\s*+(?:[【\[(（]+\s*+)?(?:" + start_words + ")"
        # The page-wide forms: a line starts after a newline, and space never crosses one.
        self._page_starts = re.compile(
            r"\n[^\S\n]*+(?:[【\[(（]+[^\S\n]*+)?(?:" + start_words + ")"
        )
        ends = [fold(w) for source in line_ends for w in split_alternatives(source)]
        if any(literal_prefix(w) != w for w in ends):
            raise ValueError(f"line-end labels must be literal words: {ends!r}")
        # With no labels, a pattern that never matches (an empty alternation would match
        # every line).
        ends_pattern = "(?:" + "|".join(map(re.escape, ends)) + ")" if ends else "(?!)"
        ends_source = ends_pattern + r"\s*+(?:[:：]\s*+)?\Z"
        self._page_ends = re.compile(ends_pattern + r"[^\S\n]*+(?:[:：][^\S\n]*+)?(?=\n|\Z)")
        cjk, digit_led = _split_by_prefix(cjk_words, folded=False)
        latin, digit_led_latin = _split_by_prefix(latin_words)
        self._cjk = re.compile(prefix_pattern(cjk))
        self._page_cjk = re.compile("(?:" + prefix_pattern(cjk) + ")" + _REST_OF_LINE)
        self._cjk_needs_non_ascii = not any(prefix.isascii() for prefix in cjk)
        # A Latin term starts a word: a non-word character precedes it (the screened text
        # gets a leading space), so only word starts are candidate positions.
        self._latin = re.compile(r"[^\w](?:" + prefix_pattern(latin) + ")")
        self._page_latin = re.compile(self._latin.pattern + _REST_OF_LINE)
        digit_led += digit_led_latin
        # Matched on folded text, which is lowercase already; with the leading digit taken
        # out of the alternation the search skips straight to digits.
        self._digit_led = re.compile(_digit_first(digit_led)) if digit_led else None
        mark_alternatives = [re.escape(m) for m in marks]
        marks_source = "|".join([*mark_alternatives, r"\)\s*\Z", r"）\s*\Z"])
        self._alone_sources = (starts_source, ends_source, marks_source)
        self._alone: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None = None
        # Every alternative starts with a literal character, so the scan jumps between
        # candidate characters; the double space has a scan of its own.
        self._page_marks = re.compile(
            "(?:"
            + "|".join([*mark_alternatives, r"\)[^\S\n]*(?=\n|\Z)", r"）[^\S\n]*(?=\n|\Z)"])
            + ")"
            + _REST_OF_LINE
        )

    def cues(self, text: str) -> LineCues:
        """The cues of one text (see `page_cues`).

        >>> screen = LineScreen(line_starts=["来源|source"], line_ends=["推荐"],
        ...     cjk_words=["分享"], latin_words=["share"], marks=[":"])
        >>> screen.cues("一篇文章的标题") is QUIET
        True
        >>> screen.cues("【来源 本报"), screen.cues("SHARE this")
        (LineCues(digits=False, starts=True, words=False, marks=False), LineCues(digits=False, starts=False, words=True, marks=False))
        >>> screen.cues("本周推荐"), screen.cues("见上文 (二)"), screen.cues("A  B")
        (LineCues(digits=False, starts=True, words=False, marks=False), LineCues(digits=False, starts=False, words=False, marks=True), LineCues(digits=False, starts=False, words=False, marks=True))
        """
        return self.screen_alone(text) if "\n" in text else self.page_cues([text])[0]

    def screen_alone(self, text: str) -> LineCues:
        """The cues of one text, each screen a pattern of its own: the reference the
        page-wide scans are tested against, and the screen of a text holding a newline."""
        if self._alone is None:
            starts_source, ends_source, marks_source = self._alone_sources
            self._alone = (
                re.compile(starts_source),
                re.compile(ends_source),
                re.compile(marks_source),
            )
        starts_re, ends_re, marks_re = self._alone
        digits = _DIGIT_RE.search(text) is not None
        folded = fold(" " + text)
        starts = starts_re.match(folded, 1) is not None or ends_re.search(folded) is not None
        words = (
            ((not self._cjk_needs_non_ascii or not text.isascii()) and bool(self._cjk.search(text)))
            or self._latin.search(folded) is not None
            or (digits and self._digit_led is not None and bool(self._digit_led.search(folded)))
        )
        marks = marks_re.search(text) is not None or _DOUBLE_SPACE_RE.search(text) is not None
        if not (digits or starts or words or marks):
            return QUIET
        return LineCues(digits, starts, words, marks)

    def page_cues(self, texts: Sequence[str]) -> list[LineCues]:
        """`cues` of every line, found by one scan of the page per screen.

        A regex call costs far more than the few characters of a short line it reads;
        scanning the joined page once per screen, then marking the lines its hits fall
        in, reads the same characters with a dozen calls a page instead of a dozen a
        line. A text holding a newline is screened on its own.

        >>> screen = LineScreen(line_starts=["来源"], line_ends=[], cjk_words=["分享"],
        ...     latin_words=["share"], marks=[":"])
        >>> [cues is QUIET for cues in screen.page_cues(["标题", "来源 本报", "多行\\n分享"])]
        [True, False, False]
        """
        lines = list(texts)
        multiline = [index for index, text in enumerate(lines) if "\n" in text]
        for index in multiline:
            lines[index] = ""
        flags = bytearray(len(lines))
        page = "\n".join(lines)
        ends = list(accumulate(len(line) + 1 for line in lines))
        _flag(flags, ends, _DIGIT_LINE_RE.finditer(page), _DIGITS_CUE, 0)
        if self._cjk_needs_non_ascii and page.isascii():
            folded, folded_ends = page.lower(), ends
        else:
            _flag(flags, ends, self._page_cjk.finditer(page), _WORDS_CUE, 0)
            folded = fold(page)
            folded_ends = list(accumulate(len(line) + 1 for line in folded.split("\n")))
        # Both scans read the folded page behind one leading character (a newline, a
        # space), so a hit at `start` lies in the line that holds `start` unshifted.
        folded = "\n" + folded
        _flag(flags, folded_ends, self._page_starts.finditer(folded), _STARTS_CUE, 0)
        _flag(flags, folded_ends, self._page_ends.finditer(folded), _STARTS_CUE, 1)
        _flag(flags, folded_ends, self._page_latin.finditer(folded), _WORDS_CUE, 0)
        _flag(flags, ends, self._page_marks.finditer(page), _MARKS_CUE, 0)
        _flag(flags, ends, _DOUBLE_SPACE_PAGE_RE.finditer(page), _MARKS_CUE, 0)
        if self._digit_led is not None:
            # Searched within each line that has a digit (a few a page), read in place.
            search = self._digit_led.search
            for index, flag in enumerate(flags):
                if flag & _DIGITS_CUE:
                    line_start = folded_ends[index - 1] + 1 if index else 1
                    if search(folded, line_start, folded_ends[index]):
                        flags[index] |= _WORDS_CUE
        cues = [_CUES_BY_FLAGS[flag] for flag in flags]
        for index in multiline:
            cues[index] = self.screen_alone(texts[index])
        return cues


def _flag(
    flags: bytearray, ends: list[int], hits: Iterable[re.Match[str]], cue: int, shift: int
) -> None:
    """Set `cue` on the line each hit starts in (`ends`: the offset past each line)."""
    for hit in hits:
        flags[bisect_right(ends, hit.start() - shift)] |= cue


_DIGITS_CUE, _STARTS_CUE, _WORDS_CUE, _MARKS_CUE = 1, 2, 4, 8
_CUES_BY_FLAGS = [
    LineCues(
        bool(f & _DIGITS_CUE), bool(f & _STARTS_CUE), bool(f & _WORDS_CUE), bool(f & _MARKS_CUE)
    )
    for f in range(16)
]
_CUES_BY_FLAGS[0] = QUIET
_DIGIT_RE = re.compile(r"\d")
_DOUBLE_SPACE_PAGE_RE = re.compile(r"[^\S\n][^\S\n]" + _REST_OF_LINE)
#: One hit per line that holds a digit, however many it holds.
_DIGIT_LINE_RE = re.compile(r"\d" + _REST_OF_LINE)
_DOUBLE_SPACE_RE = re.compile(r"\s\s")
