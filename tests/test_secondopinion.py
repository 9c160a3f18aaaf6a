"""The second opinion: the page's main content is restored when the classifier lost it."""

from __future__ import annotations

import json
import subprocess
import sys

from articlekit import clean
from articlekit.model import Reason

_SENTENCE = "The harbour board met again on Monday, and the vote on the new pier was close. "


def _story_with_charts(groups: int = 3, ticks: int = 40) -> str:
    """One story container whose paragraphs are split by charts of many linked labels."""
    chart = (
        "<div class='chart'>"
        + "".join(f"<div><a href='/t/{n}'>{n}%</a></div>" for n in range(ticks))
        + "</div>"
    )
    parts = [
        "".join(f"<p>{_SENTENCE * 2}Group {g}, paragraph {n}.</p>" for n in range(3))
        for g in range(groups)
    ]
    return (
        "<html><head><title>Pier vote</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<div class='story'>{chart.join(parts)}</div>"
        "<footer>Copyright 2024 Example Harbour News</footer></body></html>"
    )


def test_a_story_split_by_charts_is_restored_whole() -> None:
    article = clean(_story_with_charts())
    text = article.to_text()
    assert all(f"Group {g}, paragraph {n}." in text for g in range(3) for n in range(3))
    assert "Copyright" not in text
    assert article.notes and "second opinion" in article.notes[0]
    assert any(d.reason is Reason.RECOVERED for d in article.decisions)


def test_the_second_opinion_stays_out_when_the_classifier_agrees() -> None:
    article = clean(_story_with_charts(groups=1))
    assert article.notes == ()
    assert not any(d.reason in (Reason.RECOVERED, Reason.DISPLACED) for d in article.decisions)


def test_a_comment_thread_candidate_does_not_overrule_the_article() -> None:
    """A candidate that reads as comments (a name and a date beside each one) is no
    article, however much prose it holds."""
    story = "".join(f"<p>{_SENTENCE}Story paragraph {n}.</p>" for n in range(8))
    comments = "".join(
        f"<p>2024-05-0{n % 9 + 1} 12:3{n % 10}</p>"
        f"<p>{_SENTENCE * 2}I disagree with point {n}, and here is why.</p>"
        for n in range(12)
    )
    page = (
        f"<html><body><div class='story'><h1>Pier vote</h1>{story}</div>"
        f"<h3>Comments</h3><div class='thread'>{comments}</div></body></html>"
    )
    text = clean(page).to_text()
    assert "Story paragraph 7." in text
    assert "here is why" not in text


def test_explain_names_the_second_opinion(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "page.html"
    page.write_text(_story_with_charts(), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", "clean", str(page), "--format", "json", "--explain"],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(done.stdout)
    assert any("second opinion" in note for note in data["notes"])
