"""Training figures for a reporting year (``training.queries``): attendance by course and
by agency, with their rates and what each rate is divided by."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from hscb_desktop.domains.training import queries
from hscb_desktop.gui.board_common import (
    ListSource,
    chosen_period,
    fill_years,
    rate_text,
    record_table,
    year_combo,
)
from hscb_desktop.gui.tables import Column

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
COURSE_COLUMNS = [
    Column("title", "Course"),
    Column("runs", "Runs", "int"),
    Column("capacity", "Places", "int"),
    Column("booked", "Booked", "int"),
    Column("attendees", "Attendees", "int"),
    Column("of_capacity", "Of places", align=_RIGHT),
    Column("of_bookings", "Of bookings", align=_RIGHT),
]
AGENCY_COLUMNS = [
    Column("name", "Agency"),
    Column("booked", "Booked", "int"),
    Column("attendees", "Attendees", "int"),
    Column("no_shows", "No shows", "int"),
    Column("share", "Share", align=_RIGHT),
    Column("of_bookings", "Of bookings", align=_RIGHT),
]


class TrainingFiguresTab(QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = year_combo(self, "figuresYear", "Reporting year of the figures")
        year_label = QLabel("Ye&ar", self)
        year_label.setBuddy(self.year)
        self.summary = QLabel(self)
        self.summary.setObjectName("trainingSummary")
        self.by_course, self.course_model = record_table(
            self, "byCourse", "Attendance by course", COURSE_COLUMNS,
            {"runs": 60, "capacity": 70, "booked": 70, "attendees": 80, "of_capacity": 80,
             "of_bookings": 90},
            stretch="title",
        )
        self.by_agency, self.agency_model = record_table(
            self, "byAgency", "Attendance by agency", AGENCY_COLUMNS,
            {"booked": 70, "attendees": 80, "no_shows": 80, "share": 80, "of_bookings": 90},
            stretch="name",
        )
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        for title, table in (("By course (runs not cancelled)", self.by_course),
                             ("By agency", self.by_agency)):
            box = QWidget(self)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(title, self))
            box_layout.addWidget(table, 1)
            split.addWidget(box)
        split.setChildrenCollapsible(False)
        note = QLabel(
            f"Rates: of places = {queries.RATE_OF_CAPACITY}; of bookings = "
            f"{queries.RATE_OF_BOOKINGS}; share = the agency's attendees / all attendees.", self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(note)
        self.setFocusProxy(self.by_course)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.reload_years()

    def reload_years(self) -> None:
        from hscb_desktop.domains.training import service

        dates = [r["run_date"] for r in service.list_runs(self.session)]
        fill_years(self.year, "training", self.session, dates)
        self.refresh()

    def refresh(self) -> None:
        period = chosen_period(self.year)
        if period is None:
            return
        courses = queries.attendance_by_course(self.session, period)
        self.course_model.set_source(ListSource([
            {"id": f.course_id, "title": f.title, "runs": f.runs, "capacity": f.capacity,
             "booked": f.totals.booked, "attendees": f.attendees,
             "of_capacity": rate_text(f.rate_of_capacity),
             "of_bookings": rate_text(f.rate_of_bookings)}
            for f in courses
        ]))
        agencies = [a for a in queries.attendance_by_agency(self.session, period)
                    if a.attendees or a.totals.booked]
        self.agency_model.set_source(ListSource([
            {"name": a.name, "booked": a.totals.booked, "attendees": a.attendees,
             "no_shows": a.totals.no_shows, "share": rate_text(a.share),
             "of_bookings": rate_text(a.rate_of_bookings)}
            for a in agencies
        ], key=""))
        by_course = sum(f.attendees for f in courses)
        by_agency = sum(a.attendees for a in agencies)
        runs = sum(f.runs for f in courses)
        text = (f"   {by_course:,} attendee{'s' if by_course != 1 else ''} at {runs} "
                f"run{'s' if runs != 1 else ''} of {len(courses)} "
                f"course{'s' if len(courses) != 1 else ''}")
        if by_agency != by_course:
            text += f" (by agency: {by_agency:,}; the return will refuse until they agree)"
        self.summary.setText(text)

    def summary_text(self) -> str:
        return self.summary.text().strip()
