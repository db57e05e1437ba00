"""DB-4, GOV-4, DB-5: restoring stores from a verified backup, through the engine, never
deleting or overwriting the files it replaces; damaged stores (flipped bytes, truncation)
named and brought back from the newest backup that verifies, from the command line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from hscb_desktop import backups, cli, demo
from hscb_desktop.core.clock import local_today
from hscb_desktop.security import auth, recovery, users
from hscb_desktop.storage import netpath, stores
from hscb_desktop.storage import restore as rs
from hscb_desktop.storage.workspace import Workspace

# Files, keys and VACUUM INTO: the embedded store's own restore (a server is restored by its DBA).
pytestmark = pytest.mark.sqlcipher_only

PAGE = 4096
WORKER_PASSWORD = "Staff-Pass-Phrase-9"
AUDIT_TABLES = ("audit_entry", "audit_value")


def dump(path: Path, key: bytes, name: str) -> dict[str, list]:
    """Every row of every table of a store file, for comparing whole stores."""
    db = stores.open_store(name, path, key, read_only=True)
    try:
        tables = [r[0] for r in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: sorted(db.execute_sql(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        db.close()


def dump_all(ws: Workspace, store_keys: dict[str, bytes], names=stores.STORE_NAMES) -> dict:
    return {n: dump(ws.paths.store_file(n), store_keys[n], n) for n in names}


def assert_same_as_backup(before: dict, after: dict) -> None:
    """GOV-4: every record as it was at backup time; the audit logs hold exactly what they
    held then plus the restore's own entries."""
    for name, tables in before.items():
        assert set(after[name]) == set(tables), name
        for table, rows in tables.items():
            if table in AUDIT_TABLES:
                continue
            assert after[name][table] == rows, f"{name}.{table} differs from the backup"
        old, new = set(tables["audit_entry"]), set(after[name]["audit_entry"])
        assert old <= new
        assert {row[4] for row in new - old} == {"restore"}, name  # column 4 is the action
        assert set(tables["audit_value"]) <= set(after[name]["audit_value"])


def fill_every_module(ws: Workspace, make_user) -> tuple[dict[str, bytes], dict, Path]:
    """A user with every practitioner role fills every module and backs up. Returns every
    store's key, every store's rows at backup time and the backup folder; everyone is
    signed out."""
    make_user("worker", ["lado_officer", "fostering_worker", "cdop_coordinator", "business_unit"],
              WORKER_PASSWORD)
    session = auth.sign_in(ws, "worker", WORKER_PASSWORD)
    for filler in demo.FILLERS.values():
        assert filler.fill(session, local_today(ws.clock)) > 0
    store_keys = dict(ws.keys)
    at_backup = dump_all(ws, store_keys)  # read-only, beside the session's connections
    folder = backups.run(session, "manual")
    auth.sign_out(session)
    assert set(store_keys) == set(stores.STORE_NAMES)
    return store_keys, at_backup, folder


def change_every_store(ws: Workspace, admin_password: str) -> None:
    """Deletes and changes in every store after the backup, through the services."""
    from hscb_desktop.domains.board import service as board
    from hscb_desktop.domains.board.models import BoardMeeting
    from hscb_desktop.domains.cdop import service as cdop
    from hscb_desktop.domains.cdop.models import ChildDeath
    from hscb_desktop.domains.fostering import service as fostering
    from hscb_desktop.domains.fostering.models import PfVisit
    from hscb_desktop.domains.lado import service as lado
    from hscb_desktop.domains.lado.models import LadoContact

    session = auth.sign_in(ws, "worker", WORKER_PASSWORD)
    first, second = LadoContact.select().where(~LadoContact.retention_hold).order_by(LadoContact.id)[:2]
    lado.delete_contact(session, first.id, "entered in error (test)")
    lado.update_contact(session, second.id, {"employer_name": "Changed After Backup Ltd"},
                        expected_version=second.version, reason="corrected (test)")
    cdop.delete_death(session, ChildDeath.select().first().id, "not a CDOP death (test)")
    board.delete_meeting(session, BoardMeeting.select().first().id, "entered twice (test)")
    fostering.delete_visit(session, PfVisit.select().first().id)
    auth.sign_out(session)
    admin = auth.sign_in(ws, "admin", admin_password)
    users.add_user(admin, "joined_later", ["lado_officer"], password="Another-Pass-Phrase-3")
    auth.sign_out(admin)


def test_gov4_restore_brings_back_every_record_of_every_store(workspace, make_user, admin_password):
    """GOV-4/DB-4: records made, backed up, then deleted and changed in every store; a full
    restore brings every row of every table back exactly as it was at backup time, the
    replaced files are kept byte for byte, and the restore is audited."""
    store_keys, at_backup, folder = fill_every_module(workspace, make_user)
    change_every_store(workspace, admin_password)
    changed = dump_all(workspace, store_keys)
    for name in stores.STORE_NAMES:
        assert changed[name] != at_backup[name], f"the test did not change {name}"
    live_bytes = {n: workspace.paths.store_file(n).read_bytes() for n in stores.STORE_NAMES}

    creds = recovery.credentials(workspace, "admin", admin_password)
    info = rs.list_backups(workspace.paths.backups)[0]
    assert info.folder == folder and info.reason == "manual" and info.made_by == "worker"
    plan = recovery.plan(workspace, creds, info)
    assert plan.stores == list(stores.STORE_NAMES) and plan.includes_core
    assert "brings back that day's users" in plan.confirmation()
    result = recovery.execute(workspace, creds, plan, workspace.clock)

    assert_same_as_backup(at_backup, dump_all(workspace, store_keys))
    assert result.replaced.parent == workspace.paths.root and result.replaced.name.startswith("replaced-")
    for name in stores.STORE_NAMES:  # moved aside whole, never deleted or overwritten
        assert (result.replaced / f"{name}.db").read_bytes() == live_bytes[name]
    assert not list(workspace.paths.stores.glob(".*restoring*"))
    assert not any(stores.is_open(n) for n in stores.STORE_NAMES) and workspace.keys == {}
    # Core came back with that day's users: the one added later is gone; the others sign in.
    with pytest.raises(auth.LoginFailed):
        auth.sign_in(workspace, "joined_later", "Another-Pass-Phrase-3")
    admin = auth.sign_in(workspace, "admin", admin_password)
    AuditEntry = __import__("hscb_desktop.storage.audit", fromlist=["models"]).models("core")[0]
    restore_entry = AuditEntry.get(AuditEntry.action == "restore")
    assert restore_entry.user == "admin"
    auth.sign_out(admin)


def test_gov4_one_domain_store_restore_keeps_the_others_and_the_keyring(workspace, make_user,
                                                                       admin_password):
    """GOV-4: restoring the LADO store alone leaves every other store and the keyring as they
    are (a store's key never changes, so the live core still opens it)."""
    store_keys, at_backup, _ = fill_every_module(workspace, make_user)
    at_backup = {"lado": at_backup["lado"]}
    change_every_store(workspace, admin_password)
    others = {n: workspace.paths.store_file(n).read_bytes() for n in stores.DOMAIN_STORES if n != "lado"}
    core_now = dump_all(workspace, store_keys, ["core"])
    keyring = workspace.paths.keyring.read_bytes()

    creds = recovery.credentials(workspace, "admin", admin_password)
    plan = recovery.plan(workspace, creds, rs.list_backups(workspace.paths.backups)[0], ["lado"])
    assert "users, roles" not in plan.confirmation()
    recovery.execute(workspace, creds, plan, workspace.clock)

    assert_same_as_backup(at_backup, dump_all(workspace, store_keys, ["lado"]))
    assert {n: workspace.paths.store_file(n).read_bytes() for n in others} == others
    assert_same_as_backup(core_now, dump_all(workspace, store_keys, ["core"]))  # + its audit entry
    assert workspace.paths.keyring.read_bytes() == keyring
    auth.sign_out(auth.sign_in(workspace, "joined_later", "Another-Pass-Phrase-3"))


def test_gov4_a_backup_whose_audit_chain_does_not_reach_its_manifest_head_is_refused(
        workspace, admin_password, admin_session):
    """GOV-4/AUD-3: the chosen backup is verified before anything changes: a copy whose audit
    chain does not match the head in its manifest is refused and no live file moves."""
    folder = backups.run(admin_session, "manual")
    auth.sign_out(admin_session)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["stores"]["lado"]["audit_head"] = "f" * 64  # as if the copy had been rewritten
    (folder / "manifest.json").write_text(json.dumps(manifest))
    before = {p.name: p.read_bytes() for p in workspace.paths.stores.iterdir()}

    creds = recovery.credentials(workspace, "admin", admin_password)
    info = rs.read_backup(folder)
    check = rs.verify_store(info, "lado", creds.keys["lado"])
    assert not check.ok and "does not match the head" in check.problem
    with pytest.raises(recovery.RestoreRefused, match="LADO copy its audit log is broken"):
        recovery.plan(workspace, creds, info)
    with pytest.raises(rs.BackupUnusable):
        rs.restore_stores(workspace.paths, info, creds.keys, ["lado"], clock=workspace.clock)
    assert {p.name: p.read_bytes() for p in workspace.paths.stores.iterdir()} == before
    assert not list(workspace.paths.root.glob("replaced-*"))


def test_gov4_only_an_administrator_rolls_back_a_healthy_store(workspace, make_user):
    """GOV-4: a practitioner may not roll back a store that is not damaged, nor the core."""
    password = make_user("lado1", ["lado_officer"])
    session = auth.sign_in(workspace, "lado1", password)
    backups.run(session, "daily")
    auth.sign_out(session)
    creds = recovery.credentials(workspace, "lado1", password)
    assert set(creds.keys) == {"core", "lado"}
    info = rs.list_backups(workspace.paths.backups)[0]
    assert set(info.stores) == {"core", "lado"}
    with pytest.raises(recovery.RestoreRefused, match="no store of yours is damaged"):
        recovery.plan(workspace, creds, info)
    with pytest.raises(recovery.RestoreRefused, match="Only an administrator .* LADO store: it is not"):
        recovery.plan(workspace, creds, info, ["lado"])
    with pytest.raises(auth.LoginFailed):
        recovery.credentials(workspace, "lado1", "Not-The-Password-1")


# -- damaged stores (DB-5), from the command line -----------------------------------------
def _flip_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[(len(data) // PAGE // 2) * PAGE + 100] ^= 0x01
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("damage", [_flip_middle, _truncate], ids=["flipped-bytes", "truncated"])
def test_db5_damaged_store_is_named_and_restored_from_the_cli(workspace, make_user, damage,
                                                               monkeypatch, capsys, tmp_path):
    """DB-5: a LADO store with bytes flipped in the middle, or cut in half, stops the sign-in
    with a message naming the store and the restore command; ``restore --yes`` as the LADO
    officer brings back the newest backup that verifies, the damaged file is kept byte for
    byte in replaced-…/, and every record is as it was at backup time."""
    password = make_user("lado1", ["lado_officer"])
    session = auth.sign_in(workspace, "lado1", password)
    demo.FILLERS["lado"].fill(session, local_today(workspace.clock))
    store_keys = dict(workspace.keys)
    at_backup = dump_all(workspace, store_keys, ["lado"])
    backups.run(session, "daily")
    auth.sign_out(session)
    lado_file = workspace.paths.store_file("lado")
    damage(lado_file)
    damaged = lado_file.read_bytes()
    root = workspace.paths.root
    workspace.close()  # the command takes the data folder's lock itself
    monkeypatch.setenv(cli.ENV_PASSWORD, password)

    out = tmp_path / "lado.xlsx"
    assert cli.main(["--data-dir", str(root), "export", "lado", "--period", "2016-17",
                     "--out", str(out), "--as", "lado1"]) == 1
    err = capsys.readouterr().err
    assert "The LADO store (lado.db) is damaged" in err
    assert "hscb-desktop-cli restore --as lado1" in err
    assert lado_file.read_bytes() == damaged and not out.exists()

    assert cli.main(["--data-dir", str(root), "restore", "--as", "lado1"]) == 1  # not confirmed
    assert "add --yes" in capsys.readouterr().err and lado_file.read_bytes() == damaged

    assert cli.main(["--data-dir", str(root), "restore", "--as", "lado1", "--yes"]) == 0
    printed = capsys.readouterr().out
    assert "Damaged: The LADO store (lado.db) is damaged" in printed and "Restored LADO" in printed
    replaced = [p for p in root.glob("replaced-*")]
    assert len(replaced) == 1 and (replaced[0] / "lado.db").read_bytes() == damaged

    ws = Workspace(workspace.paths, workspace.clock).acquire()
    try:
        assert_same_as_backup(at_backup, dump_all(ws, store_keys, ["lado"]))
        auth.sign_out(auth.sign_in(ws, "lado1", password))
    finally:
        ws.close()


def test_db5_damaged_core_needs_an_administrator_and_brings_back_the_keyring(
        workspace, make_user, admin_password, monkeypatch, capsys):
    """DB-5: with the core store damaged a practitioner is told only an administrator may
    restore it; the administrator's restore (keys read from the backup's core store) brings
    back the core store and keyring, and sign-in works again."""
    password = make_user("lado1", ["lado_officer"])
    admin = auth.sign_in(workspace, "admin", admin_password)
    backups.run(admin, "exit")
    auth.sign_out(admin)
    core_file = workspace.paths.store_file("core")
    _flip_middle(core_file)
    damaged = core_file.read_bytes()
    with pytest.raises(stores.StoreError, match="core"):
        auth.sign_in(workspace, "admin", admin_password)
    root = workspace.paths.root
    workspace.close()

    monkeypatch.setenv(cli.ENV_PASSWORD, password)
    assert cli.main(["--data-dir", str(root), "restore", "--as", "lado1", "--yes"]) == 1
    assert "Only an administrator may restore the core" in capsys.readouterr().err
    assert core_file.read_bytes() == damaged

    monkeypatch.setenv(cli.ENV_PASSWORD, admin_password)
    assert cli.main(["--data-dir", str(root), "restore", "--as", "admin", "--store", "core",
                     "--yes"]) == 0
    assert "The keyring was restored" in capsys.readouterr().out
    replaced = next(root.glob("replaced-*"))
    assert (replaced / "core.db").read_bytes() == damaged and (replaced / "keyring.json").exists()
    ws = Workspace(workspace.paths, workspace.clock).acquire()
    try:
        auth.sign_out(auth.sign_in(ws, "admin", admin_password))
        auth.sign_out(auth.sign_in(ws, "lado1", password))
    finally:
        ws.close()


def test_db3_backups_and_restores_may_use_a_network_folder_but_not_the_live_store(
        workspace, admin_session, admin_password, tmp_path, monkeypatch):
    """DB-3/DB-4: a backup folder on a network file system is allowed (backup and restore
    both work there); a live store in that folder is still refused."""
    share = tmp_path / "share"
    share.mkdir()
    mounts = f"/dev/sda1 / ext4 rw 0 0\n//server/hscb {share} cifs rw 0 0\n"
    monkeypatch.setattr(netpath, "_posix_mounts", lambda: mounts)
    assert not netpath.classify(share).allowed

    folder = workspace.backup_all(share)
    auth.sign_out(admin_session)
    creds = recovery.credentials(workspace, "admin", admin_password)
    info = rs.list_backups(share)[0]
    assert info.folder == folder
    recovery.execute(workspace, creds, recovery.plan(workspace, creds, info, ["board"]),
                     workspace.clock)
    auth.sign_out(auth.sign_in(workspace, "admin", admin_password))
    with pytest.raises(netpath.NetworkPathRefused, match="network file system"):
        stores.open_store("board", share / "live.db", creds.keys["board"], create=True)


def test_gov4_hscb_desktop_restore_is_a_command_and_lists_the_backups(workspace, admin_session,
                                                                     monkeypatch, capsys,
                                                                     admin_password):
    """GOV-4: ``hscb-desktop restore --list`` (the launcher passes it to the command line)
    lists each backup with its date, folder, stores and audit heads, and changes nothing."""
    from hscb_desktop import launcher

    folder = backups.run(admin_session, "manual")
    auth.sign_out(admin_session)
    root = workspace.paths.root
    before = {p.name: p.read_bytes() for p in workspace.paths.stores.iterdir()}
    workspace.close()
    monkeypatch.setenv(cli.ENV_PASSWORD, admin_password)
    assert launcher.main(["--data-dir", str(root), "restore", "--list"]) == 0
    printed = capsys.readouterr().out
    info = rs.read_backup(folder)
    assert f"{info.local_time()}  {folder}  [manual by admin]" in printed
    lado = info.stores["lado"]
    assert f"lado ({lado.audit_entries} audit entries, head {lado.audit_head[:12]}…)" in printed
    assert {p.name: p.read_bytes() for p in workspace.paths.stores.iterdir()} == before
