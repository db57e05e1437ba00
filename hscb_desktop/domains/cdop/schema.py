"""CDOP store schema steps; imported by storage when the CDOP store opens."""

from __future__ import annotations

from hscb_desktop.domains.cdop import models
from hscb_desktop.storage import migrations, search, stores


@migrations.register("cdop", "0002_cdop_tables")
def _create_tables() -> None:
    stores.proxy("cdop").create_tables(models.TABLES)
    search.create_index("cdop", models.SEARCH_INDEX, models.SEARCH_COLUMNS)
