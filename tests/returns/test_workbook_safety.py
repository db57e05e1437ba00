"""The shared workbook writer: safe cells (XLS-1, XLS-2, XLS-4), layout (SPEC §6), KP-1."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest

from hscb_desktop.returns import Percent, Table, change, percent, workbook
from hscb_desktop.returns.cells import safe_text

FORMULA_LIKE = [
    "=1+1",
    '=HYPERLINK("http://example.invalid","x")',
    "+1",
    "-1",
    "@SUM(1)",
    "\t=1",
    "\r=1",
    "\uff1d1+1",
]


def _table(rows, **kw) -> Table:
    return Table("T1", "A table", ["Label", "Value"], rows, **kw)


def _sheet_xml(path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_xls1_text_never_becomes_a_formula(tmp_path, text):
    path = workbook.write(
        [_table([[text, text]], footnotes=[text])], {"Note": text}, tmp_path / "r.xlsx"
    )
    assert "<f>" not in _sheet_xml(path) and "<f " not in _sheet_xml(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["T1 A table"]
    for cell in (ws["A3"], ws["B3"], ws["A5"], wb["About"]["B1"]):
        assert cell.data_type == "s"
        assert isinstance(cell.value, str)
        # XML reading turns a bare CR into LF; the value is still the same text.
        assert cell.value == safe_text(text).replace("\r", "\n")
        assert cell.value.startswith("'")  # XLS-2: the trigger is neutralised


@pytest.mark.parametrize(
    "trigger", ["=", "+", "-", "@", "\t", "\r", "\n", "\0", "\uff1d", "\uff0b", "\uff0d", "\uff20"]
)
def test_xls2_every_trigger_gets_a_quote(trigger):
    assert safe_text(trigger + "cmd").startswith("'")
    assert safe_text("plain " + trigger) == "plain " + trigger or trigger == "\0"


def test_xls2_real_negative_numbers_stay_numeric(tmp_path):
    path = workbook.write(
        [_table([["Change", -5], ["Share", Percent(-0.22)]])], {}, tmp_path / "n.xlsx"
    )
    ws = openpyxl.load_workbook(path)["T1 A table"]
    assert ws["B3"].value == -5 and ws["B3"].data_type == "n"
    assert ws["B4"].value == pytest.approx(-0.22) and ws["B4"].number_format == "0%"


def test_xls4_rejected_characters_are_stripped(tmp_path, caplog):
    with caplog.at_level("WARNING"):
        path = workbook.write(
            [_table([["bell\x07 and \x1bescape", 1]])], {"x": "a\x00b"}, tmp_path / "c.xlsx"
        )
    assert "2 text value(s) were sanitised" in caplog.text and "bell" not in caplog.text
    wb = openpyxl.load_workbook(path)
    assert wb["T1 A table"]["A3"].value == "bell and escape"
    assert wb["About"]["B1"].value == "ab"


def test_attendance_fractions_stay_text(tmp_path):
    path = workbook.write([_table([["Police", "4/4"], ["Health", "3/4"]])], {}, tmp_path / "a.xlsx")
    ws = openpyxl.load_workbook(path)["T1 A table"]
    assert ws["B3"].value == "4/4" and ws["B3"].data_type == "s"


def test_layout_about_first_title_header_total_footnotes_freeze(tmp_path):
    table = Table(
        "L9",
        "A very long table title that will not fit in a sheet name",
        ["Year", "Count", "%"],
        [["July 2016 - June 2017", 1217, percent(68, 630)]],
        footnotes=["Counted by date received."],
        total=["Total", 1217, Percent(1.0)],
    )
    path = workbook.write(
        [table], {"Board": "HSCB", "Period": "July 2016 - June 2017"}, tmp_path / "l.xlsx"
    )
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "About"
    name = wb.sheetnames[1]
    assert len(name) <= 31
    ws = wb[name]
    assert ws["A1"].value == table.title and ws["A1"].font.b
    assert [c.value for c in ws[2]] == ["Year", "Count", "%"]
    assert ws["B3"].value == 1217 and ws["B3"].number_format == "#,##0"
    assert ws["C3"].value == pytest.approx(0.11) and ws["C3"].number_format == "0%"
    assert ws["A4"].value == "Total" and ws["A4"].font.b
    assert ws["A6"].value == "Counted by date received."
    assert ws.freeze_panes == "A3"


def test_sheet_names_are_unique_and_legal(tmp_path):
    tables = [Table("X", "Same: name/with*bad?chars[]" * 2, ["a"], [["r"]]) for _ in range(3)]
    wb = openpyxl.load_workbook(workbook.write(tables, {}, tmp_path / "s.xlsx"))
    names = wb.sheetnames[1:]
    assert len(set(names)) == 3 and all(
        len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in names
    )


def test_percent_rounds_half_up():
    assert percent(1, 8) == pytest.approx(0.13)  # 12.5% -> 13%
    assert percent(39, 68) == pytest.approx(0.57)
    assert percent(5, 0) is None
    assert change(83, 80) == pytest.approx(0.04)
    assert change(630, 804) == pytest.approx(-0.22)


@pytest.mark.parametrize("fail_after", [0, 1, 512, "half", "all_but_one"])
def test_kp1_failure_mid_write_leaves_previous_file(tmp_path, monkeypatch, fail_after):
    path = tmp_path / "return.xlsx"
    workbook.write([_table([["old", 1]])], {}, path)
    before = path.read_bytes()

    real_save = workbook._save

    def failing_save(wb, handle):
        import io

        buffer = io.BytesIO()
        real_save(wb, buffer)
        data = buffer.getvalue()
        n = {"half": len(data) // 2, "all_but_one": len(data) - 1}.get(fail_after, fail_after)
        handle.write(data[:n])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(workbook, "_save", failing_save)
    with pytest.raises(OSError) as info:
        workbook.write([_table([["new", 2]])], {}, path)
    assert "return.xlsx" in str(info.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["return.xlsx"]  # temp file removed


# -- XLS-1..4 through every exporter, from real records (issue 10 part C) -------------------
#
# Hostile text typed by users reaches the returns in the board name (every About sheet),
# seat labels and footnotes (B1, B3), agency names (B2, T1) and course titles (T2, T3); the
# annual report carries them all. Each goes in through the services, each exporter writes a
# real file, and the XML inside it is read back: no formula element anywhere, the text in a
# string cell (inline or shared), equal to ``safe_text`` of what was stored, and none of the
# characters Excel rejects. Casework free text must not reach a counts-only return at all.

import datetime as dt  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402

from hscb_desktop.exporters import EXPORTERS  # noqa: E402
from hscb_desktop.returns.cells import TRIGGERS  # noqa: E402
from hscb_desktop.security import auth, maintenance, reference_admin, users  # noqa: E402

EXCEL_REJECTS = ["bell\x07ring", "esc\x1b[31mred", "\x0bvertical tab", "form\x0cfeed"]
HOSTILE = FORMULA_LIKE + ["-1+2", "@cmd", "\n=1", "\uff0b1", "\uff20x"] + EXCEL_REJECTS
BOARD_NAME = '=HYPERLINK("http://example.invalid","board")'
CASEWORK_TEXT = "=HYPERLINK(\"http://example.invalid\",\"casework\")"
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_REJECTED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _labelled(i: int, value: str) -> str:
    """The hostile value made unique (names must be) without moving its first character."""
    return f"{value} #{i}"


def _cells(path) -> tuple[str, list[tuple[str, str | None, str | None]]]:
    """(all worksheet XML, [(sheet, cell type, text)]) of a real .xlsx, read as XML."""
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        shared: list[str] = []
        if "xl/sharedStrings.xml" in names:
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{{{_NS['m']}}}t"))
                      for si in root.findall("m:si", _NS)]
        xml, cells = "", []
        for name in sorted(n for n in names if n.startswith("xl/worksheets/sheet")):
            raw = z.read(name).decode("utf-8")
            xml += raw
            for c in ET.fromstring(raw).iter(f"{{{_NS['m']}}}c"):
                kind = c.get("t")
                if kind == "inlineStr":
                    text = "".join(t.text or "" for t in c.iter(f"{{{_NS['m']}}}t"))
                elif kind == "s":
                    text = shared[int(c.find("m:v", _NS).text)]
                else:
                    v = c.find("m:v", _NS)
                    text = None if v is None else v.text
                cells.append((name, kind, text))
        return xml, cells


@pytest.fixture
def hostile_year(workspace, make_user):
    """A 2016-17 year whose user-typed names are all hostile, entered through the services;
    returns a signed-in business unit session and the names each return must show."""
    from hscb_desktop.domains.board import service as board
    from hscb_desktop.domains.cdop import service as cdop
    from hscb_desktop.domains.fostering import service as fostering
    from hscb_desktop.domains.lado import service as lado
    from hscb_desktop.domains.training import service as training

    admin = auth.sign_in(workspace, "admin", "Board-Test-Passphrase-1")
    maintenance.put_setting(admin, "board_name", BOARD_NAME)
    agencies = [reference_admin.add_agency(admin, _labelled(i, v), "", "health")
                for i, v in enumerate(HOSTILE)]
    agency_names = [a["name"] for a in reference_admin.list_agencies(admin)
                    if a["id"] in agencies]
    users.add_user(admin, "prac1", ["lado_officer", "fostering_worker", "cdop_coordinator"],
                   password="Staff-Pass-Phrase-9")
    auth.sign_out(admin)
    # Casework free text: it may be stored, but no counts-only return may show it.
    prac = auth.sign_in(workspace, "prac1", "Staff-Pass-Phrase-9")
    lado.create_contact(prac, {
        "date_received": dt.date(2016, 9, 1), "referral_source_type": "employer_dsl",
        "employer_name": CASEWORK_TEXT, "employment_sector": "education_school",
        "setting_type": "primary_school", "threshold_met": False, "subject_named": False,
        "allegation_details": CASEWORK_TEXT})
    fostering.create_enquiry(prac, {"date_received": dt.date(2016, 9, 1),
                                    "enquirer_type": "school", "notes": CASEWORK_TEXT})
    cdop.create_death(prac, {
        "forenames": CASEWORK_TEXT, "family_name": "Zedfictional", "nhs_number": "9990005001",
        "date_of_birth": dt.date(2014, 11, 3), "sex": "female", "ethnicity": "WBRI",
        "date_of_death": dt.date(2017, 1, 10), "live_born": True,
        "la_of_residence": "Hertfordshire", "place_of_death": "hospital_paediatric_ward",
        "expected_or_unexpected": "expected", "notification_date": dt.date(2017, 1, 11),
        "notified_by_agency_id": 1, "circumstances_summary": CASEWORK_TEXT})
    auth.sign_out(prac)
    # Signing out closes the stores, so the business unit signs in last.
    bu = auth.sign_in(workspace, "bu1", make_user("bu1", ["business_unit"]))

    labels, footnotes = [], []
    seats = []
    for i, (value, agency) in enumerate(zip(HOSTILE, agencies)):
        seat = board.create_seat(bu, {"title": f"Seat {i}", "display_label": _labelled(i, value),
                                      "footnote": _labelled(i, value), "agency_id": agency,
                                      "sort_order": i})
        seats.append(seat)
        stored = board.get_seat(bu, seat)
        labels.append(stored["display_label"])
        footnotes.append(stored["footnote"])
    board.record_meeting(bu, {"meeting_date": dt.date(2016, 12, 8), "meeting_type": "ordinary"},
                         {s: ("attended", None) for s in seats})
    titles = []
    for i, (value, agency) in enumerate(zip(HOSTILE, agencies)):
        course = training.create_course(bu, {"title": _labelled(i, value), "format": "full_day"})
        titles.append(training.get_course(bu, course)["title"])
        run = training.create_run(bu, {"course_id": course, "run_date": dt.date(2016, 10, 3),
                                       "capacity": 20})
        training.set_counts(bu, run, {agency: {"attended_count": 3, "booked_count": 3}})


    shows = {"board": labels + footnotes + agency_names, "training": titles + agency_names}
    shows["annual-report"] = shows["board"] + shows["training"]
    return bu, {name: [BOARD_NAME] + shows.get(name, []) for name in EXPORTERS}


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_xls1_to_4_every_exporter_writes_hostile_names_as_inert_text(hostile_year, tmp_path,
                                                                      name):
    """XLS-1 (no formula), XLS-2 (triggers quoted), XLS-4 (rejected characters stripped) for
    each exporter, checked in the unzipped XML of the real file it wrote (on both engines)."""
    session, shows = hostile_year
    path = EXPORTERS[name](session, "2016-17", tmp_path / f"{name}.xlsx", accept_problems=True)
    xml, cells = _cells(path)
    assert "<f>" not in xml and "<f " not in xml  # XLS-1: no formula element at all
    assert not _REJECTED.search(xml.replace("\t", "").replace("\n", "").replace("\r", ""))
    texts = {}
    for sheet, kind, text in cells:
        if text is not None:
            texts.setdefault(text.replace("\r", "\n"), set()).add(kind)
    for value in shows[name]:
        expected = safe_text(value).replace("\r", "\n")
        assert expected in texts, f"{value!r} not in the {name} workbook as {expected!r}"
        assert texts[expected] <= {"inlineStr", "s"}, (value, texts[expected])  # XLS-1
        if value.lstrip(" ").startswith(TRIGGERS) or value.startswith(TRIGGERS):
            assert expected.startswith("'")  # XLS-2
        assert not _REJECTED.search(expected)  # XLS-4
    for text in texts:  # nothing else in the workbook starts like a formula, quoted or not
        assert not (text.startswith(TRIGGERS[:4]) and len(text) > 1 and not text[1:2].isdigit()
                    and text not in ("-", "+")), text
    assert not any("casework" in t for t in texts)  # XLS-3: counts only, no record text
    openpyxl.load_workbook(path)  # and Excel's reader of choice opens it
