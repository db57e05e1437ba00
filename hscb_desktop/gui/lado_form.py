"""The LADO contact form: the Designer form ``ui/lado_contact_form.ui`` bound through the
record-form protocol to ``domains.lado.service``.

Every editor is bound by its model field name, so the problems ``service.check`` returns
sit beside their fields: errors block the save, warnings are shown and the save goes on.
Meetings and actions are rows of a saved case, added one at a time through the service.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QTableWidgetItem, QWidget

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.validation import PermissionDenied, Problem, ValidationFailed, error
from hscb_desktop.core.vocab import ETHNICITY, SEX, CodeList
from hscb_desktop.domains.lado import service
from hscb_desktop.domains.lado import vocab as V
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.forms.ui_lado_contact_form import Ui_LadoContactForm
from hscb_desktop.gui.record_form import Record, RecordForm

# Field name -> the editor's object name in the .ui (the same, except where noted).
FIELDS = (
    "ref",
    "threshold_met",
    "date_received",
    "date_allegation_known",
    "date_of_incident",
    "contact_method",
    "referral_source_type",
    "referrer_name",
    "referrer_role",
    "employer_name",
    "employment_sector",
    "setting_type",
    "subject_role",
    "subject_employment_basis",
    "subject_named",
    "subject_name",
    "subject_sex",
    "subject_dob",
    "subject_ethnicity",
    "abuse_category",
    "harm_criteria",
    "police_involved",
    "s47_enquiry",
    "allegation_details",
    "outcome",
    "outcome_date",
    "date_closed",
    "closure_reason",
    "lessons_learned",
)
REASON = "reason"  # the service's name for "why a closed case is being changed"
CODED: dict[str, CodeList] = {
    "contact_method": V.CONTACT_METHODS,
    "referral_source_type": V.REFERRAL_SOURCES,
    "employment_sector": V.EMPLOYMENT_SECTORS,
    "setting_type": V.SETTING_TYPES,
    "subject_employment_basis": V.EMPLOYMENT_BASIS,
    "subject_sex": SEX,
    "subject_ethnicity": ETHNICITY,
    "outcome": V.OUTCOMES,
    "closure_reason": V.CLOSURE_REASONS,
}
CLOSING = ("date_closed", "closure_reason", "outcome", "outcome_date", "lessons_learned")
_ERROR_STYLE = "color: #9b1c1c;"
_WARNING_STYLE = "color: #7a4a00;"


def fill_combo(combo: QComboBox, codes: CodeList, blank: str | None = "") -> None:
    """Labels shown, codes as item data; ``blank`` adds a first "no value" item."""
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for code, label in codes.choices():
        combo.addItem(label, code)


class LadoContactForm(RecordForm):
    """One LADO contact. ``load(None)`` starts a new one; ``save()`` creates or updates."""

    record_saved = Signal(int)  # after a save, once the form shows the saved record
    related_requested = Signal(list)  # ids of the other contacts "Show" lists
    back_requested = Signal()
    close_requested = Signal()  # "Save and close" saved: the page returns to its list

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent, saver=self._store, validator=self._validate)
        self.session = session
        self.ui = Ui_LadoContactForm()
        self.ui.setupUi(self)
        self._related: list[int] = []
        self._labels: dict[str, QLabel] = {}  # each field's problem label
        self._fill_lists()
        for name, widget in [(n, getattr(self.ui, n)) for n in FIELDS] + [
            (REASON, self.ui.change_reason)
        ]:
            self._labels[name] = self._new_problem_label(widget)
            self.bind_field(name, widget, self._labels[name])
        self.set_message_area(self.ui.messages)

        self.ui.subject_name.textEdited.connect(self._name_typed)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.saveCloseButton.clicked.connect(self.save_and_close)
        self.ui.backButton.clicked.connect(self.back_requested)
        self.ui.relatedShow.clicked.connect(lambda: self.related_requested.emit(self._related))
        self.ui.addMeetingButton.clicked.connect(self.add_meeting)
        self.ui.addActionButton.clicked.connect(self.add_action)
        self.ui.meetingNotes.returnPressed.connect(self.add_meeting)
        self.ui.actionNotes.returnPressed.connect(self.add_action)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence.StandardKey.Save, self.save),
            ("Ctrl+Return", self.save_and_close),
            ("Ctrl+Enter", self.save_and_close),
            ("Escape", self.back_requested.emit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        table = self.ui.followUpTable
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels(["Kind", "Type", "Date", "Notes"])
        self.load(None)

    # -- set-up -----------------------------------------------------------
    def _fill_lists(self) -> None:
        ui = self.ui
        ui.threshold_met.clear()
        ui.threshold_met.addItem("Consultation", False)
        ui.threshold_met.addItem("Threshold case", True)
        for name, codes in CODED.items():
            fill_combo(getattr(ui, name), codes)
        ui.abuse_category.set_choices(V.ABUSE_CATEGORIES.choices())
        ui.harm_criteria.set_choices(V.HARM_CRITERIA.choices())
        fill_combo(ui.meetingType, V.MEETING_TYPES, "Meeting type...")
        fill_combo(ui.actionType, V.ACTION_TYPES, "Action type...")

    def _new_problem_label(self, widget: QWidget) -> QLabel:
        """A hidden label on the row under the editor (the scroll area hides the group
        layouts from RecordForm's own search, so the form places its labels itself)."""
        label = QLabel(self)
        layout = widget.parentWidget().layout()
        if isinstance(layout, QFormLayout):
            row, _role = layout.getWidgetPosition(widget)
            layout.insertRow(row + 1, "", label)
            layout.setRowVisible(row + 1, False)
        label.setVisible(False)
        return label

    # -- the protocol -----------------------------------------------------
    def load(self, record: Record | None) -> None:
        """Show a saved record, or (None) a new consultation received today."""
        if record is None:
            today = local_today(self.session.clock)
            super().load({"threshold_met": False, "date_received": today})
            self.record = None
        else:
            super().load(record)
        self._show_case()

    def _validate(self, values: Record) -> list[Problem]:
        record_id = self.record_id
        merged = {**(self.record or {}), **values}
        try:
            return service.check(self.session, merged, record_id)
        except PermissionDenied as exc:  # locked or expired meanwhile: say so, do not crash
            return [error("", str(exc))]

    def _store(self, values: Record) -> int:
        """The saver: create, update, or (when a date closed first appears) update and close."""
        values = dict(values)
        reason = (values.pop(REASON) or "").strip()
        if self.record is None:
            return service.create_contact(self.session, values)
        record_id, version = self.record["id"], self.record["version"]
        if values.get("date_closed") and not self.record.get("date_closed"):
            closing = {k: values.pop(k) for k in CLOSING}
            version = service.update_contact(self.session, record_id, values, version, reason)
            self.record["version"] = version  # so a refused close can be retried
            service.close_case(
                self.session, record_id, expected_version=version, reason=reason, **closing
            )
        else:
            service.update_contact(self.session, record_id, values, version, reason)
        return record_id

    def save(self) -> int | None:
        """Check and save; on success reload the record, keep its warnings on show, and
        say how many other contacts share its subject or employer."""
        record_id = super().save()
        if record_id is None:
            return None
        self.reload(record_id)
        self.show_problems([p for p in self.check() if not p.blocking])
        self._show_related(record_id)
        self.record_saved.emit(record_id)
        return record_id

    def save_and_close(self) -> int | None:
        record_id = self.save()
        if record_id is not None:
            self.close_requested.emit()
        return record_id

    def reload(self, record_id: int) -> None:
        self.load(service.get_contact(self.session, record_id))

    @property
    def record_id(self) -> int | None:
        return self.record.get("id") if self.record else None

    # -- problems ---------------------------------------------------------
    def show_problems(self, problems) -> None:
        problems = list(problems)
        super().show_problems(problems)
        for name, label in self._labels.items():
            text = self.problem_text(name)
            style = _ERROR_STYLE if text.startswith("Error") else _WARNING_STYLE
            label.setStyleSheet(style if text else "")
            layout = self.field(name).parentWidget().layout()
            if isinstance(layout, QFormLayout):
                row, _ = layout.getWidgetPosition(label)
                layout.setRowVisible(row, bool(text))
        self.ui.messages.setStyleSheet(_ERROR_STYLE if self.message_text() else "")
        # RecordForm focuses the first field in error; bring it into view too.
        blocked = [p.field for p in problems if p.blocking and p.field in self.field_names]
        if blocked:
            first = min(blocked, key=self.field_names.index)
            self.ui.scrollArea.ensureWidgetVisible(self.field(first))

    # -- the case: title, closed state, meetings and actions, related contacts --------
    def _show_case(self) -> None:
        ui, record = self.ui, self.record
        if record is None:
            ui.formTitle.setText("<b>New LADO contact</b>")
        else:
            kind = "Threshold case" if record.get("threshold_met") else "Consultation"
            closed_on = record.get("date_closed")
            state = f"closed {format_uk(closed_on)}" if closed_on else "open"
            ui.formTitle.setText(f"<b>{record.get('ref') or ''}</b> - {kind}, {state}")
        closed = bool(record and record.get("date_closed"))
        ui.change_reason.setVisible(closed)
        ui.outcomeLayout.setRowVisible(ui.change_reason, closed)
        saved = record is not None
        for widget in (
            ui.meetingType,
            ui.meetingDate,
            ui.meetingNotes,
            ui.addMeetingButton,
            ui.actionType,
            ui.actionDate,
            ui.actionNotes,
            ui.addActionButton,
        ):
            widget.setEnabled(saved)
        ui.followUpMessage.setStyleSheet("")
        ui.followUpMessage.setText(
            "" if saved else "Save the contact first, then add its meetings and actions."
        )
        self._fill_follow_up()
        self._related = []
        ui.relatedText.setText("")
        ui.relatedText.setVisible(False)
        ui.relatedShow.setVisible(False)

    def _fill_follow_up(self) -> None:
        record = self.record or {}
        rows: list[tuple[Any, str, str, str]] = []
        for meeting in record.get("meetings") or []:
            code = meeting.get("meeting_type")
            label = V.MEETING_TYPES.label(code) if code in V.MEETING_TYPES else code or ""
            rows.append(("Meeting", label, meeting.get("meeting_date"), meeting.get("notes")))
        for action in record.get("actions") or []:
            code = action.get("action_type")
            label = V.ACTION_TYPES.label(code) if code in V.ACTION_TYPES else code or ""
            rows.append(("Action", label, action.get("action_date"), action.get("notes")))
        rows.sort(key=lambda r: (r[2] is None, r[2] or dt.date.min))
        table = self.ui.followUpTable
        table.setRowCount(len(rows))
        for i, (kind, label, when, notes) in enumerate(rows):
            for col, text in enumerate((kind, label, format_uk(when) if when else "", notes or "")):
                table.setItem(i, col, QTableWidgetItem(text))
        if rows:
            table.resizeColumnsToContents()
        else:
            for col, width in enumerate((80, 200, 90)):
                table.setColumnWidth(col, width)

    def follow_up_rows(self) -> list[tuple[str, str, str, str]]:
        """The meetings and actions table as the user reads it (for tests)."""
        table = self.ui.followUpTable
        return [
            tuple(table.item(r, c).text() for c in range(4)) for r in range(table.rowCount())
        ]

    def add_meeting(self) -> int | None:
        ui = self.ui
        return self._add_child(
            "meetings",
            service.add_meeting,
            {
                "meeting_type": ui.meetingType.currentData(),
                "meeting_date": ui.meetingDate.date(),
                "notes": ui.meetingNotes.text(),
            },
            ui.meetingDate,
            (ui.meetingType, ui.meetingDate, ui.meetingNotes),
        )

    def add_action(self) -> int | None:
        ui = self.ui
        return self._add_child(
            "actions",
            service.add_action,
            {
                "action_type": ui.actionType.currentData(),
                "action_date": ui.actionDate.date(),
                "notes": ui.actionNotes.text(),
            },
            ui.actionDate,
            (ui.actionType, ui.actionDate, ui.actionNotes),
        )

    def _add_child(self, key, add, data, date_edit, editors) -> int | None:
        message = self.ui.followUpMessage
        if self.record is None:
            return None
        problem = date_edit.input_problem()
        if problem:
            self._follow_up_problem(f"Error: {problem}")
            date_edit.setFocus()
            return None
        try:
            row_id = add(self.session, self.record["id"], data)
        except ValidationFailed as exc:
            self._follow_up_problem("\n".join(f"Error: {p.message}" for p in exc.problems))
            return None
        except PermissionDenied:
            Dialogs.error(self, "Not saved", "Your role does not allow you to change this case.")
            return None
        self.record.setdefault(key, []).append({"id": row_id, **data})
        self._fill_follow_up()
        message.setStyleSheet("")
        message.setText("")
        for editor in editors:
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(0)
            else:
                editor.clear()
        editors[0].setFocus()
        # An action can settle a warning (a DBS referral recorded): show the current ones.
        if not self.is_dirty():
            self.show_problems([p for p in self.check() if not p.blocking])
        return row_id

    def _follow_up_problem(self, text: str) -> None:
        self.ui.followUpMessage.setStyleSheet(_ERROR_STYLE)
        self.ui.followUpMessage.setText(text)

    def _show_related(self, record_id: int) -> None:
        related = service.related_contacts(self.session, record_id)
        parts = []
        for key, what in (("subject", "this subject"), ("employer", "this employer")):
            n = len(related[key])
            if n:
                parts.append(f"{n} other contact{'s' if n != 1 else ''} for {what}")
        ids = list(dict.fromkeys(related["subject"] + related["employer"]))
        self._related = ids
        self.ui.relatedText.setText("; ".join(parts))
        self.ui.relatedText.setVisible(bool(ids))
        self.ui.relatedShow.setVisible(bool(ids))

    def related_text(self) -> str:
        return self.ui.relatedText.text() if self.ui.relatedText.isVisibleTo(self) else ""

    @property
    def related_ids(self) -> list[int]:
        return list(self._related)

    def _name_typed(self, text: str) -> None:
        if text.strip() and not self.ui.subject_named.isChecked():
            self.ui.subject_named.setChecked(True)
