"""The course and run forms (Designer ``ui/training_course_form.ui`` and
``ui/training_run_form.ui``) bound through the record-form protocol to
``domains.training.service``, each shown in a small dialog that stays open while
there are errors."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.validation import PermissionDenied, Problem, error
from hscb_desktop.domains.training import rules, service
from hscb_desktop.domains.training import vocab as V
from hscb_desktop.gui.board_common import fill_codes
from hscb_desktop.gui.forms.ui_training_course_form import Ui_TrainingCourseForm
from hscb_desktop.gui.forms.ui_training_run_form import Ui_TrainingRunForm
from hscb_desktop.gui.record_form import Record, RecordForm

COURSE_FIELDS = ("title", "format", "theme", "sort_order", "active")
RUN_FIELDS = ("course_id", "run_date", "venue", "capacity", "trainer_agency_ids", "cancelled",
              "notes")


class CourseForm(RecordForm):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent, saver=self._store, validator=rules.validate_course)
        self.session = session
        self.ui = Ui_TrainingCourseForm()
        self.ui.setupUi(self)
        fill_codes(self.ui.format, V.COURSE_FORMATS, "")
        self.ui.theme.addItem("")
        self.ui.theme.addItems(list(V.THEMES))
        for name in COURSE_FIELDS:
            self.bind_field(name, getattr(self.ui, name))
        self.set_message_area(self.ui.messages)

    def load(self, record: Record | None) -> None:
        if record is None:
            orders = [c["sort_order"] for c in service.list_courses(self.session)]
            super().load({"active": True, "sort_order": max(orders, default=0) + 1})
            self.record = None
        else:
            super().load(record)
        self.ui.theme.setEditText((record or {}).get("theme") or "")  # a theme of its own
        self.set_dirty(False)

    def values(self) -> Record:
        values = super().values()
        values["format"] = self.ui.format.currentData()
        values["theme"] = self.ui.theme.currentText()
        return values

    def _store(self, values: Record) -> int:
        if self.record is None:
            return service.create_course(self.session, values)
        service.update_course(self.session, self.record["id"], values,
                              expected=self.record)  # changed since it opened: refused
        return self.record["id"]


class RunForm(RecordForm):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent, saver=self._store, validator=self._validate)
        self.session = session
        self.ui = ui = Ui_TrainingRunForm()
        ui.setupUi(self)
        for course in service.list_courses(self.session):
            ui.course_id.addItem(course["title"], course["id"])
        trainers = ui.trainer_agency_ids
        trainers.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        trainers.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        trainers.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        trainers.setMinimumHeight(110)
        trainers.setMaximumHeight(170)
        self._agencies: list[int] = []
        for name in RUN_FIELDS:
            self.bind_field(name, getattr(ui, name))
        self.set_message_area(ui.messages)
        self.set_conflict_reader(  # issue 11: a stale save shows what changed
            lambda started, fields: service.run_changes(
                self.session, started["id"], started, fields
            )
        )

    def _fill_trainers(self, keep: list[int]) -> None:
        agencies = [a for a in service.agency_choices(self.session, include_inactive=True)
                    if a["active"] or a["id"] in keep]
        agencies.sort(key=lambda a: a["id"] not in keep)  # the run's trainers in view first
        self.ui.trainer_agency_ids.set_choices(
            (str(a["id"]), a["name"] if a["active"] else f"{a['name']} (no longer active)")
            for a in agencies
        )

    def load(self, record: Record | None, course_id: int | None = None) -> None:
        """A saved run (``service.run_sheet``), or None: a new run of ``course_id``."""
        record = dict(record) if record else None
        keep = list((record or {}).get("trainer_agency_ids") or [])
        self._fill_trainers(keep)
        if record is None:
            super().load({"course_id": course_id, "run_date": local_today(self.session.clock),
                          "trainer_agency_ids": []})
            self.record = None
        else:
            shown = {**record, "trainer_agency_ids": [str(i) for i in keep]}
            super().load(shown)
            self.record = record

    def values(self) -> Record:
        values = super().values()
        values["course_id"] = self.ui.course_id.currentData()
        values["trainer_agency_ids"] = [int(i) for i in values["trainer_agency_ids"] or []]
        if values.get("capacity") is not None and values["capacity"] < 0:
            values["capacity"] = None  # "Not set"
        return values

    def _validate(self, values: Record) -> list[Problem]:
        problems = []
        if values.get("course_id") is None:
            problems.append(error("course_id", "Choose the course."))
        try:
            run_id = self.record["id"] if self.record else None
            run = {k: v for k, v in values.items() if k != "course_id"}
            return problems + service.check_run(self.session, run_id, run)
        except PermissionDenied as exc:
            return [error("", str(exc))]

    def _store(self, values: Record) -> int:
        if self.record is None:
            return service.create_run(self.session, values)
        service.update_run(self.session, self.record["id"], values,
                           expected_version=self.record["version"])
        return self.record["id"]


class FormDialog(QDialog):
    """A record form with Save and Cancel; Save keeps the dialog open while there are
    errors. ``saved_id`` is what the form's save returned."""

    def __init__(self, form: RecordForm, title: str, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.form = form
        form.setParent(self)
        self.saved_id: Any = None
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(600)

    def accept(self) -> None:
        saved = self.form.save()
        if saved is None:
            self.adjustSize()  # grow to show a long refusal (e.g. changed meanwhile) whole
            return
        self.saved_id = saved
        super().accept()


def course_dialog(session, record: Record | None, parent: QWidget | None) -> FormDialog:
    form = CourseForm(session)
    form.load(record)
    dialog = FormDialog(form, "New course" if record is None else "Change course",
                        "TrainingCourseDialog", parent)
    form.ui.title.setFocus()
    return dialog


def run_dialog(session, record: Record | None, course_id: int | None,
               parent: QWidget | None) -> FormDialog:
    form = RunForm(session)
    form.load(record, course_id)
    dialog = FormDialog(form, "New run" if record is None else "Change run",
                        "TrainingRunDialog", parent)
    form.ui.run_date.setFocus()
    return dialog
