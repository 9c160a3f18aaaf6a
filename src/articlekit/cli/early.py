"""Work the command line starts before its framework loads.

`articlekit batch --jobs N` needs ~0.2 s to import lxml, readability and the
vocabularies before its workers clean anything, and ~0.12 s in the parent to load
typer and click. Started first, the workers' import overlaps the parent's instead of
following it; on a 100-page folder that start-up is a fifth of the whole `--jobs 2`
run. On Linux the import happens once, in the zygote the workers are forked from
(`articlekit.forkpool`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any


def prestart_batch_workers(args: list[str]) -> None:
    """Start the batch workers now if the arguments ask for a parallel batch.

    Only a plain reading of the arguments: when it guesses wrong the workers are
    stopped unused (`articlekit.batch.release_prestarted_workers`), or a run starts
    its own.
    """
    if not args or args[0] != "batch" or {"-h", "--help"} & set(args):
        return
    jobs = _jobs(args[1:])
    if jobs is None or jobs <= 1:
        return
    from articlekit import forkpool

    if forkpool.available():  # fork the zygote now, before even the batch module loads
        forkpool.prestart(jobs, _batch_worker_setup)
        return
    from articlekit.batch import prestart_workers

    prestart_workers(jobs)


def _batch_worker_setup() -> Callable[[Any], Any]:
    """Run in the zygote: import the batch module and what its workers need."""
    from articlekit.batch import worker_setup

    return worker_setup()


def default_jobs() -> int:
    """Worker processes when `--jobs` is not given: one per CPU."""
    return os.cpu_count() or 1


def _jobs(args: list[str]) -> int | None:
    """The `--jobs`/`-j` value (default: CPU count), or None when it is not a number.

    >>> _jobs(["dir", "--jobs", "3"]), _jobs(["dir", "-j4"]), _jobs(["dir", "--jobs=x"])
    (3, 4, None)
    """
    value: str | None = None
    for index, arg in enumerate(args):
        if arg in ("--jobs", "-j"):
            value = args[index + 1] if index + 1 < len(args) else None
        elif arg.startswith("--jobs="):
            value = arg.partition("=")[2]
        elif arg.startswith("-j") and len(arg) > 2:
            value = arg[2:]
    if value is None:
        return default_jobs()
    return int(value) if value.isdigit() else None
