"""LADO store schema steps; imported by storage when the LADO store opens."""

from __future__ import annotations

from hscb_desktop.domains.lado import models
from hscb_desktop.storage import migrations, search, stores


@migrations.register("lado", "0002_lado_tables")
def _create_tables() -> None:
    stores.proxy("lado").create_tables(models.TABLES)
    search.create_index("lado", models.SEARCH_INDEX, models.SEARCH_COLUMNS)
