"""DB-5 at sign-in, deferred for big stores (storage.startup_check): a store above the
workspace's threshold opens without PRAGMA quick_check, read-only on every connection until
the check has run on a worker's own connection and passed; a damaged one is found by that
check, named and kept read-only. Small stores, and callers that do not defer (the CLI), check
at open exactly as before. Real SQLCipher files throughout."""
from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from peewee import OperationalError

from hscb_desktop.domains.lado import service as lado
from hscb_desktop.domains.lado.models import LadoContact
from hscb_desktop.security import auth
from hscb_desktop.storage import audit, migrations, startup_check, stores

pytestmark = pytest.mark.sqlcipher_only  # the server checks its own pages

PAGE = 4096
FILLER_BYTES = 2 * 2**20


def consultation() -> dict:
    return {"date_received": dt.date(2017, 2, 1), "referral_source_type": "employer_dsl",
            "employer_name": "Oakfield Primary School", "employment_sector": "education_school",
            "setting_type": "primary_school", "threshold_met": False, "subject_named": False}


def on_a_worker(fn):  # noqa: ANN001, ANN201
    """Run ``fn`` on another thread (its own peewee connections, closed after), as the GUI's
    worker does; return its result or raise its exception here."""
    out: dict[str, object] = {}

    def run() -> None:
        try:
            out["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised on the test's thread
            out["error"] = exc
        finally:
            stores.close_thread_connections()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    if "error" in out:
        raise out["error"]
    return out["value"]


def make_big(workspace, username: str, password: str) -> Path:  # noqa: ANN001
    """Put ~2 MB of pages at the end of the user's LADO store (cheaply: a blob table, not
    thousands of contacts), so its middle holds pages nothing reads at sign-in."""
    session = auth.sign_in(workspace, username, password)
    db = stores.proxy("lado")
    with db.atomic():
        db.execute_sql("CREATE TABLE filler (b BLOB)")
        db.execute_sql(f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                       f"WHERE i < {FILLER_BYTES // 3000}) "
                       "INSERT INTO filler SELECT randomblob(3000) FROM n")
    auth.sign_out(session)  # the last connection checkpoints the WAL into the file
    return workspace.paths.store_file("lado")


def flip_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[(len(data) // PAGE // 2) * PAGE + 100] ^= 0x01
    path.write_bytes(bytes(data))


def contacts() -> int:
    return LadoContact.select().count()


def test_db5_a_deferred_store_refuses_writes_until_checked_then_accepts(workspace, make_user):
    """DB-5: above the threshold the LADO store opens unchecked and read-only: a save is
    refused (reads work), on this thread and on a worker's connection; the check on a
    worker passes; once lifted here the same save goes through, audited as ever."""
    password = make_user("lado1", ["lado_officer"])
    path = make_big(workspace, "lado1", password)
    workspace.defer_checks_above = path.stat().st_size - 1

    session = auth.sign_in(workspace, "lado1", password)
    assert startup_check.pending_checks() == ["lado"]  # core is always checked at once
    with pytest.raises(OperationalError, match="readonly"):
        lado.create_contact(session, consultation())
    assert contacts() == 0
    with pytest.raises(OperationalError, match="readonly"):
        on_a_worker(lambda: lado.create_contact(session, consultation()))

    [result] = on_a_worker(startup_check.run_pending)
    assert (result.store, result.ok) == ("lado", True)
    assert startup_check.pending_checks() == ["lado"]  # this thread's connection waits for lift
    with pytest.raises(OperationalError, match="readonly"):
        lado.create_contact(session, consultation())

    assert startup_check.lift_checked() == ["lado"]
    assert startup_check.pending_checks() == [] and startup_check.damaged() == {}
    contact = lado.create_contact(session, consultation())
    assert contacts() == 1 and LadoContact.get_by_id(contact).employer_name
    assert on_a_worker(lambda: lado.create_contact(session, consultation())) != contact
    assert audit.verify("lado").ok
    auth.sign_out(session)


def test_db5_a_damaged_big_store_is_found_by_the_deferred_check_named_and_kept_read_only(
        workspace, make_user):
    """DB-5: flipped bytes mid-file of a big LADO store. The synchronous path (no deferral:
    the CLI) refuses it at sign-in as before; deferred, sign-in goes ahead, the worker's
    check finds the damage and names it, and the store stays read-only everywhere."""
    password = make_user("lado1", ["lado_officer"])
    path = make_big(workspace, "lado1", password)
    flip_middle(path)
    damaged = path.read_bytes()

    with pytest.raises(stores.StoreDamaged) as refused:
        auth.sign_in(workspace, "lado1", password)
    assert refused.value.store == "lado" and not stores.is_open("lado")

    workspace.defer_checks_above = startup_check.DEFER_ABOVE_BYTES  # 1 MB: this store
    session = auth.sign_in(workspace, "lado1", password)
    assert startup_check.pending_checks() == ["lado"]
    [result] = on_a_worker(startup_check.run_pending)
    assert result.store == "lado" and not result.ok
    assert "malformed" in result.problem or "Page" in result.problem  # the engine's words
    assert startup_check.lift_checked() == []
    assert startup_check.damaged() == {"lado": result.problem}
    assert on_a_worker(startup_check.run_pending) == []  # a damaged store is not checked again
    with pytest.raises(OperationalError, match="readonly"):
        lado.create_contact(session, consultation())
    with pytest.raises(OperationalError, match="readonly"):
        on_a_worker(lambda: lado.create_contact(session, consultation()))
    auth.sign_out(session)
    assert path.read_bytes() == damaged  # nothing written to it
    assert startup_check.pending_checks() == []  # closing forgets the state


def test_db5_small_stores_and_callers_that_do_not_defer_check_at_open_as_before(
        workspace, make_user):
    """DB-5: with the GUI's threshold (1 MB) a test-sized store is checked at open, so a
    damaged one still stops sign-in with its name; nothing is pending and saves work."""
    password = make_user("lado1", ["lado_officer"])
    workspace.defer_checks_above = startup_check.DEFER_ABOVE_BYTES
    session = auth.sign_in(workspace, "lado1", password)
    assert startup_check.pending_checks() == []
    lado.create_contact(session, consultation())
    auth.sign_out(session)

    flip_middle(workspace.paths.store_file("lado"))
    for threshold in (startup_check.DEFER_ABOVE_BYTES, None):
        workspace.defer_checks_above = threshold
        with pytest.raises(stores.StoreDamaged) as refused:
            auth.sign_in(workspace, "lado1", password)
        assert refused.value.store == "lado"
        assert "The LADO store (lado.db) is damaged" in str(refused.value)


def test_db5_a_big_store_with_a_schema_upgrade_due_is_checked_before_it(workspace, make_user,
                                                                        monkeypatch):
    """DB-5 and MIG-1: an upgrade writes, so a big store with one due is checked at once even
    when deferring; a damaged one stops sign-in and is not touched."""
    password = make_user("lado1", ["lado_officer"])
    path = make_big(workspace, "lado1", password)
    flip_middle(path)
    damaged = path.read_bytes()
    upgrade = migrations.Migration(
        "9999_probe", lambda: stores.proxy("lado").execute_sql("CREATE TABLE probe (x)"))
    monkeypatch.setitem(migrations._registry, "lado",  # noqa: SLF001 - a step due, this test only
                        [*migrations.known("lado"), upgrade])
    workspace.defer_checks_above = 0
    with pytest.raises(stores.StoreDamaged) as refused:
        auth.sign_in(workspace, "lado1", password)
    assert refused.value.store == "lado" and not stores.is_open("lado")
    assert path.read_bytes() == damaged
