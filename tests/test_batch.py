"""`articlekit batch` through real subprocesses: mirroring, failures, resume, interrupt."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from articlekit import BatchSettings, clean_folder
from articlekit.export.jsonout import json_schema
from conftest import PAGES, SEED


def _folder(root: Path, copies: int = 3) -> Path:
    source = root / "pages"
    for index in range(copies):
        nested = source / f"site{index}" / "deep"
        nested.mkdir(parents=True)
        shutil.copy(PAGES / "cjn-1.html", nested / "news.html")
        shutil.copy(PAGES / "zh-gbk.html", source / f"site{index}" / "gbk.htm")
        shutil.copy(SEED, source / f"site{index}" / "talk.txt")
        shutil.copy(PAGES / "en-opinion.html", source / f"site{index}" / "opinion.html")
    (source / "random.html").write_bytes(os.urandom(4096) + b"\x00")
    (source / "empty.txt").write_bytes(b"")
    (source / "notes.pdf").write_bytes(b"%PDF-1.4 not a page")
    return source


def _batch(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "articlekit", "batch", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def test_batch_mirrors_tree_reports_bad_files_and_exits_1(tmp_path: Path) -> None:
    source = _folder(tmp_path)
    out = tmp_path / "out"
    before = {p: p.read_bytes() for p in source.rglob("*") if p.is_file()}
    done = _batch(str(source), "-o", str(out), "--format", "json", "--jobs", "2")
    assert done.returncode == 1
    assert "random.html" in done.stderr and "empty.txt" in done.stderr
    outputs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert len(outputs) == 12 and "site0/deep/news.json" in outputs and "site2/talk.json" in outputs
    for path in out.rglob("*.json"):
        jsonschema.validate(json.loads(path.read_text("utf-8")), json_schema())
    assert not list(out.rglob("*.tmp"))
    assert before == {p: p.read_bytes() for p in source.rglob("*") if p.is_file()}, "inputs touched"


def test_rerun_skips_up_to_date_outputs(tmp_path: Path) -> None:
    source = _folder(tmp_path, copies=1)
    out = tmp_path / "out"
    _batch(str(source), "-o", str(out), "--jobs", "1")
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.md")}
    again = _batch(str(source), "-o", str(out), "--jobs", "1")
    assert again.returncode == 1  # the two bad files still fail
    assert stamps == {p: p.stat().st_mtime_ns for p in out.rglob("*.md")}
    forced = _batch(str(source), "-o", str(out), "--jobs", "1", "--force")
    assert (
        any(p.stat().st_mtime_ns != stamps[p] for p in out.rglob("*.md")) and forced.returncode == 1
    )


def test_jsonl_one_line_per_article_with_its_path(tmp_path: Path) -> None:
    source = _folder(tmp_path, copies=1)
    target = tmp_path / "all.jsonl"
    done = _batch(str(source), "-o", str(target), "--format", "jsonl", "--to", "zh-TW")
    assert done.returncode == 1
    rows = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert sorted(r["source"] for r in rows) == [
        "site0/deep/news.html",
        "site0/gbk.htm",
        "site0/opinion.html",
        "site0/talk.txt",
    ]
    for row in rows:
        jsonschema.validate(row, json_schema())
    assert all(r["language"] == "zh-Hant-TW" for r in rows)


def test_good_folder_exits_0_and_glob_selects(tmp_path: Path) -> None:
    source = _folder(tmp_path, copies=1)
    done = _batch(str(source), "-o", str(tmp_path / "o"), "--glob", "*.txt", "--glob", "*.htm")
    # empty.txt matches *.txt and fails; talk.txt and gbk.htm are cleaned
    assert done.returncode == 1 and sorted(p.name for p in (tmp_path / "o").rglob("*.md")) == [
        "gbk.md",
        "talk.md",
    ]
    only_html = _batch(str(source), "-o", str(tmp_path / "h"), "--glob", "*.htm")
    assert only_html.returncode == 0


def test_not_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    assert _batch(str(tmp_path / "missing"), "-o", str(tmp_path / "o")).returncode == 2


@pytest.mark.skipif(not hasattr(signal, "SIGINT"), reason="needs POSIX signals")
def test_interrupt_leaves_only_complete_files_and_rerun_finishes(tmp_path: Path) -> None:
    source = _folder(tmp_path, copies=30)
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-m",
        "articlekit",
        "batch",
        str(source),
        "-o",
        str(out),
        "--format",
        "json",
        "--jobs",
        "2",
    ]
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(out.rglob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)  # interrupt once the run is under way, however slow the machine
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert "Traceback" not in err
    assert not list(out.rglob("*.tmp"))
    for path in out.rglob("*.json"):
        json.loads(path.read_text("utf-8"))  # every file present is whole
    finished = _batch(str(source), "-o", str(out), "--format", "json", "--jobs", "2")
    assert finished.returncode == 1 and len(list(out.rglob("*.json"))) == 120


def test_library_iterator(tmp_path: Path) -> None:
    source = _folder(tmp_path, copies=1)
    results = list(clean_folder(BatchSettings(source=source, outdir=tmp_path / "o", fmt="text")))
    statuses = {r.relative: r.status.value for r in results}
    assert statuses["random.html"] == "failed" and statuses["site0/talk.txt"] == "cleaned"
    assert "notes.pdf" not in statuses


@pytest.mark.parametrize("through_symlink", [False, True])
def test_the_input_folder_is_never_the_output_folder(tmp_path: Path, through_symlink: bool) -> None:
    """Outputs beside the inputs overwrote them (`page.txt` cleaned from `page.html`
    over an input `page.txt`) and were cleaned again by the next run: refused, in the
    library and on the command line, and nothing is written."""
    from articlekit import ArticlekitError

    source = tmp_path / "pages"
    source.mkdir()
    shutil.copy(PAGES / "cjn-1.html", source / "page.html")
    shutil.copy(SEED, source / "page.txt")
    before = {p.name: p.read_bytes() for p in source.iterdir()}
    outdir = source
    if through_symlink:  # another name for the same folder
        outdir = tmp_path / "alias"
        outdir.symlink_to(source, target_is_directory=True)
    with pytest.raises(ArticlekitError, match="input folder"):
        list(clean_folder(BatchSettings(source=source, outdir=outdir, fmt="text")))
    done = _batch(str(source), "-o", str(outdir), "--format", "text")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "input folder" in done.stderr
    assert before == {p.name: p.read_bytes() for p in source.iterdir()}


def test_a_link_out_of_the_folder_is_not_followed_and_dot_is_a_folder(tmp_path: Path) -> None:
    """A file link leading out of the input folder was cleaned like a page of it
    (`batch` read, and wrote out, what it pointed to); `batch .` crashed on naming
    its default output folder."""
    secret = tmp_path / "elsewhere" / "private.html"
    secret.parent.mkdir()
    shutil.copy(PAGES / "en-opinion.html", secret)
    source = tmp_path / "pages"
    source.mkdir()
    shutil.copy(PAGES / "cjn-1.html", source / "news.html")
    (source / "inside.html").symlink_to(source / "news.html")
    (source / "leak.html").symlink_to(secret)
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", "batch", ".", "--jobs", "1"],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    outputs = sorted(p.name for p in (tmp_path / "pages-clean").glob("*.md"))
    assert outputs == ["inside.md", "news.md"]


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="needs POSIX signals")
@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_stopped_jsonl_run_keeps_its_finished_lines_and_no_temp_file(
    tmp_path: Path, stop: str
) -> None:
    """Ctrl-C threw away every finished JSONL line, and SIGTERM left the temp file."""
    source = _folder(tmp_path, copies=40)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "articlekit", "batch", str(source), "-o", str(out)]
    process = subprocess.Popen(
        [*cmd, "--format", "jsonl", "--jobs", "1"], stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(
        p.stat().st_size for p in out.glob(".articles.jsonl.*.tmp")
    ):
        time.sleep(0.05)  # stop once lines are written, however slow the machine
    process.send_signal(getattr(signal, stop))
    _, err = process.communicate(timeout=120)
    assert "Traceback" not in err
    assert not list(out.glob("*.tmp")) and not (out / "articles.jsonl").exists()
    kept = out / "articles.partial.jsonl"
    assert kept.exists(), (process.returncode, sorted(p.name for p in out.iterdir()), err[-2000:])
    lines = kept.read_text("utf-8").splitlines()
    assert lines and all(json.loads(line)["source"] for line in lines)


def test_jsonl_keeps_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """One such name crashed the run and no JSONL was written at all."""
    source = tmp_path / "pages"
    source.mkdir()
    odd = os.fsdecode(b"caf\xe9.html")  # Latin-1 bytes: not valid UTF-8
    shutil.copy(PAGES / "cjn-1.html", source / odd)
    done = _batch(str(source), "-o", str(tmp_path / "out"), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    raw = (tmp_path / "out" / "articles.jsonl").read_bytes()
    record = json.loads(raw.decode("utf-8"))
    assert os.fsencode(record["source"]) == b"caf\xe9.html"


def test_a_failed_file_name_cannot_drive_the_terminal(tmp_path: Path) -> None:
    source = tmp_path / "pages"
    source.mkdir()
    (source / "bad\x1b[2J\u202e.html").write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", "batch", str(source), "-o", str(tmp_path / "o")],
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert b"\x1b" not in done.stderr and "\u202e".encode() not in done.stderr
    assert "bad\ufffd[2J\ufffd.html".encode() in done.stderr


def test_dash_is_not_an_output_folder(tmp_path: Path) -> None:
    """`batch pages -o -` created a folder named `-`."""
    source = _folder(tmp_path, copies=1)
    done = subprocess.run(
        [sys.executable, "-m", "articlekit", "batch", str(source), "-o", "-"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert not (tmp_path / "-").exists()


def test_a_file_articlekit_did_not_write_is_never_replaced(tmp_path: Path) -> None:
    """`batch saved -o ~/Documents` replaced a notes.md the user kept there."""
    source = tmp_path / "saved"
    source.mkdir()
    shutil.copy(PAGES / "cjn-1.html", source / "notes.html")
    shutil.copy(PAGES / "en-opinion.html", source / "other.html")
    out = tmp_path / "documents"
    out.mkdir()
    mine = out / "notes.md"
    mine.write_text("my own notes", "utf-8")
    os.utime(mine, (0, 0))  # older than the input, so not taken as up to date
    done = _batch(str(source), "-o", str(out))
    assert done.returncode == 1
    assert "notes.md exists and was not written by articlekit" in done.stderr
    assert mine.read_text("utf-8") == "my own notes" and (out / "other.md").exists()
    os.utime(source / "other.html")  # a changed input: its own output is rewritten
    again = _batch(str(source), "-o", str(out))
    assert again.returncode == 1 and "other.html" not in again.stderr
    assert mine.read_text("utf-8") == "my own notes"
    forced = _batch(str(source), "-o", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert mine.read_text("utf-8").startswith("---")


def test_batch_leaves_out_links_images_and_front_matter_when_told(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    filler = (
        "<p>" + "The council met again on Tuesday, and the vote went on for hours. " * 3 + "</p>"
    )
    (pages / "a.html").write_text(
        f"<html><body><article><h1>Road</h1><p>Read <a href='https://e.org/r'>the report</a> "
        f"today, all of it.</p><img src='https://e.org/p.jpg' alt='A road'>{filler}"
        "</article></body></html>",
        "utf-8",
    )
    settings = BatchSettings(
        source=pages,
        outdir=tmp_path / "out",
        keep_links=False,
        keep_images=False,
        metadata=False,
    )
    results = list(clean_folder(settings))
    assert [r.status for r in results] == ["cleaned"]
    markdown = (tmp_path / "out" / "a.md").read_text("utf-8")
    assert markdown.startswith("# Road\n") and "Read the report today" in markdown
    assert "](" not in markdown


def test_a_change_of_options_or_version_recleans_and_nothing_changed_skips(tmp_path: Path) -> None:
    source = _folder(tmp_path, copies=1)
    out = tmp_path / "out"
    _batch(str(source), "-o", str(out), "--jobs", "2")
    same = _batch(str(source), "-o", str(out), "--jobs", "2")
    assert "0           0                     4" in same.stderr  # cleaned, re-cleaned, skipped
    converted = _batch(str(source), "-o", str(out), "--jobs", "2", "--to", "zh-TW")
    assert "re-cleaned: 4 options changed" in converted.stderr
    assert "影片" in (out / "site0" / "talk.md").read_text("utf-8")
    ledger = out / ".articlekit-outputs"
    ledger.write_bytes(ledger.read_bytes().replace(b" 0.", b" 0.0.0-older."))
    upgraded = _batch(str(source), "-o", str(out), "--jobs", "2", "--to", "zh-TW")
    assert "re-cleaned: 4 articlekit version changed" in upgraded.stderr
    talk = source / "site0" / "talk.txt"
    talk.write_bytes(talk.read_bytes() + "\n再补一段。".encode())
    edited = _batch(str(source), "-o", str(out), "--jobs", "2", "--to", "zh-TW")
    assert "re-cleaned: 1 input changed" in edited.stderr


def test_jsonl_to_stdout_and_several_patterns_in_one_glob(tmp_path: Path) -> None:
    source = _folder(tmp_path, copies=1)
    done = _batch(str(source), "-o", "-", "--format", "jsonl", "--glob", "*.htm *.txt")
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert sorted(r["source"] for r in rows) == ["site0/gbk.htm", "site0/talk.txt"]
    assert "empty.txt" in done.stderr and done.returncode == 1


def test_no_matching_file_is_a_warning_and_exit_1(tmp_path: Path) -> None:
    source = _folder(tmp_path, copies=1)
    done = _batch(str(source), "-o", str(tmp_path / "o"), "--glob", "*.xhtml")
    assert done.returncode == 1
    assert f"articlekit: {source}: warning: no file matches *.xhtml" in done.stderr


def test_an_output_folder_inside_the_input_folder_is_never_read(tmp_path: Path) -> None:
    source = _folder(tmp_path, copies=1)
    out = source / "clean"
    for _ in range(2):
        done = _batch(str(source), "-o", str(out), "--format", "text", "--jobs", "2")
    assert done.returncode == 1
    assert not list(out.rglob("clean")) and len(list(out.rglob("*.txt"))) == 4


def test_quiet_says_only_errors_and_verbose_names_every_file(tmp_path: Path) -> None:
    source = _folder(tmp_path, copies=1)
    quiet = _batch(str(source), "-o", str(tmp_path / "q"), "-q")
    assert sorted(quiet.stderr.splitlines()) == sorted(
        [
            f"articlekit: {source / 'empty.txt'}: input is empty",
            f"articlekit: {source / 'random.html'}: {_reason(quiet.stderr, 'random.html')}",
        ]
    )
    verbose = _batch(str(source), "-o", str(tmp_path / "q"), "-v")
    assert f"articlekit: {source / 'site0' / 'talk.txt'}: skipped (up to date)" in verbose.stderr


def _reason(stderr: str, name: str) -> str:
    line = next(line for line in stderr.splitlines() if name in line)
    return line.rsplit(": ", 1)[1]


def test_a_jsonl_run_never_reads_its_own_output(tmp_path: Path) -> None:
    source = _folder(tmp_path, copies=1)
    target = source / "all.jsonl"
    for _ in range(2):
        done = _batch(str(source), "-o", str(target), "--format", "jsonl", "--glob", "*")
    rows = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert "all.jsonl" not in {r["source"] for r in rows}
    assert not [line for line in done.stderr.splitlines() if ".jsonl" in line and "→" not in line]
