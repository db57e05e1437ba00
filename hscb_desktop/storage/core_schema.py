"""Migrations of the core store: its tables and the reference data it starts with."""
from __future__ import annotations

from hscb_desktop.core import calendar, periods, vocab
from hscb_desktop.storage import migrations, stores
from hscb_desktop.storage.core_models import (CORE_TABLES, Agency, BankHoliday, ReportingPeriod,
                                              Sector)

FIRST_PERIOD_YEAR, LAST_PERIOD_YEAR = 2010, 2035


@migrations.register(stores.CORE, "0002_core_tables")
def _create_tables() -> None:
    stores.proxy(stores.CORE).create_tables(CORE_TABLES)


@migrations.register(stores.CORE, "0003_reference_data")
def _seed_reference_data() -> None:
    Sector.insert_many([
        {"code": code, "label": label, "statutory_partner": code in vocab.STATUTORY_PARTNER_SECTORS}
        for code, label in vocab.AGENCY_SECTORS.choices()
    ]).execute()
    Agency.insert_many([
        {"name": a.name, "short_name": a.short_name or "", "sector": a.sector}
        for a in vocab.SEED_AGENCIES
    ]).execute()
    BankHoliday.insert_many([
        {"date": day, "title": title} for day, title in calendar.load_shipped_holidays()
    ]).execute()
    rows = []
    for module in periods.MODULES:
        for year in range(FIRST_PERIOD_YEAR, LAST_PERIOD_YEAR + 1):
            p = periods.period_for(module, f"{year}-{(year + 1) % 100:02d}")
            rows.append({"module": module, "label": p.label, "start_date": p.start, "end_date": p.end})
    ReportingPeriod.insert_many(rows).execute()
