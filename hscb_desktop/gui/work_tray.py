"""The work tray page (issue 7): the first screen after sign-in.

Who is signed in (the old home text) at the top, then the counts per kind, then one table
of everything that needs doing, soonest first (``hscb_desktop.tray``). Overdue rows say so
in words (the "Overdue" column, in bold), not by colour alone. Enter or a
double-click opens the row's record in its module's page.

The tray is worked out again whenever it is shown (a record saved on a module page shows
here when the user comes back: the tray and a page's form are never on screen together),
and from the main window's one-second ``clock_tick`` once the session's clock has passed
midnight.
"""
from __future__ import annotations

import datetime as dt
import logging
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from hscb_desktop import tray
from hscb_desktop.core.clock import local_today
from hscb_desktop.core.dates import format_uk
from hscb_desktop.gui import record_links

if TYPE_CHECKING:
    from hscb_desktop.security.session import Session

log = logging.getLogger(__name__)

COLUMNS = ("Overdue", "Due", "When", "Kind", "Reference", "Details", "Module")


def when_text(due: dt.date | None, today: dt.date) -> str:
    if due is None:
        return "now"
    days = (due - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


class WorkTray(QWidget):
    def __init__(self, session: "Session", header: QLabel | None = None, window=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorkTray")
        self.session = session
        # The main window (its pages open the records), weakly: a strong reference would
        # make a cycle that keeps the window's wrapper alive after Qt has deleted it.
        self._window = weakref.ref(window) if window is not None else lambda: None
        self.items: list[tray.TrayItem] = []
        self.shown_for: dt.date | None = None
        self.header = header or QLabel("")
        self.header.setParent(self)
        self.header.setMargin(4)
        self.title = QLabel("<h3>Work tray</h3>")
        self.counts = QLabel("")
        self.counts.setObjectName("TrayCounts")
        self.counts.setWordWrap(True)
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = QPushButton("&Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.open_button = QPushButton("&Open record")
        self.open_button.clicked.connect(self.open_current)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("TrayTable")
        self.table.setAccessibleName("Work tray")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        head = self.table.horizontalHeader()
        for col in range(len(COLUMNS)):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(COLUMNS.index("Details"),
                                  QHeaderView.ResizeMode.Stretch)
        # Column widths from the first 100 rows, not 1,000: the values are short and alike,
        # and ten years of data fill 800 rows (120 -> 50 ms a fill).
        head.setResizeContentsPrecision(100)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.empty = QLabel("")
        self.empty.setObjectName("TrayEmpty")
        self.empty.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.open_button)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 8)
        layout.addWidget(self.header)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        # Worked out when shown (showEvent), once: not also here, where the main window is
        # still being built (ten years of data: ~0.3 s each time, issue 10).

    # -- the home text (tests and the shell read it) --------------------------------------
    def text(self) -> str:
        return self.header.text()

    # -- working the tray out ---------------------------------------------------------------
    def today(self) -> dt.date:
        return local_today(self.session.clock)

    def refresh(self) -> None:
        if not self.session.active:
            return  # locked or signed out: nothing may be read now
        today = self.today()
        try:
            self.items = tray.work_items(self.session, today)
        except Exception:  # noqa: BLE001 - the tray must never stop the window opening
            log.warning("the work tray could not be worked out", exc_info=True)
            self.items = []
            self.empty.setText("The work tray could not be worked out. Try Refresh; "
                               "each module's own lists still work.")
        else:
            self.empty.setText("")
        self.shown_for = today
        self._fill(today)

    def refresh_if_new_day(self) -> bool:
        if self.today() == self.shown_for:
            return False
        self.refresh()
        return True

    def clock_tick(self) -> bool:
        """For the main window's timer: refresh once the clock has passed midnight."""
        if not self.session.active or self.shown_for is None:  # never shown: showEvent will
            return False
        return self.refresh_if_new_day()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.refresh()  # whatever was saved meanwhile on a module page

    def _fill(self, today: dt.date) -> None:
        items = self.items
        overdue = sum(1 for i in items if i.overdue)
        if not self.session.record_domains:
            self.counts.setText("Your roles give no access to records, so nothing is due "
                                "for you here.")
        elif not items:
            self.counts.setText("Nothing needs doing: no item is due or overdue.")
        else:
            parts = [f"{tray.kind_title(k)}: {n}" for k, n in tray.counts_by_kind(items).items()]
            self.counts.setText(f"<b>{len(items)} item{'s' if len(items) != 1 else ''}, "
                                f"{overdue} overdue.</b> " + " · ".join(parts))
        # Empty first: replacing the items of a shown table whose columns resize to their
        # contents re-measures the column on every setItem (17 s for 200 rows; ten years
        # of data fill the tray with 800).
        self.table.setRowCount(0)
        self.table.setRowCount(len(items))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, item in enumerate(items):
            values = ("Overdue" if item.overdue else "",
                      format_uk(item.due_date) if item.due_date else "",
                      when_text(item.due_date, today), item.kind_title, item.ref, item.label,
                      tray.DOMAIN_TITLES.get(item.domain, item.domain))
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                if item.overdue:
                    cell.setFont(bold)
                self.table.setItem(row, col, cell)
        self.table.setVisible(bool(items))
        if items and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)
        self.open_button.setEnabled(bool(items))

    # -- opening a row -----------------------------------------------------------------------
    def column_texts(self, name: str) -> list[str]:
        col = COLUMNS.index(name)
        return [self.table.item(r, col).text() for r in range(self.table.rowCount())]

    def open_current(self) -> bool:
        return self.open_row(self.table.currentRow())

    def open_row(self, row: int) -> bool:
        if not 0 <= row < len(self.items):
            return False
        return self.open_item(self.items[row])

    def open_item(self, item: tray.TrayItem) -> bool:
        """Show the item's module page and, where the page can, the record itself."""
        return record_links.open_record(self._window(), item.domain, item.target, item.record_id)
