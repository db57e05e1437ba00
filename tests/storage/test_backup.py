"""DB-4: backups only through the engine, verified, with the audit heads, rotated."""
from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest

import hscb_desktop
from hscb_desktop.security import maintenance
from hscb_desktop.storage import audit, backup, stores

pytestmark = pytest.mark.sqlcipher_only  # the embedded store's own files, keys and pragmas

SOURCE = Path(hscb_desktop.__file__).parent


def _count(db) -> int:
    return db.execute_sql("SELECT count(*) FROM audit_entry").fetchone()[0]


def test_db4_backup_while_another_thread_writes(admin_session, workspace, tmp_path):
    """DB-4: a backup taken while a second thread commits in a loop opens with the store's key,
    passes integrity_check and cipher_integrity_check, holds a row count between the counts
    before and after, and its audit chain verifies."""
    db, key = stores.proxy("lado").obj, workspace.keys["lado"]
    actor, clock = admin_session.actor, admin_session.clock
    stop, started, errors = threading.Event(), threading.Event(), []

    def writer() -> None:
        try:
            i = 0
            while not stop.is_set() or i < 50:
                with db.atomic():
                    audit.append("lado", actor, "update", clock=clock, table="allegation", record_id=i,
                                 new={"detail": "x" * 200, "i": i})
                i += 1
                if i == 20:
                    started.set()
        except Exception as exc:  # reported in the test's thread
            errors.append(exc)
            started.set()
        finally:
            db.close()  # this thread's connection

    before = _count(db)
    thread = threading.Thread(target=writer)
    thread.start()
    assert started.wait(30)
    dest = backup.backup_database(db, key, tmp_path / "b" / "lado.db", "lado")
    stop.set()
    thread.join(60)
    assert not errors, errors
    after = _count(db)
    assert after >= before + 50

    copy = stores.open_store("lado", dest, key, read_only=True)
    try:
        assert stores.integrity_problems(copy) == []
        in_backup = _count(copy)
    finally:
        copy.close()
    assert before < in_backup <= after
    assert sorted(p.name for p in dest.parent.iterdir()) == ["lado.db"]  # no .partial, -wal or -shm

    # The copy is a consistent snapshot: bound in place of the live store, its chain verifies.
    saved_keys = dict(workspace.keys)
    workspace.close_stores()
    stores.bind("lado", stores.open_store("lado", dest, saved_keys["lado"], read_only=True))
    report = audit.verify("lado")
    assert report.ok and report.count == in_backup


def test_db4_backup_is_encrypted_under_the_stores_own_key(admin_session, workspace, tmp_path):
    """DB-4/ENC-3: each backup file opens only with its own store's key."""
    folder = workspace.backup_all(tmp_path / "backups")
    with pytest.raises(stores.WrongStoreKey):
        stores.open_store("lado", folder / "lado.db", workspace.keys["cdop"], read_only=True)


def test_db4_manifest_holds_every_stores_audit_head_and_the_keyring(admin_session, workspace):
    """DB-4/AUD-3: the manifest copies each store's audit count and head out of the live file."""
    heads = {name: audit.head(name) for name in stores.STORE_NAMES}
    folder = workspace.backup_all()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert {name: (v["audit_entries"], v["audit_head"]) for name, v in manifest["stores"].items()} == heads
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"{n}.db" for n in stores.STORE_NAMES] + ["keyring.json", "manifest.json"])
    assert (folder / "keyring.json").read_text() == workspace.paths.keyring.read_text()
    for name in stores.STORE_NAMES:
        copy = stores.open_store(name, folder / f"{name}.db", workspace.keys[name], read_only=True)
        try:
            assert stores.integrity_problems(copy) == []
        finally:
            copy.close()


def test_db4_rotation_keeps_the_newest_n(admin_session, workspace, clock):
    """DB-4: with keep=3, five backups a minute apart leave the three newest."""
    made = []
    for _ in range(5):
        made.append(workspace.backup_all(keep=3).name)
        clock.advance(minutes=1)
    assert sorted(p.name for p in workspace.paths.backups.glob("backup-*")) == made[-3:]


def test_db4_backup_now_uses_the_backup_keep_setting_and_is_audited(admin_session, workspace, clock):
    """DB-4/AUD-1: the administrator's backup follows the 'backup_keep' setting and is audited."""
    maintenance.put_setting(admin_session, "backup_keep", 2)
    folders = []
    for _ in range(4):
        folders.append(maintenance.backup_now(admin_session))
        clock.advance(minutes=1)
    assert sorted(p.name for p in workspace.paths.backups.glob("backup-*")) == [f.name for f in folders[-2:]]
    AuditEntry = audit.models("core")[0]
    logged = [audit.values_of("core", e.seq)[1]["folder"]
              for e in AuditEntry.select().where(AuditEntry.action == "backup").order_by(AuditEntry.seq)]
    assert logged == [f.name for f in folders]


def test_db4_a_failed_backup_leaves_no_partial_file(admin_session, workspace, tmp_path):
    """DB-4: a copy that cannot be verified is not left behind under any name."""
    dest = tmp_path / "b" / "lado.db"
    with pytest.raises(stores.WrongStoreKey):
        backup.backup_database(stores.proxy("lado").obj, workspace.keys["core"], dest, "lado")
    assert list(dest.parent.iterdir()) == []


FILE_COPY = re.compile(r"\b(shutil\.(copy\w*|move)|copyfile|copy2|copyfileobj|os\.link)\s*\(")


def test_db4_source_never_copies_a_store_file():
    """DB-4 grep rule: no module copies files with shutil (copy, copyfile, copy2, copyfileobj,
    copytree, move) or hard-links them; stores are backed up only through the engine."""
    offenders = [f"{path.relative_to(SOURCE.parent)}:{n}: {line.strip()}"
                 for path in sorted(SOURCE.rglob("*.py"))
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if FILE_COPY.search(line) and not line.lstrip().startswith("#")]
    assert offenders == []


def test_db4_grep_rule_catches_a_copy():
    """DB-4: the pattern above would see the ways a file copy is usually written."""
    for line in ("shutil.copy(db_path, dest)", "shutil.copyfile(a, b)", "shutil.copy2(src, dst)",
                 "from shutil import copyfile; copyfile(a, b)", "shutil.move(a, b)"):
        assert FILE_COPY.search(line), line
    assert not FILE_COPY.search("on_path = shutil.which('pyside6-uic')")
