"""The private fostering screens driven as a user would (issue 4): an enquiry made into a
notification, its arrangement recorded, visited and ended; the due list following the
injected clock past midnight; the law's stops and warnings beside their fields."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel

from hscb_desktop.domains.fostering import service
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.fostering_arrangement import VisitDialog
from hscb_desktop.gui.fostering_page import FosteringPage, register
from hscb_desktop.security import auth
from hscb_desktop.storage import audit

D = dt.date
UTC = dt.timezone.utc


# The clock fixture stands at 1 March 2017, 09:00.


@pytest.fixture
def password(make_user):
    return make_user("pf1", ["fostering_worker"])


@pytest.fixture
def session(workspace, password):
    return auth.sign_in(workspace, "pf1", password)


@pytest.fixture
def page(qtbot, session):
    widget = FosteringPage(session)
    qtbot.addWidget(widget)
    widget.resize(1100, 680)
    widget.show()
    return widget


def choose(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    assert index >= 0, f"{value!r} is not offered by {combo.objectName()}"
    combo.setCurrentIndex(index)


def visit(visit_type: str, date: str, seen_alone: bool | None = True, report: str = ""):
    """A queued answer for the visit dialog: fill it in and press Save."""

    def answer(dialog: VisitDialog) -> int:
        choose(dialog.visit_type, visit_type)
        dialog.visit_date.setText(date)
        choose(dialog.seen_alone, seen_alone)
        dialog.report_written.setText(report)
        dialog.accept()
        return dialog.result()

    return answer


def notification_data(**changes) -> dict:
    data = {
        "date_received": D(2017, 1, 10),
        "notifier_type": "professional_school",
        "notification_type": "existing_arrangement_not_notified",
        "intended_start_date": D(2017, 1, 2),
        "intended_duration_days": 180,
        "child_name": "Robin Example",
        "child_date_of_birth": D(2008, 5, 1),
        "carer_name": "Kit Carer",
    }
    data.update(changes)
    return data


def arrangement_with_visit(session, **child) -> int:
    """Notified 10/01/2017, initially visited 18/01/2017 (so the next regulation 8 visit is
    due on 01/03/2017), assessed 15/02/2017."""
    note = service.create_notification(session, notification_data(**child))
    arrangement = service.record_arrangement(session, note, {
        "start_date": D(2017, 1, 2),
        "carer_relationship": "family_friend",
        "reasons": ["parental_ill_health"],
        "assessment_completed_date": D(2017, 2, 15),
        "assessment_outcome": "suitable",
    })
    service.add_visit(session, arrangement, {"visit_type": "initial_statutory",
                                             "visit_date": D(2017, 1, 18)})
    return arrangement


def test_register_describes_the_page():
    module = register()
    assert (module.domain, module.title) == ("fostering", "Private fostering")
    assert module.factory is FosteringPage


def test_an_enquiry_becomes_an_ended_arrangement_with_visits(page, session):
    assert page.showing() == "due"
    page.tabs.setCurrentWidget(page.enquiries)

    # The enquiry, from the list's New button.
    page.enquiries.new_button.click()
    assert page.showing() == "enquiry"
    enquiry = page.enquiry_form
    ui = enquiry.ui
    assert ui.date_received.date() == D(2017, 3, 1)  # today, ready to change
    ui.date_received.setText("30/01/2017")
    choose(ui.enquirer_type, "school")
    ui.enquirer_name.setText("Oakfield Primary")
    # "Make a notification" saves the enquiry and opens a new notification linked to it.
    ui.makeNotificationButton.click()
    enquiry_id = service.get_enquiry(session, 1)["id"]
    assert page.showing() == "notification"
    note = page.notification_form
    assert "from enquiry PFE-2017-0001" in note.ui.formTitle.text()

    ui = note.ui
    choose(ui.notification_type, "existing_arrangement_not_notified")
    choose(ui.notifier_type, "professional_school")
    ui.date_received.setText("01/02/2017")
    ui.intended_start_date.setText("16/01/2017")
    ui.intended_duration_days.setValue(180)
    assert ui.noticeText.text() == (
        "Notice given in time: No (an existing arrangement that was not notified)"
    )
    ui.child_name.setText("Sam Sample")
    choose(ui.child_sex, "female")
    ui.child_date_of_birth.setText("12/05/2006")
    assert ui.childAge.text() == "Aged 10 on the notification date"
    ui.child_place_of_birth.setText("Lyon")
    ui.child_country_of_birth.setText("France")
    choose(ui.child_born_in_uk, "no")
    ui.child_religion.setText("None")
    choose(ui.child_ethnicity, "WOTH")
    ui.child_language.setText("French")
    ui.child_immigration_status.setText("EEA national")
    ui.carer_name.setText("Jo Friend")
    ui.carer_address.setPlainText("1 Sample Street, Hertford")
    ui.carer_postcode.setText("SG14 1AA")

    # "Record the arrangement" saves the notification, then opens a new arrangement.
    ui.arrangementButton.click()
    assert page.showing() == "arrangement"
    [note_id] = page.notifications.kind.source(session).ids()
    saved_note = service.get_notification(session, note_id)
    assert saved_note["ref"] == "PF-2017-0001"
    assert saved_note["child_country_of_birth"] == "France"
    assert saved_note["notice_given_in_time"] == "no"
    assert saved_note["enquiry_id"] == enquiry_id
    assert service.get_enquiry(session, enquiry_id)["outcome"] == "became_notification"

    form = page.arrangement_form
    ui = form.ui
    assert ui.start_date.date() == D(2017, 1, 16)  # the intended start
    assert ui.la_aware_date.date() == D(2017, 2, 1)  # the day it was notified
    assert not ui.addVisitButton.isEnabled()
    choose(ui.carer_relationship, "family_friend")
    ui.reasons.set_checked("parental_ill_health")
    choose(ui.child_in_need_or_cp, "none")
    ui.saveButton.click()
    assert form.record_id is not None and not form.is_dirty()
    arrangement_id = form.record_id
    assert "PF-2017-0001" in ui.formTitle.text() and "open" in ui.formTitle.text()
    # 7 working days from 01/02/2017: the initial visit is overdue, and says so in words.
    assert "OVERDUE: Initial visit (7 working days) - 10/02/2017" in form.due_text()
    assert any(
        t == "Overdue" for t in page.due.column_texts("overdue")
    )  # the due list was refreshed by the save

    # The initial visit, then a regulation 8 visit, from the visits table's buttons.
    Dialogs.queue_answers(visit("initial_statutory", "06/02/2017", True, "07/02/2017"))
    ui.addVisitButton.click()
    assert form.visit_rows() == [
        ("Initial statutory visit (reg 4/7)", "06/02/2017", "Yes", "07/02/2017", "pf1"),
    ]  # the visitor is the signed-in worker unless changed
    assert ui.initial_visit_date.date() == D(2017, 2, 6)  # filled in by the service
    assert "Initial visit" not in form.due_text()
    Dialogs.queue_answers(visit("statutory_reg8", "20/02/2017", False))
    ui.addVisitButton.click()
    assert [r[0] for r in form.visit_rows()] == [
        "Initial statutory visit (reg 4/7)", "Statutory visit (reg 8)",
    ]
    assert "Regulation 8 visit - 03/04/2017 (in 33 days)" in form.due_text()
    assert not form.is_dirty()

    # The end: date, reason and who told us; Save and close goes back the way it came.
    ui.end_date.setText("28/02/2017")
    choose(ui.end_reason, "returned_to_parent")
    ui.end_notified_by.setText("Mother, by phone")
    ui.saveCloseButton.click()
    saved = service.get_arrangement(session, arrangement_id)
    assert saved["end_date"] == D(2017, 2, 28) and saved["end_reason"] == "returned_to_parent"
    assert len(saved["visits"]) == 2
    actions = [e.action for e in audit.entries_for("fostering", "pf_arrangement", arrangement_id)]
    assert "end" in actions
    assert page.showing() == "notification"
    assert page.notification_form.ui.arrangementButton.text() == "Op&en the arrangement"
    assert page.notification_form.ui.backButton.text() == "&Back to enquiry"
    page.notification_form.ui.backButton.click()
    assert page.showing() == "enquiry"
    assert page.enquiry_form.ui.backButton.text() == "&Back to list"
    assert page.enquiry_form.ui.notificationText.text() == (
        "This enquiry became notification PF-2017-0001."
    )
    assert not page.enquiry_form.ui.makeNotificationButton.isEnabled()
    page.enquiry_form.ui.backButton.click()
    assert page.showing() == "enquiries"
    assert page.enquiries.column_texts("notification_ref") == ["PF-2017-0001"]

    # Found again among the arrangements: ended, and by child, carer or reference.
    page.tabs.setCurrentWidget(page.arrangements)
    lst = page.arrangements
    assert lst.ids() == [arrangement_id]
    assert lst.column_texts("status") == ["Ended"]
    choose(lst.status, "open")
    assert lst.ids() == []
    choose(lst.status, "ended")
    for text in ("Sample", "Jo Fri", "PF-2017-0001"):
        lst.search.setText(text)
        lst.search.returnPressed.emit()
        assert lst.ids() == [arrangement_id], text
    lst.search.setText("Nobody")
    lst.search.returnPressed.emit()
    assert lst.ids() == []
    assert lst.count.text() == "0 arrangements"


@pytest.fixture
def evening_session(workspace, password, clock):
    """Signed in at 20:00 on 1 March 2017 (the session's 8 hours run past midnight)."""
    clock.set(dt.datetime(2017, 3, 1, 20, 0, tzinfo=UTC))
    return auth.sign_in(workspace, "pf1", password)


def test_an_overdue_visit_appears_when_the_clock_passes_midnight(qtbot, evening_session, clock):
    session = evening_session
    arrangement = arrangement_with_visit(session)
    teen = arrangement_with_visit(
        session, child_name="Ash Sample", child_date_of_birth=D(2001, 4, 15), carer_name="Lee"
    )
    page = FosteringPage(session)
    qtbot.addWidget(page)
    page.show()
    due = page.due

    def rows() -> list[tuple[str, ...]]:
        names = ("overdue", "due", "when", "kind", "child")
        return list(zip(*(due.column_texts(n) for n in names)))

    reg8 = ("", "01/03/2017", "today", "Regulation 8 visit", "Robin Example")
    assert reg8 in rows()  # due today: not yet overdue
    # A child turning 16 during the arrangement is flagged, in words.
    assert ("", "15/04/2017", "in 45 days", "Turns 16: ceases to be private fostering",
            "Ash Sample") in rows()
    assert [r[1] for r in rows()] == sorted([r[1] for r in rows()],
                                            key=lambda d: dt.datetime.strptime(d, "%d/%m/%Y"))

    clock.advance(hours=3)  # 23:00: still the same day
    assert page.clock_tick() is False
    clock.advance(hours=1, minutes=30)  # 00:30 on 2 March
    assert page.clock_tick() is True
    assert ("Overdue", "01/03/2017", "yesterday", "Regulation 8 visit", "Robin Example") in rows()
    assert "overdue" in due.summary.text() and not due.summary.text().endswith(" 0 overdue")
    assert page.clock_tick() is False  # once per day

    # Enter (the view's activated signal) on the overdue row opens its arrangement.
    row = next(r for r, values in enumerate(rows()) if values[0] == "Overdue")
    index = due.model.index(row, 0)
    due.table.setCurrentIndex(index)
    due.table.activated.emit(index)
    assert page.showing() == "arrangement"
    assert page.arrangement_form.record_id == arrangement
    assert "OVERDUE: Regulation 8 visit - 01/03/2017 (yesterday)" in (
        page.arrangement_form.due_text()
    )
    # The arrangement list says the same.
    page.arrangement_form.ui.backButton.click()
    assert page.showing() == "due"
    page.tabs.setCurrentWidget(page.arrangements)
    page.arrangements.overdue.setChecked(True)
    assert sorted(page.arrangements.ids()) == sorted([arrangement, teen])
    assert page.arrangements.column_texts("overdue") == ["Yes", "Yes"]


def test_a_child_of_16_is_stopped_beside_the_date_of_birth(page):
    page.new_notification()
    form = page.notification_form
    ui = form.ui
    choose(ui.notification_type, "advance_proposal")
    choose(ui.notifier_type, "proposed_carer")
    ui.date_received.setText("01/02/2017")
    ui.intended_start_date.setText("01/04/2017")
    ui.child_name.setText("Alex Sample")
    ui.child_date_of_birth.setText("15/01/2001")  # 16 on the notification date
    ui.carer_name.setText("Pat Carer")
    assert ui.noticeText.text().startswith("Notice given in time: Yes")
    ui.saveButton.click()
    text = form.problem_text("child_date_of_birth")
    assert text.startswith("Error: The child was 16 on the notification date (01/02/2017)")
    assert form.record is None and form.is_dirty()  # nothing was saved
    # Disabled: private fostering runs to 18, so the same child may be notified.
    ui.child_disabled.setChecked(True)
    ui.saveButton.click()
    assert form.problem_text("child_date_of_birth") == ""
    assert form.record is not None and form.record["child_disabled"] is True


def test_under_28_days_warns_but_saves(page, session):
    page.new_notification()
    form = page.notification_form
    ui = form.ui
    choose(ui.notification_type, "emergency_placement")
    choose(ui.notifier_type, "parent_or_pr_holder")
    ui.date_received.setText("21/02/2017")
    ui.intended_start_date.setText("20/02/2017")
    ui.intended_duration_days.setValue(20)
    ui.child_name.setText("Kit Sample")
    ui.carer_name.setText("Noor Carer")
    ui.saveButton.click()
    assert form.record is not None  # a warning does not stop the save
    assert form.problem_text("intended_duration_days") == (
        "Warning: An arrangement intended to last under 28 days is not private fostering."
    )
    label = form.findChild(QLabel, "problem_intended_duration_days")
    assert label.isVisibleTo(form)
    assert service.get_notification(session, form.record_id)["intended_duration_days"] == 20


def test_a_close_relative_and_date_order_are_stopped_beside_their_fields(page, session):
    note = service.create_notification(session, notification_data())
    page.open_record("notification", note)
    page.notification_form.ui.arrangementButton.click()
    form = page.arrangement_form
    ui = form.ui
    assert page.showing() == "arrangement" and form.record is None
    choose(ui.carer_relationship, "grandparent")
    ui.end_date.setText("01/01/2017")  # before the start (02/01/2017)
    choose(ui.end_reason, "returned_to_parent")
    ui.saveButton.click()
    assert form.problem_text("carer_relationship").startswith(
        "Error: A close relative (grandparent, brother, sister, aunt, uncle or step-parent) "
        "is not a private foster carer"
    )
    assert form.problem_text("end_date") == (
        "Error: The end date cannot be before the start date."
    )
    assert form.record is None
    assert service.get_notification(session, note)["arrangement_id"] is None
    choose(ui.carer_relationship, "family_friend")
    ui.end_date.setText("")
    choose(ui.end_reason, None)
    ui.saveButton.click()
    assert form.record is not None
    assert form.problem_text("carer_relationship") == ""


def test_a_child_turning_16_during_the_arrangement_is_warned(page, session):
    note = service.create_notification(
        session, notification_data(child_date_of_birth=D(2001, 1, 20))  # 15 when notified
    )
    page.open_record("notification", note)
    page.notification_form.ui.arrangementButton.click()
    form = page.arrangement_form
    choose(form.ui.carer_relationship, "family_friend")
    form.ui.saveButton.click()
    assert form.record is not None  # a warning: saved
    assert form.problem_text("end_date") == (
        "Warning: The child turned 16 on 20/01/2017: the arrangement ceases to be private "
        "fostering then. Record the end date (reason: child reached 16 or 18)."
    )


def test_enquiry_outcome_fields_show_only_when_they_apply(page, session):
    page.new_enquiry()
    form = page.enquiry_form
    ui = form.ui
    choose(ui.enquirer_type, "parent")
    reason_row = ui.not_pf_reason
    other_la = ui.other_la_name
    assert not reason_row.isVisibleTo(form) and not other_la.isVisibleTo(form)
    choose(ui.outcome, "not_private_fostering")
    assert reason_row.isVisibleTo(form) and not other_la.isVisibleTo(form)
    ui.saveButton.click()
    assert form.problem_text("not_pf_reason") == (
        "Error: Choose why the arrangement is not private fostering."
    )
    choose(ui.not_pf_reason, "close_relative")
    choose(ui.outcome, "referred_to_other_la")  # the reason, now hidden, is not saved
    assert other_la.isVisibleTo(form) and not reason_row.isVisibleTo(form)
    other_la.setText("Luton")
    ui.saveButton.click()
    saved = service.get_enquiry(session, form.record_id)
    assert (saved["outcome"], saved["not_pf_reason"], saved["other_la_name"]) == (
        "referred_to_other_la", None, "Luton")
    # "Became a notification" is never chosen by hand.
    index = ui.outcome.findData("became_notification")
    assert not ui.outcome.model().item(index).isEnabled()


def test_unsaved_changes_are_guarded(page):
    page.new_enquiry()
    form = page.enquiry_form
    form.ui.enquirer_name.setText("typed")
    Dialogs.queue_answers("cancel")
    form.ui.backButton.click()
    assert page.showing() == "enquiry"
    Dialogs.queue_answers("discard")
    form.ui.backButton.click()
    assert page.showing() == "due"


def test_editing_and_deleting_a_visit(page, session):
    arrangement = arrangement_with_visit(session)
    assert page.open_record("arrangement", arrangement)
    form = page.arrangement_form
    form.ui.notes.setPlainText("typed before the visit, not saved")
    Dialogs.queue_answers(visit("statutory_reg8", "25/02/2017", True))
    form.ui.addVisitButton.click()
    assert len(form.visit_rows()) == 2
    # What was typed survives the visit's save, still unsaved.
    assert form.ui.notes.toPlainText() == "typed before the visit, not saved"
    assert form.is_dirty()
    form.select_visit_row(1)
    Dialogs.queue_answers(visit("statutory_reg8", "26/02/2017", False, "27/02/2017"))
    form.ui.editVisitButton.click()
    assert form.visit_rows()[1] == (
        "Statutory visit (reg 8)", "26/02/2017", "No", "27/02/2017", "pf1"
    )
    # A visit in the future is refused inside the dialog, which stays open.
    form.select_visit_row(1)
    seen: list[str] = []

    def future(dialog: VisitDialog) -> int:
        dialog.visit_date.setText("02/03/2017")
        dialog.accept()
        seen.append(dialog.problem_text())
        return 0

    Dialogs.queue_answers(future)
    form.ui.editVisitButton.click()
    assert seen[0].startswith("Error: A visit (02/03/2017) cannot be in the future.")
    form.select_visit_row(1)
    Dialogs.queue_answers(True)
    form.ui.deleteVisitButton.click()
    assert len(form.visit_rows()) == 1
    assert Dialogs.shown[-1][:2] == ("confirm", "Delete visit")
    assert len(service.get_arrangement(session, arrangement)["visits"]) == 1


def test_list_models_pass_the_model_tester(qtmodeltester, page, session):
    arrangement_with_visit(session)
    page.due.refresh()
    for lst in (page.arrangements, page.notifications, page.enquiries):
        lst.refresh()
        qtmodeltester.check(lst.model)
    qtmodeltester.check(page.due.model)


TAB_ORDER = {
    "enquiry_form": ["date_received", "enquirer_type", "enquirer_name", "outcome",
                     "not_pf_reason", "other_la_name", "notes", "ref"],
    "notification_form": [
        "notification_type", "notifier_type", "date_received", "intended_start_date",
        "intended_duration_days", "progressed", "not_progressed_reason", "change_reason",
        "child_name", "child_sex", "child_date_of_birth", "child_place_of_birth",
        "child_country_of_birth", "child_born_in_uk", "child_religion", "child_ethnicity",
        "child_language", "child_disabled", "child_immigration_status", "carer_name",
        "carer_address", "carer_postcode", "carer_phone", "carer_household", "notes", "ref"],
    "arrangement_form": [
        "start_date", "la_aware_date", "carer_relationship", "reasons", "initial_visit_date",
        "dbs_carer_date", "dbs_household_date", "pnc_date", "assessment_completed_date",
        "assessment_outcome", "child_in_need_or_cp", "end_date", "end_reason",
        "end_notified_by", "new_carer_details", "change_reason", "notes"],
}


@pytest.mark.parametrize("name", sorted(TAB_ORDER))
def test_every_field_is_reachable_by_tab_in_section_order(page, name):
    form = getattr(page, name)
    editors = {form.field(n).objectName() for n in form.field_names}
    assert editors == set(TAB_ORDER[name])  # every bound field is in the expected order
    chain, widget = [], form.field(TAB_ORDER[name][0])
    while widget not in chain:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    in_order = [w.objectName() for w in chain if form.isAncestorOf(w) and w.objectName() in editors]
    assert in_order == TAB_ORDER[name]
    buddies = {label.buddy() for label in form.findChildren(QLabel) if label.buddy()}
    for field in form.field_names:  # each editor has a label naming it (or its own text)
        editor = form.field(field)
        assert editor in buddies or isinstance(editor, QAbstractButton), field


@pytest.mark.parametrize("form", ["enquiry_form", "notification_form", "arrangement_form"])
def test_each_form_has_unique_access_keys(page, form):
    """Keyboard first: no two labels or buttons of a form share an Alt key."""
    widget = getattr(page, form)
    keys: list[str] = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        match = re.search(r"&(\w)", child.text())
        if match:
            keys.append(match.group(1).lower())
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_a_lado_officer_has_no_fostering_page(qtbot, workspace, make_user, clock):
    from hscb_desktop import app

    lado_password = make_user("lado1", ["lado_officer"])
    lado = auth.sign_in(workspace, "lado1", lado_password)
    window = app.build_main_window(lado, clock)
    qtbot.addWidget(window)
    assert "lado" in window.pages and "fostering" not in window.pages
    window.close()

    pf_password = make_user("pf2", ["fostering_worker"])
    worker = auth.sign_in(workspace, "pf2", pf_password)
    window = app.build_main_window(worker, clock)
    qtbot.addWidget(window)
    assert "fostering" in window.pages and "lado" not in window.pages
    window.close()



def test_the_main_window_moves_the_due_list_past_midnight(qtbot, session, clock):
    """The main window's one-second timer passes the clock to every page, so an arrangement
    whose visit fell due yesterday shows as overdue without any click (issue 4)."""
    from hscb_desktop import app

    window = app.build_main_window(session, clock)
    qtbot.addWidget(window)
    window.show()
    window.show_page("fostering")
    page = window.pages["fostering"]
    calls = []
    original = page.clock_tick
    page.clock_tick = lambda: calls.append(1) or original()
    session.absolute_limit_s = 24 * 3600.0  # a long day: past midnight, still signed in
    clock.advance(hours=16)  # 09:00 -> 01:00 the next day
    session.touch()
    window.check_session()
    assert calls, "the window's timer did not reach the page"
    window.close()


def test_a_visit_changed_by_someone_else_is_not_overwritten_and_the_typing_stays(
        page, session):
    """The visit dialog hands the service the visit as the form loaded it: changed
    meanwhile (another worker, another window), the save is refused in the dialog, which
    keeps what was typed; a delete is refused too, said beside the visits, and the visit
    stays (domains.stale)."""
    arrangement = arrangement_with_visit(session)
    assert page.open_record("arrangement", arrangement)
    form = page.arrangement_form
    [loaded] = service.get_arrangement(session, arrangement)["visits"]
    service.update_visit(session, loaded["id"], {"notes": "A colleague's notes"})
    form.select_visit_row(0)
    seen = []

    def change(dialog: VisitDialog) -> int:
        dialog.notes.setText("My notes")
        dialog.accept()
        seen.append((dialog.result(), dialog.problem_text(), dialog.notes.text()))
        dialog.reject()
        return dialog.result()

    Dialogs.queue_answers(change)
    assert form.edit_visit() is False
    [(result, problem, typed)] = seen
    assert result == 0 and typed == "My notes"
    assert problem.startswith("Error: The visit of 18/01/2017 was changed by someone else "
                              "after you opened it")
    [stored] = service.get_arrangement(session, arrangement)["visits"]
    assert stored["notes"] == "A colleague's notes"
    form.select_visit_row(0)
    Dialogs.queue_answers(True)  # yes, delete
    assert form.delete_visit() is False
    assert Dialogs.shown[-1][:2] == ("confirm", "Delete visit")
    message = form.ui.visitMessage
    assert message.isVisibleTo(form) and "so it was not deleted" in message.text()
    assert len(form.visit_rows()) == 1
    assert service.get_arrangement(session, arrangement)["visits"] == [stored]
    # Read again (the record opened afresh), the visit saves and deletes as usual.
    form.reload(arrangement)
    form.select_visit_row(0)
    Dialogs.queue_answers(visit("initial_statutory", "18/01/2017", True))
    assert form.edit_visit() is True
    form.select_visit_row(0)
    Dialogs.queue_answers(True)
    assert form.delete_visit() is True
    assert service.get_arrangement(session, arrangement)["visits"] == []
