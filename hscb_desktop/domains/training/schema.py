"""Training schema steps; imported by storage when the "board" store opens. The store is
shared with the board package (0002), so this step is 0003: names sort in apply order."""

from __future__ import annotations

from hscb_desktop.domains.training import models
from hscb_desktop.storage import migrations, stores


@migrations.register("board", "0003_training_tables")
def _create_tables() -> None:
    stores.proxy("board").create_tables(models.TABLES)
