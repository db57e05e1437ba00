"""The Training tab: the courses (left) and the chosen course's runs in a reporting year
(right); a run's attendance opens in the same place (``gui.board_training_run``).

Courses and runs are added and changed in small dialogs (``gui.board_training_forms``).
Enter on a course changes it; Enter on a run opens its attendance; Ctrl+N adds a run
of the chosen course.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.domains.training import queries, service
from hscb_desktop.domains.training import vocab as V
from hscb_desktop.gui.board_common import (
    ListSource,
    chosen_period,
    code_label,
    current_id,
    fill_years,
    problem_words,
    record_table,
    select_id,
    year_combo,
)
from hscb_desktop.gui.board_training_forms import course_dialog, run_dialog
from hscb_desktop.gui.board_training_run import RunAttendancePage
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.tables import Column

COURSE_COLUMNS = [
    Column("title", "Course"),
    Column("format_label", "Format"),
    Column("theme", "Theme"),
    Column("runs", "Runs", "int"),
    Column("attendees", "Attendees", "int"),
]
RUN_COLUMNS = [
    Column("run_date", "Date", "date"),
    Column("venue", "Venue"),
    Column("capacity", "Capacity", "int"),
    Column("attendees", "Attended", "int"),
    Column("booked", "Booked", "int"),
    Column("cancelled_text", "Cancelled"),
    Column("trainers", "Trainers' agencies"),
]


class TrainingTab(QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = year_combo(self, "trainingYear", "Reporting year of the runs")
        year_label = QLabel("Ye&ar", self)
        year_label.setBuddy(self.year)
        self.new_course_button = QPushButton("&New course…", self)
        self.edit_course_button = QPushButton("Edit c&ourse…", self)
        self.new_run_button = QPushButton("New r&un…", self)
        self.new_run_button.setToolTip("Add a run of the chosen course (Ctrl+N)")
        self.edit_run_button = QPushButton("E&dit run…", self)
        self.attendance_button = QPushButton("Attendan&ce…", self)
        self.attendance_button.setToolTip("Record the chosen run's attendance (Enter)")
        self.courses, self.course_model = record_table(
            self, "courses", "Courses", COURSE_COLUMNS,
            {"format_label": 150, "theme": 150, "runs": 60, "attendees": 80}, stretch="title",
        )
        self.runs, self.run_model = record_table(
            self, "runs", "Runs of the chosen course", RUN_COLUMNS,
            {"run_date": 90, "venue": 260, "capacity": 70, "attendees": 70, "booked": 70,
             "cancelled_text": 80},
        )
        self.runs_title = QLabel(self)
        self.attendance = RunAttendancePage(session, self)

        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        for button in (self.new_course_button, self.edit_course_button, self.new_run_button,
                       self.edit_run_button, self.attendance_button):
            top.addWidget(button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("Courses (runs and attendees in the year)", self))
        left_layout.addWidget(self.courses, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.runs_title)
        right_layout.addWidget(self.runs, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        self.overview = QWidget(self)
        overview_layout = QVBoxLayout(self.overview)
        overview_layout.addLayout(top)
        overview_layout.addWidget(split, 1)
        self.overview.setFocusProxy(self.courses)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.overview)
        self.stack.addWidget(self.attendance)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.courses.selectionModel().currentRowChanged.connect(lambda *_: self._show_runs())
        self.courses.activated.connect(lambda _index: self.edit_course())
        self.runs.activated.connect(lambda _index: self.open_attendance())
        self.new_course_button.clicked.connect(self.new_course)
        self.edit_course_button.clicked.connect(self.edit_course)
        self.new_run_button.clicked.connect(self.new_run)
        self.edit_run_button.clicked.connect(self.edit_run)
        self.attendance_button.clicked.connect(self.open_attendance)
        self.attendance.back_requested.connect(self.show_overview)
        shortcut = QShortcut(QKeySequence.StandardKey.New, self.overview)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_run)
        self.reload_years()

    # -- contents -----------------------------------------------------------------
    def reload_years(self) -> None:
        dates = [r["run_date"] for r in service.list_runs(self.session)]
        fill_years(self.year, "training", self.session, dates)
        self.refresh()

    def refresh(self, course: int | None = None, run: int | None = None) -> None:
        course = course if course is not None else current_id(self.courses, self.course_model)
        period = chosen_period(self.year)
        figures = {f.course_id: f for f in queries.attendance_by_course(self.session, period)}
        rows = []
        for c in service.list_courses(self.session):
            f = figures.get(c["id"])
            rows.append({**c, "format_label": code_label(V.COURSE_FORMATS, c["format"]),
                         "runs": f.runs if f else 0, "attendees": f.attendees if f else 0,
                         "title": c["title"] + ("" if c["active"] else " (no longer run)")})
        self.course_model.set_source(ListSource(rows))
        select_id(self.courses, self.course_model, course)
        self._show_runs(run)

    def _show_runs(self, select: int | None = None) -> None:
        course_id = current_id(self.courses, self.course_model)
        select = select if select is not None else current_id(self.runs, self.run_model)
        period = chosen_period(self.year)
        runs = service.list_runs(self.session, course_id, period) if course_id else []
        names = {a["id"]: a["short_name"] or a["name"]
                 for a in service.agency_choices(self.session, include_inactive=True)}
        self.run_model.set_source(ListSource([
            {**r, **r["totals"], "cancelled_text": "Cancelled" if r["cancelled"] else "",
             "trainers": ", ".join(names.get(i, str(i)) for i in r["trainer_agency_ids"])}
            for r in runs
        ]))
        select_id(self.runs, self.run_model, select)
        course = self.course_model.source.get(course_id) if course_id else None
        label = period.short_label if period else ""
        self.runs_title.setText(
            f"Runs in {label} of: {course['title']}" if course else "Choose a course."
        )
        has_run = bool(runs)
        self.edit_run_button.setEnabled(has_run)
        self.attendance_button.setEnabled(has_run)
        self.new_run_button.setEnabled(course is not None)
        self.edit_course_button.setEnabled(course is not None)

    def course_ids(self) -> list[int]:
        return [self.course_model.id_at(r) for r in range(self.course_model.rowCount())]

    def run_ids(self) -> list[int]:
        return [self.run_model.id_at(r) for r in range(self.run_model.rowCount())]

    def select_course(self, course_id: int) -> None:
        select_id(self.courses, self.course_model, course_id)

    def select_run(self, run_id: int) -> None:
        select_id(self.runs, self.run_model, run_id)

    # -- courses and runs ---------------------------------------------------------
    def new_course(self) -> int | None:
        saved = self._exec(course_dialog(self.session, None, self))
        if saved is not None:
            self.refresh(course=saved)
            self.courses.setFocus()
        return saved

    def edit_course(self) -> int | None:
        course_id = current_id(self.courses, self.course_model)
        if course_id is None:
            return None
        saved = self._exec(course_dialog(self.session,
                                         service.get_course(self.session, course_id), self))
        if saved is not None:
            self.refresh(course=saved)
        return saved

    def new_run(self) -> int | None:
        course_id = current_id(self.courses, self.course_model)
        if course_id is None:
            return None
        saved = self._exec(run_dialog(self.session, None, course_id, self))
        if saved is not None:
            self._after_run_saved(saved)
        return saved

    def edit_run(self) -> int | None:
        run_id = current_id(self.runs, self.run_model)
        if run_id is None:
            return None
        try:
            sheet = service.run_sheet(self.session, run_id)
        except (ValidationFailed, PermissionDenied) as exc:
            Dialogs.warn(self, "Cannot open", problem_words(exc))
            return None
        saved = self._exec(run_dialog(self.session, sheet, None, self))
        if saved is not None:
            self._after_run_saved(saved)
        return saved

    def _after_run_saved(self, run_id: int) -> None:
        sheet = service.run_sheet(self.session, run_id)
        for i in range(self.year.count()):  # show the year the run is in
            if self.year.itemData(i).contains(sheet["run_date"]):
                self.year.blockSignals(True)
                self.year.setCurrentIndex(i)
                self.year.blockSignals(False)
        self.refresh(course=sheet["course_id"], run=run_id)
        self.runs.setFocus()

    def _exec(self, dialog) -> Any:
        Dialogs.exec_dialog(dialog)
        saved = dialog.saved_id
        dialog.deleteLater()
        return saved

    # -- attendance ---------------------------------------------------------------
    def open_attendance(self, run_id: int | None = None) -> bool:
        run_id = run_id if run_id is not None else current_id(self.runs, self.run_model)
        if run_id is None:
            return False
        try:
            self.attendance.load(run_id)
        except (ValidationFailed, PermissionDenied) as exc:
            Dialogs.warn(self, "Cannot open", problem_words(exc))
            return False
        self.stack.setCurrentWidget(self.attendance)
        return True

    def showing_attendance(self) -> bool:
        return self.stack.currentWidget() is self.attendance

    def confirm_leave(self) -> bool:
        return not self.showing_attendance() or self.attendance.confirm_leave()

    def show_overview(self) -> bool:
        if not self.attendance.confirm_leave():
            return False
        run = self.attendance.run
        self.stack.setCurrentWidget(self.overview)
        self.refresh(run=run["id"] if run else None)
        self.runs.setFocus()
        return True
