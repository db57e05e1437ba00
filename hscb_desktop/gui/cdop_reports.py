"""The agency reports of one death: a table inside the case, with Add, Change and Delete.

Each report is entered in ``ReportDialog`` (a small ``CdopForm`` checked by
``service.check_report``, so a received date before the death shows beside its field and
the dialog stays open). Rows are saved at once, one at a time, through the service.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.validation import PermissionDenied, Problem, ValidationFailed, error
from hscb_desktop.domains.cdop import service
from hscb_desktop.domains.cdop import vocab as V
from hscb_desktop.gui.cdop_common import (
    ERROR_STYLE,
    NOTE_STYLE,
    CdopForm,
    fill_agencies,
    fill_combo,
    problem_words,
)
from hscb_desktop.gui.checklist import CodeChecklist
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.record_form import Record, UkDateEdit

COLUMNS = ("Agency", "Requested", "Received", "Mode of death", "Events", "Narrative")
_ID_ROLE = Qt.ItemDataRole.UserRole


def _label(codes, code: Any) -> str:
    return codes.label(code) if isinstance(code, str) and code in codes else ""


class ReportForm(CdopForm):
    """One agency report on a death: ``death_id`` is the case, ``report`` the saved row
    (None for a new one)."""

    REVEALS = {"requested_date": ("received_date",)}

    def __init__(self, session, death_id: int, report: dict[str, Any] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, saver=self._store, validator=self._validate)
        self.session, self.death_id, self.report = session, death_id, report
        self.agency_id = QComboBox(self)
        fill_agencies(self.agency_id, include=(report or {}).get("agency_id"))
        self.agency_name = QLineEdit(self)
        self.agency_name.setPlaceholderText("Only when the agency is not in the list")
        self.requested_date = UkDateEdit(self)
        self.received_date = UkDateEdit(self)
        for edit in (self.requested_date, self.received_date):
            edit.setMaximumWidth(120)
        self.mode_of_death = QComboBox(self)
        fill_combo(self.mode_of_death, V.MODES_OF_DEATH)
        self.attempted_resuscitation = QComboBox(self)
        fill_combo(self.attempted_resuscitation, V.YES_NO_UNKNOWN)
        self.attempted_resuscitation.setMaximumWidth(140)
        self.events = CodeChecklist(self)
        self.events.set_choices(V.EVENTS.choices())
        self.narrative = QPlainTextEdit(self)
        self.narrative.setTabChangesFocus(True)
        self.narrative.setMinimumHeight(90)
        self.messages = QLabel(self)
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.addRow(self.messages)
        rows = (
            ("&Agency", self.agency_id, "Agency"),
            ("&Other agency", self.agency_name, "Other agency"),
            ("Re&quested", self.requested_date, "Date requested"),
            ("Recei&ved", self.received_date, "Date received"),
            ("&Mode of death", self.mode_of_death, "Mode of death"),
            ("Attempted &resuscitation", self.attempted_resuscitation, "Attempted resuscitation"),
            ("&Events", self.events, "Events"),
            ("&Narrative", self.narrative, "Narrative"),
        )
        for text, editor, accessible in rows:
            label = QLabel(text, self)
            label.setBuddy(editor)
            editor.setAccessibleName(accessible)
            layout.addRow(label, editor)
        self.bind_fields([
            ("agency_id", self.agency_id),
            ("agency_name", self.agency_name),
            ("requested_date", self.requested_date),
            ("received_date", self.received_date),
            ("mode_of_death", self.mode_of_death),
            ("attempted_resuscitation", self.attempted_resuscitation),
            ("events", self.events),
            ("narrative", self.narrative),
        ])
        self.set_message_area(self.messages)
        self.load(dict(report) if report else None)
        self.reset_live()

    def values(self) -> Record:
        values = super().values()
        values["agency_id"] = self.agency_id.currentData()
        return values

    def _validate(self, values: Record) -> list[Problem]:
        try:
            return service.check_report(self.session, self.death_id, values)
        except (PermissionDenied, ValidationFailed) as exc:
            return [error("", problem_words(exc))]

    def _store(self, values: Record) -> int:
        if self.report is None:
            return service.add_report(self.session, self.death_id, values)
        # The report as loaded: one someone else changed since is refused, the typing kept.
        service.update_report(self.session, self.report["id"], values, expected=self.report)
        self.report = {**self.report, **values}  # as stored now, should the save be retried
        return self.report["id"]


class ReportDialog(QDialog):
    """Add or change one report; Save keeps the dialog open while there are errors."""

    def __init__(self, session, death_id: int, report: dict[str, Any] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CdopReportDialog")
        self.setWindowTitle("Change agency report" if report else "Add agency report")
        self.form = ReportForm(session, death_id, report, self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
        self.saved_id: int | None = None
        self.form.agency_id.setFocus()

    def accept(self) -> None:
        result = self.form.save()
        if result is None:
            return
        self.saved_id = result
        super().accept()


class ReportsPanel(QWidget):
    """The reports table of the case shown in the form (``set_case``)."""

    reports_changed = Signal()

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.record: dict[str, Any] | None = None
        self.title = QLabel(self)
        self.title.setObjectName("reportsTitle")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("reportsTable")
        self.table.setAccessibleName("Agency reports")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((230, 90, 90, 230, 260)):
            self.table.setColumnWidth(col, width)
        self.add_button = QPushButton("&Add report…", self)
        self.add_button.setToolTip("Record a report requested from or received by an agency")
        self.edit_button = QPushButton("C&hange…", self)
        self.edit_button.setToolTip("Change the chosen report, e.g. to record it received (Enter)")
        self.delete_button = QPushButton("&Delete", self)
        self.delete_button.setToolTip("Delete the chosen report (Delete)")
        self.add_button.clicked.connect(self.add_report)
        self.edit_button.clicked.connect(self.edit_report)
        self.delete_button.clicked.connect(self.delete_report)
        self.table.activated.connect(lambda _i: self.edit_report())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_report)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.set_case(None)

    # -- contents ---------------------------------------------------------
    def set_case(self, record: dict[str, Any] | None) -> None:
        self.record = record
        saved = record is not None
        self.add_button.setEnabled(saved)
        if saved:
            self.title.setText(f"<b>Agency reports for {record.get('cdop_ref') or ''}</b>")
        else:
            self.title.setText("<b>Agency reports</b>")
        self._fill()

    def _fill(self, select: int | None = None) -> None:
        reports = (self.record or {}).get("reports") or []
        agencies = service.agency_names()
        self.table.setRowCount(len(reports))
        for row, report in enumerate(reports):
            events = ", ".join(_label(V.EVENTS, e) for e in report.get("events") or [])
            texts = (
                agencies.get(report.get("agency_id")) or report.get("agency_name") or "",
                format_uk(report.get("requested_date")) if report.get("requested_date") else "",
                format_uk(report.get("received_date")) if report.get("received_date")
                else "Not yet",
                _label(V.MODES_OF_DEATH, report.get("mode_of_death")),
                events,
                (report.get("narrative") or "").replace("\n", " "),
            )
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col == 0:
                    item.setData(_ID_ROLE, report["id"])
                self.table.setItem(row, col, item)
            if report["id"] == select:
                self.table.selectRow(row)
        if self.record is None:
            self._say("Save the notification first, then add its agency reports.", NOTE_STYLE)
        elif not reports:
            self._say("No agency reports yet: Add report records one requested or received.",
                      NOTE_STYLE)
        else:
            waiting = sum(1 for r in reports if not r.get("received_date"))
            self._say(f"{waiting} of {len(reports)} still to be received." if waiting
                      else "Every report requested has been received.", NOTE_STYLE)
        self._update_buttons()

    def _say(self, text: str, style: str = "") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)

    def rows(self) -> list[tuple[str, ...]]:
        """The table as the user reads it (for tests)."""
        return [
            tuple(self.table.item(r, c).text() for c in range(len(COLUMNS)))
            for r in range(self.table.rowCount())
        ]

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _current(self) -> dict[str, Any] | None:
        model = self.table.selectionModel()
        selected = model.selectedRows() if model is not None else []
        if not selected or self.record is None:
            return None
        report_id = self.table.item(selected[0].row(), 0).data(_ID_ROLE)
        return next((r for r in self.record.get("reports") or [] if r["id"] == report_id), None)

    def _update_buttons(self) -> None:
        chosen = self._current() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # -- actions ----------------------------------------------------------
    def add_report(self) -> int | None:
        return self._open_dialog(None)

    def edit_report(self) -> int | None:
        report = self._current()
        return self._open_dialog(report) if report is not None else None

    def _open_dialog(self, report: dict[str, Any] | None) -> int | None:
        if self.record is None:
            return None
        dialog = ReportDialog(self.session, self.record["id"], report, self)
        Dialogs.exec_dialog(dialog)
        saved = dialog.saved_id
        dialog.deleteLater()
        if saved is None:
            return None
        self._changed(saved)
        return saved

    def delete_report(self) -> bool:
        report = self._current()
        if report is None:
            return False
        agency = self.table.item(self.table.currentRow(), 0).text() or "the agency"
        if not Dialogs.confirm(
            self,
            "Delete agency report",
            f"Delete the report from {agency} on {self.record.get('cdop_ref')}? "
            "The audit log keeps a record of the deletion.",
            yes_text="Delete report",
            destructive=True,
        ):
            return False
        try:
            service.delete_report(self.session, report["id"], expected=report)
        except service.RecordMissing:
            pass
        except (ValidationFailed, PermissionDenied) as exc:
            self._say(problem_words(exc), ERROR_STYLE)
            return False
        self._changed(None)
        self.table.setFocus()
        return True

    def _changed(self, select: int | None) -> None:
        """Re-read the case's reports (the service may have recomputed SUDI too)."""
        fresh = service.get_death(self.session, self.record["id"])
        self.record["reports"] = fresh["reports"]
        self.record["notification_gaps"] = fresh["notification_gaps"]
        self._fill(select)
        self.reports_changed.emit()
