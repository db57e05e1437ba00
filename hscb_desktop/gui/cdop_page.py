"""The CDOP coordinator's page: two tabs, Cases (the case list, and one case in its three
tabs: notification, agency reports, review) and Panel meetings (meetings, agendas, the
deaths ready for panel and the panel pack).

Alt+C and Alt+M switch tabs; New notification (Ctrl+N) and Enter on a case open the case;
"Back to list" (Esc) returns to where the case was opened from, the list or a meeting's
agenda. Leaving a case with unsaved changes asks first.

The tabs (and through them the CDOP service and models) are imported when the page is
built, not when this module is: ``register()`` runs at start-up.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout

from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.lazy_page import BuiltWhenShown
from hscb_desktop.gui.modules import GuiModule

if TYPE_CHECKING:
    from hscb_desktop.gui.cdop_case import CdopCaseView
    from hscb_desktop.gui.cdop_list import CdopCaseList
    from hscb_desktop.gui.cdop_meetings import MeetingsTab


class CdopPage(BuiltWhenShown):
    # The case list and the meetings tab read the store as they are built.
    PARTS = frozenset({"list", "case", "meetings", "_origin", "cases", "tabs"})

    def _build(self) -> None:
        from hscb_desktop.gui.cdop_case import CdopCaseView
        from hscb_desktop.gui.cdop_list import CdopCaseList
        from hscb_desktop.gui.cdop_meetings import MeetingsTab

        session = self.session
        self.list: CdopCaseList = CdopCaseList(session, self)
        self.case: CdopCaseView = CdopCaseView(session, self)
        self.meetings: MeetingsTab = MeetingsTab(session, self)
        self._origin = "list"  # where "Back" goes: "list" or "meetings"

        self.cases = QStackedWidget(self)
        self.cases.addWidget(self.list)
        self.cases.addWidget(self.case)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("cdopTabs")
        self.tabs.addTab(self.cases, "&Cases")
        self.tabs.addTab(self.meetings, "Panel &meetings")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.list.new_requested.connect(self.new_case)
        self.list.open_requested.connect(self.open_case)
        self.case.back_requested.connect(self.show_list)
        self.case.close_requested.connect(self._back_after_save)
        self.case.case_changed.connect(lambda _id: self.list.refresh())
        self.case.case_deleted.connect(lambda _id: self._back_to_origin(None))
        self.meetings.open_case_requested.connect(self._open_from_meeting)
        self.meetings.agenda_changed.connect(self.list.refresh)
        self.tabs.currentChanged.connect(self._tab_shown)

    # -- for the main window ----------------------------------------------
    def menu_actions(self) -> list[tuple[str, object]]:
        return [
            ("New CDOP notification", self.new_case),
            ("CDOP panel meetings", self.show_meetings),
        ]

    def confirm_leave(self) -> bool:
        """True when the page may be left (nothing unsaved, or the user said so)."""
        if not self.built:
            return True
        return (not self.showing_case() or self.case.confirm_leave()) and \
            self.meetings.confirm_leave()

    # -- navigation -------------------------------------------------------
    def showing_case(self) -> bool:
        return self.tabs.currentWidget() is self.cases and self.cases.currentWidget() is self.case

    def showing_meetings(self) -> bool:
        return self.tabs.currentWidget() is self.meetings

    def new_case(self) -> bool:
        if self.showing_case() and not self.case.confirm_leave():
            return False
        self._origin = "list"
        self.case.load(None)
        self._show_case()
        return True

    def open_case(self, death_id: int, tab: str = "notification",
                  meeting_id: int | None = None, origin: str = "list") -> bool:
        if self.showing_case() and self.case.death_id == death_id and meeting_id is None:
            self.case.show_tab(tab)
            return True
        if self.showing_case() and not self.case.confirm_leave():
            return False
        try:
            self.case.load(death_id, tab, meeting_id)
        except ValidationFailed as exc:  # deleted since the list was drawn
            Dialogs.warn(self, "Cannot open", " ".join(p.message for p in exc.problems))
            self.list.refresh()
            return False
        except PermissionDenied as exc:
            Dialogs.error(self, "Cannot open", str(exc))
            return False
        self._origin = origin
        self._show_case()
        self.case.show_tab(tab)
        return True

    def _open_from_meeting(self, death_id: int, tab: str, meeting_id) -> None:
        self.open_case(death_id, tab, meeting_id, origin="meetings")

    def show_list(self) -> bool:
        """Back to where the case was opened from (asks first about unsaved changes)."""
        if self.showing_case() and not self.case.confirm_leave():
            return False
        self._back_to_origin(self.case.death_id)
        return True

    def show_meetings(self) -> bool:
        if self.showing_case() and not self.case.confirm_leave():
            return False
        self.tabs.setCurrentWidget(self.meetings)
        return True

    def _back_after_save(self) -> None:
        self._back_to_origin(self.case.death_id)

    def _back_to_origin(self, select: int | None) -> None:
        self.cases.setCurrentWidget(self.list)
        if self._origin == "meetings":
            self.tabs.setCurrentWidget(self.meetings)
            self.meetings.refresh()
            self.meetings.agenda.setFocus()
            return
        self.tabs.setCurrentWidget(self.cases)
        self.list.refresh()
        if select is not None:
            self.list.select_id(select)
            self.list.table.setFocus()
        else:
            self.list.search.setFocus()

    def _show_case(self) -> None:
        self.tabs.blockSignals(True)
        self.tabs.setCurrentWidget(self.cases)
        self.tabs.blockSignals(False)
        self.cases.setCurrentWidget(self.case)
        self.case.focus_first()

    def _tab_shown(self, _index: int) -> None:
        # A case left open behind the Cases tab stays as it was, unsaved input and all.
        if self.tabs.currentWidget() is self.meetings:
            if not self.meetings.form.is_dirty():
                self.meetings.refresh()
        elif self.cases.currentWidget() is self.list:
            self.list.refresh()


def register() -> GuiModule:
    """The CDOP page as the main window's module registry describes it."""
    return GuiModule(domain="cdop", title="CDOP", icon="", factory=CdopPage)
