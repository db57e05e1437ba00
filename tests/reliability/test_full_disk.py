"""A full disk while saving, backing up and exporting: a clear message, nothing lost, and
the app keeps working once space is freed (issue 10; DB-1, DB-4, KP-1).

The disk is real: a tmpfs of a few MB mounted for the test and filled to the last byte
with a filler file (skipped, with the exact reason, where mounting is impossible; the
sandbox and CI run as root on Linux, so it runs there).
"""
from __future__ import annotations

import errno

import pytest
from crash_records import lado_contact
from peewee import OperationalError

from hscb_desktop.domains.lado import service as lado
from hscb_desktop.domains.lado.models import LadoContact
from hscb_desktop.paths import data_paths
from hscb_desktop.security import auth, users
from hscb_desktop.storage import audit, backup, stores
from hscb_desktop.storage.errors import file_write_message
from hscb_desktop.storage.workspace import Workspace

ADMIN_PASSWORD = "Board-Test-Passphrase-1"
OFFICER_PASSWORD = "Staff-Pass-Phrase-9"


def _officer_on(root, clock):
    """An initialised data folder at ``root``, signed in as a LADO officer."""
    ws = Workspace(data_paths(root), clock).acquire()
    auth.initialise(ws, "admin", ADMIN_PASSWORD)
    admin = auth.sign_in(ws, "admin", ADMIN_PASSWORD)
    users.add_user(admin, "officer", ["lado_officer"], password=OFFICER_PASSWORD)
    auth.sign_out(admin)
    return ws, auth.sign_in(ws, "officer", OFFICER_PASSWORD)


def _healthy(*names: str) -> None:
    for name in names:
        assert stores.integrity_problems(stores.proxy(name).obj) == [], name
        assert audit.verify(name).ok, audit.verify(name).describe()


def _save_until_full(officer, first: int, saved: list[int]):
    """Save until the disk refuses (SQLite first reuses WAL space it already holds)."""
    for i in range(first, first + 3000):
        try:
            saved.append(lado.create_contact(officer, lado_contact(i)))
        except stores.DiskFull as exc:
            return i, exc
    pytest.fail("3000 saves fitted on a full disk")


def test_full_disk_save_is_refused_clearly_nothing_lost_and_works_once_freed(small_disk, clock):
    """Saving a LADO contact on a full disk: SQLite's "database or disk is full" reaches the
    caller as DiskFull, whose message says what happened and what to do (and which is still
    an engine error, so a form's save guard keeps the input and retries); every earlier save
    is intact and the store healthy; once space is freed the same save succeeds."""
    disk = small_disk("16m")
    ws, officer = _officer_on(disk.root / "data", clock)
    try:
        saved = [lado.create_contact(officer, lado_contact(i)) for i in range(5)]
        assert disk.fill() > 0
        attempted, refused = _save_until_full(officer, 5, saved)

        message = str(refused)
        assert "disk holding the LADO store is full" in message and "not saved" in message
        assert "Free some space" in message and "Nothing saved before has been lost" in message
        assert isinstance(refused, OperationalError)  # stores.ENGINE_ERRORS: the save guard's
        assert "database or disk is full" in str(refused.__cause__)
        ids = {c.id for c in LadoContact.select(LadoContact.id)}
        assert ids == set(saved)  # the refused save left nothing behind; reads still work
        _healthy("lado", stores.CORE)

        disk.free()
        saved.append(lado.create_contact(officer, lado_contact(attempted)))  # the same save, now
        assert {c.id for c in LadoContact.select(LadoContact.id)} == set(saved)
        assert lado.get_contact(officer, saved[-1])["employer_name"] == f"Crash employer {attempted}"
        _healthy("lado", stores.CORE)
        auth.sign_out(officer)
    finally:
        ws.close()
    # A restart finds everything.
    ws = Workspace(data_paths(disk.root / "data"), clock).acquire()
    try:
        officer = auth.sign_in(ws, "officer", OFFICER_PASSWORD)
        assert LadoContact.select().count() == len(saved)
        _healthy("lado", stores.CORE)
        auth.sign_out(officer)
    finally:
        ws.close()


def test_full_disk_backup_fails_clearly_leaves_nothing_and_works_once_freed(small_disk, tmp_path, clock):
    """DB-4 on a full backup disk: VACUUM INTO's SQLITE_FULL becomes BackupFailed naming the
    full disk (not a message about the live store); no half-made backup folder or temp copy
    is left; the live stores are unchanged and writable; with room again the backup works."""
    disk = small_disk("2m")
    ws, officer = _officer_on(tmp_path / "data", clock)
    try:
        for i in range(40):
            lado.create_contact(officer, lado_contact(i))
        root = disk.root / "backups"
        root.mkdir()
        disk.fill()
        with pytest.raises(backup.BackupFailed) as info:
            ws.backup_all(root)
        message = str(info.value)
        assert "full" in message and str(root) in message and "live stores are unchanged" in message
        assert [p.name for p in disk.root.rglob("*") if p != disk.filler] == ["backups"]
        lado.create_contact(officer, lado_contact(99))  # the live store is untouched and writable
        _healthy("lado", stores.CORE)

        disk.free()
        made = ws.backup_all(root)
        assert sorted(p.name for p in made.iterdir()) == ["core.db", "keyring.json", "lado.db",
                                                          "manifest.json"]
        auth.sign_out(officer)
    finally:
        ws.close()


def test_full_disk_export_keeps_previous_return_and_works_once_freed(small_disk, tmp_path, clock):
    """KP-1 on a real full disk: exporting a return over an earlier one fails with ENOSPC
    naming the file, the earlier return is byte-identical, no temp file is left, the words for
    the user say the disk is full and the earlier file unchanged; freed, the export works."""
    disk = small_disk("1m")
    ws, officer = _officer_on(tmp_path / "data", clock)
    try:
        for i in range(10):
            lado.create_contact(officer, lado_contact(i))
        target = disk.root / "LADO return.xlsx"
        lado.export_lado(officer, "2015-16", target)
        previous = target.read_bytes()
        disk.fill()
        with pytest.raises(OSError) as info:
            lado.export_lado(officer, "2016-17", target)
        assert info.value.errno == errno.ENOSPC and str(target) in str(info.value)
        assert target.read_bytes() == previous
        assert sorted(p.name for p in disk.root.iterdir()) == ["LADO return.xlsx", "filler.bin"]
        words = file_write_message(info.value, target)
        assert "disk is full" in words and "earlier file of that name is unchanged" in words

        disk.free()
        lado.export_lado(officer, "2016-17", target)
        assert target.read_bytes() != previous
        auth.sign_out(officer)
    finally:
        ws.close()


def test_an_error_after_sqlite_rolled_back_by_itself_still_reaches_the_caller(workspace,
                                                                              admin_session):
    """After SQLITE_FULL (or an I/O error) SQLite may roll the whole transaction back by
    itself; peewee's own ROLLBACK / ROLLBACK TO SAVEPOINT afterwards must not replace the
    real error with "no transaction is active" or "no such savepoint"."""

    class Refused(Exception):
        pass

    db = stores.proxy("lado")
    with pytest.raises(Refused):
        with db.atomic():  # a service's transaction
            with db.atomic():  # audit.append's savepoint inside it
                db.execute_sql("ROLLBACK")  # what SQLite does on its own
                raise Refused()
    with db.atomic():  # the connection is fine afterwards
        audit.append("lado", admin_session.actor, "check", clock=admin_session.clock)
    assert audit.verify("lado").ok
