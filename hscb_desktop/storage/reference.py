"""Reference data every domain reads on its hot paths, cached against the core store.

The bank-holiday table is editable, so the cache is keyed on the table's content
(one cheap read of ~300 dates) rather than trusted forever; building the working
calendar from peewee rows on every save cost ~3 ms (bench/lado_speed.py).

The agency list (SPEC §0.5) is read-only here: forms offer it as a choice list.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

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


def agency_choices(include: Iterable[int] = ()) -> list[tuple[int, str]]:
    """The core store's active agencies as ``(id, name)``, sorted by name (case-insensitive).

    ``include``: ids to offer even when retired (the agency a saved record already names),
    labelled "(no longer active)" so the record still shows what it says. Empty before
    the core store opens.
    """
    if not stores.is_open(stores.CORE):
        return []
    from hscb_desktop.storage.core_models import Agency

    wanted = sorted({i for i in include if isinstance(i, int) and not isinstance(i, bool)})
    clause = Agency.active == True  # a peewee expression, not a comparison
    if wanted:
        clause = clause | Agency.id.in_(wanted)
    rows = Agency.select(Agency.id, Agency.name, Agency.active).where(clause).tuples()
    choices = [(i, name if active else f"{name} (no longer active)") for i, name, active in rows]
    return sorted(choices, key=lambda c: (c[1].casefold(), c[0]))
