"""One CDOP case in three tabs: the notification (``CdopDeathForm``), its agency reports
(``ReportsPanel``) and the panel's review (``CdopReviewForm``).

Alt+O, Alt+G and Alt+V switch tabs. The reports and the review wait until the notification
is saved. Leaving the case asks first about unsaved changes on either form.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from hscb_desktop.domains.cdop import service
from hscb_desktop.gui.cdop_death_form import CdopDeathForm
from hscb_desktop.gui.cdop_reports import ReportsPanel
from hscb_desktop.gui.cdop_review_form import CdopReviewForm

TABS = ("notification", "reports", "review")


class CdopCaseView(QWidget):
    back_requested = Signal()
    close_requested = Signal()  # a form's "Save and close"
    case_changed = Signal(int)  # saved, reports changed, reviewed: the lists refresh
    case_deleted = Signal(int)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.death_form = CdopDeathForm(session, self)
        self.reports = ReportsPanel(session, self)
        self.review_form = CdopReviewForm(session, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("caseTabs")
        self.tabs.addTab(self.death_form, "N&otification")
        self.tabs.addTab(self.reports, "A&gency reports")
        self.tabs.addTab(self.review_form, "Re&view")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.death_form.record_saved.connect(self._notification_saved)
        self.death_form.close_requested.connect(self.close_requested)
        self.death_form.back_requested.connect(self.back_requested)
        self.death_form.record_deleted.connect(self.case_deleted)
        self.reports.reports_changed.connect(self._reports_changed)
        self.review_form.record_saved.connect(self._review_saved)
        self.review_form.close_requested.connect(self.close_requested)
        self.review_form.back_requested.connect(self.back_requested)
        self.load(None)

    @property
    def death_id(self) -> int | None:
        return self.death_form.record_id

    def load(self, death_id: int | None, tab: str = "notification",
             meeting_id: int | None = None) -> None:
        """Show a case (None: a new notification) at one of its tabs; ``meeting_id`` is
        the meeting a new review is recorded against."""
        if death_id is None:
            self.death_form.load(None)
            record = None
        else:
            record = service.get_death(self.session, death_id)
            self.death_form.load(record)
        self.reports.set_case(record)
        self.review_form.load_case(record, meeting_id)
        self._update_tabs()
        self.show_tab(tab)

    def show_tab(self, tab: str) -> None:
        widget = {"notification": self.death_form, "reports": self.reports,
                  "review": self.review_form}[tab]
        if not widget.isEnabled():
            widget = self.death_form
        self.tabs.setCurrentWidget(widget)
        self.focus_first()

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def focus_first(self) -> None:
        widget = self.tabs.currentWidget()
        if widget is self.death_form:
            ui = self.death_form.ui
            (ui.forenames if self.death_form.record is None else ui.date_of_death).setFocus()
            ui.scrollArea.verticalScrollBar().setValue(0)
        elif widget is self.reports:
            (self.reports.table if self.reports.table.rowCount() else
             self.reports.add_button).setFocus()
        else:
            self.review_form.ui.scrollArea.verticalScrollBar().setValue(0)
            self.review_form.ui.panel_meeting_id.setFocus()

    def confirm_leave(self) -> bool:
        return self.death_form.confirm_leave(self) and self.review_form.confirm_leave(self)

    def _update_tabs(self) -> None:
        record = self.death_form.record
        saved = record is not None
        reports = len(record.get("reports") or []) if saved else 0
        self.tabs.setTabEnabled(1, saved)
        self.tabs.setTabEnabled(2, saved)
        self.reports.setEnabled(saved)
        self.tabs.setTabText(1, f"A&gency reports ({reports})" if saved else "A&gency reports")
        review = (record or {}).get("review") or {}
        if review.get("review_completed_date"):
            text = "Re&view (complete)"
        elif review:
            text = "Re&view (in progress)"
        else:
            text = "Re&view"
        self.tabs.setTabText(2, text)

    def _notification_saved(self, death_id: int) -> None:
        record = self.death_form.record
        self.reports.set_case(record)
        if not self.review_form.is_dirty():
            self.review_form.load_case(record)
        else:
            self.review_form.death = record
        self._update_tabs()
        self.case_changed.emit(death_id)

    def _reports_changed(self) -> None:
        death_id = self.death_id
        if death_id is None:
            return
        record = self.death_form.record
        record["reports"] = self.reports.record["reports"]
        record["notification_gaps"] = self.reports.record["notification_gaps"]
        if not self.review_form.is_dirty():
            self.review_form.load_case(record)
        else:
            self.review_form.death = record
        self._update_tabs()
        self.case_changed.emit(death_id)

    def _review_saved(self, death_id: int) -> None:
        dirty = self.death_form.is_dirty()
        if not dirty:
            self.death_form.reload(death_id)
        else:
            fresh = service.get_death(self.session, death_id)
            self.death_form.record.update(review=fresh["review"], status=fresh["status"],
                                          version=fresh["version"])
        self._update_tabs()
        self.case_changed.emit(death_id)
