"""Work the engine would otherwise do in the middle of a save, done while the user is idle.

A save writes a handful of WAL pages; SQLite copies the WAL back into the database
(a checkpoint, with an fsync under synchronous=FULL) when it grows past
``wal_autocheckpoint`` pages, and FTS5 merges its index segments as they pile up.
Both land on whichever save crosses the line: the slowest 1 % of saves
(bench/lado_speed.py). The stores' automatic checkpoint is set high (stores.PRAGMAS)
as a safety cap, and ``idle_step`` does the same work when nobody is typing.
"""
from __future__ import annotations

from hscb_desktop.storage import search, stores

MERGE_PAGES = 500  # FTS5 'merge' work per round: a few ms
MERGE_ROUNDS = 4


def idle_step() -> dict[str, int]:
    """Checkpoint every open store and merge its search indexes a little.
    Returns the WAL pages checkpointed per store. Safe to call at any time."""
    done: dict[str, int] = {}
    for name in stores.STORE_NAMES:
        if not stores.is_open(name) or stores.is_server(name):  # the server vacuums its own
            continue
        db = stores.proxy(name)
        for index in search.indexes(name):
            for _ in range(MERGE_ROUNDS):
                search.merge(name, index, MERGE_PAGES)
        row = db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        done[name] = int(row[2]) if row else 0
    return done
