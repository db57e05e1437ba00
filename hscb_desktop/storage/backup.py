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

from hscb_desktop.core import atomic
from hscb_desktop.core.clock import Clock
from hscb_desktop.storage import stores
from hscb_desktop.storage.errors import is_disk_full


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
        atomic.fsync_file(tmp)  # SQLite does not fsync what VACUUM INTO writes (KP-1)
        os.replace(tmp, dest)
        atomic.fsync_dir(dest.parent)
        try:
            os.chmod(dest, 0o600)
        except OSError:  # pragma: no cover
            pass
    except BaseException as exc:
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            if leftover.exists():
                leftover.unlink()
        if isinstance(exc, Exception) and is_disk_full(exc):
            # SQLITE_FULL from VACUUM INTO is about the backup's disk, not the live store.
            raise BackupFailed(
                f"The backup of the {stores.STORE_TITLES.get(store, store)} store was not made: "
                f"the disk holding {dest.parent} is full. The live stores are unchanged. Free "
                "some space there or choose another backup folder, then try again.") from exc
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


def rotate_per_store(root: Path, keep: int) -> list[Path]:
    """Delete backup folders that hold none of the newest ``keep`` copies of any store.

    Backups hold different stores (each user's automatic backup holds the stores they
    have keys for), so counting folders would let one user's backups push out the
    only copies of another's store. Folders without a readable manifest are kept.
    """
    import json

    holders: dict[str, list[Path]] = {}
    folders = sorted(p for p in root.glob("backup-*") if p.is_dir())
    for folder in folders:
        try:
            names = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["stores"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        for name in names:
            holders.setdefault(name, []).append(folder)
    wanted = {f for found in holders.values() for f in found[-keep:]}
    readable = {f for found in holders.values() for f in found}
    doomed = [f for f in folders if f in readable and f not in wanted] if keep > 0 else []
    for path in doomed:
        for child in path.iterdir():
            child.unlink()
        path.rmdir()
    return doomed
