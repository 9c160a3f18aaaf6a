"""articlekit: clean scraped articles into structured Markdown, JSON or text.

    >>> import articlekit
    >>> article = articlekit.clean("导航\\n标题\\n\\n正文第一段，足够长的一句话在这里。")
    >>> article.to_text()
    '正文第一段，足够长的一句话在这里。\\n'

The folders are the pipeline (`pipeline.clean` runs it): `read` (bytes to text, HTML
or text to blocks, markup metadata), `judge` (each block body or chrome, with its
reason), `structure` (title, date, authors; lecture and Q&A sections; language) and
`export` (JSON, Markdown, text; Traditional/Simplified conversion); then its runners:
`run` (the per-page guard, folders, WARC files) and `integrations` (datatrove, Spark);
`cli` is a thin shell on all of it. `model`, `options` and `errors` are shared.

Heavy modules load on first use, so `import articlekit` and `articlekit --help` stay fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticlekitError",
    "BatchSettings",
    "BinaryInputError",
    "DecodeError",
    "EmptyInputError",
    "InputTooLargeError",
    "NoArticleError",
    "Options",
    "OutputWriteError",
    "UnsupportedInputError",
    "__version__",
    "clean",
    "clean_folder",
    "convert",
]

if TYPE_CHECKING:
    from articlekit.errors import (
        ArticlekitError,
        BinaryInputError,
        DecodeError,
        EmptyInputError,
        InputTooLargeError,
        NoArticleError,
        OutputWriteError,
        UnsupportedInputError,
    )
    from articlekit.export.traditional import convert
    from articlekit.model import Article
    from articlekit.options import Options
    from articlekit.pipeline import clean
    from articlekit.run.batch import BatchSettings, clean_folder

_LAZY = {
    "clean": "articlekit.pipeline",
    "convert": "articlekit.export.traditional",
    "Article": "articlekit.model",
    "Options": "articlekit.options",
    "clean_folder": "articlekit.run.batch",
    "BatchSettings": "articlekit.run.batch",
}


def __getattr__(name: str) -> Any:
    import importlib

    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name in __all__:
        return getattr(importlib.import_module("articlekit.errors"), name)
    raise AttributeError(f"module 'articlekit' has no attribute {name!r}")
