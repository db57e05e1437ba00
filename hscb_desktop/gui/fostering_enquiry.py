"""The private fostering enquiry form (``ui/fostering_enquiry_form.ui``) bound through the
record-form protocol to ``domains.fostering.service``.

The reason it is not private fostering shows only for that outcome, the other authority
only for a referral. "Make a notification" saves the enquiry if needed and asks the page
for a new notification linked to it; the service then sets the enquiry's outcome to
"became a notification", which the form shows with a way to open that notification.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.validation import Problem
from hscb_desktop.domains.fostering import queries, service
from hscb_desktop.domains.fostering import vocab as V
from hscb_desktop.gui.forms.ui_fostering_enquiry_form import Ui_FosteringEnquiryForm
from hscb_desktop.gui.fostering_common import FosteringForm, fill_combo, set_item_enabled
from hscb_desktop.gui.record_form import Record

FIELDS = (
    "ref",
    "date_received",
    "enquirer_type",
    "enquirer_name",
    "outcome",
    "not_pf_reason",
    "other_la_name",
    "notes",
)
BECAME = "became_notification"


class EnquiryForm(FosteringForm):
    """One enquiry. ``load(None)`` starts a new one received today."""

    notification_requested = Signal(int)  # "Make a notification": the saved enquiry's id
    open_notification_requested = Signal(int)  # the notification it became

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.ui = Ui_FosteringEnquiryForm()
        self.ui.setupUi(self)
        ui = self.ui
        fill_combo(ui.enquirer_type, V.ENQUIRER_TYPES)
        fill_combo(ui.outcome, V.ENQUIRY_OUTCOMES, "Not yet recorded")
        fill_combo(ui.not_pf_reason, V.NOT_PF_REASONS)
        self.conditional = {
            "not_pf_reason": lambda v: v.get("outcome") == "not_private_fostering",
            "other_la_name": lambda v: v.get("outcome") == "referred_to_other_la",
        }
        self._bind([(name, getattr(ui, name)) for name in FIELDS])
        ui.makeNotificationButton.clicked.connect(self.make_notification)
        ui.openNotificationButton.clicked.connect(
            lambda: self.open_notification_requested.emit(self.record["notification_id"])
        )
        self.load(None)

    # -- the protocol -----------------------------------------------------
    def load(self, record: Record | None) -> None:
        if record is None:
            super().load({"date_received": local_today(self.session.clock)})
            self.record = None
        else:
            super().load(record)
        self._show_state()

    def check_values(self, values: Record) -> list[Problem]:
        return service.check_enquiry(self.session, {**(self.record or {}), **values})

    def _store(self, values: Record) -> int:
        if self.record is None:
            return service.create_enquiry(self.session, values)
        service.update_enquiry(self.session, self.record["id"], values, self.record["version"])
        return self.record["id"]

    def changes_since(self, started: Record, fields: list[str]):
        return service.changes_since(
            self.session, service.T_ENQUIRY, started["id"], started, fields
        )

    def load_stored(self, record: Record) -> None:
        self.reload(record["id"])  # with the linked notification's reference

    def reload(self, record_id: int) -> None:
        record = service.get_enquiry(self.session, record_id)
        if record.get("notification_id"):
            row = queries.EnquiryList(self.session).rows([record_id]).get(record_id, {})
            record["notification_ref"] = row.get("notification_ref", "")
        self.load(record)

    # -- the link to a notification ---------------------------------------------------
    def _linked(self) -> bool:
        return bool(self.record and self.record.get("notification_id"))

    def _show_state(self) -> None:
        ui, record = self.ui, self.record
        linked = self._linked()
        if record is None:
            ui.formTitle.setText("<b>New private fostering enquiry</b>")
        else:
            received = format_uk(record.get("date_received"))
            ui.formTitle.setText(f"<b>{record.get('ref') or ''}</b> - enquiry received {received}")
        # "Became a notification" is set by making the notification, never chosen.
        set_item_enabled(ui.outcome, BECAME, linked)
        ui.outcome.setEnabled(not linked)
        ui.outcomeLayout.setRowVisible(ui.notificationText, linked)
        ui.outcomeLayout.setRowVisible(ui.notificationButtons, linked)
        ui.makeNotificationButton.setEnabled(not linked)
        ui.makeNotificationButton.setToolTip(
            "This enquiry has already become a notification"
            if linked
            else "Save this enquiry and record the notification it led to"
        )
        if linked:
            ref = record.get("notification_ref") or ""
            ui.notificationText.setText(f"This enquiry became notification {ref}".strip() + ".")

    def make_notification(self) -> bool:
        """Save the enquiry if needed, then ask for a new notification linked to it."""
        if self._linked():
            return False
        record_id = self.saved_first()
        if record_id is None:
            return False
        self.notification_requested.emit(record_id)
        return True
