"""Schema migrations: verified backup first (MIG-1), atomic and foreign-key safe (MIG-2),
and no opening of a store written by a newer build (MIG-5)."""
from __future__ import annotations

import hashlib

import pytest
import sqlcipher3

from hscb_desktop.security import auth
from hscb_desktop.storage import audit, backup, migrations, stores

pytestmark = pytest.mark.sqlcipher_only  # the embedded upgrade path; tests/server covers the server's


def _register(monkeypatch, store: str, *steps: tuple[str, object]) -> None:
    """Add test-only migrations to ``store`` for this test (names sort after every real one)."""
    current = migrations.known(store)  # first, so domain schema modules are already imported
    added = [migrations.Migration(name, fn) for name, fn in steps]
    monkeypatch.setitem(migrations._registry, store, sorted([*current, *added], key=lambda m: m.name))


def _sql(store: str, *statements: str) -> None:
    for statement in statements:
        stores.proxy(store).execute_sql(statement)


def _snapshot(path, key: bytes) -> dict:
    """Schema, row count of every table and applied steps, read through a read-only connection."""
    db = stores.open_store("lado", path, key, read_only=True)
    try:
        schema = db.execute_sql("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        tables = [n for t, n, sql in schema if t == "table" and "VIRTUAL" not in (sql or "")]
        counts = {t: db.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        applied = [r[0] for r in db.execute_sql("SELECT name FROM schema_migration ORDER BY name")]
        return {"schema": schema, "counts": counts, "applied": applied}
    finally:
        db.close()


@pytest.fixture
def lado_with_data(workspace, admin_session):
    """The LADO store holding a few audit entries; signed out; returns its key."""
    with stores.proxy("lado").atomic():
        for i in range(3):
            audit.append("lado", admin_session.actor, "create", clock=admin_session.clock,
                         table="allegation", record_id=i, new={"n": i})
    key = workspace.keys["lado"]
    auth.sign_out(admin_session)
    return key


def test_mig1_no_backup_when_creating_fresh_stores(workspace):
    """MIG-1: a store with nothing applied yet has nothing to lose: first run takes no backup."""
    assert list(workspace.paths.backups.iterdir()) == []


def test_mig1_a_store_with_data_is_backed_up_and_the_backup_verified_before_migrating(
        workspace, lado_with_data, admin_password, clock, monkeypatch):
    """MIG-1: a new step for a store that holds data runs only after an engine backup that
    opens with the store's key and passes integrity_check + cipher_integrity_check; the
    migration's audit entry names that backup."""
    path = workspace.paths.store_file("lado")
    before = _snapshot(path, lado_with_data)
    _register(monkeypatch, "lado", ("9001_test_notes", lambda: _sql(
        "lado", "CREATE TABLE mig_test_note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
        "INSERT INTO mig_test_note (body) VALUES ('one'), ('two')")))
    clock.advance(days=1)

    session = auth.sign_in(workspace, "admin", admin_password)
    copy_path = workspace.paths.backups / f"pre-migration-{backup.timestamp(clock)}" / "lado.db"
    assert copy_path.exists()
    assert "9001_test_notes" in migrations.applied("lado")
    entry = audit.models("lado")[0].select().order_by(audit.models("lado")[0].seq.desc()).first()
    assert entry.action == "migration" and entry.user == "system"
    assert audit.values_of("lado", entry.seq)[1] == {
        "migration": "9001_test_notes", "backup": f"{copy_path.parent.name}/lado.db"}
    assert audit.verify("lado").ok
    auth.sign_out(session)

    copy = stores.open_store("lado", copy_path, lado_with_data, read_only=True)
    try:
        assert stores.integrity_problems(copy) == []
    finally:
        copy.close()
    assert _snapshot(copy_path, lado_with_data) == before  # taken before the step ran
    assert _snapshot(path, lado_with_data)["counts"]["mig_test_note"] == 2


def test_mig1_a_failing_migration_leaves_the_store_unchanged_and_names_the_backup(
        workspace, lado_with_data, admin_password, clock, monkeypatch):
    """MIG-1: two pending steps, the second raises: the sign-in is refused with a message that
    names the step and the verified backup; schema, row counts and applied steps are exactly as
    before (the first step is rolled back too); no store stays open; a retry without the bad
    step succeeds."""
    path = workspace.paths.store_file("lado")
    before = _snapshot(path, lado_with_data)

    def boom():
        _sql("lado", "INSERT INTO mig_test_note (body) VALUES ('half-way')")
        raise RuntimeError("disk on fire")

    good = ("9001_test_notes", lambda: _sql(
        "lado", "CREATE TABLE mig_test_note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
        "INSERT INTO mig_test_note (body) VALUES ('one')"))
    _register(monkeypatch, "lado", good, ("9002_test_boom", boom))

    with pytest.raises(migrations.MigrationFailed) as caught:
        auth.sign_in(workspace, "admin", admin_password)
    message = str(caught.value)
    copy_path = workspace.paths.backups / f"pre-migration-{backup.timestamp(clock)}" / "lado.db"
    assert "9002_test_boom" in message and "RuntimeError: disk on fire" in message
    assert "The store is unchanged" in message and str(copy_path) in message
    assert copy_path.exists()
    assert workspace.keys == {} and not any(stores.is_open(n) for n in stores.STORE_NAMES)
    assert _snapshot(path, lado_with_data) == before

    _register(monkeypatch, "lado")  # re-read: still has both steps
    monkeypatch.setitem(migrations._registry, "lado",
                        [m for m in migrations._registry["lado"] if m.name != "9002_test_boom"])
    session = auth.sign_in(workspace, "admin", admin_password)
    assert migrations.applied("lado") == sorted([*before["applied"], "9001_test_notes"])
    auth.sign_out(session)


def test_mig2_table_rebuild_keeps_cascading_child_rows_and_restores_foreign_keys(
        workspace, admin_password, monkeypatch):
    """MIG-2 (peewee's cascade regression): rebuilding a parent table whose child has
    ON DELETE CASCADE keeps every child row; foreign_keys is ON again afterwards and the
    references still work."""
    _register(monkeypatch, "lado", ("9001_test_parent_child", lambda: _sql(
        "lado",
        "CREATE TABLE mig_parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
        "CREATE TABLE mig_child (id INTEGER PRIMARY KEY, note TEXT, parent_id INTEGER NOT NULL "
        "REFERENCES mig_parent (id) ON DELETE CASCADE)",
        "INSERT INTO mig_parent (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')",
        "INSERT INTO mig_child (note, parent_id) VALUES ('x', 1), ('y', 1), ('z', 2), ('w', 3)")))
    auth.sign_out(auth.sign_in(workspace, "admin", admin_password))

    _register(monkeypatch, "lado", ("9002_test_rebuild_parent", lambda: _sql(
        "lado",
        "CREATE TABLE mig_parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL, code TEXT NOT NULL DEFAULT '')",
        "INSERT INTO mig_parent_new (id, name) SELECT id, name FROM mig_parent",
        "DROP TABLE mig_parent",
        "ALTER TABLE mig_parent_new RENAME TO mig_parent")))
    session = auth.sign_in(workspace, "admin", admin_password)
    db = stores.proxy("lado").obj
    assert "9002_test_rebuild_parent" in migrations.applied("lado")
    assert db.execute_sql("SELECT count(*) FROM mig_child").fetchone()[0] == 4
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    db.execute_sql("DELETE FROM mig_parent WHERE id = 1")  # the cascade still works
    assert db.execute_sql("SELECT count(*) FROM mig_child").fetchone()[0] == 2
    auth.sign_out(session)


def test_mig2_control_the_same_rebuild_with_foreign_keys_on_loses_child_rows():
    """MIG-2 control: without the foreign_keys=OFF step the rebuild above deletes children,
    so the test above is testing something real."""
    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("CREATE TABLE p (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES p (id) ON DELETE CASCADE)")
    conn.execute("INSERT INTO p VALUES (1)")
    conn.execute("INSERT INTO c (p) VALUES (1)")
    conn.execute("CREATE TABLE p_new (id INTEGER PRIMARY KEY)")
    conn.execute("INSERT INTO p_new SELECT id FROM p")
    conn.execute("DROP TABLE p")
    assert conn.execute("SELECT count(*) FROM c").fetchone()[0] == 0
    conn.close()


def test_mig2_a_step_that_leaves_broken_references_is_rolled_back(workspace, admin_password, monkeypatch):
    """MIG-2: foreign_key_check must be clean before a step is recorded."""
    path = workspace.paths.store_file("lado")
    session = auth.sign_in(workspace, "admin", admin_password)
    key = workspace.keys["lado"]
    auth.sign_out(session)
    before = _snapshot(path, key)
    _register(monkeypatch, "lado", ("9001_test_orphans", lambda: _sql(
        "lado",
        "CREATE TABLE mig_parent (id INTEGER PRIMARY KEY)",
        "CREATE TABLE mig_child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES mig_parent (id))",
        "INSERT INTO mig_child (parent_id) VALUES (42)")))
    with pytest.raises(migrations.MigrationFailed, match="1 broken references"):
        auth.sign_in(workspace, "admin", admin_password)
    assert _snapshot(path, key) == before


def test_mig5_a_store_from_a_newer_build_is_refused_and_not_written(workspace, admin_password):
    """MIG-5: a schema step this build does not know means a newer build wrote the store: the
    sign-in is refused with a clear message and the file's bytes are unchanged."""
    session = auth.sign_in(workspace, "admin", admin_password)
    stores.proxy("lado").execute_sql(
        "INSERT INTO schema_migration (name, applied_at) VALUES ('9999_from_the_future', '2030-01-01')")
    auth.sign_out(session)  # last connection closed: WAL checkpointed into the file and removed
    path = workspace.paths.store_file("lado")
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = path.stat().st_mtime_ns

    with pytest.raises(migrations.NewerStore) as caught:
        auth.sign_in(workspace, "admin", admin_password)
    message = str(caught.value)
    assert "newer version of HSCB Desktop" in message and "9999_from_the_future" in message
    assert "nothing has been changed" in message
    assert workspace.keys == {} and not any(stores.is_open(n) for n in stores.STORE_NAMES)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert path.stat().st_mtime_ns == mtime
    assert not wal.exists() or wal.stat().st_size == 0
