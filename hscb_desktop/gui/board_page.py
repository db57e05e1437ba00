"""The business unit's "Board and training" page: five tabs over the board store.

- Seats: the Board's seats and their holders (``gui.board_seats``);
- Meetings: a year's meetings and the attendance grid (``gui.board_meetings``);
- Year view: each seat's "n/m", by agency, missed two in a row (``gui.board_year``);
- Training: courses, runs and a run's attendance (``gui.board_training``);
- Training figures: attendance by course and by agency (``gui.board_training_figures``).

Alt+S, M, Y, G and I switch tabs. A tab is refreshed when it is shown, so what one
tab saved shows on the others. The tabs (and through them the Board and training
services and models) are imported when the page is built, not when this module is:
``register()`` runs at start-up, before the login dialog.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from hscb_desktop.gui.lazy_page import BuiltWhenShown
from hscb_desktop.gui.modules import GuiModule

if TYPE_CHECKING:
    from hscb_desktop.gui.board_meetings import MeetingsTab
    from hscb_desktop.gui.board_seats import SeatsTab
    from hscb_desktop.gui.board_training import TrainingTab
    from hscb_desktop.gui.board_training_figures import TrainingFiguresTab
    from hscb_desktop.gui.board_year import YearTab


class BoardPage(BuiltWhenShown):
    # The tabs (each reads its lists as it is built: every meeting's quorum, every run).
    PARTS = frozenset({"seats", "meetings", "year", "training", "figures", "tabs"})
    seats: SeatsTab
    meetings: MeetingsTab
    year: YearTab
    training: TrainingTab
    figures: TrainingFiguresTab

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def _build(self) -> None:
        from hscb_desktop.gui.board_meetings import MeetingsTab
        from hscb_desktop.gui.board_seats import SeatsTab
        from hscb_desktop.gui.board_training import TrainingTab
        from hscb_desktop.gui.board_training_figures import TrainingFiguresTab
        from hscb_desktop.gui.board_year import YearTab

        session = self.session
        self.seats = SeatsTab(session, self)
        self.meetings: MeetingsTab = MeetingsTab(session, self)
        self.year: YearTab = YearTab(session, self)
        self.training: TrainingTab = TrainingTab(session, self)
        self.figures: TrainingFiguresTab = TrainingFiguresTab(session, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("boardTabs")
        for tab, title in ((self.seats, "&Seats"), (self.meetings, "&Meetings"),
                           (self.year, "&Year view"), (self.training, "Trainin&g"),
                           (self.figures, "Training f&igures")):
            self.tabs.addTab(tab, title)
        self.tabs.setCurrentWidget(self.meetings)
        self._layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._tab_shown)

    def _tab_shown(self, _index: int) -> None:
        tab = self.tabs.currentWidget()
        if tab is self.seats:
            self.seats.refresh()
        elif tab is self.meetings and not self.meetings.showing_form():
            self.meetings.refresh()
        elif tab is self.year:
            self.year.refresh()
        elif tab is self.training and not self.training.showing_attendance():
            self.training.refresh()
        elif tab is self.figures:
            self.figures.refresh()

    # -- for the main window --------------------------------------------------------
    def menu_actions(self) -> list[tuple[str, object]]:
        """Extra Records-menu items the main window offers for this page."""
        return [
            ("New Board meeting", self.new_meeting),
            ("Board attendance for the year", lambda: self.show_tab(self.year)),
            ("Training courses and runs", lambda: self.show_tab(self.training)),
        ]

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)
        tab.setFocus()

    def new_meeting(self) -> bool:
        self.tabs.setCurrentWidget(self.meetings)
        return self.meetings.new_meeting()

    def confirm_leave(self) -> bool:
        """True when the page may be left (nothing unsaved, or the user said so)."""
        if not self.built:
            return True  # never shown: nothing typed
        return self.meetings.confirm_leave() and self.training.confirm_leave()


def register() -> GuiModule:
    """The page as the main window's module registry describes it."""
    return GuiModule(domain="board", title="Board and training", icon="", factory=BoardPage)
