"""DB-1: SIGKILL at random moments during a loop of saves through the service layer.

A child process (``crash_child.py``) signs in and saves LADO contacts (created, some then
updated) and private fostering notifications through the domain services, printing each
save only after the service call returned. The parent kills it with SIGKILL at a seeded
random moment, 50 times, and after each kill reopens the data folder and checks:

* every acknowledged save is present, at least at the acknowledged version;
* no record is partially written: every record in the store (acknowledged or not) holds
  exactly the fields that were sent for it (or sent, then updated);
* ``integrity_check`` is ok and ``cipher_integrity_check`` returns no rows;
* the audit chain of every open store verifies.

A committed save the child had not yet reported is allowed (RELIABILITY.md §DB-1). On
Windows the kill is TerminateProcess. The child uses the test suite's cheap Argon2id
(``HSCB_TEST_FAST_KDF=1``, read by the child script only).
"""
from __future__ import annotations

import random
import time

import pytest
from children import Lines, killed
from crash_records import (UPDATED_ROLE, differences, fostering_index, fostering_notification,
                           lado_contact, lado_index)

from hscb_desktop.security import auth, users
from hscb_desktop.storage import audit, stores
from hscb_desktop.storage.workspace import Workspace

ROUNDS = 50
SEED = 20170301
ADMIN_PASSWORD = "Board-Test-Passphrase-1"
WORKER_PASSWORD = "Staff-Pass-Phrase-9"
CHECKED_STORES = (stores.CORE, "lado", "fostering")


def _setup(data_dir, clock) -> None:
    ws = Workspace(data_dir, clock).acquire()
    try:
        auth.initialise(ws, "admin", ADMIN_PASSWORD)
        admin = auth.sign_in(ws, "admin", ADMIN_PASSWORD)
        users.add_user(admin, "worker", ["lado_officer", "fostering_worker"], password=WORKER_PASSWORD)
        auth.sign_out(admin)
    finally:
        ws.close()


def _check(data_dir, clock, acked: dict, checked_upto: dict) -> None:
    from hscb_desktop.domains.fostering import service as fostering
    from hscb_desktop.domains.fostering.models import PfNotification
    from hscb_desktop.domains.lado import service as lado
    from hscb_desktop.domains.lado.models import LadoContact

    ws = Workspace(data_dir, clock).acquire()
    try:
        session = auth.sign_in(ws, "worker", WORKER_PASSWORD)
        for name in CHECKED_STORES:
            db = stores.proxy(name).obj
            assert stores.integrity_problems(db) == [], name
            report = audit.verify(name)
            assert report.ok, f"{name}: {report.describe()}"

        versions = dict(LadoContact.select(LadoContact.id, LadoContact.version).tuples())
        for contact_id, version in acked["lado"].items():
            assert contact_id in versions, f"acknowledged LADO contact {contact_id} is missing"
            assert versions[contact_id] >= version
        notifications = {n for (n,) in PfNotification.select(PfNotification.id).tuples()}
        missing = set(acked["fostering"]) - notifications
        assert not missing, f"acknowledged notifications missing: {sorted(missing)}"

        # Every record new since the last round, acknowledged or not, is whole.
        for contact_id in sorted(i for i in versions if i > checked_upto["lado"]):
            stored = lado.get_contact(session, contact_id)
            sent = lado_contact(lado_index(stored))
            if stored["version"] == 2:
                sent["subject_role"] = UPDATED_ROLE
            assert stored["version"] in (1, 2)
            assert differences(sent, stored) == [], contact_id
            checked_upto["lado"] = contact_id
        for notification_id in sorted(i for i in notifications if i > checked_upto["fostering"]):
            stored = fostering.get_notification(session, notification_id)
            sent = fostering_notification(fostering_index(stored))
            assert differences(sent, stored) == [], notification_id
            checked_upto["fostering"] = notification_id
        auth.sign_out(session)
    finally:
        ws.close()


@pytest.mark.slow
def test_db1_sigkill_during_service_saves_loses_no_acknowledged_save(data_dir, clock, spawn_child):
    """DB-1: 50 seeded random SIGKILLs of a child saving through the LADO and private
    fostering services; after each restart every acknowledged save is present and whole,
    integrity_check / cipher_integrity_check are clean and every audit chain verifies."""
    _setup(data_dir, clock)
    rng = random.Random(SEED)
    acked: dict[str, dict[int, int]] = {"lado": {}, "fostering": {}}
    checked_upto = {"lado": 0, "fostering": 0}
    killed_mid_loop = 0
    for round_no in range(ROUNDS):
        proc = spawn_child("crash_child.py", data_dir.root, "worker", WORKER_PASSWORD, round_no * 10_000)
        output = Lines(proc)
        output.wait_for("READY", timeout=60)
        time.sleep(rng.uniform(0.0, 0.35))  # a seeded random moment among the saves
        lines = output.kill()
        assert killed(proc), proc.stderr.read()
        for line in lines:
            kind, store, _index, record_id, *version = line.split()
            record_id = int(record_id)
            acked[store][record_id] = int(version[0]) if kind == "U" else 1
        killed_mid_loop += bool(lines)
        _check(data_dir, clock, acked, checked_upto)
    total = len(acked["lado"]) + len(acked["fostering"])
    print(f"DB-1: {ROUNDS} kills, {total} acknowledged saves, {killed_mid_loop} kills after a save")
    # The harness must really have killed the child in the middle of its saves.
    assert killed_mid_loop >= ROUNDS // 2 and total >= ROUNDS
