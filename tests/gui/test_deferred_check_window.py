"""DB-5 deferred in the main window (gui.startup_check): a big store opens read-only, the
window checks it on the worker once shown, a save meanwhile keeps its input and goes
through when the check has passed; a damaged big store is named, kept read-only and its
newest verified backup offered. Real SQLCipher files, real widgets."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox

from hscb_desktop import app
from hscb_desktop.domains.lado import service as lado
from hscb_desktop.domains.lado.models import LadoContact
from hscb_desktop.gui import crash
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.lado_form import LadoContactForm
from hscb_desktop.security import auth
from hscb_desktop.storage import restore as rs
from hscb_desktop.storage import startup_check, stores
from hscb_desktop.storage.workspace import BIG_STORE_BYTES, Workspace

PAGE = 4096
FAST = (50, 50, 50)  # the save guard's back-off, shortened


def make_big(workspace, username: str, password: str) -> Path:  # noqa: ANN001
    """~2 MB of blob pages at the end of the LADO store: its middle is read by nothing but
    a full check (a test-sized stand-in for ten years of contacts)."""
    session = auth.sign_in(workspace, username, password)
    db = stores.proxy("lado")
    with db.atomic():
        db.execute_sql("CREATE TABLE filler (b BLOB)")
        db.execute_sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                       "WHERE i < 700) INSERT INTO filler SELECT randomblob(3000) FROM n")
    auth.sign_out(session)
    return workspace.paths.store_file("lado")


def flip_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[(len(data) // PAGE // 2) * PAGE + 100] ^= 0x01
    path.write_bytes(bytes(data))


def choose(combo: QComboBox, value: Any) -> None:
    combo.setCurrentIndex(combo.findData(value))


def new_consultation(window) -> LadoContactForm:  # noqa: ANN001
    window.show_page("lado")
    page = window.pages["lado"]
    assert page.new_contact()
    form, ui = page.form, page.form.ui
    choose(ui.threshold_met, False)
    ui.date_received.setText("01/02/2017")
    ui.date_allegation_known.setText("01/02/2017")
    choose(ui.contact_method, "phone")
    choose(ui.referral_source_type, "employer_dsl")
    ui.referrer_name.setText("Jo Bloggs")
    ui.employer_name.setText("Oakfield Primary School")
    choose(ui.employment_sector, "education_school")
    choose(ui.setting_type, "primary_school")
    form.save_guard.backoff_ms = FAST
    return form


def make_window(qtbot, session, clock):  # noqa: ANN001, ANN201
    window = app.build_main_window(session, clock)
    qtbot.addWidget(window)
    window.show()  # the check starts from the event loop, after this
    return window


@pytest.fixture
def officer(workspace, make_user):  # noqa: ANN001, ANN201
    password = make_user("lado1", ["lado_officer"])
    path = make_big(workspace, "lado1", password)
    workspace.defer_checks_above = path.stat().st_size // 2
    return password, path


def test_db5_a_save_before_the_deferred_check_keeps_its_input_and_lands_after_it(
        qtbot, workspace, officer, clock):
    """DB-5: the window is up before the big LADO store is checked. A save then is refused
    by the engine; the form keeps everything, the banner says the stores are being checked
    (not a disk fault); once the worker's check has passed the retry saves it."""
    password, _path = officer
    session = auth.sign_in(workspace, "lado1", password)
    assert startup_check.pending_checks() == ["lado"]
    window = make_window(qtbot, session, clock)
    form = new_consultation(window)
    form.ui.saveButton.click()
    banner = form.save_guard.banner_text()
    assert "Not saved yet: Checking the stores after sign-in, a moment…" in banner
    assert "Everything you typed is still in this form" in banner and "disk" not in banner
    assert form.is_dirty() and form.ui.employer_name.text() == "Oakfield Primary School"
    assert LadoContact.select().count() == 0 and not Dialogs.shown

    qtbot.waitUntil(lambda: not startup_check.pending_checks(), timeout=15000)
    qtbot.waitUntil(lambda: not form.save_guard.active, timeout=5000)
    assert not form.is_dirty() and form.save_guard.banner_text() == ""
    [saved] = LadoContact.select()
    assert saved.employer_name == "Oakfield Primary School" and form.record_id == saved.id
    assert not Dialogs.shown
    window.close()


def test_db5_opening_a_record_before_the_check_says_why_in_words_not_a_crash(
        qtbot, workspace, officer, clock, tmp_path):
    """DB-5 and AUD-1: opening a record audits the view, a write, so before the check it is
    refused too; the crash hook says why in the save guard's words (no crash file), and
    the same record opens once the check has passed."""
    password, _path = officer
    threshold, workspace.defer_checks_above = workspace.defer_checks_above, None
    session = auth.sign_in(workspace, "lado1", password)
    contact = lado.create_contact(session, {
        "date_received": dt.date(2017, 2, 1), "referral_source_type": "employer_dsl",
        "employer_name": "Oakfield Primary School", "employment_sector": "education_school",
        "setting_type": "primary_school", "threshold_met": False, "subject_named": False})
    auth.sign_out(session)
    workspace.defer_checks_above = threshold
    session = auth.sign_in(workspace, "lado1", password)
    window = make_window(qtbot, session, clock)
    window.show_page("lado")
    page = window.pages["lado"]
    crash.install_crash_hook(tmp_path / "crashes", show_dialog=True, clock=clock)
    try:
        Dialogs.queue_answers(None)
        try:
            page.open_contact(contact)
        except Exception:  # noqa: BLE001 - what the event loop would hand to the hook
            crash.handle_crash(sys.exc_info(), "MainThread")
        qtbot.waitUntil(lambda: bool(Dialogs.shown))
    finally:
        crash.uninstall_crash_hook()
    kind, title, text = Dialogs.shown[-1]
    assert kind == "warn" and "Checking the stores after sign-in, a moment…" in text
    assert not (tmp_path / "crashes").exists() or not any((tmp_path / "crashes").iterdir())
    assert not page.showing_form()

    qtbot.waitUntil(lambda: not startup_check.pending_checks(), timeout=15000)
    assert page.open_contact(contact) and page.form.record_id == contact
    window.close()


def test_db5_a_damaged_big_store_is_named_kept_read_only_and_its_backup_offered(
        qtbot, workspace, officer, clock):
    """DB-5: bytes flipped mid-file of the big LADO store after a backup. Sign-in goes
    ahead; the check after the window shows finds the damage, names the store and offers
    the newest verified backup. Declined: the store stays open read-only (a save says why);
    accepted: the damaged file is moved aside whole, the backup put back, the session ends."""
    password, path = officer
    threshold, workspace.defer_checks_above = workspace.defer_checks_above, None
    session = auth.sign_in(workspace, "lado1", password)  # checked at open: a backup copies it
    backup = workspace.backup_all(reason="daily", made_by="lado1")
    auth.sign_out(session)
    workspace.defer_checks_above = threshold
    flip_middle(path)
    damaged = path.read_bytes()

    session = auth.sign_in(workspace, "lado1", password)
    Dialogs.queue_answers(False)  # not now
    window = make_window(qtbot, session, clock)
    qtbot.waitUntil(lambda: bool(Dialogs.shown), timeout=15000)
    kind, title, text = Dialogs.shown[-1]
    assert kind == "confirm" and title == "Store damaged — restore from backup?"
    assert "The LADO store (lado.db) failed its start-up check" in text
    assert "kept read-only" in text and rs.read_backup(backup).local_time() in text
    assert stores.is_open("lado") and startup_check.damaged().keys() == {"lado"}
    assert "LADO store failed the start-up check" in window.statusBar().currentMessage()

    form = new_consultation(window)
    form.ui.saveButton.click()
    assert "The LADO store failed the start-up check: its lists can be read, but no record " \
        "can be saved or opened" in form.save_guard.banner_text()
    assert form.is_dirty() and path.read_bytes() == damaged
    form.save_guard.cancel()

    Dialogs.queue_answers(True, "discard")  # restore; drop the unsaved consultation
    with qtbot.waitSignal(window.signedOut) as ended:
        window.store_damaged("lado", startup_check.damaged()["lado"])
    assert "Restored the LADO store" in ended.args[0]
    replaced = next(workspace.paths.root.glob("replaced-*"))
    assert (replaced / "lado.db").read_bytes() == damaged
    assert not any(stores.is_open(n) for n in stores.STORE_NAMES)
    workspace.defer_checks_above = None  # the restored store passes the check at sign-in
    auth.sign_out(auth.sign_in(workspace, "lado1", password))


def test_db5_only_the_gui_app_defers_and_small_stores_start_no_check(qtbot, workspace,
                                                                   make_user, clock, qapp):
    """DB-5: the GUI app's controller asks for deferral (1 MB); a workspace as the CLI makes
    it checks every store at open. A test-sized store is checked at sign-in, so the window
    has nothing to check and saves at once."""
    assert Workspace(workspace.paths, clock).defer_checks_above is None
    app.Controller(qapp, workspace, clock)
    assert workspace.defer_checks_above == BIG_STORE_BYTES
    password = make_user("lado1", ["lado_officer"])
    session = auth.sign_in(workspace, "lado1", password)
    assert startup_check.pending_checks() == []
    window = make_window(qtbot, session, clock)
    qtbot.waitUntil(lambda: window.store_checks is not None)
    assert not window.store_checks.start()
    form = new_consultation(window)
    form.ui.saveButton.click()
    assert not form.is_dirty() and LadoContact.select().count() == 1
    window.close()
