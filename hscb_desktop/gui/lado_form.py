"""The LADO contact form: the Designer form ``ui/lado_contact_form.ui`` bound through the
record-form protocol to ``domains.lado.service``.

Every editor is bound by its model field name, so the problems ``service.check`` returns
sit beside their fields: errors block the save, warnings are shown and the save goes on.
Meetings and actions are rows of a saved case, added, changed (``FollowUpDialog``) and
deleted one at a time through the service. The Retention box shows the review date and
the hold, and leads to the actions of ``gui.lado_retention``.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.validation import PermissionDenied, Problem, ValidationFailed, error
from hscb_desktop.core.vocab import ETHNICITY, SEX, TRISTATE, CodeList
from hscb_desktop.domains.lado import service
from hscb_desktop.domains.lado import vocab as V
from hscb_desktop.gui import lado_retention
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.forms.ui_lado_contact_form import Ui_LadoContactForm
from hscb_desktop.gui.record_form import Record, RecordForm, UkDateEdit
from hscb_desktop.storage import reference

# Field name -> the editor's object name in the .ui (the same, except where noted).
FIELDS = (
    "ref",
    "threshold_met",
    "threshold_decision_date",
    "date_received",
    "date_allegation_known",
    "date_of_incident",
    "contact_method",
    "referral_source_type",
    "referrer_agency_id",
    "referrer_name",
    "referrer_role",
    "lado_officer",
    "employer_name",
    "employment_sector",
    "setting_type",
    "subject_role",
    "subject_employment_basis",
    "previous_allegations_known",
    "linked_case_ref",
    "subject_named",
    "subject_name",
    "subject_sex",
    "subject_dob",
    "subject_ethnicity",
    "subject_other_roles",
    "abuse_category",
    "harm_criteria",
    "followed_physical_intervention",
    "child_count",
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
    "previous_allegations_known": TRISTATE,
    "followed_physical_intervention": TRISTATE,
    "outcome": V.OUTCOMES,
    "closure_reason": V.CLOSURE_REASONS,
}
CLOSING = ("date_closed", "closure_reason", "outcome", "outcome_date", "lessons_learned")
_ERROR_STYLE = "color: #9b1c1c;"
_WARNING_STYLE = "color: #7a4a00;"
_ROW_KEY = Qt.ItemDataRole.UserRole  # on a follow-up row's first cell: ("meetings", id)
# The two kinds of follow-up row: key in the record -> how the form and the service name them.
FOLLOW_UP = {
    "meetings": {
        "kind": "meeting",
        "codes": V.MEETING_TYPES,
        "type": "meeting_type",
        "date": "meeting_date",
        "update": "update_meeting",
        "delete": "delete_meeting",
    },
    "actions": {
        "kind": "action",
        "codes": V.ACTION_TYPES,
        "type": "action_type",
        "date": "action_date",
        "update": "update_action",
        "delete": "delete_action",
    },
}


def fill_combo(combo: QComboBox, codes: CodeList, blank: str | None = "") -> None:
    """Labels shown, codes as item data; ``blank`` adds a first "no value" item."""
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for code, label in codes.choices():
        combo.addItem(label, code)


def _type_label(codes: CodeList, code: Any) -> str:
    return codes.label(code) if code in codes else code or ""


def _problem_words(exc: Exception) -> str:
    if isinstance(exc, ValidationFailed):
        return "\n".join(f"Error: {p.message}" for p in exc.problems)
    return f"Error: {exc}"


class FollowUpDialog(QDialog):
    """Change one meeting or action. Save hands the values to ``save`` (the service call);
    a problem it raises is shown in the dialog, which stays open to correct it."""

    def __init__(self, key: str, row: dict[str, Any], save, parent: QWidget | None = None):
        super().__init__(parent)
        spec = FOLLOW_UP[key]
        self.setObjectName("FollowUpDialog")
        self.setWindowTitle(f"Change {spec['kind']}")
        self._spec, self._save = spec, save
        self.type = QComboBox(self)
        self.type.setAccessibleName(f"{spec['kind'].capitalize()} type")
        fill_combo(self.type, spec["codes"], None)
        index = self.type.findData(row.get(spec["type"]))
        self.type.setCurrentIndex(max(index, 0))
        self.date = UkDateEdit(self)
        self.date.setAccessibleName(f"{spec['kind'].capitalize()} date")
        self.date.setMaximumWidth(130)
        self.date.setDate(row.get(spec["date"]))
        self.notes = QLineEdit(row.get("notes") or "", self)
        self.notes.setAccessibleName("Notes")
        self.message = QLabel(self)
        self.message.setObjectName("followUpDialogMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(_ERROR_STYLE)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        form = QFormLayout()
        for text, editor in (("&Type", self.type), ("&Date", self.date), ("&Notes", self.notes)):
            label = QLabel(text, self)
            label.setBuddy(editor)
            form.addRow(label, editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.type.setFocus()

    def values(self) -> dict[str, Any]:
        spec = self._spec
        return {
            spec["type"]: self.type.currentData(),
            spec["date"]: self.date.date(),
            "notes": self.notes.text(),
        }

    def problem_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""

    def accept(self) -> None:
        problem = self.date.input_problem()
        if problem:
            self._show(f"Error: {problem}")
            self.date.setFocus()
            return
        try:
            self._save(self.values())
        except (ValidationFailed, PermissionDenied) as exc:
            self._show(_problem_words(exc))
            return
        super().accept()

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)
        self.adjustSize()  # room for the message: the fields above keep their height


class LadoContactForm(RecordForm):
    """One LADO contact. ``load(None)`` starts a new one; ``save()`` creates or updates."""

    record_saved = Signal(int)  # after a save, once the form shows the saved record
    related_requested = Signal(list)  # ids of the other contacts "Show" lists
    back_requested = Signal()
    close_requested = Signal()  # "Save and close" saved: the page returns to its list
    record_changed = Signal(int)  # changed outside a save (hold, redaction): lists refresh
    record_deleted = Signal(int)  # deleted after retention review: the page leaves the form

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent, saver=self._store, validator=self._validate)
        self.session = session
        self.ui = Ui_LadoContactForm()
        self.ui.setupUi(self)
        self._related: list[int] = []
        self._agency_extra: int | None = None  # a retired agency offered for this record
        self._labels: dict[str, QLabel] = {}  # each field's problem label
        self._fill_lists()
        for name, widget in [(n, getattr(self.ui, n)) for n in FIELDS] + [
            (REASON, self.ui.change_reason)
        ]:
            self._labels[name] = self._new_problem_label(widget)
            self.bind_field(name, widget, self._labels[name])
        self.set_message_area(self.ui.messages)
        self.set_conflict_reader(  # issue 11: a stale save shows what changed
            lambda started, fields: service.contact_changes(
                self.session, started["id"], started, fields
            )
        )

        self.ui.subject_name.textEdited.connect(self._name_typed)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.saveCloseButton.clicked.connect(self.save_and_close)
        self.ui.backButton.clicked.connect(self.back_requested)
        self.ui.relatedShow.clicked.connect(lambda: self.related_requested.emit(self._related))
        self.ui.addMeetingButton.clicked.connect(self.add_meeting)
        self.ui.addActionButton.clicked.connect(self.add_action)
        self.ui.meetingNotes.returnPressed.connect(self.add_meeting)
        self.ui.actionNotes.returnPressed.connect(self.add_action)
        self.ui.editRowButton.clicked.connect(self.edit_row)
        self.ui.deleteRowButton.clicked.connect(self.delete_row)
        self.ui.followUpTable.activated.connect(lambda _index: self.edit_row())
        self.ui.followUpTable.itemSelectionChanged.connect(self._update_row_buttons)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.ui.followUpTable)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_row)
        self.ui.holdButton.clicked.connect(self.toggle_hold)
        self.ui.redactButton.clicked.connect(self.redact_details)
        self.ui.deleteButton.clicked.connect(self.delete_record)
        # A long choice is cut short in a narrow combo: the tooltip shows it whole.
        for combo in [self.ui.referrer_agency_id, *(getattr(self.ui, n) for n in CODED)]:
            combo.currentIndexChanged.connect(
                lambda _i, c=combo: c.setToolTip(c.currentText())
            )
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
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for combo in (self.ui.previous_allegations_known, self.ui.followed_physical_intervention):
            combo.setMaximumWidth(130)  # Yes / No / Unknown
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
        self._fill_agencies()

    def _fill_agencies(self, include: int | None = None) -> None:
        """The core store's active agencies, plus (retired) the one a record already names."""
        self._agency_extra = include
        combo = self.ui.referrer_agency_id
        combo.clear()
        combo.addItem("", None)
        for agency_id, name in reference.agency_choices([include] if include else []):
            combo.addItem(name, agency_id)

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
        agency = (record or {}).get("referrer_agency_id")
        if agency is not None and self.ui.referrer_agency_id.findData(agency) < 0:
            self._fill_agencies(include=agency)  # retired since: still show what it says
        elif self._agency_extra is not None and agency != self._agency_extra:
            self._fill_agencies()  # the retired one was for the previous record only
        if record is None:
            today = local_today(self.session.clock)
            super().load({"threshold_met": False, "date_received": today})
            self.record = None
        else:
            super().load(record)
        self._show_case()

    def values(self) -> Record:
        values = super().values()
        # The blank agency reads as its text, and "Not recorded" is the spin box's -1.
        values["referrer_agency_id"] = self.ui.referrer_agency_id.currentData()
        if values.get("child_count") is not None and values["child_count"] < 0:
            values["child_count"] = None
        return values

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
            held = ", on retention hold" if record.get("retention_hold") else ""
            ui.formTitle.setText(f"<b>{record.get('ref') or ''}</b> - {kind}, {state}{held}")
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
        self._show_retention()
        self._related = []
        ui.relatedText.setText("")
        ui.relatedText.setVisible(False)
        ui.relatedShow.setVisible(False)

    def _show_retention(self) -> None:
        ui, record = self.ui, self.record
        review, hold = lado_retention.retention_summary(record)
        ui.retentionText.setText(review)
        ui.holdText.setText(hold)
        ui.holdText.setVisible(bool(hold))
        saved, held = record is not None, bool(record and record.get("retention_hold"))
        ui.holdButton.setEnabled(saved)
        ui.holdButton.setText("Lift &hold…" if held else "Place on &hold…")
        redacted = bool(record and record.get("redacted"))
        redactable = (
            saved and not redacted and record.get("outcome") in lado_retention.REDACTABLE_OUTCOMES
        )
        ui.redactButton.setEnabled(redactable)
        ui.redactButton.setToolTip(
            "Remove the details of this allegation, found malicious or false"
            if redactable
            else "Only for an allegation whose saved outcome is malicious or false"
        )
        ui.deleteButton.setEnabled(saved and not held)
        ui.deleteButton.setToolTip(
            "Lift the retention hold before deleting this record"
            if held
            else "Delete this record after its retention review"
        )
        placeholder = "Redacted: the allegation was found malicious or false." if redacted else ""
        ui.allegation_details.setPlaceholderText(placeholder)
        ui.lessons_learned.setPlaceholderText(placeholder)

    def _fill_follow_up(self, select: tuple[str, int] | None = None) -> None:
        record = self.record or {}
        rows: list[tuple[str, str, Any, str, tuple[str, int]]] = []
        for key, spec in FOLLOW_UP.items():
            for row in record.get(key) or []:
                rows.append(
                    (
                        spec["kind"].capitalize(),
                        _type_label(spec["codes"], row.get(spec["type"])),
                        row.get(spec["date"]),
                        row.get("notes") or "",
                        (key, row["id"]),
                    )
                )
        rows.sort(key=lambda r: (r[2] is None, r[2] or dt.date.min))
        table = self.ui.followUpTable
        table.setRowCount(len(rows))
        for i, (kind, label, when, notes, row_key) in enumerate(rows):
            for col, text in enumerate((kind, label, format_uk(when) if when else "", notes)):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setData(_ROW_KEY, row_key)
                table.setItem(i, col, item)
            if row_key == select:
                table.selectRow(i)
        for col, width in enumerate((80, 200, 90)):  # Notes (the last column) stretches
            table.setColumnWidth(col, width)
            if rows:
                table.resizeColumnToContents(col)
        self._update_row_buttons()

    def follow_up_rows(self) -> list[tuple[str, str, str, str]]:
        """The meetings and actions table as the user reads it (for tests)."""
        table = self.ui.followUpTable
        return [
            tuple(table.item(r, c).text() for c in range(4)) for r in range(table.rowCount())
        ]

    def select_follow_up_row(self, row: int) -> None:
        self.ui.followUpTable.selectRow(row)

    def _current_row_key(self) -> tuple[str, int] | None:
        table = self.ui.followUpTable
        selected = table.selectionModel().selectedRows() if table.selectionModel() else []
        if not selected or self.record is None:
            return None
        item = table.item(selected[0].row(), 0)
        return item.data(_ROW_KEY) if item is not None else None

    def _update_row_buttons(self) -> None:
        chosen = self._current_row_key() is not None
        self.ui.editRowButton.setEnabled(chosen)
        self.ui.deleteRowButton.setEnabled(chosen)

    def _row(self, key: str, row_id: int) -> dict[str, Any] | None:
        rows = (self.record or {}).get(key) or []
        return next((r for r in rows if r.get("id") == row_id), None)

    def edit_row(self) -> bool:
        """Change the selected meeting or action in a small dialog; True when saved."""
        chosen = self._current_row_key()
        row = self._row(*chosen) if chosen else None
        if row is None:
            return False
        key, row_id = chosen
        update = getattr(service, FOLLOW_UP[key]["update"])
        saved: dict[str, Any] = {}

        loaded = dict(row)  # as the dialog opened it: a row changed since is refused

        def save(data: dict[str, Any]) -> None:
            update(self.session, row_id, data, expected=loaded)
            saved.update(data)

        dialog = FollowUpDialog(key, row, save, self)
        Dialogs.exec_dialog(dialog)
        dialog.deleteLater()
        if not saved:
            return False
        row.update(saved)
        self._follow_up_changed(select=chosen)
        return True

    def delete_row(self) -> bool:
        """Delete the selected meeting or action, once confirmed; True when deleted."""
        chosen = self._current_row_key()
        row = self._row(*chosen) if chosen else None
        if row is None:
            return False
        key, row_id = chosen
        spec = FOLLOW_UP[key]
        when = row.get(spec["date"])
        what = _type_label(spec["codes"], row.get(spec["type"])).lower() or spec["kind"]
        dated = f" of {format_uk(when)}" if when else ""
        if not Dialogs.confirm(
            self,
            f"Delete {spec['kind']}",
            f"Delete the {what}{dated} from {self.record.get('ref') or 'this case'}? "
            "The audit log keeps a record of the deletion.",
            yes_text=f"Delete {spec['kind']}",
            destructive=True,
        ):
            return False
        try:
            getattr(service, spec["delete"])(self.session, row_id, expected=row)
        except service.RecordMissing:
            pass  # already gone: drop it from the table too
        except (ValidationFailed, PermissionDenied) as exc:
            Dialogs.error(self, "Not deleted", _problem_words(exc))
            return False
        self.record[key] = [r for r in self.record.get(key) or [] if r.get("id") != row_id]
        self._follow_up_changed()
        self.ui.followUpTable.setFocus()
        return True

    def _follow_up_changed(self, select: tuple[str, int] | None = None) -> None:
        self._fill_follow_up(select)
        self.ui.followUpMessage.setStyleSheet("")
        self.ui.followUpMessage.setText("")
        # A row can settle or raise a warning (a DBS referral recorded): show the current ones.
        if not self.is_dirty():
            self.show_problems([p for p in self.check() if not p.blocking])

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
            self._follow_up_problem(_problem_words(exc))
            return None
        except PermissionDenied:
            Dialogs.error(self, "Not saved", "Your role does not allow you to change this case.")
            return None
        self.record.setdefault(key, []).append({"id": row_id, **data})
        for editor in editors:
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(0)
            else:
                editor.clear()
        self._follow_up_changed()
        editors[0].setFocus()
        return row_id

    # -- retention (gui.lado_retention does the asking) -------------------------------
    def _settle_edits(self) -> bool:
        """Unsaved input first: saved, or discarded (the record is reloaded after the action)."""
        return self.record is not None and self.confirm_leave(self)

    def _changed_outside_save(self) -> None:
        record_id = self.record["id"]
        self.reload(record_id)
        self.show_problems([p for p in self.check() if not p.blocking])
        self.record_changed.emit(record_id)

    def toggle_hold(self) -> bool:
        """Place the record on a retention hold or lift it (a reason is asked)."""
        if not self._settle_edits() or not lado_retention.toggle_hold(
            self, self.session, self.record
        ):
            return False
        self._changed_outside_save()
        return True

    def redact_details(self) -> bool:
        """Clear the details of an allegation found malicious or false."""
        if not self._settle_edits() or not lado_retention.redact_details(
            self, self.session, self.record
        ):
            return False
        self._changed_outside_save()
        return True

    def delete_record(self) -> bool:
        """Delete the record after its retention review (reason, then confirmation)."""
        if self.record is None or not lado_retention.delete_record(
            self, self.session, self.record
        ):
            return False
        record_id = self.record["id"]
        self.set_dirty(False)  # whatever was typed went with the record
        self.load(None)
        self.record_deleted.emit(record_id)
        return True

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
