"""`clean()`: the pipeline of DESIGN.md as a short sequence of named stages."""

from __future__ import annotations

from collections.abc import Sequence

from articlekit.errors import NoArticleError
from articlekit.judge.classify import classify_page
from articlekit.judge.features import count_units, ends_sentence, page_features
from articlekit.model import (
    Article,
    Block,
    BlockKind,
    Decision,
    Metadata,
    Reason,
    Removed,
    Verdict,
    make_removed,
)
from articlekit.options import Options
from articlekit.read.dumps import unwrap_dump
from articlekit.read.inlines import text_spans, with_inlines
from articlekit.read.load import load
from articlekit.read.textblocks import split_text_blocks
from articlekit.structure.language import detect_language
from articlekit.structure.metadata import (
    author_names,
    extract_metadata,
    local_day,
    site_beside_title,
)
from articlekit.structure.segment import segment
from articlekit.structure.speakers import join_label_lines


def clean(data: bytes | str, *, url: str | None = None, options: Options | None = None) -> Article:
    """Clean one page (raw page text or HTML, bytes or str) into an `Article`.

    Raises an `ArticlekitError` subclass when the input is empty, binary, too large,
    undecodable or holds no article.

    >>> article = clean("首页\\n登录\\n标题在这里\\n\\n这是文章的第一段，它足够长，有标点。\\n\\n版权所有")
    >>> article.title, article.to_text()
    ('标题在这里', '这是文章的第一段，它足够长，有标点。\\n')
    """
    options = options or Options()
    loaded = load(data, max_bytes=options.max_input_bytes)
    is_html = loaded.is_html if options.input_kind == "auto" else options.input_kind == "html"
    if is_html:
        from articlekit.read.html import html_blocks

        blocks, page_meta = html_blocks(loaded.text, options)
        dump = False
    else:
        text = unwrap_dump(loaded.text)
        blocks, page_meta = split_text_blocks(text), Metadata()
        # A terminal dump (a text unwrap_dump rebuilt) shows what a browser hides.
        dump = text != loaded.text
    blocks = join_label_lines(blocks)
    features = page_features(blocks)
    decisions, judgements = classify_page(
        blocks, features, shows_hidden=dump, from_text=not is_html
    )
    note = None
    if is_html:
        from articlekit.judge.secondopinion import second_opinion

        decisions, note = second_opinion(blocks, features, judgements, decisions)
    text_meta, decisions = extract_metadata(decisions, page_meta.title)
    kept = [index for index, decision in enumerate(decisions) if decision.verdict is Verdict.BODY]
    spans = with_inlines if is_html else text_spans
    body = [
        _captioned(spans(blocks[index], links=options.keep_links), index, blocks, decisions)
        for index in kept
    ]
    if sum(len(b.text) for b in body) < options.min_body_chars or not _reads_as_text(body):
        raise NoArticleError("no article text found")
    meta = _merge(page_meta, text_meta, url or options.url)
    segmented = segment(body, [features[index] for index in kept], context=[meta.title or ""])
    for position, reason in segmented.dropped.items():
        index = kept[position]
        decisions[index] = decisions[index]._replace(verdict=Verdict.CHROME, reason=reason)
    return Article(
        title=meta.title,
        published=meta.published,
        location=meta.location,
        authors=author_names(meta.authors or segmented.bylines),
        site=meta.site,
        url=meta.url,
        language=detect_language(body),
        sections=segmented.sections,
        speaker_aliases=tuple(segmented.speaker_aliases.items()),
        removed=_removed(decisions),
        decisions=tuple(decisions),
        encoding=loaded.encoding,
        warnings=loaded.warnings,
        notes=(note,) if note else (),
    )


#: Fewest units (CJK characters or words) of a body without one sentence: a page whose
#: only text is a word or two (`nav`, `Home`) holds no article, however it is cleaned.
MIN_UNPUNCTUATED_UNITS = 5


def _reads_as_text(body: list[Block]) -> bool:
    """Whether the kept text is an article's: a sentence, or at least a few words.

    >>> _reads_as_text([Block(BlockKind.PARAGRAPH, "nav", 0)])
    False
    >>> _reads_as_text([Block(BlockKind.PARAGRAPH, "Hello world.", 0)])
    True
    """
    units = 0
    for block in body:
        if ends_sentence(block.text):
            return True
        units += count_units(block.text)
        if units >= MIN_UNPUNCTUATED_UNITS:
            return True
    return False


def _captioned(block: Block, index: int, blocks: list[Block], decisions: list[Decision]) -> Block:
    """An image with the caption printed right after it (a `<figcaption>`, or a line
    the classifier took for a caption): the caption is not body text, but it belongs
    to the picture."""
    if block.kind is not BlockKind.IMAGE or index + 1 >= len(blocks):
        return block
    if decisions[index + 1].reason is not Reason.CAPTION:
        return block
    return block._replace(caption=blocks[index + 1].text)


def _merge(page: Metadata, text: Metadata, url: str | None) -> Metadata:
    """Page markup (meta tags, JSON-LD) wins over guesses from text lines."""
    title = page.title or text.title
    return Metadata(
        title=title,
        published=local_day(page.published, text.published),
        location=page.location or text.location,
        authors=page.authors or text.authors,
        site=page.site or text.site or site_beside_title(page.window_title, title),
        url=url or page.url,
    )


def _removed(decisions: Sequence[Decision]) -> tuple[Removed, ...]:
    body = Verdict.BODY
    return tuple(
        [
            make_removed((_REASON_TEXT[d.reason], d.block.text or d.block.src))
            for d in decisions
            if d.verdict is not body
        ]
    )


#: Each reason's text (an enum's `.value` is a Python-level property, read ~100 times a page).
_REASON_TEXT = {reason: reason.value for reason in Reason}
