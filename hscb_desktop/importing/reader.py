"""Reading a tracker workbook row by row, in openpyxl's read-only mode (Qt-free).

Read-only mode streams the sheet, so memory stays flat for a 50,000-row sheet;
``data_only`` gives each formula's saved value, never its text. Read-only mode does
not expose merged cells, so their ranges are found by a plain scan of the sheet's
XML and each covered cell takes the value of the range's top-left cell, as Excel
shows it. The header row is found even below a title.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HEADER_SCAN_ROWS = 30  # a header further down than this is not a tracker we can guess
PREVIEW_ROWS = 10
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+):([A-Z]+\d+)"')
_CHUNK = 1 << 20


class WorkbookError(Exception):
    """The file cannot be read as a workbook; the message says why, for the user."""


@dataclass
class SheetInfo:
    path: Path
    sheet: str
    header_row: int  # 1-based row number in the sheet
    headers: list[str]
    preview: list[tuple[int, list[Any]]]  # (row number, values) of the first data rows
    estimated_rows: int | None  # from the sheet's stated dimension: for progress only
    sheets: list[str] = field(default_factory=list)


@contextmanager
def open_workbook(path: str | Path):
    """openpyxl in read-only, values-only mode; WorkbookError with a clear message."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    if not path.is_file():
        raise WorkbookError(f"{path.name} does not exist or is not a file.")
    if _is_ole(path):
        raise WorkbookError(
            f"{path.name} is password-protected (or an old .xls file). Open it in Excel, "
            "remove the password (or save it as .xlsx), and import that copy."
        )
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise WorkbookError(
            f"{path.name} could not be read as an Excel workbook (.xlsx): it may be damaged "
            f"or of another kind ({type(exc).__name__})."
        ) from None
    try:
        yield book
    finally:
        book.close()


def _is_ole(path: Path) -> bool:
    """An encrypted .xlsx (and a legacy .xls) is an OLE compound file, not a zip."""
    with path.open("rb") as handle:
        return handle.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sheet_names(path: str | Path) -> list[str]:
    with open_workbook(path) as book:
        return list(book.sheetnames)


def _merges(book, ws) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of every merged range in the sheet."""
    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

    found, tail = [], b""
    try:
        with book._archive.open(ws._worksheet_path) as src:  # noqa: SLF001 - no public path
            while chunk := src.read(_CHUNK):
                data = tail + chunk
                last = 0
                for match in _MERGE.finditer(data):
                    found.append(match.groups())
                    last = match.end()
                tail = data[max(last, len(data) - 200):]
    except (AttributeError, KeyError):
        return []
    out = []
    for first, last in dict.fromkeys(found):
        (c1, r1), (c2, r2) = (coordinate_from_string(x.decode()) for x in (first, last))
        out.append((column_index_from_string(c1), r1, column_index_from_string(c2), r2))
    return out


def _filled_rows(book, ws) -> Iterator[tuple[int, list[Any]]]:
    """(row number, values) for every row, merged cells filled from their top-left cell."""
    merges = sorted(_merges(book, ws), key=lambda m: m[1])
    ws.reset_dimensions()  # some writers state a wrong size; read what is there
    active: list[list[Any]] = []  # [min_col, min_row, max_col, max_row, value]
    pending = 0
    for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
        values = list(row)
        while pending < len(merges) and merges[pending][1] == number:
            c1, r1, c2, r2 = merges[pending]
            value = values[c1 - 1] if c1 - 1 < len(values) else None
            active.append([c1, r1, c2, r2, value])
            pending += 1
        if active:
            for c1, _r1, c2, _r2, value in active:
                if len(values) < c2:
                    values += [None] * (c2 - len(values))
                for col in range(c1, c2 + 1):
                    values[col - 1] = value
            active = [m for m in active if m[3] > number]
        yield number, values


def _looks_like_header_cell(value: Any) -> bool:
    if not isinstance(value, str) or not value.strip():
        return False
    from hscb_desktop.importing.values import read_date, read_int

    text = value.strip()
    return read_int(text).problem != "" and read_date(text).value is None


def clean_header(value: Any, index: int) -> str:
    text = " ".join(str(value).split()) if value is not None else ""
    if isinstance(value, (dt.date, int, float)) and not isinstance(value, bool):
        text = str(value)
    return text or f"Column {_letter(index)}"


def _letter(index: int) -> str:
    from openpyxl.utils.cell import get_column_letter

    return get_column_letter(index + 1)


def headers_of(values: list[Any]) -> list[str]:
    """Header names, blank ones named after their column, repeats numbered."""
    while values and (values[-1] is None or str(values[-1]).strip() == ""):
        values = values[:-1]
    out: list[str] = []
    seen: dict[str, int] = {}
    for index, value in enumerate(values):
        name = clean_header(value, index)
        key = name.casefold()
        if key in seen:
            seen[key] += 1
            name = f"{name} ({seen[key]})"
        else:
            seen[key] = 1
        out.append(name)
    return out


def detect_header(rows: list[tuple[int, list[Any]]]) -> int | None:
    """The row holding the most distinct label-like texts (a merged title has one)."""
    best, best_score = None, 1
    for number, values in rows:
        score = len({v.strip().casefold() for v in values if _looks_like_header_cell(v)})
        if score > best_score:
            best, best_score = number, score
    return best


def inspect_sheet(path: str | Path, sheet: str | None = None,
                  header_row: int | None = None) -> SheetInfo:
    """The sheet's header row (found unless given), its headers and the first rows."""
    path = Path(path)
    with open_workbook(path) as book:
        names = list(book.sheetnames)
        if sheet is None:
            sheet = names[0]
        if sheet not in names:
            raise WorkbookError(f"{path.name} has no sheet called {sheet!r}: it has "
                                f"{', '.join(repr(n) for n in names)}.")
        ws = book[sheet]
        estimated = ws.max_row
        kept: list[tuple[int, list[Any]]] = []
        found = header_row
        for number, values in _filled_rows(book, ws):
            kept.append((number, values))
            if found is None and number >= HEADER_SCAN_ROWS:
                found = detect_header(kept)
                if found is None:
                    break
            if found is not None and number > found and sum(
                1 for n, v in kept if n > found and not all(_blank(x) for x in v)
            ) >= PREVIEW_ROWS:
                break
        if found is None:
            found = detect_header(kept[:HEADER_SCAN_ROWS])
        if found is None:
            raise WorkbookError(f"No header row was found in the first {HEADER_SCAN_ROWS} "
                                f"rows of sheet {sheet!r}.")
        header_values = next((v for n, v in kept if n == found), [])
        headers = headers_of(list(header_values))
        if not headers:
            raise WorkbookError(f"Row {found} of sheet {sheet!r} is empty: it has no headers.")
        preview = [(n, v) for n, v in kept if n > found and not all(_blank(x) for x in v)]
        header_row = found
    width = len(headers)
    preview = [(n, (v + [None] * width)[:width]) for n, v in preview[:PREVIEW_ROWS]]
    return SheetInfo(path, sheet, header_row, headers, preview, estimated, names)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def data_rows(path: str | Path, sheet: str, header_row: int,
              width: int) -> Iterator[tuple[int, list[Any]]]:
    """(row number, ``width`` values) of every non-blank row below the header."""
    with open_workbook(path) as book:
        if sheet not in book.sheetnames:
            raise WorkbookError(f"{Path(path).name} has no sheet called {sheet!r}.")
        ws = book[sheet]
        for number, values in _filled_rows(book, ws):
            if number <= header_row:
                continue
            values = (values + [None] * width)[:width]
            if all(_blank(v) for v in values):
                continue  # blank rows in the middle of a tracker carry nothing
            yield number, values


def estimated_rows(path: str | Path, sheet: str) -> int | None:
    with open_workbook(path) as book:
        return book[sheet].max_row if sheet in book.sheetnames else None
