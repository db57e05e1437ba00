"""The dry run's row-by-row report as a workbook: a Summary sheet and a Rows sheet (row
number, column, field, value, problem, result). Written in write-only mode through
``atomic_writer`` (KP-1), every text forced to text with the formula guard (XLS-1/2/4),
since the values quoted come from the tracker."""

from __future__ import annotations

from pathlib import Path

from hscb_desktop.core.atomic import atomic_writer
from hscb_desktop.importing.engine import Report

RESULTS = {"error": "Skipped", "warning": "Imported with a warning",
           "duplicate": "Skipped (duplicate)"}
HEADERS = ("Row", "Column", "Field", "Value", "Problem", "Result")


def save(report: Report, path: str | Path) -> Path:
    from openpyxl import Workbook

    from hscb_desktop.returns import cells

    book = Workbook(write_only=True)
    cell = cells.write_only

    summary = book.create_sheet("Summary")
    for key, value in (("File", report.file), ("Sheet", report.sheet),
                       ("Rows read", report.rows_read), ("To create", report.to_create),
                       ("Duplicates", report.duplicates), ("Skipped", report.skipped),
                       *(("Note", n) for n in report.notes)):
        summary.append([cell(summary, key, bold=True), cell(summary, value)])
    rows = book.create_sheet("Rows")
    rows.append([cell(rows, h, bold=True) for h in HEADERS])
    for i in report.issues:
        rows.append([cell(rows, v) for v in (i.row, i.column or None, i.field or None,
                                             i.value or None, i.problem, RESULTS[i.kind])])
    target = Path(path)
    with atomic_writer(target, "wb") as handle:
        book.save(handle)
    return target
