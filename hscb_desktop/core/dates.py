"""UK date text (dd/mm/yyyy) for every screen, command and message."""
from __future__ import annotations

import datetime as dt
import re

UK_FORMAT = "%d/%m/%Y"
_UK = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")


def format_uk(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime(UK_FORMAT)


def parse_uk(text: str) -> dt.date | None:
    """'' -> None; '07/03/2017' -> date(2017, 3, 7); anything else raises ValueError
    with a message fit to show the user."""
    if text is None or not text.strip():
        return None
    match = _UK.match(text)
    if not match:
        raise ValueError("Enter the date as dd/mm/yyyy, for example 07/03/2017.")
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{text.strip()} is not a real date.") from None
