"""Tools → Restore…, the restore offered at sign-in when a store is damaged, and the
automatic backups of the main window (DB-4, DB-5, GOV-4), with real stores and widgets."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hscb_desktop import app
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.login import LoginDialog
from hscb_desktop.gui.restore_dialog import RestoreDialog
from hscb_desktop.security import auth, maintenance, users
from hscb_desktop.storage import audit, stores
from hscb_desktop.storage import restore as rs

PAGE = 4096
LATER_PASSWORD = "Another-Pass-Phrase-3"


def make_window(qtbot, session, clock):  # noqa: ANN001, ANN201
    window = app.build_main_window(session, clock)
    qtbot.addWidget(window)
    window.show()
    return window


def _action(window, text: str):  # noqa: ANN001, ANN202
    return next(a for a in window.findChildren(type(window.lock_action)) if a.text() == text)


def test_gov4_tools_restore_lists_backups_restores_and_ends_the_session(qtbot, admin_session,
                                                                        workspace, clock,
                                                                        admin_password):
    """GOV-4: the dialog lists each backup with its date, stores and audit heads; restoring
    the core store after confirming brings back that day's users, moves the live files to
    replaced-…/ and sends everyone back to sign in."""
    folder = workspace.backup_all(reason="manual", made_by="admin")
    clock.advance(minutes=5)
    users.add_user(admin_session, "joined_later", ["lado_officer"], password=LATER_PASSWORD)
    window = make_window(qtbot, admin_session, clock)
    seen = {}

    def choose_core_only(dialog: RestoreDialog) -> int:
        assert dialog.table.rowCount() == 1
        seen["row"] = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
        for name, box in dialog.store_checks.items():
            box.setChecked(name == "core")
        dialog.restore_button.click()
        return dialog.result()

    Dialogs.queue_answers(choose_core_only, True)
    with qtbot.waitSignal(window.signedOut) as ended:
        _action(window, "&Restore…").trigger()
    date, made, titles, heads = seen["row"]
    assert date == rs.read_backup(folder).created.astimezone().strftime("%d/%m/%Y %H:%M")
    assert rs.read_backup(folder).created == clock.now() - dt.timedelta(minutes=5)
    assert made == "by hand by admin"
    assert titles.splitlines() == ["core", "LADO", "private fostering", "CDOP", "board and training"]
    assert not any(stores.is_open(n) for n in stores.STORE_NAMES)  # the session ended
    info = rs.read_backup(folder)
    core = info.stores["core"]
    assert heads.splitlines()[0] == f"{core.audit_entries} audit entries, head {core.audit_head[:16]}…"
    kind, title, text = Dialogs.shown[-1]
    assert kind == "confirm" and "Restore the core (users and reference data) store" in text
    assert "brings back that day's users" in text
    assert ended.args[0].startswith("Restored the core (users and reference data) store")
    replaced = next(workspace.paths.root.glob("replaced-*"))
    assert sorted(p.name for p in replaced.iterdir()) == ["core.db", "keyring.json"]
    with pytest.raises(auth.LoginFailed):
        auth.sign_in(workspace, "joined_later", LATER_PASSWORD)
    auth.sign_out(auth.sign_in(workspace, "admin", admin_password))


def test_gov4_restore_dialog_says_why_a_backup_is_refused(qtbot, admin_session, workspace, tmp_path):
    """GOV-4: an empty folder lists nothing; a backup whose copy fails its checks is refused
    in the dialog itself and nothing is asked or changed."""
    folder = workspace.backup_all(reason="manual", made_by="admin")
    copy = folder / "board.db"
    data = bytearray(copy.read_bytes())
    data[(len(data) // PAGE // 2) * PAGE + 100] ^= 0x01
    copy.write_bytes(bytes(data))
    dialog = RestoreDialog(admin_session)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "nothing-here"))
    dialog.show_button.click()
    assert dialog.table.rowCount() == 0 and "No backups found" in dialog.message.text()
    assert not dialog.restore_button.isEnabled()
    dialog.folder.setText(str(workspace.paths.backups))
    dialog.show_button.click()
    assert dialog.table.rowCount() == 1 and dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert "board and training copy" in dialog.message.text() and "damaged" in dialog.message.text()
    assert dialog.result_message == ""
    assert not list(workspace.paths.root.glob("replaced-*")) and stores.is_open("board")


def _flip_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[(len(data) // PAGE // 2) * PAGE + 100] ^= 0x01
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _login(qtbot, workspace, username: str, password: str) -> LoginDialog:  # noqa: ANN001
    dialog = LoginDialog(workspace, username=username)
    qtbot.addWidget(dialog)
    dialog.ui.password.setText(password)
    dialog.accept()
    return dialog


@pytest.mark.parametrize("damage", [_flip_middle, _truncate], ids=["flipped-bytes", "truncated"])
def test_db5_sign_in_names_the_damaged_store_and_offers_the_latest_backup(qtbot, workspace,
                                                                          make_user, clock, damage):
    """DB-5: signing in to a LADO store with flipped bytes, or cut in half, names the store and
    offers the newest backup that passes its checks; confirming restores it (the damaged file
    is moved aside whole) and the next sign-in works."""
    password = make_user("lado1", ["lado_officer"])
    session = auth.sign_in(workspace, "lado1", password)
    old = workspace.backup_all(reason="daily", made_by="lado1")
    clock.advance(hours=1)
    newest = workspace.backup_all(reason="exit", made_by="lado1")
    auth.sign_out(session)
    _flip_middle(old / "lado.db")  # the older backup is bad too: the newest good one is offered
    lado_file = workspace.paths.store_file("lado")
    damage(lado_file)
    damaged = lado_file.read_bytes()

    Dialogs.queue_answers(True)
    dialog = _login(qtbot, workspace, "lado1", password)
    kind, title, text = Dialogs.shown[-1]
    assert kind == "confirm" and title.startswith("Store damaged")
    assert "The LADO store (lado.db) is damaged and cannot be opened" in text
    assert rs.read_backup(newest).local_time() in text and "the current file is damaged" in text
    assert dialog.session is None and "Restored the LADO store" in dialog.ui.message.text()
    replaced = next(workspace.paths.root.glob("replaced-*"))
    assert (replaced / "lado.db").read_bytes() == damaged
    assert not any(stores.is_open(n) for n in stores.STORE_NAMES)

    dialog.ui.password.setText(password)
    dialog.accept()
    assert dialog.session is not None and stores.is_open("lado")
    auth.sign_out(dialog.session)


def test_db5_a_damaged_store_with_no_backup_is_named_and_left_alone(qtbot, workspace, make_user):
    """DB-5: with no backup to offer, the app says which store is damaged and that nothing was
    changed; the damaged file is untouched and declining an offer changes nothing either."""
    password = make_user("lado1", ["lado_officer"])
    lado_file = workspace.paths.store_file("lado")
    _flip_middle(lado_file)
    damaged = lado_file.read_bytes()
    Dialogs.queue_answers(None)
    dialog = _login(qtbot, workspace, "lado1", password)
    kind, title, text = Dialogs.shown[-1]
    assert kind == "error" and "The LADO store (lado.db) is damaged" in text
    assert "nothing has been changed" in text
    assert "LADO store" in dialog.ui.message.text() and dialog.session is None
    assert lado_file.read_bytes() == damaged and not list(workspace.paths.root.glob("replaced-*"))


# -- automatic backups in the main window ------------------------------------------------
def test_db4_daily_backup_at_a_quiet_moment_and_another_on_exit(qtbot, admin_session, workspace,
                                                                clock, sync_workers):
    """DB-4: once enabled (the app does it at sign-in), the first quiet moment of the day
    backs up through the worker and says so in the status bar; closing backs up again."""
    window = make_window(qtbot, admin_session, clock)
    window.enable_auto_backup()
    window.check_session()
    assert not list(workspace.paths.backups.glob("backup-*"))  # not while just signed in
    clock.advance(seconds=40)
    window.check_session()
    made = list(workspace.paths.backups.glob("backup-*"))
    assert len(made) == 1 and rs.read_backup(made[0]).reason == "daily"
    assert window.statusBar().currentMessage().startswith("Backup saved and checked")
    clock.advance(seconds=40)
    window.check_session()
    assert len(list(workspace.paths.backups.glob("backup-*"))) == 1  # once a day
    window.close()
    reasons = sorted(rs.read_backup(p).reason for p in workspace.paths.backups.glob("backup-*"))
    assert reasons == ["daily", "exit"] and not stores.is_open("core")


def test_db4_a_failed_automatic_backup_is_shown_and_audited(qtbot, admin_session, workspace,
                                                            clock, sync_workers, tmp_path):
    """DB-4: a backup folder that cannot be written: the status bar and an error box say so,
    the failure is audited, and the app carries on; with backup_on_exit off, closing does
    not try again."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    maintenance.put_setting(admin_session, "backup_folder", str(blocker))
    window = make_window(qtbot, admin_session, clock)
    window.enable_auto_backup()
    Dialogs.queue_answers(None)
    clock.advance(seconds=40)
    window.check_session()
    kind, title, text = Dialogs.shown[-1]
    assert (kind, title) == ("error", "Backup failed") and str(blocker) in text
    assert window.statusBar().currentMessage().startswith("The automatic backup failed")
    AuditEntry = audit.models("core")[0]
    assert AuditEntry.select().where(AuditEntry.action == "backup_failed").count() == 1
    maintenance.put_setting(admin_session, "backup_on_exit", False)
    window.close()
    assert len(Dialogs.shown) == 1
