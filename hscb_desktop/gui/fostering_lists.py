"""The private fostering lists: find lists for enquiries, notifications and arrangements
(type-ahead over child name, carer name and reference, filters for period, open/ended and
overdue), and the "due and overdue" list.

Each find list is a ``RecordTableModel`` over a ``domains.fostering.queries`` source:
filtering, sorting and paging happen in the database. The due list reads
``queries.DueSource`` (sorted by date); overdue rows say "Overdue" in a column of their
own, not by colour alone, and a child turning 16 (18 if disabled) is a row of its own.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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
from hscb_desktop.domains.fostering import queries
from hscb_desktop.domains.fostering import vocab as V
from hscb_desktop.gui.fostering_arrangement import when_words
from hscb_desktop.gui.fostering_common import plural
from hscb_desktop.gui.tables import Column, RecordListActions, RecordTableModel

SEARCH_DELAY_MS = 150
PAGE_SIZE = 100
PERIODS_SHOWN = 10
_DATES = {"date_received", "start_date", "la_aware_date", "end_date", "next_due", "due"}


def columns(titles: dict[str, str], kinds: dict[str, str] | None = None) -> list[Column]:
    kinds = kinds or {}
    return [
        Column(name, title, kinds.get(name, "date" if name in _DATES else "text"))
        for name, title in titles.items()
    ]


def make_table(parent: QWidget, name: str, accessible: str, model) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _combo(parent: QWidget, name: str, accessible: str, items) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    for label, value in items:
        combo.addItem(label, value)
    return combo


@dataclass(frozen=True)
class ListKind:
    """What one find list shows and how it asks for it."""

    key: str  # "arrangements", "notifications", "enquiries"
    noun: str  # "arrangement"
    titles: dict[str, str]
    source: Callable[..., Any]  # queries.*_list(session, **filters)
    placeholder: str
    widths: dict[str, int]
    status: list[tuple[str, Any]] = field(default_factory=list)  # the status filter
    status_key: str = "status"  # its keyword for the query
    overdue: bool = False  # offers "Overdue only"
    new_text: str = ""  # the New button ("" for none)
    kinds: dict[str, str] = field(default_factory=dict)


ARRANGEMENTS = ListKind(
    key="arrangements",
    noun="arrangement",
    titles=queries.ARRANGEMENT_COLUMNS,
    source=queries.arrangement_list,
    placeholder="Child's name, carer's name or reference",
    widths={"ref": 100, "child_name": 135, "carer_name": 135, "start_date": 82,
            "la_aware_date": 108, "end_date": 82, "status": 60, "next_due": 82,
            "next_due_kind": 175},
    status=[("Open and ended", None), ("Open", "open"), ("Ended", "ended")],
    overdue=True,
    kinds={"overdue": "bool"},
)
NOTIFICATIONS = ListKind(
    key="notifications",
    noun="notification",
    titles=queries.NOTIFICATION_COLUMNS,
    source=queries.notification_list,
    placeholder="Child's name, carer's name or reference",
    widths={"ref": 100, "date_received": 82, "child_name": 150, "carer_name": 150,
            "notification_type": 200, "notifier_type": 180, "notice_given_in_time": 95},
    status=[("All decisions", None), ("Arrangement recorded", "arrangement"),
            ("Did not progress", "not_progressed"), ("Awaiting decision", "pending")],
    new_text="&New notification",
)
ENQUIRIES = ListKind(
    key="enquiries",
    noun="enquiry",
    titles=queries.ENQUIRY_COLUMNS,
    source=queries.enquiry_list,
    placeholder="Reference, enquirer's name or other authority",
    widths={"ref": 110, "date_received": 82, "enquirer_type": 170, "enquirer_name": 160,
            "outcome": 260},
    status=[("All outcomes", None), *((label, code) for code, label in
                                      V.ENQUIRY_OUTCOMES.choices()),
            ("Not yet recorded", "none")],
    status_key="outcome",
    new_text="&New enquiry",
)


class FindList(RecordListActions, QWidget):
    """Search box, filters and a sortable table over one kind of record."""

    open_requested = Signal(int)
    new_requested = Signal()

    def __init__(self, session, kind: ListKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.kind = session, kind
        self.setObjectName(f"{kind.key}List")
        plural_noun = "enquiries" if kind.noun == "enquiry" else kind.noun + "s"
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(kind.placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(f"Search {plural_noun}")
        search_label = QLabel("&Find", self)
        search_label.setBuddy(self.search)
        self.period = _combo(self, "period", "Reporting period", self._periods())
        self.status = _combo(self, "status", "Status", kind.status)
        self.overdue = QCheckBox("&Overdue only", self)
        self.overdue.setObjectName("overdue")
        self.overdue.setToolTip(f"Only {plural_noun} with a visit or assessment overdue")
        self.overdue.setVisible(kind.overdue)
        filter_label = QLabel("Filte&r", self)
        filter_label.setBuddy(self.period)
        self.new_button = QPushButton(kind.new_text or "New", self)
        self.new_button.setVisible(bool(kind.new_text))
        self.new_button.setToolTip(f"Record a new {kind.noun} (Ctrl+N)")
        self.new_button.clicked.connect(self.new_requested)
        self.count = QLabel(self)
        self.count.setObjectName("count")

        self.model = RecordTableModel(
            columns(kind.titles, kind.kinds), None, self, page_size=PAGE_SIZE
        )
        self.table = make_table(self, kind.key, f"Private fostering {plural_noun}", self.model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._activated)
        for name, width in kind.widths.items():
            self.table.setColumnWidth(self.model.column_index(name), width)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(filter_label)
        filters.addWidget(self.period)
        filters.addWidget(self.status)
        filters.addWidget(self.overdue)
        filters.addStretch(1)
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
        self.period.currentIndexChanged.connect(self.refresh)
        self.status.currentIndexChanged.connect(self.refresh)
        self.overdue.toggled.connect(self.refresh)
        if kind.new_text:
            shortcut = QShortcut(QKeySequence.StandardKey.New, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.new_requested)
        self.setFocusProxy(self.search)
        self.refresh()

    def _periods(self) -> list[tuple[str, Any]]:
        current = period_containing("fostering", local_today(self.session.clock))
        periods = [previous(current, n) for n in range(PERIODS_SHOWN)]
        return [("All periods", None), *((p.label, p) for p in periods)]

    def filters(self) -> dict[str, Any]:
        """The query's keyword arguments the search box and filters stand for."""
        out = {
            "period": self.period.currentData(),
            self.kind.status_key: self.status.currentData(),
            "text": self.search.text().strip(),
        }
        if self.kind.overdue:
            out["overdue"] = self.overdue.isChecked()
        return out

    def _search_now(self) -> None:
        self._timer.stop()
        self.refresh()

    def refresh(self) -> None:
        """Ask the database again (after a filter change or a save); keeps the sort and,
        with the same filters, the rows loaded."""
        self._timer.stop()
        source = self.kind.source(self.session, **self.filters())
        current = self.model.source
        if current is not None and getattr(current, "filters", None) == source.filters:
            self.model.refresh()
        else:
            self.model.set_source(source)
        n = self.model.total()
        self.count.setText("" if n is None else plural(n, self.kind.noun,
                                                       "enquiries" if self.kind.noun ==
                                                       "enquiry" else None))

    # -- for the page and tests ---------------------------------------------------------


# -- the due and overdue list ---------------------------------------------------------------

DUE_TITLES = {
    "overdue": "Overdue?",
    "due": "Due",
    "when": "When",
    "kind": "What is due",
    "child": "Child",
    "ref": "Reference",
}


class DueRows:
    """``queries.DueSource`` as the table shows it: "Overdue" in words, and how far off."""

    def __init__(self, source: queries.DueSource, today: dt.date) -> None:
        self.source, self.today = source, today

    def ids(self, sort: str | None, descending: bool) -> list[int]:
        return self.source.ids("due" if sort == "when" else sort, descending)

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        out = self.source.rows(ids)
        for row in out.values():
            row["when"] = when_words(row["due"], self.today)
            row["overdue"] = "Overdue" if row["overdue"] else ""
        return out


class DueList(QWidget):
    """What is due and overdue, soonest first. Enter (or a double-click) opens the
    arrangement, or the notification still waiting for a decision."""

    open_arrangement = Signal(int)
    open_notification = Signal(int)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("dueList")
        self.shown_for: dt.date | None = None  # the day the list was worked out for
        self.source: queries.DueSource | None = None
        heading = QLabel(
            "Visits, assessments and birthdays that end private fostering, soonest first. "
            "Press Enter to open one.",
            self,
        )
        heading.setWordWrap(True)
        self.overdue_only = QCheckBox("Overdue &only", self)
        self.overdue_only.setObjectName("overdueOnly")
        self.overdue_only.toggled.connect(self.refresh)
        self.summary = QLabel(self)
        self.summary.setObjectName("dueSummary")
        self.model = RecordTableModel(columns(DUE_TITLES), None, self)
        self.table = make_table(self, "due", "Due and overdue", self.model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._activated)
        for name, width in {"overdue": 75, "due": 82, "when": 100, "kind": 280,
                            "child": 170}.items():
            self.table.setColumnWidth(self.model.column_index(name), width)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.overdue_only)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        self.refresh()

    def today(self) -> dt.date:
        return local_today(self.session.clock)

    def refresh(self) -> None:
        """Work the list out again for today (after a save, or when the day changes)."""
        today = self.today()
        overdue_only = self.overdue_only.isChecked()
        if self.source is not None and self.source.overdue_only == overdue_only:
            self.source.refresh()  # worked out again for the session clock's date
        else:
            self.source = queries.DueSource(self.session, overdue_only=overdue_only)
        self.model.set_source(DueRows(self.source, today))
        self.shown_for = today
        items = self.source.items
        overdue = sum(1 for i in items if i.overdue)
        self.summary.setText(f"{plural(len(items), 'item')} due, {overdue:,} overdue")
        if self.model.rowCount():
            self.table.selectRow(0)

    def refresh_if_new_day(self) -> bool:
        """Refresh when the clock has passed midnight since the list was worked out."""
        if self.today() == self.shown_for:
            return False
        self.refresh()
        return True

    def item_at(self, row: int):
        assert self.source is not None
        return self.source.item(self.model.id_at(row))

    def column_texts(self, name: str) -> list[str]:
        col = self.model.column_index(name)
        return [self.model.index(r, col).data() for r in range(self.model.rowCount())]

    def open_row(self, row: int) -> None:
        item = self.item_at(row)
        if item.arrangement_id is not None:
            self.open_arrangement.emit(item.arrangement_id)
        else:
            self.open_notification.emit(item.notification_id)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(index.row())
