"""Structure and metadata of the kept body.

`metadata` finds the title, date, place, authors and site among the blocks around the
article; `segment` turns the body into headed lecture sections and Q&A sections of
speaker turns (`speakers` knows the label styles); `language` names the body's
language (fastText for Latin script, Simplified/Traditional for Chinese).
"""

from __future__ import annotations
