"""Small pieces the Board and training screens share: a list source over rows already
read from a service, a read-only table view set up the same way everywhere, the
reporting-year combo, and how problems are worded and coloured."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.periods import ReportingPeriod, period_containing, previous
from hscb_desktop.core.validation import Problem, ValidationFailed
from hscb_desktop.core.vocab import CodeList
from hscb_desktop.gui.tables import Column, RecordTableModel

ERROR_STYLE = "color: #9b1c1c;"
WARNING_STYLE = "color: #7a4a00;"
FIRST_YEAR = 2014  # the earliest reporting year the year combos offer


class ListSource:
    """A ``RowSource`` over rows already read (a service's list of dicts): the screens'
    lists are short, so they are read whole and sorted here."""

    def __init__(self, rows: Iterable[dict[str, Any]], key: str = "id") -> None:
        self._rows: dict[int, dict[str, Any]] = {}
        for n, row in enumerate(rows):
            self._rows[row[key] if key else n] = row

    def ids(self, sort: str | None, descending: bool) -> list[int]:
        ids = list(self._rows)
        if sort is not None:
            ids.sort(key=lambda i: _sort_key(self._rows[i].get(sort)), reverse=descending)
        elif descending:
            ids.reverse()
        return ids

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        return {i: self._rows[i] for i in ids if i in self._rows}

    def get(self, record_id: int) -> dict[str, Any] | None:
        return self._rows.get(record_id)


def _sort_key(value: Any) -> tuple:
    # Blanks last; numbers, dates and text each compare among themselves.
    if value is None or value == "":
        return (2, "")
    if isinstance(value, (int, float)):
        return (0, value)
    if isinstance(value, dt.date):
        return (0, value.toordinal())
    return (1, str(value).casefold())


def record_table(
    parent: QWidget, name: str, accessible: str, columns: Sequence[Column],
    widths: dict[str, int] | None = None, stretch: str | None = None,
) -> tuple[QTableView, RecordTableModel]:
    """A read-only, row-selecting, sortable table over a ``RecordTableModel``;
    ``stretch``: the column that takes the room left (else the last one)."""
    model = RecordTableModel(columns, None, parent)
    table = QTableView(parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch is None)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    for column, width in (widths or {}).items():
        table.setColumnWidth(model.column_index(column), width)
    if stretch is not None:
        header.setSectionResizeMode(model.column_index(stretch), QHeaderView.ResizeMode.Stretch)
    return table, model


def current_id(table: QTableView, model: RecordTableModel) -> int | None:
    index = table.currentIndex()
    return model.id_at(index.row()) if index.isValid() and model.rowCount() else None


def select_id(table: QTableView, model: RecordTableModel, record_id: int | None) -> bool:
    """Make ``record_id`` the current row (the first row when it is not listed)."""
    row = model.row_of(record_id) if record_id is not None else None
    if row is None:
        row = 0 if model.rowCount() else None
    if row is None:
        return False
    table.setCurrentIndex(model.index(row, 0))
    table.selectRow(row)
    return model.id_at(row) == record_id


def column_texts(model: RecordTableModel, name: str) -> list[str]:
    col = model.column_index(name)
    return [model.index(r, col).data() for r in range(model.rowCount())]


def year_combo(parent: QWidget, name: str, accessible: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    return combo


def fill_years(
    combo: QComboBox, module: str, session, busy: Iterable[dt.date] = (),
) -> None:
    """The reporting years from FIRST_YEAR to this one, newest first. The year chosen is
    the latest holding one of the ``busy`` dates (so a screen opens on a year with
    records), else this one; a year already chosen stays chosen."""
    chosen = combo.currentData()
    current = period_containing(module, local_today(session.clock))
    periods = [previous(current, n) for n in range(current.start.year - FIRST_YEAR + 1)]
    combo.blockSignals(True)
    try:
        combo.clear()
        for period in periods:
            combo.addItem(f"{period.short_label} ({period.label})", period)
        latest = max(busy, default=None)
        wanted = chosen or (period_containing(module, latest) if latest else current)
        index = next((i for i, p in enumerate(periods) if p == wanted), 0)
        combo.setCurrentIndex(index)
    finally:
        combo.blockSignals(False)


def chosen_period(combo: QComboBox) -> ReportingPeriod | None:
    return combo.currentData()


def fill_codes(combo: QComboBox, codes: CodeList, blank: str | None = None) -> None:
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for code, label in codes.choices():
        combo.addItem(label, code)


def code_label(codes: CodeList, code: Any) -> str:
    return codes.label(code) if code in codes else (code or "")


def problem_words(exc_or_problems: Exception | Iterable[Problem]) -> str:
    """Problems (or a refusal) as lines for a message label: "Error: ..." / "Warning: ..."."""
    if isinstance(exc_or_problems, ValidationFailed):
        problems: Iterable[Problem] = exc_or_problems.problems
    elif isinstance(exc_or_problems, Exception):  # PermissionDenied and the like
        return f"Error: {exc_or_problems}"
    else:
        problems = exc_or_problems
    return "\n".join(f"{'Error' if p.blocking else 'Warning'}: {p.message}" for p in problems)


def show_message(label: QLabel, text: str) -> None:
    """Problems in words (the colour is extra); blank hides the label."""
    label.setText(text)
    label.setStyleSheet(ERROR_STYLE if text.startswith("Error") else WARNING_STYLE if text else "")
    label.setVisible(bool(text))


def message_label(parent: QWidget, name: str, accessible: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setVisible(False)
    return label


def yes_no(value: Any) -> str:
    return "Yes" if value else "No"


def rate_text(rate: Any) -> str:
    """A ``Percent`` (a fraction) as "75%"; "n/a" without a denominator."""
    return "n/a" if rate is None else f"{round(float(rate) * 100)}%"
