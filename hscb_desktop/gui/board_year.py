"""The Year view: what a reporting year's Board attendance adds up to (``board.queries``):
each seat's "n/m" (the figure table B1 prints), attendance by agency, and the seats
that missed two counting meetings in a row."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from hscb_desktop.core.clock import local_today
from hscb_desktop.domains.board import queries, service
from hscb_desktop.gui.board_common import (
    ListSource,
    chosen_period,
    fill_years,
    rate_text,
    record_table,
    year_combo,
)
from hscb_desktop.gui.tables import Column

SEAT_COLUMNS = [
    Column("label", "Seat (as table B1 prints it)"),
    Column("agency", "Agency"),
    Column("text", "Attended", align=Qt.AlignmentFlag.AlignCenter),
    Column("deputies", "By a deputy", "int"),
    Column("rate", "Rate", align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
]
AGENCY_COLUMNS = [
    Column("agency", "Agency"),
    Column("seats", "Seats", "int"),
    Column("text", "Attended", align=Qt.AlignmentFlag.AlignCenter),
    Column("rate", "Rate", align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
]
MISSED_COLUMNS = [
    Column("label", "Seat"),
    Column("longest", "Missed", "int"),
    Column("since", "From", "date"),
    Column("current", "Ongoing"),
]


class YearTab(QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = year_combo(self, "attendanceYear", "Reporting year of the figures")
        year_label = QLabel("Ye&ar", self)
        year_label.setBuddy(self.year)
        self.summary = QLabel(self)
        self.summary.setObjectName("yearSummary")
        self.seats, self.seat_model = record_table(
            self, "seatAttendance", "Attendance by seat", SEAT_COLUMNS,
            {"agency": 170, "text": 70, "deputies": 85, "rate": 50}, stretch="label",
        )
        self.agencies, self.agency_model = record_table(
            self, "agencyAttendance", "Attendance by agency", AGENCY_COLUMNS,
            {"seats": 45, "text": 65, "rate": 50}, stretch="agency",
        )
        self.missed, self.missed_model = record_table(
            self, "missedTwo", "Seats that missed two meetings in a row", MISSED_COLUMNS,
            {"longest": 55, "since": 82, "current": 65}, stretch="label",
        )
        self.missed_title = QLabel(self)

        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("By agency", self))
        right_layout.addWidget(self.agencies, 3)
        right_layout.addWidget(self.missed_title)
        right_layout.addWidget(self.missed, 2)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("By seat: meetings attended of those the seat could attend",
                                     self))
        left_layout.addWidget(self.seats, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.setFocusProxy(self.seats)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.reload_years()

    def reload_years(self) -> None:
        dates = [m["meeting_date"] for m in service.list_meetings(self.session)]
        fill_years(self.year, "board", self.session, dates)
        self.refresh()

    def refresh(self) -> None:
        period = chosen_period(self.year)
        if period is None:
            return
        figures = queries.seat_attendance(self.session, period)
        self.seat_model.set_source(ListSource([
            {"id": f.role_id, "label": f.label, "agency": f.agency_name or "",
             "text": f.text, "deputies": f.deputy_attended or None, "rate": rate_text(f.rate)}
            for f in figures
        ]))
        self.agency_model.set_source(ListSource([
            {"agency": a.agency_name, "seats": a.seats, "text": f"{a.attended}/{a.possible}",
             "rate": rate_text(a.rate)}
            for a in queries.agency_attendance(self.session, period)
        ], key=""))
        missed = queries.missed_two_in_a_row(self.session, period)
        self.missed_model.set_source(ListSource([
            {"id": m["role_id"], "label": m["label"], "longest": m["longest"],
             "since": m["runs"][-1][0], "current": "Yes" if m["current"] else ""}
            for m in missed
        ]))
        self.missed_title.setText(
            f"Missed two meetings in a row: {len(missed)} seat{'s' if len(missed) != 1 else ''}"
            if missed else "No seat missed two meetings in a row."
        )
        meetings = service.list_meetings(self.session, period=period)
        counting = [m for m in meetings if m["counts_for_attendance"]]
        other = len(meetings) - len(counting)
        later = period.end >= local_today(self.session.clock)
        self.summary.setText(
            f"   {len(counting)} meeting{'s' if len(counting) != 1 else ''} counted"
            + (f"; {other} not counted (development days, joint meetings)" if other else "")
            + (". Meetings after today are not counted yet." if later else ".")
        )

    def seat_texts(self) -> dict[str, str]:
        """Each seat's label -> its "n/m" (for tests)."""
        col_label = self.seat_model.column_index("label")
        col_text = self.seat_model.column_index("text")
        return {
            self.seat_model.index(r, col_label).data(): self.seat_model.index(r, col_text).data()
            for r in range(self.seat_model.rowCount())
        }
