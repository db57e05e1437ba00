"""Value readers shared by the domains' rules (Qt-free).

Each reader returns (value, problem-or-None) and never raises, so validation can
report a value of the wrong kind instead of failing on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from hscb_desktop.core.validation import Problem, error


def as_date(value: Any) -> tuple[dt.date | None, str | None]:
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()), None
        except ValueError:
            pass
    return None, "is not a valid date"


def as_bool(value: Any) -> tuple[bool | None, str | None]:
    if value is None or isinstance(value, bool):
        return value, None
    if isinstance(value, int) and value in (0, 1):
        return bool(value), None
    return None, "must be yes or no"


MAX_INT = 2**63 - 1  # SQLite's INTEGER is 64-bit signed; a larger int cannot be bound


def as_int(value: Any, low: int | None = None) -> tuple[int | None, str | None]:
    """A whole number (also digit text); ``low`` is the least allowed, None for no bound."""
    if value is None or value == "":
        return None, None
    if isinstance(value, str) and value.strip().isdecimal():  # isdigit() passes "²"
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        return None, "must be a whole number"
    if low is not None and value < low:
        return None, f"must be {low} or more"
    if abs(value) > MAX_INT:
        return None, "is too large"
    return value, None


def storable(text: str) -> bool:
    """False for text no store can hold: lone surrogates (U+D800-U+DFFF) have no UTF-8 form
    (SQLite and the audit log refuse them) and PostgreSQL text cannot contain NUL."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


UNSTORABLE = "contains characters that cannot be stored (a NUL or broken Unicode)"


def as_text(value: Any, limit: int | None = None) -> tuple[str | None, str | None]:
    """Stripped text, None when blank; ``limit`` is the most characters, None for no limit."""
    if value is None:
        return None, None
    if not isinstance(value, str):
        return None, "must be text"
    if not storable(value):
        return None, UNSTORABLE
    value = value.strip()
    if limit is not None and len(value) > limit:
        return None, f"is longer than {limit} characters"
    return value or None, None


def as_codes(value: Any, split_text: bool = False) -> tuple[list[str], bool]:
    """A multi-select value as a list of strings; False when it is not a list of strings.

    ``split_text`` also reads comma-separated text (as CDOP stores it)."""
    if value is None:
        return [], True
    if split_text and isinstance(value, str):
        return [v for v in value.split(",") if v], True
    if isinstance(value, (list, tuple, set, frozenset)) and all(isinstance(v, str) for v in value):
        return list(value), True
    return [], False


def get(row: Any, key: str) -> Any:
    """``row[key]`` when row is a mapping, else None."""
    return row.get(key) if isinstance(row, Mapping) else None


def read_fields(
    data: Mapping[str, Any],
    dates: Iterable[str],
    bools: Iterable[str],
    coded: Mapping[str, Any],
    texts: Mapping[str, int],
) -> tuple[dict[str, Any], list[Problem]]:
    """Coerce the named fields of ``data``: dates, yes/no, a code from its list (anything
    with ``in``) and text up to its limit; problems for values of the wrong kind."""
    problems: list[Problem] = []
    d: dict[str, Any] = {}
    for name in dates:
        d[name], why = as_date(data.get(name))
        if why:
            problems.append(error(name, f"The date {why}."))
    for name in bools:
        d[name], why = as_bool(data.get(name))
        if why:
            problems.append(error(name, f"This {why}."))
    for name, codes in coded.items():
        value = data.get(name)
        d[name] = value if isinstance(value, str) and value in codes else None
        if value not in (None, "") and d[name] is None:
            problems.append(error(name, "Choose a value from the list."))
    for name, limit in texts.items():
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            problems.append(error(name, "This must be text."))
            d[name] = None
        elif value is not None and not storable(value):
            problems.append(error(name, f"This {UNSTORABLE}."))
            d[name] = None
        else:
            d[name] = (value or "").strip() or None
            if d[name] and len(d[name]) > limit:
                problems.append(error(name, f"This is longer than {limit} characters."))
    return d, problems
