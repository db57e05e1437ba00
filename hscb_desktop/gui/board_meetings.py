"""The Meetings tab: a reporting year's Board meetings, and the meeting form with its
attendance grid (``gui.board_meeting_form``) in the same place.

New meeting (Ctrl+N) opens the form dated today with the grid of the seats active
that day; Enter on a meeting opens it. "Back" asks first about unsaved changes.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.domains.board import service
from hscb_desktop.gui.board_common import (
    ListSource,
    chosen_period,
    current_id,
    fill_years,
    problem_words,
    record_table,
    select_id,
    year_combo,
)
from hscb_desktop.gui.board_grid import quorum_text
from hscb_desktop.gui.board_meeting_form import MeetingForm
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.tables import Column

COLUMNS = [
    Column("meeting_date", "Date", "date"),
    Column("type_label", "Type"),
    Column("counts_for_attendance", "Counts", "bool"),
    Column("present", "Quorum seats present", "int"),
    Column("quorum_text", "Quorum"),
    Column("notes", "Notes"),
]


class MeetingsTab(QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = year_combo(self, "meetingYear", "Reporting year of the meetings")
        year_label = QLabel("Ye&ar", self)
        year_label.setBuddy(self.year)
        self.new_button = QPushButton("&New meeting", self)
        self.new_button.setToolTip("Record a meeting and its attendance (Ctrl+N)")
        self.open_button = QPushButton("&Open", self)
        self.open_button.setToolTip("Open the chosen meeting's attendance grid (Enter)")
        self.count = QLabel(self)
        self.table, self.model = record_table(
            self, "meetings", "Board meetings", COLUMNS,
            {"meeting_date": 90, "type_label": 190, "counts_for_attendance": 65,
             "present": 160, "quorum_text": 380},
            stretch="notes",
        )
        self.form = MeetingForm(session, self)

        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.count)
        top.addWidget(self.open_button)
        top.addWidget(self.new_button)
        self.list_page = QWidget(self)
        list_layout = QVBoxLayout(self.list_page)
        list_layout.addLayout(top)
        list_layout.addWidget(self.table, 1)
        self.list_page.setFocusProxy(self.table)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(self.new_meeting)
        self.open_button.clicked.connect(self.open_current)
        self.table.activated.connect(lambda _index: self.open_current())
        self.form.back_requested.connect(self.show_list)
        self.form.close_requested.connect(lambda: self._show_list(self.form.record_id))
        self.form.meeting_saved.connect(lambda _id: self.refresh())
        shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_meeting)
        self.reload_years()

    # -- the list -----------------------------------------------------------------
    def reload_years(self) -> None:
        """Offer the years again (the one with the latest meeting chosen first)."""
        dates = [m["meeting_date"] for m in service.list_meetings(self.session)]
        fill_years(self.year, "board", self.session, dates)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        select = select if select is not None else current_id(self.table, self.model)
        period = chosen_period(self.year)
        sectors = service.get_quorum_rule(self.session).get("sectors") or []
        rows = []
        for m in service.list_meetings(self.session, period=period):
            text = quorum_text(m["quorum"], sectors)
            if m.get("quorate_override") is not None:
                text = ("Quorate" if m["quorate"] else "Not quorate") + " (as recorded)"
            rows.append({**m, "quorum_text": text, "present": m["quorum"].present})
        self.model.set_source(ListSource(rows))
        n = len(rows)
        self.count.setText(f"{n} meeting{'s' if n != 1 else ''}")
        select_id(self.table, self.model, select)

    def meeting_ids(self) -> list[int]:
        return [self.model.id_at(r) for r in range(self.model.rowCount())]

    def select_meeting(self, meeting_id: int) -> None:
        select_id(self.table, self.model, meeting_id)

    # -- navigation ---------------------------------------------------------------
    def showing_form(self) -> bool:
        return self.stack.currentWidget() is self.form

    def confirm_leave(self) -> bool:
        return not self.showing_form() or self.form.confirm_leave(self)

    def new_meeting(self) -> bool:
        if not self.confirm_leave():
            return False
        try:
            self.form.load(None)
        except PermissionDenied as exc:
            Dialogs.error(self, "Cannot record a meeting", str(exc))
            return False
        self.stack.setCurrentWidget(self.form)
        self.form.ui.meeting_date.setFocus()
        self.form.ui.meeting_date.selectAll()
        return True

    def open_current(self) -> bool:
        meeting_id = current_id(self.table, self.model)
        return meeting_id is not None and self.open_meeting(meeting_id)

    def open_meeting(self, meeting_id: int) -> bool:
        if self.showing_form() and self.form.record_id == meeting_id:
            return True
        if not self.confirm_leave():
            return False
        try:
            self.form.reload(meeting_id)
        except (ValidationFailed, PermissionDenied) as exc:
            Dialogs.warn(self, "Cannot open", problem_words(exc))
            self._show_list(None)
            return False
        self.stack.setCurrentWidget(self.form)
        self.form.ui.grid.go_to_first()
        self.form.ui.grid.setFocus()
        return True

    def show_list(self) -> bool:
        if not self.confirm_leave():
            return False
        self._show_list(self.form.record_id)
        return True

    def _show_list(self, select: int | None) -> None:
        saved = self.form.record
        if saved is not None:  # show the year of the meeting just saved or left
            for i in range(self.year.count()):
                if self.year.itemData(i).contains(saved["meeting_date"]):
                    self.year.blockSignals(True)
                    self.year.setCurrentIndex(i)
                    self.year.blockSignals(False)
                    break
        self.stack.setCurrentWidget(self.list_page)
        self.refresh(select)
        self.table.setFocus()
