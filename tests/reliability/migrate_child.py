"""MIG-4 child: signs in with a test-only, deliberately long migration registered on the
LADO store, so the parent can SIGKILL it half-way.

``migrate_child.py DATA_DIR USER PASSWORD``. The step adds a column to ``lado_contact``
and fills it, then writes ``BATCHES`` batches of rows into a new table, sleeping between
batches. It prints ``MIGRATING`` when it starts (the verified pre-migration backup is
taken before that, MIG-1), ``BATCH n`` after each batch and ``DONE`` once sign-in (and so
the migration's commit) has returned.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from crash_child import CLOCK_START, use_fast_kdf

from hscb_desktop.core.clock import FakeClock
from hscb_desktop.paths import data_paths

STEP = "9001_long_test_migration"
BATCHES = 25
ROWS_PER_BATCH = 200
PAUSE_S = 0.04


def register_long_migration() -> None:
    from hscb_desktop.storage import migrations, stores

    migrations.known("lado")  # the real steps first, so this one sorts after them

    @migrations.register("lado", STEP)
    def _long() -> None:
        db = stores.proxy("lado")
        print("MIGRATING", flush=True)
        db.execute_sql("ALTER TABLE lado_contact ADD COLUMN mig_note TEXT")
        db.execute_sql("UPDATE lado_contact SET mig_note = 'migrated ' || ref")
        db.execute_sql("CREATE TABLE mig_payload (id INTEGER PRIMARY KEY, batch INTEGER, body TEXT)")
        for batch in range(BATCHES):
            for row in range(ROWS_PER_BATCH):
                db.execute_sql("INSERT INTO mig_payload (batch, body) VALUES (?, hex(randomblob(64)))",
                               (batch,))
            print(f"BATCH {batch}", flush=True)
            time.sleep(PAUSE_S)


def main(root: str, username: str, password: str) -> None:
    use_fast_kdf()
    register_long_migration()
    from hscb_desktop.security import auth
    from hscb_desktop.storage.workspace import Workspace

    workspace = Workspace(data_paths(Path(root)), FakeClock(CLOCK_START)).acquire()
    session = auth.sign_in(workspace, username, password)
    print("DONE", flush=True)
    auth.sign_out(session)
    workspace.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
