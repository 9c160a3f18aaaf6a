"""Who the speakers of an interview are: the names their labels stand for.

Interviews name a speaker in full once (in the title, the introduction or the first
exchange) and label the turns with a short form after that: a surname (`Roe：`), the
name in capitals (`JANE ROE:`), or an abbreviation the introduction declares
(`《某报》（以下简称XB）`). The mapping from full name to label lets a reader, or a
tool joining turns across pages, know who speaks; and a line that is only a speaker's
name (a reporter's byline above a transcript) is a byline, not a heading.

Pages also print a label on a line of its own (`<b>JANE DOE:</b><br>…`, or a label
cell above the answer): the label and the words under it are one turn.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from articlekit.judge.vocab import NON_SPEAKER_LABELS, ROLE_LABELS, SPEAKER_LABEL_LINE_RE
from articlekit.model import Block, BlockKind, shift_inlines
from articlekit.read.inlines import with_inlines

#: Labels looked at per page; a page with more "speakers" is not an interview anyone
#: reads label by label, and each label costs one scan of the text.
MAX_LABELS = 24
#: A name line (byline) holds at most this many words, or CJK characters.
MAX_NAME_WORDS = 5
MAX_CJK_NAME_CHARS = 12
#: Longest line read as a label alone (`《某某报》记者：`, `JANE DOE:`).
MAX_LABEL_LINE_CHARS = 40

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
#: A Latin name word: capitalised (`Jane`, `O’Neil`, `McDonald`). Latin letters only,
#: possessive, and starting where no name letter precedes: otherwise every capital
#: inside a long run (`A-A-A-…`, or CJK with `\w`) would rescan the run (quadratic).
_NAME_CHARS = "A-Za-zÀ-ÖØ-öø-ÿ'’.-"
_NAME_WORD = rf"(?<![{_NAME_CHARS}])[A-Z][{_NAME_CHARS}]*+"
#: An abbreviation the text declares: `X（以下简称Y）`, `X (hereafter Y)`. X is a title
#: in 《》 (with a role after it: `《某报》记者`) or a run of capitalised words; an
#: unbracketed CJK run has no visible start.
_DECLARED_RE = re.compile(
    rf"(?P<full>《[^》\n]{{1,30}}》[{_CJK}]{{0,3}}|{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,4}})"
    r"\s*[（(]\s*(?:以下简称|以下称|下称|简称|hereafter|hereinafter|henceforth)\s*"
    r"[:：]?\s*[“\"「『']?(?P<short>[^\s）)”\"」』']{1,20})[”\"」』']?\s*[）)]",
)


def speaker_aliases(labels: Iterable[str], texts: Sequence[str]) -> dict[str, str]:
    """Full names (and other spellings) of the speakers, each mapped to its label.

    >>> speaker_aliases(["Roe", "XB"], ["Jane Roe：某行业明年见顶",
    ...     "某国前部长Jane Roe接受了《某报》记者（以下简称XB）专访。"])
    {'《某报》记者': 'XB', 'Jane Roe': 'Roe'}
    >>> speaker_aliases(["JANE ROE", "ROE"], ["Jane Roe reports."])
    {'Jane Roe': 'JANE ROE', 'Roe': 'JANE ROE', 'ROE': 'JANE ROE'}
    """
    unique = list(dict.fromkeys(label for label in labels if label))[:MAX_LABELS]
    known = set(unique)
    page = "\n".join(texts)
    aliases: dict[str, str] = {}
    for match in _DECLARED_RE.finditer(page):
        full, short = match.group("full").strip(), match.group("short").strip()
        if short in known and full not in known:
            aliases.setdefault(full, short)
    for label in unique:
        for spelling in _spellings(label, page):
            if spelling not in known:
                aliases.setdefault(spelling, label)
    # A label that is the last word of a longer label (`ROE` beside `JANE ROE`).
    for label in unique:
        longer = [
            other
            for other in unique
            if other != label and other.split() and other.split()[-1] == label
        ]
        if len(longer) == 1:
            aliases[label] = longer[0]
    # Every spelling names the speaker's fullest label.
    return {full: aliases.get(label, label) for full, label in aliases.items()}


def _spellings(label: str, page: str) -> list[str]:
    """The label's name as the text prints it elsewhere: in another case (`Jane Roe` for
    `JANE ROE`), or in full around a one-word Latin label (`Jane Roe` for `Roe`)."""
    words = label.split()
    if not words or not all(re.fullmatch(_NAME_WORD, w, re.IGNORECASE) for w in words):
        return []  # CJK names and roles print the same everywhere
    escaped = r"[ \t]+".join(re.escape(w) for w in words)
    found = []
    if len(words) > 1 or label.isupper():
        found += [
            m.group(0)
            for m in re.finditer(rf"(?<![\w'’]){escaped}(?![\w'’])", page, re.IGNORECASE)
            if m.group(0) != label and m.group(0)[0].isupper()
        ]
    if len(words) == 1:
        found += [
            m.group("full")
            for m in re.finditer(
                rf"(?<![\w'’])(?P<full>(?:{_NAME_WORD}[ \t]+){{1,2}}(?i:{escaped}))(?![\w'’])",
                page,
            )
            if m.group("full").split()[-1] != m.group("full").split()[0]
        ]
    return list(dict.fromkeys(found))


def is_name_line(text: str, names: Iterable[str]) -> bool:
    """Whether the line is only one of the names (any case), as a byline prints it.

    >>> is_name_line("Jane Roe", ["JANE ROE"]), is_name_line("Jane Roe reports.", ["JANE ROE"])
    (True, False)
    """
    line = " ".join(text.split()).casefold()
    if not line:
        return False
    cjk = len(_CJK_RE.findall(line))
    if len(line.split()) > MAX_NAME_WORDS or cjk > MAX_CJK_NAME_CHARS:
        return False
    return any(line == " ".join(name.split()).casefold() for name in names)


def join_label_lines(blocks: Sequence[Block]) -> list[Block]:
    """Each speaker label printed alone on its line, joined to the paragraph below it.

    Only a label that recurs alone (or an interview role such as `Q`/`问`) is joined: a
    one-off `材料：` or `相关阅读：` line introduces whatever follows in its own way.

    >>> from articlekit.model import make_block, BLOCK_DEFAULTS
    >>> p = lambda t: make_block((BlockKind.PARAGRAPH, t, 0, *BLOCK_DEFAULTS))
    >>> [b.text for b in join_label_lines([p("Q:"), p("Why?"), p("A:"), p("Because.")])]
    ['Q: Why?', 'A: Because.']
    >>> [b.text for b in join_label_lines([p("材料："), p("五花肉500克。")])]
    ['材料：', '五花肉500克。']
    """
    alone = {
        index: match
        for index, block in enumerate(blocks)
        if block.kind is BlockKind.PARAGRAPH
        and len(block.text) <= MAX_LABEL_LINE_CHARS
        and (match := SPEAKER_LABEL_LINE_RE.match(block.text))
    }
    if not alone:
        return list(blocks)
    counts = Counter(match.group("label") for match in alone.values())
    joined: list[Block] = []
    skip = False
    for index, block in enumerate(blocks):
        if skip:
            skip = False
            continue
        match = alone.get(index)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            match is not None
            and following is not None
            and following.kind is BlockKind.PARAGRAPH
            and index + 1 not in alone
            and match.group("label") not in NON_SPEAKER_LABELS
            and (counts[match.group("label")] >= 2 or match.group("label") in ROLE_LABELS)
        ):
            prefix = f"{match.group('label')}{match.group('colon')} "
            following = with_inlines(following)
            joined.append(
                following._replace(
                    text=prefix + following.text,
                    position=block.position,
                    inlines=shift_inlines(following.inlines, len(prefix)),
                )
            )
            skip = True
        else:
            joined.append(block)
    return joined
