"""The Board and training screens driven as the business unit would (issue 6): fill a
meeting's attendance grid from the keyboard and watch the quorum, save and reopen it,
read the year's "n/m", add a course and a run and record its attendance."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QSpinBox

from hscb_desktop import app
from hscb_desktop.domains.board import queries as board_queries
from hscb_desktop.domains.board import service as board
from hscb_desktop.domains.board.quorum import QuorumResult
from hscb_desktop.domains.training import service as training
from hscb_desktop.gui.board_grid import AttendanceModel, quorum_text
from hscb_desktop.gui.board_page import BoardPage, register
from hscb_desktop.gui.board_training_run import CountsModel
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.security import auth

# The clock fixture stands at 1 March 2017 (in the 2016-17 reporting year).
NOT_QUORATE_ALL = "Not quorate: no local authority, police or health attendee"
QUORATE = "Quorate: local authority, police and health present"
# (label, agency, deputy allowed, counts for quorum)
SEATS = [
    ("Independent Chair", None, False, False),
    ("Assistant Chief Constable", "Hertfordshire Constabulary", False, True),
    ("Director of Children's Services", "Hertfordshire County Council", True, True),
    ("Designated Nurse", "Herts Valleys Clinical Commissioning Group", True, True),
    ("Lay Member", None, False, False),
]
LABELS = [s[0] for s in SEATS]


@pytest.fixture
def session(workspace, make_user):
    password = make_user("bu1", ["business_unit"])
    return auth.sign_in(workspace, "bu1", password)


def agency_ids(session) -> dict[str, int]:
    return {a["name"]: a["id"] for a in board.agency_choices(session)}


@pytest.fixture
def seats(session) -> list[int]:
    ids = agency_ids(session)
    out = []
    for order, (label, agency, deputy, quorum) in enumerate(SEATS, start=1):
        out.append(board.create_seat(session, {
            "title": label, "display_label": label,
            "agency_id": ids[agency] if agency else None, "deputy_allowed": deputy,
            "statutory_partner": quorum, "counts_for_quorum": quorum, "sort_order": order * 10,
        }))
    return out


@pytest.fixture
def page(qtbot, session, seats):
    widget = BoardPage(session)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def new_meeting_on(page: BoardPage, date_text: str):
    assert page.new_meeting()
    form = page.meetings.form
    form.ui.meeting_date.setText(date_text)
    form.ui.meeting_date.editingFinished.emit()  # as Tab out of the field does
    return form


def type_deputy(qtbot, grid, name: str) -> None:
    """After d: the deputy's name is open for typing; Enter moves to the next seat."""
    open_editors = [e for e in grid.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(open_editors) == 1, "the deputy's name did not open"
    editor = open_editors[0]
    qtbot.keyClicks(editor, name)
    row = grid.currentIndex().row()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.currentIndex().row() == row + 1)  # the close is queued


def test_register_describes_the_page():
    module = register()
    assert (module.domain, module.title) == ("board", "Board and training")
    assert module.factory is BoardPage


@pytest.mark.parametrize(
    ("result", "text"),
    [
        (QuorumResult(True, 3), QUORATE),
        (QuorumResult(False, 0, ("health", "local_authority", "police")), NOT_QUORATE_ALL),
        (QuorumResult(False, 2, ("police",)), "Not quorate: no police attendee"),
        (QuorumResult(False, 1, ("health", "police")), "Not quorate: no police or health attendee"),
        (QuorumResult(False, 3, (), 5), "Not quorate: 3 present of the 5 needed"),
    ],
)
def test_quorum_wording(result, text):
    assert quorum_text(result, ["health", "local_authority", "police"]) == text


def test_the_grid_models_pass_the_model_tester(qtmodeltester, session, seats):
    model = AttendanceModel()
    model.set_rows(board.meeting_grid(session, meeting_date=dt.date(2017, 2, 1)))
    model.set_status(2, "deputy_attended")
    model.set_problems({seats[0]: "Error: x"})
    qtmodeltester.check(model)
    counts = CountsModel()
    counts.load([(1, "Agency one"), (2, "Agency two")],
                [{"agency_id": 3, "agency_name": "Three", "attended_count": 4}])
    qtmodeltester.check(counts)


def test_a_meeting_grid_filled_from_the_keyboard_alone(qtbot, page, session, seats):
    form = new_meeting_on(page, "01/02/2017")
    grid = form.ui.grid
    assert [row[0] for row in form.grid_statuses()] == LABELS  # every seat active that day
    assert form.quorum_line() == NOT_QUORATE_ALL
    grid.setFocus()
    assert grid.currentIndex().row() == 0

    qtbot.keyClick(grid, "a")  # the chair attended; on to the next seat
    assert grid.currentIndex().row() == 1
    qtbot.keyClick(grid, "A")  # police (a capital works too)
    assert form.quorum_line() == "Not quorate: no local authority or health attendee"
    qtbot.keyClick(grid, "p")  # local authority: apologies
    qtbot.keyClick(grid, "d")  # health: a deputy attended...
    type_deputy(qtbot, grid, "Sam Deputy")  # ...whose name is typed, then Enter
    assert form.quorum_line() == "Not quorate: no local authority attendee"
    qtbot.keyClick(grid, "z")  # not a status key: nothing changes, the keys are named
    assert form.model.line(4).status is None
    assert "a attended" in form.ui.hintText.text()
    qtbot.keyClick(grid, "x")  # the lay member: absent (the last row)
    assert "Ctrl+S" in form.ui.hintText.text()
    assert form.ui.filledText.text().strip() == "5 of 5 seats recorded"

    # Back up two rows to the local authority seat: its director's deputy came after all.
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    assert grid.currentIndex().row() == 2
    qtbot.keyClick(grid, "d")
    type_deputy(qtbot, grid, "Pat Stand-in")
    assert form.quorum_line() == QUORATE
    assert form.grid_statuses() == [
        ("Independent Chair", "attended", None),
        ("Assistant Chief Constable", "attended", None),
        ("Director of Children's Services", "deputy_attended", "Pat Stand-in"),
        ("Designated Nurse", "deputy_attended", "Sam Deputy"),
        ("Lay Member", "absent_no_apologies", None),
    ]
    # A deputy where the seat allows none is refused, with the reason.
    grid.go_to(0)
    qtbot.keyClick(grid, "d")
    assert form.model.line(0).status == "attended"
    assert "does not allow a deputy" in form.ui.hintText.text()
    # Delete clears a row; the quorum follows.
    grid.go_to(1)
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert form.model.line(1).status is None
    assert form.quorum_line() == "Not quorate: no police attendee"
    qtbot.keyClick(grid, "a")
    assert form.quorum_line() == QUORATE
    assert form.is_dirty()


def test_save_and_reopen_the_grid(qtbot, page, session, seats):
    form = new_meeting_on(page, "01/02/2017")
    grid = form.ui.grid
    grid.setFocus()
    for key in "aap":
        qtbot.keyClick(grid, key)
    qtbot.keyClick(grid, "d")  # a deputy, but no name yet: Escape leaves the name blank
    editor = grid.viewport().findChild(QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    form.ui.saveButton.click()
    assert form.record is None and form.is_dirty()  # refused, nothing saved
    assert board.list_meetings(session) == []
    assert form.row_problem(seats[3]).startswith("Error: Designated Nurse: enter the name")
    assert "need" in form.message_text() and "Check column" in form.message_text()
    assert grid.currentIndex().row() == 3  # the cursor went to the row to fix
    assert "enter the name" in form.ui.hintText.text()

    grid.go_to(3, "attendee_name")
    grid.edit(grid.currentIndex())
    type_deputy(qtbot, grid, "Sam Deputy")
    assert form.row_problem(seats[3]) == ""  # re-checked as the row changed
    qtbot.keyClick(grid, "n")  # the lay member was not required
    form.ui.saveButton.click()
    meeting_id = form.record_id
    assert meeting_id is not None and not form.is_dirty()
    assert form.message_text() == ""
    assert "Meeting of 01/02/2017" in form.ui.formTitle.text()
    saved = {row.role_id: (row.status, row.attendee_name)
             for row in board.meeting_grid(session, meeting_id)}
    assert saved == {
        seats[0]: ("attended", None),
        seats[1]: ("attended", None),
        seats[2]: ("apologies", None),
        seats[3]: ("deputy_attended", "Sam Deputy"),
        seats[4]: ("not_required", None),
    }

    # Back to the list: the meeting is there with its quorum; reopen it.
    form.ui.backButton.click()
    meetings = page.meetings
    assert not meetings.showing_form()
    assert meetings.meeting_ids() == [meeting_id]
    quorum = meetings.model.index(0, meetings.model.column_index("quorum_text")).data()
    assert quorum == "Not quorate: no local authority attendee"
    fresh = BoardPage(session)
    qtbot.addWidget(fresh)
    assert fresh.meetings.open_meeting(meeting_id)
    reopened = fresh.meetings.form
    assert reopened.grid_statuses() == [
        ("Independent Chair", "attended", None),
        ("Assistant Chief Constable", "attended", None),
        ("Director of Children's Services", "apologies", None),
        ("Designated Nurse", "deputy_attended", "Sam Deputy"),
        ("Lay Member", "not_required", None),
    ]
    assert reopened.quorum_line() == "Not quorate: no local authority attendee"

    # Change one row from the keyboard and save again: update_meeting, version 2.
    reopened.ui.grid.setFocus()
    reopened.ui.grid.go_to(2)
    qtbot.keyClick(reopened.ui.grid, "a")
    assert reopened.quorum_line() == QUORATE
    reopened.ui.saveCloseButton.click()
    assert not fresh.meetings.showing_form()
    assert board.get_meeting(session, meeting_id)["version"] == 2
    assert board.meeting_grid(session, meeting_id)[2].status == "attended"


def test_a_second_meeting_on_the_same_day_is_refused_beside_the_date(page, session, seats):
    board.record_meeting(session, {"meeting_date": dt.date(2017, 2, 1),
                                   "meeting_type": "ordinary"}, {})
    form = new_meeting_on(page, "01/02/2017")
    form.ui.saveButton.click()
    assert form.record is None
    assert form.problem_text("meeting_date") == (
        "Error: A meeting of this board is already recorded on that date."
    )


def test_the_year_view_shows_n_of_m(qtbot, page, session, seats):
    board.record_meeting(session, {"meeting_date": dt.date(2016, 6, 9),
                                   "meeting_type": "ordinary"},
                         {seats[0]: "attended", seats[1]: "apologies", seats[2]: "attended",
                          seats[3]: "attended", seats[4]: "absent_no_apologies"})
    board.record_meeting(session, {"meeting_date": dt.date(2016, 11, 17),
                                   "meeting_type": "development_day"},
                         {s: "attended" for s in seats})  # does not count
    form = new_meeting_on(page, "09/02/2017")
    grid = form.ui.grid
    grid.setFocus()
    for key in "aaapx":
        qtbot.keyClick(grid, key)
    assert form.save() is not None

    page.tabs.setCurrentWidget(page.year)  # refreshed as it is shown
    year = page.year
    assert year.year.currentData().short_label == "2016-17"
    assert year.seat_texts() == {
        "Independent Chair": "2/2",
        "Assistant Chief Constable": "1/2",
        "Director of Children's Services": "2/2",
        "Designated Nurse": "1/2",
        "Lay Member": "0/2",
    }
    assert "2 meetings counted; 1 not counted" in year.summary.text()
    missed = year.missed_model
    assert missed.rowCount() == 1
    assert missed.index(0, missed.column_index("label")).data() == "Lay Member"
    assert missed.index(0, missed.column_index("current")).data() == "Yes"
    agencies = {year.agency_model.index(r, 0).data():
                year.agency_model.index(r, year.agency_model.column_index("text")).data()
                for r in range(year.agency_model.rowCount())}
    assert agencies["Hertfordshire Constabulary"] == "1/2"
    assert agencies[board.NO_AGENCY] == "2/4"
    # The same figures the service gives.
    assert [f.text for f in board_queries.seat_attendance(session, "2016-17")] == [
        "2/2", "1/2", "2/2", "1/2", "0/2"]


def test_seats_and_holders_are_added_in_their_dialogs(qtbot, page, session, seats):
    tab = page.seats
    page.tabs.setCurrentWidget(tab)
    assert tab.seat_ids() == seats
    police = agency_ids(session)["Hertfordshire Constabulary"]

    def fill_seat(dialog) -> int:
        ui = dialog.form.ui
        dialog.accept()  # nothing typed: the title is asked for beside its field
        assert dialog.form.problem_text("title") == "Error: Enter the seat's title."
        ui.title.setText("Detective Superintendent")
        ui.display_label.setText("Detective Superintendent, Public Protection")
        ui.agency_id.setCurrentIndex(ui.agency_id.findData(police))
        ui.counts_for_quorum.setChecked(True)
        ui.active_from.setText("1/4/2016")
        dialog.accept()
        return dialog.result()

    Dialogs.queue_answers(fill_seat)
    seat_id = tab.add_seat()
    assert seat_id is not None and tab.seat_ids()[-1] == seat_id
    assert tab.current_seat()["id"] == seat_id
    saved = board.get_seat(session, seat_id)
    assert saved["sort_order"] == 60  # after the last seat
    assert saved["agency_name"] == "Hertfordshire Constabulary"
    assert saved["active_from"] == dt.date(2016, 4, 1)

    def fill_holder(dialog) -> int:
        dialog.person_name.setText("Alex Example")
        dialog.from_date.setText("01/04/2016")
        dialog.to_date.setText("31/03/2016")
        dialog.accept()
        assert "cannot leave before they start" in dialog.problem_text()
        dialog.to_date.setText("")
        dialog.accept()
        return dialog.result()

    Dialogs.queue_answers(fill_holder)
    assert tab.add_holder()
    assert [h["person_name"] for h in board.list_holders(session, seat_id)] == ["Alex Example"]
    assert tab.holders_model.rowCount() == 1
    holder_col = tab.model.column_index("holder")
    row = tab.model.row_of(seat_id)
    assert tab.model.index(row, holder_col).data() == "Alex Example"

    def rename(dialog) -> int:
        dialog.form.ui.deputy_allowed.setChecked(True)
        dialog.accept()
        return dialog.result()

    Dialogs.queue_answers(rename)
    tab.select_seat(seat_id)
    assert tab.edit_seat() == seat_id
    assert board.get_seat(session, seat_id)["deputy_allowed"] is True


def test_a_course_a_run_and_its_counted_attendance(qtbot, page, session):
    tab = page.training
    page.tabs.setCurrentWidget(tab)
    assert tab.course_ids() == []
    agencies = agency_ids(session)
    hscb, police = agencies["HSCB"], agencies["Hertfordshire Constabulary"]
    council = agencies["Hertfordshire County Council"]

    def fill_course(dialog) -> int:
        ui = dialog.form.ui
        ui.title.setText("Neglect Lite Bite")
        ui.format.setCurrentIndex(ui.format.findData("lite_bite"))
        ui.theme.setEditText("Neglect")
        dialog.accept()
        return dialog.result()

    Dialogs.queue_answers(fill_course)
    course_id = tab.new_course()
    assert course_id is not None and tab.course_ids() == [course_id]
    assert training.get_course(session, course_id)["theme"] == "Neglect"

    def fill_run(dialog) -> int:
        ui = dialog.form.ui
        assert ui.course_id.currentData() == course_id  # the chosen course
        ui.run_date.setText("14/02/2017")
        ui.venue.setText("County Hall, Hertford")
        ui.capacity.setValue(20)
        ui.trainer_agency_ids.set_checked(str(hscb))
        dialog.accept()
        return dialog.result()

    Dialogs.queue_answers(fill_run)
    run_id = tab.new_run()
    assert run_id is not None and tab.run_ids() == [run_id]
    run = training.run_sheet(session, run_id)
    assert (run["capacity"], run["trainer_agency_ids"]) == (20, [hscb])

    # Its attendance, as counts per agency (no names collected).
    assert tab.open_attendance()
    sheet = tab.attendance
    assert sheet.per_agency.isChecked()  # a run with nothing recorded starts on counts
    assert sheet.set_count(police, "attended_count", 9)
    assert sheet.set_count(police, "booked_count", 10)
    assert sheet.set_count(police, "no_show_count", 1)
    assert sheet.set_count(council, "attended_count", 6)
    assert sheet.set_count(council, "booked_count", 6)
    assert sheet.has_unsaved_counts()
    assert "15 attended" in sheet.counts_total.text()
    sheet.save_counts_button.click()
    assert not sheet.has_unsaved_counts()
    totals = training.run_sheet(session, run_id)["totals"]
    assert (totals["attendees"], totals["booked"], totals["no_shows"]) == (15, 16, 1)
    assert sheet.totals.text().startswith("15 attended, 16 booked")

    # Typed into the sheet: a digit starts the edit, Enter moves down a row.
    view = sheet.counts
    view.setFocus()
    row = sheet.counts_model.row_of(hscb)
    view.setCurrentIndex(sheet.counts_model.index(row, 1))
    qtbot.keyClick(view, "2")
    editor = view.viewport().findChild(QSpinBox)
    assert editor is not None and editor.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.currentIndex().row() == row + 1)
    assert sheet.has_unsaved_counts()
    assert sheet.save_counts()
    assert training.run_sheet(session, run_id)["totals"]["attendees"] == 17

    # Back to the runs: the run's figures; then the year's figures.
    sheet.back_button.click()
    assert not tab.showing_attendance()
    attended = tab.run_model.index(0, tab.run_model.column_index("attendees")).data()
    assert attended == "17"
    page.tabs.setCurrentWidget(page.figures)
    assert page.figures.summary_text() == "17 attendees at 1 run of 1 course"
    by_course = page.figures.course_model
    assert by_course.index(0, by_course.column_index("of_capacity")).data() == "85%"


def test_a_run_attended_delegate_by_delegate(qtbot, page, session):
    agencies = agency_ids(session)
    course = training.create_course(session, {"title": "Toxic Trio", "format": "full_day"})
    run_id = training.create_run(session, {"course_id": course, "run_date": dt.date(2017, 2, 2)})
    tab = page.training
    page.tabs.setCurrentWidget(tab)
    tab.refresh(course=course)
    assert tab.open_attendance(run_id)
    sheet = tab.attendance
    sheet.per_delegate.setChecked(True)
    assert sheet.pages.currentIndex() == 0
    sheet.agency.setCurrentIndex(sheet.agency.findData(agencies["Hertfordshire Constabulary"]))
    sheet.delegate_name.setText("Chris Example")
    sheet.job_role.setText("Detective Sergeant")
    sheet.add_button.click()
    sheet.agency.setCurrentIndex(sheet.agency.findData(agencies["HSCB"]))
    sheet.status.setCurrentIndex(sheet.status.findData("no_show"))
    sheet.add_button.click()
    assert sheet.delegate_rows() == [
        ("Hertfordshire Constabulary", "Chris Example", "Detective Sergeant", "Attended"),
        ("HSCB", "", "", "No show"),
    ]
    totals = training.run_sheet(session, run_id)["totals"]
    assert (totals["attendees"], totals["booked"], totals["no_shows"]) == (1, 2, 1)
    # Enter on a delegate loads it to change it.
    sheet.bookings.setCurrentIndex(sheet.booking_model.index(1, 0))
    assert sheet.edit_delegate()
    assert sheet.add_button.text() == "Save de&legate"
    sheet.status.setCurrentIndex(sheet.status.findData("attended"))
    sheet.add_button.click()
    assert training.run_sheet(session, run_id)["totals"]["attendees"] == 2
    # Counts for an agency already recorded one by one are refused, in words.
    sheet.per_agency.setChecked(True)
    sheet.set_count(agencies["HSCB"], "attended_count", 3)
    assert not sheet.save_counts()
    assert "either one by one or as counts" in sheet.message.text()
    Dialogs.queue_answers("discard")
    assert tab.show_overview()


def test_the_business_unit_main_window_shows_the_page(qtbot, session, clock):
    window = app.build_main_window(session, clock)
    qtbot.addWidget(window)
    window.show()
    assert "board" in window.pages and isinstance(window.pages["board"], BoardPage)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "Board and training" in titles and "LADO" not in titles
    window.show_page("board")
    assert window.stack.currentWidget() is window.pages["board"]
    window.close()


def test_a_lado_officer_has_no_board_page(qtbot, workspace, make_user, clock):
    password = make_user("lado1", ["lado_officer"])
    officer = auth.sign_in(workspace, "lado1", password)
    window = app.build_main_window(officer, clock)
    qtbot.addWidget(window)
    assert "board" not in window.pages
    assert "Board and training" not in [window.nav.item(i).text()
                                        for i in range(window.nav.count())]
    window.close()



def test_a_holder_changed_by_someone_else_is_not_overwritten_and_the_typing_stays(
        page, session, seats):
    """Issue 11 (rows without a version column): the holder dialog hands the service the
    holder as it opened it; saved by a colleague meanwhile, the save is refused in the
    dialog, which keeps what was typed, and the colleague's change stays."""
    tab = page.seats
    page.tabs.setCurrentWidget(tab)
    chair = seats[0]
    holder = board.add_holder(session, chair, {"person_name": "Alex Example",
                                               "from_date": dt.date(2016, 4, 1)})
    tab.refresh(chair)
    tab._show_holders(holder)
    seen = []

    def change(dialog):
        board.update_holder(session, holder, {"to_date": dt.date(2017, 1, 31)})  # meanwhile
        dialog.person_name.setText("Sam Example")
        dialog.accept()
        seen.append((dialog.result(), dialog.problem_text(), dialog.person_name.text()))
        dialog.reject()
        return dialog.result()

    Dialogs.queue_answers(change)
    assert tab.edit_holder() is False
    [(result, problem, typed)] = seen
    assert result == 0 and typed == "Sam Example"
    assert ("The holder Alex Example (from 01/04/2016) was changed by someone else after "
            "you opened it. What you typed is still here") in problem
    [saved] = board.list_holders(session, chair)
    assert (saved["person_name"], saved["to_date"]) == ("Alex Example", dt.date(2017, 1, 31))


def test_a_delegate_changed_by_someone_else_is_not_overwritten_nor_removed(page, session):
    """Issue 11: the entry row hands the service the booking as loaded; changed by a
    colleague meanwhile, Save is refused with the typing kept, and Remove is refused."""
    agencies = agency_ids(session)
    course = training.create_course(session, {"title": "Toxic Trio", "format": "full_day"})
    run_id = training.create_run(session, {"course_id": course, "run_date": dt.date(2017, 2, 2)})
    booking = training.add_booking(session, run_id, {
        "agency_id": agencies["HSCB"], "status": "attended", "delegate_name": "Chris Example"})
    tab = page.training
    page.tabs.setCurrentWidget(tab)
    tab.refresh(course=course)
    assert tab.open_attendance(run_id)
    sheet = tab.attendance
    assert sheet.per_delegate.isChecked()
    sheet.bookings.setCurrentIndex(sheet.booking_model.index(0, 0))
    assert sheet.edit_delegate()
    training.update_booking(session, booking, {"status": "no_show"})  # meanwhile
    sheet.job_role.setText("Practice Manager")
    sheet.add_button.click()
    assert ("The booking of Chris Example (HSCB) was changed by someone else after you "
            "opened it") in sheet.message.text()
    assert (sheet.job_role.text(), sheet.add_button.text()) == ("Practice Manager",
                                                                "Save de&legate")
    [stored] = training.run_sheet(session, run_id)["bookings"]
    assert (stored["status"], stored["job_role"]) == ("no_show", None)
    Dialogs.queue_answers(True)  # yes, remove
    assert sheet.remove_delegate() is False
    assert "so it was not deleted" in sheet.message.text()
    assert training.run_sheet(session, run_id)["bookings"] == [stored]
    sheet.back_button.click()


def test_counts_changed_by_someone_else_are_not_overwritten_and_the_sheet_keeps_its_own(
        page, session):
    """Issue 11: the count sheet replaces the run's counts; saved over a colleague's
    counts from what it loaded, it is refused and keeps the typed counts unsaved."""
    agencies = agency_ids(session)
    police = agencies["Hertfordshire Constabulary"]
    council = agencies["Hertfordshire County Council"]
    course = training.create_course(session, {"title": "Toxic Trio", "format": "full_day"})
    run_id = training.create_run(session, {"course_id": course, "run_date": dt.date(2017, 2, 2)})
    tab = page.training
    page.tabs.setCurrentWidget(tab)
    tab.refresh(course=course)
    assert tab.open_attendance(run_id)
    sheet = tab.attendance
    training.set_counts(session, run_id, [{"agency_id": police, "attended_count": 7}])  # meanwhile
    assert sheet.set_count(council, "attended_count", 6)
    assert not sheet.save_counts()
    assert ("The count sheet of the run of 02/02/2017 was changed by someone else after you "
            "opened it") in sheet.message.text()
    assert sheet.has_unsaved_counts() and "6 attended" in sheet.counts_total.text()
    assert [(c["agency_id"], c["attended_count"])
            for c in training.run_sheet(session, run_id)["counts"]] == [(police, 7)]
    Dialogs.queue_answers("discard")
    assert tab.show_overview()


def test_a_course_changed_by_someone_else_is_not_overwritten(page, session):
    """Issue 11: courses have no version column either; the course dialog hands the
    service the course as it opened it and a stale save is refused in the dialog."""
    course = training.create_course(session, {"title": "Toxic Trio", "format": "full_day"})
    tab = page.training
    page.tabs.setCurrentWidget(tab)
    tab.refresh(course=course)
    seen = []

    def change(dialog):
        dialog.show()
        training.update_course(session, course, {"theme": "Neglect"})  # meanwhile
        dialog.form.ui.title.setText("The Toxic Trio")
        dialog.accept()
        area = dialog.form.ui.messages  # the dialog grows: the two lines are not cut off
        assert area.height() >= area.heightForWidth(area.width())
        seen.append((dialog.result(), dialog.form.message_text(), dialog.form.ui.title.text()))
        dialog.reject()
        return dialog.result()

    Dialogs.queue_answers(change)
    assert tab.edit_course() is None
    [(result, problem, typed)] = seen
    assert result == 0 and typed == "The Toxic Trio"
    assert 'The course "Toxic Trio" was changed by someone else after you opened it' in problem
    saved = training.get_course(session, course)
    assert (saved["title"], saved["theme"]) == ("Toxic Trio", "Neglect")
