"""Signing in, first-run set-up, password change and the lock view.

Every dialog here calls one security service and shows that service's own
message inline, in its ``message`` label: a wrong password is never a popup, so
the user can type again at once with the keyboard alone.

The security services are imported where they are called, not at the top: the
login dialog is the first thing painted, and those imports (~10 ms) can wait
until the user has typed a password.
"""
from __future__ import annotations

import dataclasses
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.gui.forms.ui_login_dialog import Ui_LoginDialog
from hscb_desktop.storage.errors import StoreError

if TYPE_CHECKING:
    from hscb_desktop.security.session import Session
    from hscb_desktop.storage.workspace import Workspace

MISMATCH = "The two new passwords are not the same."


@contextmanager
def busy(label: QLabel, text: str, *widgets: QWidget) -> Iterator[None]:
    """Say what is happening and block input while one Argon2id derivation runs
    (about half a second) on the GUI thread: the stores' connections belong to it."""
    _say(label, text)
    label.repaint()  # paint now: the event loop will not run until the work is done
    for widget in widgets:
        widget.setEnabled(False)
    QGuiApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
        for widget in widgets:
            widget.setEnabled(True)


def _prepare_message(label: QLabel) -> None:
    label.setText("")


def _say(label: QLabel, text: str) -> None:
    """Show a message as plain text (messages may quote what was typed). The format is
    set on first use, not at construction: touching any ``Qt.*`` enum makes PySide6
    build the whole Qt namespace (~30 ms), which the login dialog's first paint
    does not need (bench/startup.py)."""
    if text and not label.property("plain_text"):
        label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        label.setProperty("plain_text", True)
    label.setText(text)


def _refuse(label: QLabel, problems: list[str], focus: QLineEdit) -> None:
    _say(label, "\n".join(f"• {p}" for p in problems))
    focus.setFocus()
    focus.selectAll()


PREWARM_AFTER_MS = 150


def _prewarm() -> None:
    import importlib

    for name in ("hscb_desktop.security.auth", "hscb_desktop.storage.core_schema",
                 "hscb_desktop.gui.main_window"):
        importlib.import_module(name)
    QtCore.Qt.AlignmentFlag.AlignLeft  # noqa: B018 - PySide6 builds the Qt namespace's enums now
    _prewarm_pages(list(PAGE_MODULES))


# What the main window and its pages import when they are built at sign-in (~200 ms in
# all): loaded one module per event-loop turn while the user types, so no keystroke waits
# long.
PAGE_MODULES = tuple(f"hscb_desktop.gui.{name}" for name in (
    "work_tray", "lado_page", "lado_list", "lado_form", "fostering_page", "fostering_lists",
    "fostering_enquiry", "fostering_notification", "fostering_arrangement", "cdop_page",
    "cdop_list", "cdop_case", "cdop_meetings", "board_page", "dashboard", "os_session",
    "auto_backup")) + ("PySide6.QtDBus", "hscb_desktop.domains.board.queries")  # the tray's


def _prewarm_pages(names: list[str]) -> None:
    import importlib

    if not names:
        _resolve_qt_types()
        return
    try:
        importlib.import_module(names[0])
    except ImportError:  # a module renamed or removed: nothing to warm, sign-in loads the rest
        pass
    QtCore.QTimer.singleShot(0, lambda: _prewarm_pages(names[1:]))


def _resolve_qt_types() -> None:
    """Hand Python one object of a class Qt keeps private, once every Qt module the
    window uses is loaded. PySide6 makes its Python types lazily; finding the nearest
    public type of a private one (a rich-text label's text control, which the main
    window's activity filter sees) makes every loaded type not yet made: ~40 ms, once.
    Paid here, while the user types, instead of in the work tray's first paint."""
    label = QLabel("<b> </b>")
    label.findChildren(QtCore.QObject)
    label.deleteLater()


def _current_database(workspace) -> str:
    address = getattr(workspace, "address", None)
    return address.safe() if address is not None else ""


class LoginDialog(QDialog):
    """Enter signs in; on success ``session`` holds the new Session. "Database…" chooses
    where this computer's records are kept; the dialog then ends with DATABASE_CHANGED."""

    DATABASE_CHANGED = 3

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *,
                 username: str = "", message: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.session: Session | None = None
        self.one_time_password = ""
        _prepare_message(self.ui.message)
        _say(self.ui.message, message)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Sign in")
        self.database_button = self.ui.buttons.addButton(
            "&Database…", QDialogButtonBox.ButtonRole.ActionRole)
        self.database_button.setAutoDefault(False)
        self.database_button.clicked.connect(self.choose_database)
        self._show_database()
        self.ui.username.setText(username)
        self.resize(self.width(), self.sizeHint().height())
        (self.ui.password if username else self.ui.username).setFocus()
        # While the user types, load what signing in and the main window will need, so
        # neither start-up (the dialog paints first) nor sign-in waits for the imports.
        QtCore.QTimer.singleShot(PREWARM_AFTER_MS, _prewarm)

    def _show_database(self) -> None:
        # Where the records are is part of signing in: a team server takes a server login.
        url = getattr(self.workspace, "address", None)
        where = f"team server {url.safe()}" if url is not None else "this computer"
        self.database_button.setToolTip(f"Records are kept on {where}. Choose another place.")
        if url is not None:  # in team mode, say which server the login is for
            self.setWindowTitle(f"Sign in to {url.host}/{url.dbname} - HSCB Desktop")
            self.ui.title.setText(f"Sign in to the team's records on {url.host}")

    def choose_database(self) -> bool:
        """The database dialog; True (and the dialog ends) when the user chose another."""
        from hscb_desktop.gui.database_dialog import DatabaseDialog
        from hscb_desktop.gui.dialogs import Dialogs

        dialog = DatabaseDialog(self.workspace.paths, self)
        try:
            before = _current_database(self.workspace)
            if Dialogs.exec_dialog(dialog) != QDialog.DialogCode.Accepted.value:
                return False
            if dialog.chosen == before:
                return False
        finally:
            dialog.deleteLater()
        self.done(self.DATABASE_CHANGED)
        return True

    def accept(self) -> None:
        from hscb_desktop.security import auth
        username, password = self.ui.username.text().strip(), self.ui.password.text()
        if not username or not password:
            _say(self.ui.message, "Enter your user name and password.")
            (self.ui.password if username else self.ui.username).setFocus()
            return
        try:
            with busy(self.ui.message, "Signing in…", self.ui.buttons, self.ui.username,
                      self.ui.password):
                self.session = auth.sign_in(self.workspace, username, password)
        except (auth.LoginFailed, StoreError) as exc:
            _say(self.ui.message, str(exc))
            self.ui.password.clear()
            self.ui.password.setFocus()
            if getattr(exc, "store", None):  # DB-5: a damaged store; offer its latest backup
                from hscb_desktop.gui.restore_dialog import offer_restore
                restored = offer_restore(self, self.workspace, username, password, exc)
                if restored:
                    _say(self.ui.message, restored)
            return
        # A one-time password is needed once more, to change it at once (AUTH-5).
        self.one_time_password = password if self.session.must_change_password else ""
        self.ui.password.clear()
        super().accept()


class FirstRunDialog(QDialog):
    """Create the first administrator (AUTH-2: there are no default credentials)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from hscb_desktop.gui.forms.ui_first_run_dialog import Ui_FirstRunDialog  # once, at first run

        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        self.workspace = workspace
        self.username = ""
        _prepare_message(self.ui.message)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create administrator")
        self.ui.password.textChanged.connect(self._show_policy)
        self.ui.username.textChanged.connect(self._show_policy)
        self.resize(self.width(), self.sizeHint().height())  # no empty band under the buttons
        self.ui.password.setFocus()

    def _show_policy(self) -> None:
        # As-you-type feedback; the same rules are applied again by the service.
        from hscb_desktop.security import passwords
        password = self.ui.password.text()
        problems = passwords.policy_problems(password, self.ui.username.text().strip())
        _say(self.ui.message, "\n".join(f"• {p}" for p in problems) if password else "")

    def accept(self) -> None:
        from hscb_desktop.security import auth, passwords
        username, password = self.ui.username.text().strip(), self.ui.password.text()
        problems = [] if username else ["Enter a user name for the administrator."]
        problems += passwords.policy_problems(password, username)
        if not problems and password != self.ui.confirm.text():
            problems.append(MISMATCH)
        if problems:
            _refuse(self.ui.message, problems, self.ui.password)
            return
        try:
            with busy(self.ui.message, "Creating the encrypted stores…", self.ui.buttons):
                auth.initialise(self.workspace, username, password)
        except auth.PasswordRejected as exc:
            _refuse(self.ui.message, exc.problems, self.ui.password)
            return
        except (auth.AlreadyInitialised, StoreError, ValueError) as exc:
            _refuse(self.ui.message, [str(exc)], self.ui.password)
            return
        self.username = username
        self.ui.password.clear()
        self.ui.confirm.clear()
        super().accept()


class ChangePasswordDialog(QDialog):
    """The user changes their own password (AUTH-5); ``forced`` after a one-time password."""

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 forced: bool = False, one_time_password: str = "") -> None:
        super().__init__(parent)
        from hscb_desktop.gui.forms.ui_change_password_dialog import Ui_ChangePasswordDialog  # rarely shown

        self.ui = Ui_ChangePasswordDialog()
        self.ui.setupUi(self)
        self.session = session
        _prepare_message(self.ui.message)
        if forced:
            self.ui.intro.setText("You signed in with a one-time password. Choose your own "
                                  "password now: you cannot continue until you do.")
            self.ui.currentLabel.setText("One-&time password")
        if one_time_password:  # just typed at sign-in: asking for it again is only friction
            self.ui.current_password.setText(one_time_password)
            self.ui.currentLabel.hide()
            self.ui.current_password.hide()
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Change password")
        self.resize(self.width(), self.sizeHint().height())
        (self.ui.new_password if one_time_password else self.ui.current_password).setFocus()

    def accept(self) -> None:
        from hscb_desktop.security import auth, passwords, users
        old, new = self.ui.current_password.text(), self.ui.new_password.text()
        problems = passwords.policy_problems(new, self.session.username)
        if not old:
            problems.insert(0, "Enter your current password.")
        if not problems and new != self.ui.confirm_password.text():
            problems.append(MISMATCH)
        current = self.ui.new_password if self.ui.current_password.isHidden() else \
            self.ui.current_password
        if problems:
            _refuse(self.ui.message, problems, current if not old else self.ui.new_password)
            return
        try:
            with busy(self.ui.message, "Changing your password…", self.ui.buttons):
                users.change_own_password(self.session, old, new)
        except auth.PasswordRejected as exc:
            _refuse(self.ui.message, exc.problems, self.ui.new_password)
            return
        except (auth.LoginFailed, PermissionDenied) as exc:
            _refuse(self.ui.message, [str(exc)], current)
            return
        super().accept()


def renew(session: Session, password: str) -> None:
    """A full sign-in (a fresh key derivation) after the absolute limit, folded into the
    *same* Session object, because the pages kept behind the lock hold a reference to it.

    Raises LoginFailed (shown inline) or SignedOut when the user's roles changed meanwhile.
    """
    from hscb_desktop.security import auth
    from hscb_desktop.security.session import Session
    fresh = auth.sign_in(session.workspace, session.username, password)
    if fresh.roles != session.roles:
        auth.sign_out(fresh)
        raise auth.SignedOut("Your roles have changed since you signed in. Sign in again.")
    for f in dataclasses.fields(Session):
        setattr(session, f.name, getattr(fresh, f.name))


class LockView(QWidget):
    """All the window shows while locked: a prompt, a password field, Unlock and Sign out.

    ``expired``: the absolute session limit was reached and the stores are closed,
    so the password signs in again in full instead of merely unlocking.
    """

    unlocked = Signal()
    signOutRequested = Signal()
    signedOut = Signal(str)  # too many wrong passwords: the service closed the session

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 expired: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("LockView")
        self.session = session
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.prompt.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password")
        self.password.setFixedWidth(300)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        _prepare_message(self.message)
        self.message.setAccessibleName("Unlock message")
        self.unlock_button = QPushButton(self)
        self.sign_out_button = QPushButton("Sign &out", self)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.password.returnPressed.connect(self.try_unlock)
        self.sign_out_button.clicked.connect(self.signOutRequested)

        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch()
        for label in (self.prompt, self.message):  # word-wrapped labels would eat the stretch
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        font = self.prompt.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.prompt.setFont(font)
        layout = QVBoxLayout(self)
        layout.addStretch(1)  # a stretch factor of 0 would get nothing beside the 2 below
        layout.addWidget(self.prompt)
        layout.addWidget(self.password, 0, QtCore.Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.set_expired(expired)
        self.setTabOrder(self.password, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.sign_out_button)

    def set_expired(self, expired: bool) -> None:
        self.expired = expired
        if expired:
            self.prompt.setText("Your session has reached its time limit — enter your password "
                                "to sign in again")
            self.unlock_button.setText("&Sign in")
        else:
            self.prompt.setText(f"Locked — enter your password\n(signed in as "
                                f"{self.session.display_name})")
            self.unlock_button.setText("&Unlock")
        self.password.setFocus()

    def try_unlock(self) -> None:
        from hscb_desktop.security import auth
        password = self.password.text()
        self.password.clear()
        if not password:
            _say(self.message, "Enter your password.")
            return
        try:
            with busy(self.message, "Checking…", self.unlock_button, self.sign_out_button):
                if self.expired:
                    renew(self.session, password)
                else:
                    auth.unlock(self.session, password)
        except auth.SignedOut as exc:
            self.signedOut.emit(str(exc))
            return
        except (auth.LoginFailed, StoreError) as exc:
            _say(self.message, str(exc))
            self.password.setFocus()
            return
        _say(self.message, "")
        self.unlocked.emit()
