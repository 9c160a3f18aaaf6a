"""Shared paths and small factories for the tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from articlekit.model import Block, BlockKind

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "seed" / "infoq-sora-talk.txt"
SEED_GOLD = FIXTURES / "seed" / "infoq-sora-talk.gold.json"
PAGES = FIXTURES / "pages"


def paragraph(text: str, position: int = 0) -> Block:
    """A paragraph block, built through the real constructor."""
    return Block(kind=BlockKind.PARAGRAPH, text=text, position=position)


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(SEED_GOLD.read_text("utf-8"))
    return gold


@pytest.fixture(scope="session")
def seed_article():  # type: ignore[no-untyped-def]
    from articlekit import clean

    return clean(SEED.read_bytes())
