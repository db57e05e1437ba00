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
