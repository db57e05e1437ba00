"""Tracker workbooks made with openpyxl for the import tests (synthetic data only)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook


def make_book(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]], *,
              sheet: str = "Referrals", title: str | None = None,
              merges: Sequence[str] = (), number_formats: dict[str, str] | None = None) -> Path:
    """A tracker: an optional title row (merged across the headers) and a blank row above
    the header, then the rows as given (None rows stay blank)."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        ws.append([])
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row) if row is not None else [])
    for ref in merges:
        ws.merge_cells(ref)
    for coord, fmt in (number_formats or {}).items():
        ws[coord].number_format = fmt
    wb.save(path)
    return path


def set_cached_values(path: Path, values: dict[str, str]) -> None:
    """Give formula cells the value Excel would have saved with them (openpyxl saves
    formulas without one): ``{"B5": "42"}`` writes ``<v>42</v>`` after B5's formula."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    name = "xl/worksheets/sheet1.xml"
    xml = parts[name].decode()
    for coord, value in values.items():
        kind = "" if re.fullmatch(r"-?[\d.]+", value) else ' t="str"'  # a text result
        xml, n = re.subn(rf'<c r="{coord}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?',
                         rf'<c r="{coord}"\1{kind}><f>\2</f><v>{value}</v>', xml)
        assert n == 1, f"no formula cell {coord}"
    parts[name] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)
