"""The workbook writer every module's return uses (SPEC §6).

About sheet first, then one sheet per table: bold title, the exact header row,
data rows, a Total row where there is one, footnotes below, panes frozen under
the header. Written through ``atomic_writer`` (KP-1), so a failure leaves any
previous file untouched.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from hscb_desktop.core.atomic import atomic_writer
from hscb_desktop.returns import Table, cells
from hscb_desktop.returns.cells import put

log = logging.getLogger(__name__)

_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
TITLE_ROW, HEADER_ROW = 1, 2


def sheet_title(name: str, taken: set[str]) -> str:
    """A legal, unique sheet name of at most 31 characters."""
    base = _SHEET_BAD.sub(" ", name).strip("' ")[:31] or "Sheet"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def write(tables: Sequence[Table], about: Mapping[str, Any], path: str | Path) -> Path:
    from openpyxl import Workbook  # here, not at import: it costs ~230 ms of start-up
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    wb = Workbook()
    ws = wb.active
    taken: set[str] = set()
    ws.title = sheet_title("About", taken)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 90
    for r, (key, value) in enumerate(about.items(), start=1):
        put(ws.cell(r, 1), str(key))
        ws.cell(r, 1).font = bold
        put(ws.cell(r, 2), value)
        ws.cell(r, 2).alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")

    for table in tables:
        ws = wb.create_sheet(sheet_title(table.sheet_name(), taken))
        put(ws.cell(TITLE_ROW, 1), table.title)
        ws.cell(TITLE_ROW, 1).font = Font(bold=True, size=12)
        for c, header in enumerate(table.headers, start=1):
            put(ws.cell(HEADER_ROW, c), header)
            ws.cell(HEADER_ROW, c).font = bold
            ws.cell(HEADER_ROW, c).alignment = Alignment(wrap_text=True, vertical="top")
        r = HEADER_ROW
        for row in table.rows:
            r += 1
            for c, value in enumerate(row, start=1):
                put(ws.cell(r, c), value)
        if table.total:
            r += 1
            for c, value in enumerate(table.total, start=1):
                put(ws.cell(r, c), value)
                ws.cell(r, c).font = bold
        r += 1
        for note in table.footnotes:
            r += 1
            put(ws.cell(r, 1), note)
            ws.cell(r, 1).font = Font(italic=True)
        ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
        ws.column_dimensions["A"].width = max(
            18, min(60, max((len(str(x[0])) for x in table.rows if x), default=10) + 2)
        )
        for c in range(2, len(table.headers) + 1):
            ws.column_dimensions[ws.cell(HEADER_ROW, c).column_letter].width = 16

    # XLS-4: say how many values were changed to be safe, never what they said.
    sanitised = sum(
        cells.was_sanitised(v)
        for t in tables
        for row in [t.headers, *t.rows, t.total or [], t.footnotes]
        for v in row
        if isinstance(v, str)
    )
    sanitised += sum(cells.was_sanitised(v) for v in about.values() if isinstance(v, str))
    if sanitised:
        log.warning(
            "%d text value(s) were sanitised for Excel (formula triggers quoted, control "
            "characters removed)",
            sanitised,
        )
    target = Path(path)
    with atomic_writer(target, "wb") as handle:
        _save(wb, handle)
    return target


def _save(wb, handle) -> None:
    # One seam for tests that make the write fail part-way (KP-1).
    save_to(wb, handle)


def save_to(wb, handle) -> None:
    """``wb.save(handle)``, with the zip built in memory first. When a write fails
    part-way (a full disk), openpyxl leaves its ZipFile and write-only sheet writers
    half-done, and the garbage collector later tries to finish them into the abandoned
    file ("Exception ignored in ZipFile.__del__"). Built in memory, openpyxl always
    finishes, and the one write that can fail is ours. Costs the compressed size in
    memory (a few MB for the largest extract)."""
    from io import BytesIO

    buffer = BytesIO()
    wb.save(buffer)
    handle.write(buffer.getbuffer())
