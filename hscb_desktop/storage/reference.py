"""Reference data every domain reads on its hot paths, cached against the core store.

The bank-holiday table is editable, so the cache is keyed on the table's content
(one cheap read of ~300 dates) rather than trusted forever; building the working
calendar from peewee rows on every save cost ~3 ms (bench/lado_speed.py).
"""
from __future__ import annotations

import datetime as dt

from hscb_desktop.core.calendar import WorkingCalendar
from hscb_desktop.storage import stores

_cached: tuple[tuple, WorkingCalendar] | None = None
_shipped: WorkingCalendar | None = None


def working_calendar() -> WorkingCalendar:
    """Working days from the core store's bank holidays (the shipped table before it opens)."""
    global _cached, _shipped
    if not stores.is_open(stores.CORE):
        if _shipped is None:
            _shipped = WorkingCalendar.shipped()
        return _shipped
    from hscb_desktop.storage.core_models import BankHoliday

    table = BankHoliday._meta.table_name
    key = tuple(row[0] for row in stores.proxy(stores.CORE).execute_sql(
        f"SELECT date FROM {table} ORDER BY date"))
    if _cached is None or _cached[0] != key:
        days = [d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d)) for d in key]
        _cached = (key, WorkingCalendar(days) if days else WorkingCalendar.shipped())
    return _cached[1]
