"""``migrate-to-server`` (issue 11): an embedded data folder copied into a server set up
with ``init``, verified by counts, audit heads and every return re-exported from both and
compared cell by cell (AUD-1, AUD-3, AUTH-5, DB-1 in team mode)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys

import openpyxl
import psycopg
import pytest

from hscb_desktop import cli
from hscb_desktop.demo import FILLERS
from hscb_desktop.domains.lado import service as lado
from hscb_desktop.paths import data_paths
from hscb_desktop.security import auth, maintenance, server_setup, users
from hscb_desktop.storage import audit, stores
from hscb_desktop.storage import migrate_to_server as mts
from hscb_desktop.storage.server_workspace import ServerWorkspace
from hscb_desktop.storage.workspace import Workspace

pytestmark = pytest.mark.postgres_only

ADMIN_PASSWORD = "Board-Test-Passphrase-1"
WORKER_PASSWORD = "Staff-Pass-Phrase-9"


@pytest.fixture
def source(tmp_path, clock):
    """An embedded data folder with every module's demo records, a redaction in the LADO
    chain, and a disabled user; closed, lock released."""
    ws = Workspace(data_paths(tmp_path / "source"), clock).acquire()
    auth.initialise(ws, "admin", ADMIN_PASSWORD)
    ws.close_stores()
    admin = auth.sign_in(ws, "admin", ADMIN_PASSWORD)
    users.add_user(
        admin,
        "worker",
        ["lado_officer", "fostering_worker", "cdop_coordinator", "business_unit"],
        display_name="Demo Worker",
        password=WORKER_PASSWORD,
    )
    users.add_user(admin, "leaver", ["lado_officer"], password=WORKER_PASSWORD)
    users.set_active(admin, "leaver", False)
    auth.sign_out(admin)
    worker = auth.sign_in(ws, "worker", WORKER_PASSWORD)
    today = dt.date(2017, 3, 1)
    for filler in FILLERS.values():
        assert filler.fill(worker, today) > 0
    auth.sign_out(worker)
    admin = auth.sign_in(ws, "admin", ADMIN_PASSWORD)
    with stores.proxy("lado").atomic():
        audit.redact("lado", admin.actor, [2], reason="malicious allegation", clock=clock)
    auth.sign_out(admin)
    ws.close()
    return ws


@pytest.fixture
def target(pg_url, clock):
    """A database as ``init --database`` leaves it (first administrator 'admin'), and the
    owner's address (here the superuser, a member of every role)."""
    import pg_support

    name = pg_support.next_dbname()
    address = pg_support.new_database(pg_url, name)
    server_setup.create_first_admin(address, "admin", "Server-Admin-Pass-5", clock)
    yield address
    stores.unbind_all()
    pg_support.drop_database(pg_url, name)


def _records(counts: dict[str, int]) -> dict[str, int]:
    """The record tables' counts (the audit tables grow with the check's own exports)."""
    return {k: n for k, n in counts.items() if k.split(".")[1] not in mts.AUDIT_TABLES}


def _counts(address, tables):
    conn = psycopg.connect(**{**address.connect_params(), "dbname": address.dbname})
    try:
        return {
            t: conn.execute('SELECT count(*) FROM "{}"."{}"'.format(*t.split("."))).fetchone()[0]
            for t in tables
        }
    finally:
        conn.close()


def test_migrate_copies_every_record_and_chain_and_gives_each_user_a_login(
    source, target, clock, tmp_path
):
    """Every table's rows arrive with their ids, every chain verifies on the server with the
    same head, the returns of every period with data are equal cell by cell, each user signs
    in with a one-time password that must be changed (AUTH-5), the disabled user's login is
    refused, and the migration is in both audit logs."""
    ws = Workspace(source.paths, clock).acquire()
    try:
        report = mts.migrate(ws, "admin", ADMIN_PASSWORD, target, clock)
    finally:
        ws.close()
    assert set(report.passwords) == {"admin", "worker", "leaver"}
    assert report.counts["lado.lado_contact"] > 100 and report.counts["cdop.cdop_child_death"] > 0
    assert (
        report.counts["board.training_run"] > 0 and report.counts["fostering.pf_notification"] > 0
    )
    assert _counts(target, _records(report.counts)) == _records(report.counts)
    assert {store: report.counts[f"{store}.audit_entry"] for store in stores.STORE_NAMES} == {
        store: count for store, (count, _) in report.heads.items()
    }
    assert {"lado 2016-17", "cdop 2016-17", "board 2016-17", "annual-report 2016-17"} <= set(
        report.exports
    )

    # the ids are kept and the sequences moved past them: a new record gets the next id
    server_ws = ServerWorkspace(target.with_login("", ""), clock)
    worker = auth.sign_in(server_ws, "worker", report.passwords["worker"])
    assert worker.must_change_password
    users.change_own_password(worker, report.passwords["worker"], "Lado-Team-Pass-3")
    from hscb_desktop.domains.lado.models import LadoContact

    highest = max(c.id for c in LadoContact.select(LadoContact.id))
    assert highest == report.counts["lado.lado_contact"]  # ids 1..n, as in the folder
    new = lado.create_contact(
        worker,
        {
            "date_received": dt.date(2017, 2, 1),
            "referral_source_type": "employer_dsl",
            "employer_name": "Oakfield Primary School",
            "employment_sector": "education_school",
            "setting_type": "primary_school",
            "threshold_met": False,
            "subject_named": False,
        },
    )
    assert new == highest + 1
    auth.sign_out(worker)

    admin = auth.sign_in(server_ws, "admin", report.passwords["admin"])
    users.change_own_password(admin, report.passwords["admin"], "Board-Chair-Pass-7")
    chains = {r.store: r for r in maintenance.verify_audit(admin)}
    assert all(r.ok for r in chains.values()), [r.describe() for r in chains.values()]
    assert chains["lado"].redacted == 1
    for store, (count, head) in report.heads.items():
        assert audit.verify(store, anchor=(count, head)).ok
        ours = [e for e in audit.models(store)[0].select() if e.action == "migrated_from_embedded"]
        assert len(ours) == 1 and audit.values_of(store, ours[0].seq)[1]["head"] == head
    auth.sign_out(admin)
    with pytest.raises(auth.LoginFailed, match="disabled"):
        auth.sign_in(server_ws, "leaver", report.passwords["leaver"])

    # verify-audit --database in a fresh process, as IT would run it after the migration
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "hscb_desktop.cli",
            "--database",
            target.with_login("", "").safe(),
            "verify-audit",
            "--as",
            "admin",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "HSCB_PASSWORD": "Board-Chair-Pass-7"},
    )
    assert done.returncode == 0 and done.stdout.count(": OK,") == 5, done.stdout + done.stderr

    # the source's chains record the migration too, after the same heads
    ws = Workspace(source.paths, clock).acquire()
    try:
        admin = auth.sign_in(ws, "admin", ADMIN_PASSWORD)
        for store, (count, head) in report.heads.items():
            assert audit.verify(store, anchor=(count, head)).ok
            assert any(e.action == "migrated_to_server" for e in audit.models(store)[0].select())
        auth.sign_out(admin)
    finally:
        ws.close()

    # a second run is refused: the target now holds records, and nothing changes
    ws = Workspace(source.paths, clock).acquire()
    try:
        with pytest.raises(mts.MigrationRefused, match="newly set-up database only"):
            mts.migrate(ws, "admin", ADMIN_PASSWORD, target, clock)
    finally:
        ws.close()
    after = _records(report.counts)  # and the record the worker added
    after["lado.lado_contact"] += 1
    after["lado.lado_search"] += 1
    assert _counts(target, after) == after


def test_compare_finds_one_changed_cell_and_ignores_only_the_generation_lines(tmp_path):
    """The comparison is real: one changed count is found; the About sheet's Generated,
    Generated by and Audit head lines are the only ones allowed to differ."""
    book = openpyxl.Workbook()
    about = book.active
    about.title = "About"
    for row in (
        ("Module", "LADO"),
        ("Generated", "01/03/2017 09:00"),
        ("Generated by", "a"),
        ("Audit head", "5 entries, abc"),
    ):
        about.append(row)
    table = book.create_sheet("L1")
    table.append(("Contacts", 12))
    a = tmp_path / "a.xlsx"
    book.save(a)
    about["B2"], about["B3"], about["B4"] = "01/03/2017 09:05", "b", "6 entries, def"
    b = tmp_path / "b.xlsx"
    book.save(b)
    assert mts.compare_workbooks(a, b) == []
    about["B1"] = "CDOP"
    table["B1"] = 13
    book.save(b)
    problems = mts.compare_workbooks(a, b)
    assert len(problems) == 2 and "About row 1" in problems[0] and "L1 row 1" in problems[1]


USED = {
    "an audited change": (
        'INSERT INTO core.audit_entry (seq, ts, "user", roles, action, record_table, record_id, '
        "reason, old_hash, new_hash, prev_hash, entry_hash) SELECT max(seq) + 1, '', 'admin', '', "
        "'update', 'agency', '1', '', '', '', '', '' FROM core.audit_entry",
        "has been used",
    ),
    "a second user": (
        'INSERT INTO core."user" (username, display_name, roles, password_hash, '
        "must_change_password, active, created_at, version) "
        "VALUES ('lado9', '', 'lado_officer', '', true, true, '', 1)",
        "already has users",
    ),
}


@pytest.mark.parametrize("how", sorted(USED))
def test_a_target_that_has_been_used_is_refused_and_left_as_it_was(source, target, clock, how):
    """Refuse a non-empty target: a server whose chains hold more than its set-up, or whose
    administrator already added a user, is not written to at all."""
    sql, message = USED[how]
    conn = psycopg.connect(**{**target.connect_params(), "dbname": target.dbname}, autocommit=True)
    conn.execute(f'SET ROLE "{target.owner_role}"')
    conn.execute(sql)
    heads = conn.execute("SELECT count(*) FROM core.audit_entry").fetchone()[0]
    users_before = conn.execute('SELECT count(*) FROM core."user"').fetchone()[0]
    conn.close()
    ws = Workspace(source.paths, clock).acquire()
    try:
        with pytest.raises(mts.MigrationRefused, match=message):
            mts.migrate(ws, "admin", ADMIN_PASSWORD, target, clock)
    finally:
        ws.close()
    assert _counts(target, ["core.audit_entry", "core.user", "lado.lado_contact"]) == {
        "core.audit_entry": heads,
        "core.user": users_before,
        "lado.lado_contact": 0,
    }


def test_cli_migrate_to_server_prints_each_one_time_password_once(
    tmp_path, target, clock, monkeypatch, capsys
):
    """The command: source from --data-dir, target from --database as an IT login that is
    a member of the owner role but no superuser (its password from HSCB_DB_PASSWORD), the
    source administrator's from HSCB_PASSWORD."""
    folder = tmp_path / "small"
    ws = Workspace(data_paths(folder), clock).acquire()
    auth.initialise(ws, "chief", ADMIN_PASSWORD)
    ws.close()
    it_login = f"{target.dbname}_it"
    with psycopg.connect(
        **{**target.connect_params(), "dbname": target.dbname}, autocommit=True
    ) as su:
        su.execute(f"CREATE ROLE \"{it_login}\" LOGIN PASSWORD 'It-Owner-Pass-4'")
        su.execute(f'GRANT "{target.owner_role}" TO "{it_login}"')
        su.execute(f'GRANT CONNECT ON DATABASE "{target.dbname}" TO "{it_login}"')
    monkeypatch.setenv("HSCB_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("HSCB_DB_PASSWORD", "It-Owner-Pass-4")
    url = target.with_login(it_login, "").safe()
    assert (
        cli.main(
            ["--data-dir", str(folder), "--database", url, "migrate-to-server", "--as", "chief"]
        )
        == 0
    )
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.strip().startswith("chief "))
    password = line.split()[-1]
    assert out.count(password) == 1 and f"removed the set-up login {target.dbname}_admin" in out
    session = auth.sign_in(ServerWorkspace(target.with_login("", ""), clock), "chief", password)
    assert session.must_change_password
    auth.sign_out(session)
    shutil.rmtree(folder)


def test_a_server_role_with_a_users_login_name_is_not_taken_over(tmp_path, target, clock):
    """A role on the server named like a user's login (here IT's own ``<db>_it``) is not
    reset and reused for the folder's user 'it': the migration is refused, nothing copied."""
    folder = tmp_path / "small"
    ws = Workspace(data_paths(folder), clock).acquire()
    auth.initialise(ws, "chief", ADMIN_PASSWORD)
    ws.close_stores()
    chief = auth.sign_in(ws, "chief", ADMIN_PASSWORD)
    users.add_user(chief, "it", ["business_unit"], password=WORKER_PASSWORD)
    auth.sign_out(chief)
    with psycopg.connect(
        **{**target.connect_params(), "dbname": target.dbname}, autocommit=True
    ) as su:
        su.execute(f"CREATE ROLE \"{target.dbname}_it\" LOGIN PASSWORD 'It-Owner-Pass-4'")
    try:
        with pytest.raises(mts.MigrationRefused, match="not one of its HSCB Desktop users"):
            mts.migrate(ws, "chief", ADMIN_PASSWORD, target, clock)
    finally:
        ws.close()
    assert _counts(target, ["core.user", "core.audit_entry"])["core.user"] == 1
    with psycopg.connect(
        host=target.host,
        port=target.port,
        dbname="postgres",
        user=f"{target.dbname}_it",
        password="It-Owner-Pass-4",
    ):
        pass  # its password is unchanged
