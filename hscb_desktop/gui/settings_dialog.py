"""The Tools menu's maintenance screens: settings, audit-log check, backup.

Settings show one row per option of the typed registry (settings.OPTIONS).

Every changed value is checked first (``settings.validate``, the same rule the
service applies) and only then saved, one ``maintenance.put_setting`` each, so a
bad value leaves nothing half-saved. Problems show beside their field.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop import settings
from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.gui.dialogs import Dialogs, wait_cursor
from hscb_desktop.security import maintenance
from hscb_desktop.security.session import Session


class SettingsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setObjectName("SettingsDialog")
        self.session = session
        self.values = maintenance.get_settings(session)
        self.editors: dict[str, QLineEdit | QCheckBox] = {}
        self.problems: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for key, option in settings.OPTIONS.items():
            editor = self._editor(option, self.values[key])
            editor.setAccessibleName(option.label)
            problem = QLabel(self)
            problem.setObjectName(f"problem_{key}")
            problem.setTextFormat(Qt.TextFormat.PlainText)
            problem.hide()
            self.editors[key], self.problems[key] = editor, problem
            if isinstance(editor, QCheckBox):
                form.addRow("", editor)
            else:
                form.addRow(f"{option.label}:", editor)
            form.addRow("", problem)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(max(640, self.sizeHint().width()), self.sizeHint().height())

    def _editor(self, option: settings.Option, value: Any) -> QLineEdit | QCheckBox:
        if option.kind is bool:
            check = QCheckBox(option.label, self)
            check.setChecked(bool(value))
            return check
        edit = QLineEdit(str(value), self)
        if option.kind is int:
            edit.setMaximumWidth(100)
        else:
            edit.setMinimumWidth(340)  # the board name must show whole
        edit.setCursorPosition(0)
        return edit

    def entered(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, editor in self.editors.items():
            is_check = isinstance(editor, QCheckBox)
            out[key] = editor.isChecked() if is_check else editor.text().strip()
        return out

    def changed(self) -> dict[str, Any]:
        return {k: v for k, v in self.entered().items() if str(v) != str(self.values[k])}

    def accept(self) -> None:
        changed = self.changed()
        checked: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for key, value in changed.items():
            try:
                checked[key] = settings.validate(key, value)
            except settings.SettingError as exc:
                problems[key] = _beside_field(str(exc), settings.OPTIONS[key].label)
        self.show_problems(problems)
        if problems:
            return
        try:
            for key, value in checked.items():
                maintenance.put_setting(self.session, key, value)
        except (settings.SettingError, PermissionDenied) as exc:
            self.message.setText(str(exc))
            return
        super().accept()

    def show_problems(self, problems: dict[str, str]) -> None:
        """{key: message}; each shown under its own field, every other one cleared."""
        for key, label in self.problems.items():
            text = problems.get(key, "")
            label.setText(f"Error: {text}" if text else "")
            label.setVisible(bool(text))
        first = next((k for k in self.editors if k in problems), None)
        if first is not None:
            self.editors[first].setFocus()


def _beside_field(message: str, label: str) -> str:
    # "Lock after idle (minutes) must be ..." reads "Must be ..." under that very field.
    if message.startswith(label + " "):
        rest = message[len(label) + 1:]
        return rest[:1].upper() + rest[1:]
    return message


def verify_audit(session: Session, parent: QWidget | None = None) -> None:
    with wait_cursor():
        reports = maintenance.verify_audit(session)
    details = "\n".join(r.describe() for r in reports)
    if all(r.ok for r in reports):
        Dialogs.info(parent, "Audit log verified",
                     f"Every audit log is complete and unaltered.\n\n{details}")
    else:
        Dialogs.error(parent, "Audit log problem",
                      "An audit log has been altered or damaged. Keep this message and tell "
                      f"the information governance lead.\n\n{details}")


def backup_now(session: Session, parent: QWidget | None = None) -> None:
    try:
        with wait_cursor():
            folder = maintenance.backup_now(session)
    except OSError as exc:
        Dialogs.error(parent, "Backup failed", f"The backup could not be written: {exc}")
        return
    Dialogs.info(parent, "Backup complete", f"The backup was saved and verified in:\n{folder}")
