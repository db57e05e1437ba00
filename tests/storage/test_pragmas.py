"""DB-2: durable pragmas on every connection of every store, on every thread."""
from __future__ import annotations

import threading

import pytest

from hscb_desktop.storage import stores

pytestmark = pytest.mark.sqlcipher_only  # the embedded store's own files, keys and pragmas

EXPECTED = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "secure_delete": 1, "temp_store": 2}


def _check(pragmas: dict) -> None:
    assert {k: pragmas[k] for k in EXPECTED} == EXPECTED
    assert pragmas["busy_timeout"] > 0


@pytest.mark.parametrize("name", stores.STORE_NAMES)
def test_db2_pragmas_on_every_store(admin_session, name):
    """DB-2: journal_mode=wal, synchronous=FULL (2), foreign_keys=ON, a busy timeout (and
    secure_delete / in-memory temp storage for AUD-4 and ENC-1) on the app's connection."""
    _check(stores.read_pragmas(stores.proxy(name).obj))


@pytest.mark.parametrize("name", stores.STORE_NAMES)
def test_db2_pragmas_on_a_second_threads_connection(admin_session, name):
    """DB-2: peewee opens one connection per thread; a worker thread's connection is keyed
    and set up the same way (it can read the store at all, and the pragmas hold)."""
    db = stores.proxy(name).obj
    main_conn = db.connection()
    seen: dict = {}

    def worker() -> None:
        try:
            seen["same_connection"] = db.connection() is main_conn
            seen["pragmas"] = stores.read_pragmas(db)
            seen["tables"] = db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except Exception as exc:  # reported below, in the test's thread
            seen["error"] = exc
        finally:
            db.close()  # closes only this thread's connection

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(10)
    assert "error" not in seen, seen.get("error")
    assert seen["same_connection"] is False
    assert seen["tables"] > 0
    _check(seen["pragmas"])
    assert not db.is_closed()  # the main thread's connection is untouched


def test_db2_read_only_backup_check_connection_makes_no_wal(workspace, admin_session, tmp_path):
    """DB-2 counterpart: the read-only connection used to check copies writes nothing."""
    db = stores.proxy("core").obj
    copy = tmp_path / "copy.db"
    db.execute_sql("VACUUM INTO ?", (str(copy),))
    before = copy.read_bytes()
    check = stores.open_store("core", copy, workspace.keys["core"], read_only=True)
    try:
        assert check.execute_sql("PRAGMA query_only").fetchone()[0] == 1
        assert stores.integrity_problems(check) == []
    finally:
        check.close()
    assert copy.read_bytes() == before
