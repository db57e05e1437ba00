"""The data-quality gate's dialog before any export (issue 7).

Every record in the year goes through its domain's rules (``returns.quality``). Errors
stop the export: the user sees them, count-changing ones first, and can open a
problem's record to correct it, go back, or export anyway (the count of accepted errors
then goes on the workbook's About sheet). Warnings alone are the rules' advice about a
case and stop nothing. The services run the gate again, so this is never the only guard.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.gui import record_links
from hscb_desktop.gui.dialogs import Dialogs, wait_cursor

DOMAIN_TITLES = {"cdop": "CDOP", "lado": "LADO", "fostering": "Private fostering",
                 "board": "Board", "training": "Training"}
RECORD_HOLDERS = {"cdop": "the CDOP coordinator", "lado": "a LADO officer",
                  "fostering": "a private fostering worker", "board": "the business unit",
                  "training": "the business unit"}

# What the user chose at the gate.
CLEAN, ACCEPT, BACK, OPENED = "clean", "accept", "back", "opened"


class ProblemsDialog(QDialog):
    """The data-quality gate's findings: go back (to correct them) or export anyway."""

    OPEN_RECORD = 2  # the dialog's result when the user chose to open a problem's record

    def __init__(self, problems: list, period_label: str, parent: QWidget | None = None,
                 window=None) -> None:
        super().__init__(parent)
        self.setObjectName("ProblemsDialog")
        self.problems = problems
        self.chosen = None  # the problem whose record the user chose to open
        self._window = window
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
        # Opening a record leaves the gate (as "Go back" does) and shows the record in its
        # page, where it can be corrected; records of a domain the roles do not open (the
        # business unit's view of casework) say who can, instead.
        self.where = QLabel("", self)
        self.where.setObjectName("problemWhere")
        self.where.setWordWrap(True)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.currentCellChanged.connect(lambda row, *_: self._row_changed(row))
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton("&Open record", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        self.back_button = buttons.addButton("&Go back", QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button = buttons.addButton("&Export anyway",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.back_button.setDefault(True)  # accepting problems must be a deliberate choice
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.where)
        layout.addWidget(buttons)
        self.resize(1100, 520)
        if problems:
            self.table.setCurrentCell(0, 0)
        self._row_changed(self.table.currentRow())

    def openable(self, row: int) -> bool:
        if not 0 <= row < len(self.problems):
            return False
        p = self.problems[row]
        return record_links.can_open(self._window, p.domain, p.target, p.record_id)

    def _row_changed(self, row: int) -> None:
        self.open_button.setEnabled(self.openable(row))
        if not 0 <= row < len(self.problems):
            self.where.setText("")
        elif self.openable(row):
            self.where.setText("Enter, a double-click or Open record shows this record so it "
                               "can be corrected; the export then starts again from the menu.")
        else:
            p = self.problems[row]
            who = RECORD_HOLDERS.get(p.domain, "the practitioner who holds it")
            self.where.setText(f"{p.record} is not opened from here: your roles do not give "
                               f"access to {DOMAIN_TITLES.get(p.domain, p.domain)} records. "
                               f"Give the reference to {who} to correct it.")

    def open_row(self, row: int) -> bool:
        """Leave the gate to open the problem's record (False when it cannot be opened)."""
        if not self.openable(row):
            return False
        self.chosen = self.problems[row]
        self.done(self.OPEN_RECORD)
        return True

    def done(self, result: int) -> None:  # noqa: D102 - Qt API
        # Enter on the table both activates the row and reaches the default button; once
        # a record was chosen, the dialog's answer stays "open it".
        if self.chosen is not None and result != self.OPEN_RECORD:
            return
        super().done(result)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.table.resizeRowsToContents()  # whole messages, now the columns have their widths

    def rows(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]


def check(session: Any, spec: str, domains: list[str] | None) -> list:
    from hscb_desktop.returns import quality

    with wait_cursor():
        return sorted(quality.period_problems(session, spec, domains), key=quality.sort_key)


def ask(window: QWidget | None, session: Any, spec: str, period_label: str,
        domains: list[str] | None) -> str:
    """Run the gate for ``domains`` (None: every one) over the year ``spec``: CLEAN when
    there are no errors, else the user's answer (ACCEPT, BACK, or OPENED: the chosen
    problem's record is now shown in ``window``)."""
    problems = check(session, spec, domains)
    if not any(p.blocking for p in problems):
        return CLEAN
    gate = ProblemsDialog(problems, period_label, window, window=window)
    try:
        answer = Dialogs.exec_dialog(gate)
        chosen = gate.chosen
    finally:
        gate.deleteLater()
    if answer == ProblemsDialog.OPEN_RECORD and chosen is not None:
        record_links.open_record(window, chosen.domain, chosen.target, chosen.record_id)
        return OPENED
    return ACCEPT if answer == QDialog.DialogCode.Accepted.value else BACK
