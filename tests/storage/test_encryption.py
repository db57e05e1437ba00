"""Encryption at rest (ENC-1), the key model (ENC-2) and domain separation (ENC-3)."""
from __future__ import annotations

import base64
import logging
import secrets
import sqlite3

import pytest

from hscb_desktop.security import auth, maintenance, users
from hscb_desktop.storage import audit, keys, stores
from hscb_desktop.storage.core_models import KeyGrant, User

pytestmark = pytest.mark.sqlcipher_only  # the embedded store's own files, keys and pragmas


def _sign_in(workspace, username, password):
    return auth.sign_in(workspace, username, password)


# -- ENC-1 ----------------------------------------------------------------------


def test_enc1_marker_written_through_storage_never_reaches_disk_in_plaintext(
        workspace, admin_session, forensics, tmp_path):
    """ENC-1: a marker saved in the core store (a display name) and the LADO store (an audit
    value) is in none of the .db, -wal, backup or temporary files, in UTF-8 or UTF-16."""
    marker = f"ENC1-MARKER-{secrets.token_hex(8)}"
    users.add_user(admin_session, "worker1", ["lado_officer"], display_name=marker)
    with stores.proxy("lado").atomic():
        audit.append("lado", admin_session.actor, "update", clock=admin_session.clock,
                     table="allegation", record_id=1, old=None, new={"detail": marker})
    backup_folder = maintenance.backup_now(admin_session)
    held = dict(workspace.keys)

    # Positive control before closing: the marker is really in the (decrypted) stores,
    # so the byte search below is looking for something that exists.
    for name in ("core", "lado"):
        stores.checkpoint(stores.proxy(name).obj)
        assert marker.encode() in forensics.decrypt_db_file(workspace.paths.store_file(name), held[name])
    auth.sign_out(admin_session)
    workspace.close()

    root = workspace.paths.root
    written = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert "stores/core.db" in written and "stores/lado.db" in written
    assert any(p.endswith("/lado.db") and p.startswith("backups/") for p in written)
    assert forensics.files_containing(tmp_path, forensics.encodings(marker)) == []
    assert backup_folder.is_dir()


def test_enc1_stdlib_sqlite_cannot_read_any_store_or_backup(admin_session, workspace):
    """ENC-1: every live store and every backup is opaque to plain SQLite ('file is not a database')."""
    folder = maintenance.backup_now(admin_session)
    auth.sign_out(admin_session)
    files = [workspace.paths.store_file(n) for n in stores.STORE_NAMES] + sorted(folder.glob("*.db"))
    assert len(files) == 2 * len(stores.STORE_NAMES)
    for path in files:
        conn = sqlite3.connect(path)
        try:
            with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()


def test_enc1_cipher_version_proves_sqlcipher_is_loaded(admin_session):
    """ENC-1/ENC-5: the driver really is SQLCipher on every store, not plain SQLite."""
    for name in stores.STORE_NAMES:
        version = stores.cipher_version(stores.proxy(name).obj)
        assert version and version[0].isdigit(), (name, version)


# -- ENC-2 ----------------------------------------------------------------------


def test_enc2_password_change_rewraps_keys_and_does_not_rekey_stores(workspace, make_user):
    """ENC-2: after a password change the old password cannot unwrap, the new one can, and the
    stores keep their keys and files (no re-key): the LADO file is byte-identical and the core
    file keeps its salt (first 16 bytes)."""
    old_pw = make_user("officer", ["lado_officer"])
    new_pw = "Another-Long-Phrase-42"
    core_file, lado_file = workspace.paths.store_file("core"), workspace.paths.store_file("lado")
    core_salt, lado_bytes = core_file.read_bytes()[:16], lado_file.read_bytes()

    session = _sign_in(workspace, "officer", old_pw)
    keys_before = dict(workspace.keys)
    old_entry = workspace.keyring.users["officer"]
    users.change_own_password(session, old_pw, new_pw)
    grants = {g.store: g.wrapped for g in KeyGrant.select().join(User).where(User.username == "officer")}
    auth.sign_out(session)

    with pytest.raises(auth.LoginFailed, match="not correct"):
        _sign_in(workspace, "officer", old_pw)
    # The old password's key-encryption key opens none of the new wraps.
    new_entry = workspace.keyring.users["officer"]
    assert new_entry.kdf != old_entry.kdf  # fresh salt
    old_kek = keys.derive_kek(old_pw, keys.KdfParams.from_phc(new_entry.kdf))
    with pytest.raises(keys.WrongPassword):
        keys.unwrap(old_kek, new_entry.core, owner="officer", store="core")
    with pytest.raises(keys.WrongPassword):
        keys.unwrap(old_kek, grants["lado"], owner="officer", store="lado")

    session = _sign_in(workspace, "officer", new_pw)
    assert workspace.keys == keys_before  # the same store keys: nothing was re-keyed
    auth.sign_out(session)
    workspace.close()  # last connection closed: WAL checkpointed and removed

    assert core_file.read_bytes()[:16] == core_salt
    assert lado_file.read_bytes() == lado_bytes


def test_enc2_no_password_or_key_on_disk_or_in_logs(workspace, make_user, admin_password, caplog,
                                                    forensics, tmp_path):
    """ENC-2 / AUTH-1: neither the passwords nor any store key (raw, hex or base64) is in the
    keyring, settings, logs, backups, any other file, the decrypted core store or the log records."""
    caplog.set_level(logging.DEBUG)
    old_pw = make_user("officer", ["lado_officer"])
    new_pw = "Another-Long-Phrase-42"
    session = _sign_in(workspace, "officer", old_pw)
    users.change_own_password(session, old_pw, new_pw)
    auth.sign_out(session)
    with pytest.raises(auth.LoginFailed):
        _sign_in(workspace, "officer", old_pw)  # a failed attempt is logged in the keyring
    admin_pw = admin_password
    admin = _sign_in(workspace, "admin", admin_pw)
    maintenance.put_setting(admin, "idle_lock_minutes", 4)
    maintenance.backup_now(admin)
    store_keys = dict(workspace.keys)
    auth.sign_out(admin)
    workspace.close()

    needles: list[bytes] = []
    for pw in (old_pw, new_pw, admin_pw):
        needles += forensics.encodings(pw)
    for key in store_keys.values():
        needles += [key, key.hex().encode(), key.hex().upper().encode(), base64.b64encode(key)]
    assert forensics.files_containing(tmp_path, needles) == []
    plain_core = forensics.decrypt_db_file(workspace.paths.store_file("core"), store_keys["core"])
    assert b"CREATE TABLE" in plain_core  # the decryption worked
    assert [n for n in needles if n in plain_core] == []
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for secret in (old_pw, new_pw, admin_pw, *(k.hex() for k in store_keys.values())):
        assert secret not in logged


# -- ENC-3 ----------------------------------------------------------------------


def test_enc3_lado_officer_holds_no_key_that_opens_the_cdop_store(workspace, make_user):
    """ENC-3: signed in as a LADO officer, every key the session holds fails on the CDOP file."""
    password = make_user("lado1", ["lado_officer"])
    cdop_file = workspace.paths.store_file("cdop")
    before = cdop_file.read_bytes()
    session = _sign_in(workspace, "lado1", password)

    held = dict(workspace.keys)
    assert set(held) == {"core", "lado"}
    assert "cdop" not in held and not stores.is_open("cdop")
    assert {g.store for g in User.get(User.username == "lado1").grants} == {"lado"}
    for name, key in held.items():
        with pytest.raises(stores.WrongStoreKey, match="could not be opened with this key"):
            stores.open_store("cdop", cdop_file, key)
    auth.sign_out(session)
    assert cdop_file.read_bytes() == before


def test_enc3_signing_in_drops_the_previous_users_keys(workspace, admin_session):
    """ENC-3 / GOV-1: a LADO officer signing in on a workspace where the administrator was
    signed in (all keys) ends up holding only core + LADO, with the other stores closed."""
    users.add_user(admin_session, "lado2", ["lado_officer"], password="Officer-Pass-Phrase-7")
    assert set(workspace.keys) == set(stores.STORE_NAMES)
    session = _sign_in(workspace, "lado2", "Officer-Pass-Phrase-7")
    assert set(workspace.keys) == {"core", "lado"}
    assert [n for n in stores.STORE_NAMES if stores.is_open(n)] == ["core", "lado"]
    auth.sign_out(session)


def test_wrong_password_is_refused_with_a_clear_message(workspace):
    """ENC-2/AUTH-3: a wrong password unwraps nothing and says so plainly."""
    with pytest.raises(auth.LoginFailed) as caught:
        _sign_in(workspace, "admin", "Not-The-Right-Passphrase")
    assert str(caught.value) == "The user name or password is not correct."
    assert workspace.keys == {} and not any(stores.is_open(n) for n in stores.STORE_NAMES)


def test_wrong_raw_key_on_a_store_raises_wrong_store_key(workspace):
    """ENC-2: a random 256-bit key is not the store's key; the message names the store."""
    with pytest.raises(stores.WrongStoreKey) as caught:
        stores.open_store("lado", workspace.paths.store_file("lado"), keys.new_key())
    assert str(caught.value).startswith("The LADO store could not be opened with this key")


def test_enc5_a_wrong_key_prints_nothing_on_stderr(workspace, capfd):
    """ENC-5: cipher_log_level is NONE before the first page is read, so a failed key leaves no
    SQLCipher noise on the process's stderr (file descriptor 2)."""
    capfd.readouterr()
    for _ in range(2):
        with pytest.raises(stores.WrongStoreKey):
            stores.open_store("cdop", workspace.paths.store_file("cdop"), keys.new_key())
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""
