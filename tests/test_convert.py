"""OpenCC conversion: phrasing, idempotence, and what must never be converted."""

from __future__ import annotations

import json

import pytest

from articlekit import convert
from articlekit.errors import ConversionError


def test_taiwan_phrasing(seed_article) -> None:
    converted = seed_article.converted("zh-TW")
    text = converted.to_text()
    assert "影片" in text and "视频" not in text
    assert converted.language == "zh-Hant-TW"


def test_converting_traditional_output_again_changes_nothing(seed_article) -> None:
    for target in ("zh-TW", "zh-HK", "zh-Hant"):
        once = seed_article.converted(target).to_markdown()
        assert convert(once, to=target) == once


def test_zh_hk_json_keeps_every_key_and_url(seed_article) -> None:
    plain = seed_article.to_dict()
    hk = json.loads(seed_article.converted("zh-HK").to_json())
    assert _keys(hk) == _keys(plain)
    assert hk["schema"] == plain["schema"]


def test_code_and_urls_in_markdown_are_left_alone() -> None:
    text = "算法见 `视频_api()` 和 [链接](https://example.cn/视频) 以及 https://x.cn/算法\n```\n视频 = 1\n```\n"
    out = convert(text, to="zh-TW")
    assert out.startswith("演算法見 `视频_api()`")
    assert "(https://example.cn/视频)" in out and "https://x.cn/算法" in out and "视频 = 1" in out


def test_unknown_target_is_a_typed_error() -> None:
    with pytest.raises(ConversionError):
        convert("视频", to="zh-XX")


def _keys(value: object) -> list[str]:
    if isinstance(value, dict):
        return sorted(value) + [k for v in value.values() for k in _keys(v)]
    if isinstance(value, list):
        return [k for v in value for k in _keys(v)]
    return []
