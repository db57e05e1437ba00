"""peewee is imported without psycopg (start-up, issue 10); team mode attaches it later.

Each check runs in a fresh interpreter: in the test process something may have imported
psycopg before peewee, and then there is nothing to prove."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **env})


def test_opening_the_embedded_stores_code_loads_no_postgresql_driver():
    got = _run("""
        import sys
        import hscb_desktop.security.auth, hscb_desktop.storage.workspace
        import peewee
        assert peewee.psycopg is None, "peewee found psycopg"
        assert "psycopg" not in sys.modules, "psycopg was imported"
        assert peewee.__loader__ is peewee.__spec__.loader  # peewee's own loader, not ours
        assert type(peewee.__loader__).__module__ != "hscb_desktop.peewee_loading"
        assert not [f for f in sys.meta_path if type(f).__module__ == "hscb_desktop.peewee_loading"]
        import psycopg  # hidden from peewee's import only: anyone else may still import it
        print("ok", psycopg.__name__)
    """)
    assert got.returncode == 0, got.stderr
    assert got.stdout.split() == ["ok", "psycopg"]


def test_an_import_of_psycopg_first_is_left_alone():
    got = _run("""
        import psycopg, hscb_desktop, peewee
        assert peewee.psycopg is psycopg
        print("ok")
    """)
    assert got.returncode == 0, got.stderr


def test_a_server_store_made_after_a_lean_import_talks_to_a_real_server(pg_url):
    got = _run("""
        import os, sys
        import hscb_desktop.storage.stores, peewee
        assert peewee.psycopg is None
        from hscb_desktop.storage.server import ServerAddress, ServerDatabase
        address = ServerAddress.parse(os.environ["URL"])
        db = ServerDatabase(address.dbname, prefer_psycopg3=True,
                            **address.connect_params())
        assert type(db._adapter).__name__ == "Psycopg3Adapter"
        with db.atomic():  # the adapter's transaction-status checks need TransactionStatus
            one = db.execute_sql("SELECT 1").fetchone()[0]
        assert not db.in_transaction()
        db.close()
        print("ok", one)
    """, URL=pg_url)
    assert got.returncode == 0, got.stderr
    assert got.stdout.split() == ["ok", "1"]
