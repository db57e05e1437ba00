"""DB-4: automatic backups (hscb_desktop.backups): whose stores, when, where, rotation per
store, failures audited and harmless."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from hscb_desktop import backups, settings
from hscb_desktop.security import auth, maintenance
from hscb_desktop.storage import audit, stores
from hscb_desktop.storage import restore as rs

pytestmark = pytest.mark.sqlcipher_only  # backup folders of SQLCipher files

UTC = dt.timezone.utc


def _audit(action: str) -> list[dict]:
    AuditEntry = audit.models("core")[0]
    return [audit.values_of("core", e.seq)[1]
            for e in AuditEntry.select().where(AuditEntry.action == action).order_by(AuditEntry.seq)]


def test_db4_a_practitioners_automatic_backup_holds_their_stores_and_is_audited(workspace, make_user):
    """DB-4: the signed-in user's open stores are backed up (a LADO officer: core and LADO),
    the manifest says why and by whom, and the core audit log records it."""
    password = make_user("lado1", ["lado_officer"])
    session = auth.sign_in(workspace, "lado1", password)
    folder = backups.run(session, "daily")
    info = rs.read_backup(folder)
    assert folder.parent == workspace.paths.backups
    assert set(info.stores) == {"core", "lado"} and (info.reason, info.made_by) == ("daily", "lado1")
    assert info.created == workspace.clock.now()
    assert _audit("backup") == [{"folder": folder.name, "reason": "daily", "stores": ["core", "lado"]}]
    for name in ("core", "lado"):
        assert rs.verify_store(info, name, workspace.keys[name]).ok
    auth.sign_out(session)


def test_db4_rotation_keeps_each_stores_newest_copies(workspace, make_user, admin_session, clock):
    """DB-4: rotation counts copies per store, so a practitioner's backups never push out the
    only copies of the stores they cannot open (backup_keep = 2)."""
    maintenance.put_setting(admin_session, "backup_keep", 2)
    full = backups.run(admin_session, "exit")
    auth.sign_out(admin_session)
    password = make_user("lado1", ["lado_officer"])
    session = auth.sign_in(workspace, "lado1", password)
    theirs = []
    for _ in range(3):
        clock.advance(hours=1)
        theirs.append(backups.run(session, "daily"))
    kept = sorted(p.name for p in workspace.paths.backups.glob("backup-*"))
    assert kept == sorted([full.name, theirs[1].name, theirs[2].name])
    auth.sign_out(session)


def test_db4_the_backup_folder_setting_is_used_and_a_failure_is_audited_and_harmless(
        admin_session, workspace, tmp_path):
    """DB-4: backups go to the 'backup_folder' setting; when that folder cannot be written
    the error names it, is audited as backup_failed, and no store file changes."""
    elsewhere = tmp_path / "elsewhere"
    maintenance.put_setting(admin_session, "backup_folder", str(elsewhere))
    assert backups.run(admin_session, "manual").parent == elsewhere
    by_hand = maintenance.backup_now(admin_session)  # Tools → Back up now… and the CLI too
    assert by_hand.parent == elsewhere and rs.read_backup(by_hand).made_by == "admin"

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    maintenance.put_setting(admin_session, "backup_folder", str(blocker))
    domain_bytes = {n: workspace.paths.store_file(n).read_bytes() for n in stores.DOMAIN_STORES}
    with pytest.raises(OSError):
        backups.run(admin_session, "exit")
    failed = _audit("backup_failed")
    assert len(failed) == 1 and failed[0]["reason"] == "exit" and str(blocker) in failed[0]["error"]
    stores.unbind_all()  # close, so the files on disk are complete
    assert {n: workspace.paths.store_file(n).read_bytes() for n in stores.DOMAIN_STORES} == domain_bytes
    assert blocker.read_text().startswith("a file")


def test_db4_when_a_daily_backup_is_due(clock):
    """DB-4: due at the first sign-in of a local day; for an app left open, once a day has
    passed since the last backup (or since sign-in). Time is the injected clock's."""
    assert backups.due_after_sign_in(None, clock)
    last = clock.now()
    clock.advance(hours=2)
    assert not backups.due_after_sign_in(last, clock)
    assert not backups.due_when_idle(last, last, clock)
    clock.advance(hours=21, minutes=59)
    assert not backups.due_when_idle(last, last, clock)
    clock.advance(minutes=1)  # 24 hours after the last backup
    assert backups.due_when_idle(last, last, clock)
    assert backups.due_after_sign_in(last, clock)  # and it is another day
    assert not backups.due_when_idle(None, clock.now() - dt.timedelta(hours=1), clock)


def test_db4_last_backup_is_the_least_recent_of_the_users_stores(admin_session, workspace,
                                                                   make_user, clock):
    """DB-4: the schedule reads the manifests: a user's stores were last backed up when the
    least recently backed-up of them was."""
    root = workspace.paths.backups
    assert backups.last_backup(root, ["core"]) is None
    first = clock.now()
    backups.run(admin_session, "daily")
    auth.sign_out(admin_session)
    clock.advance(hours=3)
    password = make_user("lado1", ["lado_officer"])
    session = auth.sign_in(workspace, "lado1", password)
    backups.run(session, "daily")
    assert backups.last_backup(root, ["core", "lado"]) == clock.now()
    assert backups.last_backup(root, ["core", "lado", "cdop"]) == first
    manifest = json.loads(next(root.glob("backup-*")).joinpath("manifest.json").read_text())
    assert set(manifest["stores"]) == set(stores.STORE_NAMES)
    auth.sign_out(session)


@pytest.mark.parametrize("value, ok", [("", True), ("/srv/backups", True),
                                       ("\\\\server\\share\\hscb", True), ("Z:\\hscb", True),
                                       ("backups", False), ("../elsewhere", False)])
def test_db4_backup_folder_must_be_a_full_path(value, ok):
    """DB-4/DB-3: the backup folder may be a network share (UNC) but must be a full path."""
    if ok:
        assert settings.validate("backup_folder", value) == value
    else:
        with pytest.raises(settings.SettingError, match="full folder path"):
            settings.validate("backup_folder", value)
