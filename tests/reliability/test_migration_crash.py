"""MIG-4: a SIGKILL during a long migration leaves the store fully old (with its verified
pre-migration backup) or fully new, never in between.

A child (``migrate_child.py``) signs in with a test-only step registered on the LADO store
that alters ``lado_contact``, rewrites every row and writes thousands of rows into a new
table, pausing between batches. The parent kills it at seeded random batches, then reads
the store: either every sign of the step is absent and schema, row counts and rows equal
the store before the attempt, or the step is recorded as applied and all of its work is
there. In the old case the pre-migration backup opens with the store's key, passes
integrity_check + cipher_integrity_check and holds the old data, and the current build
still signs in with every audit chain verifying. Finally the step is allowed to finish.
"""
from __future__ import annotations

import random
import shutil
import time

import pytest
from children import Lines, killed
from migrate_child import BATCHES, ROWS_PER_BATCH, STEP

from hscb_desktop.paths import data_paths
from hscb_desktop.security import auth, users
from hscb_desktop.storage import audit, migrations, stores
from hscb_desktop.storage.workspace import Workspace

SEED = 4
ROUNDS = 6
ADMIN_PASSWORD = "Board-Test-Passphrase-1"
OFFICER_PASSWORD = "Staff-Pass-Phrase-9"


def _baseline(root, clock) -> bytes:
    """A data folder whose LADO store holds a few contacts; returns the LADO key."""
    import crash_records
    from hscb_desktop.domains.lado import service as lado

    ws = Workspace(data_paths(root), clock).acquire()
    try:
        auth.initialise(ws, "admin", ADMIN_PASSWORD)
        admin = auth.sign_in(ws, "admin", ADMIN_PASSWORD)
        users.add_user(admin, "officer", ["lado_officer"], password=OFFICER_PASSWORD)
        auth.sign_out(admin)
        officer = auth.sign_in(ws, "officer", OFFICER_PASSWORD)
        for i in range(8):
            lado.create_contact(officer, crash_records.lado_contact(i))
        key = ws.keys["lado"]
        auth.sign_out(officer)
        return key
    finally:
        ws.close()


def _snapshot(path, key: bytes) -> dict:
    db = stores.open_store("lado", path, key, read_only=True)
    try:
        assert stores.integrity_problems(db) == []
        schema = db.execute_sql("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        tables = [n for t, n, sql in schema if t == "table" and "VIRTUAL" not in (sql or "")]
        return {
            "schema": schema,
            "counts": {t: db.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables},
            "applied": [r[0] for r in db.execute_sql("SELECT name FROM schema_migration ORDER BY name")],
            "contacts": db.execute_sql("SELECT * FROM lado_contact ORDER BY id").fetchall(),
        }
    finally:
        db.close()


def _state(path, key: bytes, before: dict) -> str:
    """'old' or 'new'; fails on anything in between."""
    now = _snapshot(path, key)
    if STEP not in now["applied"]:
        assert now == before, "the step is not recorded but the store changed"
        return "old"
    assert now["applied"] == sorted([*before["applied"], STEP])
    assert now["counts"]["mig_payload"] == BATCHES * ROWS_PER_BATCH
    db = stores.open_store("lado", path, key, read_only=True)
    try:
        notes = db.execute_sql("SELECT ref, mig_note FROM lado_contact").fetchall()
    finally:
        db.close()
    assert len(notes) == before["counts"]["lado_contact"]
    assert all(note == f"migrated {ref}" for ref, note in notes)
    return "new"


def _with_step(monkeypatch) -> None:
    """This process's registry as the child's: the real steps plus the test step."""
    current = migrations.known("lado")
    step = migrations.Migration(STEP, lambda: None)  # never run here: only its name is needed
    monkeypatch.setitem(migrations._registry, "lado", sorted([*current, step], key=lambda m: m.name))


def _sign_in_and_verify(root, clock) -> None:
    ws = Workspace(data_paths(root), clock).acquire()
    try:
        session = auth.sign_in(ws, "officer", OFFICER_PASSWORD)
        for name in (stores.CORE, "lado"):
            assert stores.integrity_problems(stores.proxy(name).obj) == []
            assert audit.verify(name).ok, audit.verify(name).describe()
        auth.sign_out(session)
    finally:
        ws.close()


@pytest.mark.slow
def test_mig4_sigkill_during_long_migration_leaves_old_or_new_never_mixed(
        tmp_path, clock, spawn_child, monkeypatch):
    """MIG-4: seeded SIGKILLs mid-migration; each time the store is wholly old with a verified
    pre-migration backup holding the old data (and the current build signs in), or wholly new;
    then the migration runs to completion on the killed store."""
    base = tmp_path / "base"
    key = _baseline(base, clock)
    before = _snapshot(data_paths(base).store_file("lado"), key)
    rng = random.Random(SEED)
    outcomes = []
    for round_no in range(ROUNDS):
        root = tmp_path / f"round{round_no}"
        shutil.copytree(base, root)
        paths = data_paths(root)
        proc = spawn_child("migrate_child.py", root, "officer", OFFICER_PASSWORD)
        output = Lines(proc)
        seen = output.wait_for(f"BATCH {rng.randrange(BATCHES)}")
        assert seen[0] == "MIGRATING"
        time.sleep(rng.uniform(0.0, 0.03))
        output.kill()
        assert killed(proc), proc.stderr.read()

        state = _state(paths.store_file("lado"), key, before)
        outcomes.append(state)
        copies = sorted(paths.backups.glob("pre-migration-*/lado.db"))
        assert len(copies) == 1, "the verified backup is taken before the step starts (MIG-1)"
        assert _snapshot(copies[0], key)["contacts"] == before["contacts"]
        assert _snapshot(copies[0], key)["applied"] == before["applied"]
        if state == "old":
            _sign_in_and_verify(root, clock)  # the current build opens the old store as it was
    assert "old" in outcomes, outcomes

    # The killed store, migrated again, ends up wholly new.
    root = tmp_path / f"round{ROUNDS - 1}"
    proc = spawn_child("migrate_child.py", root, "officer", OFFICER_PASSWORD)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert out.splitlines()[-1] == "DONE"
    assert _state(data_paths(root).store_file("lado"), key, before) == "new"
    _with_step(monkeypatch)
    _sign_in_and_verify(root, clock)
