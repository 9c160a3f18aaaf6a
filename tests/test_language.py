"""Language tags: scripts by letter count, other languages by fastText's identifier."""

from __future__ import annotations

import pytest

from articlekit import clean
from articlekit.structure.language import detect_text_language

ENGLISH_WITH_NAMES = (
    "The publisher Condé Nast said on Tuesday that it would close two magazines, and the "
    "chief executive of Dräger told analysts that orders had fallen for a second quarter."
)


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        (ENGLISH_WITH_NAMES, "en"),  # a letter count called this `und`
        ("Der Bundestag hat am Donnerstag beschlossen, dass die Länder mehr Geld bekommen.", "de"),
        ("El gobierno anunció hoy nuevas medidas para la economía del país.", "es"),
        # All ASCII, and not English: a letter count called this `en`.
        ("Pemerintah mengumumkan langkah baru untuk ekonomi negara pada hari ini.", "id"),
        ("这个模型说明了我们的发现，研究人员说。", "zh-Hans"),
        ("這個模型說明了我們的發現，研究人員說。", "zh-Hant"),
        ("このモデルは私たちの発見を説明しています。", "ja"),
        ("", "und"),
    ],
)
def test_language_of_a_text(text: str, tag: str) -> None:
    assert detect_text_language(text) == tag


def test_an_english_page_naming_accented_people_is_english() -> None:
    page = f"<html><body><article><h1>Two magazines close</h1><p>{ENGLISH_WITH_NAMES}</p>"
    page += f"<p>{ENGLISH_WITH_NAMES}</p></article></body></html>"
    assert clean(page).language == "en"
