"""Board schema steps; imported by storage when the "board" store opens. The training
package shares the store: its step is 0003, so the names sort in apply order."""

from __future__ import annotations

from hscb_desktop.domains.board import models
from hscb_desktop.storage import migrations, stores


@migrations.register("board", "0002_board_tables")
def _create_tables() -> None:
    stores.proxy("board").create_tables(models.TABLES)
