"""The application shell: first run, sign-in, main window, lock (KP-2, AUTH-2..5, DB-5)."""
from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop import app
from hscb_desktop.gui import modules
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.login import FirstRunDialog, LockView, LoginDialog
from hscb_desktop.gui.main_window import MainWindow
from hscb_desktop.gui.record_form import RecordForm
from hscb_desktop.security import auth, users
from hscb_desktop.storage import stores
from hscb_desktop.storage.instance_lock import StoreInUse
from hscb_desktop.storage.workspace import Workspace

MARKER = "MARKER-Zebedee-Quinton-4711"
ACCEPTED = 1


def fill_login(username: str, password: str):  # noqa: ANN201 - a Dialogs answer
    def answer(dialog: LoginDialog) -> int:
        dialog.ui.username.setText(username)
        dialog.ui.password.setText(password)
        dialog.accept()
        return dialog.result()
    return answer


def make_window(qtbot, session, clock) -> MainWindow:  # noqa: ANN001
    window = app.build_main_window(session, clock)
    qtbot.addWidget(window)
    window.show()
    return window


# -- first run and sign-in ---------------------------------------------------------
def test_first_run_creates_the_administrator_and_refuses_a_short_password(qtbot, data_dir, clock):
    ws = Workspace(data_dir, clock).acquire()
    try:
        dialog = FirstRunDialog(ws)
        qtbot.addWidget(dialog)
        assert dialog.ui.username.text() == "admin" and dialog.ui.password.text() == ""
        dialog.ui.password.setText("short")
        assert "at least 12 characters" in dialog.ui.message.text()  # shown as you type
        dialog.ui.confirm.setText("short")
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.result() != ACCEPTED and not ws.initialised
        assert "at least 12 characters" in dialog.ui.message.text()

        dialog.ui.password.setText("Lantern-Harbour-Blue-42")
        dialog.ui.confirm.setText("Lantern-Harbour-Blue-43")
        dialog.accept()
        assert "not the same" in dialog.ui.message.text() and not ws.initialised

        dialog.ui.confirm.setText("Lantern-Harbour-Blue-42")
        dialog.accept()
        assert dialog.result() == ACCEPTED and ws.initialised and dialog.username == "admin"
        assert Dialogs.shown == []  # every problem was inline
        ws.close_stores()
        session = auth.sign_in(ws, "admin", "Lantern-Harbour-Blue-42")
        assert session.has_role("administrator")
        auth.sign_out(session)
    finally:
        ws.close()


def test_wrong_password_is_shown_inline_and_the_dialog_stays(qtbot, workspace):
    dialog = LoginDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.username.setText("admin")
    dialog.ui.password.setText("not-the-password")
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.ui.message.text() == auth.BAD_LOGIN
    assert dialog.isVisible() and dialog.session is None
    assert dialog.ui.password.text() == ""  # cleared for the next try
    assert Dialogs.shown == []  # no popup


def test_enter_signs_in(admin_password, qtbot, workspace):
    dialog = LoginDialog(workspace, username="admin")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.ui.password.setText(admin_password)
    qtbot.keyClick(dialog.ui.password, Qt.Key.Key_Return)  # the feature is the key itself
    assert dialog.result() == ACCEPTED and dialog.session is not None
    auth.sign_out(dialog.session)


def test_sign_in_opens_home_and_the_users_page(admin_password, qtbot, workspace, clock):
    dialog = LoginDialog(workspace)
    qtbot.addWidget(dialog)
    assert fill_login("admin", admin_password)(dialog) == ACCEPTED
    window = make_window(qtbot, dialog.session, clock)
    assert window.stack.currentWidget() is window.pages["home"]
    home = window.pages["home"].text()
    assert "Administrator" in home and "no record modules" in home and "01/03/2017" in home
    window.show_page("users")
    page = window.pages["users"]
    assert window.stack.currentWidget() is page
    names = [page.model.row_values(r)["username"] for r in range(page.model.rowCount())]
    assert names == ["admin"]
    assert "Administrator" in window.user_label.text()


# -- the lock --------------------------------------------------------------------------
class MarkerPage(QWidget):
    """A stand-in record page: a dirty form and a list, both holding MARKER."""

    def __init__(self, session, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.form = RecordForm(self)
        self.name, self.notes = QLineEdit(), QPlainTextEdit()
        form_layout = QVBoxLayout(self.form)
        form_layout.addWidget(self.name)
        form_layout.addWidget(self.notes)
        self.form.bind_field("name", self.name)
        self.form.bind_field("notes", self.notes)
        self.form.load({"name": MARKER, "notes": ""})
        self.notes.setPlainText(f"typed, not saved: {MARKER}")
        self.table = QTableWidget(1, 1)
        self.table.setItem(0, 0, QTableWidgetItem(MARKER))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.table)


@pytest.fixture
def lado_session(workspace, make_user) -> Iterator:
    modules.unregister("lado")  # the real LADO page gives way to the marker page
    modules.register(modules.GuiModule("lado", "LADO", "", MarkerPage))
    password = make_user("lado1", ["lado_officer"])
    session = auth.sign_in(workspace, "lado1", password)
    session.test_password = password  # type: ignore[attr-defined]
    yield session
    modules.unregister("lado")


def texts_in(window: MainWindow) -> list[str]:
    """Every text a widget of the window holds, including item models' data."""
    found = [window.windowTitle()]
    for widget in [window, *window.findChildren(QWidget)]:
        found.append(widget.windowTitle())
        for getter in ("text", "toPlainText", "placeholderText"):
            if hasattr(widget, getter):
                found.append(str(getattr(widget, getter)()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # QAbstractListModel keeps columnCount private: one column
                columns = 1
            for r in range(model.rowCount(QModelIndex())):
                for c in range(columns):
                    found.append(str(model.data(model.index(r, c))))
    return found


def assert_locked(window: MainWindow) -> None:
    assert isinstance(window.centralWidget(), LockView)
    assert not any(MARKER in t for t in texts_in(window))
    enabled = {a for a in window.findChildren(QAction) if a.isEnabled() and a.menu() is None}
    assert enabled <= {window.sign_out_action, window.quit_action}
    assert window.lock_label.text() == "Locked"


def test_lock_shows_only_the_lock_view_and_unlock_restores_unsaved_input(qtbot, lado_session,
                                                                        clock):
    window = make_window(qtbot, lado_session, clock)
    window.show_page("lado")
    page = window.pages["lado"]
    assert any(MARKER in t for t in texts_in(window))  # the check can see the marker
    assert page.form.is_dirty()

    window.lock_action.trigger()
    assert_locked(window)
    assert lado_session.locked and not lado_session.active

    lock = window.lock_view
    lock.password.setText("wrong-password-here")
    lock.unlock_button.click()
    assert lock.message.text() == "The password is not correct."
    assert window.lock_view is lock and Dialogs.shown == []

    lock.password.setText(lado_session.test_password)
    lock.unlock_button.click()
    assert window.lock_view is None and window.centralWidget() is window.work
    assert window.pages["lado"] is page and window.stack.currentWidget() is page
    assert page.form.is_dirty() and MARKER in page.notes.toPlainText()  # nothing lost
    assert window.lock_action.isEnabled() and not lado_session.locked

    # Quitting while locked with unsaved input asks first (never lost silently).
    window.lock_now()
    Dialogs.queue_answers(False)
    window.close()
    assert window.isVisible() and Dialogs.shown[-1][:2] == ("confirm", "Unsaved changes")
    Dialogs.queue_answers(True)
    window.close()
    assert not window.isVisible() and not stores.is_open(stores.CORE)


def test_too_many_wrong_unlocks_sign_out(qtbot, lado_session, clock):
    window = make_window(qtbot, lado_session, clock)
    window.lock_now()
    with qtbot.waitSignal(window.signedOut) as signal:
        for _ in range(auth.LOCKOUT_THRESHOLD):
            window.lock_view.password.setText("wrong-password-here")
            window.lock_view.try_unlock()
    assert "signed out" in signal.args[0] and "Unsaved changes could not be kept" in signal.args[0]
    assert not stores.is_open(stores.CORE)


def test_idle_lock_after_the_limit(admin_password, qtbot, admin_session, clock):
    window = make_window(qtbot, admin_session, clock)
    clock.advance(minutes=5, seconds=-1)
    window.check_session()
    assert window.lock_view is None
    clock.advance(minutes=1)
    qtbot.waitUntil(lambda: window.lock_view is not None, timeout=3000)  # the 1 s timer
    assert_locked(window)
    window.lock_view.password.setText(admin_password)
    window.lock_view.try_unlock()
    assert window.lock_view is None


def test_absolute_session_limit_needs_a_full_sign_in(admin_password, qtbot, admin_session, clock):
    window = make_window(qtbot, admin_session, clock)
    clock.advance(hours=8, seconds=-1)
    admin_session.touch()  # kept busy: the idle lock must not be what fires
    window.check_session()
    assert window.lock_view is None and admin_session.active
    clock.advance(seconds=2)
    admin_session.touch()
    window.check_session()
    assert_locked(window)
    assert window.lock_view.expired and not stores.is_open(stores.CORE)  # keys gone
    window.lock_view.password.setText(admin_password)
    window.lock_view.try_unlock()
    assert window.lock_view is None and admin_session.active
    assert stores.is_open(stores.CORE) and not admin_session.absolute_expired()


def test_sign_out_action(qtbot, admin_session, clock):
    window = make_window(qtbot, admin_session, clock)
    with qtbot.waitSignal(window.signedOut) as signal:
        window.sign_out_action.trigger()
    assert signal.args == [""] and not stores.is_open(stores.CORE)


def test_window_geometry_is_remembered(admin_password, qtbot, workspace, clock):
    window = make_window(qtbot, auth.sign_in(workspace, "admin", admin_password), clock)
    window.resize(700, 500)  # the offscreen screen is 800x600
    window.close()
    state = QSettings(str(workspace.paths.ui_state), QSettings.Format.IniFormat)
    assert state.value("main_window/geometry") is not None
    again = make_window(qtbot, auth.sign_in(workspace, "admin", admin_password), clock)
    assert (again.width(), again.height()) == (700, 500)


# -- the start-up flow ---------------------------------------------------------------
def test_one_time_password_forces_a_change_before_the_main_window(qtbot, qapp, workspace,
                                                                 admin_session, clock):
    one_time = users.add_user(admin_session, "worker1", ["lado_officer"])
    auth.sign_out(admin_session)
    new_password = "Copper-Kettle-Morning-88"

    def change(dialog) -> int:  # noqa: ANN001
        # Just typed at sign-in, so not asked for again.
        assert dialog.ui.current_password.isHidden()
        assert dialog.ui.current_password.text() == one_time
        dialog.ui.new_password.setText("short")
        dialog.ui.confirm_password.setText("short")
        dialog.accept()
        assert "at least 12 characters" in dialog.ui.message.text()
        dialog.ui.new_password.setText(new_password)
        dialog.ui.confirm_password.setText(new_password)
        dialog.accept()
        return dialog.result()

    Dialogs.queue_answers(fill_login("worker1", one_time), change)
    controller = app.Controller(qapp, workspace, clock)
    assert controller.sign_in()
    qtbot.addWidget(controller.window)
    assert not controller.window.session.must_change_password
    auth.sign_out(controller.window.session)
    auth.sign_out(auth.sign_in(workspace, "worker1", new_password))  # the new password works
    with pytest.raises(auth.LoginFailed):
        auth.sign_in(workspace, "worker1", one_time)


def test_cancelling_the_forced_change_goes_back_to_sign_in(qapp, workspace, admin_session, clock):
    one_time = users.add_user(admin_session, "worker2", ["lado_officer"])
    auth.sign_out(admin_session)
    Dialogs.queue_answers(fill_login("worker2", one_time), 0, 0)  # cancel change, cancel login
    assert not app.Controller(qapp, workspace, clock).sign_in()
    assert not stores.is_open(stores.CORE)


def test_a_second_instance_is_refused(qapp, workspace, clock):
    with pytest.raises(StoreInUse):
        Workspace(workspace.paths, clock).acquire()
    Dialogs.queue_answers(None)
    quit_on_close = qapp.quitOnLastWindowClosed()
    try:
        assert app.main(["--data-dir", str(workspace.paths.root)], clock=clock) == 1
    finally:
        qapp.setQuitOnLastWindowClosed(quit_on_close)
    kind, _title, text = Dialogs.shown[-1]
    assert kind == "error" and "already open" in text


def test_sign_out_goes_back_to_sign_in_with_the_user_name_filled(qtbot, workspace, admin_password,
                                                                  clock):
    quits: list[bool] = []
    fake_app = SimpleNamespace(quit=lambda: quits.append(True))
    controller = app.Controller(fake_app, workspace, clock)
    Dialogs.queue_answers(fill_login("admin", admin_password))
    assert controller.sign_in()
    window = controller.window
    qtbot.addWidget(window)

    def cancel_second_login(dialog: LoginDialog) -> int:
        assert dialog.ui.username.text() == "admin" and dialog.ui.password.text() == ""
        return 0

    Dialogs.queue_answers(cancel_second_login)
    window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: quits == [True])  # cancelling the sign-in quits the app
    assert controller.window is None and not stores.is_open(stores.CORE)


def test_records_menu_lists_the_modules_the_roles_allow(qtbot, lado_session, clock):
    window = make_window(qtbot, lado_session, clock)
    records = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Records")
    assert [a.text() for a in records.actions()] == ["&LADO"]
    assert "LADO" in window.pages["home"].text()
    records.actions()[0].trigger()
    assert window.stack.currentWidget() is window.pages["lado"]
    Dialogs.queue_answers("discard")  # the marker page's form is dirty


def test_housekeeping_runs_only_when_the_user_is_idle(qtbot, admin_session, clock, monkeypatch):
    """Checkpoints and index merges wait for a quiet moment (storage.housekeeping) instead
    of landing on a save; they never run while the user is typing."""
    from hscb_desktop.storage import housekeeping

    calls = []
    monkeypatch.setattr(housekeeping, "idle_step", lambda: calls.append(clock.monotonic()) or {})
    window = make_window(qtbot, admin_session, clock)
    clock.advance(seconds=40)
    admin_session.touch()  # typing just now
    window.check_session()
    assert calls == []
    clock.advance(seconds=15)  # quiet for 15 s, 55 s since the window opened
    window.check_session()
    assert len(calls) == 1
    window.check_session()  # not again straight away
    assert len(calls) == 1
    window.close()
