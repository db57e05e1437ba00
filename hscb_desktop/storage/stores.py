"""Open the core store and the per-domain stores.

One peewee ``DatabaseProxy`` per store is declared here; each domain's models bind
to its store's proxy and never name an engine. This module is the only place that
knows the embedded engine is SQLCipher; the server engine (PostgreSQL, team mode)
plugs in through ``storage.server`` and ``bind``, and ``is_server`` tells them apart.

Every connection is keyed first, then set to WAL, ``synchronous=FULL``,
``foreign_keys=ON`` (DB-2), ``secure_delete`` (so redacted values are overwritten,
AUD-4) and in-memory temp storage (no plaintext temp files).
"""
from __future__ import annotations

import os
from pathlib import Path

from peewee import DatabaseError, DatabaseProxy, OperationalError
from playhouse.sqlcipher_ext import SqlCipherDatabase
from sqlcipher3 import dbapi2 as sqlcipher

from hscb_desktop.storage.errors import StoreError, disk_full_message, is_disk_full
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
    # Named like StoreDamaged's: a key unwrapped from a grant is right, so for a store
    # being signed into this is damage too (e.g. a file truncated inside its first page).
    store: str = ""
    path: Path | None = None


class StoreDamaged(StoreError):
    def __init__(self, store: str, path: Path, detail: str):
        self.store, self.path = store, path
        super().__init__(
            f"The {STORE_TITLES.get(store, store)} store ({path.name}) is damaged: {detail}. "
            "It has not been changed. It can be restored from the latest backup that passes its "
            "checks (offered at sign-in; or hscb-desktop-cli restore)."
        )


class DiskFull(StoreError, OperationalError):
    """SQLITE_FULL in words for the user. Still an engine error, so a form's save guard
    keeps the input and retries; the transaction was rolled back, nothing half-written."""

    def __init__(self, store: str):
        # Not ``.store``: callers read that as "this store is damaged, offer a restore".
        self.store_name = store
        super().__init__(disk_full_message(f"{STORE_TITLES.get(store, store)} store"))


class _Store(SqlCipherDatabase):
    """A live store whose "database or disk is full" errors arrive as ``DiskFull``."""

    store_name = ""

    def execute_sql(self, sql, *args, **kwargs):
        if sql.startswith("ROLLBACK TO SAVEPOINT") and not self._in_transaction():
            return None  # already rolled back whole by SQLite: see ``rollback``
        try:
            return super().execute_sql(sql, *args, **kwargs)
        except OperationalError as exc:
            if is_disk_full(exc):
                raise DiskFull(self.store_name) from exc
            raise

    def commit(self):
        try:
            return super().commit()
        except OperationalError as exc:
            if is_disk_full(exc):
                raise DiskFull(self.store_name) from exc
            raise

    def rollback(self):
        # SQLite rolls a whole transaction back by itself after some errors (a COMMIT
        # refused for want of space, an I/O error); peewee's ROLLBACK after that would fail
        # ("no transaction is active") and hide the real error from the user.
        if not self._in_transaction():
            return None
        return super().rollback()

    def _in_transaction(self) -> bool:
        conn = self._state.conn
        return conn is None or conn.in_transaction


def proxy(name: str) -> DatabaseProxy:
    return _proxies[name]


def is_open(name: str) -> bool:
    return _proxies[name].obj is not None


def is_server(name: str) -> bool:
    """True when the store is a schema on a PostgreSQL server (team mode, storage.server)."""
    db = _proxies[name].obj
    return db is not None and getattr(db, "param", "?") == "%s"


def param(name: str) -> str:
    """The bound-parameter mark of the store's engine, for storage's raw SQL."""
    return "%s" if is_server(name) else "?"


READ_ONLY_PRAGMAS: list[tuple[str, object]] = [("cipher_log_level", "NONE"), ("query_only", 1)]


def open_store(name: str, path: Path, key: bytes, *, create: bool = False,
               read_only: bool = False, check: bool = True) -> SqlCipherDatabase:
    """Open (or create) one encrypted store and check it before use (DB-5 quick_check).

    ``read_only`` opens a copy for checking (a backup, possibly on a network share):
    no WAL, no writes, no network-path refusal. ``check=False`` leaves the quick_check
    to the caller (a big store at sign-in: ``storage.startup_check``); the key is still
    proven, by the pragmas that read the first page.
    """
    if not read_only:
        require_local(path.parent)
    if not create and not path.exists():
        raise StoreMissing(f"The {STORE_TITLES.get(name, name)} store is missing ({path}).")
    db = _Store(str(path), passphrase=sqlcipher_passphrase(key),
                pragmas=READ_ONLY_PRAGMAS if read_only else PRAGMAS,
                check_same_thread=False)
    db.store_name = name
    try:
        db.connect()
        result = db.execute_sql("PRAGMA quick_check").fetchone() if check else ("ok",)
    except ENGINE_ERRORS as exc:
        db.close()
        if isinstance(exc, DiskFull) or is_disk_full(exc):  # not damage: say what it is
            raise DiskFull(name) from None
        if "not a database" in str(exc) and path.exists() and path.stat().st_size > 0:
            wrong = WrongStoreKey(
                f"The {STORE_TITLES.get(name, name)} store could not be opened with this key: "
                "the key is wrong or the file is damaged."
            )
            wrong.store, wrong.path = name, path
            raise wrong from None
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


def open_copy_source(name: str, path: Path, key: bytes) -> SqlCipherDatabase:
    """Open a backup copy to copy it back through the engine (``VACUUM INTO`` needs a
    connection that is not ``query_only``). Nothing is written to the copy."""
    if not path.exists():
        raise StoreMissing(f"The backup of the {STORE_TITLES.get(name, name)} store is missing ({path}).")
    db = SqlCipherDatabase(str(path), passphrase=sqlcipher_passphrase(key),
                           pragmas=[("cipher_log_level", "NONE")], check_same_thread=False)
    db.connect()
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
