"""The administrator's Users page: list, add, reset, roles, enable/disable, unlock.

Everything goes through ``security.users``, which checks the role and audits;
this page only gathers input and shows the service's messages.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.tables import Column, RecordTableModel, Row
from hscb_desktop.security import roles as R
from hscb_desktop.security import users
from hscb_desktop.security.session import Session

CLIPBOARD_CLEAR_MS = 30_000  # KP-3: a copied password leaves the clipboard after 30 s
COLUMNS = [Column("username", "User name"), Column("display_name", "Display name"),
           Column("roles", "Roles"), Column("status", "Status")]


def _status(user: dict) -> str:
    if not user["active"]:
        return "Disabled"
    return "Must change password" if user["must_change_password"] else "Active"


class _UserRows:
    """A RowSource over one list_users() answer (tens of rows: no paging needed)."""

    def __init__(self, listed: list[dict]) -> None:
        self.rows_by_id: dict[int, Row] = {
            i: {**u, "role_keys": u["roles"], "status": _status(u),
                "roles": ", ".join(R.ROLE_LABELS[r] for r in u["roles"])}
            for i, u in enumerate(listed)}

    def ids(self, sort: str | None, descending: bool) -> list[int]:
        ids = list(self.rows_by_id)
        if sort:
            ids.sort(key=lambda i: str(self.rows_by_id[i][sort]).lower(), reverse=descending)
        return ids

    def rows(self, ids: list[int]) -> dict[int, Row]:
        return {i: self.rows_by_id[i] for i in ids if i in self.rows_by_id}


def copy_secret(text: str) -> None:
    """Copy, keep it out of Windows clipboard history, and clear it again if still ours."""
    mime = QMimeData()
    mime.setText(text)
    mime.setData("ExcludeClipboardContentFromMonitorProcessing", b"1")
    clipboard = QGuiApplication.clipboard()
    clipboard.setMimeData(mime)
    QTimer.singleShot(CLIPBOARD_CLEAR_MS, lambda: clipboard.text() == text and clipboard.clear())


class OneTimePasswordDialog(QDialog):
    def __init__(self, username: str, password: str, why: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("One-time password")
        self.password = password
        intro = QLabel(f"{why}\n\nGive this one-time password to {username}. It is shown only "
                       "this once. They must choose their own password when they sign in.", self)
        intro.setWordWrap(True)
        self.field = QLineEdit(password, self)
        self.field.setReadOnly(True)
        self.field.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.field.setAccessibleName("One-time password")
        self.copy_button = QPushButton("&Copy", self)
        self.copy_button.clicked.connect(lambda: copy_secret(self.password))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Done")
        buttons.accepted.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())


class _RolesForm(QDialog):
    """Shared by Add user and Change roles: role checkboxes plus an inline message."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        box = QGroupBox("Roles", self)
        box_layout = QVBoxLayout(box)
        self.role_boxes: dict[str, QCheckBox] = {}
        for role, label in R.ROLE_LABELS.items():
            self.role_boxes[role] = check = QCheckBox(label, box)
            box_layout.addWidget(check)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Problems")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.one_time_password: str | None = None

    def chosen_roles(self) -> list[str]:
        return [role for role, check in self.role_boxes.items() if check.isChecked()]

    def _attempt(self, call: Callable[[], str | None]) -> None:
        try:
            self.one_time_password = call()
        except (ValueError, PermissionDenied) as exc:
            self.message.setText(str(exc))
            return
        super().accept()


class AddUserDialog(_RolesForm):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__("Add user", "Add user", parent)
        self.session = session
        self.username = QLineEdit(self)
        self.username.setMaxLength(64)
        self.display_name = QLineEdit(self)
        self.form.addRow("&User name", self.username)
        self.form.addRow("&Display name", self.display_name)
        note = QLabel("HSCB Desktop makes a one-time password for the new user and shows it "
                      "once, after you add them.", self)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.username.setFocus()

    def accept(self) -> None:
        self._attempt(lambda: users.add_user(
            self.session, self.username.text(), self.chosen_roles(),
            display_name=self.display_name.text().strip()))


class RolesDialog(_RolesForm):
    def __init__(self, session: Session, username: str, current: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(f"Change roles of {username}", "Change roles", parent)
        self.session, self.username = session, username
        for role in current:
            self.role_boxes[role].setChecked(True)
        note = QLabel("Giving a role that opens another store issues a new one-time password.")
        note.setWordWrap(True)
        self.form.addRow(note)

    def accept(self) -> None:
        self._attempt(lambda: users.set_roles(self.session, self.username, self.chosen_roles()))


class AdminUsersPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AdminUsersPage")
        self.session = session
        self.model = RecordTableModel(COLUMNS, None, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        # Qt's default sort indicator is descending; a user list reads A to Z.
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName("Users")
        self.add_button = QPushButton("&Add user…", self)
        self.reset_button = QPushButton("&Reset password…", self)
        self.roles_button = QPushButton("Change r&oles…", self)
        self.active_button = QPushButton("D&isable", self)
        self.unlock_button = QPushButton("U&nlock account", self)
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.roles_button.clicked.connect(self.change_roles)
        self.active_button.clicked.connect(self.toggle_active)
        self.unlock_button.clicked.connect(self.unlock_account)
        heading = QLabel("<h2>Users</h2>", self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.roles_button, self.active_button,
                       self.unlock_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    # -- list --------------------------------------------------------------
    def refresh(self) -> None:
        self.model.set_source(_UserRows(users.list_users(self.session)))
        self._update_buttons()

    def selected_user(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_values(rows[0].row()) if rows else None

    def select(self, username: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_values(row)["username"] == username:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        user = self.selected_user()
        for button in (self.reset_button, self.roles_button, self.active_button,
                       self.unlock_button):
            button.setEnabled(user is not None)
        self.active_button.setText("En&able" if user and not user["active"] else "D&isable")

    # -- actions -----------------------------------------------------------
    def add_user(self) -> None:
        dialog = AddUserDialog(self.session, self)
        if Dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted.value:
            username = dialog.username.text().strip()
            self._refresh_and_select(username)
            self._show_password(username, dialog.one_time_password, f"{username} has been added.")

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is None or not Dialogs.confirm(
                self, "Reset password", f"Reset the password of {user['username']}? Their current "
                "password stops working at once.", yes_text="Reset password", destructive=True):
            return
        self._call(lambda: self._show_password(
            user["username"], users.reset_password(self.session, user["username"]),
            "The password has been reset."))

    def change_roles(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = RolesDialog(self.session, user["username"], user["role_keys"], self)
        if Dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted.value:
            self._refresh_and_select(user["username"])
            if dialog.one_time_password:
                self._show_password(user["username"], dialog.one_time_password,
                                    "The new roles need a new password to unlock their stores.")

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if user["active"] and not Dialogs.confirm(
                self, "Disable user",
                f"Disable {user['username']}? They will not be able to sign in.",
                yes_text="Disable", destructive=True):
            return
        self._call(lambda: users.set_active(self.session, user["username"], not user["active"]))

    def unlock_account(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if self._call(lambda: users.unlock_account(self.session, user["username"])):
            Dialogs.info(self, "Account unlocked", f"{user['username']} can sign in again.")

    def _call(self, action: Callable[[], object]) -> bool:
        selected = self.selected_user()
        try:
            action()
        except (ValueError, PermissionDenied) as exc:
            Dialogs.error(self, "Not done", str(exc))
            return False
        finally:
            self._refresh_and_select(selected["username"] if selected else None)
        return True

    def _refresh_and_select(self, username: str | None) -> None:
        self.refresh()
        if username:
            self.select(username)

    def _show_password(self, username: str, password: str | None, why: str) -> None:
        if password:
            Dialogs.exec_dialog(OneTimePasswordDialog(username, password, why, self))
