"""Keeping LADO records lawfully (SPEC §1.6, §8.5): the retention hold, the list of records
due for review, explicit deletion, and redaction of an allegation found malicious or false.

Nothing here decides or deletes on its own. Each action asks for a reason (the audit log
keeps it), the destructive ones ask for a confirmation whose default is Cancel, and the
work is done by ``domains.lado.service``, which checks the role again, writes and audits.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.domains.lado import queries, service
from hscb_desktop.gui.dialogs import Dialogs

REDACTABLE_OUTCOMES = ("malicious", "false")
REASON_MAX = 500


def _words(exc: Exception) -> str:
    if isinstance(exc, ValidationFailed):
        return "\n".join(p.message for p in exc.problems)
    return str(exc)


# -- the reason every retention action needs ---------------------------------------------
class ReasonDialog(QDialog):
    """Asks why (the audit log records the answer). OK stays disabled until a reason is typed.

    Tests answer it through ``Dialogs.exec_dialog`` with a callable:
    ``lambda d: d.reason.setText("IICSA") or d.accept() or d.result()``.
    """

    def __init__(
        self, title: str, prompt: str, action_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ReasonDialog")
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setAccessibleName("Reason")
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setPlaceholderText("Required: kept in the audit log")
        label = QLabel("&Reason", self)
        label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(action_text)
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.reason, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.text().strip()

    def accept(self) -> None:
        if self.reason_text():  # Enter in an empty box does nothing
            super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str, action_text: str) -> str | None:
        """The reason typed, or None when the user cancelled."""
        dialog = cls(title, prompt, action_text, parent)
        accepted = Dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted.value
        reason = dialog.reason_text()
        dialog.deleteLater()
        return reason if accepted and reason else None


# -- the actions (each True when done) -----------------------------------------------------
def toggle_hold(parent: QWidget | None, session: Any, record: dict[str, Any]) -> bool:
    """Place the record on a retention hold (e.g. IICSA, litigation), or lift it."""
    ref = record.get("ref") or ""
    placing = not record.get("retention_hold")
    if placing:
        title, action = "Place on retention hold", "Place on hold"
        prompt = (
            f"While {ref} is on hold it is left out of the list of records due for review "
            "and cannot be deleted. Why is it being held (for example IICSA, litigation)?"
        )
    else:
        title, action = "Lift retention hold", "Lift hold"
        prompt = (
            f"{ref} is held: {record.get('retention_hold_reason') or 'no reason recorded'}.\n"
            "Why is the hold being lifted?"
        )
    reason = ReasonDialog.ask(parent, title, prompt, action)
    if reason is None:
        return False
    try:
        service.set_retention_hold(session, record["id"], placing, reason)
    except (ValidationFailed, PermissionDenied) as exc:
        Dialogs.error(parent, "Hold not changed", _words(exc))
        return False
    return True


def delete_record(parent: QWidget | None, session: Any, record: dict[str, Any]) -> bool:
    """Delete after retention review: a reason, then a confirmation whose default is Cancel."""
    ref = record.get("ref") or ""
    if record.get("retention_hold"):
        Dialogs.warn(
            parent,
            "Record on hold",
            f"{ref} is on a retention hold ({record.get('retention_hold_reason')}). "
            "Lift the hold before deleting it.",
        )
        return False
    review = record.get("retention_review_date")
    early = isinstance(review, dt.date) and review > local_today(session.clock)
    reason = ReasonDialog.ask(
        parent,
        f"Delete {ref}",
        f"Deleting {ref} removes the contact, its subject, meetings and actions, and the "
        "values in its earlier audit entries. Why is it being deleted?",
        "Continue…",
    )
    if reason is None:
        return False
    text = f"Delete {ref} permanently? This cannot be undone.\n\nReason: {reason}"
    if early:
        text += f"\n\nIts retention review date ({format_uk(review)}) has not been reached."
    if not Dialogs.confirm(
        parent, f"Delete {ref}", text, yes_text="Delete permanently", destructive=True
    ):
        return False
    try:
        service.delete_contact(session, record["id"], reason)
    except (ValidationFailed, PermissionDenied) as exc:
        Dialogs.error(parent, "Not deleted", _words(exc))
        return False
    return True


def redact_details(parent: QWidget | None, session: Any, record: dict[str, Any]) -> bool:
    """Clear the details of an allegation found malicious or false (and their audit values)."""
    ref = record.get("ref") or ""
    if record.get("outcome") not in REDACTABLE_OUTCOMES:
        Dialogs.warn(
            parent,
            "Cannot redact",
            "Only an allegation whose saved outcome is malicious or false can have its "
            "details redacted.",
        )
        return False
    reason = ReasonDialog.ask(
        parent,
        f"Redact {ref}",
        f"Redaction clears the allegation details and lessons learned of {ref}, the notes "
        "of its meetings and actions, and the values in its earlier audit entries. The "
        "counts in the returns are kept. Why is it being redacted?",
        "Continue…",
    )
    if reason is None:
        return False
    if not Dialogs.confirm(
        parent,
        f"Redact {ref}",
        f"Clear the details of {ref} permanently? This cannot be undone.\n\nReason: {reason}",
        yes_text="Redact details",
        destructive=True,
    ):
        return False
    try:
        service.redact_malicious(session, record["id"], reason)
    except (ValidationFailed, PermissionDenied) as exc:
        Dialogs.error(parent, "Not redacted", _words(exc))
        return False
    return True


def retention_summary(record: dict[str, Any] | None) -> tuple[str, str]:
    """(review text, hold text) as the form's Retention box shows them."""
    if not record:
        return "The review date is worked out when the contact is saved.", ""
    review = record.get("retention_review_date")
    review_text = f"Review from {format_uk(review)}" if review else "No review date"
    if record.get("dob_unknown"):
        review_text += " (date of birth unknown: 10 years from the referral)"
    else:
        review_text += " (the later of pension age and 10 years from the referral)"
    if record.get("retention_hold"):
        hold_text = f"On hold: {record.get('retention_hold_reason') or 'no reason recorded'}"
    else:
        hold_text = "No retention hold."
    if record.get("redacted"):
        hold_text += " Details redacted (malicious or false allegation)."
    return review_text + ".", hold_text


# -- the list of records due for review ---------------------------------------------------
class RetentionReviewList(QWidget):
    """Records whose review date has come and that carry no hold, oldest review first
    (``queries.due_for_retention_review``). Enter or Open shows the record."""

    open_requested = Signal(int)
    back_requested = Signal()

    HEADINGS = ("Reference", "Received", "Employer", "Subject", "Outcome", "Status", "Review date")

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._ids: list[int] = []
        title = QLabel("<b>Records due for retention review</b>", self)
        note = QLabel(
            "These records have reached their retention review date (the later of the "
            "subject's pension age and 10 years from the referral) and are not on hold. "
            "Nothing is deleted automatically: open a record to place it on hold or, after "
            "review, delete it.",
            self,
        )
        note.setWordWrap(True)
        self.count = QLabel(self)
        self.count.setObjectName("retentionCount")
        self.table = QTableWidget(0, len(self.HEADINGS), self)
        self.table.setObjectName("retentionTable")
        self.table.setAccessibleName("Records due for retention review")
        self.table.setHorizontalHeaderLabels(list(self.HEADINGS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.open_current())
        self.open_button = QPushButton("&Open record", self)
        self.open_button.clicked.connect(self.open_current)
        self.back_button = QPushButton("Back to &list", self)
        self.back_button.setToolTip("Return to the contact list (Esc)")
        self.back_button.clicked.connect(self.back_requested)
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back_requested)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

    def due_count(self) -> int:
        return len(queries.due_for_retention_review(self.session))

    def refresh(self, select: int | None = None) -> None:
        ids = queries.due_for_retention_review(self.session)
        rows = queries.ContactList(self.session).rows(ids) if ids else {}
        # Oldest review first, whatever order the query hands back.
        self._ids = sorted(ids, key=lambda i: (rows.get(i, {}).get("retention_review_date")
                                               or dt.date.max, i))
        table = self.table
        table.setRowCount(len(self._ids))
        for r, record_id in enumerate(self._ids):
            row = rows.get(record_id, {})
            texts = (
                row.get("ref") or "",
                format_uk(row.get("date_received")),
                row.get("employer") or "",
                row.get("subject_name") or "",
                row.get("outcome") or "",
                row.get("status") or "",
                format_uk(row.get("retention_review_date")),
            )
            for c, text in enumerate(texts):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        n = len(self._ids)
        self.count.setText(f"{n} record{'s' if n != 1 else ''} due" if n else "None due")
        self.open_button.setEnabled(bool(n))
        if n:
            row = self._ids.index(select) if select in self._ids else 0
            table.selectRow(row)

    def ids(self) -> list[int]:
        """The records listed, in order (for tests and callers)."""
        return list(self._ids)

    def column_texts(self, heading: str) -> list[str]:
        col = self.HEADINGS.index(heading)
        return [self.table.item(r, col).text() for r in range(self.table.rowCount())]

    def select_id(self, record_id: int) -> None:
        if record_id in self._ids:
            self.table.selectRow(self._ids.index(record_id))

    def current_id(self) -> int | None:
        row = self.table.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def open_current(self) -> None:
        record_id = self.current_id()
        if record_id is not None:
            self.open_requested.emit(record_id)
