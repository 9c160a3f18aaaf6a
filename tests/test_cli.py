"""The CLI through typer's runner and through real subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from articlekit.cli.app import app
from conftest import PAGES, SEED

runner = CliRunner()


def test_clean_json_to_stdout() -> None:
    result = runner.invoke(app, ["clean", str(SEED), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema"] == "articlekit/article@1" and "removed" not in data


def test_clean_explain_adds_removed() -> None:
    result = runner.invoke(app, ["clean", str(SEED), "--format", "json", "--explain"])
    assert result.exit_code == 0
    assert any(r["reason"] == "comment stub" for r in json.loads(result.stdout)["removed"])


def test_clean_to_file_writes_markdown(tmp_path: Path) -> None:
    target = tmp_path / "out" / "talk.md"
    result = runner.invoke(app, ["clean", str(SEED), "-o", str(target), "--to", "zh-TW"])
    assert result.exit_code == 0 and result.stdout == ""
    text = target.read_text("utf-8")
    assert text.startswith("---") and "影片" in text
    assert not list(target.parent.glob("*.tmp"))


def test_clean_reads_stdin() -> None:
    result = runner.invoke(app, ["clean", "-", "--format", "text"], input=SEED.read_bytes())
    assert result.exit_code == 0 and "巅峰对话" in result.stdout


def test_missing_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    result = runner.invoke(app, ["clean", str(missing)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and str(missing) in result.stderr


def test_usage_error_exits_2() -> None:
    assert runner.invoke(app, ["clean", str(SEED), "--format", "pdf"]).exit_code == 2


def test_inspect_lists_dropped_blocks_with_reasons() -> None:
    result = runner.invoke(app, ["inspect", str(SEED), "--removed"])
    assert result.exit_code == 0
    for reason in ("comment stub", "ad/promo", "media player", "metadata line"):
        assert reason in result.stdout


def test_convert_command(tmp_path: Path) -> None:
    source = tmp_path / "notes.md"
    source.write_text("# 视频\n\n算法很重要。\n", "utf-8")
    result = runner.invoke(app, ["convert", str(source), "--to", "zh-TW"])
    assert result.exit_code == 0 and result.stdout == "# 影片\n\n演算法很重要。\n"


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "articlekit", *args], input=stdin, capture_output=True, timeout=120
    )


def test_subprocess_clean_html_page() -> None:
    done = _run("clean", str(PAGES / "cjn-1.html"), "--format", "text")
    assert done.returncode == 0 and "外媒关注武汉的热情不减" in done.stdout.decode()


def test_subprocess_pipe_text_and_version() -> None:
    done = _run("clean", "-", stdin=SEED.read_bytes())
    assert done.returncode == 0 and done.stdout.decode().startswith("---")
    version = _run("--version")
    assert version.returncode == 0 and version.stdout.decode().startswith("articlekit ")


def test_subprocess_bad_input_is_one_line_no_traceback(tmp_path: Path) -> None:
    junk = tmp_path / "junk.html"
    junk.write_bytes(bytes(range(256)) * 64)
    done = _run("clean", str(junk))
    assert done.returncode == 1
    err = done.stderr.decode()
    assert err.count("\n") == 1 and "junk.html" in err and "Traceback" not in err


def test_subprocess_convert_inspect() -> None:
    done = _run("convert", "-", "--to", "zh-HK", stdin="视频".encode())
    assert done.returncode == 0 and done.stdout.decode() == "視頻"
    inspected = _run("inspect", str(SEED))
    assert inspected.returncode == 0 and "chrome" in inspected.stdout.decode()


def test_an_output_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    """The line names the output, not the input, and the input is left alone."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    target = blocker / "talk.md"
    before = SEED.read_bytes()
    result = runner.invoke(app, ["clean", str(SEED), "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr == f"articlekit: {target}: Not a directory\n"
    assert SEED.read_bytes() == before and blocker.read_text() == "not a folder"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["clean"], ["convert", "--to", "zh-TW"]])
def test_subprocess_full_disk_on_stdout_names_stdout(command: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "articlekit", *command, str(SEED)],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    assert done.returncode == 1
    assert done.stderr == b"articlekit: stdout: No space left on device\n"


def test_subprocess_closed_pipe_ends_quietly() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "articlekit", "clean", str(SEED)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (1, b"")


@pytest.mark.parametrize("command", [["inspect"], ["clean", "--explain", "--format", "text"]])
def test_page_text_never_acts_on_the_terminal(tmp_path: Path, command: list[str]) -> None:
    """Rich markup in page text (`[link=…]`, a stray `[/x]`), escape sequences and bidi
    overrides are shown, never obeyed: they made hyperlinks, crashed, or reached the
    terminal raw."""
    prose = "这是一段正文，用来测试终端输出，内容足够长，而且有标点符号。"
    chrome = "[link=https://example.org]点此[/link] [/x] \x1b[2J\u202e反向"
    page = (
        f"<html><body><p>{chrome}</p><article><p>{prose}</p><p>{prose}</p></article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", *command, str(path)], capture_output=True, timeout=60
    )
    out = done.stdout + done.stderr
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in out and b"\x1b" not in out and "\u202e".encode() not in out
    assert b"[link=https://example.org]" in out


def test_clean_never_writes_over_its_input(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    original = (PAGES / "cjn-1.html").read_bytes()
    page.write_bytes(original)
    link = tmp_path / "link.html"
    link.symlink_to(page)
    for target in (page, link):
        done = subprocess.run(
            [sys.executable, "-m", "articlekit", "clean", str(page), "-o", str(target)],
            capture_output=True,
            timeout=60,
        )
        assert done.returncode == 1 and done.stderr.count(b"\n") == 1 and b"input" in done.stderr
        assert page.read_bytes() == original


def test_library_input_of_the_wrong_type_is_an_articlekit_error() -> None:
    from articlekit import ArticlekitError, clean

    for wrong in (None, 5, 1.5, ["<p>x</p>"]):
        with pytest.raises(ArticlekitError):
            clean(wrong)  # type: ignore[arg-type]
    page = "<p>这是一段正文，用来测试内存视图的输入，内容足够长，而且有标点符号。</p>"
    assert "内存视图" in clean(memoryview(page.encode())).to_text()  # type: ignore[arg-type]


def test_one_size_limit_for_every_command(tmp_path: Path) -> None:
    """`--max-mb` on clean, convert and batch alike: convert had no limit (100 MB took
    147 s) and batch read a whole file before its size was checked."""
    big = tmp_path / "pages" / "big.txt"
    big.parent.mkdir()
    big.write_text("这是一段正文，内容足够长，而且有标点符号。" * 60_000, "utf-8")
    for command in (["clean", str(big)], ["convert", str(big), "--to", "zh-TW"]):
        done = subprocess.run(
            [sys.executable, "-m", "articlekit", *command, "--max-mb", "1"],
            capture_output=True,
            timeout=120,
        )
        assert done.returncode == 1 and b"limit" in done.stderr, command
        assert done.stderr.count(b"\n") == 1
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", "batch", str(big.parent), "--max-mb", "1"],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 1 and b"big.txt" in done.stderr and b"limit" in done.stderr


def test_no_links_no_images_no_metadata(tmp_path: Path) -> None:
    """The switches users know from trafilatura: each leaves one thing out, words stay."""
    filler = (
        "<p>" + "The council met again on Tuesday, and the vote went on for hours. " * 3 + "</p>"
    )
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><body><article><h1>Road</h1><p>Read <a href='https://e.org/r'>the report</a> "
        f"today, all of it, and then read it again.</p><img src='https://e.org/p.jpg' alt='A road'>"
        f"{filler}</article></body></html>",
        "utf-8",
    )
    run = lambda *flags: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "articlekit", "clean", str(page), *flags],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    full = run()
    assert full.startswith("---\n") and "[the report](https://e.org/r)" in full
    assert "![A road](https://e.org/p.jpg)" in full
    assert "Read the report today" in run("--no-links") and "](https://e.org/r)" not in run(
        "--no-links"
    )
    assert "![A road]" not in run("--no-images") and "[the report]" in run("--no-images")
    assert run("--no-metadata").startswith("# Road\n") and "[the report]" in run("--no-metadata")


def test_subprocess_clean_reads_a_pipe_without_a_dash() -> None:
    done = _run("clean", "--format", "text", stdin=SEED.read_bytes())
    assert done.returncode == 0 and "巅峰对话" in done.stdout.decode()


def test_subprocess_clean_several_files_as_json_lines() -> None:
    done = _run("clean", str(PAGES / "cjn-1.html"), str(SEED), "--format", "json")
    lines = done.stdout.decode().splitlines()
    assert done.returncode == 0 and len(lines) == 2
    assert [json.loads(line)["schema"] for line in lines] == ["articlekit/article@1"] * 2


def test_subprocess_several_files_in_text_are_split_by_a_form_feed() -> None:
    done = _run("clean", str(PAGES / "cjn-1.html"), str(SEED), "--format", "text")
    first, second = done.stdout.decode().split("\n\f\n")
    assert "外媒关注武汉的热情不减" in first and "巅峰对话" in second


def test_subprocess_a_bad_file_among_several_fails_alone(tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    done = _run("clean", str(missing), str(SEED), "-o", str(tmp_path / "out"))
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == [
        f"articlekit: {missing}: No such file or directory"
    ]
    assert [p.name for p in (tmp_path / "out").iterdir()] == [f"{SEED.stem}.md"]


def test_subprocess_a_url_is_not_fetched() -> None:
    done = _run("clean", "https://example.com/news/1.html")
    assert done.returncode == 1 and done.stdout == b""
    line = done.stderr.decode()
    assert line.startswith("articlekit: https://example.com/news/1.html: is a URL")
    assert "does not fetch" in line and line.count("\n") == 1


@pytest.mark.parametrize("command", ["clean", "batch", "convert", "inspect", "warc"])
def test_every_help_has_examples_and_plain_metavars(command: str) -> None:
    done = _run(command, "--help")
    text = done.stdout.decode()
    assert done.returncode == 0 and "Examples:" in text
    for type_name in ("<str>", "<path>", "<int", "<float", "TEXT", "INTEGER"):
        assert type_name not in text, type_name
    assert "--max-mb MIB" in text


@pytest.mark.parametrize("command", ["clean", "batch", "convert", "warc"])
def test_quiet_and_verbose_on_every_command_that_reports(command: str) -> None:
    text = _run(command, "--help").stdout.decode()
    assert "-q, --quiet" in text and "-v, --verbose" in text


def test_subprocess_clean_verbose_and_quiet(tmp_path: Path) -> None:
    loud = _run("clean", str(SEED), "-v", "-o", str(tmp_path / "talk.md"))
    assert loud.returncode == 0
    assert (
        loud.stderr.decode().startswith(f"articlekit: {SEED}: ")
        and "zh-Hans" in loud.stderr.decode()
    )
    page = "Title line\n\n" + "这是正文的一段，足够长，读起来像文章，有逗号，也有句号。" * 8
    gbk = tmp_path / "page.txt"
    gbk.write_bytes(page.encode("gbk") + b"\xff")  # one bad byte: a decoding warning
    warned = _run("clean", str(gbk))
    quiet = _run("clean", str(gbk), "-q")
    assert "warning" in warned.stderr.decode() and quiet.stderr == b""
    assert quiet.stdout == warned.stdout


@pytest.mark.parametrize(
    "page", [b"nav\n", b'<html><body><div id="nav"><a href="/">Home</a> nav</div></body></html>']
)
def test_a_page_with_a_word_or_two_is_no_article(tmp_path: Path, page: bytes) -> None:
    """It was "cleaned" to a file holding the one word `nav`."""
    path = tmp_path / "page.html"
    path.write_bytes(page)
    done = _run("clean", str(path))
    assert done.returncode == 1 and done.stdout == b""
    assert done.stderr.decode() == f"articlekit: {path}: no article text found\n"
