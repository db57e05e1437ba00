"""Safe cell values (XLS-1, XLS-2, XLS-4): text from records never becomes a formula.

Every string is written as a text cell; one starting with a formula trigger
also gets a leading apostrophe (defence in depth, and right for CSV); the
control characters Excel rejects are stripped so an export never fails
half-way. Numbers stay numbers, so a real -5 is still -5.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from hscb_desktop.returns import Percent

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# What openpyxl refuses (its ILLEGAL_CHARACTERS_RE): C0 controls except tab, LF and CR.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MAX_TEXT = 32767  # Excel's limit for one cell

COUNT_FORMAT = "#,##0"
NUMBER_FORMAT = "#,##0.0"
PERCENT_FORMAT = "0%"
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"


def safe_text(value: str) -> str:
    cleaned = _ILLEGAL.sub("", value)
    if value.startswith(TRIGGERS) or cleaned.startswith(TRIGGERS):
        cleaned = "'" + cleaned
    return cleaned[:MAX_TEXT]


def was_sanitised(value: str) -> bool:
    return safe_text(value) != value


def put(cell, value: Any) -> None:
    """Write one value into an openpyxl cell with the right type and format."""
    if value is None:
        return
    if isinstance(value, Percent):
        cell.value = float(value)
        cell.number_format = PERCENT_FORMAT
    elif isinstance(value, bool):
        _text(cell, "Yes" if value else "No")
    elif isinstance(value, int):
        cell.value = value
        cell.number_format = COUNT_FORMAT
    elif isinstance(value, float):
        cell.value = value
        cell.number_format = NUMBER_FORMAT
    elif isinstance(value, dt.datetime):
        cell.value = value.replace(tzinfo=None)
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        _text(cell, str(value))


def write_only(sheet, value: Any, bold: bool = False):
    """A cell for a write-only worksheet (flat memory for long sheets), filled by ``put``."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(sheet)
    put(cell, value)
    if bold:
        cell.font = Font(bold=True)
    return cell


def _text(cell, text: str) -> None:
    cell.value = safe_text(text)
    cell.data_type = "s"  # XLS-1: forced, whatever the text looks like
