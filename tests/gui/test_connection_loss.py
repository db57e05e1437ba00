"""Issue 11: the store stops answering during a save (PKG-4, DB-1, KP-2 "never lost silently").

The real encrypted store is made to fail for a real reason, never by mocking the app:
its directory disappears while the connection is closed (a lost drive or connection),
another connection holds the write lock (database busy), the file may not grow (disk
full), or the engine aborts the audit insert inside the save's transaction (an I/O
failure between the record write and its audit entry). Each time the form keeps what
was typed, says so in a banner (no crash dialog, no traceback), and the retry saves
once the store answers again. The record and its audit entry are written together or
not at all.
"""
from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from hscb_desktop.domains.lado import service as lado
from hscb_desktop.domains.lado.models import LadoContact
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.lado_form import LadoContactForm
from hscb_desktop.security import auth
from hscb_desktop.storage import audit, stores

D = dt.date
FAST = (30, 60)  # back-off for tests (ms); the app's is 2, 5, 10, 20, 30 s


@pytest.fixture
def officer(workspace, make_user):
    return auth.sign_in(workspace, "lado1", make_user("lado1", ["lado_officer"]))


@pytest.fixture
def form(qtbot, officer):
    cid = lado.create_contact(officer, {
        "date_received": D(2017, 2, 1), "referral_source_type": "employer_dsl",
        "employer_name": "Oakfield Primary School", "employment_sector": "education_school",
        "setting_type": "primary_school", "threshold_met": False, "subject_named": False,
    })
    widget = LadoContactForm(officer)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.load(lado.get_contact(officer, cid))
    widget.show()
    widget.save_guard.backoff_ms = FAST
    return widget


def lado_db():
    return stores.proxy("lado").obj


def audit_count(record_id: int) -> int:
    return len([e for e in audit.entries_for("lado", lado.TABLE, record_id)
                if e.action == "update"])


def stored(officer, record_id: int) -> dict:
    return lado.get_contact(officer, record_id)


def test_pkg4_store_unreachable_keeps_input_and_retries_until_it_is_back(qtbot, form, officer):
    """PKG-4 / issue 11: the store's folder vanishes with the connection closed (a lost
    drive): the save fails, the input stays, the banner says so, the timer retries, and
    the save lands once the folder is back."""
    cid = form.record_id
    folder = Path(lado_db().database).parent
    away = folder.with_name("stores-unreachable")
    form.ui.employer_name.setText("Oakfield Academy")
    lado_db().close()
    folder.rename(away)
    try:
        form.ui.saveButton.click()
        assert form.ui.employer_name.text() == "Oakfield Academy" and form.is_dirty()
        banner = form.save_guard.banner_text()
        assert "Not saved yet" in banner and "cannot be reached" in banner
        assert "Everything you typed is still in this form" in banner
        assert "Traceback" not in banner and not Dialogs.shown  # no crash or error box
        # The timer keeps trying while the folder is gone.
        qtbot.waitUntil(lambda: form.save_guard.attempts >= 2, timeout=3000)
        assert form.save_guard.banner.isVisible()
    finally:
        away.rename(folder)
    qtbot.waitUntil(lambda: not form.save_guard.active, timeout=3000)
    assert form.save_guard.banner_text() == "" and not form.is_dirty()
    assert stored(officer, cid)["employer_name"] == "Oakfield Academy"
    assert audit_count(cid) == 1


def test_pkg4_database_busy_then_retry_now(qtbot, form, officer):
    """Issue 11: another connection holds the write lock; Retry now saves once it lets go."""
    cid = form.record_id
    db = lado_db()
    db.execute_sql("PRAGMA busy_timeout = 50")  # this connection gives up quickly
    holding, release = threading.Event(), threading.Event()

    def hold_write_lock() -> None:  # a second, real connection (peewee: one per thread)
        db.connect(reuse_if_open=True)
        db.execute_sql("BEGIN IMMEDIATE")
        holding.set()
        release.wait(10)
        db.execute_sql("ROLLBACK")
        db.close()

    other = threading.Thread(target=hold_write_lock)
    other.start()
    try:
        assert holding.wait(5)
        form.ui.referrer_name.setText("Jo Smith")
        form.ui.saveButton.click()
        assert "busy" in form.save_guard.banner_text()
        assert form.ui.referrer_name.text() == "Jo Smith"
        form.save_guard.banner.retry_button.click()  # still held: fails again
        assert form.save_guard.attempts >= 2 and form.save_guard.banner.isVisible()
    finally:
        release.set()
        other.join(10)
    form.save_guard.banner.retry_button.click()
    assert not form.save_guard.active and not form.is_dirty()
    assert stored(officer, cid)["referrer_name"] == "Jo Smith"
    db.execute_sql("PRAGMA busy_timeout = 5000")


def test_db1_disk_full_writes_nothing_then_saves_whole(qtbot, form, officer):
    """DB-1 / issue 11: the file may not grow (SQLITE_FULL, a real engine error): neither
    the record nor its audit entry is written; with room again, both are."""
    cid = form.record_id
    db = lado_db()
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    assert db.execute_sql("PRAGMA freelist_count").fetchone()[0] < 3
    details = "Details of the allegation. " * 740  # ~20,000 characters: a dozen new pages
    form.ui.allegation_details.setPlainText(details)
    db.execute_sql(f"PRAGMA max_page_count = {pages}")
    try:
        form.ui.saveButton.click()
        assert "disk" in form.save_guard.banner_text(), repr(form.save_guard.last_error)
        assert form.ui.allegation_details.toPlainText() == details
        row = LadoContact.get_by_id(cid)  # read only: get_contact would audit a view
        assert row.allegation_details in (None, "") and row.version == 1
        assert audit_count(cid) == 0  # both absent
    finally:
        db.execute_sql("PRAGMA max_page_count = 1073741823")
    form.save_guard.banner.retry_button.click()
    assert not form.save_guard.active
    record = stored(officer, cid)
    assert record["allegation_details"] == details.strip() and record["version"] == 2
    assert audit_count(cid) == 1  # both present


def test_pkg4_failure_between_record_and_audit_rolls_back_both(qtbot, form, officer):
    """PKG-4 / DB-1: the engine aborts the audit insert after the record's UPDATE ran in
    the same transaction (a temporary trigger on this connection, as SQLite's own I/O
    tests fail the Nth write): the record is not half-written, then the retry writes
    both."""
    cid = form.record_id
    db = lado_db()
    db.execute_sql(
        "CREATE TEMP TRIGGER issue11_audit_fails BEFORE INSERT ON audit_entry "
        "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
    )
    try:
        form.ui.employer_name.setText("Oakfield Academy")
        form.ui.saveButton.click()
        assert "disk" in form.save_guard.banner_text()
        record = stored_without_audit(cid)
        assert record == ("Oakfield Primary School", 1)  # the UPDATE was rolled back
        assert audit_count(cid) == 0
    finally:
        db.execute_sql("DROP TRIGGER temp.issue11_audit_fails")
    form.save_guard.banner.retry_button.click()
    assert not form.save_guard.active
    assert stored_without_audit(cid) == ("Oakfield Academy", 2)
    assert audit_count(cid) == 1


def stored_without_audit(record_id: int) -> tuple[str, int]:
    """The row itself (get_contact would append a view entry, which the trigger refuses)."""
    row = LadoContact.get_by_id(record_id)
    return row.employer_name, row.version


def test_the_guard_stops_when_the_form_moves_on(qtbot, form, officer):
    """Issue 11: loading another record (the user chose to leave) stops the retries."""
    folder = Path(lado_db().database).parent
    away = folder.with_name("stores-unreachable")
    form.ui.employer_name.setText("Oakfield Academy")
    lado_db().close()
    folder.rename(away)
    try:
        form.ui.saveButton.click()
        assert form.save_guard.active
        form.load(None)
        assert not form.save_guard.active and form.save_guard.banner_text() == ""
    finally:
        away.rename(folder)


def test_the_main_window_status_bar_says_so_too(qtbot, officer, form):
    """Issue 11: in the main window the status bar carries the same words, then says the
    save went through once the store answered."""
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(form)
    window.show()
    db = lado_db()
    db.execute_sql(
        "CREATE TEMP TRIGGER issue11_audit_fails BEFORE INSERT ON audit_entry "
        "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
    )
    try:
        form.ui.employer_name.setText("Oakfield Academy")
        form.ui.saveButton.click()
        assert window.statusBar().currentMessage().startswith("Not saved yet")
    finally:
        db.execute_sql("DROP TRIGGER temp.issue11_audit_fails")
    with qtbot.waitSignal(form.save_guard.recovered, timeout=3000):
        pass  # the back-off timer retries on its own
    assert window.statusBar().currentMessage() == "Saved: the database is answering again."


# -- team mode: the same form against the PostgreSQL server -------------------------------
@pytest.mark.postgres_only
def test_server_connection_killed_mid_session_then_retry_saves(qtbot, form, officer, pg_url):
    """Issue 11 on the server: the app's connection is terminated by the server (as a
    network drop or a server restart would); the form keeps its input, says so, and the
    retry saves over a fresh connection."""
    import psycopg

    cid = form.record_id
    pid = lado_db().connection().info.backend_pid
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    form.ui.employer_name.setText("Oakfield Academy")
    form.ui.saveButton.click()
    assert "Not saved yet" in form.save_guard.banner_text(), repr(form.save_guard.last_error)
    assert form.ui.employer_name.text() == "Oakfield Academy" and form.is_dirty()
    assert not Dialogs.shown
    qtbot.waitUntil(lambda: not form.save_guard.active, timeout=5000)
    assert stored(officer, cid)["employer_name"] == "Oakfield Academy"
    assert audit_count(cid) == 1


def test_a_store_error_outside_a_form_is_not_reported_as_a_crash(tmp_path, hooks_restored):
    """PKG-4 / issue 11: an engine error that escapes elsewhere (a list refreshing while
    the store is unreachable) gets plain words, no crash dialog and no crash file."""
    import sys

    from peewee import OperationalError

    from hscb_desktop.gui import crash

    crash.install_crash_hook(tmp_path / "crashes", show_dialog=True)
    Dialogs.queue_answers(None)
    try:
        raise OperationalError("unable to open database file")
    except OperationalError:
        sys.excepthook(*sys.exc_info())
    [(kind, title, text)] = Dialogs.shown
    assert kind == "warn" and title == "The database did not answer"
    assert "cannot be reached" in text and "Nothing was half-saved" in text
    assert not (tmp_path / "crashes").exists() or not any((tmp_path / "crashes").iterdir())


@pytest.fixture
def hooks_restored():
    import sys

    from hscb_desktop.gui import crash

    before = (sys.excepthook, threading.excepthook)
    yield
    crash.uninstall_crash_hook()
    assert (sys.excepthook, threading.excepthook) == before


def test_cdop_live_checks_stay_quiet_while_the_store_is_unreachable(qtbot, workspace, make_user):
    """Issue 11: the CDOP form checks as the user types; with the store gone it neither
    crashes nor pops a box per keystroke; the save then says so in its banner."""
    from test_conflicts import death_data

    from hscb_desktop.domains.cdop import service as cdop
    from hscb_desktop.gui.cdop_death_form import CdopDeathForm

    session = auth.sign_in(workspace, "cdop1", make_user("cdop1", ["cdop_coordinator"]))
    did = cdop.create_death(session, death_data())
    form = CdopDeathForm(session)
    qtbot.addWidget(form)
    form.load(cdop.get_death(session, did))
    form.show()
    db = stores.proxy("cdop").obj
    folder = Path(db.database).parent
    away = folder.with_name("stores-unreachable")
    db.close()
    folder.rename(away)
    try:
        form.ui.forenames.setText("Alexis")
        with pytest.raises(stores.ENGINE_ERRORS):  # the check itself needs the store
            form.check()
        form.live_check()  # as the typing timer calls it: quiet
        assert not Dialogs.shown
        form.save_guard.backoff_ms = (60_000,)
        form.save()
        assert "cannot be reached" in form.save_guard.banner_text()
        assert form.ui.forenames.text() == "Alexis"
    finally:
        form.save_guard.cancel()
        away.rename(folder)
