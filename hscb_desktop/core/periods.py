"""Reporting periods (SPEC §0.1): the year each module's annual figures cover.

LADO counts July to June; every other module counts April to March. A period
is named by the year it starts in: "2016-17" (LADO: 1 July 2016 - 30 June 2017).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

MODULES: tuple[str, ...] = ("lado", "fostering", "cdop", "board", "training")
START_MONTH: dict[str, int] = {"lado": 7, "fostering": 4, "cdop": 4, "board": 4, "training": 4}

# Fixed English names: strftime("%B") follows the process locale.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")
_SPEC = re.compile(r"^\s*(\d{4})\s*[-\u2013/]\s*(\d{2}|\d{4})\s*$")


@dataclass(frozen=True)
class ReportingPeriod:
    module: str
    start: dt.date
    end: dt.date  # inclusive
    label: str  # as the annual report prints it: "April 2016 - March 2017"

    def contains(self, d: dt.date) -> bool:
        return self.start <= d <= self.end

    @property
    def short_label(self) -> str:
        return f"{self.start.year}-{self.end.year % 100:02d}"

    @property
    def long_label(self) -> str:
        return f"{self.start.year}-{self.end.year}"


def _check_module(module: str) -> int:
    try:
        return START_MONTH[module]
    except KeyError:
        raise ValueError(f"Unknown module {module!r}; expected one of {', '.join(MODULES)}.") from None


def _period_starting(module: str, year: int) -> ReportingPeriod:
    start = dt.date(year, _check_module(module), 1)
    end = start + relativedelta(years=1, days=-1)
    label = f"{_MONTHS[start.month - 1]} {start.year} - {_MONTHS[end.month - 1]} {end.year}"
    return ReportingPeriod(module, start, end, label)


def period_for(module: str, spec: str) -> ReportingPeriod:
    """``"2016-17"`` or ``"2016-2017"`` -> that module's period starting in 2016."""
    _check_module(module)
    match = _SPEC.match(spec or "")
    if not match:
        raise ValueError(f"{spec!r} is not a reporting year; write it like 2016-17 or 2016-2017.")
    first, second = match.groups()
    start_year = int(first)
    expected = str(start_year + 1) if len(second) == 4 else f"{(start_year + 1) % 100:02d}"
    if second != expected:
        raise ValueError(
            f"{spec.strip()!r} is not a reporting year: the year after {start_year} is "
            f"{start_year + 1}, so write {start_year}-{expected}."
        )
    return _period_starting(module, start_year)


def period_containing(module: str, d: dt.date) -> ReportingPeriod:
    start_month = _check_module(module)
    return _period_starting(module, d.year if d.month >= start_month else d.year - 1)


def previous(period: ReportingPeriod, n: int = 1) -> ReportingPeriod:
    """The period ``n`` years earlier (``n`` may be negative for a later one)."""
    return _period_starting(period.module, period.start.year - n)


def default_period(module: str, today: dt.date) -> ReportingPeriod:
    """The latest period that ended before ``today``: what the annual report covers."""
    return previous(period_containing(module, today))
