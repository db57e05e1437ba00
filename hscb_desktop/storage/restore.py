"""Bring stores back from a verified backup (DB-4, GOV-4, DB-5).

A backup folder (``Workspace.backup_all``) holds ``<store>.db`` copies made by the
engine, ``keyring.json`` and ``manifest.json`` with each store's audit head. A
restore here:

1. checks each chosen copy with its store's key: it opens, ``integrity_check`` and
   ``cipher_integrity_check`` are clean, and its audit chain verifies up to the head
   the manifest recorded (``verify_store``);
2. copies it through the engine (``VACUUM INTO``, reopened and checked) to a staging
   name beside the live file, never by copying the file;
3. moves the live file (and any ``-wal``/``-shm`` beside it, which must never be
   paired with another database) into ``<data>/replaced-<timestamp>/``: nothing is
   deleted or overwritten, a damaged file included;
4. renames the staged copy into place.

The caller closes the stores first and audits the restore afterwards
(``security.recovery``). Keys are given by the caller: a store's key never changes,
so any key that opens the live store opens each of its backups.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Iterable

from hscb_desktop.core.atomic import atomic_write_text
from hscb_desktop.core.clock import Clock
from hscb_desktop.paths import DataPaths
from hscb_desktop.storage import audit, backup, stores
from hscb_desktop.storage.errors import StoreError

MANIFEST = "manifest.json"
KEYRING = "keyring.json"
SIDE_FILES = ("-wal", "-shm", "-journal")


class BackupUnusable(StoreError):
    """A backup folder or one of its stores cannot be used; the message says why."""


@dataclass(frozen=True)
class StoreCopy:
    name: str
    path: Path
    audit_entries: int
    audit_head: str


@dataclass(frozen=True)
class BackupInfo:
    folder: Path
    created: dt.datetime | None
    stores: dict[str, StoreCopy]
    reason: str = ""  # "manual", "exit", "daily" (older backups: "")
    made_by: str = ""

    @property
    def has_keyring(self) -> bool:
        return (self.folder / KEYRING).is_file()

    def local_time(self) -> str:
        """dd/mm/yyyy HH:MM in local time, for lists and messages."""
        if self.created is None:
            return "unknown date"
        return self.created.astimezone().strftime("%d/%m/%Y %H:%M")


@dataclass(frozen=True)
class StoreCheck:
    store: str
    ok: bool
    problem: str = ""
    audit_entries: int = 0
    audit_head: str = ""


@dataclass
class RestoreResult:
    backup: BackupInfo
    stores: list[str]
    replaced: Path  # where the live files were moved
    moved: list[str] = field(default_factory=list)  # file names moved aside
    keyring_restored: bool = False


# -- reading backups -------------------------------------------------------------
def read_backup(folder: Path) -> BackupInfo:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        created = dt.datetime.fromisoformat(manifest["created"]) if manifest.get("created") else None
        copies = {
            name: StoreCopy(name, folder / f"{name}.db", int(entry["audit_entries"]),
                            str(entry["audit_head"]))
            for name, entry in manifest["stores"].items() if name in stores.STORE_NAMES
        }
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BackupUnusable(f"{folder.name} has no readable manifest ({type(exc).__name__}).") from None
    return BackupInfo(folder, created, copies, str(manifest.get("reason", "")),
                      str(manifest.get("made_by", "")))


def list_backups(root: Path) -> list[BackupInfo]:
    """Backup folders under ``root`` (or ``root`` itself when it is one), newest first.
    Folders without a readable manifest are skipped."""
    if (root / MANIFEST).is_file():
        candidates = [root]
    else:
        try:
            candidates = [p for p in root.iterdir() if p.is_dir() and (p / MANIFEST).is_file()]
        except OSError:
            return []
    found = []
    for folder in candidates:
        try:
            found.append(read_backup(folder))
        except BackupUnusable:
            continue
    oldest = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    return sorted(found, key=lambda b: (b.created or oldest, b.folder.name), reverse=True)


def configured_folder(paths: DataPaths, core_key: bytes) -> Path | None:
    """The ``backup_folder`` setting, read from a read-only opening of the live core store
    (it may be the damaged one, or the session may not be signed in): None when unset or
    unreadable."""
    try:
        db = stores.open_store(stores.CORE, paths.store_file(stores.CORE), core_key,
                               read_only=True)
    except StoreError:
        return None
    try:
        row = db.execute_sql("SELECT value FROM setting WHERE key = 'backup_folder'").fetchone()
    except stores.ENGINE_ERRORS:
        row = None
    finally:
        db.close()
    text = str(json.loads(row[0]) or "").strip() if row else ""
    return Path(text).expanduser() if text else None


def backup_roots(paths: DataPaths, core_key: bytes | None) -> list[Path]:
    """Where backups are looked for: the data folder's backups/, and the configured backup
    folder when the core store's key is at hand."""
    roots = [paths.backups]
    configured = configured_folder(paths, core_key) if core_key is not None else None
    if configured is not None and configured != paths.backups:
        roots.append(configured)
    return roots


def all_backups(roots: Iterable[Path]) -> list[BackupInfo]:
    """The backups under every root (each folder once), newest first."""
    seen: set[Path] = set()
    found: list[BackupInfo] = []
    for root in roots:
        for info in list_backups(root):
            if info.folder.resolve() not in seen:
                seen.add(info.folder.resolve())
                found.append(info)
    oldest = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    return sorted(found, key=lambda b: (b.created or oldest, b.folder.name), reverse=True)


# -- checking a copy -------------------------------------------------------------
def _verify_chain(db, name: str, anchor: tuple[int, str]) -> audit.ChainReport:
    """audit.verify's checks on a database that is not bound to the store's proxy (the
    live store may be open at the same time), with the same hashing functions."""
    redacted = {r[0] for r in db.execute_sql("SELECT seq FROM audit_redacted").fetchall()}
    values = {r[0]: (r[1], r[2]) for r in db.execute_sql("SELECT seq, old, new FROM audit_value")}
    cols = "seq, ts, user, roles, action, record_table, record_id, reason, old_hash, new_hash, " \
           "prev_hash, entry_hash"
    prev, count, expected = audit.GENESIS, 0, 1
    for row in db.execute_sql(f"SELECT {cols} FROM audit_entry ORDER BY seq"):
        e = SimpleNamespace(**dict(zip([c.strip() for c in cols.split(",")], row)))

        def broken(why: str, seq: int = e.seq) -> audit.ChainReport:
            return audit.ChainReport(name, False, count, prev, seq, why, len(redacted))
        if e.seq != expected:
            return broken(f"entry {expected} is missing", expected)
        if e.prev_hash != prev:
            return broken("its link to the previous entry does not match")
        if audit._chain_hash(prev, audit._entry_payload(e)) != e.entry_hash:
            return broken("its contents do not match its hash")
        if e.seq in values:
            old, new = (None if v is None else json.loads(v) for v in values[e.seq])
            if audit.value_hash(old) != e.old_hash or audit.value_hash(new) != e.new_hash:
                return broken("its stored values do not match their hashes")
        elif (e.old_hash or e.new_hash) and e.seq not in redacted:
            return broken("its values are missing and no redaction is recorded")
        prev, count, expected = e.entry_hash, count + 1, expected + 1
        if e.seq == anchor[0] and e.entry_hash != anchor[1]:
            return broken("it does not match the head recorded in the backup's manifest")
    if anchor[0] > count:
        return audit.ChainReport(name, False, count, prev, count + 1,
                                 f"entries {count + 1} to {anchor[0]} are missing", len(redacted))
    return audit.ChainReport(name, True, count, prev, redacted=len(redacted))


def verify_store(info: BackupInfo, name: str, key: bytes) -> StoreCheck:
    """GOV-4: open one copy read-only with its key, run the integrity checks and verify
    its audit chain against the head in the manifest. Never raises for a bad copy."""
    copy = info.stores.get(name)
    title = stores.STORE_TITLES.get(name, name)
    if copy is None:
        return StoreCheck(name, False, f"this backup has no {title} store")
    if not copy.path.is_file():
        return StoreCheck(name, False, f"{copy.path.name} is missing from the backup")
    try:
        db = stores.open_store(name, copy.path, key, read_only=True)
    except StoreError as exc:
        return StoreCheck(name, False, str(exc))
    try:
        problems = stores.integrity_problems(db)
        if problems:
            return StoreCheck(name, False, f"the copy failed its integrity check: {problems[0]}")
        report = _verify_chain(db, name, (copy.audit_entries, copy.audit_head))
    except stores.ENGINE_ERRORS as exc:
        return StoreCheck(name, False, f"the copy could not be read ({type(exc).__name__})")
    finally:
        db.close()
    if not report.ok:
        return StoreCheck(name, False, f"its audit log is broken at entry {report.first_bad_seq}: "
                                       f"{report.message}", report.count, report.head_hash)
    return StoreCheck(name, True, "", report.count, report.head_hash)


def latest_verified(backups: Iterable[BackupInfo], name: str, key: bytes,
                    ) -> tuple[BackupInfo, StoreCheck] | None:
    """The newest backup whose copy of ``name`` passes ``verify_store``."""
    for info in backups:
        if name in info.stores:
            check = verify_store(info, name, key)
            if check.ok:
                return info, check
    return None


def live_problem(paths: DataPaths, name: str, key: bytes) -> str:
    """'' when the live store opens and passes quick_check; otherwise why not (damaged,
    missing). Opens read-only, so a damaged file is not written to."""
    path = paths.store_file(name)
    if not path.exists():
        return f"the {stores.STORE_TITLES.get(name, name)} store is missing"
    try:
        stores.open_store(name, path, key, read_only=True).close()
    except StoreError as exc:
        return str(exc)
    return ""


# -- putting a copy in place -------------------------------------------------------
def _staging(paths: DataPaths, name: str) -> Path:
    return paths.stores / f".{name}.db.restoring"


def _move_aside(path: Path, folder: Path, moved: list[str]) -> None:
    for candidate in (path, *(path.with_name(path.name + side) for side in SIDE_FILES)):
        if candidate.exists():
            folder.mkdir(parents=True, exist_ok=True)
            os.replace(candidate, folder / candidate.name)  # a rename: same file system
            moved.append(candidate.name)


def restore_stores(paths: DataPaths, info: BackupInfo, store_keys: dict[str, bytes],
                   names: Iterable[str], *, clock: Clock, with_keyring: bool = False) -> RestoreResult:
    """Put the backup's copies of ``names`` in place of the live stores, which the caller
    has closed. Every copy is verified and staged before any live file is moved, so a
    bad backup changes nothing."""
    chosen = [n for n in stores.STORE_NAMES if n in set(names)]
    if not chosen:
        raise BackupUnusable("No store was chosen to restore.")
    if any(stores.is_open(n) for n in chosen):
        raise BackupUnusable("Close the stores before restoring them.")  # a programming error
    if with_keyring and not info.has_keyring:
        raise BackupUnusable(f"{info.folder.name} has no keyring.json.")
    staged: dict[str, Path] = {}
    try:
        for name in chosen:
            check = verify_store(info, name, store_keys[name])
            if not check.ok:
                raise BackupUnusable(f"The backup of {info.local_time()} cannot be used for the "
                                     f"{stores.STORE_TITLES.get(name, name)} store: {check.problem}.")
            source = stores.open_copy_source(name, info.stores[name].path, store_keys[name])
            try:
                staged[name] = backup.backup_database(source, store_keys[name],
                                                      _staging(paths, name), name)
            finally:
                source.close()
        keyring_text = (info.folder / KEYRING).read_text(encoding="utf-8") if with_keyring else None
    except BaseException:
        for path in staged.values():
            path.unlink(missing_ok=True)
        raise

    replaced = paths.root / f"replaced-{backup.timestamp(clock)}"
    n = 1
    while replaced.exists():  # two restores in one second keep both sets of files
        n += 1
        replaced = paths.root / f"replaced-{backup.timestamp(clock)}-{n}"
    result = RestoreResult(info, chosen, replaced)
    for name in chosen:
        live = paths.store_file(name)
        _move_aside(live, replaced, result.moved)
        try:
            os.replace(staged.pop(name), live)
        except OSError:
            moved_back = replaced / live.name
            if moved_back.exists() and not live.exists():
                os.replace(moved_back, live)
            raise
    if keyring_text is not None:
        if paths.keyring.exists():
            _move_aside(paths.keyring, replaced, result.moved)
        atomic_write_text(paths.keyring, keyring_text)
        result.keyring_restored = True
    return result
