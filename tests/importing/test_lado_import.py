"""Issue 8: importing LADO contacts from a tracker workbook made with openpyxl, through the
engine the GUI and the CLI share, on a real SQLCipher store (AUD-1 import entries)."""

from __future__ import annotations

import datetime as dt

import pytest
from books import make_book, set_cached_values
from openpyxl import load_workbook

from hscb_desktop.core.progress import Cancelled, Progress
from hscb_desktop.core.validation import ValidationFailed
from hscb_desktop.domains.lado import service
from hscb_desktop.domains.lado.models import LadoContact, LadoSubject
from hscb_desktop.importing import engine, lado, reader, report
from hscb_desktop.importing.mapping import ImportMapping, suggest_columns
from hscb_desktop.storage import audit

HEADERS = ["Ref", "Date Rec'd", "Employer ", "SECTOR", "Source", "Threshold met?", "Outcome",
           "No. of children", "Category", "Subject", "D.O.B", "Details", "Harm criteria"]
LONG = "x" * 20_001  # over the rules' 20,000-character limit for allegation details


def tracker_rows():
    return [
        # a threshold case typed the way trackers are: text date, trailing spaces, abbreviations
        ["L-001", "01/02/2017", "Oakfield Primary  ", "Edu", "Employer", "Y", "Subs", "2",
         "Phys, Sexual", "Sam Example ", "17/05/1980", "Pushed a pupil", "Harmed a child"],
        None,  # a blank row in the middle
        # an Excel serial date in a General cell, N/A and "-" as blanks, a number as a ref
        [1002, 42767, "Riverside Academy", "education_school", "police", "N", "N/A", "-",
         None, None, None, "unknown"],
        ["L-003", dt.datetime(2017, 2, 3), "Hilltop College", "Education - further education",
         "Police", "No", "-", 0, None, None, None, None],
        ["L-004", "2017-02-04", "Meadow House", "Foster care - independent agency", "Ofsted",
         "Yes", "Malicious", "1", "Emotional", "Jo Sample", "1 Feb 1975", LONG, "Risk of harm"],
        ["L-005", "25/02/2017", "Little Acorns", "Early yrs", "Health", "N", None, None, None,
         None, None, None],
    ]


def lado_mapping(info, **values) -> ImportMapping:
    samples = {h: [v[i] for _, v in info.preview] for i, h in enumerate(info.headers)}
    columns = suggest_columns(info.headers, samples, lado.FIELDS)
    return ImportMapping("lado", columns=columns, values=values)


@pytest.fixture
def tracker(tmp_path):
    return make_book(tmp_path / "LADO tracker.xlsx", HEADERS, tracker_rows(),
                     title="LADO tracker 2016-17")


def test_header_found_below_a_merged_title_and_preview_skips_blank_rows(tracker):
    info = reader.inspect_sheet(tracker)
    assert info.sheet == "Referrals" and info.header_row == 3
    assert info.headers[:4] == ["Ref", "Date Rec'd", "Employer", "SECTOR"]  # spaces trimmed
    assert [n for n, _ in info.preview] == [4, 6, 7, 8, 9]  # row 5 is blank


def test_columns_proposed_from_header_names_despite_case_spacing_and_abbreviations(tracker):
    info = reader.inspect_sheet(tracker)
    columns = lado_mapping(info).columns
    assert columns["Ref"] == "ref"
    assert columns["Date Rec'd"] == "date_received"
    assert columns["Employer"] == "employer_name"
    assert columns["SECTOR"] == "employment_sector"
    assert columns["Source"] == "referral_source_type"
    assert columns["Threshold met?"] == "threshold_met"
    assert columns["No. of children"] == "child_count"
    assert columns["D.O.B"] == "subject_dob"
    assert columns["Category"] == "abuse_category"


def test_values_mapped_exactly_suggested_or_left_unmatched(tracker, lado_session):
    info = reader.inspect_sheet(tracker)
    plan = engine.prepare(tracker, None, lado_mapping(info), lado)
    assert plan.rows == 5
    assert plan.distinct["employment_sector"].keys() == {
        "Edu", "education_school", "Education - further education",
        "Foster care - independent agency", "Early yrs"}
    from hscb_desktop.importing.mapping import EXACT, SUGGESTED, value_code

    fields = plan.fields
    assert value_code(plan.mapping, fields["outcome"], "Subs") == ("substantiated", SUGGESTED)
    assert value_code(plan.mapping, fields["employment_sector"], "Edu")[1] == SUGGESTED
    assert value_code(plan.mapping, fields["threshold_met"], "Y") == ("yes", EXACT)
    assert value_code(plan.mapping, fields["referral_source_type"], "Police") == ("police", EXACT)
    assert plan.unresolved() == {}
    plan.mapping.values["employment_sector"] = {"Early yrs": None}  # the user says: leave blank
    assert value_code(plan.mapping, fields["employment_sector"], "Early yrs")[0] is None


def test_dry_run_reports_row_by_row_and_writes_nothing(tracker, lado_session, tmp_path):
    info = reader.inspect_sheet(tracker)
    mapping = lado_mapping(info, employment_sector={"Early yrs": "early_years_pvi"})
    plan = engine.prepare(tracker, None, mapping, lado)
    result = engine.dry_run(lado_session, plan)
    assert (result.rows_read, result.to_create, result.duplicates, result.skipped) == (5, 4, 0, 1)
    errors = [(i.row, i.field) for i in result.issues if i.kind == "error"]
    assert errors == [(8, "Allegation details")]  # the very long text, on its sheet row
    long_issue = next(i for i in result.issues if i.kind == "error")
    assert "20000" in long_issue.problem and len(long_issue.value) < 300
    assert LadoContact.select().count() == 0
    saved = report.save(result, tmp_path / "report.xlsx")
    wb = load_workbook(saved)
    assert wb.sheetnames == ["Summary", "Rows"]
    rows = list(wb["Rows"].iter_rows(values_only=True))
    assert rows[0] == ("Row", "Column", "Field", "Value", "Problem", "Result")
    assert (8, "Details", "Allegation details") == rows[1][:3]
    summary = dict(wb["Summary"].iter_rows(values_only=True))
    assert summary["To create"] == 4 and summary["Skipped"] == 1 and summary["Duplicates"] == 0


def test_commit_creates_accepted_rows_audited_as_imports_then_reimport_creates_none(
        tracker, lado_session):
    info = reader.inspect_sheet(tracker)
    mapping = lado_mapping(info, employment_sector={"Early yrs": "early_years_pvi"})
    plan = engine.prepare(tracker, None, mapping, lado)
    checked = engine.dry_run(lado_session, plan)
    done = engine.commit(lado_session, plan, checked)
    assert len(done.created_ids) == checked.to_create == 4
    first = LadoContact.get(LadoContact.ref == "L-001")
    assert first.date_received == dt.date(2017, 2, 1)
    assert first.employer_name == "Oakfield Primary"  # trailing spaces gone
    assert first.employment_sector == "education_school" and first.outcome == "substantiated"
    assert first.child_count == 2 and first.threshold_met is True
    subject = LadoSubject.get(LadoSubject.contact == first.id)
    assert (subject.name, subject.dob) == ("Sam Example", dt.date(1980, 5, 17))
    serial = LadoContact.get(LadoContact.ref == "1002")  # a number read as the reference text
    assert serial.date_received == dt.date(2017, 2, 1)  # Excel serial 42767
    assert serial.outcome is None and serial.child_count is None  # "N/A" and "-"
    assert serial.allegation_details is None  # "unknown"
    # AUD-1: one "import" entry per record, naming the file, sheet and row.
    entries = audit.entries_for("lado", "lado_contact", first.id)
    assert [e.action for e in entries] == ["import"]
    assert entries[0].reason == "LADO tracker.xlsx, sheet Referrals, row 4"
    _, new = audit.values_of("lado", entries[0].seq)
    assert new["ref"] == "L-001" and new["subject_name"] == "Sam Example"
    assert audit.verify("lado").ok
    # The same file again: every row is a duplicate, nothing is created.
    again = engine.prepare(tracker, None, mapping, lado)
    second = engine.dry_run(lado_session, again)
    assert (second.to_create, second.duplicates, second.skipped) == (0, 4, 1)
    assert len(engine.commit(lado_session, again, second).created_ids) == 0
    assert LadoContact.select().count() == 4


def test_duplicates_by_subject_and_date_without_a_reference(tmp_path, lado_session):
    rows = [["15/01/2017", "Oak", "education_school", "police", "No", "Sam Example"],
            ["15/01/2017", "Elm", "education_school", "police", "No", " sam  EXAMPLE"],
            ["16/01/2017", "Oak", "education_school", "police", "No", None],
            ["16/01/2017", "oak", "education_school", "police", "No", None]]
    path = make_book(tmp_path / "t.xlsx", ["Date received", "Employer", "Sector", "Source",
                                           "Threshold", "Subject"], rows)
    info = reader.inspect_sheet(path)
    plan = engine.prepare(path, None, lado_mapping(info), lado)
    result = engine.dry_run(lado_session, plan)
    assert (result.to_create, result.duplicates) == (2, 2)
    dups = [i for i in result.issues if i.kind == "duplicate"]
    assert [d.row for d in dups] == [3, 5] and "repeats row 2" in dups[0].problem


def test_ambiguous_dates_are_flagged_never_guessed_until_the_order_is_chosen(tmp_path,
                                                                              lado_session):
    rows = [["03/04/2016", "Oak", "education_school", "police", "No"],
            ["04/05/2016", "Elm", "education_school", "police", "No"]]
    path = make_book(tmp_path / "t.xlsx", ["Date received", "Employer", "Sector", "Source",
                                           "Threshold"], rows)
    info = reader.inspect_sheet(path)
    plan = engine.prepare(path, None, lado_mapping(info), lado)
    assert plan.undecided_orders() == ["Date received"]
    result = engine.dry_run(lado_session, plan)
    assert result.to_create == 0 and result.skipped == 2
    assert "03 April 2016 or 04 March 2016" in result.issues[0].problem
    assert any("read both ways" in n for n in result.notes)
    chosen = lado_mapping(info)
    chosen.date_order["Date received"] = "mdy"
    plan = engine.prepare(path, None, chosen, lado)
    engine.commit(lado_session, plan, engine.dry_run(lado_session, plan))
    assert sorted(c.date_received for c in LadoContact.select()) == [
        dt.date(2016, 3, 4), dt.date(2016, 4, 5)]


def test_one_unambiguous_date_settles_the_column_and_says_so(tmp_path, lado_session):
    rows = [["03/04/2016", "Oak", "education_school", "police", "No"],
            ["25/04/2016", "Elm", "education_school", "police", "No"]]
    path = make_book(tmp_path / "t.xlsx", ["Date received", "Employer", "Sector", "Source",
                                           "Threshold"], rows)
    plan = engine.prepare(path, None, lado_mapping(reader.inspect_sheet(path)), lado)
    assert plan.orders == {"Date received": "dmy"}
    result = engine.dry_run(lado_session, plan)
    assert result.to_create == 2 and any("row 3 can only be read" in n for n in result.notes)


@pytest.mark.parametrize("text, expected", [
    ("07/03/2017", dt.date(2017, 3, 7)), ("7.3.17", dt.date(2017, 3, 7)),
    ("2017-03-07", dt.date(2017, 3, 7)), ("7 Mar 2017", dt.date(2017, 3, 7)),
    ("07-Mar-17", dt.date(2017, 3, 7)), ("March 7, 2017", dt.date(2017, 3, 7)),
    ("42801", dt.date(2017, 3, 7)), (42801, dt.date(2017, 3, 7)),
    ("7th March 2017", dt.date(2017, 3, 7)),
])
def test_dates_as_text_in_several_formats_and_serial_numbers(text, expected):
    from hscb_desktop.importing.values import DAY_FIRST, read_date

    assert read_date(text, DAY_FIRST).value == expected


@pytest.mark.parametrize("text", ["31/02/2017", "March", "soon", "12345678"])
def test_bad_dates_are_problems_not_values(text):
    from hscb_desktop.importing.values import read_date

    read = read_date(text)
    assert read.value is None and read.problem


def test_formula_values_are_read_never_their_text(tmp_path, lado_session):
    path = make_book(tmp_path / "f.xlsx", ["Date received", "Employer", "Sector", "Source",
                                           "Threshold", "Children"],
                     [["21/02/2017", '=CONCAT("Oak","field")', "education_school", "police",
                       "No", "=1+2"]])
    set_cached_values(path, {"B2": "Oakfield", "F2": "3"})
    plan = engine.prepare(path, None, lado_mapping(reader.inspect_sheet(path)), lado)
    engine.commit(lado_session, plan, engine.dry_run(lado_session, plan))
    contact = LadoContact.get()
    assert contact.child_count == 3
    assert "CONCAT" not in (contact.employer_name or "") and "=" not in contact.employer_name


def test_merged_cells_take_their_top_left_value(tmp_path, lado_session):
    rows = [["21/02/2017", "Oak", "education_school", "police", "No"],
            ["22/02/2017", None, "education_school", "police", "No"]]
    path = make_book(tmp_path / "m.xlsx", ["Date received", "Employer", "Sector", "Source",
                                           "Threshold"], rows, merges=["B2:B3"])
    plan = engine.prepare(path, None, lado_mapping(reader.inspect_sheet(path)), lado)
    engine.commit(lado_session, plan, engine.dry_run(lado_session, plan))
    assert [c.employer_name for c in LadoContact.select().order_by(LadoContact.date_received)] \
        == ["Oak", "Oak"]


def test_password_protected_or_corrupt_workbooks_get_a_clear_message(tmp_path):
    ole = tmp_path / "locked.xlsx"  # an encrypted .xlsx is an OLE compound file
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(reader.WorkbookError, match="password-protected"):
        reader.inspect_sheet(ole)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(reader.WorkbookError, match="could not be read as an Excel workbook"):
        reader.inspect_sheet(broken)
    with pytest.raises(reader.WorkbookError, match="does not exist"):
        reader.inspect_sheet(tmp_path / "missing.xlsx")


def test_unmatched_values_block_the_commit_until_mapped(tmp_path, lado_session):
    rows = [["21/02/2017", "Oak", "Qwerty", "police", "No"],
            ["22/02/2017", "Elm", "education_school", "police", "No"]]
    path = make_book(tmp_path / "u.xlsx", ["Date received", "Employer", "Sector", "Source",
                                           "Threshold"], rows)
    info = reader.inspect_sheet(path)
    plan = engine.prepare(path, None, lado_mapping(info), lado)
    assert plan.unresolved() == {"employment_sector": ["Qwerty"]}
    checked = engine.dry_run(lado_session, plan)
    assert checked.skipped == 1 and "'Qwerty' is not in the list" in checked.issues[0].problem
    with pytest.raises(engine.ImportRefused, match="Qwerty"):
        engine.commit(lado_session, plan, checked)
    assert LadoContact.select().count() == 0
    plan.mapping.values["employment_sector"] = {"Qwerty": "other_statutory"}
    assert plan.unresolved() == {}
    assert len(engine.commit(lado_session, plan, engine.dry_run(lado_session, plan))
               .created_ids) == 2


def test_a_failure_midway_writes_nothing(tracker, lado_session, monkeypatch):
    info = reader.inspect_sheet(tracker)
    mapping = lado_mapping(info, employment_sector={"Early yrs": "early_years_pvi"})
    plan = engine.prepare(tracker, None, mapping, lado)
    monkeypatch.setattr(engine, "BATCH", 2)  # two batches: the second fails
    calls = []
    real = service.bulk_create

    def second_fails(session, items, sources=None):
        calls.append(len(items))
        if len(calls) == 2:
            raise ValidationFailed([])
        return real(session, items, sources=sources)

    monkeypatch.setattr(service, "bulk_create", second_fails)
    with pytest.raises(ValidationFailed):
        engine.commit(lado_session, plan)
    assert calls == [2, 2]
    assert LadoContact.select().count() == 0
    assert [e for e in audit.entries_for("lado", "lado_contact", 1)] == []


def test_cancel_during_the_commit_rolls_everything_back(tmp_path, lado_session, monkeypatch):
    rows = [[f"{d:02d}/01/2017", f"Employer {d}", "education_school", "police", "No"]
            for d in range(1, 29)] * 20  # 560 rows, 28 distinct: the rest are duplicates
    rows = [[f"R{i}", *r] for i, r in enumerate(rows)]
    path = make_book(tmp_path / "c.xlsx", ["Ref", "Date received", "Employer", "Sector",
                                           "Source", "Threshold"], rows)
    plan = engine.prepare(path, None, lado_mapping(reader.inspect_sheet(path)), lado)
    monkeypatch.setattr(engine, "BATCH", 5)
    progress = Progress(lambda done, total, text: progress.cancel() if done >= 400 else None)
    with pytest.raises(Cancelled):
        engine.commit(lado_session, plan, None, progress)
    assert LadoContact.select().count() == 0


def test_a_file_changed_after_the_dry_run_is_refused(tracker, lado_session):
    info = reader.inspect_sheet(tracker)
    mapping = lado_mapping(info, employment_sector={"Early yrs": "early_years_pvi"})
    plan = engine.prepare(tracker, None, mapping, lado)
    checked = engine.dry_run(lado_session, plan)
    make_book(tracker, HEADERS, tracker_rows()[:2], title="changed")
    with pytest.raises(engine.ImportRefused, match="changed after it was read"):
        engine.commit(lado_session, plan, checked)
    assert LadoContact.select().count() == 0


def test_saved_mapping_reloads_the_same(tmp_path, tracker):
    info = reader.inspect_sheet(tracker)
    mapping = lado_mapping(info, outcome={"Subs": "substantiated", "??": None})
    mapping.date_order["Date Rec'd"] = "dmy"
    mapping.sheet, mapping.header_row = info.sheet, info.header_row
    saved = mapping.save(tmp_path / "lado mapping.json")
    again = ImportMapping.load(saved, "lado")
    assert again == mapping
    with pytest.raises(ValueError, match="not cdop"):
        ImportMapping.load(saved, "cdop")


def test_officer_without_lado_access_cannot_import(tracker, workspace, make_user):
    from hscb_desktop.core.validation import PermissionDenied
    from hscb_desktop.security import auth

    session = auth.sign_in(workspace, "cdop1", make_user("cdop1", ["cdop_coordinator"]))
    plan = engine.prepare(tracker, None, lado_mapping(reader.inspect_sheet(tracker)), lado)
    with pytest.raises(PermissionDenied):
        engine.dry_run(session, plan)


@pytest.mark.parametrize("raw, expected", [
    ("3", 3), (" 3 ", 3), ("3.0", 3), (3.0, 3), ("1,200", 1200), ("N/A", None), ("-", None),
    ("unknown", None), (None, None),
])
def test_numbers_stored_as_text_and_placeholders(raw, expected):
    from hscb_desktop.importing.values import read_int

    assert read_int(raw).value == expected and read_int(raw).problem == ""


@pytest.mark.parametrize("raw", ["three", "2.5", True])
def test_numbers_that_are_not_whole_are_problems(raw):
    from hscb_desktop.importing.values import read_int

    assert read_int(raw).value is None and read_int(raw).problem


def test_text_keeps_its_words_loses_its_padding_and_the_export_guard():
    from hscb_desktop.importing.values import read_text, text

    assert text("  Oakfield Primary \u00a0") == "Oakfield Primary"
    assert text(1002.0) == "1002" and text(dt.date(2017, 3, 7)) == "07/03/2017"
    assert text("'=1+1") == "=1+1"  # XLS-2's apostrophe, added by our export, taken off
    assert text("'quoted'") == "'quoted'"
    assert read_text(" n/a ").value is None and read_text("--").value is None
