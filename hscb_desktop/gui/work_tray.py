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

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QStyle, QTableView,
    QVBoxLayout, QWidget,
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


_DISPLAY, _TOOLTIP, _FONT = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
                             int(Qt.ItemDataRole.FontRole))


class TrayModel(QAbstractTableModel):
    """The tray's rows: texts made when the view asks for them (the rows on screen), not
    for all 800 of ten years."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[tray.TrayItem] = []
        self.today = dt.date.min
        self.bold = QFont()  # the table's font in bold, set with the items
        self._texts: dict[int, tuple[str, ...]] = {}

    def set_items(self, items: list[tray.TrayItem], today: dt.date, font: QFont) -> None:
        self.beginResetModel()
        self.items, self.today, self._texts = items, today, {}
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.endResetModel()

    def texts(self, row: int) -> tuple[str, ...]:
        got = self._texts.get(row)
        if got is None:
            item = self.items[row]
            got = self._texts[row] = (
                "Overdue" if item.overdue else "",
                format_uk(item.due_date) if item.due_date else "",
                when_text(item.due_date, self.today), item.kind_title, item.ref, item.label,
                tray.DOMAIN_TITLES.get(item.domain, item.domain))
        return got

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role: int = _DISPLAY):  # noqa: ANN201 - Qt API
        if role == _DISPLAY or role == _TOOLTIP:
            return self.texts(index.row())[index.column()]
        if role == _FONT and self.items[index.row()].overdue:
            return self.bold
        return None

    def headerData(self, section: int, orientation, role: int = _DISPLAY):  # noqa: N802
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None


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
        self.model = TrayModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setObjectName("TrayTable")
        self.table.setAccessibleName("Work tray")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Widths are worked out from the longest text each column can hold (_size_columns),
        # not by measuring rows: resizing to contents asks the model for every cell of the
        # first rows, and ten years of data fill the tray with 800 (issue 10).
        self.table.horizontalHeader().setSectionResizeMode(COLUMNS.index("Details"),
                                                           QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
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
            self.empty.show()
        else:
            self.empty.setText("")
            self.empty.hide()  # no gap above the table
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
        self.model.set_items(items, today, self.table.font())
        self._size_columns(items, today)
        self.table.setVisible(bool(items))
        if items:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.open_button.setEnabled(bool(items))

    def _size_columns(self, items: list[tray.TrayItem], today: dt.date) -> None:
        """Each short column as wide as its header or its longest possible text (in bold,
        as overdue rows are); the user can still drag them. Details takes the rest."""
        dated = [i.due_date for i in items if i.due_date is not None]
        extremes = [when_text(d, today) for d in (min(dated), max(dated))] if dated else []
        longest = {
            "Overdue": ["Overdue"],
            "Due": ["00/00/0000"],
            "When": ["tomorrow", "yesterday", "today", "now", *extremes],
            "Kind": [title for _domain, title in tray.KINDS.values()],
            "Reference": [max((i.ref for i in items), key=len, default="")],
            "Module": list(tray.DOMAIN_TITLES.values()),
        }
        bold = QFontMetrics(self.model.bold)
        style = self.table.style()
        cell_margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8
        head = self.table.horizontalHeader()
        head_metrics = head.fontMetrics()
        head_margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 8
        for name, texts in longest.items():
            width = max(max(bold.horizontalAdvance(t) for t in texts) + cell_margin,
                        head_metrics.horizontalAdvance(name) + head_margin)
            head.resizeSection(COLUMNS.index(name), width)

    # -- opening a row -----------------------------------------------------------------------
    def column_texts(self, name: str) -> list[str]:
        col = COLUMNS.index(name)
        return [self.model.texts(r)[col] for r in range(self.model.rowCount())]

    def open_current(self) -> bool:
        return self.open_row(self.table.currentIndex().row())

    def open_row(self, row: int) -> bool:
        if not 0 <= row < len(self.items):
            return False
        return self.open_item(self.items[row])

    def open_item(self, item: tray.TrayItem) -> bool:
        """Show the item's module page and, where the page can, the record itself."""
        return record_links.open_record(self._window(), item.domain, item.target, item.record_id)
