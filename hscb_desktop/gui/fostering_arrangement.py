"""The private fostering arrangement form (``ui/fostering_arrangement_form.ui``): start,
the authority's awareness, the carer's relationship, reasons, checks, assessment, child in
need / child protection status and the end; the visits as rows inside it, and what is due.

Visits are saved one at a time through the service (``VisitDialog``), as LADO's meetings
are; a first initial statutory visit also fills in the initial visit date, so after each
one the record is read again (keeping anything typed and not yet saved). Recording an end
date for the first time is an "end" (``service.end_arrangement``); changing an ended
arrangement asks for a reason.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.validation import PermissionDenied, Problem, ValidationFailed
from hscb_desktop.domains.fostering import rules, service
from hscb_desktop.domains.fostering import vocab as V
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.forms.ui_fostering_arrangement_form import Ui_FosteringArrangementForm
from hscb_desktop.gui.fostering_common import (
    ERROR_STYLE,
    FosteringForm,
    code_label,
    fill_combo,
    problem_words,
    show_message,
)
from hscb_desktop.gui.record_form import Record, UkDateEdit, write_widget

FIELDS = (
    "start_date",
    "la_aware_date",
    "carer_relationship",
    "reasons",
    "initial_visit_date",
    "dbs_carer_date",
    "dbs_household_date",
    "pnc_date",
    "assessment_completed_date",
    "assessment_outcome",
    "child_in_need_or_cp",
    "end_date",
    "end_reason",
    "end_notified_by",
    "new_carer_details",
)
REASON = "reason"  # the service's name for "why an ended arrangement is changed"
ENDING = ("end_date", "end_reason", "end_notified_by", "new_carer_details")
CODED = {
    "carer_relationship": V.CARER_RELATIONSHIPS,
    "assessment_outcome": V.ASSESSMENT_OUTCOMES,
    "child_in_need_or_cp": V.CIN_CP,
    "end_reason": V.END_REASONS,
}
VISIT_COLUMNS = ("Type", "Date", "Seen alone", "Report written", "Visitor")
_VISIT_ID = Qt.ItemDataRole.UserRole
_YES_NO = (("", None), ("Yes", True), ("No", False))


def when_words(due: dt.date, today: dt.date) -> str:
    days = (due - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def due_lines(items, today: dt.date) -> list[str]:
    """One line per due item, overdue ones saying so in words (not colour alone)."""
    lines = []
    for item in items:
        prefix = "OVERDUE: " if item.overdue else ""
        when = when_words(item.due, today)
        lines.append(f"{prefix}{item.label} - {format_uk(item.due)} ({when})")
    return lines


class VisitDialog(QDialog):
    """Add or change one visit. Save hands the values to ``save`` (the service call); a
    problem it raises is shown in the dialog, which stays open to correct it."""

    def __init__(self, row: dict[str, Any], save, parent: QWidget | None = None, *,
                 title: str = "Visit") -> None:
        super().__init__(parent)
        self.setObjectName("VisitDialog")
        self.setWindowTitle(title)
        self._save = save
        self.visit_type = QComboBox(self)
        fill_combo(self.visit_type, V.VISIT_TYPES, None)
        self.visit_type.setCurrentIndex(max(self.visit_type.findData(row.get("visit_type")), 0))
        self.visit_date = UkDateEdit(self)
        self.visit_date.setDate(row.get("visit_date"))
        self.seen_alone = QComboBox(self)
        for label, value in _YES_NO:
            self.seen_alone.addItem(label, value)
        self.seen_alone.setCurrentIndex(
            next(i for i, (_l, v) in enumerate(_YES_NO) if v is row.get("child_seen_alone"))
        )
        self.report_written = UkDateEdit(self)
        self.report_written.setDate(row.get("report_written_date"))
        self.visitor = QLineEdit(row.get("visitor") or "", self)
        self.notes = QLineEdit(row.get("notes") or "", self)
        for editor in (self.visit_date, self.report_written):
            editor.setMaximumWidth(130)
        self.message = QLabel(self)
        self.message.setObjectName("visitDialogMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        form = QFormLayout()
        for text, editor, accessible in (
            ("&Type", self.visit_type, "Type of visit"),
            ("&Date", self.visit_date, "Date of the visit"),
            ("Child seen &alone", self.seen_alone, "Child seen alone"),
            ("&Report written", self.report_written, "Date the report was written"),
            ("&Visitor", self.visitor, "Who visited"),
            ("&Notes", self.notes, "Notes"),
        ):
            editor.setAccessibleName(accessible)
            label = QLabel(text, self)
            label.setBuddy(editor)
            form.addRow(label, editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        (self.visit_date if row.get("visit_type") else self.visit_type).setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "visit_type": self.visit_type.currentData(),
            "visit_date": self.visit_date.date(),
            "child_seen_alone": self.seen_alone.currentData(),
            "report_written_date": self.report_written.date(),
            "visitor": self.visitor.text(),
            "notes": self.notes.text(),
        }

    def problem_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""

    def accept(self) -> None:
        for editor in (self.visit_date, self.report_written):
            problem = editor.input_problem()
            if problem:
                show_message(self.message, f"Error: {problem}")
                editor.setFocus()
                return
        try:
            self._save(self.values())
        except (ValidationFailed, PermissionDenied) as exc:
            show_message(self.message, problem_words(exc))
            return
        super().accept()


class ArrangementForm(FosteringForm):
    """One arrangement. ``start_for(notification)`` starts a new one for a saved
    notification; ``load(record)`` shows a saved one (from ``service.get_arrangement``)."""

    open_notification_requested = Signal(int)
    record_changed = Signal(int)  # a visit was saved or deleted: the lists refresh

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.ui = Ui_FosteringArrangementForm()
        self.ui.setupUi(self)
        self.notification: dict[str, Any] = {}  # the notification (child, carer) shown
        ui = self.ui
        for name, codes in CODED.items():
            fill_combo(getattr(ui, name), codes)
        ui.reasons.set_choices(V.REASONS.choices())
        self.conditional = {
            REASON: lambda _v: bool(self.record and self.record.get("end_date"))
            or bool(self.problem_text(REASON)),
        }
        fields = [(n, getattr(ui, n)) for n in FIELDS]
        fields += [(REASON, ui.change_reason), ("notes", ui.notes)]
        self._bind(fields)
        ui.openNotificationButton.clicked.connect(self._open_notification)
        ui.addVisitButton.clicked.connect(self.add_visit)
        ui.editVisitButton.clicked.connect(self.edit_visit)
        ui.deleteVisitButton.clicked.connect(self.delete_visit)
        table = ui.visitsTable
        table.activated.connect(lambda _index: self.edit_visit())
        table.itemSelectionChanged.connect(self._update_visit_buttons)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_visit)
        table.setWordWrap(False)  # one line a visit; the type's tooltip shows it whole
        table.setColumnCount(len(VISIT_COLUMNS))
        table.setHorizontalHeaderLabels(list(VISIT_COLUMNS))
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the type (tooltip too)
        for col, width in enumerate((0, 85, 75, 100, 120)):
            if width:
                table.setColumnWidth(col, width)
        ui.dueText.setTextFormat(Qt.TextFormat.PlainText)
        self.load(None)

    # -- the protocol -----------------------------------------------------
    def start_for(self, notification: Record) -> None:
        """A new arrangement for this saved notification: it started when intended, and
        the authority became aware on the day it was notified (both can be changed)."""
        self.notification = dict(notification)
        super().load({
            "start_date": notification.get("intended_start_date"),
            "la_aware_date": notification.get("date_received"),
        })
        self.record = None
        self._show_state()

    def load(self, record: Record | None) -> None:
        super().load(record)
        if record is not None:
            self.notification = {
                **(record.get("notification") or {}),
                "id": record.get("notification_id"),
                "ref": record.get("ref"),
            }
        elif not self.notification:
            self.notification = {}
        self._show_state()

    def check_values(self, values: Record) -> list[Problem]:
        data = {k: v for k, v in values.items() if k != REASON}
        if self.record is not None:
            return service.check_arrangement(self.session, data, arrangement_id=self.record_id)
        if not self.notification.get("id"):
            return []
        return service.check_arrangement(
            self.session, data, notification_id=self.notification["id"]
        )

    def _store(self, values: Record) -> int:
        values = dict(values)
        reason = (values.pop(REASON) or "").strip()
        if self.record is None:
            return service.record_arrangement(self.session, self.notification["id"], values)
        record_id, version = self.record["id"], self.record["version"]
        if values.get("end_date") and not self.record.get("end_date"):
            ending = {k: values.pop(k) for k in ENDING}
            version = service.update_arrangement(self.session, record_id, values, version)
            self.record["version"] = version  # so a refused or failed end can be retried
            service.end_arrangement(
                self.session,
                record_id,
                end_date=ending["end_date"],
                end_reason=ending["end_reason"],
                end_notified_by=ending["end_notified_by"] or "",
                new_carer_details=ending["new_carer_details"] or "",
                expected_version=version,
            )
        else:
            service.update_arrangement(self.session, record_id, values, version, reason)
        return record_id

    def changes_since(self, started: Record, fields: list[str]):
        return service.changes_since(
            self.session, service.T_ARRANGEMENT, started["id"], started, fields
        )

    def reload(self, record_id: int) -> None:
        self.load(service.get_arrangement(self.session, record_id))

    # -- what the form shows about the record ---------------------------------------------
    def _show_state(self) -> None:
        ui, record, note = self.ui, self.record, self.notification
        ref = (record or {}).get("ref") or note.get("ref") or ""
        child = note.get("child_name") or ""
        dob = note.get("child_date_of_birth")
        born = ""
        if dob:
            ended = (record or {}).get("end_date")
            on = ended or local_today(self.session.clock)
            aged = f"aged {rules.age_on(dob, on)}" + (" when it ended" if ended else "")
            born = f" (born {format_uk(dob)}, {aged})"
        carer = note.get("carer_name") or ""
        who = f"{child}{born}" + (f", with {carer}" if carer else "")
        if record is None:
            ui.formTitle.setText(f"<b>New arrangement</b> for {ref}: {who}")
        else:
            ended = record.get("end_date")
            state = f"ended {format_uk(ended)}" if ended else "open"
            ui.formTitle.setText(f"<b>{ref}</b> - {who}; {state}")
        ui.formTitle.setTextFormat(Qt.TextFormat.RichText)
        ui.formTitle.setToolTip(ui.formTitle.text().replace("<b>", "").replace("</b>", ""))
        ui.openNotificationButton.setEnabled(bool(note.get("id")))
        saved = record is not None
        ui.addVisitButton.setEnabled(saved)
        show_message(
            ui.visitMessage,
            "" if saved else "Save the arrangement first, then record its visits.",
            "",
        )
        self._fill_visits()
        self._show_due()
        self._update_conditional()

    def _show_due(self) -> None:
        record = self.record
        if record is None:
            text = "Worked out once the arrangement is saved."
        elif record.get("end_date"):
            text = "Nothing: the arrangement has ended."
        else:
            lines = due_lines(record.get("due") or [], local_today(self.session.clock))
            text = "\n".join(lines) or "Nothing is due."
        self.ui.dueText.setText(text)

    def due_text(self) -> str:
        return self.ui.dueText.text()

    # -- visits ---------------------------------------------------------------------------
    def _fill_visits(self, select: int | None = None) -> None:
        table = self.ui.visitsTable
        visits = (self.record or {}).get("visits") or []
        table.setRowCount(len(visits))
        for r, visit in enumerate(visits):
            seen = visit.get("child_seen_alone")
            texts = (
                code_label(V.VISIT_TYPES, visit.get("visit_type")),
                format_uk(visit.get("visit_date")),
                "" if seen is None else ("Yes" if seen else "No"),
                format_uk(visit.get("report_written_date")),
                visit.get("visitor") or "",
            )
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(_VISIT_ID, visit["id"])
                    item.setToolTip(text)
                table.setItem(r, c, item)
            if visit["id"] == select:
                table.selectRow(r)
        self._update_visit_buttons()

    def visit_rows(self) -> list[tuple[str, ...]]:
        """The visits table as the user reads it (for tests)."""
        table = self.ui.visitsTable
        return [
            tuple(table.item(r, c).text() for c in range(table.columnCount()))
            for r in range(table.rowCount())
        ]

    def select_visit_row(self, row: int) -> None:
        self.ui.visitsTable.selectRow(row)

    def _current_visit(self) -> dict[str, Any] | None:
        table = self.ui.visitsTable
        selected = table.selectionModel().selectedRows() if table.selectionModel() else []
        if not selected or self.record is None:
            return None
        item = table.item(selected[0].row(), 0)
        visit_id = item.data(_VISIT_ID) if item is not None else None
        return next((v for v in self.record.get("visits") or [] if v["id"] == visit_id), None)

    def _update_visit_buttons(self) -> None:
        chosen = self._current_visit() is not None
        self.ui.editVisitButton.setEnabled(chosen)
        self.ui.deleteVisitButton.setEnabled(chosen)

    def _new_visit(self) -> dict[str, Any]:
        record = self.record or {}
        had_initial = record.get("initial_visit_date") or any(
            v.get("visit_type") == "initial_statutory" for v in record.get("visits") or []
        )
        return {
            "visit_type": "statutory_reg8" if had_initial else "initial_statutory",
            "visitor": getattr(self.session, "display_name", "") or "",
        }

    def add_visit(self) -> int | None:
        """Record a visit in a small dialog; the new visit's id, or None."""
        if self.record is None:
            return None
        saved: dict[str, int] = {}

        def save(data: dict[str, Any]) -> None:
            saved["id"] = service.add_visit(self.session, self.record["id"], data)

        dialog = VisitDialog(self._new_visit(), save, self, title="Add visit")
        Dialogs.exec_dialog(dialog)
        dialog.deleteLater()
        if "id" not in saved:
            return None
        self._visits_changed(saved["id"])
        return saved["id"]

    def edit_visit(self) -> bool:
        visit = self._current_visit()
        if visit is None:
            return False
        done: list[bool] = []
        loaded = dict(visit)  # as the dialog opened it: a visit changed since is refused

        def save(data: dict[str, Any]) -> None:
            service.update_visit(self.session, visit["id"], data, expected=loaded)
            done.append(True)

        dialog = VisitDialog(visit, save, self, title="Change visit")
        Dialogs.exec_dialog(dialog)
        dialog.deleteLater()
        if not done:
            return False
        self._visits_changed(visit["id"])
        return True

    def delete_visit(self) -> bool:
        visit = self._current_visit()
        if visit is None:
            return False
        what = code_label(V.VISIT_TYPES, visit.get("visit_type")).lower() or "visit"
        if not Dialogs.confirm(
            self,
            "Delete visit",
            f"Delete the {what} of {format_uk(visit.get('visit_date'))} from "
            f"{self.record.get('ref') or 'this arrangement'}? The audit log keeps a record "
            "of the deletion.",
            yes_text="Delete visit",
            destructive=True,
        ):
            return False
        try:
            service.delete_visit(self.session, visit["id"], expected=visit)
        except service.RecordMissing:
            pass  # already gone
        except (ValidationFailed, PermissionDenied) as exc:
            show_message(self.ui.visitMessage, problem_words(exc), ERROR_STYLE)
            return False
        self._visits_changed(None)
        self.ui.visitsTable.setFocus()
        return True

    def _visits_changed(self, select: int | None) -> None:
        """Read the record again (a visit can set the initial visit date and what is due),
        keeping whatever was typed and not yet saved."""
        record_id = self.record["id"]
        dirty = self.is_dirty()
        typed = self.typed_values() if dirty else {}
        before = dict(self.record)
        self.reload(record_id)
        if dirty:
            self._loading = True
            try:
                for name, value in typed.items():
                    if value != before.get(name):
                        write_widget(self.field(name), value)
            finally:
                self._loading = False
            self.set_dirty(True)
            self._update_conditional()
        self._fill_visits(select)
        if not dirty:
            self.show_problems([p for p in self.check() if not p.blocking])
        self.record_changed.emit(record_id)

    def _open_notification(self) -> None:
        if self.notification.get("id"):
            self.open_notification_requested.emit(self.notification["id"])
