"""DB-1 crash child: signs in and saves records through the domain services until killed.

Run by ``test_crash_consistency.py``: ``crash_child.py DATA_DIR USER PASSWORD START``.
Prints ``READY`` once signed in, then one line per save *after* the service call has
returned (flushed at once), so every line the parent reads is an acknowledged save:

    C lado <index> <id>          LADO contact created
    U lado <index> <id> <ver>    that contact updated (subject role changed)
    C fostering <index> <id>     private fostering notification created

``HSCB_TEST_FAST_KDF=1`` makes this test process use the cheap Argon2id parameters the
test suite uses (production code is not changed for it).
"""
from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from crash_records import UPDATED_ROLE, fostering_notification, lado_contact

from hscb_desktop.core.clock import FakeClock
from hscb_desktop.paths import data_paths
from hscb_desktop.security import auth

FAST_KDF_ENV = "HSCB_TEST_FAST_KDF"
CLOCK_START = dt.datetime(2017, 3, 1, 9, 0, tzinfo=dt.timezone.utc)


def use_fast_kdf() -> None:
    if os.environ.get(FAST_KDF_ENV) == "1":
        from argon2 import PasswordHasher

        from hscb_desktop.security import passwords
        from hscb_desktop.storage import keys

        keys.DEFAULT_COST = keys.KdfCost(time_cost=1, memory_kib=8, parallelism=1)
        passwords.hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def main(root: str, username: str, password: str, start: int) -> None:
    use_fast_kdf()
    from hscb_desktop.domains.fostering import service as fostering
    from hscb_desktop.domains.lado import service as lado
    from hscb_desktop.storage.workspace import Workspace

    workspace = Workspace(data_paths(Path(root)), FakeClock(CLOCK_START)).acquire()
    session = auth.sign_in(workspace, username, password)
    out = sys.stdout
    out.write("READY\n")
    out.flush()
    i = start
    while True:
        contact = lado.create_contact(session, lado_contact(i))
        out.write(f"C lado {i} {contact}\n")
        out.flush()
        if i % 2 == 0:
            version = lado.update_contact(session, contact, {"subject_role": UPDATED_ROLE}, 1)
            out.write(f"U lado {i} {contact} {version}\n")
            out.flush()
        notification = fostering.create_notification(session, fostering_notification(i))
        out.write(f"C fostering {i} {notification}\n")
        out.flush()
        i += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
