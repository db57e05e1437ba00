"""The CDOP case list: type-ahead search by reference, NHS number or name, filters, and the
coordinator's work lists, over ``domains.cdop.queries.case_list`` (a paged source: the
database filters, sorts and pages).

The strip above the table counts what needs attention (``queries.summary``): open cases,
those open over 6 and 12 months since the death, deaths awaiting agency reports and deaths
ready for panel; each count is a button that shows that list.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.periods import period_containing, previous
from hscb_desktop.domains.cdop import queries
from hscb_desktop.domains.cdop import vocab as V
from hscb_desktop.gui.cdop_common import plural
from hscb_desktop.gui.tables import Column, RecordListActions, RecordTableModel

SEARCH_DELAY_MS = 150
PAGE_SIZE = 100
PERIODS_SHOWN = 10
_KINDS = {"date_of_death": "date", "next_meeting": "date", "review_completed_date": "date",
          "days_since_death": "int"}
_TITLES = {**queries.COLUMN_TITLES, "days_since_death": "Days", "expected": "Expected",
           "review_completed_date": "Reviewed on"}
# How long a case has been open comes before what the review found (the widest column,
# last, takes the room that is left).
_ORDER = ("ref", "name", "nhs_number", "date_of_death", "age_band", "expected",
          "days_since_death", "open_flag", "status", "reports", "next_meeting",
          "review_completed_date", "category")
COLUMNS = [Column(name, _TITLES[name], _KINDS.get(name, "text")) for name in _ORDER]
# Columns with nothing to say in a list: open cases have no category or review date yet.
_OPEN_HIDES = ("category", "status", "review_completed_date")
HIDDEN: dict[str, tuple[str, ...]] = {
    "all": ("review_completed_date", "reports"),
    "open": _OPEN_HIDES,
    "over6": _OPEN_HIDES,
    "over12": _OPEN_HIDES,
    "awaiting": _OPEN_HIDES,
    "ready": _OPEN_HIDES,
    "reviewed": ("open_flag", "status"),
}
# The work lists: (label, case_list keyword arguments).
SHOWS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("all", "All cases", {}),
    ("open", "Open cases", {"status": "open"}),
    ("over6", "Open over 6 months", {"open_over_months": 6}),
    ("over12", "Open over 12 months", {"open_over_months": 12}),
    ("awaiting", "Awaiting agency reports", {"awaiting_reports": True}),
    ("ready", "Ready for panel", {"ready_for_panel": True}),
    ("reviewed", "Reviewed", {"status": "reviewed"}),
)
_FLAG_WORDS = {">12m": "12 months", ">6m": "6 months"}


_HEADER_TIPS = {
    "days_since_death": "Days from the death to today, or to the review for a reviewed case",
    "open_flag": "Still open more than 6 or 12 months after the death",
    "next_meeting": "The latest panel meeting whose agenda holds the case",
}


class CaseModel(RecordTableModel):
    """The case table, with tooltips: on the headers that need one, and on each cell (the
    whole text of a category cut short by its column)."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole:
            return super().data(index, Qt.ItemDataRole.DisplayRole) or None
        return super().data(index, role)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return _HEADER_TIPS.get(COLUMNS[section].name) if 0 <= section < len(COLUMNS) else None
        return super().headerData(section, orientation, role)


class CaseSource:
    """``queries.CaseList`` with the open flag in words ("12 months", not ">12m")."""

    def __init__(self, cases: queries.CaseList) -> None:
        self.cases = cases
        self.filters = cases.filters

    @staticmethod
    def _words(row: dict[str, Any]) -> dict[str, Any]:
        row["open_flag"] = _FLAG_WORDS.get(row.get("open_flag"), row.get("open_flag") or "")
        return row

    def page(self, offset: int, limit: int, sort: str | None = None, descending: bool = False):
        return [(i, self._words(r)) for i, r in self.cases.page(offset, limit, sort, descending)]

    def count(self) -> int:
        return self.cases.count()

    def ids(self, sort: str | None = None, descending: bool = False) -> list[int]:
        return self.cases.ids(sort, descending)

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        return {i: self._words(r) for i, r in self.cases.rows(ids).items()}


class CdopCaseList(RecordListActions, QWidget):
    open_requested = Signal(int)
    new_requested = Signal()

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Reference, NHS number or child's name")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Find cases")
        search_label = QLabel("&Find", self)
        search_label.setBuddy(self.search)
        self.new_button = QPushButton("&New notification", self)
        self.new_button.setToolTip("Record a new child death notification (Ctrl+N)")
        self.new_button.clicked.connect(self.new_requested)

        self.show_combo = self._combo("show", "Which cases", [(t, k) for k, t, _ in SHOWS])
        self.expected = self._combo(
            "expected", "Expected or unexpected",
            [("Expected and unexpected", None), *((l, c) for c, l in V.EXPECTED.choices())],
        )
        self.category = self._combo(
            "category", "Category of death",
            [("All categories", None), *((l, c) for c, l in V.CATEGORIES.choices())],
        )
        self.category.setMaximumWidth(260)
        self.period = self._combo("period", "Year the review was completed", self._periods())
        filter_label = QLabel("Sho&w", self)
        filter_label.setBuddy(self.show_combo)

        # What needs attention: each count opens its list.
        self.summary_buttons: dict[str, QPushButton] = {}
        strip = QHBoxLayout()
        strip.setSpacing(4)
        attention = QLabel("Needs attention:", self)
        strip.addWidget(attention)
        for key in ("open", "over12", "over6", "awaiting", "ready"):
            button = QPushButton(self)
            button.setObjectName(f"summary_{key}")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, k=key: self.show_list(k))
            self.summary_buttons[key] = button
            strip.addWidget(button)
        strip.addStretch(1)
        self.count = QLabel(self)
        self.count.setObjectName("count")
        strip.addWidget(self.count)

        self.model = CaseModel(COLUMNS, None, self, page_size=PAGE_SIZE)
        self.table = QTableView(self)
        self.table.setObjectName("cases")
        self.table.setAccessibleName("CDOP cases")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._activated)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        metrics = self.fontMetrics()
        samples = {"ref": "CDOP-2026-000", "nhs_number": "999 000 0000",
                   "date_of_death": "00/00/0000", "age_band": "28–364 days",
                   "expected": "Unexpected", "reports": "2 of 2 received",
                   "next_meeting": "00/00/0000", "status": "Reviewed", "days_since_death": "Days",
                   "open_flag": "12 months", "review_completed_date": "Reviewed on"}
        for name, sample in samples.items():
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(
                _TITLES[name])) + 18
            self.table.setColumnWidth(self.model.column_index(name), width)
        self.table.setColumnWidth(self.model.column_index("name"), 120)
        self.table.setColumnWidth(self.model.column_index("category"), 150)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(filter_label)
        for combo in (self.show_combo, self.expected, self.category, self.period):
            filters.addWidget(combo)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(strip)
        layout.addWidget(self.table, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._search_now)
        for combo in (self.show_combo, self.expected, self.category, self.period):
            combo.currentIndexChanged.connect(self.refresh)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._show_count)
        self.search.textChanged.connect(self._count_timer.stop)
        shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_requested)
        self.setFocusProxy(self.search)
        self.refresh()

    # -- filters ----------------------------------------------------------
    def _combo(self, name: str, accessible: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        for label, value in items:
            combo.addItem(label, value)
        return combo

    def _periods(self) -> list[tuple[str, Any]]:
        current = period_containing("cdop", local_today(self.session.clock))
        periods = [previous(current, n) for n in range(PERIODS_SHOWN)]
        return [("Reviewed in any year", None),
                *((f"Reviewed in {p.short_label}", p) for p in periods)]

    def filters(self) -> dict[str, Any]:
        """The case_list keyword arguments the search box and combos stand for."""
        show = dict(next(f for k, _t, f in SHOWS if k == self.show_combo.currentData()))
        show.update(
            expected=self.expected.currentData(),
            category=self.category.currentData(),
            period=self.period.currentData(),
            text=self.search.text().strip(),
        )
        return show

    def show_list(self, key: str) -> None:
        """One of the work lists (``SHOWS``), with the other filters cleared."""
        for combo in (self.expected, self.category, self.period):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        index = self.show_combo.findData(key)
        if index == self.show_combo.currentIndex():
            self.refresh()
        else:
            self.show_combo.setCurrentIndex(index)
        self.table.setFocus()
        if self.model.rowCount():
            self.table.selectRow(0)

    def _search_now(self) -> None:
        self._timer.stop()
        self.refresh()

    # -- contents ---------------------------------------------------------
    def refresh(self) -> None:
        self._timer.stop()
        source = CaseSource(queries.case_list(self.session, **self.filters()))
        current = self.model.source
        if isinstance(current, CaseSource) and current.filters == source.filters:
            self.model.refresh()
        else:
            self.model.set_source(source)
        if self.model.canFetchMore():
            self._count_timer.start()
        else:
            self._show_count()
        self._show_summary()
        hidden = HIDDEN.get(self.show_combo.currentData(), ())
        for column in COLUMNS:
            self.table.setColumnHidden(self.model.column_index(column.name),
                                       column.name in hidden)

    def _show_count(self) -> None:
        self._count_timer.stop()
        n = self.model.total()
        self.count.setText("" if n is None else plural(n, "case"))

    def _show_summary(self) -> None:
        counts = queries.summary(self.session)
        words = {
            "open": ("open", counts["open"]),
            "over12": ("open over 12 months", counts["open_over_12_months"]),
            "over6": ("open over 6 months", counts["open_over_6_months"]),
            "awaiting": ("awaiting agency reports", counts["awaiting_reports"]),
            "ready": ("ready for panel", counts["ready_for_panel"]),
        }
        for key, (text, n) in words.items():
            button = self.summary_buttons[key]
            button.setText(f"{n:,} {text}")
            button.setToolTip(f"Show the {n:,} case{'s' if n != 1 else ''} {text}")
            bold = key == "over12" and n > 0
            button.setStyleSheet("font-weight: bold; color: #9b1c1c;" if bold else "")

    def summary_text(self) -> str:
        return " · ".join(b.text() for b in self.summary_buttons.values())

