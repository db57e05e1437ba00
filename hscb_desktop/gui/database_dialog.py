"""Where this computer's HSCB Desktop keeps its records (issue 11): the encrypted store on
this computer, or a team's PostgreSQL server.

The choice is per computer, so it is remembered in the UI-state INI beside the window
geometry, never in the core store (which, in team mode, is on that very server), and
never with a password: each user signs in with their own server login. It is offered
from the sign-in dialog ("Database…"), before anyone has signed in; the command line's
``--database URL`` (or ``--database local``) sets the same value.
"""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.paths import DataPaths

KEY = "server/database"
LOCAL_WORDS = ("", "local")


def _state(paths: DataPaths) -> QSettings:
    return QSettings(str(paths.ui_state), QSettings.Format.IniFormat)


def remembered(paths: DataPaths) -> str:
    """The server address in use on this computer; '' for the embedded store."""
    return str(_state(paths).value(KEY, "") or "")


def remember(paths: DataPaths, given: str) -> str:
    """Remember ``given`` ('local' or '' for the embedded store, else a server address)
    without any password; returns what was kept. ServerError for an address that is not
    one."""
    from hscb_desktop.storage.server import ServerAddress

    url = "" if given.strip().lower() in LOCAL_WORDS else ServerAddress.parse(given.strip()).safe()
    paths.root.mkdir(parents=True, exist_ok=True)
    state = _state(paths)
    state.setValue(KEY, url)
    state.sync()
    return url


def describe(url: str) -> str:
    return "this computer (encrypted store)" if not url else f"team server {url}"


class DatabaseDialog(QDialog):
    """Choose this computer's store or a team server; ``chosen`` holds what was kept."""

    def __init__(self, paths: DataPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DatabaseDialog")
        self.setWindowTitle("Where the records are kept")
        self.paths = paths
        self.chosen: str | None = None
        current = remembered(paths)
        intro = QLabel(
            "Records are kept either in an encrypted store on this computer, or on a "
            "PostgreSQL server your IT team runs, shared by everyone in your team. Each person "
            "then signs in with their own server login. Ask IT for the server's address.", self)
        intro.setWordWrap(True)
        self.local = QRadioButton("&This computer (encrypted store)", self)
        self.server = QRadioButton("Team &server (PostgreSQL):", self)
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        self.address = QLineEdit(current, self)
        self.address.setObjectName("address")
        self.address.setAccessibleName("Server address")
        self.address.setPlaceholderText("postgresql://server.example/hscb")
        self.message = QLabel("", self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        (self.server if current else self.local).setChecked(True)
        self.address.setEnabled(bool(current))
        self.server.toggled.connect(self.address.setEnabled)
        self.server.toggled.connect(lambda on: on and self.address.setFocus())
        self.address.textEdited.connect(lambda _t: self.message.setText(""))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.local, self.server, self.address, self.message, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(480)

    def accept(self) -> None:
        from hscb_desktop.storage.server import ServerError

        if self.server.isChecked():
            text = self.address.text().strip()
            if not text:
                self.message.setText("Enter the server's address, for example "
                                     "postgresql://server.example/hscb.")
                self.address.setFocus()
                return
        else:
            text = "local"
        try:
            self.chosen = remember(self.paths, text)
        except ServerError as exc:
            self.message.setText(str(exc))
            self.address.setFocus()
            self.address.selectAll()
            return
        super().accept()
