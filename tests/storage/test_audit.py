"""The audit trail: complete entries (AUD-1), append-only (AUD-2), hash chain (AUD-3) and
lawful redaction (AUD-4), checked on real SQLCipher files."""
from __future__ import annotations

import json
import secrets

import pytest
import sqlcipher3
from peewee import IntegrityError, OperationalError

from hscb_desktop import cli
from hscb_desktop.security import auth, maintenance, users
from hscb_desktop.storage import audit, stores


def _entries(store: str = "core", **where) -> list:
    AuditEntry, _, _ = audit.models(store)
    query = AuditEntry.select().order_by(AuditEntry.seq)
    for field, value in where.items():
        query = query.where(getattr(AuditEntry, field) == value)
    return list(query)


def _raw(path, key: bytes) -> sqlcipher3.Connection:
    """A second, raw connection to a live store, as someone holding the key could open."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _drop_triggers(conn) -> None:
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name LIKE 'audit_%'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")


# -- AUD-1 ----------------------------------------------------------------------


def test_aud1_login_is_audited_with_user_roles_and_clock_time(admin_session, clock):
    """AUD-1: a sign-in writes one 'login' entry attributed to the user and roles, at the
    injectable clock's UTC time."""
    logins = _entries(action="login")
    assert len(logins) == 1
    entry = logins[0]
    assert (entry.user, entry.roles, entry.record_table) == ("admin", "administrator", "user")
    assert entry.record_id == str(admin_session.user_id)
    assert entry.ts == clock.now().isoformat(timespec="microseconds")


@pytest.mark.sqlcipher_only  # the keyring; team-mode lockout is the server's
def test_aud1_failed_login_waits_in_the_keyring_and_reaches_the_chain_at_next_sign_in(
        workspace, admin_password, clock):
    """AUD-1/AUTH-3: a failed sign-in cannot reach the encrypted chain, so it is kept in the
    keyring file (no secret in it) and appended at the next successful sign-in."""
    with pytest.raises(auth.LoginFailed):
        auth.sign_in(workspace, "admin", "Wrong-Passphrase-000")
    failed_at = clock.now()
    on_disk = json.loads(workspace.paths.keyring.read_text())
    assert [(e["user"], e["action"]) for e in on_disk["pending_events"]] == [("admin", "login_failed")]
    assert "Wrong-Passphrase-000" not in workspace.paths.keyring.read_text()

    clock.advance(minutes=2)
    session = auth.sign_in(workspace, "admin", admin_password)
    failed = _entries(action="login_failed")
    assert len(failed) == 1 and failed[0].user == "admin"
    assert audit.values_of("core", failed[0].seq) == (None, {"at": failed_at.isoformat(timespec="seconds")})
    assert _entries()[-1].action == "login" and _entries()[-1].seq == failed[0].seq + 1
    assert json.loads(workspace.paths.keyring.read_text())["pending_events"] == []
    auth.sign_out(session)


def test_aud1_lock_unlock_and_failed_unlock_are_audited(admin_session, admin_password):
    """AUD-1: lock (with its reason), a wrong password at the unlock view, and unlock."""
    auth.lock(admin_session, reason="idle")
    with pytest.raises(auth.LoginFailed):
        auth.unlock(admin_session, "Wrong-Passphrase-000")
    auth.unlock(admin_session, admin_password)
    tail = _entries()[-3:]
    assert [(e.action, e.user) for e in tail] == [("lock", "admin"), ("unlock_failed", "admin"),
                                                  ("unlock", "admin")]
    assert tail[0].reason == "idle"
    assert not admin_session.locked


@pytest.mark.sqlcipher_only  # a gained store key means a reset; tests/server covers team mode
def test_aud1_user_created_and_role_change_record_old_and_new_values(admin_session):
    """AUD-1: user administration records what changed, old and new."""
    users.add_user(admin_session, "pf1", ["fostering_worker"], display_name="P. Worker")
    users.set_roles(admin_session, "pf1", ["fostering_worker", "lado_officer"])
    created = _entries(action="user_created")[-1]
    assert created.user == "admin" and created.roles == "administrator"
    assert audit.values_of("core", created.seq) == (
        None, {"username": "pf1", "roles": ["fostering_worker"], "display_name": "P. Worker"})
    changed = _entries(action="roles_changed")[-1]
    assert audit.values_of("core", changed.seq) == (
        {"roles": ["fostering_worker"]}, {"roles": ["fostering_worker", "lado_officer"]})
    assert changed.record_id == created.record_id
    assert _entries(action="password_reset")  # a new store key needed a fresh wrap (AUTH-5)
    assert audit.verify("core").ok


# -- AUD-2 ----------------------------------------------------------------------


@pytest.mark.sqlcipher_only  # SQLite triggers; tests/server/test_server_audit.py covers the server's
@pytest.mark.parametrize("sql", [
    "UPDATE audit_entry SET user = 'mallory' WHERE seq = 1",
    "DELETE FROM audit_entry WHERE seq = 1",
    "DELETE FROM audit_entry",
    "UPDATE audit_value SET new = '{}' WHERE seq = 1",
    "DELETE FROM audit_value WHERE seq = 1",
    "UPDATE audit_redacted SET redaction_seq = 0",
])
def test_aud2_raw_update_and_delete_on_the_audit_tables_fail(admin_session, sql):
    """AUD-2: triggers refuse edits through the app's own connection."""
    db = stores.proxy("core").obj
    before = [(e.seq, e.user, e.entry_hash) for e in _entries()]
    values_before = db.execute_sql("SELECT seq, old, new FROM audit_value ORDER BY seq").fetchall()
    assert values_before and values_before[0][0] == 1  # seq 1 (admin created) has values
    if "audit_redacted" in sql:  # give the trigger a row to protect
        with db.atomic():
            audit.redact("core", admin_session.actor, [1], reason="test", clock=admin_session.clock)
    with pytest.raises((IntegrityError, OperationalError), match="append-only|recorded redaction"):
        db.execute_sql(sql)
    assert [(e.seq, e.user, e.entry_hash) for e in _entries()][:len(before)] == before
    if "audit_redacted" not in sql:
        assert db.execute_sql("SELECT seq, old, new FROM audit_value ORDER BY seq").fetchall() == values_before


@pytest.mark.sqlcipher_only  # SQLite triggers; tests/server/test_server_audit.py covers the server's
def test_aud2_model_level_update_is_refused_too(admin_session):
    """AUD-2: the ORM gets no way round the triggers."""
    AuditEntry, _, _ = audit.models("core")
    action = AuditEntry.get_by_id(1).action
    with pytest.raises(IntegrityError, match="append-only"):
        AuditEntry.update(action="nothing").where(AuditEntry.seq == 1).execute()
    assert AuditEntry.get_by_id(1).action == action != "nothing"


# -- AUD-3 ----------------------------------------------------------------------


@pytest.fixture
def chain(admin_session):
    """The core chain with a dozen entries of several kinds."""
    for i in range(10):
        with stores.proxy("core").atomic():
            audit.append("core", admin_session.actor, "update", clock=admin_session.clock,
                         table="agency", record_id=i, old={"name": f"A{i}"}, new={"name": f"B{i}"},
                         reason=f"fix {i}")
    assert audit.verify("core").ok
    return admin_session


@pytest.mark.sqlcipher_only  # tampers through a raw SQLCipher connection; tests/server does it on the server
@pytest.mark.parametrize("field", ["ts", "user", "roles", "action", "record_table", "record_id",
                                   "reason", "old_hash", "new_hash", "prev_hash", "entry_hash"])
def test_aud3_one_changed_byte_in_a_historical_entry_is_found(chain, workspace, field):
    """AUD-3: with the triggers dropped through a raw connection to the same open store, one
    byte of one field of entry 5 is changed; verify() names entry 5 as the first bad one."""
    conn = _raw(workspace.paths.store_file("core"), workspace.keys["core"])
    _drop_triggers(conn)
    (value,) = conn.execute(f"SELECT {field} FROM audit_entry WHERE seq = 5").fetchone()
    flipped = value[:-1] + ("0" if value[-1:] != "0" else "1") if value else "x"
    conn.execute(f"UPDATE audit_entry SET {field} = ? WHERE seq = 5", (flipped,))
    conn.close()

    report = audit.verify("core")
    assert report.ok is False
    assert report.first_bad_seq == 5
    assert "BROKEN at entry 5" in report.describe()


@pytest.mark.sqlcipher_only  # tampers through a raw SQLCipher connection; tests/server does it on the server
def test_aud3_a_changed_stored_value_is_found(chain, workspace):
    """AUD-3: the values table is covered too (through the value hashes in the chain)."""
    conn = _raw(workspace.paths.store_file("core"), workspace.keys["core"])
    _drop_triggers(conn)
    conn.execute("""UPDATE audit_value SET new = '{"name":"B7"}' WHERE seq = 6""")
    conn.close()
    report = audit.verify("core")
    assert (report.ok, report.first_bad_seq) == (False, 6)
    assert "values do not match" in report.message


@pytest.mark.sqlcipher_only  # tampers through a raw SQLCipher connection; tests/server does it on the server
def test_aud3_a_deleted_middle_entry_is_named(chain, workspace):
    """AUD-3: removing entry 4 breaks the sequence at entry 4."""
    conn = _raw(workspace.paths.store_file("core"), workspace.keys["core"])
    _drop_triggers(conn)
    conn.execute("DELETE FROM audit_entry WHERE seq = 4")
    conn.close()
    report = audit.verify("core")
    assert (report.ok, report.first_bad_seq) == (False, 4)
    assert "entry 4 is missing" in report.message


@pytest.mark.sqlcipher_only  # tampers through a raw SQLCipher connection; tests/server does it on the server
def test_aud3_truncated_tail_is_found_against_the_head_in_the_backup_manifest(chain, workspace):
    """AUD-3: deleting the newest entries leaves a chain that is consistent in itself; the
    head copied into the backup manifest (outside the live file) exposes the truncation."""
    folder = workspace.backup_all()
    manifest = json.loads((folder / "manifest.json").read_text())["stores"]["core"]
    anchor = (manifest["audit_entries"], manifest["audit_head"])
    assert anchor == audit.head("core")
    assert audit.verify("core", anchor=anchor).ok

    conn = _raw(workspace.paths.store_file("core"), workspace.keys["core"])
    _drop_triggers(conn)
    last = anchor[0]
    conn.execute("DELETE FROM audit_value WHERE seq >= ?", (last - 1,))
    conn.execute("DELETE FROM audit_entry WHERE seq >= ?", (last - 1,))
    conn.close()

    assert audit.verify("core").ok  # the shortened chain alone still looks fine...
    assert audit.head("core")[0] == last - 2
    report = audit.verify("core", anchor=anchor)  # ...but not against the recorded head
    assert report.ok is False
    assert report.first_bad_seq == last - 1
    assert "missing" in report.message


@pytest.mark.sqlcipher_only  # tampers through a raw SQLCipher connection; tests/server does it on the server
def test_aud3_rewritten_tail_is_found_against_the_recorded_head(chain, workspace):
    """AUD-3: truncating and appending fresh entries (same count, new hashes) is detected."""
    anchor = audit.head("core")
    conn = _raw(workspace.paths.store_file("core"), workspace.keys["core"])
    _drop_triggers(conn)
    conn.execute("DELETE FROM audit_value WHERE seq = ?", (anchor[0],))
    conn.execute("DELETE FROM audit_entry WHERE seq = ?", (anchor[0],))
    conn.close()
    with stores.proxy("core").atomic():
        audit.append("core", chain.actor, "update", clock=chain.clock, table="agency", record_id=99)
    assert audit.head("core")[0] == anchor[0]
    report = audit.verify("core", anchor=anchor)
    assert (report.ok, report.first_bad_seq) == (False, anchor[0])


@pytest.mark.sqlcipher_only  # tampers through a raw SQLCipher connection; tests/server does it on the server
def test_aud3_cli_verify_audit_reports_the_first_broken_link_and_exits_1(
        chain, workspace, admin_password, monkeypatch, capsys):
    """AUD-3: ``hscb-desktop verify-audit`` says OK on a sound chain, then names the first
    broken entry and exits 1 after tampering."""
    core_key = workspace.keys["core"]
    auth.sign_out(chain)
    workspace.close()  # release the single-instance lock for the command
    monkeypatch.setenv(cli.ENV_PASSWORD, admin_password)
    argv = ["--data-dir", str(workspace.paths.root), "verify-audit"]

    assert cli.main(argv) == 0
    assert "core: OK" in capsys.readouterr().out

    conn = _raw(workspace.paths.store_file("core"), core_key)
    _drop_triggers(conn)
    conn.execute("UPDATE audit_entry SET reason = 'fix 3!' WHERE seq = 5")
    conn.close()
    assert cli.main(argv) == 1
    out = capsys.readouterr().out
    assert "core: BROKEN at entry 5" in out
    assert "lado: OK" in out


# -- AUD-4 ----------------------------------------------------------------------


@pytest.mark.sqlcipher_only  # reads the decrypted files; tests/server covers the server's redaction
def test_aud4_redaction_removes_the_text_everywhere_and_the_chain_still_verifies(
        admin_session, workspace, forensics):
    """AUD-4: values of entries about a malicious allegation are redacted with a reason; the
    chain verifies, a redaction entry says who, why and which, and after a checkpoint the text
    is in no page of the decrypted store (live or free), nor in the WAL, nor in an export."""
    marker = f"ALLEGATION-TEXT-{secrets.token_hex(6)}"
    db, key, path = stores.proxy("lado").obj, workspace.keys["lado"], workspace.paths.store_file("lado")
    actor, clock = admin_session.actor, admin_session.clock
    with db.atomic():
        first = audit.append("lado", actor, "create", clock=clock, table="allegation", record_id=7,
                             new={"detail": f"{marker} (first account)", "category": "physical"})
        second = audit.append("lado", actor, "update", clock=clock, table="allegation", record_id=7,
                              old={"detail": f"{marker} (first account)"}, new={"detail": f"{marker} v2"})
        keep = audit.append("lado", actor, "update", clock=clock, table="allegation", record_id=8,
                            old={"outcome": None}, new={"outcome": "unfounded"})
    stores.checkpoint(db)
    assert marker.encode() in forensics.decrypt_db_file(path, key)  # the search below can find it

    with db.atomic():
        redaction = audit.redact("lado", actor, [first, second], reason="allegation found malicious",
                                 clock=clock)
    stores.checkpoint(db)

    report = audit.verify("lado")
    assert report.ok and report.redacted == 2
    entry = audit.models("lado")[0].get_by_id(redaction)
    assert (entry.action, entry.user, entry.reason) == ("redact", "admin", "allegation found malicious")
    assert audit.values_of("lado", redaction) == (None, {"entries": [first, second]})
    assert audit.values_of("lado", first) == (None, None)
    assert audit.values_of("lado", second) == (None, None)
    assert audit.values_of("lado", keep) == ({"outcome": None}, {"outcome": "unfounded"})

    needle = marker.encode()
    plain = forensics.decrypt_db_file(path, key)
    assert b"CREATE TABLE" in plain and needle not in plain
    assert needle not in forensics.decrypt_wal_file(path.with_name(path.name + "-wal"), key)
    assert needle not in path.with_name(path.name + "-wal").read_bytes()

    # An export made afterwards (sqlcipher_export into a plaintext copy) holds no trace either.
    export = workspace.paths.root / "plain-export.db"
    db.execute_sql("ATTACH DATABASE ? AS plaintext KEY ''", (str(export),))
    db.execute_sql("SELECT sqlcipher_export('plaintext')")
    db.execute_sql("DETACH DATABASE plaintext")
    data = export.read_bytes()
    assert data.startswith(b"SQLite format 3\x00") and b"audit_entry" in data
    assert needle not in data
    later = workspace.backup_all()
    assert needle not in forensics.decrypt_db_file(later / "lado.db", key)


def test_aud4_redaction_needs_a_reason(admin_session):
    """AUD-4: who, when, why: an empty reason is refused and nothing is removed."""
    with pytest.raises(ValueError, match="reason"):
        with stores.proxy("core").atomic():
            audit.redact("core", admin_session.actor, [1], reason="  ", clock=admin_session.clock)
    assert audit.values_of("core", 1) != (None, None)


@pytest.mark.sqlcipher_only  # reads the decrypted files; tests/server covers the server's redaction
def test_aud4_values_cannot_be_deleted_without_a_recorded_redaction(admin_session):
    """AUD-2/AUD-4: the values table's delete trigger only lets a recorded redaction through."""
    _, AuditValue, _ = audit.models("core")
    before = audit.values_of("core", 1)
    assert before != (None, None)
    with pytest.raises(IntegrityError, match="recorded redaction"):
        AuditValue.delete().where(AuditValue.seq == 1).execute()
    assert audit.values_of("core", 1) == before


def test_aud1_verify_audit_is_itself_audited(admin_session):
    """AUD-1: verification leaves an entry with each store's count and head."""
    reports = maintenance.verify_audit(admin_session)
    entry = _entries(action="audit_verified")[-1]
    _, new = audit.values_of("core", entry.seq)
    assert set(new) == {r.store for r in reports} == set(stores.STORE_NAMES)
    assert all(v["ok"] for v in new.values())
