"""Reading a page: bytes to text, HTML to blocks.

`load` decodes bytes (any charset, GBK included) and tells HTML from raw page text;
raw text becomes blocks in `textblocks` (with `codelines` spotting code), HTML in
`html`, which parses once, drops what a reader never sees (`hidden`), asks a
readability-style scorer for the main content (`readable`), keeps inline spans
(`inlines`) and reads the metadata the markup declares (`htmlmeta`).
"""

from __future__ import annotations
