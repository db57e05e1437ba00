"""Backups through the engine, never by copying the file (DB-4).

``VACUUM INTO`` writes a consistent, still-encrypted copy even while the app is
writing; the copy goes to a temporary name, is reopened with the store's key and
checked (``integrity_check`` + ``cipher_integrity_check``), and only then renamed
into place. Old backups are rotated.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from hscb_desktop.core.clock import Clock
from hscb_desktop.storage import stores


class BackupFailed(Exception):
    pass


def backup_database(db, key: bytes, dest: Path, store: str = "") -> Path:
    """Copy one open store to ``dest`` through the engine and verify the copy."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.partial")
    if tmp.exists():
        tmp.unlink()
    try:
        db.execute_sql("VACUUM INTO ?", (str(tmp),))
        copy = stores.open_store(store or "backup", tmp, key, read_only=True)
        try:
            problems = stores.integrity_problems(copy)
        finally:
            copy.close()
        if problems:
            raise BackupFailed(f"the backup of {store} failed its integrity check: {problems[0]}")
        os.replace(tmp, dest)
        try:
            os.chmod(dest, 0o600)
        except OSError:  # pragma: no cover
            pass
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            if leftover.exists():
                leftover.unlink()
        raise
    for side in ("-wal", "-shm"):
        leftover = tmp.with_name(tmp.name + side)
        if leftover.exists():
            leftover.unlink()
    return dest


def timestamp(clock: Clock) -> str:
    return clock.now().astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def rotate(folder: Path, pattern: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` matches (names sort by timestamp)."""
    found = sorted(folder.glob(pattern))
    doomed = found[:-keep] if keep > 0 else []
    for path in doomed:
        if path.is_dir():
            for child in path.iterdir():
                child.unlink()
            path.rmdir()
        else:
            path.unlink()
    return doomed
