"""Judging blocks: article body or page chrome, and why.

`features` measures each block (length, punctuation, link density, rhythm of short
repeated lines); `vocab` holds the boilerplate vocabulary common across sites and
languages; `classify` gives every block a verdict with its reason, `screens` the cues
of whole pages (listings, interstitials), and `secondopinion` checks an HTML page's
verdicts against its markup's main content so an article is never lost.
"""

from __future__ import annotations
