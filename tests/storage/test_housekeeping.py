"""Idle housekeeping: checkpoints and FTS5 merges happen between saves, not inside them."""
from __future__ import annotations

import datetime as dt

import pytest

from hscb_desktop.domains.lado import service
from hscb_desktop.security import auth
from hscb_desktop.storage import housekeeping, search, stores

pytestmark = pytest.mark.sqlcipher_only  # WAL and FTS5 upkeep; the server does its own


def test_idle_step_checkpoints_the_wal_and_merges_the_search_index(workspace, make_user):
    session = auth.sign_in(workspace, "lado1", make_user("lado1", ["lado_officer"]))
    for i in range(30):
        service.create_contact(session, {
            "date_received": dt.date(2017, 2, 1), "referral_source_type": "employer_dsl",
            "employer_name": f"Housekeeping Academy {i}", "employment_sector": "education_school",
            "threshold_met": False, "subject_named": False,
        })
    db = stores.proxy("lado")
    assert db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 4000  # only a cap
    assert "lado_search" in search.indexes("lado")
    done = housekeeping.idle_step()
    assert done["lado"] > 0  # the saves' pages went back into the database file
    # nothing left to copy, the index still answers, and the store is healthy
    _, in_wal, copied = db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert in_wal == copied  # every frame in the WAL is already in the database file
    assert search.match("lado", "lado_search", "Housekeeping Academy 7")
    assert stores.integrity_problems(db.obj) == []
