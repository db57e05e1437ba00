"""Working days and calendar arithmetic for statutory timescales (SPEC §0.2).

A working day is any day other than Saturday, Sunday, Christmas Day, Good
Friday or a bank holiday. Bank holidays come from the editable table in the
core store (seeded from the shipped JSON); Christmas Day and Good Friday are
named in the regulations themselves, so they never depend on that table.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Iterable

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from hscb_desktop.paths import resource

BANK_HOLIDAYS_FILE = "bank-holidays-england-and-wales.json"
_ONE_DAY = dt.timedelta(days=1)


def load_shipped_holidays() -> list[tuple[dt.date, str]]:
    """The shipped England and Wales bank holidays, sorted, as (date, title)."""
    rows = json.loads(resource(BANK_HOLIDAYS_FILE).read_text(encoding="utf-8"))
    return sorted((dt.date.fromisoformat(row["date"]), str(row["title"])) for row in rows)


@functools.lru_cache(maxsize=None)
def good_friday(year: int) -> dt.date:
    return easter(year) - 2 * _ONE_DAY


class WorkingCalendar:
    def __init__(self, holidays: Iterable[dt.date]):
        self._holidays = frozenset(holidays)
        years = [d.year for d in self._holidays]
        self._years = (min(years), max(years)) if years else None

    @classmethod
    def shipped(cls) -> "WorkingCalendar":
        """A calendar from the shipped file, for tests and before a store is open."""
        return cls(day for day, _title in load_shipped_holidays())

    @property
    def holidays(self) -> frozenset[dt.date]:
        return self._holidays

    def covers(self, d: dt.date) -> bool:
        """Whether ``d`` falls in a year the holiday table lists; beyond it, due
        dates still work but may miss bank holidays nobody has entered yet."""
        return self._years is not None and self._years[0] <= d.year <= self._years[1]

    def is_working_day(self, d: dt.date) -> bool:
        if d.weekday() >= 5 or d in self._holidays:
            return False
        if (d.month, d.day) == (12, 25):
            return False
        return d != good_friday(d.year)

    def next_working_day(self, d: dt.date) -> dt.date:
        """The first working day strictly after ``d``."""
        d += _ONE_DAY
        while not self.is_working_day(d):
            d += _ONE_DAY
        return d

    def add_working_days(self, d: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``d`` (the day after ``d`` counts as the first
        candidate). ``n == 0`` gives ``d`` itself when it is a working day, else the next
        one, so the result is always a working day."""
        if n < 0:
            raise ValueError(f"add_working_days needs n >= 0, got {n}")
        if n == 0:
            return d if self.is_working_day(d) else self.next_working_day(d)
        for _ in range(n):
            d = self.next_working_day(d)
        return d

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days after ``a`` up to and including ``b``; negative if ``b < a``."""
        if b < a:
            return -self.working_days_between(b, a)
        count, d = 0, a + _ONE_DAY
        while d <= b:
            count += self.is_working_day(d)
            d += _ONE_DAY
        return count


def add_months(d: dt.date, n: int) -> dt.date:
    """Calendar months ("within one month"): 31 January + 1 month is 28/29 February."""
    return d + relativedelta(months=n)


def add_weeks(d: dt.date, n: int) -> dt.date:
    """Week targets are exact 7-day multiples (SPEC §0.2)."""
    return d + dt.timedelta(weeks=n)
