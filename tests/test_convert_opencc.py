"""OpenCC's own test data through `articlekit.convert`: every case of every configuration
articlekit uses, the golden text, and a second pass that changes nothing."""

from __future__ import annotations

import json

import pytest

from articlekit import convert
from articlekit.export.traditional import CONFIGURATIONS
from conftest import FIXTURES

OPENCC = FIXTURES / "opencc"
CASES = [
    (config, case["id"], case["input"], case["expected"][config])
    for case in json.loads((OPENCC / "testcases.json").read_text("utf-8"))["cases"]
    for config in CONFIGURATIONS
    if config in case["expected"]
]


@pytest.mark.parametrize(("config", "case_id", "text", "expected"), CASES)
def test_every_opencc_case(config: str, case_id: str, text: str, expected: str) -> None:
    to, source = CONFIGURATIONS[config]
    assert convert(text, to=to, source=source) == expected


@pytest.mark.parametrize(
    ("config", "to"), [("s2t", "zh-Hant"), ("s2twp", "zh-TW"), ("s2hk", "zh-HK")]
)
def test_the_golden_text_and_its_second_pass(config: str, to: str) -> None:
    source = (OPENCC / "us_constitution_zhs.txt").read_text("utf-8")
    expected = (OPENCC / f"us_constitution_zhs.{config}.txt").read_text("utf-8")
    once = convert(source, to=to)
    assert once == expected
    assert convert(once, to=to) == once
