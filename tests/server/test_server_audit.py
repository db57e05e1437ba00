"""The audit chain on the server (issue 11; AUD-2, AUD-3, AUD-4 in team mode).

The server refuses UPDATE, DELETE and TRUNCATE on the audit tables twice over: no login
holds those privileges, and triggers refuse them even to the tables' owner. Tampering is
then done as the superuser with the triggers disabled, and ``verify`` must name the entry.
Concurrent writers on their own connections keep one linear chain.
"""
from __future__ import annotations

import threading

import pytest
from peewee import IntegrityError, ProgrammingError
from psycopg import errors

from hscb_desktop import cli
from hscb_desktop.security import auth
from hscb_desktop.storage import audit, stores

pytestmark = pytest.mark.postgres_only


@pytest.fixture
def chain(admin_session):
    for i in range(10):
        with stores.proxy("core").atomic():
            audit.append("core", admin_session.actor, "update", clock=admin_session.clock,
                         table="agency", record_id=i, old={"name": f"A{i}"}, new={"name": f"B{i}"},
                         reason=f"fix {i}")
    assert audit.verify("core").ok
    return admin_session


@pytest.mark.parametrize("sql", [
    'UPDATE audit_entry SET "user" = \'mallory\' WHERE seq = 1',
    "DELETE FROM audit_entry WHERE seq = 1",
    "TRUNCATE audit_entry",
    "UPDATE audit_value SET new = '{}' WHERE seq = 1",
    "DELETE FROM audit_value WHERE seq = 1",
    "DELETE FROM audit_redacted",
])
def test_aud2_no_login_may_change_the_audit_tables(admin_session, sql):
    """AUD-2 (team mode): through the app's own connection the server refuses the statement
    (no UPDATE, DELETE or TRUNCATE privilege for any application login)."""
    before = audit.head("core")
    with pytest.raises(ProgrammingError, match="permission denied"):
        with stores.proxy("core").atomic():
            stores.proxy("core").execute_sql(sql)
    assert audit.head("core") == before and audit.verify("core").ok


@pytest.mark.parametrize("sql,message", [
    ('UPDATE core.audit_entry SET "user" = \'mallory\' WHERE seq = 1', "append-only"),
    ("DELETE FROM core.audit_entry WHERE seq = 1", "append-only"),
    ("TRUNCATE core.audit_entry CASCADE", "append-only"),
    ("UPDATE core.audit_value SET new = '{}' WHERE seq = 1", "append-only"),
    ("DELETE FROM core.audit_value WHERE seq = 1", "recorded redaction"),
    ("DELETE FROM core.audit_redacted", "append-only"),
])
def test_aud2_triggers_refuse_even_the_owner_and_the_superuser(admin_session, superuser, sql, message):
    """AUD-2 (team mode): the triggers hold against the tables' owner (which could grant
    itself privileges back) and a superuser who does not first drop them."""
    if "audit_redacted" in sql:  # give the trigger a row to protect
        with stores.proxy("core").atomic():
            audit.redact("core", admin_session.actor, [1], reason="test", clock=admin_session.clock)
    before = audit.head("core")
    with pytest.raises(errors.IntegrityConstraintViolation, match=message):
        superuser.execute(sql)
    superuser.execute(f'SET ROLE "{admin_session.workspace.address.owner_role}"')
    with pytest.raises((errors.IntegrityConstraintViolation, errors.InsufficientPrivilege)):
        superuser.execute(sql)
    assert audit.head("core") == before


@pytest.mark.parametrize("field", ["ts", "user", "action", "record_id", "reason", "new_hash", "entry_hash"])
def test_aud3_one_changed_byte_is_found_by_verify(chain, superuser, field):
    """AUD-3 (team mode): with the triggers disabled by a superuser, one byte of entry 5 is
    changed; verify names entry 5."""
    superuser.execute("ALTER TABLE core.audit_entry DISABLE TRIGGER USER")
    (value,) = superuser.execute(f'SELECT "{field}" FROM core.audit_entry WHERE seq = 5').fetchone()
    flipped = value[:-1] + ("0" if value[-1:] != "0" else "1") if value else "x"
    superuser.execute(f'UPDATE core.audit_entry SET "{field}" = %s WHERE seq = 5', (flipped,))
    report = audit.verify("core")
    assert (report.ok, report.first_bad_seq) == (False, 5)


def test_aud3_a_deleted_entry_and_a_changed_value_are_named(chain, superuser):
    superuser.execute("ALTER TABLE core.audit_value DISABLE TRIGGER USER")
    superuser.execute("""UPDATE core.audit_value SET new = '{"name":"B7"}' WHERE seq = 6""")
    report = audit.verify("core")
    assert (report.ok, report.first_bad_seq) == (False, 6) and "values do not match" in report.message
    superuser.execute("ALTER TABLE core.audit_entry DISABLE TRIGGER USER")
    superuser.execute("DELETE FROM core.audit_entry WHERE seq = 4")
    assert audit.verify("core").first_bad_seq == 4


def test_aud3_cli_verify_audit_works_the_same_against_the_server(
        chain, workspace, superuser, admin_password, monkeypatch, capsys):
    """AUD-3: ``hscb-desktop-cli --database URL verify-audit`` prints OK per store, then the
    first broken entry and exit 1 after tampering on the server."""
    auth.sign_out(chain)
    monkeypatch.setenv(cli.ENV_PASSWORD, admin_password)
    argv = ["--database", workspace.address.safe(), "verify-audit"]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    assert "core: OK" in out and "lado: OK" in out
    superuser.execute("ALTER TABLE core.audit_entry DISABLE TRIGGER USER")
    superuser.execute("UPDATE core.audit_entry SET reason = 'fix 3!' WHERE seq = 5")
    assert cli.main(argv) == 1
    assert "core: BROKEN at entry 5" in capsys.readouterr().out


def test_aud4_redaction_on_the_server_removes_values_through_the_owners_function(chain, superuser):
    """AUD-4 (team mode): a redaction deletes the named values (through the owner's SECURITY
    DEFINER function, since no login may DELETE) and the chain still verifies."""
    with stores.proxy("core").atomic():
        audit.redact("core", chain.actor, [3, 4], reason="malicious allegation", clock=chain.clock)
    assert superuser.execute("SELECT count(*) FROM core.audit_value WHERE seq IN (3, 4)").fetchone() == (0,)
    report = audit.verify("core")
    assert report.ok and report.redacted == 2
    # The function deletes nothing a redaction does not name.
    stores.proxy("core").execute_sql("SELECT audit_remove_redacted(ARRAY[5, 6])")
    assert superuser.execute("SELECT count(*) FROM core.audit_value WHERE seq IN (5, 6)").fetchone() == (2,)


def test_aud3_concurrent_writers_keep_one_linear_chain(chain, workspace):
    """AUD-3 (team mode): four threads, each on its own server connection, append at once;
    the appends are serialised (advisory lock) so every one lands, numbered without gaps."""
    start = audit.head("core")[0]
    errors_seen: list[BaseException] = []
    barrier = threading.Barrier(4)

    def writer(n: int) -> None:
        try:
            barrier.wait()
            for i in range(15):
                with stores.proxy("core").atomic():
                    audit.append("core", chain.actor, "update", clock=chain.clock, table="agency",
                                 record_id=f"{n}-{i}", new={"i": i})
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors_seen.append(exc)
        finally:
            stores.close_thread_connections()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors_seen == []
    report = audit.verify("core")
    assert report.ok and report.count == start + 60


def test_aud3_without_the_lock_concurrent_appends_would_collide(chain, monkeypatch):
    """The lock is what keeps the chain linear: without it two writers read the same head
    and the second insert of the same sequence number fails. Both writers are held after
    reading the head (at the entry's hash) until both have read it, so the collision does
    not depend on timing."""
    from hscb_desktop.storage import server_audit

    monkeypatch.setattr(server_audit, "serialise_appends", lambda store: None)
    failures: list[BaseException] = []
    both_read_the_head = threading.Barrier(2)
    chain_hash = audit._chain_hash

    def hash_after_both_read(prev_hash, payload):
        both_read_the_head.wait(10)
        return chain_hash(prev_hash, payload)

    monkeypatch.setattr(audit, "_chain_hash", hash_after_both_read)

    def writer(n: int) -> None:
        try:
            with stores.proxy("core").atomic():
                audit.append("core", chain.actor, "update", clock=chain.clock, record_id=str(n))
        except IntegrityError as exc:
            failures.append(exc)
        finally:
            stores.close_thread_connections()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    monkeypatch.setattr(audit, "_chain_hash", chain_hash)
    assert len(failures) == 1, "unserialised appends did not collide"
    assert audit.verify("core").ok  # the loser rolled back: nothing half-written
