"""Reading one spreadsheet cell as the kind of value a field holds (Qt-free).

Trackers kept by hand hold dates as text in several formats, Excel serial numbers,
numbers stored as text, trailing spaces and placeholders such as "N/A" or "-". Each
reader returns a ``Read``: the value, or why it could not be read. A date that could
be either dd/mm or mm/dd is never guessed: it comes back ``ambiguous`` unless the
column's order is known.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

# Placeholders people type for "nothing here". A coded field whose list holds one of
# them (TRISTATE's "Unknown", SEX's "Not known") matches its code first.
BLANKS = frozenset(
    {"", "n/a", "na", "n.a.", "n.a", "-", "--", "---", "\u2013", "\u2014", "unknown",
     "not known", "?", "none", "nil", "null", "tbc"}
)
# The export layer's XLS-2 guard: a leading apostrophe before a formula trigger.
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "\uff1d", "\uff0b", "\uff0d", "\uff20")
DAY_FIRST, MONTH_FIRST = "dmy", "mdy"
DATE_ORDERS = {DAY_FIRST: "day first (dd/mm/yyyy)", MONTH_FIRST: "month first (mm/dd/yyyy)"}
_NUMERIC_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+)?$")
_SERIAL = re.compile(r"^\d{4,5}(?:\.0+)?$")
_MONTH_WORD = re.compile(r"[A-Za-z]{3,}")
# Excel's serial day numbers for 1 Jan 1900 .. 31 Dec 2099: outside it a number is not a date.
_SERIAL_RANGE = (1, 73050)


@dataclass(frozen=True)
class Read:
    value: Any = None
    problem: str = ""  # a sentence for the report; "" when the value was read
    ambiguous: bool = False  # a date that reads both ways (dd/mm and mm/dd)


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    return isinstance(value, str) and value.strip().casefold() in BLANKS


def text(value: Any) -> str | None:
    """Cell text: stripped, numbers without a trailing .0, None when blank."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    out = str(value).strip()
    if len(out) > 1 and out[0] == "'" and out[1:].startswith(_TRIGGERS):
        out = out[1:]  # undo the export's formula guard, so an exported record reads back as typed
    return out or None


def read_text(value: Any) -> Read:
    out = text(value)
    return Read(None if out is None or is_blank(out) else out)


def read_int(value: Any) -> Read:
    if is_blank(value):
        return Read()
    if isinstance(value, bool):
        return Read(problem="is not a whole number")
    if isinstance(value, int):
        return Read(value)
    if isinstance(value, float):
        return Read(int(value)) if value.is_integer() else Read(problem="is not a whole number")
    raw = str(value).strip().replace(",", "")
    try:
        number = float(raw)
    except ValueError:
        return Read(problem="is not a number")
    if not number.is_integer():
        return Read(problem="is not a whole number")
    return Read(int(number))


def from_serial(number: float) -> dt.date | None:
    if not (_SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]):
        return None
    from openpyxl.utils.datetime import from_excel

    return from_excel(number).date()


def _full_year(year: int) -> int:
    # As strptime's %y: 69-99 are 1969-1999, 00-68 are 2000-2068.
    return year if year >= 100 else (1900 + year if year >= 69 else 2000 + year)


def numeric_date_parts(raw: str) -> tuple[int, int, int] | None:
    match = _NUMERIC_DATE.match(raw)
    if not match:
        return None
    a, b, year = (int(g) for g in match.groups())
    return a, b, _full_year(year)


def order_evidence(raw: Any) -> str | None:
    """DAY_FIRST or MONTH_FIRST when this text date can only be read one way, else None."""
    if not isinstance(raw, str):
        return None
    parts = numeric_date_parts(raw.strip())
    if parts is None:
        return None
    a, b, _ = parts
    if a > 12 >= b:
        return DAY_FIRST
    if b > 12 >= a:
        return MONTH_FIRST
    return None


def read_date(value: Any, order: str | None = None) -> Read:
    """A date from a date cell, an Excel serial number or text; ``order`` (DAY_FIRST or
    MONTH_FIRST) settles dates such as 03/04/2017 that read both ways."""
    if is_blank(value):
        return Read()
    if isinstance(value, dt.datetime):
        return Read(value.date())
    if isinstance(value, dt.date):
        return Read(value)
    if isinstance(value, bool):
        return Read(problem="is not a date")
    if isinstance(value, (int, float)):
        when = from_serial(value)
        return Read(when) if when else Read(problem="is a number, not a date")
    raw = " ".join(str(value).split())
    if _SERIAL.match(raw):  # a serial number stored as text
        when = from_serial(float(raw))
        return Read(when) if when else Read(problem="is a number, not a date")
    iso = _ISO_DATE.match(raw)
    if iso:
        return _make(int(iso[1]), int(iso[2]), int(iso[3]))
    parts = numeric_date_parts(raw)
    if parts:
        a, b, year = parts
        if a == b or a > 12 or b > 12:
            day, month = (b, a) if b > 12 else (a, b)
            return _make(year, month, day)
        if order == DAY_FIRST:
            return _make(year, b, a)
        if order == MONTH_FIRST:
            return _make(year, a, b)
        return Read(
            problem=f"could be {_both(a, b, year)}: choose the column's date order",
            ambiguous=True,
        )
    if _MONTH_WORD.search(raw):
        return _worded(raw)
    return Read(problem="is not a date")


def _both(a: int, b: int, year: int) -> str:
    try:
        first, second = dt.date(year, b, a), dt.date(year, a, b)
    except ValueError:
        return "two dates"
    return f"{first:%d %B %Y} or {second:%d %B %Y}"


def _make(year: int, month: int, day: int) -> Read:
    try:
        return Read(dt.date(year, month, day))
    except ValueError:
        return Read(problem="is not a real date")


def _worded(raw: str) -> Read:
    """'1 Feb 2017', '01-Feb-17', '1st February 2017', 'February 1, 2017'."""
    from dateutil import parser

    missing = dt.datetime(1, 1, 1)
    try:
        when = parser.parse(raw, dayfirst=True, default=missing)
    except (ValueError, OverflowError):
        return Read(problem="is not a date")
    if when.year == 1:
        return Read(problem="has no year")
    return Read(when.date())
