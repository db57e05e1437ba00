"""The child death notification: the Designer form ``ui/cdop_death_form.ui`` bound through
the record-form protocol to ``domains.cdop.service`` (check_death, create_death,
update_death).

The identity fields (names, NHS number, date of birth, postcode) sit in their own group:
they are stored apart and never go into a panel pack. The NHS number is checked as it is
typed: the count of digits while it is short, then the domain's verdict on the check digit
and on other cases holding the same number (``service.check_death``, whose wording names
the other case). Every other rule shows beside its field as the user works (``CdopForm``).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.validation import PermissionDenied, Problem, ValidationFailed, error
from hscb_desktop.core.vocab import ETHNICITY, SEX, CodeList
from hscb_desktop.domains.cdop import queries, rules, service
from hscb_desktop.domains.cdop import vocab as V
from hscb_desktop.gui.cdop_common import (
    NOTE_STYLE,
    OK_STYLE,
    CdopForm,
    NhsNumberValidator,
    ReasonDialog,
    TimeValidator,
    _holding,
    fill_agencies,
    fill_combo,
    nhs_digits,
    normal_time,
    problem_words,
)
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.forms.ui_cdop_death_form import Ui_CdopDeathForm
from hscb_desktop.gui.record_form import Record

IDENTITY = ("forenames", "family_name", "nhs_number", "date_of_birth", "home_postcode")
FIELDS = (
    *IDENTITY,
    "sex",
    "ethnicity",
    "la_of_residence",
    "normally_resident_in_area",
    "live_born",
    "looked_after",
    "child_protection_plan",
    "child_in_need",
    "date_of_death",
    "time_of_death",
    "place_of_death",
    "place_of_death_other",
    "expected_or_unexpected",
    "unexpected_confirmed_by_designated_doctor",
    "joint_agency_response",
    "post_mortem_required",
    "coroner_involved",
    "inquest",
    "cdop_ref",
    "notified_by_agency_id",
    "notification_date",
    "circumstances_summary",
)
REASON = "reason"  # the service's name for "why a reviewed case is being changed"
CODED: dict[str, CodeList] = {
    "sex": SEX,
    "ethnicity": ETHNICITY,
    "place_of_death": V.PLACES_OF_DEATH,
    "expected_or_unexpected": V.EXPECTED,
}
# Problems that belong to one field but are caused by another (shown as soon as that
# other field is changed).
REVEALS = {
    "expected_or_unexpected": (
        "joint_agency_response", "unexpected_confirmed_by_designated_doctor"
    ),
    "date_of_birth": ("date_of_death",),
    "date_of_death": ("date_of_birth", "notification_date"),
    "place_of_death": ("place_of_death_other",),
}


def gaps_text(gaps: list[str]) -> str:
    """The fields a notification still lacks before it can go to panel, in words."""
    words = [rules.NOTIFICATION_FIELDS.get(g, "the joint agency response decision") for g in gaps]
    return "; ".join(words)


class CdopDeathForm(CdopForm):
    """One notification. ``load(None)`` starts a new one; ``save()`` creates or updates."""

    REVEALS = REVEALS
    record_saved = Signal(int)
    close_requested = Signal()
    back_requested = Signal()
    record_deleted = Signal(int)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent, saver=self._store, validator=self._validate)
        self.session = session
        self.ui = Ui_CdopDeathForm()
        self.ui.setupUi(self)
        self.scroll_area = self.ui.scrollArea
        ui = self.ui
        for name, codes in CODED.items():
            fill_combo(getattr(ui, name), codes)
        fill_agencies(ui.notified_by_agency_id)
        ui.nhs_number.setValidator(NhsNumberValidator(ui.nhs_number))
        ui.time_of_death.setValidator(TimeValidator(ui.time_of_death))
        self.bind_fields([(n, getattr(ui, n)) for n in FIELDS] + [(REASON, ui.change_reason)])
        self.set_message_area(ui.messages)
        self.set_conflict_reader(  # issue 11: a stale save shows what changed
            lambda started, fields: service.death_changes(
                self.session, started["id"], started, fields
            )
        )
        ui.nhsStatus.setTextFormat(Qt.TextFormat.PlainText)
        ui.nhsStatus.hide()
        self._set_row_visible(ui.nhsStatus, False)
        ui.nhs_number.textChanged.connect(self._nhs_typed)
        for name in rules.NOTIFICATION_FIELDS:
            widget = getattr(ui, name)
            signal = (widget.currentIndexChanged if hasattr(widget, "currentIndexChanged")
                      else widget.textChanged)
            signal.connect(lambda *_: None if self._loading else self._show_gaps())
        for name in ("date_of_birth", "date_of_death"):
            getattr(ui, name).textChanged.connect(self._show_age)
        for combo in [ui.notified_by_agency_id, *(getattr(ui, n) for n in CODED)]:
            combo.currentIndexChanged.connect(lambda _i, c=combo: c.setToolTip(c.currentText()))
        ui.saveButton.clicked.connect(self.save)
        ui.saveCloseButton.clicked.connect(self.save_and_close)
        ui.backButton.clicked.connect(self.back_requested)
        ui.deleteButton.clicked.connect(self.delete_case)
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
        self.load(None)

    # -- the protocol -----------------------------------------------------
    def load(self, record: Record | None) -> None:
        """Show a saved case (``service.get_death``), or (None) a new notification received
        today."""
        agency = (record or {}).get("notified_by_agency_id")
        combo = self.ui.notified_by_agency_id
        if agency is not None and combo.findData(agency) < 0:
            fill_agencies(combo, include=agency)
        if record is None:
            super().load({"notification_date": local_today(self.session.clock)})
            self.record = None
        else:
            shown = dict(record)
            shown["nhs_number"] = queries.format_nhs(record.get("nhs_number"))
            super().load(shown)
            self.record = record
        self._loading = True
        try:
            self._show_case()
        finally:
            self._loading = False
        self.reset_live()
        self.set_dirty(False)

    def values(self) -> Record:
        values = super().values()
        values["notified_by_agency_id"] = self.ui.notified_by_agency_id.currentData()
        values["time_of_death"] = normal_time(self.ui.time_of_death.text()) or None
        values["nhs_number"] = self.ui.nhs_number.text().strip() or None
        return values

    def input_problems(self) -> list[Problem]:
        problems = []
        for p in super().input_problems():
            if p.field == "nhs_number":
                n = len(nhs_digits(self.ui.nhs_number.text()))
                p = error("nhs_number", f"An NHS number has 10 digits; {n} typed so far.")
            elif p.field == "time_of_death":
                p = error("time_of_death", "Enter the time as hh:mm (24-hour clock).")
            problems.append(p)
        return problems

    def _validate(self, values: Record) -> list[Problem]:
        data = {k: v for k, v in values.items() if k != REASON}
        try:
            return service.check_death(self.session, data, self.record_id)
        except PermissionDenied as exc:
            return [error("", str(exc))]
        except ValidationFailed as exc:  # deleted meanwhile
            return list(exc.problems)

    def _store(self, values: Record) -> int:
        values = dict(values)
        reason = (values.pop(REASON) or "").strip()
        if self.record is None:
            return service.create_death(self.session, values)
        record_id = self.record["id"]
        service.update_death(self.session, record_id, values, self.record["version"], reason)
        return record_id

    def save(self) -> int | None:
        """Check and save; on success show the saved case (with its warnings)."""
        record_id = super().save()
        if record_id is None:
            return None
        self.reload(record_id)
        self.show_problems([p for p in self.check() if not p.blocking])
        self.record_saved.emit(record_id)
        return record_id

    def save_and_close(self) -> int | None:
        record_id = self.save()
        if record_id is not None:
            self.close_requested.emit()
        return record_id

    def reload(self, record_id: int) -> None:
        self.load(service.get_death(self.session, record_id))

    @property
    def record_id(self) -> int | None:
        return self.record.get("id") if self.record else None

    # -- what the form shows about the case ------------------------------
    def _show_case(self) -> None:
        ui, record = self.ui, self.record
        if record is None:
            ui.formTitle.setText("<b>New child death notification</b>")
            ui.stateText.setText("")
        else:
            expected = record.get("expected_or_unexpected")
            kind = f"{expected} death" if expected else "death"
            ui.formTitle.setText(f"<b>{record.get('cdop_ref') or ''}</b> - {kind}")
            ui.stateText.setText(case_state(record, local_today(self.session.clock)))
        reviewed = bool(record and record.get("status") == "reviewed")
        ui.change_reason.setVisible(reviewed)
        self._set_row_visible(ui.change_reason, reviewed)
        ui.deleteButton.setEnabled(record is not None)
        self._show_gaps()
        self._show_age()
        if record is not None:
            self._nhs_typed(ui.nhs_number.text(), force=True)
        else:
            self._nhs_status("")

    def _show_gaps(self, *_: Any) -> None:
        """What a saved notification still lacks before it can go to panel, as typed now."""
        ui = self.ui
        shown = self.record is not None
        ui.gapsText.setVisible(shown)
        self._set_row_visible(ui.gapsText, shown)
        if not shown:
            return
        gaps = rules.notification_gaps(self.values())
        if gaps:
            ui.gapsText.setText(gaps_text(gaps))
            ui.gapsText.setStyleSheet(NOTE_STYLE)
        else:
            ui.gapsText.setText("Nothing: the notification is complete")
            ui.gapsText.setStyleSheet(OK_STYLE)

    def _show_age(self, *_: Any) -> None:
        born, died = self.ui.date_of_birth.date(), self.ui.date_of_death.date()
        text = ""
        if born and died and born <= died:
            days, years = rules.age_at_death(born, died)
            text = rules.age_text(days, years)
            if years < rules.MAX_AGE_YEARS:
                text += f" ({V.AGE_BANDS.label(rules.band_of(days, years))})"
        self.ui.ageText.setText(text)

    # -- the NHS number, as it is typed --------------------------------------------------
    def _nhs_typed(self, text: str, force: bool = False) -> None:
        if self._loading and not force:
            return
        digits = nhs_digits(text)
        if not digits:
            self.show_field_problems("nhs_number", [])
            self._nhs_status("")
            return
        if len(digits) < 10:
            self.show_field_problems("nhs_number", [])
            self._nhs_status(f"{len(digits)} of 10 digits", NOTE_STYLE)
            return
        problems = [p for p in self._validate(self.values()) if p.field == "nhs_number"]
        self.show_field_problems("nhs_number", problems)
        if any(p.blocking for p in problems):
            self._nhs_status("")
        else:
            self._nhs_status(f"{queries.format_nhs(digits)}: the check digit is right", OK_STYLE)

    def _nhs_status(self, text: str, style: str = "") -> None:
        label = self.ui.nhsStatus
        label.setText(text)
        label.setStyleSheet(style)
        label.setVisible(bool(text))
        self._set_row_visible(label, bool(text))

    def nhs_status_text(self) -> str:
        """What the line under the NHS number says (for tests and screen readers)."""
        label = self.ui.nhsStatus
        return label.text() if not label.isHidden() else ""

    def _set_row_visible(self, widget: QWidget, visible: bool) -> None:
        holder = _holding(widget.parentWidget().layout(), widget)
        if holder is not None and hasattr(holder, "setRowVisible"):
            row, _ = holder.getWidgetPosition(widget)
            if row >= 0:
                holder.setRowVisible(row, visible)

    # -- deleting a case notified in error ----------------------------------------------
    def delete_case(self) -> bool:
        if self.record is None:
            return False
        ref = self.record.get("cdop_ref") or "this case"
        reason = ReasonDialog.ask(
            self,
            "Delete case",
            f"Delete {ref} with its agency reports and review? Do this only for a death "
            "notified in error or one that is not for CDOP. The audit log keeps the reason; "
            "the case's earlier details are removed from it too.",
            "Delete case",
        )
        if reason is None:
            return False
        record_id = self.record["id"]
        try:
            service.delete_death(self.session, record_id, reason)
        except (ValidationFailed, PermissionDenied) as exc:
            Dialogs.error(self, "Not deleted", problem_words(exc))
            return False
        self.set_dirty(False)
        self.load(None)
        self.record_deleted.emit(record_id)
        return True


def case_state(record: dict[str, Any], today) -> str:
    """"Reviewed 12/05/2016", or "Open: 30 days since death" with the 6 / 12-month flag."""
    review = record.get("review") or {}
    if review.get("review_completed_date"):
        return f"Reviewed {format_uk(review['review_completed_date'])}"
    died = record.get("date_of_death")
    if not died:
        return "Open"
    days = rules.days_since_death(died, today)
    flag = rules.open_flag(died, today)
    over = {">12m": ", open over 12 months", ">6m": ", open over 6 months"}.get(flag, "")
    return f"Open: {days:,} day{'s' if days != 1 else ''} since death{over}"
