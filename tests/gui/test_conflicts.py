"""Issue 11: two people saving the same record (optimistic locking, as seen in the forms).

Each test opens the same record in two real forms signed in as two users over the real
encrypted stores: A saves, B's save is refused as stale with B's input untouched, the
panel in B's form lists what changed (who, when, from what to what, and B's own value),
"Keep my changes" re-bases B onto A's version without saving, and B's deliberate save
then succeeds with both users' changes in the audit log. Nothing is silently overwritten:
the record-level form of KP-4 (refuse to overwrite what changed underneath us, keep the
other change) with AUD-1 (every change audited with its old and new values).
"""
from __future__ import annotations

import datetime as dt

import pytest

from hscb_desktop.domains.board import service as board
from hscb_desktop.domains.cdop import service as cdop
from hscb_desktop.domains.fostering import service as fostering
from hscb_desktop.domains.lado import service as lado
from hscb_desktop.domains.training import service as training
from hscb_desktop.gui.board_meeting_form import MeetingForm
from hscb_desktop.gui.board_seats import SeatForm
from hscb_desktop.gui.board_training_forms import RunForm
from hscb_desktop.gui.cdop_death_form import CdopDeathForm
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.fostering_notification import NotificationForm
from hscb_desktop.gui.lado_form import LadoContactForm
from hscb_desktop.security import auth
from hscb_desktop.storage import audit, reference

D = dt.date


@pytest.fixture
def sign_in(workspace, make_user):
    def _sign_in(username: str, roles: list[str]):
        return auth.sign_in(workspace, username, make_user(username, roles))

    return _sign_in


def open_form(qtbot, cls, session, record, **kw):
    form = cls(session, **kw)
    qtbot.addWidget(form)
    form.resize(1366, 768)
    form.load(record)
    form.show()
    return form


def updates_by(store: str, table: str, record_id: int) -> list[tuple[str, dict, dict]]:
    """(user, old, new) of each update audited for the record, oldest first."""
    out = []
    for entry in audit.entries_for(store, table, record_id):
        if entry.action == "update":
            old, new = audit.values_of(store, entry.seq)
            out.append((entry.user, old, new))
    return out


def row_for(form, label: str) -> dict[str, str]:
    panel = form.conflicts.panel
    for i, row in enumerate(panel.rows):
        if row.label == label or f"{row.label} *" == label:
            return {c: panel.cell_text(i, c) for c in (
                "Field", "When you opened it", "Saved now", "Saved by", "Yours (not saved)")}
    raise AssertionError(f"{label!r} not listed; rows: {[r.label for r in panel.rows]}")


# -- LADO ---------------------------------------------------------------------------------
def test_lado_second_save_is_refused_shown_and_rebased(qtbot, sign_in):
    """Issue 11 conflicts, LADO contact: B's input survives a stale refusal (no data lost),
    the change A made is shown inline, Keep my changes + Save keeps both users' work."""
    a, b = sign_in("lado1", ["lado_officer"]), sign_in("lado2", ["lado_officer"])
    cid = lado.create_contact(a, {
        "date_received": D(2017, 2, 1), "referral_source_type": "employer_dsl",
        "employer_name": "Oakfield Primary School", "employment_sector": "education_school",
        "setting_type": "primary_school", "threshold_met": False, "subject_named": False,
        "referrer_name": "Jo Bloggs",
    })
    form_a = open_form(qtbot, LadoContactForm, a, lado.get_contact(a, cid))
    form_b = open_form(qtbot, LadoContactForm, b, lado.get_contact(b, cid))

    form_a.ui.employer_name.setText("Oakfield Academy")
    form_a.ui.referrer_name.setText("Jo Smith")
    assert form_a.save() == cid

    form_b.ui.employer_name.setText("Oak Academy Trust")  # the same field as A: a clash
    form_b.ui.subject_role.setText("Teaching assistant")
    assert form_b.save() is None
    # Refused: nothing of B's saved, and B's input is exactly as typed.
    stored = lado.get_contact(a, cid)
    assert (stored["employer_name"], stored["subject_role"]) == ("Oakfield Academy", None)
    assert form_b.ui.employer_name.text() == "Oak Academy Trust"
    assert form_b.ui.subject_role.text() == "Teaching assistant"
    assert form_b.is_dirty() and form_b.record["version"] == 1
    # Shown inline, in B's form, not only in a modal (no dialog was raised).
    panel = form_b.conflicts.panel
    assert panel.isVisible() and not Dialogs.shown
    assert "lado1" in panel.title.text() and "01/03/2017" in panel.title.text()
    employer = row_for(form_b, "Employer")
    assert employer["Field"] == "Employer *"  # B changed it too
    assert employer["When you opened it"] == "Oakfield Primary School"
    assert employer["Saved now"] == "Oakfield Academy"
    assert employer["Saved by"].startswith("lado1, 01/03/2017")
    assert employer["Yours (not saved)"] == "Oak Academy Trust"
    referrer = row_for(form_b, form_b.field_label("referrer_name"))
    assert (referrer["When you opened it"], referrer["Saved now"]) == ("Jo Bloggs", "Jo Smith")
    assert referrer["Yours (not saved)"] == "(not changed by you)"

    # Copy my changes: B's own edits, as words, on the clipboard.
    panel.copy_button.click()
    assert "Oak Academy Trust" in form_b.conflicts.copied
    assert "Teaching assistant" in form_b.conflicts.copied

    # Keep my changes: A's version underneath, B's edits on top; nothing saved yet.
    panel.keep_button.click()
    assert form_b.record["version"] == 2 and form_b.is_dirty()
    assert form_b.ui.employer_name.text() == "Oak Academy Trust"
    assert form_b.ui.subject_role.text() == "Teaching assistant"
    assert form_b.ui.referrer_name.text() == "Jo Smith"  # A's change kept
    assert lado.get_contact(a, cid)["version"] == 2  # re-basing saved nothing
    assert "Not saved yet" in panel.title.text()

    assert form_b.save() == cid
    assert not panel.isVisible()
    saved = lado.get_contact(a, cid)
    assert (saved["employer_name"], saved["referrer_name"], saved["subject_role"]) == (
        "Oak Academy Trust", "Jo Smith", "Teaching assistant")
    # Both users' changes are in the audit log; B's overwrote A's employer knowingly.
    (user1, _, new1), (user2, old2, new2) = updates_by("lado", lado.TABLE, cid)
    assert user1 == "lado1" and new1["employer_name"] == "Oakfield Academy"
    assert user2 == "lado2" and old2["employer_name"] == "Oakfield Academy"
    assert new2 == {"employer_name": "Oak Academy Trust", "subject_role": "Teaching assistant"}


def test_lado_take_theirs_asks_first_and_then_shows_the_saved_record(qtbot, sign_in):
    """Issue 11: Take theirs discards B's input only after B confirms."""
    a, b = sign_in("lado1", ["lado_officer"]), sign_in("lado2", ["lado_officer"])
    cid = lado.create_contact(a, {
        "date_received": D(2017, 2, 1), "referral_source_type": "employer_dsl",
        "employer_name": "Oakfield Primary School", "employment_sector": "education_school",
        "setting_type": "primary_school", "threshold_met": False, "subject_named": False,
    })
    form_a = open_form(qtbot, LadoContactForm, a, lado.get_contact(a, cid))
    form_b = open_form(qtbot, LadoContactForm, b, lado.get_contact(b, cid))
    form_a.ui.employer_name.setText("Oakfield Academy")
    form_a.save()
    form_b.ui.employer_name.setText("Mine")
    assert form_b.save() is None

    Dialogs.queue_answers(False)  # "Discard your changes?" -> Cancel
    form_b.conflicts.panel.take_button.click()
    assert form_b.ui.employer_name.text() == "Mine" and form_b.conflicts.showing
    Dialogs.queue_answers(True)
    form_b.conflicts.panel.take_button.click()
    assert Dialogs.shown[-1][1] == "Discard your changes?"
    assert form_b.ui.employer_name.text() == "Oakfield Academy"
    assert form_b.record["version"] == 2 and not form_b.is_dirty()
    assert not form_b.conflicts.showing


# -- private fostering ------------------------------------------------------------------
def notification_data(**changes) -> dict:
    data = {
        "date_received": D(2017, 1, 10), "notifier_type": "professional_school",
        "notification_type": "existing_arrangement_not_notified",
        "intended_start_date": D(2017, 1, 2), "intended_duration_days": 180,
        "child_name": "Robin Example", "child_date_of_birth": D(2008, 5, 1),
        "carer_name": "Kit Carer",
    }
    data.update(changes)
    return data


def test_fostering_notification_conflict(qtbot, sign_in):
    """Issue 11 conflicts, private fostering notification."""
    a = sign_in("pf1", ["fostering_worker"])
    b = sign_in("pf2", ["fostering_worker"])
    nid = fostering.create_notification(a, notification_data())
    form_a = open_form(qtbot, NotificationForm, a, fostering.get_notification(a, nid))
    form_b = open_form(qtbot, NotificationForm, b, fostering.get_notification(b, nid))
    form_a.ui.carer_name.setText("Kit Carer-Jones")
    # A list B's form shows as its "no value" item (set while loading, not typed by B):
    # re-basing must not put B's blank back over A's answer.
    form_a.ui.child_sex.setCurrentIndex(form_a.ui.child_sex.findData("female"))
    assert form_a.save() == nid
    form_b.ui.child_name.setText("Robin Sample")
    assert form_b.save() is None
    assert form_b.ui.child_name.text() == "Robin Sample" and form_b.is_dirty()
    carer = row_for(form_b, form_b.field_label("carer_name"))
    assert (carer["When you opened it"], carer["Saved now"]) == ("Kit Carer", "Kit Carer-Jones")
    assert carer["Saved by"].startswith("pf1, ")
    assert not carer["Field"].endswith("*")  # B did not touch the carer's name

    assert list(form_b.edited_fields()) == ["child_name"]
    form_b.conflicts.panel.keep_button.click()
    assert form_b.ui.carer_name.text() == "Kit Carer-Jones"
    assert form_b.ui.child_name.text() == "Robin Sample"
    assert form_b.ui.child_sex.currentData() == "female"
    assert form_b.save() == nid
    saved = fostering.get_notification(a, nid)
    assert (saved["child_name"], saved["carer_name"]) == ("Robin Sample", "Kit Carer-Jones")
    assert saved["child_sex"] == "female"
    users = [u for u, _, _ in updates_by("fostering", fostering.T_NOTIFICATION, nid)]
    assert users == ["pf1", "pf2"]


# -- CDOP ---------------------------------------------------------------------------------
def death_data(**over) -> dict:
    data = {
        "forenames": "Alex", "family_name": "Example", "nhs_number": None,
        "date_of_birth": D(2014, 11, 3), "home_postcode": "ZZ1 1ZZ", "sex": "female",
        "ethnicity": "WBRI", "la_of_residence": "Hertfordshire", "live_born": True,
        "date_of_death": D(2017, 1, 10), "place_of_death": "hospital_paediatric_ward",
        "expected_or_unexpected": "unexpected", "joint_agency_response": True,
        "notification_date": D(2017, 1, 11),
        "notified_by_agency_id": reference.agency_choices()[0][0],
        "circumstances_summary": "Collapsed at nursery.",
    }
    data.update(over)
    return data


def test_cdop_death_conflict(qtbot, sign_in):
    """Issue 11 conflicts, CDOP notification of a death."""
    a = sign_in("cdop1", ["cdop_coordinator"])
    b = sign_in("cdop2", ["cdop_coordinator"])
    did = cdop.create_death(a, death_data())
    form_a = open_form(qtbot, CdopDeathForm, a, cdop.get_death(a, did))
    form_b = open_form(qtbot, CdopDeathForm, b, cdop.get_death(b, did))
    form_a.ui.home_postcode.setText("ZZ9 9ZZ")
    assert form_a.save() == did
    form_b.ui.circumstances_summary.setPlainText("Found unresponsive at nursery.")
    assert form_b.save() is None
    assert form_b.ui.circumstances_summary.toPlainText() == "Found unresponsive at nursery."
    postcode = row_for(form_b, form_b.field_label("home_postcode"))
    assert (postcode["When you opened it"], postcode["Saved now"]) == ("ZZ1 1ZZ", "ZZ9 9ZZ")
    assert postcode["Saved by"].startswith("cdop1, ")

    form_b.conflicts.panel.keep_button.click()
    assert form_b.ui.home_postcode.text() == "ZZ9 9ZZ"
    assert form_b.save() == did
    saved = cdop.get_death(a, did)
    assert saved["home_postcode"] == "ZZ9 9ZZ"
    assert saved["circumstances_summary"] == "Found unresponsive at nursery."
    users = [u for u, _, _ in updates_by("cdop", cdop.DEATH_TABLE, did)]
    assert users == ["cdop1", "cdop2"]


# -- board and training -----------------------------------------------------------------------
def test_board_meeting_conflict_keeps_my_grid_rows(qtbot, sign_in):
    """Issue 11 conflicts, board meeting: the attendance grid rows B typed survive the
    re-base too (they are not bound fields)."""
    a = sign_in("bu1", ["business_unit"])
    b = sign_in("bu2", ["business_unit"])
    seats = [board.create_seat(a, {"title": t, "display_label": t, "agency_id": None,
                                   "deputy_allowed": True, "statutory_partner": False,
                                   "counts_for_quorum": False, "sort_order": n})
             for n, t in enumerate(["Chair", "Lay member"], start=1)]
    mid = board.record_meeting(a, {"meeting_date": D(2017, 2, 1), "meeting_type": "ordinary"},
                               {seats[0]: ("attended", None), seats[1]: ("apologies", None)})
    form_a = open_form(qtbot, MeetingForm, a, board.get_meeting(a, mid))
    form_b = open_form(qtbot, MeetingForm, b, board.get_meeting(b, mid))
    form_a.ui.meeting_type.setCurrentIndex(form_a.ui.meeting_type.findData("extraordinary"))
    assert form_a.save() == mid
    form_b.model.set_status(form_b.model.row_of(seats[1]), "attended")
    assert form_b.save() is None
    assert form_b.model.grid()[seats[1]] == ("attended", None)  # B's row is still there
    kind = row_for(form_b, form_b.field_label("meeting_type"))
    assert kind["Saved now"] == "Extraordinary" and kind["Saved by"].startswith("bu1, ")
    form_a.model.set_status(form_a.model.row_of(seats[0]), "apologies")
    form_a.save()  # A changes the grid too: B's typed row is named as B's
    form_b.save()
    grid = row_for(form_b, "Attendance *")
    assert grid["Yours (not saved)"] == "Lay member: Attended"
    form_b.conflicts.panel.copy_button.click()
    assert form_b.conflicts.copied == "Attendance: Lay member: Attended"

    form_b.conflicts.panel.keep_button.click()
    assert form_b.model.grid()[seats[1]] == ("attended", None)
    assert form_b.ui.meeting_type.currentData() == "extraordinary"
    assert form_b.save() == mid
    saved = board.get_meeting(a, mid)
    assert saved["meeting_type"] == "extraordinary"
    assert {r.role_id: r.status for r in saved["grid"]} == {seats[0]: "apologies",
                                                          seats[1]: "attended"}
    assert [u for u, _, _ in updates_by("board", "board_meeting", mid)] == ["bu1", "bu1", "bu2"]


def test_board_seat_conflict(qtbot, sign_in):
    """Issue 11 conflicts, board seat."""
    a = sign_in("bu1", ["business_unit"])
    b = sign_in("bu2", ["business_unit"])
    sid = board.create_seat(a, {"title": "Chair", "display_label": "Chair", "agency_id": None,
                                "deputy_allowed": False, "statutory_partner": False,
                                "counts_for_quorum": False, "sort_order": 10})
    form_a = open_form(qtbot, SeatForm, a, board.get_seat(a, sid))
    form_b = open_form(qtbot, SeatForm, b, board.get_seat(b, sid))
    form_a.ui.display_label.setText("Independent chair")
    assert form_a.save() == sid
    form_b.ui.title.setText("Chair of the Board")
    assert form_b.save() is None
    assert form_b.ui.title.text() == "Chair of the Board"
    label = row_for(form_b, form_b.field_label("display_label"))
    assert (label["When you opened it"], label["Saved now"]) == ("Chair", "Independent chair")
    form_b.conflicts.panel.keep_button.click()
    assert form_b.save() == sid
    saved = board.get_seat(a, sid)
    assert (saved["title"], saved["display_label"]) == ("Chair of the Board", "Independent chair")


def test_training_run_conflict(qtbot, sign_in):
    """Issue 11 conflicts, training run."""
    a = sign_in("bu1", ["business_unit"])
    b = sign_in("bu2", ["business_unit"])
    course = training.create_course(a, {"title": "Working Together", "format": "full_day"})
    rid = training.create_run(a, {"course_id": course, "run_date": D(2017, 2, 1),
                                  "venue": "Room 1", "capacity": 20,
                                  "trainer_agency_ids": []})
    form_a = open_form(qtbot, RunForm, a, training.run_sheet(a, rid))
    form_b = open_form(qtbot, RunForm, b, training.run_sheet(b, rid))
    form_a.ui.venue.setText("Council Chamber")
    assert form_a.save() == rid
    form_b.ui.capacity.setValue(30)
    assert form_b.save() is None
    assert form_b.ui.capacity.value() == 30
    venue = row_for(form_b, form_b.field_label("venue"))
    assert (venue["When you opened it"], venue["Saved now"]) == ("Room 1", "Council Chamber")
    assert venue["Saved by"].startswith("bu1, ")
    form_b.conflicts.panel.keep_button.click()
    assert form_b.ui.venue.text() == "Council Chamber" and form_b.ui.capacity.value() == 30
    assert form_b.save() == rid
    saved = training.run_sheet(a, rid)
    assert (saved["venue"], saved["capacity"]) == ("Council Chamber", 30)
    assert [u for u, _, _ in updates_by("board", "training_run", rid)] == ["bu1", "bu2"]


@pytest.mark.postgres_only
def test_lado_conflict_on_the_server(qtbot, sign_in):
    """Issue 11: the same conflict flow in team mode, two users on the PostgreSQL server."""
    test_lado_second_save_is_refused_shown_and_rebased(qtbot, sign_in)


def test_fostering_enquiry_conflict(qtbot, sign_in):
    """Issue 11 conflicts, private fostering enquiry."""
    from hscb_desktop.gui.fostering_enquiry import EnquiryForm

    a = sign_in("pf1", ["fostering_worker"])
    b = sign_in("pf2", ["fostering_worker"])
    eid = fostering.create_enquiry(a, {"date_received": D(2017, 2, 1), "enquirer_type": "school",
                                       "enquirer_name": "Head of year"})
    form_a = open_form(qtbot, EnquiryForm, a, fostering.get_enquiry(a, eid))
    form_b = open_form(qtbot, EnquiryForm, b, fostering.get_enquiry(b, eid))
    form_a.ui.enquirer_name.setText("Deputy head")
    assert form_a.save() == eid
    form_b.ui.notes.setPlainText("Called back on Friday.")
    assert form_b.save() is None
    name = row_for(form_b, form_b.field_label("enquirer_name"))
    assert (name["When you opened it"], name["Saved now"]) == ("Head of year", "Deputy head")
    form_b.conflicts.panel.keep_button.click()
    assert form_b.save() == eid
    saved = fostering.get_enquiry(a, eid)
    assert (saved["enquirer_name"], saved["notes"]) == ("Deputy head", "Called back on Friday.")


def test_cdop_review_conflict(qtbot, sign_in):
    """Issue 11 conflicts, CDOP review (its form shows the review through load_case)."""
    from hscb_desktop.gui.cdop_review_form import CdopReviewForm

    a = sign_in("cdop1", ["cdop_coordinator"])
    b = sign_in("cdop2", ["cdop_coordinator"])
    did = cdop.create_death(a, death_data())
    cdop.save_review(a, did, {"cause_of_death_text": "Not yet known", "domain_scheme": "wt2015"})
    forms = []
    for session in (a, b):
        form = CdopReviewForm(session)
        qtbot.addWidget(form)
        form.load_case(cdop.get_death(session, did))
        form.show()
        forms.append(form)
    form_a, form_b = forms
    form_a.ui.cause_of_death_text.setText("Sudden unexplained death in infancy")
    assert form_a.save() == did
    form_b.ui.recommendations.setPlainText("Safe sleep advice at every contact.")
    assert form_b.save() is None
    assert form_b.ui.recommendations.toPlainText() == "Safe sleep advice at every contact."
    cause = row_for(form_b, form_b.field_label("cause_of_death_text"))
    assert cause["Saved now"] == "Sudden unexplained death in infancy"
    assert cause["Saved by"].startswith("cdop1, ")
    form_b.conflicts.panel.keep_button.click()
    assert form_b.ui.cause_of_death_text.text() == "Sudden unexplained death in infancy"
    assert form_b.save() == did
    saved = cdop.get_review(a, did)
    assert saved["cause_of_death_text"] == "Sudden unexplained death in infancy"
    assert saved["recommendations"] == "Safe sleep advice at every contact."
