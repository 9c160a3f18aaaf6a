"""Imports a dependency makes for code paths articlekit never takes, deferred.

readability-lxml imports `urllib.request` for its own command line's URL fetcher
(which pulls in http.client, email and ssl: 19 ms) with its `urllib.error` (whose
`urllib.response` loads tempfile, shutil, random, bz2 and lzma: about 5 ms), and
chardet to guess the encoding of byte input (10 ms); articlekit hands readability a
tree parsed from text it decoded itself, so none of them is ever used. Those 30 ms are a quarter of the serial start of a
parallel batch, and of `articlekit clean page.html`.

Only the command line defers them, as it owns its process: a library must not change
what other code's imports do. A deferred module is a stand-in in `sys.modules`; the
first read of any of its attributes imports the real module, so code that does use
it still works. (`importlib.util.LazyLoader` cannot do this job: the import statement
itself reads the module's `__spec__`, which makes it load at once.)
"""

from __future__ import annotations

import sys
import types
from importlib import import_module
from importlib.util import find_spec

UNUSED_BY_ARTICLEKIT = ("urllib.request", "urllib.error", "chardet")


class _StandIn(types.ModuleType):
    """A module not imported yet: reading a missing attribute imports it."""

    def __getattr__(self, attr: str) -> object:
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        real = import_module(name)  # binds the real module on its package too
        self.__dict__.update(real.__dict__)  # later reads skip this method
        return getattr(real, attr)


def defer_imports(names: tuple[str, ...] = UNUSED_BY_ARTICLEKIT) -> None:
    """Put a stand-in in `sys.modules` for each module of `names` that exists and is
    not imported yet."""
    for name in names:
        if name in sys.modules:
            continue
        try:
            if find_spec(name) is None:
                continue
        except ImportError:  # its package is missing
            continue
        stand_in = _StandIn(name)
        sys.modules[name] = stand_in
        parent, _, child = name.rpartition(".")
        if parent:  # `import urllib.request` then reads `request` off the package
            setattr(sys.modules[parent], child, stand_in)
