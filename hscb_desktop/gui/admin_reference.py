"""The administrator's Reference data page: agencies and bank holidays.

Everything goes through ``security.reference_admin``, which checks the role, validates
and audits; this page only gathers input and shows the service's problems.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.record_form import UkDateEdit
from hscb_desktop.gui.tables import Column, RecordTableModel, Row
from hscb_desktop.security import reference_admin as RA
from hscb_desktop.security.session import Session

AGENCY_COLUMNS = [Column("name", "Name"), Column("short_name", "Short name"),
                  Column("sector_label", "Sector"), Column("active", "Active", "bool")]
HOLIDAY_COLUMNS = [Column("date", "Date", "date"), Column("day", "Day"),
                   Column("title", "Bank holiday")]
ALL_YEARS = None


def _sort_key(value: object) -> tuple:
    if isinstance(value, (dt.date, bool, int)):
        return (0, value)
    return (1, str(value).casefold())


class _ListRows:
    """A RowSource over one service answer (hundreds of rows at most: no paging)."""

    def __init__(self, listed: list[dict[str, Any]]) -> None:
        self.rows_by_id: dict[int, Row] = dict(enumerate(listed))

    def ids(self, sort: str | None, descending: bool) -> list[int]:
        ids = list(self.rows_by_id)
        if sort:
            ids.sort(key=lambda i: _sort_key(self.rows_by_id[i][sort]), reverse=descending)
        return ids

    def rows(self, ids: list[int]) -> dict[int, Row]:
        return {i: self.rows_by_id[i] for i in ids if i in self.rows_by_id}


def _table(parent: QWidget, model: RecordTableModel, name: str) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAccessibleName(name)
    return table


class _ServiceForm(QDialog):
    """A small form whose OK calls a service; refusals are shown in the form, which stays open."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
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
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _attempt(self, call: Callable[[], object]) -> None:
        try:
            call()
        except ValidationFailed as exc:
            self.message.setText("\n".join(p.message for p in exc.problems if p.blocking))
            return
        except (ValueError, PermissionDenied) as exc:
            self.message.setText(str(exc))
            return
        super().accept()


class AgencyDialog(_ServiceForm):
    """Add an agency (``agency`` None) or edit one (a ``list_agencies`` row)."""

    def __init__(self, session: Session, agency: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        adding = agency is None
        super().__init__("Add agency" if adding else "Edit agency",
                         "Add agency" if adding else "Save", parent)
        self.session, self.agency = session, agency
        self.name = QLineEdit(self)
        self.name.setMaxLength(RA.NAME_MAX)
        self.short_name = QLineEdit(self)
        self.short_name.setMaxLength(RA.SHORT_NAME_MAX)
        self.sector = QComboBox(self)
        self.sector.addItem("", "")
        for sector in RA.list_sectors(session):
            self.sector.addItem(sector["label"], sector["code"])
        self.active = QCheckBox("Offered on forms (untick to retire the agency)", self)
        self.active.setChecked(True)
        self.form.addRow("&Name", self.name)
        self.form.addRow("S&hort name", self.short_name)
        self.form.addRow("&Sector", self.sector)
        self.form.addRow("&Active", self.active)
        if adding:
            self.active.setEnabled(False)  # a new agency starts active
        else:
            self.name.setText(agency["name"])
            self.short_name.setText(agency["short_name"])
            self.set_sector(agency["sector"])
            self.active.setChecked(agency["active"])
        self.name.setFocus()

    def set_sector(self, code: str) -> None:
        self.sector.setCurrentIndex(max(0, self.sector.findData(code)))

    def accept(self) -> None:
        name, short, sector = self.name.text(), self.short_name.text(), self.sector.currentData()
        if self.agency is None:
            self._attempt(lambda: RA.add_agency(self.session, name, short, sector))
        else:
            self._attempt(lambda: RA.update_agency(
                self.session, self.agency["id"], name=name, short_name=short, sector=sector,
                active=self.active.isChecked()))


class BankHolidayDialog(_ServiceForm):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__("Add bank holiday", "Add bank holiday", parent)
        self.session = session
        self.date = UkDateEdit(self)
        self.title = QLineEdit(self)
        self.title.setMaxLength(RA.TITLE_MAX)
        self.form.addRow("&Date", self.date)
        self.form.addRow("&Name", self.title)
        note = QLabel("A bank holiday that falls at a weekend is entered as the weekday it is "
                      "taken on (its substitute day).", self)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.date.setFocus()

    def accept(self) -> None:
        problem = self.date.input_problem()
        if problem:
            self.message.setText(problem)
            return
        self._attempt(lambda: RA.add_bank_holiday(self.session, self.date.date(),
                                                  self.title.text()))


class RemoveBankHolidayDialog(_ServiceForm):
    def __init__(self, session: Session, holiday: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__("Remove bank holiday", "Remove", parent)
        self.session, self.holiday = session, holiday
        intro = QLabel(f"Remove {holiday['title']} on {format_uk(holiday['date'])}? Due dates "
                       "counted in working days will treat it as a working day.", self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(RA.REASON_MAX)
        self.form.addRow(intro)
        self.form.addRow("&Reason", self.reason)
        self.reason.setFocus()

    def accept(self) -> None:
        self._attempt(lambda: RA.remove_bank_holiday(self.session, self.holiday["date"],
                                                     self.reason.text()))


class _AgenciesTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = RecordTableModel(AGENCY_COLUMNS, None, self)
        self.table = _table(self, self.model, "Agencies")
        self.add_button = QPushButton("&Add agency…", self)
        self.edit_button = QPushButton("&Edit agency…", self)
        self.add_button.clicked.connect(self.add_agency)
        self.edit_button.clicked.connect(self.edit_agency)
        self.table.doubleClicked.connect(lambda _index: self.edit_agency())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_source(_ListRows(RA.list_agencies(self.session)))
        self._update_buttons()

    def rows(self) -> list[Row]:
        return [self.model.row_values(r) for r in range(self.model.rowCount())]

    def selected(self) -> Row | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_values(rows[0].row()) if rows else None

    def select(self, agency_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_values(row)["id"] == agency_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected() is not None)

    def add_agency(self) -> None:
        dialog = AgencyDialog(self.session, None, self)
        if Dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted.value:
            self.refresh()
            name = dialog.name.text().strip().casefold()
            for row in self.rows():
                if row["name"].casefold() == name:
                    self.select(row["id"])

    def edit_agency(self) -> None:
        agency = self.selected()
        if agency is None:
            return
        dialog = AgencyDialog(self.session, dict(agency), self)
        if Dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted.value:
            self.refresh()
            self.select(agency["id"])


class _BankHolidaysTab(QWidget):
    def __init__(self, session: Session, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.today = session, today
        self.year = QComboBox(self)
        self.year.setAccessibleName("Year")
        self.model = RecordTableModel(HOLIDAY_COLUMNS, None, self)
        self.table = _table(self, self.model, "Bank holidays")
        self.add_button = QPushButton("&Add bank holiday…", self)
        self.remove_button = QPushButton("&Remove bank holiday…", self)
        self.add_button.clicked.connect(self.add_holiday)
        self.remove_button.clicked.connect(self.remove_holiday)
        year_label = QLabel("&Year", self)
        year_label.setBuddy(self.year)
        bar = QHBoxLayout()
        bar.addWidget(year_label)
        bar.addWidget(self.year)
        bar.addSpacing(12)
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        bar.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._fill_years(today.year)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def _fill_years(self, wanted: int | None) -> None:
        years = sorted(set(RA.bank_holiday_years(self.session)) | {self.today.year})
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem("All years", ALL_YEARS)
        for year in years:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(wanted)))
        self.year.blockSignals(False)

    def set_year(self, year: int | None) -> None:
        self.year.setCurrentIndex(max(0, self.year.findData(year)))

    def refresh(self) -> None:
        listed = RA.list_bank_holidays(self.session, year=self.year.currentData())
        self.model.set_source(_ListRows([{**h, "day": f"{h['date']:%A}"} for h in listed]))
        self._update_buttons()

    def rows(self) -> list[Row]:
        return [self.model.row_values(r) for r in range(self.model.rowCount())]

    def selected(self) -> Row | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_values(rows[0].row()) if rows else None

    def select(self, day: dt.date) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_values(row)["date"] == day:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected() is not None)

    def add_holiday(self) -> None:
        dialog = BankHolidayDialog(self.session, self)
        if Dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted.value:
            day = dialog.date.date()
            shown = self.year.currentData()
            self._fill_years(shown if shown in (ALL_YEARS, day.year) else day.year)
            self.refresh()
            self.select(day)

    def remove_holiday(self) -> None:
        holiday = self.selected()
        if holiday is None:
            return
        dialog = RemoveBankHolidayDialog(self.session, dict(holiday), self)
        if Dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted.value:
            self.refresh()


class AdminReferencePage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AdminReferencePage")
        self.session = session
        today = today or local_today(session.clock)
        heading = QLabel("<h2>Reference data</h2>", self)
        self.tabs = QTabWidget(self)
        self.agencies = _AgenciesTab(session, self.tabs)
        self.holidays = _BankHolidaysTab(session, today, self.tabs)
        self.tabs.addTab(self.agencies, "A&gencies")
        self.tabs.addTab(self.holidays, "Bank &holidays")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs)
