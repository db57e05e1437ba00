"""The main window: navigation between modules, menus, status bar and the idle lock.

Locking (KP-2, AUTH-4) takes the whole work area (navigation and every page) out
of the window: the pages stay alive, unparented and hidden, so unsaved input
survives, but no widget of the window holds record text until the user unlocks.
"""
from __future__ import annotations

import logging

import html
from typing import Callable

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDialog, QLabel, QListWidget, QMainWindow, QMenu, QSplitter, QStackedWidget,
    QWidget,
)

from hscb_desktop import APP_NAME, __version__
from hscb_desktop.core.clock import Clock
from hscb_desktop.core.dates import format_uk
from hscb_desktop.gui import export_dialog, modules
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.login import ChangePasswordDialog, LockView
from hscb_desktop.gui.record_form import RecordForm
from hscb_desktop.gui.settings_dialog import SettingsDialog, backup_now, verify_audit
from hscb_desktop.security import auth
from hscb_desktop.security import roles as R
from hscb_desktop.security.session import Session

CHECK_INTERVAL_MS = 1000
HOUSEKEEPING_QUIET_S = 10  # no input for this long before housekeeping runs
HOUSEKEEPING_EVERY_S = 30
log = logging.getLogger(__name__)
_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                    QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel, QEvent.Type.TouchBegin})


class ActivityWatcher(QObject):
    """Installed on the QApplication: any user input counts as activity."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _INPUT:
            self.session.touch()
        return False


def dirty_forms(root: QWidget | None) -> list[RecordForm]:
    if root is None:
        return []
    forms = root.findChildren(RecordForm) + ([root] if isinstance(root, RecordForm) else [])
    return [f for f in forms if f.is_dirty()]


def roles_text(session: Session) -> str:
    return ", ".join(R.ROLE_LABELS.get(r, r) for r in sorted(session.roles))


class MainWindow(QMainWindow):
    signedOut = Signal(str)  # the session ended; the text says why ("" when the user chose it)
    closed = Signal()  # the user quit

    def __init__(self, session: Session, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle(APP_NAME)
        self.session, self.clock = session, clock
        self.paths = session.workspace.paths
        self.lock_view: LockView | None = None
        self._held: QWidget | None = None  # the work area, while locked
        self._saved_enabled: dict[QAction, bool] = {}
        self._ended = False
        self.pages: dict[str, QWidget] = {}
        self._build_work_area()
        self._build_actions()
        self._build_status_bar()
        self._restore_state()
        self.watcher = ActivityWatcher(session, self)
        QApplication.instance().installEventFilter(self.watcher)
        self._last_housekeeping = self.clock.monotonic()
        self.auto_backup = None  # gui.auto_backup.AutoBackup once the app enables it
        self.store_checks = None  # gui.startup_check.StoreChecks once the window is shown
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check_session)
        self.timer.start()
        from hscb_desktop.gui.os_session import OsSessionWatcher  # KP-2: lock with the desktop

        self.os_session = OsSessionWatcher(self)
        self.os_session.osLocked.connect(self.lock_now)

    # -- building ----------------------------------------------------------
    def _build_work_area(self) -> None:
        self.nav = QListWidget()
        self.nav.setAccessibleName("Navigation")
        self.nav.setMaximumWidth(240)
        self.stack = QStackedWidget()
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.work = QSplitter()
        self.work.setObjectName("WorkArea")
        self.work.addWidget(self.nav)
        self.work.addWidget(self.stack)
        self.work.setStretchFactor(1, 1)
        self.work.setChildrenCollapsible(False)
        self.modules = modules.modules_for(self.session)
        from hscb_desktop.gui.work_tray import WorkTray  # the first screen (issue 7)
        self._add_page("home", "Work tray", WorkTray(self.session, self._home_page(), self))
        for module in self.modules:
            self._add_page(module.domain, module.title, module.factory(self.session, self.stack))
        if self.session.return_domains:  # charts of the returns this session may produce
            from hscb_desktop.gui.dashboard import DashboardPage
            self._add_page("dashboard", "Dashboard", DashboardPage(self.session, self.stack))
        if self.session.has_role(R.ADMINISTRATOR):
            from hscb_desktop.gui.admin_users import AdminUsersPage  # only administrators need it
            self._add_page("users", "Users", AdminUsersPage(self.session, self.stack))
            from hscb_desktop.gui.admin_reference import AdminReferencePage
            self._add_page("reference", "Reference data",
                           AdminReferencePage(self.session, self.stack))
        self.nav.setCurrentRow(0)
        # Wide enough for every entry: a saved splitter state must not cut titles off.
        self.nav.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setMinimumWidth(min(240, self.nav.sizeHintForColumn(0)
                                     + 2 * self.nav.frameWidth() + 12))
        self.setCentralWidget(self.work)
        self.nav.setFocus()  # keyboard users start in the navigation

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        super().showEvent(event)
        if self.store_checks is None:  # DB-5: the big stores are checked once the window is up
            from hscb_desktop.gui.startup_check import StoreChecks
            self.store_checks = StoreChecks(self)
            QTimer.singleShot(self.store_checks.START_AFTER_MS, self.store_checks,
                              self.store_checks.start)

    def store_damaged(self, name: str, problem: str) -> None:
        """DB-5: a store's start-up check failed after sign-in; it stays read-only. Offer its
        newest verified backup: restoring closes the stores, so the session ends."""
        from hscb_desktop.gui.startup_check import offer_restore
        message = offer_restore(self, self.session, name, problem, self._may_discard)
        if message:
            self._end()
            self.signedOut.emit(message)

    def _add_page(self, key: str, title: str, page: QWidget) -> None:
        self.pages[key] = page
        self.stack.addWidget(page)
        self.nav.addItem(title)

    def _home_page(self) -> QWidget:
        s = self.session
        if self.modules:
            can_use = "You can use: " + ", ".join(m.title for m in self.modules) + "."
        else:
            can_use = "There are no record modules for your roles yet."
        lines = [f"<h2>Signed in as {html.escape(s.display_name)} ({html.escape(s.username)})</h2>",
                 f"<p>Your roles: {roles_text(s)}.</p>", f"<p>{html.escape(can_use)}</p>"]
        if s.has_role(R.ADMINISTRATOR):
            lines.append("<p>Manage users on the Users page. Settings, the audit log check and "
                         "backups are in the Tools menu.</p>")
        lines.append(f"<p>Signed in at {format_uk(self.clock.now().astimezone())}.</p>")
        label = QLabel("".join(lines))
        label.setObjectName("HomeText")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setMargin(16)
        return label

    def _action(self, menu: QMenu, text: str, slot: Callable[[], object],
                shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar, admin = self.menuBar(), self.session.has_role(R.ADMINISTRATOR)
        file = bar.addMenu("&File")
        from hscb_desktop.importing import importers_for  # issue 8: trackers into the modules

        if importers_for(self.session):
            self.import_action = self._action(file, "&Import from Excel…", self.open_import)
            file.addSeparator()
        self.lock_action = self._action(file, "&Lock", lambda: self.lock_now(), "Ctrl+L")
        self.sign_out_action = self._action(file, "Sign &out", self.sign_out, "Ctrl+Shift+L")
        file.addSeparator()
        self.quit_action = self._action(file, "&Quit", self.close, "Ctrl+Q")
        records = bar.addMenu("&Records")
        for module in self.modules:
            self._action(records, f"&{module.title}",
                         lambda _=False, m=module: self.show_page(m.domain))
            # A page may offer more items (e.g. LADO: new contact, retention review).
            extras = getattr(self.pages[module.domain], "menu_actions", None)
            for text, slot in extras() if extras else []:
                self._action(records, text,
                             lambda _=False, d=module.domain, f=slot: self._page_then(d, f))
        if not self.modules:
            records.addAction("No record modules for your roles yet").setEnabled(False)
        returns = bar.addMenu("R&eturns")
        self.return_actions: dict[str, QAction] = {}
        for kind in export_dialog.returns_for(self.session):  # counts only, never records
            self.return_actions[kind.name] = self._action(
                returns, f"&{kind.title}…",
                lambda _=False, n=kind.name: export_dialog.export_return(self, self.session, n))
        if not self.return_actions:
            returns.addAction("No returns for your roles yet").setEnabled(False)
        tools = bar.addMenu("&Tools")
        team = bool(getattr(self.session.workspace, "is_server", False))
        if admin:
            self._action(tools, "&Users…", lambda: self.show_page("users"))
            self._action(tools, "&Settings…",
                         lambda: Dialogs.exec_dialog(SettingsDialog(self.session, self)))
            self._action(tools, "&Verify audit log…", lambda: verify_audit(self.session, self))
            if not team:  # a server's backups and restores are IT's (pg_dump, pg_restore)
                self._action(tools, "&Restore…", self.restore_from_backup)
        if self.session.has_role(R.ADMINISTRATOR, R.BUSINESS_UNIT) and not team:
            self._action(tools, "&Back up now…", lambda: backup_now(self.session, self))
        tools.addSeparator()
        self._action(tools, "&Change my password…", self.change_password)
        help_menu = bar.addMenu("&Help")
        self._action(help_menu, f"&About {APP_NAME}", self.about)
        # Actions allowed while locked; every other one is disabled (no save, no export).
        self.lock_safe = {self.sign_out_action, self.quit_action}

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        s = self.session
        self.user_label = QLabel(f"Signed in: {s.display_name} ({s.username}) · {roles_text(s)}")
        self.folder_label = QLabel(f"Data: {self.paths.root}")
        self.lock_label = QLabel("")
        self.lock_label.setObjectName("LockState")
        for label in (self.user_label, self.folder_label, self.lock_label):
            status.addPermanentWidget(label)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(list(self.pages).index(key))

    def _page_then(self, key: str, slot: Callable[[], object]) -> None:
        """A page's own menu item: show the page, then let it act."""
        self.show_page(key)
        slot()

    # -- window state (QSettings INI: plain values, never pickles) -------------
    def _ui_state(self) -> QSettings:
        return QSettings(str(self.paths.ui_state), QSettings.Format.IniFormat)

    def _restore_state(self) -> None:
        state = self._ui_state()
        geometry = state.value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = QGuiApplication.primaryScreen().availableGeometry()
            self.resize(min(1100, screen.width()), min(700, screen.height()))
            self.move(screen.center() - self.rect().center())
        if state.value("main_window/state") is not None:
            self.restoreState(state.value("main_window/state"))

    def save_state(self) -> None:
        state = self._ui_state()
        state.setValue("main_window/geometry", self.saveGeometry())
        state.setValue("main_window/state", self.saveState())
        state.sync()

    # -- idle and absolute limits ---------------------------------------------
    def check_session(self) -> None:
        """Called every second; the injected clock decides (tests move it)."""
        if self._ended or (self.lock_view is not None and self.lock_view.expired):
            return
        if self.session.absolute_expired():
            self._expire()
        elif not self.session.locked and self.session.idle_expired():
            self.lock_now(reason="idle")
        else:
            self._housekeeping()
            for page in self.pages.values():  # due lists move on when the clock passes midnight
                getattr(page, "clock_tick", lambda: None)()

    def _housekeeping(self) -> None:
        """Checkpoints and index merges while nobody is typing, so no save pays for them
        (storage.housekeeping). On the GUI thread: the stores' connections belong to it."""
        now = self.clock.monotonic()
        quiet = now - self.session.last_activity >= HOUSEKEEPING_QUIET_S
        if quiet and now - self._last_housekeeping >= HOUSEKEEPING_EVERY_S:
            self._last_housekeeping = now
            from hscb_desktop.storage import housekeeping
            try:
                housekeeping.idle_step()
            except Exception:  # noqa: BLE001 - housekeeping must never disturb the user
                log.warning("idle housekeeping failed", exc_info=True)
            if self.auto_backup is not None:  # the daily backup, at a quiet moment
                self.auto_backup.idle()

    def lock_now(self, reason: str = "manual") -> None:
        if self.lock_view is not None or self._ended:
            return
        auth.lock(self.session, reason)
        self._enter_lock(expired=False)

    def _expire(self) -> None:
        """AUTH-4: past the absolute limit the stores close and the keys leave memory;
        only a full sign-in (a fresh key derivation) brings the pages back."""
        if not self.session.locked:
            auth.lock(self.session, "session limit")
        auth.sign_out(self.session)
        if self.lock_view is None:
            self._enter_lock(expired=True)
        else:
            self.lock_view.set_expired(True)

    def _enter_lock(self, expired: bool) -> None:
        for dialog in self.findChildren(QDialog):  # an open dialog may show record text
            if dialog.isVisible():
                dialog.reject()
        self._held = self.takeCentralWidget()  # unparented: out of the window's widget tree
        self.lock_view = LockView(self.session, self, expired=expired)
        self.lock_view.unlocked.connect(self._leave_lock)
        self.lock_view.signOutRequested.connect(self.sign_out)
        self.lock_view.signedOut.connect(self._forced_out)
        self.setCentralWidget(self.lock_view)
        self._saved_enabled = {a: a.isEnabled() for a in self.findChildren(QAction)}
        for action in self._saved_enabled:
            action.setEnabled(action in self.lock_safe or action.menu() is not None)
        self.lock_label.setText("Locked")
        self.lock_view.password.setFocus()

    def _leave_lock(self) -> None:
        self.setCentralWidget(self._held)  # deletes the lock view
        self._held, self.lock_view = None, None
        for action, enabled in self._saved_enabled.items():
            action.setEnabled(enabled)
        self.lock_label.setText("")

    # -- ending the session ----------------------------------------------------
    def _may_discard(self) -> bool:
        forms = dirty_forms(self._held or self.centralWidget())
        if not forms:
            return True
        if self.lock_view is not None:  # the forms cannot be shown while locked
            return Dialogs.confirm(self, "Unsaved changes", f"{len(forms)} open form(s) have "
                                   "changes that are not saved. They will be lost.",
                                   yes_text="Discard changes", destructive=True)
        return all(form.confirm_leave(self) for form in forms)

    def sign_out(self) -> None:
        if self._may_discard():
            self._end()
            self.signedOut.emit("")

    def _forced_out(self, message: str) -> None:
        lost = dirty_forms(self._held)
        self._end()
        self.signedOut.emit(message + (" Unsaved changes could not be kept." if lost else ""))

    def _end(self, close: bool = True) -> None:
        self._ended = True
        self.timer.stop()
        QApplication.instance().removeEventFilter(self.watcher)
        self.save_state()
        if self.store_checks is not None:  # the exit backup needs the checked stores writable
            self.store_checks.finish()
        if self.auto_backup is not None:  # DB-4: before the stores close and the keys go
            self.auto_backup.on_exit()
        auth.sign_out(self.session)
        if self._held is not None:
            self._held.deleteLater()
            self._held = None
        if close:
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self._ended:
            if not self._may_discard():
                event.ignore()
                return
            self._end(close=False)
            self.closed.emit()
        super().closeEvent(event)

    # -- tools -------------------------------------------------------------
    def open_import(self) -> None:
        from hscb_desktop.gui import import_wizard  # loaded when first used, not at sign-in

        import_wizard.open_import(self, self.session)

    def enable_auto_backup(self) -> None:
        """Daily and on-exit backups (the app turns them on; tests build bare windows)."""
        from hscb_desktop.gui.auto_backup import AutoBackup
        self.auto_backup = AutoBackup(self)

    def restore_from_backup(self) -> None:
        """Tools → Restore…: the stores close, so the session ends and everyone signs in again."""
        if not self._may_discard():
            return
        from hscb_desktop.gui.restore_dialog import RestoreDialog
        dialog = RestoreDialog(self.session, self)
        Dialogs.exec_dialog(dialog)
        if dialog.result_message:  # restored: the stores are closed
            self._end()
            self.signedOut.emit(dialog.result_message)

    def change_password(self) -> None:
        if Dialogs.exec_dialog(ChangePasswordDialog(self.session, self)) == 1:
            Dialogs.info(self, "Password changed", "Your password has been changed.")

    def about(self) -> None:
        Dialogs.info(self, f"About {APP_NAME}", f"{APP_NAME} {__version__}\n\nData folder:\n"
                     f"{self.paths.root}\n\nDates are shown as dd/mm/yyyy.")

