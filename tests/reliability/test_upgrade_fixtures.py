"""MIG-3: every kept fixture data folder upgrades to this build's schema with every record intact.

``tests/fixtures/stores/`` holds, per released schema (``v<version>``) and for an earlier
point (``v<version>-before-last``: stores stopped before their last step), a small
encrypted data folder made by ``make_stores.py`` and the dump of every row it wrote. Each
is copied, opened by signing in (which migrates), and then:

* every store has applied exactly the steps this build knows; a store that had steps to
  take got a verified pre-migration backup holding its old rows (MIG-1), others got none;
* integrity_check, cipher_integrity_check and foreign_key_check are clean;
* every audit chain verifies;
* every table holds exactly the rows of the dump (row counts and every field); the audit
  and schema tables hold the dump's rows followed only by new ones;
* sampled records read back through the domain services match the dump.
"""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from hscb_desktop import __version__
from hscb_desktop.paths import data_paths
from hscb_desktop.security import auth
from hscb_desktop.storage import audit, migrations, stores
from hscb_desktop.storage.workspace import Workspace

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "stores"
GROWING = ("audit_entry", "audit_value", "audit_redacted", "schema_migration")  # appended to on use
FOLDERS = sorted(p.parent for p in FIXTURES.glob("*/fixture.json"))


def _make_stores():
    spec = importlib.util.spec_from_file_location("make_stores", FIXTURES / "make_stores.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _json(value):
    return json.loads(json.dumps(value, sort_keys=True, default=str))


def _schema(db) -> dict:
    """Every table's columns (name, type, not null, default, primary key) and every index:
    what the build's models and queries rely on."""
    objects = db.execute_sql("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                             "ORDER BY type, name").fetchall()
    return {f"{kind} {name}": (db.execute_sql(f'PRAGMA table_info("{name}")').fetchall()
                               if kind == "table" else None)
            for kind, name in objects}


@pytest.fixture
def fresh_schema(tmp_path, clock) -> dict:
    """The schema of every store of a data folder this build creates today."""
    ws = Workspace(data_paths(tmp_path / "fresh"), clock).acquire()
    try:
        auth.initialise(ws, "admin", "Board-Test-Passphrase-1")  # every store, opened as created
        return {name: _schema(stores.proxy(name).obj) for name in stores.STORE_NAMES}
    finally:
        ws.close()


def test_mig3_a_fixture_is_kept_for_the_current_release_and_an_earlier_schema():
    """MIG-3: the repository holds the current version's fixture and one at an earlier schema
    (so the upgrade test really runs steps)."""
    names = {p.name for p in FOLDERS}
    assert f"v{__version__}" in names, f"run make_stores.py tests/fixtures/stores/v{__version__}"
    earlier = [json.loads((p / "fixture.json").read_text()) for p in FOLDERS]
    assert any(any(meta["applied"][s] != [m.name for m in migrations.known(s)] for s in meta["applied"])
               for meta in earlier)


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_mig3_fixture_upgrades_to_current_schema_with_every_record(folder, tmp_path, clock,
                                                                  fresh_schema):
    """MIG-3: upgrade a kept fixture to head; its schema is then exactly a new store's (a model
    changed without a migration fails here); integrity and foreign keys clean, audit chains
    verify, every row of the dump present with identical fields, backups before migrating."""
    meta = json.loads((folder / "fixture.json").read_text(encoding="utf-8"))
    written = json.loads((folder / "records.json").read_text(encoding="utf-8"))
    root = tmp_path / "data"
    shutil.copytree(folder / "data", root)
    worker, password = next((u, p) for u, p in meta["users"].items() if u != "admin")
    clock.advance(days=1)  # a later day than the fixture's, as an upgrade would be

    ws = Workspace(data_paths(root), clock).acquire()
    try:
        session = auth.sign_in(ws, worker, password)
        upgraded = _json(_make_stores().dump_open_stores())
        assert set(upgraded) == set(stores.STORE_NAMES)
        for name in stores.STORE_NAMES:
            known = [m.name for m in migrations.known(name)]
            assert migrations.applied(name) == known, name
            db = stores.proxy(name).obj
            assert _schema(db) == fresh_schema[name], f"{name}: upgraded schema differs from a new store's"
            assert stores.integrity_problems(db) == [], name
            assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == [], name
            report = audit.verify(name)
            assert report.ok, f"{name}: {report.describe()}"

            copies = list(ws.paths.backups.glob(f"pre-migration-*/{name}.db"))
            if meta["applied"][name] == known:
                assert copies == [], f"{name} had nothing to migrate but was backed up"
            else:
                assert len(copies) == 1, f"{name} was migrated without a pre-migration backup"
                copy = stores.open_store(name, copies[0], ws.keys[name], read_only=True)
                try:
                    assert stores.integrity_problems(copy) == []
                    assert _json(_make_stores().dump_store(copy)) == written[name]
                finally:
                    copy.close()

            for table, rows in written[name].items():
                now = upgraded[name].get(table)
                assert now is not None, f"{name}.{table} is gone"
                if table in GROWING:
                    assert now[:len(rows)] == rows, f"{name}.{table}: earlier rows changed"
                else:
                    assert now == rows, f"{name}.{table}: rows differ after the upgrade"

        _sample_through_services(session, written)
        auth.sign_out(session)
    finally:
        ws.close()


def _sample_through_services(session, written) -> None:
    from hscb_desktop.domains.fostering import service as fostering
    from hscb_desktop.domains.lado import service as lado

    for row in written["lado"]["lado_contact"]:
        record = lado.get_contact(session, row["id"])
        assert (record["ref"], record["employer_name"], record["version"]) == (
            row["ref"], row["employer_name"], row["version"])
    for row in written["fostering"]["pf_notification"]:
        record = fostering.get_notification(session, row["id"])
        assert (record["ref"], record["version"]) == (row["ref"], row["version"])
    assert written["lado"]["lado_contact"] and written["fostering"]["pf_notification"]
