"""The LADO screens driven as a user would (issue 3): log a consultation, upgrade it to a
threshold case, add a meeting and an action, close it, find it again by typing."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel

from hscb_desktop.core.validation import error
from hscb_desktop.domains.lado import service
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.lado_form import FIELDS, LadoContactForm
from hscb_desktop.gui.lado_list import COLUMNS
from hscb_desktop.gui.lado_page import LadoPage, register
from hscb_desktop.security import auth
from hscb_desktop.storage import audit

# The clock fixture stands at 1 March 2017.


@pytest.fixture
def session(workspace, make_user):
    password = make_user("lado1", ["lado_officer"])
    signed_in = auth.sign_in(workspace, "lado1", password)
    signed_in.test_password = password  # type: ignore[attr-defined]
    return signed_in


@pytest.fixture
def page(qtbot, session):
    widget = LadoPage(session)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def choose(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    assert index >= 0, f"{value!r} is not offered by {combo.objectName()}"
    combo.setCurrentIndex(index)


def fill_consultation(form: LadoContactForm, employer: str = "Oakfield Primary School") -> None:
    ui = form.ui
    choose(ui.threshold_met, False)
    ui.date_received.setText("01/02/2017")
    ui.date_allegation_known.setText("01/02/2017")
    choose(ui.contact_method, "phone")
    choose(ui.referral_source_type, "employer_dsl")
    ui.referrer_name.setText("Jo Bloggs")
    ui.employer_name.setText(employer)
    choose(ui.employment_sector, "education_school")
    choose(ui.setting_type, "primary_school")


def record_of(session, record_id: int) -> dict:
    return service.get_contact(session, record_id)


def test_register_describes_the_page():
    module = register()
    assert (module.domain, module.title) == ("lado", "LADO")
    assert module.factory is LadoPage


def test_a_case_from_consultation_to_closure(qtbot, page, session):
    form, lst = page.form, page.list
    assert not page.showing_form()

    # Log a consultation from the list's New button.
    lst.new_button.click()
    assert page.showing_form() and form.record is None
    assert form.ui.date_received.date() == dt.date(2017, 3, 1)  # today, ready to change
    fill_consultation(form)
    form.ui.saveCloseButton.click()
    assert not page.showing_form()
    [case] = lst.ids()
    assert lst.column_texts("employer") == ["Oakfield Primary School"]
    assert lst.column_texts("type") == ["Consultation"]
    assert lst.column_texts("ref") == ["LADO-2017-0001"]

    # Open it again and make it a threshold case: the categories are missing.
    lst.select_id(case)
    lst.open_current()
    assert page.showing_form() and form.record_id == case
    ui = form.ui
    choose(ui.threshold_met, True)
    ui.subject_name.setText("Sam Taylor")
    assert ui.subject_named.isChecked() is False  # only typing (textEdited) ticks it
    ui.subject_named.setChecked(True)
    ui.subject_dob.setText("17/05/1980")
    ui.subject_role.setText("Class teacher")
    ui.saveButton.click()
    assert form.problem_text("abuse_category").startswith("Error:")
    assert "category of harm" in form.problem_text("abuse_category")
    assert form.problem_text("harm_criteria").startswith("Error:")
    assert form.is_dirty()
    assert record_of(session, case)["threshold_met"] is False  # nothing was saved

    ui.abuse_category.set_checked("physical")
    ui.harm_criteria.set_checked("harmed_or_may_have_harmed")
    ui.saveButton.click()
    assert form.problem_text("abuse_category") == ""
    assert not form.is_dirty()
    saved = record_of(session, case)
    assert saved["threshold_met"] is True and saved["abuse_category"] == ["physical"]
    assert saved["subject_name"] == "Sam Taylor" and saved["version"] == 2
    assert "Threshold case, open" in ui.formTitle.text()

    # A meeting and an action, as rows inside the case.
    choose(ui.meetingType, "strategy_meeting")
    ui.meetingDate.setText("03/02/2017")
    ui.meetingNotes.setText("With police")
    ui.addMeetingButton.click()
    choose(ui.actionType, "suspension")
    ui.actionDate.setText("06/02/2017")
    ui.addActionButton.click()
    assert form.follow_up_rows() == [
        ("Meeting", "Strategy meeting", "03/02/2017", "With police"),
        ("Action", "Suspension", "06/02/2017", ""),
    ]
    assert ui.meetingNotes.text() == "" and ui.meetingType.currentIndex() == 0
    saved = record_of(session, case)
    assert [m["meeting_type"] for m in saved["meetings"]] == ["strategy_meeting"]
    assert [a["action_type"] for a in saved["actions"]] == ["suspension"]
    assert not form.is_dirty()  # rows are saved at once, not part of the form's changes

    # Close it with an outcome; Save and close returns to the refreshed list.
    choose(ui.outcome, "unsubstantiated")
    ui.outcome_date.setText("20/02/2017")
    ui.date_closed.setText("24/02/2017")
    choose(ui.closure_reason, "outcome_reached")
    ui.lessons_learned.setPlainText("Supervision of lunch cover.")
    ui.saveCloseButton.click()
    assert not page.showing_form()
    saved = record_of(session, case)
    assert saved["date_closed"] == dt.date(2017, 2, 24) and saved["outcome"] == "unsubstantiated"
    assert saved["closure_reason"] == "outcome_reached"
    assert "close" in [e.action for e in audit.entries_for("lado", "lado_contact", case)]
    assert lst.column_texts("status") == ["Closed"]
    assert lst.column_texts("outcome") == ["Unsubstantiated"]

    # Find it again among others by typing part of the employer's name.
    other = service.create_contact(session, _consultation("Riverside Academy"))
    lst.refresh()
    assert sorted(lst.ids()) == sorted([case, other])
    lst.search.setText("oakf")
    qtbot.waitUntil(lambda: lst.ids() == [case], timeout=2000)
    lst.search.setText("rivers")
    qtbot.waitUntil(lambda: lst.ids() == [other], timeout=2000)


def test_search_waits_for_typing_to_pause(qtbot, page, session):
    lst = page.list
    service.create_contact(session, _consultation("Oakfield Primary School"))
    service.create_contact(session, _consultation("Riverside Academy"))
    lst.refresh()
    assert len(lst.ids()) == 2
    lst.search.setText("river")
    assert len(lst.ids()) == 2  # not yet: the search runs once typing pauses
    qtbot.waitUntil(lambda: len(lst.ids()) == 1, timeout=2000)
    lst.search.clear()
    qtbot.waitUntil(lambda: len(lst.ids()) == 2, timeout=2000)


def test_filters_narrow_the_list(page, session):
    lst = page.list
    consultation = service.create_contact(session, _consultation("Oakfield Primary School"))
    threshold = service.create_contact(
        session,
        {
            **_consultation("Riverside Academy"),
            "threshold_met": True,
            "abuse_category": ["sexual"],
            "harm_criteria": ["risk_of_harm"],
        },
    )
    lst.refresh()
    choose(lst.kind, True)
    assert lst.ids() == [threshold]
    choose(lst.kind, False)
    assert lst.ids() == [consultation]
    choose(lst.kind, None)
    choose(lst.status, "closed")
    assert lst.ids() == []
    choose(lst.status, None)
    lst.period.setCurrentIndex(lst.period.findText("July 2016 - June 2017"))
    assert sorted(lst.ids()) == sorted([consultation, threshold])
    lst.period.setCurrentIndex(lst.period.findText("July 2015 - June 2016"))
    assert lst.ids() == []


def test_sorting_is_done_by_the_database(page, session):
    lst = page.list
    names = ["Riverside Academy", "Oakfield Primary School", "Beech House Nursery"]
    for name in names:
        service.create_contact(session, _consultation(name))
    lst.refresh()
    column = lst.model.column_index("employer")
    lst.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert lst.column_texts("employer") == sorted(names)
    lst.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert lst.column_texts("employer") == sorted(names, reverse=True)
    lst.search.setText("o")  # a new search keeps the chosen order
    lst.refresh()
    assert lst.column_texts("employer") == sorted(names, reverse=True)


def test_opening_a_deleted_contact_says_so(page, session, monkeypatch):
    case = service.create_contact(session, _consultation("Oakfield Primary School"))
    page.list.refresh()
    monkeypatch.setattr(service, "get_contact", _raise_missing)
    Dialogs.queue_answers(None)
    assert page.open_contact(case) is False
    assert Dialogs.shown[-1][:2] == ("warn", "Cannot open")
    assert not page.showing_form()


def _raise_missing(session, record_id):
    raise service.RecordMissing([error("", f"LADO contact {record_id} no longer exists.")])


def test_late_referral_warns_but_saves(page, session):
    form = page.form
    page.new_contact()
    fill_consultation(form)
    form.ui.date_allegation_known.setText("20/01/2017")
    form.ui.saveButton.click()
    assert form.record_id is not None
    warning = form.problem_text("date_received")
    assert warning.startswith("Warning:") and "working days" in warning
    assert record_of(session, form.record_id)["date_allegation_known"] == dt.date(2017, 1, 20)


def test_required_fields_are_errors_beside_them(page):
    form = page.form
    page.new_contact()
    form.ui.saveButton.click()
    assert form.record is None
    assert form.problem_text("employer_name").startswith("Error:")
    assert form.problem_text("referral_source_type").startswith("Error:")
    assert form.problem_text("employment_sector").startswith("Error:")
    assert form.problem_text("subject_name") == ""  # identity is optional for a consultation
    form.ui.date_received.setText("31/02/2017")
    form.ui.saveButton.click()
    assert form.problem_text("date_received").startswith("Error:")


def test_unsaved_changes_guard(page):
    form = page.form
    page.new_contact()
    form.ui.employer_name.setText("Oakfield Primary School")
    Dialogs.queue_answers("cancel")
    form.ui.backButton.click()
    assert page.showing_form()
    assert form.ui.employer_name.text() == "Oakfield Primary School"
    assert Dialogs.shown[-1][:2] == ("save_discard_cancel", "Unsaved changes")
    Dialogs.queue_answers("discard")
    form.ui.backButton.click()
    assert not page.showing_form()
    page.list.new_button.click()
    assert form.ui.employer_name.text() == ""  # a fresh form, no dialog: nothing was typed


def test_saving_shows_other_contacts_for_the_employer(page, session):
    earlier = [service.create_contact(session, _consultation("Oakfield Primary School"))
               for _ in range(2)]
    service.create_contact(session, _consultation("Riverside Academy"))
    form = page.form
    page.new_contact()
    fill_consultation(form, employer="  oakfield primary   school ")
    assert form.related_text() == ""
    form.ui.saveButton.click()
    assert form.related_text() == "2 other contacts for this employer"
    assert sorted(form.related_ids) == sorted(earlier)
    with_ids = []
    form.related_requested.connect(with_ids.append)
    form.ui.relatedShow.click()
    assert sorted(with_ids[0]) == sorted(earlier)
    assert not page.showing_form()
    assert sorted(page.list.ids()) == sorted(earlier)
    page.list.show_all.click()
    assert len(page.list.ids()) == 4


def test_changing_a_closed_case_needs_a_reason(page, session):
    case = service.create_contact(
        session, {**_consultation("Oakfield Primary School"), "date_closed": dt.date(2017, 2, 2),
                  "closure_reason": "consultation_advice_only"})
    page.open_contact(case)
    form = page.form
    assert form.ui.change_reason.isVisibleTo(form)
    form.ui.lessons_learned.setPlainText("Advice given on the same day.")
    form.ui.saveButton.click()
    assert form.problem_text("reason").startswith("Error:")
    form.ui.change_reason.setText("Lessons added after review")
    form.ui.saveButton.click()
    assert form.problem_text("reason") == ""
    assert record_of(session, case)["lessons_learned"] == "Advice given on the same day."


def test_meeting_needs_a_type_and_a_saved_case(page, session):
    form = page.form
    page.new_contact()
    assert not form.ui.addMeetingButton.isEnabled()
    case = service.create_contact(session, _consultation("Oakfield Primary School"))
    page.open_contact(case)
    form.ui.meetingDate.setText("02/02/2017")
    form.ui.addMeetingButton.click()
    assert form.ui.followUpMessage.text().startswith("Error:")
    assert form.follow_up_rows() == []


def test_every_field_is_reachable_by_keyboard_in_section_order(page):
    form = page.form
    buddies = {label.buddy(): label.text() for label in form.findChildren(QLabel) if label.buddy()}
    for name in FIELDS:
        editor = form.field(name)
        text = editor.text() if isinstance(editor, QAbstractButton) else buddies.get(editor, "")
        assert text, f"{name} has no label"
        assert name == "ref" or "&" in text, f"{name}'s label {text!r} has no mnemonic"
    chain, widget = [], form.ui.threshold_met
    while widget not in chain:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    fields_in_tab_order = [
        w.objectName() for w in chain if form.isAncestorOf(w) and w.objectName() in FIELDS
    ]
    assert fields_in_tab_order == [n for n in FIELDS if n != "ref"] + ["ref"]


def test_list_model_passes_the_model_tester(qtmodeltester, page, session):
    service.create_contact(session, _consultation("Oakfield Primary School"))
    page.list.refresh()
    assert [c.name for c in page.list.model.columns] == [c.name for c in COLUMNS]
    qtmodeltester.check(page.list.model)


def _consultation(employer: str) -> dict:
    return {
        "date_received": dt.date(2017, 2, 1),
        "referral_source_type": "employer_dsl",
        "employer_name": employer,
        "employment_sector": "education_school",
        "setting_type": "primary_school",
        "threshold_met": False,
        "subject_named": False,
    }


def test_idle_lock_hides_every_lado_text_and_keeps_unsaved_input(qtbot, session, clock):
    """KP-2 on the real LADO page: after the idle limit no widget of the main window
    holds record text (list rows, form fields, the typed but unsaved notes), and the
    unsaved input is back after unlocking."""
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QAbstractItemView, QWidget

    from hscb_desktop import app

    marker = "Zebrafinch Marker Academy"
    record_id = service.create_contact(session, {
        "date_received": dt.date(2017, 2, 20), "referral_source_type": "employer_dsl",
        "employer_name": marker, "employment_sector": "education_school",
        "threshold_met": False, "subject_named": False,
    })
    window = app.build_main_window(session, clock)
    qtbot.addWidget(window)
    window.show()
    window.show_page("lado")
    page = window.pages["lado"]
    assert page.open_contact(record_id)
    page.form.ui.lessons_learned.setPlainText("typed, not saved")

    def texts() -> list[str]:
        found = [window.windowTitle()]
        for widget in [window, *window.findChildren(QWidget)]:
            for getter in ("text", "toPlainText", "currentText", "windowTitle"):
                if hasattr(widget, getter):
                    found.append(str(getattr(widget, getter)()))
            if isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                try:
                    columns = model.columnCount(QModelIndex())
                except TypeError:  # list models keep columnCount private: one column
                    columns = 1
                for r in range(model.rowCount(QModelIndex())):
                    for c in range(columns):
                        found.append(str(model.data(model.index(r, c))))
        return found

    assert any(marker in t for t in texts())  # the walk can see the record
    clock.advance(minutes=6)
    window.check_session()
    assert session.locked
    assert not any(marker in t or "typed, not saved" in t for t in texts())

    window.lock_view.password.setText(session.test_password)
    window.lock_view.unlock_button.click()
    assert not session.locked
    assert window.pages["lado"].form.ui.lessons_learned.toPlainText() == "typed, not saved"
    Dialogs.queue_answers("discard")  # closing still guards the unsaved input
    window.close()
    assert Dialogs.shown[-1][0] == "save_discard_cancel"


# -- the fields added for the keyboard (referrer agency and the rest of §1.2) ------------


def _agency_id(name: str) -> int:
    from hscb_desktop.storage import reference

    return next(i for i, label in reference.agency_choices() if label == name)


def test_referrer_agency_and_the_other_fields_are_saved_and_reloaded(page, session):
    form, ui = page.form, page.form.ui
    names = [ui.referrer_agency_id.itemText(i) for i in range(1, ui.referrer_agency_id.count())]
    assert names == sorted(names, key=str.casefold) and "Hertfordshire Constabulary" in names
    page.new_contact()
    fill_consultation(form)
    police = _agency_id("Hertfordshire Constabulary")
    choose(ui.referrer_agency_id, police)
    ui.threshold_decision_date.setText("02/02/2017")
    ui.lado_officer.setText("A. Officer")
    choose(ui.previous_allegations_known, "unknown")
    ui.linked_case_ref.setText("LADO-2016-0007")
    ui.child_count.setValue(3)
    ui.saveButton.click()
    case = form.record_id
    assert case is not None and not form.is_dirty()
    saved = record_of(session, case)
    assert saved["referrer_agency_id"] == police
    assert saved["threshold_decision_date"] == dt.date(2017, 2, 2)
    assert (saved["lado_officer"], saved["previous_allegations_known"]) == ("A. Officer", "unknown")
    assert (saved["linked_case_ref"], saved["child_count"]) == ("LADO-2016-0007", 3)

    page.show_list()
    page.open_contact(case)
    assert ui.referrer_agency_id.currentText() == "Hertfordshire Constabulary"
    assert ui.child_count.value() == 3 and ui.lado_officer.text() == "A. Officer"
    assert ui.previous_allegations_known.currentText() == "Unknown"

    # The blank agency and "Not recorded" children are stored as nothing, not as 0 or "".
    ui.referrer_agency_id.setCurrentIndex(0)
    ui.child_count.setValue(ui.child_count.minimum())
    assert ui.child_count.text() == "Not recorded"
    ui.saveButton.click()
    saved = record_of(session, case)
    assert saved["referrer_agency_id"] is None and saved["child_count"] is None


def test_a_retired_agency_is_not_offered_but_a_record_naming_it_still_shows_it(page, session):
    from hscb_desktop.storage.core_models import Agency

    police = _agency_id("Hertfordshire Constabulary")
    case = service.create_contact(
        session, {**_consultation("Oakfield Primary School"), "referrer_agency_id": police}
    )
    Agency.update(active=False).where(Agency.id == police).execute()
    from hscb_desktop.gui.lado_form import LadoContactForm as Form

    form = Form(session)
    agencies = form.ui.referrer_agency_id
    assert agencies.findData(police) < 0  # a new contact cannot choose it
    form.reload(case)
    assert agencies.currentText() == "Hertfordshire Constabulary (no longer active)"
    assert form.values()["referrer_agency_id"] == police
    form.load(None)  # the next contact is not offered it
    assert agencies.findData(police) < 0
    form.deleteLater()


# -- meetings and actions: change and delete -----------------------------------------------


def test_edit_and_delete_a_meeting(page, session):
    case = service.create_contact(session, _consultation("Oakfield Primary School"))
    meeting = service.add_meeting(
        session,
        case,
        {"meeting_type": "strategy_meeting", "meeting_date": dt.date(2017, 2, 3),
         "notes": "With police"},
    )
    page.open_contact(case)
    form, ui = page.form, page.form.ui
    assert not ui.editRowButton.isEnabled() and not ui.deleteRowButton.isEnabled()
    form.select_follow_up_row(0)
    assert ui.editRowButton.isEnabled() and ui.deleteRowButton.isEnabled()

    # A date the rules refuse keeps the dialog open with the problem in it; nothing is saved.
    seen = []

    def too_early(dialog):
        dialog.date.setText("01/01/2017")
        dialog.accept()
        seen.append((dialog.isVisible(), dialog.result(), dialog.problem_text()))
        dialog.reject()
        return dialog.result()

    Dialogs.queue_answers(too_early)
    ui.editRowButton.click()
    assert seen[0][1] == 0 and seen[0][2].startswith("Error:")
    assert record_of(session, case)["meetings"][0]["meeting_date"] == dt.date(2017, 2, 3)

    def change(dialog):
        choose(dialog.type, "joint_evaluation_meeting")
        dialog.date.setText("04/02/2017")
        dialog.notes.setText("Police and school")
        dialog.accept()
        return dialog.result()

    Dialogs.queue_answers(change)
    ui.editRowButton.click()
    assert form.follow_up_rows() == [
        ("Meeting", "Joint evaluation meeting", "04/02/2017", "Police and school")
    ]
    [saved] = record_of(session, case)["meetings"]
    assert (saved["id"], saved["meeting_type"], saved["meeting_date"], saved["notes"]) == (
        meeting, "joint_evaluation_meeting", dt.date(2017, 2, 4), "Police and school")
    assert not form.is_dirty()

    # Delete asks first; Cancel keeps the row.
    form.select_follow_up_row(0)
    Dialogs.queue_answers(False)
    ui.deleteRowButton.click()
    assert len(form.follow_up_rows()) == 1
    kind, title, text = Dialogs.shown[-1]
    assert (kind, title) == ("confirm", "Delete meeting") and "04/02/2017" in text
    Dialogs.queue_answers(True)
    ui.deleteRowButton.click()
    assert form.follow_up_rows() == [] and record_of(session, case)["meetings"] == []
    actions = [e.action for e in audit.entries_for("lado", "lado_meeting", meeting)]
    assert actions == ["create", "update", "delete"]


def test_edit_and_delete_an_action(page, session):
    case = service.create_contact(session, _consultation("Oakfield Primary School"))
    service.add_action(session, case, {"action_type": "suspension",
                                       "action_date": dt.date(2017, 2, 6)})
    page.open_contact(case)
    form = page.form
    form.select_follow_up_row(0)

    def change(dialog):
        choose(dialog.type, "dbs_referral")
        dialog.accept()
        return dialog.result()

    Dialogs.queue_answers(change)
    assert form.edit_row() is True
    assert form.follow_up_rows() == [("Action", "Referral to DBS", "06/02/2017", "")]
    assert [a["action_type"] for a in record_of(session, case)["actions"]] == ["dbs_referral"]
    Dialogs.queue_answers(True)
    assert form.delete_row() is True
    assert record_of(session, case)["actions"] == []


# -- retention on the form: the hold and the redaction ---------------------------------------


def reason_answer(text: str):
    """A queued answer for gui.lado_retention.ReasonDialog: type the reason and press OK."""
    return lambda dialog: dialog.reason.setText(text) or dialog.accept() or dialog.result()


def test_retention_hold_is_toggled_with_a_reason_and_audited(page, session):
    case = service.create_contact(session, _consultation("Oakfield Primary School"))
    page.open_contact(case)
    form, ui = page.form, page.form.ui
    assert ui.retentionText.text().startswith("Review from 01/02/2027")
    assert "date of birth unknown" in ui.retentionText.text()  # no subject DOB recorded
    assert ui.holdText.text() == "No retention hold."

    Dialogs.queue_answers(reason_answer("IICSA: preserve"))
    ui.holdButton.click()
    saved = record_of(session, case)
    assert saved["retention_hold"] is True and saved["retention_hold_reason"] == "IICSA: preserve"
    assert ui.holdText.text() == "On hold: IICSA: preserve"
    assert "on retention hold" in ui.formTitle.text()
    assert not ui.deleteButton.isEnabled() and "Lift" in ui.holdButton.text()
    [entry] = [e for e in audit.entries_for("lado", "lado_contact", case)
               if e.action == "retention_hold"]
    assert entry.reason == "IICSA: preserve" and entry.user == "lado1"

    Dialogs.queue_answers(0)  # the reason dialog cancelled: nothing changes
    ui.holdButton.click()
    assert record_of(session, case)["retention_hold"] is True

    # Unsaved input is dealt with first: Cancel there stops the action too.
    ui.lessons_learned.setPlainText("typed, not saved")
    Dialogs.queue_answers("cancel")
    ui.holdButton.click()
    assert Dialogs.shown[-1][0] == "save_discard_cancel"
    assert record_of(session, case)["retention_hold"] is True
    Dialogs.queue_answers("discard", reason_answer("Inquiry closed"))
    ui.holdButton.click()
    assert record_of(session, case)["retention_hold"] is False
    assert ui.holdText.text() == "No retention hold." and ui.deleteButton.isEnabled()
    assert ui.lessons_learned.toPlainText() == "" and not form.is_dirty()


def test_redacting_a_malicious_allegation_clears_its_details(page, session):
    case = service.create_contact(session, {
        **_consultation("Oakfield Primary School"),
        "threshold_met": True, "abuse_category": ["physical"],
        "harm_criteria": ["harmed_or_may_have_harmed"],
        "allegation_details": "Said to have pushed a pupil.",
        "lessons_learned": "None.", "outcome": "malicious",
        "outcome_date": dt.date(2017, 2, 20), "date_closed": dt.date(2017, 2, 21),
        "closure_reason": "outcome_reached",
    })
    meeting = service.add_meeting(session, case, {"meeting_type": "strategy_meeting",
                                                  "meeting_date": dt.date(2017, 2, 3),
                                                  "notes": "Named the pupil"})
    page.open_contact(case)
    form, ui = page.form, page.form.ui
    assert ui.redactButton.isEnabled()
    assert ui.allegation_details.toPlainText() == "Said to have pushed a pupil."

    Dialogs.queue_answers(reason_answer("Found malicious"), False)  # confirmation refused
    ui.redactButton.click()
    assert record_of(session, case)["allegation_details"] == "Said to have pushed a pupil."

    Dialogs.queue_answers(reason_answer("Found malicious"), True)
    ui.redactButton.click()
    kind, title, text = Dialogs.shown[-1]
    assert (kind, title) == ("confirm", f"Redact {record_of(session, case)['ref']}")
    assert "Found malicious" in text
    saved = record_of(session, case)
    assert saved["allegation_details"] is None and saved["lessons_learned"] is None
    assert saved["redacted"] is True and saved["meetings"][0]["notes"] is None
    assert ui.allegation_details.toPlainText() == ""
    assert ui.allegation_details.placeholderText().startswith("Redacted")
    assert "Details redacted" in ui.holdText.text() and not ui.redactButton.isEnabled()
    assert form.follow_up_rows()[0][3] == ""
    assert [e.action for e in audit.entries_for("lado", "lado_meeting", meeting)] == ["create"]
    assert "redact_details" in [e.action for e in audit.entries_for("lado", "lado_contact", case)]


def test_redaction_is_offered_only_for_a_malicious_or_false_outcome(page, session):
    case = service.create_contact(session, _consultation("Oakfield Primary School"))
    page.open_contact(case)
    assert not page.form.ui.redactButton.isEnabled()
    Dialogs.queue_answers(None)  # called anyway (e.g. from code): it says why, and stops
    assert page.form.redact_details() is False
    assert Dialogs.shown[-1][:2] == ("warn", "Cannot redact")


def test_the_list_loads_a_page_at_a_time_and_counts_after(qtbot, session, monkeypatch):
    from hscb_desktop.gui import lado_list

    monkeypatch.setattr(lado_list, "PAGE_SIZE", 2)
    names = ["Alder School", "Birch School", "Cedar School", "Damson School", "Elm School"]
    made = [service.create_contact(session, _consultation(name)) for name in names]
    hidden = LadoPage(session)  # not shown: no view asks for more rows
    qtbot.addWidget(hidden)
    lst = hidden.list
    assert lst.ids() == made[::-1][:2]  # one page, newest first
    assert lst.count.text() == ""  # the count comes once the page is up
    qtbot.waitUntil(lambda: lst.count.text() == "5 contacts", timeout=2000)
    assert lst.model.canFetchMore()
    lst.model.fetchMore()
    assert lst.ids() == made[::-1][:4]
    lst.refresh()  # after a save: as many rows as were loaded, in one query
    assert lst.ids() == made[::-1][:4]
    lst.search.setText("damson")  # a search starts again from its first page
    qtbot.waitUntil(lambda: lst.ids() == [made[3]], timeout=2000)
    assert lst.count.text() == "1 contact"  # all on one page: counted without a query
    lst.search.clear()
    qtbot.waitUntil(lambda: len(lst.ids()) == 2, timeout=2000)
    lst.show_chosen(made[:3])
    assert lst.ids() == [made[2], made[1]]
    qtbot.waitUntil(lambda: lst.count.text() == "3 contacts", timeout=2000)


def test_a_shown_list_fills_its_view(qtbot, session, monkeypatch):
    from hscb_desktop.gui import lado_list

    monkeypatch.setattr(lado_list, "PAGE_SIZE", 2)
    made = [service.create_contact(session, _consultation(f"Employer {n}")) for n in range(5)]
    shown = LadoPage(session)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    lst = shown.list
    qtbot.waitUntil(lambda: lst.ids() == made[::-1], timeout=2000)  # the view fetched more
    assert not lst.model.canFetchMore()
    lst.table.sortByColumn(lst.model.column_index("employer"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: lst.ids() == made, timeout=2000)
    assert lst.count.text() == "5 contacts"


def test_opening_the_lado_page_does_not_widen_a_1024_pixel_window(qtbot, session, clock):
    """The filter row's five combos at their longest choices made the page ~1,000 pixels
    wide, and showing it stretched a 1024-pixel window past the screen. They shrink now,
    and the whole choice is each combo's tooltip."""
    from hscb_desktop import app

    window = app.build_main_window(session, clock)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitUntil(lambda: window.width() == 1024)
    window.show_page("lado")
    page = window.pages["lado"]
    qtbot.wait(50)  # a layout pass
    assert window.width() == 1024 and window.minimumSizeHint().width() <= 1024
    status = page.list.status
    choose(status, "open")
    assert status.toolTip() == status.currentText()
    window.close()


def test_a_meeting_changed_by_someone_else_is_not_overwritten_and_the_typing_stays(
        page, session):
    """The meeting dialog hands the service the row as the form loaded it: changed
    meanwhile (another officer, another window), the save is refused in the dialog, which
    keeps what was typed; a delete is refused too and the row stays."""
    case = service.create_contact(session, _consultation("Oakfield Primary School"))
    meeting = service.add_meeting(session, case, {
        "meeting_type": "strategy_meeting", "meeting_date": dt.date(2017, 2, 3),
        "notes": "With police"})
    page.open_contact(case)
    form = page.form
    service.update_meeting(session, meeting, {"notes": "A colleague's notes"})
    form.select_follow_up_row(0)
    seen = []

    def change(dialog):
        dialog.show()
        dialog.notes.setText("My notes")
        dialog.accept()
        seen.append((dialog.result(), dialog.problem_text(), dialog.notes.text(),
                     dialog.notes.height() >= dialog.notes.sizeHint().height()))
        dialog.reject()
        return dialog.result()

    Dialogs.queue_answers(change)
    assert form.edit_row() is False
    [(result, problem, typed, room)] = seen
    assert result == 0 and typed == "My notes"
    assert room  # the dialog grew for the message: the fields were not squeezed
    assert "was changed by someone else after you opened it" in problem
    assert record_of(session, case)["meetings"][0]["notes"] == "A colleague's notes"
    Dialogs.queue_answers(True, None)  # yes, delete; then the error is read
    assert form.delete_row() is False
    kind, title, text = Dialogs.shown[-1]
    assert (kind, title) == ("error", "Not deleted") and "so it was not deleted" in text
    assert len(record_of(session, case)["meetings"]) == 1
