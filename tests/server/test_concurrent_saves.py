"""Four processes saving to one server at once (issue 11; DB-1, AUD-1, AUD-3 in team
mode): afterwards every acknowledged save is there with its values, every refusal was a
StaleVersion, no update was lost (each shared record's version is 1 + its acknowledged
updates, and its audit log holds exactly those updates), and every chain verifies.

The processes run for HSCB_CONCURRENCY_SECONDS (default 10 here, so the suite stays
short; the issue's 30 s: HSCB_CONCURRENCY_SECONDS=30), bounded by a timeout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hscb_desktop import cli
from hscb_desktop.domains.lado import service as lado
from hscb_desktop.domains.lado.models import LadoContact
from hscb_desktop.security import auth
from hscb_desktop.storage import audit

pytestmark = pytest.mark.postgres_only

WORKER = Path(__file__).with_name("concurrent_worker.py")
SECONDS = float(os.environ.get("HSCB_CONCURRENCY_SECONDS", "10"))
OFFICERS = ("lado1", "lado2", "lado3", "lado4")


def test_db1_four_processes_save_at_once_and_nothing_acknowledged_is_lost(
    workspace, make_user, admin_password
):
    sys.path.insert(0, str(WORKER.parent))
    from concurrent_worker import contact

    passwords = {name: make_user(name, ["lado_officer"]) for name in OFFICERS}
    session = auth.sign_in(workspace, "lado1", passwords["lado1"])
    shared = [lado.create_contact(session, contact(f"shared-{i}")) for i in range(3)]
    auth.sign_out(session)

    url = workspace.address.safe()
    start_at = time.time() + 3  # all four signed in before any saves
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                url,
                name,
                str(i),
                str(start_at),
                str(SECONDS),
                ",".join(map(str, shared)),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "HSCB_PASSWORD": passwords[name]},
        )
        for i, name in enumerate(OFFICERS)
    ]
    lines = []
    for proc in procs:
        out, err = proc.communicate(timeout=SECONDS + 120)
        assert proc.returncode == 0, err[-2000:]
        lines += [json.loads(x) for x in out.splitlines()]

    errors = [x for x in lines if x["op"] == "error"]
    assert not errors, errors[:5]
    creates = [x for x in lines if x["op"] == "create"]
    updates = [x for x in lines if x["op"] == "update"]
    refused = [x for x in lines if x["op"] == "refused"]
    assert {x["error"] for x in refused} <= {"StaleVersion"}
    assert creates and updates and refused, (
        "the run should have had saves of each kind and conflicts"
    )

    session = auth.sign_in(workspace, "lado1", passwords["lado1"])
    for x in creates:
        assert lado.get_contact(session, x["id"])["allegation_details"] == x["marker"]
    for record_id in shared:
        mine = sorted((u for u in updates if u["id"] == record_id), key=lambda u: u["version"])
        row = LadoContact.get_by_id(record_id)
        assert row.version == 1 + len(mine)  # no acknowledged update was overwritten unseen
        assert [u["version"] for u in mine] == list(range(2, 2 + len(mine)))
        assert lado.get_contact(session, record_id)["allegation_details"] == (
            mine[-1]["marker"] if mine else f"shared-{shared.index(record_id)}"
        )
        logged = [
            e for e in audit.entries_for("lado", "lado_contact", record_id) if e.action == "update"
        ]
        assert len(logged) == len(mine)
        assert [audit.values_of("lado", e.seq)[1]["allegation_details"] for e in logged] == [
            u["marker"] for u in mine
        ]
    assert LadoContact.select().count() == len(shared) + len(creates)
    auth.sign_out(session)

    # verify-audit in a fresh process, as IT would run it
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "hscb_desktop.cli",
            "--database",
            url,
            "verify-audit",
            "--as",
            "admin",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, cli.ENV_PASSWORD: admin_password},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(": OK,") == 5, done.stdout
    print(
        f"{SECONDS:.0f} s: {len(creates)} creates, {len(updates)} updates, {len(refused)} refused"
    )
