"""Open the core store and the per-domain stores.

One peewee ``DatabaseProxy`` per store is declared here; each domain's models bind
to its store's proxy and never name an engine. This module is the only place that
knows the embedded engine is SQLCipher (a later engine, PostgreSQL, plugs in here).

Every connection is keyed first, then set to WAL, ``synchronous=FULL``,
``foreign_keys=ON`` (DB-2), ``secure_delete`` (so redacted values are overwritten,
AUD-4) and in-memory temp storage (no plaintext temp files).
"""
from __future__ import annotations

import os
from pathlib import Path

from peewee import DatabaseError, DatabaseProxy
from playhouse.sqlcipher_ext import SqlCipherDatabase
from sqlcipher3 import dbapi2 as sqlcipher

from hscb_desktop.storage.errors import StoreError
from hscb_desktop.storage.keys import sqlcipher_passphrase
from hscb_desktop.storage.netpath import require_local

# peewee wraps errors raised while executing, but not those raised while fetching rows
# (a damaged page found by quick_check), which arrive as the driver's own exceptions.
ENGINE_ERRORS = (DatabaseError, sqlcipher.DatabaseError)

CORE = "core"
DOMAIN_STORES: tuple[str, ...] = ("lado", "fostering", "cdop", "board")
STORE_NAMES: tuple[str, ...] = (CORE, *DOMAIN_STORES)

STORE_TITLES = {
    "core": "core (users and reference data)",
    "lado": "LADO",
    "fostering": "private fostering",
    "cdop": "CDOP",
    "board": "board and training",
}

# Order matters: cipher_log_level before anything reads a page, so a wrong key
# does not print SQLCipher's "ERROR CORE" lines to stderr (ENC-5).
PRAGMAS: list[tuple[str, object]] = [
    ("cipher_log_level", "NONE"),
    ("journal_mode", "wal"),
    ("synchronous", "full"),
    ("foreign_keys", 1),
    ("busy_timeout", 5000),
    ("secure_delete", "on"),
    ("temp_store", "memory"),
    # Checkpoints run when the user is idle (storage.housekeeping); this is only the cap
    # (~16 MB of WAL) so a long burst of saves still checkpoints on its own.
    ("wal_autocheckpoint", 4000),
]

_proxies: dict[str, DatabaseProxy] = {name: DatabaseProxy() for name in STORE_NAMES}


class StoreMissing(StoreError):
    pass


class WrongStoreKey(StoreError):
    pass


class StoreDamaged(StoreError):
    def __init__(self, store: str, path: Path, detail: str):
        self.store, self.path = store, path
        super().__init__(
            f"The {STORE_TITLES.get(store, store)} store ({path.name}) is damaged: {detail}. "
            "It has not been changed. Restore it from the latest backup (Tools → Restore…)."
        )


def proxy(name: str) -> DatabaseProxy:
    return _proxies[name]


def is_open(name: str) -> bool:
    return _proxies[name].obj is not None


READ_ONLY_PRAGMAS: list[tuple[str, object]] = [("cipher_log_level", "NONE"), ("query_only", 1)]


def open_store(name: str, path: Path, key: bytes, *, create: bool = False,
               read_only: bool = False) -> SqlCipherDatabase:
    """Open (or create) one encrypted store and check it before use (DB-5 quick_check).

    ``read_only`` opens a copy for checking (a backup, possibly on a network share):
    no WAL, no writes, no network-path refusal.
    """
    if not read_only:
        require_local(path.parent)
    if not create and not path.exists():
        raise StoreMissing(f"The {STORE_TITLES.get(name, name)} store is missing ({path}).")
    db = SqlCipherDatabase(str(path), passphrase=sqlcipher_passphrase(key),
                           pragmas=READ_ONLY_PRAGMAS if read_only else PRAGMAS,
                           check_same_thread=False)
    try:
        db.connect()
        result = db.execute_sql("PRAGMA quick_check").fetchone()
    except ENGINE_ERRORS as exc:
        db.close()
        if "not a database" in str(exc) and path.exists() and path.stat().st_size > 0:
            raise WrongStoreKey(
                f"The {STORE_TITLES.get(name, name)} store could not be opened with this key: "
                "the key is wrong or the file is damaged."
            ) from None
        raise StoreDamaged(name, path, type(exc).__name__) from None
    if not result or result[0] != "ok":
        db.close()
        raise StoreDamaged(name, path, "the integrity check failed")
    if create:
        try:
            os.chmod(path, 0o600)  # owner-only, like KeePassXC's new files
        except OSError:  # pragma: no cover - Windows ACLs
            pass
    return db


def bind(name: str, db) -> None:
    _proxies[name].initialize(db)


def unbind(name: str) -> None:
    db = _proxies[name].obj
    if db is not None:
        try:
            db.close()
        finally:
            _proxies[name].initialize(None)


def close_thread_connections() -> None:
    """Close this thread's connections to every open store (peewee keeps one per thread),
    so a worker thread leaves no store open, key and all, after its work is done."""
    for name in STORE_NAMES:
        db = _proxies[name].obj
        if db is not None and not db.is_closed():
            db.close()


def unbind_all() -> None:
    for name in STORE_NAMES:
        unbind(name)


def read_pragmas(db) -> dict[str, object]:
    """The durability settings actually in force on this connection (DB-2 check)."""
    names = ("journal_mode", "synchronous", "foreign_keys", "busy_timeout", "secure_delete", "temp_store")
    return {n: db.execute_sql(f"PRAGMA {n}").fetchone()[0] for n in names}


def cipher_version(db) -> str:
    row = db.execute_sql("PRAGMA cipher_version").fetchone()
    return row[0] if row else ""


def checkpoint(db) -> None:
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def integrity_problems(db) -> list[str]:
    """integrity_check and cipher_integrity_check; [] means healthy."""
    problems = [r[0] for r in db.execute_sql("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
    problems += [r[0] for r in db.execute_sql("PRAGMA cipher_integrity_check").fetchall()]
    return problems
