"""Settings for one `clean()` call, passed explicitly through every stage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: What a page is read as: sniffed from its content, or as the user says.
InputKind = Literal["auto", "html", "text"]

#: 64 MiB: far above any real article page (the largest dev page is under 1 MiB) yet
#: small enough that a runaway dump fails with a clear error instead of exhausting memory.
DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024
#: Seconds one page may take in the per-page guard (`articlekit.run.guard`) before it fails
#: with `timeout`. Dev pages take 10 ms on average and under 0.3 s at worst; the limit
#: only stops a page that would otherwise hold its worker for minutes.
DEFAULT_PAGE_TIMEOUT = 20.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """Every tunable of the pipeline, with its default.

    - `max_input_bytes` (64 MiB): larger inputs raise `InputTooLargeError` before parsing.
    - `keep_images` (True): keep image blocks (src + alt) found inside the article.
    - `keep_links` (True): keep the links of HTML text (Markdown `[words](url)`, JSON
      `inlines`); without them the words stay.
    - `min_body_chars` (1): an article with less body text than this raises `NoArticleError`.
    - `url` (None): the page's address, when known; overrides a canonical link in the page.
    - `input_kind` ("auto"): "html" or "text" reads the page as that whatever it looks
      like (for the user who knows better than the sniffer); "auto" sniffs the content.
    """

    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    keep_images: bool = True
    keep_links: bool = True
    min_body_chars: int = 1
    url: str | None = None
    input_kind: InputKind = "auto"
