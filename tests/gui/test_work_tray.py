"""The work tray as the first screen after sign-in (issue 7): an overdue visit appears
once the clock passes midnight, a row opens its record, and a practitioner's tray holds
nothing from the domains their roles do not reach."""
from __future__ import annotations

import datetime as dt

import pytest

from hscb_desktop import app, demo
from hscb_desktop.domains.fostering import service as fostering
from hscb_desktop.domains.lado import service as lado
from hscb_desktop.gui.work_tray import WorkTray
from hscb_desktop.security import auth

D = dt.date
UTC = dt.timezone.utc


def arrangement_with_visit(session) -> int:
    """Notified 10/01/2017, initially visited 18/01/2017: the next regulation 8 visit is
    due on 01/03/2017 (the clock fixture's date)."""
    note = fostering.create_notification(session, {
        "date_received": D(2017, 1, 10),
        "notifier_type": "professional_school",
        "notification_type": "existing_arrangement_not_notified",
        "intended_start_date": D(2017, 1, 2),
        "intended_duration_days": 180,
        "child_name": "Robin Example",
        "child_date_of_birth": D(2008, 5, 1),
        "carer_name": "Kit Carer",
    })
    arrangement = fostering.record_arrangement(session, note, {
        "start_date": D(2017, 1, 2),
        "carer_relationship": "family_friend",
        "reasons": ["parental_ill_health"],
        "assessment_completed_date": D(2017, 2, 15),
        "assessment_outcome": "suitable",
    })
    fostering.add_visit(session, arrangement, {"visit_type": "initial_statutory",
                                               "visit_date": D(2017, 1, 18)})
    return arrangement


def lado_case(**over):
    data = {
        "date_received": D(2016, 11, 20),
        "referral_source_type": "employer_dsl",
        "employer_name": "Oakfield Primary School",
        "employment_sector": "education_school",
        "setting_type": "primary_school",
        "threshold_met": True,
        "subject_named": True,
        "subject_name": "Sam Taylor",
        "subject_dob": D(1980, 5, 17),
        "subject_role": "Class teacher",
        "abuse_category": ["physical"],
        "harm_criteria": ["harmed_or_may_have_harmed"],
        "date_allegation_known": D(2016, 11, 18),
    }
    data.update(over)
    return data


def make_window(qtbot, session, clock):
    window = app.build_main_window(session, clock)
    qtbot.addWidget(window)
    window.show()
    return window


def rows(tray: WorkTray) -> list[tuple[str, ...]]:
    names = ("Overdue", "Due", "When", "Kind", "Reference", "Details", "Module")
    return list(zip(*(tray.column_texts(n) for n in names)))


@pytest.fixture
def worker(workspace, make_user, clock):
    """A private fostering worker signed in at 20:00 on 1 March 2017."""
    clock.set(dt.datetime(2017, 3, 1, 20, 0, tzinfo=UTC))
    password = make_user("pf1", ["fostering_worker"])
    return auth.sign_in(workspace, "pf1", password)


def test_the_tray_is_the_first_screen_and_shows_an_overdue_visit_after_midnight(
        qtbot, worker, clock):
    arrangement_with_visit(worker)
    window = make_window(qtbot, worker, clock)
    tray = window.pages["home"]
    assert isinstance(tray, WorkTray) and window.stack.currentWidget() is tray
    assert window.nav.item(0).text() == "Work tray"
    assert "Private fostering worker" in tray.text()  # who is signed in, as before
    visit = [r for r in rows(tray) if r[3] == "Regulation 8 visits"]
    assert visit == [("", "01/03/2017", "today", "Regulation 8 visits", visit[0][4],
                      "Robin Example (regulation 8 visit)", "Private fostering")]
    assert "Regulation 8 visits: 1" in tray.counts.text() and "0 overdue" in tray.counts.text()

    worker.absolute_limit_s = 24 * 3600.0  # a long day: past midnight, still signed in
    clock.advance(hours=3)  # 23:00: still the same day
    worker.touch()
    window.check_session()
    assert rows(tray)[0][0] == ""
    clock.advance(hours=1, minutes=30)  # 00:30 on 2 March
    worker.touch()
    window.check_session()  # the window's one-second timer
    overdue = [r for r in rows(tray) if r[0] == "Overdue"]
    assert overdue == [("Overdue", "01/03/2017", "yesterday", "Regulation 8 visits",
                        overdue[0][4], "Robin Example (regulation 8 visit)",
                        "Private fostering")]
    assert "1 overdue" in tray.counts.text()
    window.close()


def test_opening_a_tray_row_opens_that_record(qtbot, worker, clock):
    arrangement = arrangement_with_visit(worker)
    window = make_window(qtbot, worker, clock)
    tray = window.pages["home"]
    row = next(r for r, values in enumerate(rows(tray)) if values[3] == "Regulation 8 visits")
    index = tray.table.model().index(row, 0)
    tray.table.setCurrentIndex(index)
    tray.table.activated.emit(index)  # what Enter and a double-click send
    page = window.pages["fostering"]
    assert window.stack.currentWidget() is page
    assert page.showing() == "arrangement" and page.arrangement_form.record_id == arrangement
    window.close()


def test_a_tray_row_opens_a_lado_contact_and_the_tray_refreshes_when_shown_again(
        qtbot, workspace, make_user, clock):
    password = make_user("lado1", ["lado_officer"])
    officer = auth.sign_in(workspace, "lado1", password)
    window = make_window(qtbot, officer, clock)
    tray = window.pages["home"]
    assert tray.items == []
    contact = lado.create_contact(officer, lado_case())  # saved elsewhere meanwhile
    window.show_page("lado")
    window.show_page("home")  # the tray is worked out again when shown
    assert [(i.kind, i.record_id) for i in tray.items] == [("lado_open_3m", contact)]
    assert rows(tray)[0][0] == "Overdue"
    assert tray.open_row(0)
    page = window.pages["lado"]
    assert window.stack.currentWidget() is page
    assert page.showing_form() and page.form.record_id == contact
    window.close()


def test_a_lado_officers_tray_holds_no_fostering_or_cdop_items(
        qtbot, workspace, make_user, clock):
    password = make_user("all1", ["lado_officer", "fostering_worker", "cdop_coordinator"])
    everyone = auth.sign_in(workspace, "all1", password)
    demo.FILLERS["fostering"].fill(everyone, D(2017, 3, 1))
    demo.FILLERS["cdop"].fill(everyone, D(2017, 3, 1))
    lado.create_contact(everyone, lado_case())
    auth.sign_out(everyone)

    password = make_user("lado1", ["lado_officer"])
    officer = auth.sign_in(workspace, "lado1", password)
    window = make_window(qtbot, officer, clock)
    tray = window.pages["home"]
    assert tray.items and {i.domain for i in tray.items} == {"lado"}
    assert set(tray.column_texts("Module")) == {"LADO"}
    text = tray.counts.text()
    assert "LADO open over 3 months: 1" in text
    assert "Regulation 8" not in text and "CDOP" not in text
    window.close()


def test_an_administrator_is_told_why_the_tray_is_empty(qtbot, admin_session, clock):
    window = make_window(qtbot, admin_session, clock)
    tray = window.pages["home"]
    assert tray.items == [] and not tray.table.isVisibleTo(tray)
    assert "no access to records" in tray.counts.text()
    window.close()


def test_no_short_column_cuts_its_text_off(qtbot, workspace, make_user, clock):
    """The widths come from the longest text each column can hold, not from measuring rows
    (issue 10: ten years fill the tray with 800): every text of every row still fits, in
    bold as overdue rows are, and the details column takes the rest."""
    from PySide6.QtGui import QFontMetrics

    from hscb_desktop.gui.work_tray import COLUMNS

    password = make_user("all1", ["lado_officer", "fostering_worker", "cdop_coordinator"])
    everyone = auth.sign_in(workspace, "all1", password)
    demo.FILLERS["fostering"].fill(everyone, D(2017, 3, 1))
    demo.FILLERS["cdop"].fill(everyone, D(2017, 3, 1))
    lado.create_contact(everyone, lado_case(employer_name="X" * 60))
    window = make_window(qtbot, everyone, clock)
    window.resize(1366, 768)  # a common laptop screen
    qtbot.waitUntil(lambda: window.width() == 1366)
    tray = window.pages["home"]
    assert len({i.domain for i in tray.items}) == 3 and len(tray.items) > 10
    bold = QFontMetrics(tray.model.bold)
    head = tray.table.horizontalHeader()
    for name in COLUMNS:
        if name == "Details":
            continue
        texts = tray.column_texts(name)
        widest = max(bold.horizontalAdvance(t) for t in texts)
        assert head.sectionSize(COLUMNS.index(name)) > widest, (name, texts)
    assert head.sectionSize(COLUMNS.index("Details")) > head.sectionSize(COLUMNS.index("Kind"))
    window.close()
