"""Returns -> Annual report tables… (issue 7): the year, small-number suppression, the
data-quality gate, then the workbook.

    export_annual_report(window, session)
    # options dialog -> (problems found: problem list, "Go back" / "Export anyway")
    #                -> save file -> progress -> info

The gate stops only on errors (warnings alone are the rules' advice about a case and
go straight on); it then lists errors and warnings alike. "Go back" returns to the options; "Export anyway" exports accepting the problems, whose
count the About sheet then states. The service (``returns.annual_report``) checks the
role and runs the gate again, so nothing here is the only guard.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.progress import Cancelled, Progress
from hscb_desktop.gui import workers
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.export_dialog import (
    RETURNS,
    ExportDialog,
    _close_worker_connections,
    _remember_folder,
    _suggested_folder,
    failure_text,
    file_name,
)

NAME = "annual-report"
DOMAIN_TITLES = {"cdop": "CDOP", "lado": "LADO", "fostering": "Private fostering",
                 "board": "Board", "training": "Training"}


class AnnualReportDialog(ExportDialog):
    """The year, and whether to suppress small numbers for a copy that is published."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(RETURNS[NAME], session, parent)
        self.setObjectName("AnnualReportDialog")
        self.suppress = QCheckBox("&Suppress small numbers (for publication)", self)
        self.suppress.setObjectName("suppress")
        self.suppress.setToolTip("Counts from 1 to the threshold are shown as *, with other "
                                 "cells suppressed so they cannot be worked out from a total. "
                                 "Leave off for internal use.")
        self.threshold = QSpinBox(self)
        self.threshold.setObjectName("threshold")
        self.threshold.setRange(1, 99)
        self.threshold.setValue(5)
        self.threshold.setAccessibleName("Suppression threshold")
        self.threshold.setEnabled(False)
        self.suppress.toggled.connect(self.threshold.setEnabled)
        threshold_label = QLabel("Suppress counts up to (&threshold)", self)
        threshold_label.setBuddy(self.threshold)
        self.form.addRow("", self.suppress)
        self.form.addRow(threshold_label, self.threshold)
        buttons = self.findChild(QDialogButtonBox)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Check the data…")

    def options(self) -> dict[str, Any]:
        if self.suppress.isChecked():
            return {"suppress": True, "threshold": self.threshold.value()}
        return {"suppress": False}


class ProblemsDialog(QDialog):
    """The data-quality gate's findings: go back (to correct them) or export anyway."""

    def __init__(self, problems: list, period_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProblemsDialog")
        self.setWindowTitle("Data-quality problems")
        errors = [p for p in problems if p.blocking]
        changing = [p for p in problems if p.counts_change]
        warnings = len(problems) - len(errors)
        summary = QLabel(
            f"The records for {period_label} have {len(errors)} error(s), "
            f"{len(changing)} of them changing a count in the tables, and {warnings} "
            "warning(s). Problems that change a count are listed first.\n"
            "Go back to correct them, or export anyway: the number of errors accepted is "
            "then written on the workbook's About sheet.", self)
        summary.setWordWrap(True)
        self.table = QTableWidget(len(problems), 5, self)
        self.table.setObjectName("problems")
        self.table.setAccessibleName("Data-quality problems")
        self.table.setHorizontalHeaderLabels(
            ["Domain", "Record", "Field", "Message", "Changes a count"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        for r, p in enumerate(problems):
            severity = "Error" if p.blocking else "Warning"
            cells = [DOMAIN_TITLES.get(p.domain, p.domain), p.record, p.field,
                     f"{severity}: {p.message}", "Yes" if p.counts_change else ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a long message in full
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        for c in (0, 1, 2, 4):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(self)
        self.back_button = buttons.addButton("&Go back", QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button = buttons.addButton("&Export anyway",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.back_button.setDefault(True)  # accepting problems must be a deliberate choice
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1100, 520)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.table.resizeRowsToContents()  # whole messages, now the columns have their widths

    def rows(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]


def _check(session: Any, spec: str) -> list:
    from hscb_desktop.returns import quality

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return sorted(quality.period_problems(session, spec), key=quality.sort_key)
    finally:
        QGuiApplication.restoreOverrideCursor()


def export_annual_report(parent: QWidget | None, session: Any) -> workers.Task | None:
    """The whole flow; returns the export task (None when the user stopped at a step)."""
    kind = RETURNS[NAME]
    dialog = AnnualReportDialog(session, parent)
    try:
        while True:
            if Dialogs.exec_dialog(dialog) != QDialog.DialogCode.Accepted.value:
                return None
            period = dialog.chosen_period()
            options = dialog.options()
            problems = _check(session, period.short_label)
            if not any(p.blocking for p in problems):
                break  # warnings alone are advice about cases: they stop nothing
            gate = ProblemsDialog(problems, period.label, parent)
            try:
                answer = Dialogs.exec_dialog(gate)
            finally:
                gate.deleteLater()
            if answer == QDialog.DialogCode.Accepted.value:
                options["accept_problems"] = True
                break
            # "Go back": the options again, as they were left
    finally:
        dialog.deleteLater()

    suffix = " (suppressed)" if options.get("suppress") else ""
    suggested = _suggested_folder(session) / file_name(kind, period).replace(
        ".xlsx", f"{suffix}.xlsx")
    path = Dialogs.save_file(parent, f"Save the {kind.title}", suggested,
                             "Excel workbook (*.xlsx)")
    if path is None:
        return None
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    _remember_folder(session, path.parent)

    def work(progress: Progress) -> Path:
        progress.report(0, None, f"Producing the {kind.title} for {period.short_label}…")
        try:
            return kind(session, period.short_label, path, **options)
        finally:
            _close_worker_connections()

    def done(written: Path) -> None:
        Dialogs.info(parent, f"{kind.title} saved",
                     f"The {kind.title} for {period.long_label} were saved to:\n{written}")

    def failed(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        Dialogs.error(parent, f"{kind.title} not produced", failure_text(exc, path))

    return workers.run_task(work, parent=parent, on_result=done, on_error=failed,
                            title=f"Producing the {kind.title}")
