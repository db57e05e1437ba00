"""The private fostering page: the due and overdue list and the find lists for
arrangements, notifications and enquiries (one tab each), and the enquiry, notification and
arrangement forms, in one stack.

Enter on a row opens its record; a form leads to the records it is linked to (an enquiry
to the notification it became, a notification to its enquiry and arrangement, an
arrangement to its notification), and "Back" retraces those steps to the list the first
record was opened from. Every save refreshes the due list at once and the other lists when
next shown. ``clock_tick()`` works the due list out again once the session's clock has
passed midnight: the main window's one-second timer can call it (it is cheap when the day
has not changed), and the page calls it itself whenever it is shown.

The forms and lists (and through them the service and its models) are imported when the
page is built, not when this module is: ``register()`` runs at start-up.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.lazy_page import BuiltWhenShown
from hscb_desktop.gui.modules import GuiModule

if TYPE_CHECKING:
    from hscb_desktop.gui.fostering_arrangement import ArrangementForm
    from hscb_desktop.gui.fostering_common import FosteringForm
    from hscb_desktop.gui.fostering_enquiry import EnquiryForm
    from hscb_desktop.gui.fostering_lists import DueList, FindList
    from hscb_desktop.gui.fostering_notification import NotificationForm

# A step of the way back: the tabs (None), or a form and the record it showed.
Step = tuple[str, int | None] | None


class FosteringPage(BuiltWhenShown):
    # The due list and three searchable lists read the store as they are built.
    PARTS = frozenset({"due", "arrangements", "notifications", "enquiries", "enquiry_form",
                       "notification_form", "arrangement_form", "forms", "_history", "_stale",
                       "tabs", "stack"})

    def _build(self) -> None:
        from hscb_desktop.gui import fostering_lists as lists
        from hscb_desktop.gui.fostering_arrangement import ArrangementForm
        from hscb_desktop.gui.fostering_enquiry import EnquiryForm
        from hscb_desktop.gui.fostering_notification import NotificationForm

        session = self.session
        self.due: DueList = lists.DueList(session, self)
        self.arrangements: FindList = lists.FindList(session, lists.ARRANGEMENTS, self)
        self.notifications: FindList = lists.FindList(session, lists.NOTIFICATIONS, self)
        self.enquiries: FindList = lists.FindList(session, lists.ENQUIRIES, self)
        self.enquiry_form: EnquiryForm = EnquiryForm(session, self)
        self.notification_form: NotificationForm = NotificationForm(session, self)
        self.arrangement_form: ArrangementForm = ArrangementForm(session, self)
        self.forms: dict[str, FosteringForm] = {
            "enquiry": self.enquiry_form,
            "notification": self.notification_form,
            "arrangement": self.arrangement_form,
        }
        self._history: list[Step] = []  # where "Back" goes, most recent last
        self._stale: set[QWidget] = set()  # lists to ask again when next shown

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("fosteringTabs")
        for widget, title in (
            (self.due, "D&ue and overdue"),
            (self.arrangements, "&Arrangements"),
            (self.notifications, "No&tifications"),
            (self.enquiries, "&Enquiries"),
        ):
            self.tabs.addTab(widget, title)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tabs)
        for form in self.forms.values():
            self.stack.addWidget(form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.due.open_arrangement.connect(lambda i: self.open_record("arrangement", i))
        self.due.open_notification.connect(lambda i: self.open_record("notification", i))
        self.arrangements.open_requested.connect(lambda i: self.open_record("arrangement", i))
        self.notifications.open_requested.connect(lambda i: self.open_record("notification", i))
        self.enquiries.open_requested.connect(lambda i: self.open_record("enquiry", i))
        self.notifications.new_requested.connect(self.new_notification)
        self.enquiries.new_requested.connect(self.new_enquiry)
        for form in self.forms.values():
            form.record_saved.connect(self._record_saved)
            form.back_requested.connect(self.go_back)
            form.close_requested.connect(self._step_back)
        self.arrangement_form.record_changed.connect(self._record_saved)
        self.enquiry_form.notification_requested.connect(self._notification_from_enquiry)
        self.enquiry_form.open_notification_requested.connect(
            lambda i: self.open_record("notification", i, linked=True)
        )
        self.notification_form.arrangement_requested.connect(self._arrangement_for)
        self.notification_form.open_arrangement_requested.connect(
            lambda i: self.open_record("arrangement", i, linked=True)
        )
        self.notification_form.open_enquiry_requested.connect(
            lambda i: self.open_record("enquiry", i, linked=True)
        )
        self.arrangement_form.open_notification_requested.connect(
            lambda i: self.open_record("notification", i, linked=True)
        )

    # -- for the main window ------------------------------------------------------------
    def menu_actions(self) -> list[tuple[str, object]]:
        """Extra Records-menu items the main window offers for this page."""
        return [
            ("New private fostering enquiry", self.new_enquiry),
            ("New private fostering notification", self.new_notification),
            ("Private fostering due and overdue", self.show_due),
        ]

    def clock_tick(self) -> bool:
        """Refresh what depends on the date once the session's clock has passed midnight
        (for the main window's timer; cheap otherwise). True when it refreshed."""
        if not self.session.active or not self.built:
            return False  # locked or signed out: nothing may be read now; or never shown yet
        if not self.due.refresh_if_new_day():
            return False
        self._stale.update({self.arrangements})  # its "next due" and "overdue" moved too
        self._refresh_if_shown()
        return True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)  # builds the page the first time
        self.clock_tick()

    def confirm_leave(self) -> bool:
        """True when the page may be left (nothing unsaved, or the user said so)."""
        if not self.built:
            return True
        form = self.current_form()
        return form is None or form.confirm_leave(self)

    # -- where the page is ---------------------------------------------------------------
    def current_form(self) -> FosteringForm | None:
        widget = self.stack.currentWidget()
        return widget if widget in self.forms.values() else None

    def showing(self) -> str:
        """"due", "arrangements", "notifications", "enquiries", or the form's kind."""
        form = self.current_form()
        if form is not None:
            return next(k for k, f in self.forms.items() if f is form)
        return {self.due: "due", self.arrangements: "arrangements",
                self.notifications: "notifications",
                self.enquiries: "enquiries"}[self.tabs.currentWidget()]

    def show_due(self) -> bool:
        return self.show_tab(self.due)

    def show_tab(self, tab: QWidget) -> bool:
        if not self.confirm_leave():
            return False
        self._history = []
        self.tabs.setCurrentWidget(tab)
        self._show_tabs()
        return True

    # -- opening records -------------------------------------------------------------------
    def new_enquiry(self) -> bool:
        if not self._leave_for(None):
            return False
        self.enquiry_form.load(None)
        self._show_form("enquiry")
        return True

    def new_notification(self) -> bool:
        if not self._leave_for(None):
            return False
        self.notification_form.load(None)
        self._show_form("notification")
        return True

    def open_record(self, kind: str, record_id: int, *, linked: bool = False) -> bool:
        """Show a saved record in its form. ``linked``: opened from the form on show, so
        "Back" returns to it; otherwise from a list, so "Back" returns to the list."""
        form = self.forms[kind]
        if self.current_form() is form and form.record_id == record_id:
            return True
        depth = len(self._history)
        if not self._leave_for(self._here() if linked else None, linked=linked):
            return False
        try:
            form.reload(record_id)
        except (ValidationFailed, PermissionDenied) as exc:
            del self._history[depth:]  # not opened: the way back is as it was
            if isinstance(exc, PermissionDenied):
                Dialogs.error(self, "Cannot open", str(exc))
            else:  # deleted since the list was drawn
                Dialogs.warn(self, "Cannot open", " ".join(p.message for p in exc.problems))
                self._refresh_all()
            return False
        self._show_form(kind)
        return True

    def _notification_from_enquiry(self, enquiry_id: int) -> None:
        """The enquiry form's "Make a notification" (the enquiry is saved)."""
        ref = (self.enquiry_form.record or {}).get("ref", "")
        self._history.append(("enquiry", enquiry_id))
        self.notification_form.start_from_enquiry(enquiry_id, ref)
        self._show_form("notification")

    def _arrangement_for(self, notification_id: int) -> None:
        """The notification form's "Record the arrangement" (the notification is saved)."""
        self._history.append(("notification", notification_id))
        self.arrangement_form.start_for(self.notification_form.record or {"id": notification_id})
        self._show_form("arrangement")

    # -- going back --------------------------------------------------------------------------
    def go_back(self) -> bool:
        """One step back (asks first about unsaved changes)."""
        if not self.confirm_leave():
            return False
        self._step_back()
        return True

    def _step_back(self) -> None:
        """To the record this one was opened from (read again: a save here may have
        changed it), or to the list."""
        leaving = self.current_form()
        selected = leaving.record_id if leaving is not None else None
        if self._history:
            kind, record_id = self._history.pop()
            try:
                self.forms[kind].reload(record_id)
            except (ValidationFailed, PermissionDenied):
                pass  # gone or locked meanwhile: back to the list instead
            else:
                self._show_form(kind)
                return
        self._history = []
        self._show_tabs(select=selected, kind=self._kind_of(leaving))

    def _here(self) -> Step:
        form = self.current_form()
        if form is None:
            return None
        kind = self.showing()
        return (kind, form.record_id) if form.record_id is not None else None

    def _leave_for(self, step: Step, *, linked: bool = False) -> bool:
        """Leave what is shown (asking about unsaved changes). Following a link remembers
        ``step`` as the way back; anything else starts again from the lists."""
        if not self.confirm_leave():
            return False
        if not linked:
            self._history = []
        elif step is not None:
            self._history.append(step)
        return True

    def _kind_of(self, form: FosteringForm | None) -> str | None:
        return next((k for k, f in self.forms.items() if f is form), None)

    # -- showing ---------------------------------------------------------------------------
    def _show_form(self, kind: str) -> None:
        form = self.forms[kind]
        back_to = self._history[-1][0] if self._history else "list"
        form.ui.backButton.setText(f"&Back to {back_to}")
        self.stack.setCurrentWidget(form)
        form.ui.scrollArea.verticalScrollBar().setValue(0)
        ui, new = form.ui, form.record is None
        first = {
            "enquiry": "enquirer_type" if new else "date_received",
            "notification": "notification_type",
            "arrangement": "start_date",
        }[kind]
        getattr(ui, first).setFocus()

    def _show_tabs(self, select: int | None = None, kind: str | None = None) -> None:
        self.stack.setCurrentWidget(self.tabs)
        self._refresh_if_shown()
        tab = self.tabs.currentWidget()
        lists = {"arrangement": self.arrangements, "notification": self.notifications,
                 "enquiry": self.enquiries}
        if select is not None and lists.get(kind or "") is tab:
            tab.select_id(select)
            tab.table.setFocus()
        else:
            tab.setFocus()

    def _tab_shown(self, _index: int) -> None:
        self._refresh_if_shown()

    def _refresh_if_shown(self) -> None:
        tab = self.tabs.currentWidget()
        if tab in self._stale and self.stack.currentWidget() is self.tabs:
            self._stale.discard(tab)
            tab.refresh()

    def _record_saved(self, _record_id: int) -> None:
        self._refresh_all()

    def _refresh_all(self) -> None:
        self.due.refresh()
        self._stale.update({self.arrangements, self.notifications, self.enquiries})
        self._refresh_if_shown()


def register() -> GuiModule:
    """The page as the main window's module registry describes it; the caller passes it
    to ``gui.modules.register``."""
    return GuiModule(domain="fostering", title="Private fostering", icon="", factory=FosteringPage)
