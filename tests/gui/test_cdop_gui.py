"""The CDOP screens driven as a coordinator would (issue 5): a notification, an agency
report, a panel meeting and its agenda, the review that closes the case; the panel pack
PDF read back without a name or NHS number in it; the NHS number checked as it is typed;
and a LADO officer's window without the page.

The clock fixture stands at 1 March 2017.
"""
from __future__ import annotations

import datetime as dt
import re
import zlib
from typing import Any

import pytest
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QComboBox

from hscb_desktop import app
from hscb_desktop.domains.cdop import queries, service
from hscb_desktop.gui import modules
from hscb_desktop.gui.cdop_common import NhsNumberValidator, TimeValidator
from hscb_desktop.gui.cdop_death_form import CdopDeathForm
from hscb_desktop.gui.cdop_pack import pack_document, write_pack_pdf
from hscb_desktop.gui.cdop_page import CdopPage, register
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.security import auth
from hscb_desktop.storage import reference

FORENAMES, FAMILY = "Poppy", "Zedfictional"


def nhs_number(nine: str) -> str | None:
    """An independent oracle: modulus 11, weights 10..2; None when the check would be 10."""
    check = 11 - sum(int(d) * w for d, w in zip(nine, range(10, 1, -1))) % 11
    check = 0 if check == 11 else check
    return None if check == 10 else nine + str(check)


def valid_numbers(start: int = 500, n: int = 3) -> list[str]:
    out, i = [], start
    while len(out) < n:
        number = nhs_number(f"999{i:06d}")
        if number:
            out.append(number)
        i += 1
    return out


NHS_A, NHS_B, NHS_C = valid_numbers()
# Nine digits whose check digit would be 10: no valid NHS number starts with them.
TEN = next(f"999{i:06d}" for i in range(1000) if nhs_number(f"999{i:06d}") is None)


@pytest.fixture
def session(workspace, make_user):
    password = make_user("cdop1", ["cdop_coordinator"])
    return auth.sign_in(workspace, "cdop1", password)


@pytest.fixture
def page(qtbot, session):
    widget = CdopPage(session)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def choose(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    assert index >= 0, f"{value!r} is not offered by {combo.objectName()}"
    combo.setCurrentIndex(index)


def first_agency() -> tuple[int, str]:
    return reference.agency_choices()[0]


def notification(**over) -> dict[str, Any]:
    """A complete notification of an unexpected death of a two-year-old (service input)."""
    data = {
        "forenames": FORENAMES, "family_name": FAMILY, "nhs_number": NHS_A,
        "date_of_birth": dt.date(2014, 11, 3), "home_postcode": "ZZ1 1ZZ", "sex": "female",
        "ethnicity": "WBRI", "la_of_residence": "Hertfordshire", "live_born": True,
        "date_of_death": dt.date(2017, 1, 10), "place_of_death": "hospital_paediatric_ward",
        "expected_or_unexpected": "unexpected", "joint_agency_response": True,
        "notification_date": dt.date(2017, 1, 11), "notified_by_agency_id": first_agency()[0],
        "circumstances_summary": f"{FORENAMES} {FAMILY} ({NHS_A}) collapsed at nursery.",
    }
    data.update(over)
    return data


def fill_notification(form: CdopDeathForm, nhs: str = NHS_A) -> None:
    ui = form.ui
    ui.forenames.setText(FORENAMES)
    ui.family_name.setText(FAMILY)
    ui.nhs_number.setText(f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}")
    ui.date_of_birth.setText("03/11/2014")
    ui.home_postcode.setText("zz1 1zz")
    choose(ui.sex, "female")
    choose(ui.ethnicity, "WBRI")
    ui.la_of_residence.setText("Hertfordshire")
    ui.normally_resident_in_area.set_value(True)
    ui.live_born.set_value(True)
    ui.date_of_death.setText("10/01/2017")
    ui.time_of_death.setText("9:05")
    choose(ui.place_of_death, "hospital_paediatric_ward")
    choose(ui.expected_or_unexpected, "unexpected")
    choose(ui.notified_by_agency_id, first_agency()[0])
    ui.notification_date.setText("11/01/2017")
    ui.circumstances_summary.setPlainText(f"{FORENAMES} {FAMILY} collapsed at nursery.")


# -- the whole path -----------------------------------------------------------------------------
def test_notification_report_meeting_review_closes_the_case(qtbot, page, session):
    case, lst = page.case, page.list
    form = case.death_form

    # The notification, from the list's New button.
    lst.new_button.click()
    assert page.showing_case() and form.record is None
    assert not case.tabs.isTabEnabled(1) and not case.tabs.isTabEnabled(2)
    assert form.ui.notification_date.date() == dt.date(2017, 3, 1)  # today, ready to change
    fill_notification(form)
    form.ui.saveButton.click()
    # Unexpected without a joint agency response decision: stopped, beside the field.
    assert form.problem_text("joint_agency_response").startswith("Error: An unexpected death")
    assert form.is_dirty() and form.record is None
    form.ui.joint_agency_response.set_value(True)
    form.ui.saveButton.click()
    assert form.problem_text("joint_agency_response") == ""
    death_id = form.record_id
    saved = service.get_death(session, death_id)
    ref = saved["cdop_ref"]
    assert ref == "CDOP-2017-001" and saved["nhs_number"] == NHS_A
    assert saved["time_of_death"] == "09:05" and saved["home_postcode"] == "ZZ1 1ZZ"
    assert form.ui.ageText.text() == "2 years (1–4 years)"
    assert "the notification is complete" in form.ui.gapsText.text()
    assert case.tabs.isTabEnabled(1) and case.tabs.isTabEnabled(2)

    # An agency report, as a row inside the case; a received date before the death is
    # refused inside the dialog, which stays open to correct it.
    case.show_tab("reports")
    reports = case.reports
    agency_id, agency = first_agency()
    seen: list[str] = []

    def fill_report(dialog) -> int:
        f = dialog.form
        choose(f.agency_id, agency_id)
        f.requested_date.setText("12/01/2017")
        f.received_date.setText("09/01/2017")
        choose(f.mode_of_death, "witnessed_event")
        f.events.set_checked("other_accident")
        f.narrative.setPlainText(f"Nursery staff found {FORENAMES} unresponsive.")
        dialog.accept()
        seen.append(f.problem_text("received_date"))
        f.received_date.setText("01/02/2017")
        dialog.accept()
        return dialog.result()

    Dialogs.queue_answers(fill_report)
    reports.add_button.click()
    assert seen[0].startswith("Error: The report cannot be received before the death")
    assert reports.rows() == [(agency, "12/01/2017", "01/02/2017", "Witnessed event",
                               "Other accident (B-6)",
                               f"Nursery staff found {FORENAMES} unresponsive.")]
    assert case.tabs.tabText(1) == "A&gency reports (1)"
    assert [r["received_date"] for r in service.get_death(session, death_id)["reports"]] == [
        dt.date(2017, 2, 1)
    ]

    # Change it: mark the mode of death differently.
    reports.select_row(0)

    def change(dialog) -> int:
        choose(dialog.form.mode_of_death, "found_dead_or_collapsed")
        dialog.accept()
        return dialog.result()

    Dialogs.queue_answers(change)
    reports.edit_button.click()
    assert reports.rows()[0][3] == "Found dead or collapsed"

    # Save and close returns to the list, which finds the case as you type.
    case.show_tab("notification")
    form.ui.saveCloseButton.click()
    assert not page.showing_case()
    lst.search.setText("zedfict")
    lst.refresh()  # the type-ahead timer's work, now
    assert lst.column_texts("ref") == [ref]
    assert lst.column_texts("status") == ["Open"]

    # A panel meeting, with the death put on its agenda from the "ready for panel" list.
    page.show_meetings()
    meetings = page.meetings
    meetings.new_button.click()
    assert meetings.form.record is None and not meetings.pack_button.isEnabled()
    meetings.form.meeting_date.setText("16/02/2017")
    meetings.form.quorate.set_value(True)
    meetings.save_button.click()
    meeting_id = meetings.form.meeting_id
    assert meeting_id is not None
    assert meetings.ready_refs() == [ref]
    meetings.select_ready(death_id)
    meetings.add_button.click()
    assert meetings.agenda_rows() == [("1", ref, "To review")]
    assert meetings.ready_refs() == []  # on this agenda now

    # The review, opened from the agenda at this meeting.
    meetings.select_agenda_row(0)
    meetings.review_button.click()
    assert page.showing_case() and case.current_tab() == "review"
    review = case.review_form
    ui = review.ui
    assert ui.panel_meeting_id.currentData() == meeting_id
    ui.categories_applicable.set_checked("infection")
    ui.categories_applicable.set_checked("trauma_external")
    assert ui.category_of_death.currentData() == "trauma_external"  # the highest ticked
    assert "Trauma and other external factors (the highest of 2 ticked)" in (
        review.category_suggestion_text()
    )
    ui.cause_of_death_text.setText("Head injury")
    choose(ui.domain_1_score, "1")
    choose(ui.domain_2_score, "2")
    choose(ui.domain_3_score, "1*")
    choose(ui.domain_4_score, "0")
    ui.factors.set_checked("housing")
    choose(ui.modifiable_factors, "insufficient_information")
    ui.scr_considered.set_value(False)
    ui.review_completed_date.setText("16/02/2017")
    ui.saveButton.click()
    assert review.problem_text("modifiable_factors_text").startswith("Error: Say why")
    assert service.get_review(session, death_id) is None  # nothing saved
    ui.modifiable_factors_text.setPlainText("The inquest has not yet reported.")
    ui.saveCloseButton.click()

    # Closed: back at the meeting it came from, the case reviewed there.
    assert page.showing_meetings()
    assert meetings.agenda_rows() == [("1", ref, "Reviewed at this meeting")]
    closed = service.get_death(session, death_id)
    assert closed["status"] == "reviewed"
    assert closed["review"]["review_completed_date"] == dt.date(2017, 2, 16)
    saved_review = service.get_review(session, death_id)
    assert saved_review["category_of_death"] == "trauma_external"
    assert saved_review["factors"] == ["housing"] and saved_review["panel_meeting_id"] == meeting_id
    page.tabs.setCurrentWidget(page.cases)
    lst.show_list("reviewed")
    assert ref in lst.column_texts("ref")
    lst.show_list("open")
    assert ref not in lst.column_texts("ref")

    # A reviewed case changes only with a reason, asked for beside the field.
    page.open_case(death_id)
    assert form.ui.change_reason.isVisibleTo(form)
    form.ui.inquest.set_value(True)
    form.ui.saveButton.click()
    assert form.problem_text("reason").startswith("Error: Give a reason")
    form.ui.change_reason.setText("Inquest opened")
    form.ui.saveButton.click()
    assert service.get_death(session, death_id)["inquest"] is True


# -- the panel pack -----------------------------------------------------------------------------
def _pdf_objects(data: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Each object's dictionary and (decompressed) stream."""
    objects: dict[int, tuple[bytes, bytes | None]] = {}
    for match in re.finditer(rb"(\d+) 0 obj\b", data):
        body = data[match.end():data.find(b"endobj", match.end())]
        at = body.find(b"stream")
        if at < 0:
            objects[int(match.group(1))] = (body, None)
            continue
        head, start = body[:at], at + len(b"stream")
        start += 2 if body[start:start + 2] == b"\r\n" else 1
        raw = body[start:body.rfind(b"endstream")]
        if b"/FlateDecode" in head:
            raw = zlib.decompressobj().decompress(raw)
        objects[int(match.group(1))] = (head, raw)
    return objects


def _to_unicode(cmap: bytes) -> dict[int, str]:
    out: dict[int, str] = {}

    def text(hexes: bytes) -> str:
        return bytes.fromhex(hexes.decode()).decode("utf-16-be")

    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            out[int(src, 16)] = text(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in re.findall(
            rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)", block
        ):
            lo_n, hi_n = int(lo, 16), int(hi, 16)
            if dst.startswith(b"["):
                for n, each in enumerate(re.findall(rb"<([0-9a-fA-F]+)>", dst)):
                    out[lo_n + n] = text(each)
            else:
                first = bytes.fromhex(dst[1:-1].decode())
                base = int.from_bytes(first, "big")
                for n in range(hi_n - lo_n + 1):
                    out[lo_n + n] = (base + n).to_bytes(len(first), "big").decode("utf-16-be")
    return out


def pdf_text(data: bytes) -> str:
    """The text of a PDF as Qt writes it: glyph ids shown with Tj / TJ in Identity-H fonts,
    mapped back to characters through each font's ToUnicode CMap (no pypdf or pdftotext
    here, so the test reads the content streams itself)."""
    objects = _pdf_objects(data)
    fonts: dict[str, dict[int, str]] = {}
    for head, _stream in objects.values():
        for name, number in re.findall(rb"/(F\d+)\s+(\d+)\s+0\s+R", head):
            font = objects.get(int(number), (b"", None))[0]
            to_unicode = re.search(rb"/ToUnicode\s+(\d+)\s+0\s+R", font)
            if to_unicode:
                fonts[name.decode()] = _to_unicode(objects[int(to_unicode.group(1))][1] or b"")
    out: list[str] = []
    token = re.compile(rb"/(F\d+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b")
    for _head, stream in objects.values():
        if not stream or b"Tf" not in stream:
            continue
        glyphs: dict[int, str] = {}
        for match in token.finditer(stream):
            if match.group(1):
                glyphs = fonts.get(match.group(1).decode(), {})
            elif match.group(0) == b"ET":
                out.append("\n")
            else:
                shown = (re.findall(rb"<([0-9a-fA-F]*)>", match.group(2))
                         if match.group(2) is not None else [match.group(3)])
                for hexes in shown:
                    h = hexes.decode()
                    out.append("".join(glyphs.get(int(h[i:i + 4], 16), "\ufffd")
                                       for i in range(0, len(h), 4)))
    return re.sub(r"[ \t]+", " ", "".join(out))


def _identity_spellings() -> list[str]:
    spaced = f"{NHS_A[:3]} {NHS_A[3:6]} {NHS_A[6:]}"
    return [FORENAMES, FAMILY, NHS_A, spaced, spaced.replace(" ", "-"), "ZZ1 1ZZ", "03/11/2014"]


def test_panel_pack_pdf_holds_no_name_or_nhs_number(qtbot, page, session, tmp_path):
    death_id = service.create_death(session, notification())
    service.add_report(session, death_id, {
        "agency_id": first_agency()[0], "requested_date": dt.date(2017, 1, 12),
        "received_date": dt.date(2017, 2, 1), "mode_of_death": "found_dead_or_collapsed",
        "narrative": f"{FAMILY}, {FORENAMES}: NHS {NHS_A}, born 03/11/2014, lived at ZZ1 1ZZ.",
    })
    meeting_id = service.create_meeting(session, {"meeting_date": dt.date(2017, 3, 9)})
    service.add_to_agenda(session, meeting_id, death_id)
    ref = service.get_death(session, death_id)["cdop_ref"]

    meetings = page.meetings
    page.show_meetings()
    meetings.choose_meeting(meeting_id)
    assert meetings.agenda_refs() == [ref]
    target = tmp_path / "pack"  # the .pdf is added
    Dialogs.queue_answers(target, None)  # the file chooser, then the "saved" message
    meetings.pack_button.click()
    path = target.with_suffix(".pdf")
    assert path.is_file() and path.read_bytes().startswith(b"%PDF")
    assert Dialogs.shown[0][:2] == ("save_file", "Save the panel pack")
    assert Dialogs.shown[1][0] == "info" and str(path) in Dialogs.shown[1][2]

    # Read the text back: the case is there (a positive control), its identity is not.
    text = " ".join(pdf_text(path.read_bytes()).split())
    assert ref in text and "Child Death Overview Panel" in text
    assert "Found dead or collapsed" in text
    assert "[child] [child] ([NHS number]) collapsed at nursery" in text  # scrubbed free text
    assert "2 years" in text and "January 2017" in text
    for spelling in _identity_spellings():
        assert spelling.casefold() not in text.casefold(), spelling
    # Nor anywhere in the file's bytes (metadata, streams) in the encodings Qt uses.
    raw = b"".join((s or b"") + h for h, s in _pdf_objects(path.read_bytes()).values())
    raw += path.read_bytes()
    for spelling in _identity_spellings():
        for encoded in (spelling.encode("latin-1"), spelling.encode("utf-16-be")):
            assert encoded not in raw, spelling
    # And the document printed from plain text says the same.
    plain = pack_document(service.panel_pack(session, meeting_id)).toPlainText()
    assert ref in plain
    for spelling in _identity_spellings():
        assert spelling not in plain, spelling


def test_the_pack_escapes_what_users_typed(qtbot, tmp_path):
    pack = {"title": "Pack", "meeting_date": dt.date(2017, 3, 9), "cases": [
        {"position": 1, "cdop_ref": "CDOP-2017-001", "sex": "<b>Female</b> & more",
         "reports": [], "review": None, "circumstances_summary": "<img src=x> a < b"}]}
    plain = pack_document(pack).toPlainText()
    assert "<b>Female</b> & more" in plain and "<img src=x> a < b" in plain
    path = write_pack_pdf(pack, tmp_path / "p.pdf")
    assert "<img src=x> a < b" in pdf_text(path.read_bytes())
    assert list(tmp_path.iterdir()) == [path]  # no partial file left


def test_a_cancelled_file_chooser_writes_nothing(qtbot, page, session, tmp_path):
    meeting_id = service.create_meeting(session, {"meeting_date": dt.date(2017, 3, 9)})
    page.meetings.refresh(select=meeting_id)
    Dialogs.queue_answers(None)
    assert page.meetings.print_pack() is None
    assert [k for k, *_ in Dialogs.shown] == ["save_file"]


# -- the NHS number and the other rules, beside their fields -------------------------------------
@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("", QValidator.State.Acceptable),
        ("943", QValidator.State.Intermediate),
        ("943 476 591", QValidator.State.Intermediate),
        ("943 476 5919", QValidator.State.Acceptable),
        ("943-476-5919", QValidator.State.Acceptable),
        ("9434765919", QValidator.State.Acceptable),
        ("9434765918", QValidator.State.Acceptable),  # the domain says why it is wrong
        ("94347659190", QValidator.State.Invalid),
        ("943a", QValidator.State.Invalid),
    ],
)
def test_nhs_number_validator(text, state):
    assert NhsNumberValidator.state(text) == state


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("", QValidator.State.Acceptable),
        ("1", QValidator.State.Intermediate),
        ("14:", QValidator.State.Intermediate),
        ("14:3", QValidator.State.Intermediate),
        ("14:30", QValidator.State.Acceptable),
        ("9:05", QValidator.State.Acceptable),
        ("23:59", QValidator.State.Acceptable),
        ("24:00", QValidator.State.Invalid),
        ("14:60", QValidator.State.Invalid),
        (":30", QValidator.State.Invalid),
        ("1430", QValidator.State.Invalid),
        ("ab", QValidator.State.Invalid),
    ],
)
def test_time_validator(text, state):
    assert TimeValidator.state(text) == state


def test_nhs_number_check_digit_is_shown_as_it_is_typed(qtbot, page, session):
    other = service.create_death(session, notification(nhs_number=NHS_B))
    other_ref = service.get_death(session, other)["cdop_ref"]
    page.new_case()
    form = page.case.death_form
    nhs = form.ui.nhs_number

    nhs.setText("943 476 591")
    assert form.nhs_status_text() == "9 of 10 digits" and form.problem_text("nhs_number") == ""
    nhs.setText("943 476 5919")  # valid (the NHS's own example)
    assert form.nhs_status_text() == "943 476 5919: the check digit is right"
    assert form.problem_text("nhs_number") == ""
    nhs.setText("943 476 5918")  # wrong check digit
    assert form.problem_text("nhs_number").startswith("Error: This is not a valid NHS number")
    assert form.nhs_status_text() == ""
    nhs.setText(TEN + "0")  # nine digits whose check digit would be 10: never valid
    assert form.problem_text("nhs_number").startswith("Error: This is not a valid NHS number")
    nhs.setText(NHS_B)  # another case has it: a warning naming that case
    assert form.problem_text("nhs_number") == (
        f"Warning: Another case has this NHS number ({other_ref}): check it is not the same "
        "death notified twice."
    )
    assert form.nhs_status_text().endswith("the check digit is right")
    nhs.setText("")
    assert form.problem_text("nhs_number") == "" and form.nhs_status_text() == ""
    assert form.is_dirty()
    Dialogs.queue_answers("discard")
    assert page.show_list()


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"date_of_birth": "11/01/2017"}, "date_of_death", "before the date of birth"),
        ({"date_of_birth": "09/01/1999"}, "date_of_birth", "18 or over"),
        ({"notification_date": "09/01/2017"}, "notification_date", "before the date of death"),
        ({"live_born": False}, "live_born", "Only children born alive"),
        ({"joint_agency_response": None}, "joint_agency_response", "joint agency response"),
        ({"time_of_death": "25"}, "time_of_death", "hh:mm"),
        ({"nhs_number": "943 476"}, "nhs_number", "10 digits; 6 typed"),
    ],
)
def test_each_rule_stops_the_save_beside_its_field(qtbot, page, session, changes, field, words):
    page.new_case()
    form = page.case.death_form
    fill_notification(form)
    form.ui.joint_agency_response.set_value(True)
    for name, value in changes.items():
        widget = form.field(name)
        if hasattr(widget, "set_value"):
            widget.set_value(value)
        else:
            widget.setText(value)
    assert form.save() is None
    assert form.problem_text(field).startswith("Error:") and words in form.problem_text(field)
    assert queries.case_list(session).count() == 0
    Dialogs.queue_answers("discard")
    assert page.show_list()


def test_problems_show_while_typing_without_moving_the_focus(qtbot, page):
    page.new_case()
    form = page.case.death_form
    ui = form.ui
    choose(ui.expected_or_unexpected, "unexpected")
    ui.date_of_birth.setText("05/02/2017")
    ui.date_of_death.setText("04/02/2017")
    ui.date_of_death.setFocus()
    form.live_check()  # what the short timer after each change does
    assert "before the date of birth" in form.problem_text("date_of_death")
    assert form.problem_text("joint_agency_response").startswith("Error: An unexpected death")
    assert form.problem_text("forenames") == ""  # not touched yet: not nagged about
    assert ui.date_of_death.hasFocus()
    Dialogs.queue_answers("discard")
    page.show_list()


# -- the review's suggestions -------------------------------------------------------------------
def test_sudi_is_suggested_and_can_be_overridden(qtbot, page, session):
    infant = service.create_death(session, notification(
        nhs_number=NHS_C, date_of_birth=dt.date(2016, 10, 1), date_of_death=dt.date(2017, 1, 5),
        notification_date=dt.date(2017, 1, 5), place_of_death="home"))
    service.add_report(session, infant, {"agency_id": first_agency()[0],
                                         "requested_date": dt.date(2017, 1, 6),
                                         "mode_of_death": "found_dead_or_collapsed"})
    page.open_case(infant, "review")
    review = page.case.review_form
    ui = review.ui
    assert ui.sudi.value() is None  # "As suggested"
    assert review.sudi_suggestion_text().startswith(
        "Suggested: Yes (aged 3 months, unexpected, sudden)")
    ui.sudden_death.set_value(False)  # the panel's view of the reports
    assert review.sudi_suggestion_text().startswith("Suggested: No")
    ui.sudden_death.set_value(None)
    ui.sudi.set_value(False)  # the panel overrides
    assert review.save() == infant
    saved = service.get_review(session, infant)
    assert (saved["sudi_suggested"], saved["sudi_override"], saved["sudi"]) == (True, False, False)
    assert "the panel's answer, No, is kept" in review.sudi_suggestion_text()
    ui.sudi.set_value(None)  # back to the suggestion
    review.save()
    saved = service.get_review(session, infant)
    assert (saved["sudi_override"], saved["sudi"]) == (None, True)


def test_a_category_below_the_highest_ticked_is_a_warning(qtbot, page, session):
    death_id = service.create_death(session, notification())
    page.open_case(death_id, "review")
    review = page.case.review_form
    ui = review.ui
    ui.categories_applicable.set_checked("malignancy")
    assert ui.category_of_death.currentData() == "malignancy"
    ui.categories_applicable.set_checked("deliberately_inflicted")
    assert ui.category_of_death.currentData() == "deliberately_inflicted"  # still following
    choose(ui.category_of_death, "malignancy")  # the user's own choice stays
    ui.categories_applicable.set_checked("infection")
    assert ui.category_of_death.currentData() == "malignancy"
    assert review.save() == death_id  # a warning does not stop the save
    assert review.problem_text("category_of_death").startswith(
        "Warning: 'Deliberately inflicted injury, abuse or neglect' is ticked as applicable")
    assert service.get_review(session, death_id)["category_of_death"] == "malignancy"
    assert page.case.tabs.tabText(2) == "Re&view (in progress)"


def test_sudden_unexplained_category_on_an_expected_death_is_refused(qtbot, page, session):
    death_id = service.create_death(session, notification(expected_or_unexpected="expected"))
    page.open_case(death_id, "review")
    review = page.case.review_form
    review.ui.categories_applicable.set_checked("sudden_unexpected_unexplained")
    assert review.save() is None
    assert "cannot be the category of an expected death" in review.problem_text(
        "category_of_death")


# -- the lists ----------------------------------------------------------------------------------
def test_find_filters_and_work_lists(qtbot, page, session, qtmodeltester):
    numbers = valid_numbers(600, 4)
    old = service.create_death(session, notification(
        forenames="Ada", family_name="Oldcase", nhs_number=numbers[0],
        date_of_birth=dt.date(2014, 1, 1), date_of_death=dt.date(2015, 12, 1),
        notification_date=dt.date(2015, 12, 2)))
    middle = service.create_death(session, notification(
        forenames="Ben", family_name="Midcase", nhs_number=numbers[1],
        date_of_death=dt.date(2016, 8, 1), notification_date=dt.date(2016, 8, 2),
        expected_or_unexpected="expected", joint_agency_response=None))
    recent = service.create_death(session, notification(
        forenames="Cat", family_name="Newcase", nhs_number=numbers[2],
        date_of_death=dt.date(2017, 2, 1), notification_date=dt.date(2017, 2, 2)))
    service.add_report(session, recent, {"agency_id": first_agency()[0],
                                         "requested_date": dt.date(2017, 2, 3),
                                         "received_date": dt.date(2017, 2, 20)})
    refs = {i: service.get_death(session, i)["cdop_ref"] for i in (old, middle, recent)}
    lst = page.list
    lst.refresh()
    qtmodeltester.check(lst.model)
    assert lst.ids() == [recent, middle, old]  # most recent death first

    # Open cases by days since death, flagged at 6 and 12 months.
    assert lst.column_texts("days_since_death") == ["28", "212", "456"]
    assert lst.column_texts("open_flag") == ["", "6 months", "12 months"]
    assert "1 open over 12 months" in lst.summary_text()
    lst.summary_buttons["over6"].click()
    assert lst.show_combo.currentData() == "over6" and lst.ids() == [middle, old]
    lst.summary_buttons["over12"].click()
    assert lst.ids() == [old]
    lst.summary_buttons["awaiting"].click()
    assert set(lst.ids()) == {old, middle}
    lst.summary_buttons["ready"].click()
    assert lst.ids() == [recent]

    # Type-ahead by reference, NHS number (as printed) or name; filters narrow it.
    lst.show_list("all")
    for text, expected in ((refs[middle], [middle]), (numbers[0], [old]),
                           (f"{numbers[2][:3]} {numbers[2][3:6]} {numbers[2][6:]}", [recent]),
                           ("newca", [recent])):
        lst.search.setText(text)
        qtbot.waitUntil(lambda e=expected: lst.ids() == e, timeout=2000)  # the type-ahead
    lst.search.clear()
    choose(lst.expected, "expected")
    assert lst.ids() == [middle]
    choose(lst.expected, None)
    choose(lst.show_combo, "reviewed")
    assert lst.ids() == []
    assert lst.table.isColumnHidden(lst.model.column_index("open_flag"))

    # Enter on a row opens the case.
    choose(lst.show_combo, "all")
    lst.select_id(old)
    lst.open_current()
    assert page.showing_case() and page.case.death_id == old
    assert "open over 12 months" in page.case.death_form.ui.stateText.text()


def test_agenda_add_remove_and_delete_case(qtbot, page, session):
    death_id = service.create_death(session, notification())
    service.add_report(session, death_id, {"agency_id": first_agency()[0],
                                           "requested_date": dt.date(2017, 1, 12),
                                           "received_date": dt.date(2017, 1, 20)})
    meeting_id = service.create_meeting(session, {"meeting_date": dt.date(2017, 3, 9)})
    meetings = page.meetings
    page.show_meetings()
    meetings.choose_meeting(meeting_id)
    meetings.select_ready(death_id)
    meetings.add_button.click()
    assert [i["death_id"] for i in service.get_meeting(session, meeting_id)["agenda"]] == [
        death_id]
    meetings.select_agenda_row(0)
    meetings.remove_button.click()
    assert meetings.agenda_rows() == [] and service.get_meeting(session, meeting_id)["agenda"] == []

    # A case notified in error is deleted with a reason.
    page.open_case(death_id)
    Dialogs.queue_answers(lambda d: d.reason.setText("Notified in error") or d.accept()
                          or d.result())
    page.case.death_form.ui.deleteButton.click()
    assert not page.showing_case() and queries.case_list(session).count() == 0


# -- who sees the page --------------------------------------------------------------------------
def test_register_and_builtin():
    module = register()
    assert (module.domain, module.title, module.factory) == ("cdop", "CDOP", CdopPage)
    assert ("cdop", "hscb_desktop.gui.cdop_page") in modules.BUILTIN


def test_a_lado_officer_has_no_cdop_page(qtbot, workspace, make_user, clock):
    for username, roles, has_page in (("lado1", ["lado_officer"], False),
                                      ("cdop1", ["cdop_coordinator"], True)):
        password = make_user(username, roles)
        session = auth.sign_in(workspace, username, password)
        window = app.build_main_window(session, clock)
        qtbot.addWidget(window)
        assert ("cdop" in window.pages) is has_page, username
        titles = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert ("CDOP" in titles) is has_page
        window.close()
        auth.sign_out(session)


# -- a row changed by someone else meanwhile (issue 11's known gap, domains.stale) -------------
def test_a_report_changed_by_someone_else_is_not_overwritten_and_the_typing_stays(
        qtbot, page, session):
    """The report dialog hands the service the report as the table loaded it: changed
    meanwhile (a colleague, another window), the save is refused inside the dialog, which
    keeps what was typed and says why; a delete of the stale row is refused too."""
    death_id = service.create_death(session, notification())
    report_id = service.add_report(session, death_id, {
        "agency_id": first_agency()[0], "requested_date": dt.date(2017, 1, 12),
        "narrative": "Awaited"})
    page.open_case(death_id)
    page.case.show_tab("reports")
    reports = page.case.reports
    service.update_report(session, report_id, {"narrative": "A colleague's summary"})
    reports.select_row(0)
    seen = []

    def change(dialog) -> int:
        dialog.form.narrative.setPlainText("My summary")
        dialog.accept()
        seen.append((dialog.result(), dialog.form.message_text(),
                     dialog.form.narrative.toPlainText()))
        dialog.reject()
        return dialog.result()

    Dialogs.queue_answers(change)
    reports.edit_button.click()
    [(result, problem, typed)] = seen
    assert result == 0 and typed == "My summary"
    assert (f"The report from {first_agency()[1]} on CDOP-2017-001 was changed by someone "
            "else after you opened it") in problem
    assert "What you typed is still here" in problem
    [stored] = service.get_death(session, death_id)["reports"]
    assert stored["narrative"] == "A colleague's summary"
    Dialogs.queue_answers(True)  # yes, delete it
    assert reports.delete_report() is False
    assert "so it was not deleted" in reports.message.text()
    assert service.get_death(session, death_id)["reports"] == [stored]


def test_a_panel_meeting_changed_by_someone_else_is_not_overwritten(qtbot, page, session):
    """The meeting form's save is refused when the meeting changed since it was shown; the
    typing stays. Saves of its own, one after another without a re-read, still land."""
    meeting_id = service.create_meeting(session, {"meeting_date": dt.date(2017, 3, 9),
                                                  "notes": "Room 4"})
    page.show_meetings()
    meetings = page.meetings
    meetings.choose_meeting(meeting_id)
    form = meetings.form
    service.update_meeting(session, meeting_id, {"notes": "Moved to room 2"})
    form.notes.setText("Room 4, with the coroner's officer")
    assert meetings.save_meeting() is None
    assert ("The panel meeting of 09/03/2017 was changed by someone else after you opened it"
            in form.message_text())
    assert form.notes.text() == "Room 4, with the coroner's officer" and form.is_dirty()
    assert service.get_meeting(session, meeting_id)["notes"] == "Moved to room 2"

    meetings.refresh()  # re-read: the colleague's notes shown, then changed and saved twice
    assert form.notes.text() == "Moved to room 2"
    for notes in ("Room 2, quorate", "Room 2, quorate, 6 members"):
        form.notes.setText(notes)
        assert form.save() == meeting_id  # as a retried save would, without the tab's re-read
    assert service.get_meeting(session, meeting_id)["notes"] == "Room 2, quorate, 6 members"
