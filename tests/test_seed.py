"""The defining example: the seed page must come out exactly as its gold structure."""

from __future__ import annotations

import unicodedata
from typing import Any

import jsonschema

from articlekit.export.jsonout import json_schema


def _norm(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split()).lower()


def test_metadata(seed_article, seed_gold: dict[str, Any]) -> None:
    assert seed_article.title == seed_gold["title"]
    assert seed_article.published == seed_gold["published"]
    assert seed_article.location == seed_gold["location"]
    assert "infoq" in _norm(seed_article.site)
    assert seed_article.language == "zh-Hans"


def test_sections_headings_and_kinds(seed_article, seed_gold: dict[str, Any]) -> None:
    got = [(s.kind, s.heading) for s in seed_article.sections]
    want = [(s["kind"], s["heading"]) for s in seed_gold["sections"]]
    assert got == want


def test_every_turn_and_speaker(seed_article, seed_gold: dict[str, Any]) -> None:
    aliases = {_norm(k): _norm(v) for k, v in seed_gold["speaker_aliases"].items()}
    gold_turns = [t for s in seed_gold["sections"] for t in s.get("turns", [])]
    got_turns = [t for s in seed_article.sections for t in s.turns]
    assert len(got_turns) == len(gold_turns) == 12
    for got, want in zip(got_turns, gold_turns, strict=True):
        assert aliases.get(_norm(got.speaker), _norm(got.speaker)) == aliases.get(
            _norm(want["speaker"]), _norm(want["speaker"])
        )
        assert _norm(got.text) == _norm(want["text"])


def test_lecture_paragraphs_match_gold(seed_article, seed_gold: dict[str, Any]) -> None:
    got = [[_norm(b.text) for b in s.blocks] for s in seed_article.sections if s.kind == "lecture"]
    want = [
        [_norm(b["text"]) for b in s["blocks"]]
        for s in seed_gold["sections"]
        if s["kind"] == "lecture"
    ]
    assert got == want


def test_no_chrome_leaks(seed_article, seed_gold: dict[str, Any]) -> None:
    data = seed_article.to_dict()
    lines: list[str] = []
    for section in data["sections"]:
        lines.extend(_norm(x) for x in [section["heading"] or ""])
        lines.extend(_norm(b.get("text", "")) for b in section.get("blocks", []))
        lines.extend(_norm(t["text"]) for t in section.get("turns", []))
    joined = "".join(lines)
    for chrome in seed_gold["chrome"]:
        needle = _norm(chrome["text"])
        if chrome["match"] == "line":
            assert needle not in lines, chrome
        else:
            assert needle not in joined, chrome


def test_json_validates_against_shipped_schema(seed_article) -> None:
    jsonschema.validate(seed_article.to_dict(explain=True), json_schema())


def test_every_dropped_block_has_a_reason(seed_article) -> None:
    removed = seed_article.to_dict(explain=True)["removed"]
    reasons = {r["reason"] for r in removed}
    assert {"comment stub", "ad/promo", "metadata line", "media player"} <= reasons
    assert any(r["text"].startswith("公众号推荐") for r in removed)
    assert all(r["reason"] and r["text"] for r in removed)
