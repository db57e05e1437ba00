"""Keeping LADO records lawfully from the screens (issue 3, SPEC §1.6): the list of records
due for retention review, opening one, deleting it with a reason and a confirmation, and
the hold that keeps a record off the list. The clock fixture stands at 1 March 2017."""
from __future__ import annotations

import datetime as dt

import pytest

from hscb_desktop.domains.lado import service
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.lado_page import LadoPage
from hscb_desktop.security import auth
from hscb_desktop.storage import audit


@pytest.fixture
def session(workspace, make_user):
    return auth.sign_in(workspace, "lado1", make_user("lado1", ["lado_officer"]))


@pytest.fixture
def page(qtbot, session):
    widget = LadoPage(session)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def contact(session, employer: str, received: dt.date, dob: dt.date | None = None) -> int:
    data = {
        "date_received": received,
        "referral_source_type": "employer_dsl",
        "employer_name": employer,
        "employment_sector": "education_school",
        "threshold_met": False,
        "subject_named": dob is not None,
        "subject_name": "Pat Jones" if dob else None,
        "subject_dob": dob,
    }
    return service.create_contact(session, data)


def old_contact(session, employer: str = "Beech House Nursery") -> int:
    """Received 12 years before the clock, the subject past pension age: review 01/02/2015."""
    return contact(session, employer, dt.date(2005, 2, 1), dob=dt.date(1944, 3, 1))


def reason_answer(text: str):
    return lambda dialog: dialog.reason.setText(text) or dialog.accept() or dialog.result()


def test_due_for_review_lists_a_record_past_its_review_date_and_opens_it(page, session, clock):
    old = old_contact(session)
    contact(session, "Oakfield Primary School", dt.date(2017, 2, 1))  # reviewed in 2027
    # Received 10 years and a day ago, no DOB: 10 years from the referral, flagged.
    no_dob = contact(session, "Riverside Academy", dt.date(2007, 2, 28))
    page.show_list()
    assert page.retention_text.text() == "2 records due for retention review"

    page.retention_button.click()
    assert page.showing_retention()
    review = page.retention
    assert review.ids() == [old, no_dob]  # oldest review first
    assert review.column_texts("Review date") == ["01/02/2015", "28/02/2017"]
    assert review.column_texts("Employer") == ["Beech House Nursery", "Riverside Academy"]
    assert review.current_id() == old

    review.open_button.click()
    assert page.showing_form() and page.form.record_id == old
    assert page.form.ui.retentionText.text().startswith("Review from 01/02/2015")
    assert "unknown" not in page.form.ui.retentionText.text()
    page.form.ui.backButton.click()  # back to the list it was opened from
    assert page.showing_retention() and review.current_id() == old

    review.select_id(no_dob)
    review.open_current()
    assert "date of birth unknown" in page.form.ui.retentionText.text()
    page.form.ui.backButton.click()
    review.back_button.click()
    assert not page.showing_retention() and not page.showing_form()


def test_delete_with_a_reason_removes_the_record(page, session, monkeypatch):
    old = old_contact(session)
    service.add_meeting(session, old, {"meeting_type": "strategy_meeting",
                                       "meeting_date": dt.date(2005, 2, 3)})
    confirms = []
    original = Dialogs.confirm
    monkeypatch.setattr(
        Dialogs, "confirm", lambda *a, **k: confirms.append(k) or original(*a, **k)
    )
    page.show_retention_due()
    page.retention.open_current()
    ref = page.form.record["ref"]

    # Cancelling the reason, or the confirmation, keeps the record.
    Dialogs.queue_answers(0)
    page.form.ui.deleteButton.click()
    Dialogs.queue_answers(reason_answer("Reviewed"), False)
    page.form.ui.deleteButton.click()
    assert service.get_contact(session, old)["ref"] == ref
    assert page.showing_form()

    Dialogs.queue_answers(reason_answer("Reviewed 01/03/2017: no longer needed"), True)
    page.form.ui.deleteButton.click()
    kind, title, text = Dialogs.shown[-1]
    assert (kind, title) == ("confirm", f"Delete {ref}")
    assert "cannot be undone" in text and "no longer needed" in text
    assert confirms[-1] == {"yes_text": "Delete permanently", "destructive": True}
    assert page.showing_retention() and page.retention.ids() == []
    assert page.retention.count.text() == "None due"
    with pytest.raises(service.RecordMissing):
        service.get_contact(session, old)
    [entry] = [e for e in audit.entries_for("lado", "lado_contact", old) if e.action == "delete"]
    assert entry.reason == "Reviewed 01/03/2017: no longer needed" and entry.user == "lado1"
    assert not page.form.is_dirty() and page.form.record is None


def test_deleting_a_record_before_its_review_date_says_so(page, session):
    recent = contact(session, "Oakfield Primary School", dt.date(2017, 2, 1))
    page.open_contact(recent)
    Dialogs.queue_answers(reason_answer("Logged twice"), True)
    assert page.form.delete_record() is True
    assert "has not been reached" in Dialogs.shown[-1][2]
    assert not page.showing_form() and page.list.ids() == []


def test_a_held_record_is_not_due_and_cannot_be_deleted(page, session):
    old = old_contact(session)
    page.show_retention_due()
    page.retention.open_current()
    Dialogs.queue_answers(reason_answer("Litigation"))
    page.form.ui.holdButton.click()
    assert not page.form.ui.deleteButton.isEnabled()
    Dialogs.queue_answers(None)  # asked anyway: it says why and stops
    assert page.form.delete_record() is False
    assert Dialogs.shown[-1][:2] == ("warn", "Record on hold")
    assert service.get_contact(session, old)["retention_hold"] is True
    page.form.ui.backButton.click()
    assert page.showing_retention() and page.retention.ids() == []


def test_records_menu_opens_the_retention_review(qtbot, session, clock):
    from hscb_desktop import app

    old = old_contact(session)
    window = app.build_main_window(session, clock)
    qtbot.addWidget(window)
    actions = {a.text(): a for a in window.menuBar().actions()}
    records = {a.text(): a for a in actions["&Records"].menu().actions()}
    records["LADO records due for retention review"].trigger()
    page = window.pages["lado"]
    assert window.stack.currentWidget() is page and page.showing_retention()
    assert page.retention.ids() == [old]
    records["New LADO contact"].trigger()
    assert page.showing_form() and page.form.record is None
    window.close()
