"""LADO store schema steps; imported by storage when the LADO store opens."""

from __future__ import annotations

from hscb_desktop.domains.lado import models
from hscb_desktop.storage import migrations, search, stores


@migrations.register("lado", "0002_lado_tables")
def _create_tables() -> None:
    stores.proxy("lado").create_tables(models.TABLES)
    search.create_index("lado", models.SEARCH_INDEX, models.SEARCH_COLUMNS)


@migrations.register("lado", "0003_list_indexes")
def _list_indexes() -> None:
    """The paged contact list (issue 3, Speed): open cases are found, and the list sorted
    by status or days open, over this index instead of reading every contact."""
    stores.proxy("lado").execute_sql(
        "CREATE INDEX IF NOT EXISTS ladocontact_date_closed_date_received "
        "ON lado_contact (date_closed, date_received)"
    )


@migrations.register("lado", "0004_search_merges_when_idle")
def _search_merges_when_idle() -> None:
    """Stores made before search indexes merged only when idle (storage.housekeeping)."""
    search.merge_when_idle("lado", models.SEARCH_INDEX)
