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


_SIMPLIFIED_ONLY = set("这个们来说时会为国对于发学与关经过还进动现实产么样门问题开长见间话张东车书")
_TRADITIONAL_ONLY = set(
    "這個們來說時會為國對於發學與關經過還進動現實產麼樣門問題開長見間話張東車書"
)


@pytest.mark.parametrize("page", ["seed", "cjn-1.html", "zh-gbk.html", "cjn-1.txt"])
@pytest.mark.parametrize("target", ["zh-TW", "zh-HK", "zh-Hant"])
def test_every_real_page_converts_once_and_then_stays(page: str, target: str) -> None:
    """The guard that kept conversion idempotent skipped text with no Simplified-only
    character: a heading `## 程序` stayed Simplified while the body read 程式."""
    from articlekit import clean
    from conftest import FIXTURES, PAGES

    path = FIXTURES / "seed" / "infoq-sora-talk.txt" if page == "seed" else PAGES / page
    once = clean(path.read_bytes()).converted(target).to_markdown()
    assert not _SIMPLIFIED_ONLY & set(once)
    assert convert(once, to=target) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [("算法很重要", "演算法很重要"), ("## 程序\n\n程序很重要。", "## 程式\n\n程式很重要。")],
)
def test_text_of_shared_characters_still_gets_taiwan_phrasing(text: str, expected: str) -> None:
    assert convert(text, to="zh-TW") == expected
    assert convert(expected, to="zh-TW") == expected


def test_every_part_of_the_article_is_converted_and_no_key_url_or_code(seed_article) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from articlekit.model import Block, BlockKind, Section, Turn

    parts = Section(
        kind="lecture",
        heading="视频标题",
        blocks=(
            Block(BlockKind.LIST, "视频\n软件", 0, items=("视频", "软件")),
            Block(BlockKind.TABLE, "视频 软件", 1, rows=(("视频", "软件"),)),
            Block(BlockKind.IMAGE, "视频截图", 2, src="https://x.cn/视频.png"),
            Block(BlockKind.CODE, "视频 = 1", 3),
            Block(BlockKind.PARAGRAPH, "见 https://x.cn/视频 和 `视频()`", 4),
        ),
    )
    qa = Section(kind="qa", heading="对话", turns=(Turn("记者", "视频怎么样？"),))
    article = replace(
        seed_article,
        title="视频",
        authors=("张伟",),
        location="北京",
        site="视频网",
        sections=(parts, qa),
        speaker_aliases=(("《某报》记者", "记者"),),
    )
    data = json.loads(article.converted("zh-TW").to_json())
    assert data.pop("speaker_aliases") == {"《某報》記者": "記者"}  # names, not keys
    plain = article.to_dict()
    plain.pop("speaker_aliases")
    assert _keys(data) == _keys(plain)
    assert (data["title"], data["authors"], data["location"], data["site"]) == (
        "影片",
        ["張偉"],
        "北京",
        "影片網",
    )
    lecture, turns = data["sections"]
    assert lecture["heading"] == "影片標題"
    assert lecture["blocks"][0]["items"] == ["影片", "軟體"]
    assert lecture["blocks"][1]["rows"] == [["影片", "軟體"]]
    assert lecture["blocks"][2] == {
        "type": "image",
        "src": "https://x.cn/视频.png",
        "alt": "影片截圖",
    }
    assert lecture["blocks"][3]["text"] == "视频 = 1"
    assert lecture["blocks"][4]["text"] == "見 https://x.cn/视频 和 `视频()`"
    assert turns["heading"] == "對話"
    assert turns["turns"] == [{"speaker": "記者", "text": "影片怎麼樣？"}]


def test_a_big5_page_converts_to_simplified(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A Traditional page saved in Big5 (made here from a real page: its article in Taiwan
    Traditional, declared big5) comes out Simplified with `--to zh-Hans`."""
    import subprocess
    import sys

    from articlekit import clean
    from conftest import PAGES

    article = clean((PAGES / "zh-gbk.html").read_bytes()).converted("zh-TW")
    paragraphs = "".join(f"<p>{p}</p>" for p in article.to_text().split("\n\n") if p.strip())
    page = f'<html><head><meta charset="big5"><title>{article.title}</title></head><body>{paragraphs}</body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("big5", "xmlcharrefreplace"))
    assert _TRADITIONAL_ONLY & set(article.to_text())
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", "clean", str(path), "--to", "zh-Hans", "-f", "json"],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    text = json.dumps(data["sections"], ensure_ascii=False) + data["title"]
    assert data["language"] == "zh-Hans"
    assert not _TRADITIONAL_ONLY & set(text)
    assert _SIMPLIFIED_ONLY & set(text)


def test_a_phrase_list_overrides_opencc_and_a_bad_one_names_its_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    text = tmp_path / "in.md"
    text.write_text("云计算和视频。", "utf-8")
    phrases = tmp_path / "phrases.tsv"
    phrases.write_text("# our spelling\n云计算\t雲端運算\n", "utf-8")
    cmd = [sys.executable, "-m", "articlekit", "convert", str(text), "--to", "zh-TW"]
    done = subprocess.run([*cmd, "--phrases", str(phrases)], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == "雲端運算和影片。"
    phrases.write_text("云计算\t雲端運算\n视频 影片\n", "utf-8")
    done = subprocess.run([*cmd, "--phrases", str(phrases)], capture_output=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.decode().startswith(f"articlekit: {phrases}:2: expected 'source<TAB>target'")
    assert done.stderr.count(b"\n") == 1


def test_from_needs_to_simplified() -> None:
    import subprocess
    import sys

    from conftest import PAGES

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "articlekit",
            "clean",
            str(PAGES / "cjn-1.html"),
            "--to",
            "zh-TW",
            "--from",
            "zh-HK",
        ],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stderr.count(b"\n") == 1 and b"--from" in done.stderr
