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

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from hscb_desktop.core.progress import Cancelled, Progress
from hscb_desktop.gui import quality_gate, workers
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
ProblemsDialog = quality_gate.ProblemsDialog  # tests and callers know it by this module


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
            outcome = quality_gate.ask(parent, session, period.short_label, period.label, None)
            if outcome == quality_gate.OPENED:
                return None
            if outcome != quality_gate.BACK:
                options["accept_problems"] = outcome == quality_gate.ACCEPT
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
