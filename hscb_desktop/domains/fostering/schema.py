"""Private fostering store schema steps; imported by storage when the store opens."""

from __future__ import annotations

from hscb_desktop.domains.fostering import models
from hscb_desktop.storage import migrations, search, stores


@migrations.register("fostering", "0002_fostering_tables")
def _create_tables() -> None:
    stores.proxy("fostering").create_tables(models.TABLES)
    search.create_index("fostering", models.SEARCH_INDEX, models.SEARCH_COLUMNS)
    search.create_index("fostering", models.ENQUIRY_SEARCH_INDEX, models.ENQUIRY_SEARCH_COLUMNS)
