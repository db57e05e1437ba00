"""The LADO list: type-ahead search, filters and a sortable table over
``domains.lado.queries.contact_list`` (filtering, sorting and paging happen in the
database: the first screen is one query for one page, more pages load as the table
scrolls, and the "N contacts" count is asked for just after the page is shown)."""
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
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.periods import period_containing, previous
from hscb_desktop.domains.lado import queries
from hscb_desktop.domains.lado import vocab as V
from hscb_desktop.gui.tables import Column, RecordListActions, RecordTableModel

SEARCH_DELAY_MS = 150
PAGE_SIZE = 100  # rows per query: two to four screens
PERIODS_SHOWN = 10  # the current reporting year and the nine before it
_KINDS = {"date_received": "date", "retention_review_date": "date", "days_open": "int"}
COLUMNS = [
    Column(name, title, _KINDS.get(name, "text")) for name, title in queries.COLUMN_TITLES.items()
]


class LadoListWidget(RecordListActions, QWidget):
    open_requested = Signal(int)
    new_requested = Signal()

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._chosen: list[int] | None = None

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Reference, employer, subject name or role")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search contacts")
        search_label = QLabel("&Find", self)
        search_label.setBuddy(self.search)

        self.period = self._combo("period", "Reporting period", self._periods())
        self.kind = self._combo(
            "kind",
            "Consultation or threshold case",
            [("All types", None), ("Consultations", False), ("Threshold cases", True)],
        )
        self.status = self._combo(
            "status",
            "Open or closed",
            [("Open and closed", None), ("Open", "open"), ("Closed", "closed")],
        )
        self.sector_group = self._combo(
            "sector_group",
            "Sector group",
            [("All sectors", None), *((label, code) for code, label in V.SECTOR_GROUPS.choices())],
        )
        self.outcome = self._combo(
            "outcome",
            "Outcome",
            [("All outcomes", None), *((label, code) for code, label in V.OUTCOMES.choices())],
        )
        filter_label = QLabel("Filte&r", self)
        filter_label.setBuddy(self.period)
        self.new_button = QPushButton("&New contact", self)
        self.new_button.setToolTip("Log a new LADO contact (Ctrl+N)")
        self.new_button.clicked.connect(self.new_requested)

        self.count = QLabel(self)
        self.count.setObjectName("count")
        self.chosen_text = QLabel(self)
        self.show_all = QPushButton("Show &all contacts", self)
        self.show_all.clicked.connect(self.clear_chosen)

        self.model = RecordTableModel(COLUMNS, None, self, page_size=PAGE_SIZE)
        self.table = QTableView(self)
        self.table.setObjectName("contacts")
        self.table.setAccessibleName("LADO contacts")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Newest first (the source's natural order) until the user clicks a header.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._activated)  # Enter, or double-click
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        ref_width = self.fontMetrics().horizontalAdvance("LADO-2026-0000") + 16
        widths = {"ref": ref_width, "date_received": 82, "type": 92, "employer": 180,
                  "sector_group": 100, "subject_name": 115, "subject_role": 100, "outcome": 95,
                  "status": 55, "days_open": 72, "timeliness": 72}
        for name, width in widths.items():
            self.table.setColumnWidth(self.model.column_index(name), width)

        self.search.setMinimumWidth(240)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(filter_label)
        for combo in (self.period, self.kind, self.status, self.sector_group, self.outcome):
            filters.addWidget(combo, 1)
        filters.addStretch(1)
        filters.addWidget(self.chosen_text)
        filters.addWidget(self.show_all)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._search_now)
        for combo in (self.period, self.kind, self.status, self.sector_group, self.outcome):
            combo.currentIndexChanged.connect(self.refresh)
        # The count is a second query (a scan when a search matches many contacts): it
        # runs once the first page has been handed to the view, not before.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._show_count)
        self.search.textChanged.connect(self._count_timer.stop)  # that count is stale now
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
        # Five combos as wide as their longest choices made the page wider than a
        # 1024-pixel screen: each may shrink to 8 characters (the whole choice is then its
        # tooltip) and grows back to its full width when there is room.
        combo.setMaximumWidth(combo.sizeHint().width())
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.setToolTip(combo.currentText())
        combo.currentTextChanged.connect(combo.setToolTip)
        return combo

    def _periods(self) -> list[tuple[str, Any]]:
        current = period_containing("lado", local_today(self.session.clock))
        periods = [previous(current, n) for n in range(PERIODS_SHOWN)]
        return [("All periods", None), *((p.label, p) for p in periods)]

    def filters(self) -> dict[str, Any]:
        """The contact_list keyword arguments the search box and combos stand for."""
        return {
            "period": self.period.currentData(),
            "threshold": self.kind.currentData(),
            "status": self.status.currentData(),
            "sector_group": self.sector_group.currentData(),
            "outcome": self.outcome.currentData(),
            "text": self.search.text().strip(),
        }

    def _search_now(self) -> None:
        self._timer.stop()
        self.refresh()

    # -- contents ---------------------------------------------------------
    def refresh(self) -> None:
        """Ask the database again (after a filter change or a save); keeps the sort.
        With the same filters (after a save) as many rows as were loaded come back, so
        the table keeps its place; new filters or search text start from the first page."""
        self._timer.stop()
        source = queries.contact_list(self.session, **self.filters(), among=self._chosen)
        current = self.model.source
        if isinstance(current, queries.ContactList) and current.filters == source.filters:
            self.model.refresh()
        else:
            self.model.set_source(source)
        if self.model.canFetchMore():
            self._count_timer.start()  # more than one page: count after this one is shown
        else:
            self._show_count()  # every row is loaded: no query needed
        chosen = self._chosen is not None
        self.chosen_text.setVisible(chosen)
        self.show_all.setVisible(chosen)

    def _show_count(self) -> None:
        self._count_timer.stop()
        if self.session.locked:  # signed out or locked before the timer fired: the store
            return  # may be closed; the next refresh counts again
        n = self.model.total()
        self.count.setText("" if n is None else f"{n:,} contact{'s' if n != 1 else ''}")

    def show_chosen(self, ids: list[int], caption: str = "") -> None:
        """List only these contacts (still subject to the filters) until "Show all"."""
        self._chosen = list(ids)
        self.chosen_text.setText(caption or f"Showing {len(ids)} related contacts")
        self.refresh()

    def clear_chosen(self) -> None:
        self._chosen = None
        self.refresh()

