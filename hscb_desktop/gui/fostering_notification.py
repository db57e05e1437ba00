"""The private fostering notification form (``ui/fostering_notification_form.ui``): the
notification, the child's identity in its own group, the carer, and the decision.

"Notice given in time" is the service's own rule (``rules.notice_given_in_time``, the one
``records.clean_notification`` stores), worked out again as the dates and types change;
the form only words it. A notification progresses when its arrangement is recorded
("Record the arrangement" saves first, then the page opens a new arrangement for it);
one that did not progress says why.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.validation import Problem
from hscb_desktop.core.vocab import ETHNICITY, SEX, TRISTATE
from hscb_desktop.domains.fostering import rules, service
from hscb_desktop.domains.fostering import vocab as V
from hscb_desktop.gui.forms.ui_fostering_notification_form import Ui_FosteringNotificationForm
from hscb_desktop.gui.fostering_common import FosteringForm, fill_combo, set_item_enabled
from hscb_desktop.gui.record_form import Record

NOTIFICATION_FIELDS = (
    "ref",
    "notification_type",
    "notifier_type",
    "date_received",
    "intended_start_date",
    "intended_duration_days",
    "progressed",
    "not_progressed_reason",
)
CHILD_FIELDS = (
    "child_name",
    "child_sex",
    "child_date_of_birth",
    "child_place_of_birth",
    "child_country_of_birth",
    "child_born_in_uk",
    "child_religion",
    "child_ethnicity",
    "child_language",
    "child_disabled",
    "child_immigration_status",
)
CARER_FIELDS = ("carer_name", "carer_address", "carer_postcode", "carer_phone", "carer_household")
REASON = "reason"  # the service's name for "why an ended arrangement's record is changed"
CODED = {
    "notification_type": V.NOTIFICATION_TYPES,
    "notifier_type": V.NOTIFIER_TYPES,
    "not_progressed_reason": V.NOT_PROGRESSED_REASONS,
    "child_sex": SEX,
    "child_born_in_uk": V.BORN_IN_UK,
    "child_ethnicity": ETHNICITY,
}
PROGRESSED = (("Awaiting decision", None), ("Yes: arrangement recorded", True),
              ("Did not progress", False))


def notice_words(code: str, notification_type, has_dates: bool) -> str:
    """The service's yes / no / unknown, with the reason in words."""
    answer = TRISTATE.label(code)
    why = ""
    if notification_type == "existing_arrangement_not_notified":
        why = "an existing arrangement that was not notified"
    elif not notification_type:
        why = "choose the type of notification"
    elif not has_dates:
        why = "enter the date received and the intended start"
    elif notification_type == "advance_proposal":
        why = {
            "yes": "6 weeks or more before the start",
            "no": "under 6 weeks before the start, from the proposed carer",
            "unknown": "under 6 weeks before the start, from someone other than the carer",
        }[code]
    elif notification_type == "emergency_placement":
        why = {"yes": "within 48 hours of the child's arrival",
               "no": "more than 48 hours after the child's arrival"}.get(code, "")
    return f"Notice given in time: {answer}" + (f" ({why})" if why else "")


class NotificationForm(FosteringForm):
    """One notification. ``load(None)`` starts a new one; ``start_from_enquiry`` starts one
    linked to an enquiry (the service then records the enquiry's outcome)."""

    arrangement_requested = Signal(int)  # "Record the arrangement": the saved notification
    open_arrangement_requested = Signal(int)
    open_enquiry_requested = Signal(int)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.ui = Ui_FosteringNotificationForm()
        self.ui.setupUi(self)
        self.enquiry_id: int | None = None  # a new notification's enquiry
        self._enquiry_ref = ""
        ui = self.ui
        for name, codes in CODED.items():
            fill_combo(getattr(ui, name), codes)
        ui.progressed.clear()
        for label, value in PROGRESSED:
            ui.progressed.addItem(label, value)
        self.conditional = {
            "not_progressed_reason": lambda v: v.get("progressed") is False,
            # Asked for by the service (changing an ended arrangement's record), or typed.
            REASON: lambda v: bool((v.get(REASON) or "").strip() or self.problem_text(REASON)),
        }
        fields = [(n, getattr(ui, n)) for n in (*NOTIFICATION_FIELDS, *CHILD_FIELDS, *CARER_FIELDS)]
        fields += [(REASON, ui.change_reason), ("notes", ui.notes)]
        self._bind(fields)
        for editor in (ui.date_received, ui.intended_start_date, ui.child_date_of_birth):
            editor.textChanged.connect(self._update_derived)
        for combo in (ui.notification_type, ui.notifier_type, ui.progressed):
            combo.currentIndexChanged.connect(self._update_derived)
        ui.child_disabled.toggled.connect(self._update_derived)
        ui.arrangementButton.clicked.connect(self.arrangement_action)
        ui.openEnquiryButton.clicked.connect(self._open_enquiry)
        self.load(None)

    # -- the protocol -----------------------------------------------------
    def load(self, record: Record | None) -> None:
        if record is None:
            super().load({"date_received": local_today(self.session.clock)})
            self.record = None
        else:
            self.enquiry_id, self._enquiry_ref = None, ""
            super().load(record)
        self._show_state()

    def start_from_enquiry(self, enquiry_id: int, enquiry_ref: str = "") -> None:
        """A new notification made from this (saved) enquiry."""
        self.load(None)
        self.enquiry_id, self._enquiry_ref = enquiry_id, enquiry_ref
        self._show_state()

    def typed_values(self) -> Record:
        values = super().typed_values()
        if values.get("intended_duration_days") == 0:  # the spin box's "Not known"
            values["intended_duration_days"] = None
        return values

    def check_values(self, values: Record) -> list[Problem]:
        data = {k: v for k, v in values.items() if k != REASON}
        return service.check_notification(self.session, data, self.record_id)

    def _store(self, values: Record) -> int:
        values = dict(values)
        reason = (values.pop(REASON) or "").strip()
        if self.record is None:
            record_id = service.create_notification(self.session, values, self.enquiry_id)
            self.enquiry_id = None
            return record_id
        service.update_notification(
            self.session, self.record["id"], values, self.record["version"], reason
        )
        return self.record["id"]

    def changes_since(self, started: Record, fields: list[str]):
        return service.changes_since(
            self.session, service.T_NOTIFICATION, started["id"], started, fields
        )

    def reload(self, record_id: int) -> None:
        self.load(service.get_notification(self.session, record_id))

    # -- what the form works out --------------------------------------------------------
    def _has_arrangement(self) -> bool:
        return bool(self.record and self.record.get("arrangement_id"))

    def _show_state(self) -> None:
        ui, record = self.ui, self.record
        if record is None:
            source = f" from enquiry {self._enquiry_ref}" if self.enquiry_id else ""
            ui.formTitle.setText(f"<b>New private fostering notification{source}</b>")
        else:
            child = record.get("child_name") or ""
            ui.formTitle.setText(
                f"<b>{record.get('ref') or ''}</b> - notification for {child}, received "
                f"{format_uk(record.get('date_received'))}"
            )
        has = self._has_arrangement()
        set_item_enabled(ui.progressed, True, has)
        ui.progressed.setEnabled(not has)
        ui.progressed.setToolTip(
            "The notification progressed: its arrangement is recorded"
            if has
            else "A notification progresses when its arrangement is recorded"
        )
        ui.openEnquiryButton.setVisible(bool(record and record.get("enquiry_id")))
        self._update_derived()

    def _update_derived(self, *_args: object) -> None:
        ui = self.ui
        values = self.typed_values()
        received, start = values.get("date_received"), values.get("intended_start_date")
        code = rules.notice_given_in_time(
            values.get("notification_type"), values.get("notifier_type"), received, start
        )
        ui.noticeText.setText(
            notice_words(code, values.get("notification_type"), bool(received and start))
        )
        dob = values.get("child_date_of_birth")
        if dob and received and dob <= received:
            age = rules.age_on(dob, received)
            ui.childAge.setText(f"Aged {age} on the notification date")
        else:
            ui.childAge.setText("")
        self._set_row_visible(ui.childAge, bool(ui.childAge.text()))
        has = self._has_arrangement()
        ui.arrangementText.setText("The arrangement is recorded." if has else "")
        self._set_row_visible(ui.arrangementText, has)
        ui.arrangementButton.setText(
            "Op&en the arrangement" if has else "R&ecord the arrangement…"
        )
        refused = values.get("progressed") is False
        ui.arrangementButton.setEnabled(has or not refused)
        ui.arrangementButton.setToolTip(
            "Open the arrangement this notification led to"
            if has
            else "It is recorded as not progressing"
            if refused
            else "Save this notification and record the arrangement it led to"
        )

    # -- leading elsewhere ----------------------------------------------------------------
    def arrangement_action(self) -> bool:
        """Open the arrangement, or (saving first) ask for a new one."""
        if self._has_arrangement():
            self.open_arrangement_requested.emit(self.record["arrangement_id"])
            return True
        record_id = self.saved_first()
        if record_id is None:
            return False
        if self.record.get("progressed") is False:
            return False
        self.arrangement_requested.emit(record_id)
        return True

    def _open_enquiry(self) -> None:
        if self.record and self.record.get("enquiry_id"):
            self.open_enquiry_requested.emit(self.record["enquiry_id"])
