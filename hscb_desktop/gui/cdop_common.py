"""Pieces the CDOP screens share: small editors (yes/no, the SUDI answer, grouped
checklists), the validators for the NHS number and the time of death, and the base form
that places each field's problems on the row under its editor.

The validators only judge what can be typed (STYLE practice 5); whether a complete NHS
number is valid, or a duplicate, is the domain's call (``domains.cdop.rules`` and
``service.check_death``) and the form words it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Property, Qt, QTimer, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.validation import PermissionDenied, Problem, ValidationFailed
from hscb_desktop.core.vocab import CodeList
from hscb_desktop.gui.checklist import CodeChecklist
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.record_form import RecordForm, TriStateCombo, _change_signals
from hscb_desktop.gui.save_guard import is_store_error

ERROR_STYLE = "color: #9b1c1c;"
WARNING_STYLE = "color: #7a4a00;"
NOTE_STYLE = "color: #3c4650;"
OK_STYLE = "color: #1d5c2e;"


def fill_combo(combo: QComboBox, codes: CodeList, blank: str | None = "") -> None:
    """Labels shown, codes as item data; ``blank`` adds a first "no value" item."""
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for code, label in codes.choices():
        combo.addItem(label, code)


def fill_agencies(combo: QComboBox, include: int | None = None) -> None:
    """The core store's active agencies (plus, retired, one a record already names)."""
    from hscb_desktop.storage import reference

    current = combo.currentData()
    combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItem("", None)
        for agency_id, name in reference.agency_choices([include] if include else []):
            combo.addItem(name, agency_id)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
    finally:
        combo.blockSignals(False)


def problem_words(exc: Exception) -> str:
    if isinstance(exc, ValidationFailed):
        return "\n".join(
            f"{'Error' if p.blocking else 'Warning'}: {p.message}" for p in exc.problems
        )
    if isinstance(exc, PermissionDenied):
        return f"Error: {exc}"
    return f"Error: {exc}"


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


# -- editors ---------------------------------------------------------------------------------
class YesNoCombo(TriStateCombo):
    """Blank / Yes / No: the value is None, True or False (the CDOP yes-no fields have no
    separate "unknown"; blank means not recorded)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.removeItem(self.findText("Unknown"))


class SudiCombo(TriStateCombo):
    """The panel's SUDI answer: "As suggested" (None: follow the app's suggestion), or an
    override, Yes (True) or No (False)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clear()
        for label, value in (("As suggested", None), ("Yes", True), ("No", False)):
            self.addItem(label, value)


class GroupedChecklist(QWidget):
    """One multi-select field shown as several checklists under headings (the review's
    factors: intrinsic to the child, then family and environment). Its USER property
    ``codes`` is every ticked code, so ``RecordForm`` binds it like any editor."""

    codesChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lists: list[CodeChecklist] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)

    def set_groups(self, groups: Sequence[tuple[str, Iterable[tuple[str, str]]]]) -> None:
        """(heading, (code, label) pairs) for each list, in display order."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._lists = []
        for heading, choices in groups:
            checklist = CodeChecklist(self)
            checklist.set_choices(choices)
            checklist.setAccessibleName(heading)
            label = QLabel(f"<b>{heading}</b>", self)
            label.setBuddy(checklist)
            self._layout.addWidget(label)
            self._layout.addWidget(checklist)
            checklist.codesChanged.connect(self.codesChanged)
            self._lists.append(checklist)
        self.codesChanged.emit()

    def lists(self) -> list[CodeChecklist]:
        return list(self._lists)

    def get_codes(self) -> list[str]:
        return [c for checklist in self.lists() for c in checklist.get_codes()]

    def set_codes(self, codes: Iterable[str] | None) -> None:
        wanted = set(codes or ())
        for checklist in self.lists():
            known = {checklist.item(i).data(Qt.ItemDataRole.UserRole)
                     for i in range(checklist.count())}
            checklist.set_codes(wanted & known)
            wanted -= known
        if wanted:
            raise ValueError(f"not in these lists: {sorted(wanted)!r}")

    def set_checked(self, code: str, checked: bool = True) -> None:
        for checklist in self.lists():
            try:
                checklist.set_checked(code, checked)
                return
            except ValueError:
                continue
        raise ValueError(f"not in these lists: {code!r}")

    codes = Property(list, get_codes, set_codes, notify=codesChanged, user=True)


# -- validators ------------------------------------------------------------------------------
_NHS_TYPING = re.compile(r"^[\d\s-]*$")


class NhsNumberValidator(QValidator):
    """Digits, spaces and hyphens, at most ten digits: blank or ten digits is Acceptable
    (whether the check digit is right is the domain's to say, beside the field), fewer
    digits Intermediate, anything else (a letter, an eleventh digit) Invalid."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return self.state(text), text, pos

    @staticmethod
    def state(text: str) -> QValidator.State:
        if not _NHS_TYPING.match(text):
            return QValidator.State.Invalid
        digits = sum(c.isdigit() for c in text)
        if digits > 10:
            return QValidator.State.Invalid
        if digits in (0, 10):
            return QValidator.State.Acceptable
        return QValidator.State.Intermediate


def nhs_digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


_TIME_TYPING = re.compile(r"^(\d{0,2})(?::(\d{0,2}))?$")


class TimeValidator(QValidator):
    """A 24-hour time, hh:mm (h:mm is read as 0h:mm): blank or a real time is Acceptable,
    a prefix of one ("1", "14:", "14:3") Intermediate, anything else Invalid."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return self.state(text), text, pos

    @staticmethod
    def state(text: str) -> QValidator.State:
        text = text.strip()
        if not text:
            return QValidator.State.Acceptable
        match = _TIME_TYPING.match(text)
        if not match:
            return QValidator.State.Invalid
        hours, minutes = match.group(1), match.group(2)
        if (hours and int(hours) > 23) or (minutes and int(minutes[0]) > 5):
            return QValidator.State.Invalid
        if minutes is not None and not hours:
            return QValidator.State.Invalid  # ":30"
        if hours and minutes is not None and len(minutes) == 2:
            return QValidator.State.Acceptable
        return QValidator.State.Intermediate


def normal_time(text: str) -> str:
    """"9:05" -> "09:05"; anything else as typed (stripped)."""
    text = text.strip()
    match = _TIME_TYPING.match(text)
    if match and match.group(1) and match.group(2) and len(match.group(2)) == 2:
        return f"{int(match.group(1)):02d}:{match.group(2)}"
    return text


# -- the base form ---------------------------------------------------------------------------
class CdopForm(RecordForm):
    """A RecordForm whose editors sit in the form layouts of a Designer form inside a
    scroll area: each field's problem label is a hidden row under its editor, shown (in
    words, coloured as a courtesy) when the field has a problem.

    Problems also show as the user works, without moving the focus: before the first
    save only for the fields the user has changed (and those ``REVEALS`` ties to them, so
    choosing "unexpected" asks for the joint agency response decision), after it for every
    field.
    """

    LIVE_DELAY_MS = 250
    REVEALS: dict[str, tuple[str, ...]] = {}

    def __init__(self, parent: QWidget | None = None, *, saver=None, validator=None) -> None:
        super().__init__(parent, saver=saver, validator=validator)
        self.scroll_area: QScrollArea | None = None
        self._edited: set[str] = set()
        self._attempted = False
        self._quiet = False
        self._live_timer = QTimer(self)
        self._live_timer.setSingleShot(True)
        self._live_timer.setInterval(self.LIVE_DELAY_MS)
        self._live_timer.timeout.connect(self.live_check)

    def bind_fields(self, pairs: Iterable[tuple[str, QWidget]]) -> None:
        for name, widget in pairs:
            self.bind_field(name, widget, self._new_problem_label(widget))
            for signal in _change_signals(widget):
                signal.connect(lambda *_, n=name: self._touched(n))

    def _touched(self, name: str) -> None:
        if self._loading:
            return
        self._edited.add(name)
        self._live_timer.start()

    def reset_live(self) -> None:
        """After a load: nothing typed yet, no save tried."""
        self._live_timer.stop()
        self._edited.clear()
        self._attempted = False

    def live_check(self) -> None:
        """Show the problems with what is typed so far (see the class docstring)."""
        self._live_timer.stop()
        try:
            problems = self.check()
        except Exception as exc:  # noqa: BLE001 - only a store that does not answer is skipped
            if not is_store_error(exc):
                raise
            return  # nothing to check against now; a save says so and keeps the input
        if not self._attempted:
            shown = set(self._edited)
            for name in self._edited:
                shown.update(self.REVEALS.get(name, ()))
            problems = [p for p in problems if p.field in shown]
        focus = QApplication.focusWidget()
        self._quiet = True
        try:
            self.show_problems(problems)
        finally:
            self._quiet = False
            if focus is not None and focus is not QApplication.focusWidget():
                focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> Any:
        self._attempted = True
        self._live_timer.stop()
        return super().save()

    def _new_problem_label(self, widget: QWidget) -> QLabel:
        label = QLabel(self)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = widget.parentWidget().layout()
        holder = _holding(layout, widget)
        if isinstance(holder, QFormLayout):
            # A row of its own across the whole group: long messages wrap less.
            row, _role = holder.getWidgetPosition(widget)
            holder.insertRow(row + 1, label)
            holder.setRowVisible(row + 1, False)
        elif isinstance(holder, QBoxLayout):
            holder.insertWidget(holder.indexOf(widget) + 1, label)
        label.setVisible(False)
        return label

    def show_problems(self, problems: Iterable[Problem]) -> None:
        problems = list(problems)
        super().show_problems(problems)
        for name in self.field_names:
            label = self._problem_labels.get(name)
            if label is None:
                continue
            text = self.problem_text(name)
            label.setStyleSheet(
                (ERROR_STYLE if text.startswith("Error") else WARNING_STYLE) if text else ""
            )
            holder = _holding(self.field(name).parentWidget().layout(), label)
            if isinstance(holder, QFormLayout):
                row, _ = holder.getWidgetPosition(label)
                if row >= 0:
                    holder.setRowVisible(row, bool(text))
        area = self._message_area
        if area is not None:
            area.setStyleSheet(ERROR_STYLE if self.message_text() else "")
        blocked = [p.field for p in problems if p.blocking and p.field in self.field_names]
        if blocked and self.scroll_area is not None and not self._quiet:
            first = min(blocked, key=self.field_names.index)
            self.scroll_area.ensureWidgetVisible(self.field(first))

    def show_field_problems(self, name: str, problems: Sequence[Problem]) -> None:
        """Replace what is shown beside one field only (a live check as the user types)."""
        label = self._problem_labels.get(name)
        if label is None:
            return
        text = "\n".join(
            f"{'Error' if p.blocking else 'Warning'}: {p.message}" for p in problems
        )
        label.setText(text)
        label.setVisible(bool(text))
        label.setStyleSheet(
            (ERROR_STYLE if any(p.blocking for p in problems) else WARNING_STYLE) if text else ""
        )
        holder = _holding(self.field(name).parentWidget().layout(), label)
        if isinstance(holder, QFormLayout):
            row, _ = holder.getWidgetPosition(label)
            if row >= 0:
                holder.setRowVisible(row, bool(text))


def _holding(layout, widget: QWidget):
    """The layout (searched depth first) that directly holds ``widget``."""
    if layout is None:
        return None
    if layout.indexOf(widget) >= 0:
        return layout
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.layout() is not None:
            found = _holding(item.layout(), widget)
            if found is not None:
                return found
    return None


class ReasonDialog(QDialog):
    """Asks why (the audit log keeps the answer); the action button stays disabled until a
    reason is typed. Tests answer it through ``Dialogs.exec_dialog`` with a callable:
    ``lambda d: d.reason.setText("Notified in error") or d.accept() or d.result()``."""

    def __init__(self, title: str, prompt: str, action_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CdopReasonDialog")
        self.setWindowTitle(title)
        prompt_label = QLabel(prompt, self)
        prompt_label.setWordWrap(True)
        prompt_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName("Reason")
        self.reason.setPlaceholderText("Required: kept in the audit log")
        label = QLabel("&Reason", self)
        label.setBuddy(self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(action_text)
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.reason, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt_label)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.text().strip()

    def accept(self) -> None:
        if self.reason_text():
            super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str, action_text: str) -> str | None:
        """The reason typed, or None when the user cancelled."""
        dialog = cls(title, prompt, action_text, parent)
        accepted = Dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted.value
        reason = dialog.reason_text()
        dialog.deleteLater()
        return reason if accepted and reason else None
