"""Running many pages: folders, WARC files, engines.

`guard` cleans each page in a warm child process with a time limit (`warmup` readies
it), so one bad page fails alone; `batch` cleans a folder into a mirrored one and
`warc` the records of WARC files, both writing atomically (`atomic`) and resumable
(`ledger`); `records` is the row schema the engine integrations share.
"""

from __future__ import annotations
