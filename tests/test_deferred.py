"""Deferred imports: readability loads without its URL fetcher and encoding guesser,
and code that does use a deferred module still gets all of it."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from articlekit.cli.deferred import defer_imports
defer_imports(("urllib.request", "urllib.error", "chardet", "no_such_module_here", "nosuchpkg.sub"))
assert "no_such_module_here" not in sys.modules and "nosuchpkg.sub" not in sys.modules
import articlekit.html
from articlekit import clean
assert clean(b"<html><body><p>" + "一段足够长的正文，用来确认网页仍然能被清理。".encode() * 3 + b"</p></body></html>").to_text()
assert "http.client" not in sys.modules, "urllib.request was loaded"
assert "chardet.universaldetector" not in sys.modules, "chardet was loaded"
assert "tempfile" not in sys.modules, "urllib.error was loaded"
import urllib.request
from urllib.request import urlopen
assert callable(urlopen) and urllib.request.Request.__name__ == "Request"
assert sys.modules["urllib.request"].urlopen is urlopen
import urllib.error
assert issubclass(urllib.error.HTTPError, urllib.error.URLError)
import chardet
assert chardet.detect(b"plain ascii")["encoding"] == "ascii"
try:
    chardet.no_such_attribute
except AttributeError:
    pass
else:
    raise AssertionError("a missing attribute must still raise AttributeError")
print("ok")
"""


def test_deferred_modules_load_on_first_use() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_the_command_line_defers_them() -> None:
    script = (
        "import sys; sys.argv = ['articlekit', '--version']\n"
        "import articlekit.cli.finish\n"
        "articlekit.cli.finish.finish = sys.exit  # return here instead of ending the process\n"
        "from articlekit.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(type(sys.modules['urllib.request']).__name__, type(sys.modules['urllib.error']).__name__)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-2:] == ["_StandIn", "_StandIn"]
