"""Authentication: Argon2id (AUTH-1), no default credentials (AUTH-2), lockout that survives a
restart (AUTH-3), session limits (AUTH-4), password change and reset (AUTH-5)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from argon2 import PasswordHasher

import hscb_desktop
from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.paths import data_paths
from hscb_desktop.security import auth, maintenance, passwords, users
from hscb_desktop.storage import audit, keys, stores
from hscb_desktop.storage.core_models import KeyGrant, User
from hscb_desktop.storage.keyring import Keyring
from hscb_desktop.storage.workspace import NotInitialised, Workspace

SOURCE = Path(hscb_desktop.__file__).parent
NEW_PASSWORD = "Brand-New-Phrase-2024x"


def _params(phc: str) -> dict[str, int]:
    fields = phc.split("$")[3]
    return {k: int(v) for k, v in (item.split("=") for item in fields.split(","))}


def _salt(phc: str) -> str:
    return phc.split("$")[4]


# -- AUTH-1 ---------------------------------------------------------------------


@pytest.mark.sqlcipher_only  # Argon2id verifier and keyring KDF; on a server the server holds the password
@pytest.mark.real_kdf
def test_auth1_production_hashes_and_kdf_are_argon2id_above_the_floor(workspace, admin_password):
    """AUTH-1: at the production parameters the stored verifier and the keyring's key-derivation
    parameters are Argon2id with m >= 19456 KiB and t >= 2, and they use different salts."""
    session = auth.sign_in(workspace, "admin", admin_password)
    stored = User.get(User.username == "admin").password_hash
    assert stored.startswith("$argon2id$v=19$")
    assert _params(stored)["m"] >= 19456 and _params(stored)["t"] >= 2
    assert not passwords.needs_rehash(stored)

    kdf = Keyring.load(workspace.paths.keyring).users["admin"].kdf
    assert kdf.startswith("$argon2id$v=19$")
    assert _params(kdf)["m"] >= 19456 and _params(kdf)["t"] >= 2
    assert _salt(kdf) != _salt(stored)  # the KEK is derived with a separate salt
    auth.sign_out(session)


@pytest.mark.sqlcipher_only  # Argon2id verifier and keyring KDF; on a server the server holds the password
@pytest.mark.real_kdf
def test_auth1_production_defaults_are_not_lowered():
    """AUTH-1: the defaults the app ships (not the test fixture's) meet the floor."""
    assert keys.DEFAULT_COST.memory_kib >= 19456 and keys.DEFAULT_COST.time_cost >= 2
    probe = passwords.hash_password("Probe-Passphrase-123")
    assert probe.startswith("$argon2id$") and _params(probe)["m"] >= 19456 and _params(probe)["t"] >= 2


@pytest.mark.sqlcipher_only  # Argon2id verifier and keyring KDF; on a server the server holds the password
def test_auth1_a_weaker_stored_hash_is_upgraded_at_sign_in(workspace, admin_password, monkeypatch):
    """AUTH-1: check_needs_rehash runs at each successful sign-in, so raising the parameters
    upgrades the stored verifier without a password reset."""
    session = auth.sign_in(workspace, "admin", admin_password)
    weak = User.get(User.username == "admin").password_hash
    auth.sign_out(session)
    stronger = PasswordHasher(time_cost=2, memory_cost=64, parallelism=1)
    monkeypatch.setattr(passwords, "hasher", stronger)
    assert passwords.needs_rehash(weak)

    session = auth.sign_in(workspace, "admin", admin_password)
    upgraded = User.get(User.username == "admin").password_hash
    assert upgraded != weak and _params(upgraded)["t"] == 2 and _params(upgraded)["m"] == 64
    assert passwords.verify(upgraded, admin_password)
    auth.sign_out(session)


# -- AUTH-2 ---------------------------------------------------------------------


def test_auth2_a_fresh_data_folder_has_no_users_and_no_way_in(tmp_path, clock):
    """AUTH-2: before set-up there is no keyring and no store, so no account at all."""
    ws = Workspace(data_paths(tmp_path / "fresh"), clock).acquire()
    try:
        assert not ws.initialised
        assert list(ws.paths.stores.iterdir()) == []
        with pytest.raises(NotInitialised, match="No HSCB Desktop data"):
            auth.sign_in(ws, "admin", "Board-Test-Passphrase-1")
        auth.initialise(ws, "custodian", "Board-Test-Passphrase-1")
        session = auth.sign_in(ws, "custodian", "Board-Test-Passphrase-1")
        assert [(u.username, u.roles) for u in User.select()] == [("custodian", "administrator")]
        assert list(Keyring.load(ws.paths.keyring).users) == ["custodian"]
        auth.sign_out(session)
    finally:
        ws.close()


@pytest.mark.parametrize("password, problem", [
    ("Short-Pass1", "at least 12 characters"),
    ("", "at least 12 characters"),
    ("password1234", "commonly used"),
    ("PASSWORD1234", "commonly used"),
    ("correcthorsebatterystaple", "commonly used"),
    ("changeme1234!", "commonly used"),
    ("aaaaaaaaaaaaaaaa", "more different characters"),
    ("My-custodian-Phrase-1", "must not contain the user name"),
])
def test_auth2_init_refuses_weak_passwords_and_writes_nothing(tmp_path, clock, password, problem):
    """AUTH-2: the first administrator's password has at least 12 characters, is not on the
    bundled deny-list and does not contain the user name; a refusal creates nothing."""
    ws = Workspace(data_paths(tmp_path / "fresh"), clock).acquire()
    try:
        with pytest.raises(auth.PasswordRejected) as caught:
            auth.initialise(ws, "custodian", password)
        assert problem in str(caught.value)
        assert not ws.initialised and list(ws.paths.stores.iterdir()) == []
    finally:
        ws.close()


def test_auth2_init_twice_is_refused(workspace):
    """AUTH-2: set-up runs once; it never overwrites an existing keyring or store."""
    with pytest.raises(auth.AlreadyInitialised):
        auth.initialise(workspace, "admin2", "Another-Long-Phrase-42")


PASSWORD_LITERAL = re.compile(r"""(?ix)
    \b(?!env_)\w*(password|passwd|passphrase|secret)\w*   # a name about a secret (not ENV_PASSWORD)
    \s*[=:]\s*[rbuf]*(['"])[^'"]+\2                        # set to a whole string literal
    \s*[,)\]}]*\s*(\#.*)?$""")


def test_auth2_no_hard_coded_password_literals_in_the_source():
    """AUTH-2: no ``password = "..."`` (or passphrase / secret) literal anywhere in the package."""
    offenders = [f"{path.relative_to(SOURCE.parent)}:{n}: {line.strip()}"
                 for path in sorted(SOURCE.rglob("*.py"))
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if PASSWORD_LITERAL.search(line)]
    assert offenders == []


def test_auth2_password_literal_rule_would_catch_one():
    """AUTH-2: the grep rule above sees the usual spellings."""
    for line in ('password = "hunter2hunter2"', "    admin_password='Welcome-2024'",
                 'DEFAULT_PASSPHRASE = "x"', 'kwargs = dict(password="secret")'):
        assert PASSWORD_LITERAL.search(line), line
    for line in ('password = "Self-Test-" + secrets.token_urlsafe(12)', 'ENV_PASSWORD = os.environ["X"]',
                 'password = _password("Prompt: ")'):
        assert not PASSWORD_LITERAL.search(line), line


# -- AUTH-3 ---------------------------------------------------------------------


@pytest.mark.sqlcipher_only  # keyring lockout; in team mode lockout is the server's policy
def test_auth3_five_failures_lock_the_account_across_a_restart_until_the_delay_passes(
        workspace, data_dir, admin_password, clock):
    """AUTH-3: four wrong passwords say 'not correct', the fifth locks the account; even the
    right password is then refused, also by a new Workspace (a restart: the counter is on
    disk); after the delay the right password works and the counter is cleared."""
    for _ in range(4):
        with pytest.raises(auth.LoginFailed) as caught:
            auth.sign_in(workspace, "admin", "Wrong-Passphrase-000")
        assert type(caught.value) is auth.LoginFailed and str(caught.value) == auth.BAD_LOGIN
    with pytest.raises(auth.AccountLocked, match="locked for 1 minute"):
        auth.sign_in(workspace, "admin", "Wrong-Passphrase-000")
    with pytest.raises(auth.AccountLocked):
        auth.sign_in(workspace, "admin", admin_password)
    assert not stores.is_open("core") and workspace.keys == {}

    workspace.close()  # restart
    restarted = Workspace(data_dir, clock).acquire()
    try:
        with pytest.raises(auth.AccountLocked, match="Try again after"):
            auth.sign_in(restarted, "admin", admin_password)
        clock.advance(seconds=59)
        with pytest.raises(auth.AccountLocked):
            auth.sign_in(restarted, "admin", admin_password)
        clock.advance(seconds=2)
        session = auth.sign_in(restarted, "admin", admin_password)
        assert "admin" not in Keyring.load(data_dir.keyring).lockout
        actions = [e.action for e in audit.models("core")[0].select().order_by(audit.models("core")[0].seq)]
        assert actions.count("login_failed") == 4 and actions.count("account_locked") == 1
        assert actions.count("login_refused_locked") == 3
        auth.sign_out(session)
    finally:
        restarted.close()


@pytest.mark.sqlcipher_only  # keyring lockout; in team mode lockout is the server's policy
def test_auth3_the_delay_grows_with_each_lockout_in_a_row(workspace, clock):
    """AUTH-3: 1, then 5, then 15 minutes."""
    for minutes in (1, 5, 15, 15):
        for _ in range(4):
            with pytest.raises(auth.LoginFailed):
                auth.sign_in(workspace, "admin", "Wrong-Passphrase-000")
        with pytest.raises(auth.AccountLocked, match=f"locked for {minutes} minute"):
            auth.sign_in(workspace, "admin", "Wrong-Passphrase-000")
        clock.advance(minutes=minutes, seconds=1)


@pytest.mark.sqlcipher_only  # keyring lockout; in team mode lockout is the server's policy
def test_auth3_an_administrator_can_unlock_an_account(workspace, make_user, admin_password):
    """AUTH-3: 'or until an admin unlocks it'."""
    password = make_user("pf1", ["fostering_worker"])
    for _ in range(5):
        with pytest.raises(auth.LoginFailed):
            auth.sign_in(workspace, "pf1", "Wrong-Passphrase-000")
    with pytest.raises(auth.AccountLocked):
        auth.sign_in(workspace, "pf1", password)
    admin = auth.sign_in(workspace, "admin", admin_password)
    users.unlock_account(admin, "pf1")
    auth.sign_out(admin)
    auth.sign_out(auth.sign_in(workspace, "pf1", password))


@pytest.mark.sqlcipher_only  # keyring lockout; in team mode lockout is the server's policy
def test_auth3_unknown_user_gets_exactly_the_wrong_password_answer(workspace):
    """AUTH-3: an unknown name gets the same message, the same exception type and, after
    five tries, the same lockout as a known name with a wrong password (no enumeration)."""
    answers = {}
    for name in ("admin", "nobody-here"):
        seen = []
        for _ in range(5):
            with pytest.raises(auth.LoginFailed) as caught:
                auth.sign_in(workspace, name, "Wrong-Passphrase-000")
            seen.append((type(caught.value).__name__, str(caught.value)))
        answers[name] = seen
    assert answers["admin"] == answers["nobody-here"]
    assert answers["admin"][0] == ("LoginFailed", auth.BAD_LOGIN)


@pytest.mark.sqlcipher_only  # keyring lockout; in team mode lockout is the server's policy
def test_auth3_unknown_user_costs_the_same_key_derivation(workspace, monkeypatch):
    """AUTH-3: an unknown name runs exactly one Argon2id derivation at the same cost as a known
    name (so it takes the same time)."""
    calls = []
    real = keys.derive_kek
    monkeypatch.setattr(keys, "derive_kek", lambda pw, params: calls.append(params) or real(pw, params))
    for name in ("admin", "nobody-here"):
        with pytest.raises(auth.LoginFailed):
            auth.sign_in(workspace, name, "Wrong-Passphrase-000")
    assert len(calls) == 2
    known, unknown = calls
    assert (known.time_cost, known.memory_kib, known.parallelism) == \
        (unknown.time_cost, unknown.memory_kib, unknown.parallelism)


# -- AUTH-4 ---------------------------------------------------------------------


def test_auth4_idle_limit_uses_the_injectable_clock(admin_session, clock):
    """AUTH-4/KP-2: active at limit - 1 s, expired at limit + 1 s; activity restarts the count."""
    limit = admin_session.idle_limit_s
    assert limit == 300
    clock.advance(seconds=limit - 1)
    assert not admin_session.idle_expired()
    admin_session.touch()
    clock.advance(seconds=limit - 1)
    assert not admin_session.idle_expired()
    clock.advance(seconds=2)
    assert admin_session.idle_expired()


def test_auth4_idle_limit_follows_the_setting(admin_session, workspace, admin_password):
    """AUTH-4: the administrator's idle setting applies now and at the next sign-in."""
    maintenance.put_setting(admin_session, "idle_lock_minutes", 2)
    assert admin_session.idle_limit_s == 120
    auth.sign_out(admin_session)
    assert auth.sign_in(workspace, "admin", admin_password).idle_limit_s == 120


def test_auth4_absolute_limit_forces_a_full_sign_in(admin_session, clock):
    """AUTH-4: active at 8 h - 1 s, not at 8 h + 1 s, even with activity; record work is refused
    and the unlock view cannot extend the session."""
    limit = admin_session.absolute_limit_s
    assert limit == 8 * 3600
    clock.advance(seconds=limit - 1)
    admin_session.touch()
    assert admin_session.active and not admin_session.absolute_expired()
    clock.advance(seconds=2)
    admin_session.touch()
    assert admin_session.absolute_expired() and not admin_session.active
    with pytest.raises(PermissionDenied):
        maintenance.put_setting(admin_session, "idle_lock_minutes", 3)


def test_auth4_unlock_after_the_absolute_limit_signs_out(admin_session, admin_password, clock, workspace):
    """AUTH-4: after the absolute limit the right password at the lock screen does not resume
    the session: it is closed and a full sign-in is needed."""
    auth.lock(admin_session)
    clock.advance(hours=8, seconds=1)
    with pytest.raises(auth.SignedOut):
        auth.unlock(admin_session, admin_password)
    assert admin_session.locked and workspace.keys == {} and not stores.is_open("core")


def test_auth4_five_wrong_unlocks_sign_out(admin_session, workspace):
    """AUTH-4/AUTH-3: the unlock view has its own limit, then the session is closed."""
    auth.lock(admin_session)
    for _ in range(4):
        with pytest.raises(auth.LoginFailed, match="not correct"):
            auth.unlock(admin_session, "Wrong-Passphrase-000")
    with pytest.raises(auth.SignedOut):
        auth.unlock(admin_session, "Wrong-Passphrase-000")
    assert workspace.keys == {} and not stores.is_open("core")


# -- AUTH-5 ---------------------------------------------------------------------


@pytest.mark.sqlcipher_only  # wrapped store keys; tests/server covers team mode
def test_auth5_admin_reset_issues_a_one_time_password_that_must_be_changed(
        workspace, make_user, admin_password):
    """AUTH-5: after a reset the old password fails, the one-time password signs in with
    must_change_password set, and changing it clears the flag; all audited."""
    old = make_user("pf1", ["fostering_worker"])
    admin = auth.sign_in(workspace, "admin", admin_password)
    otp = users.reset_password(admin, "pf1")
    assert re.fullmatch(r"([a-z2-9]{5}-){3}[a-z2-9]{5}", otp)
    auth.sign_out(admin)

    with pytest.raises(auth.LoginFailed, match="not correct"):
        auth.sign_in(workspace, "pf1", old)
    session = auth.sign_in(workspace, "pf1", otp)
    assert session.must_change_password is True
    assert set(workspace.keys) == {"core", "fostering"}  # the reset re-wrapped the store key
    users.change_own_password(session, otp, NEW_PASSWORD)
    assert session.must_change_password is False
    auth.sign_out(session)

    with pytest.raises(auth.LoginFailed):
        auth.sign_in(workspace, "pf1", otp)
    session = auth.sign_in(workspace, "pf1", NEW_PASSWORD)
    assert session.must_change_password is False
    AuditEntry = audit.models("core")[0]
    actions = [(e.user, e.action) for e in AuditEntry.select().order_by(AuditEntry.seq)]
    assert ("admin", "password_reset") in actions and ("pf1", "password_changed") in actions
    auth.sign_out(session)


def test_auth5_change_own_password_needs_the_current_one_and_a_good_new_one(workspace, make_user):
    """AUTH-5: the old password is checked and the new one goes through the policy."""
    password = make_user("pf1", ["fostering_worker"])
    session = auth.sign_in(workspace, "pf1", password)
    with pytest.raises(auth.LoginFailed, match="current password is not correct"):
        users.change_own_password(session, "Wrong-Passphrase-000", NEW_PASSWORD)
    with pytest.raises(auth.PasswordRejected, match="commonly used"):
        users.change_own_password(session, password, "password1234")
    with pytest.raises(auth.PasswordRejected, match="different"):
        users.change_own_password(session, password, password)
    auth.sign_out(session)
    auth.sign_out(auth.sign_in(workspace, "pf1", password))  # unchanged


@pytest.mark.sqlcipher_only  # wrapped store keys; tests/server covers team mode
def test_auth5_removing_a_role_removes_its_key_grant(workspace, make_user, admin_password):
    """AUTH-5/ENC-3: set_roles without lado_officer deletes the wrapped LADO key at once; the
    user's next session holds no LADO key. Adding a store issues a one-time password."""
    password = make_user("dual", ["lado_officer", "fostering_worker"])
    admin = auth.sign_in(workspace, "admin", admin_password)
    grants = lambda: sorted(g.store for g in KeyGrant.select().join(User).where(User.username == "dual"))  # noqa: E731
    assert grants() == ["fostering", "lado"]
    assert users.set_roles(admin, "dual", ["fostering_worker"]) is None
    assert grants() == ["fostering"]
    auth.sign_out(admin)

    session = auth.sign_in(workspace, "dual", password)
    assert set(workspace.keys) == {"core", "fostering"} and not stores.is_open("lado")
    auth.sign_out(session)

    admin = auth.sign_in(workspace, "admin", admin_password)
    otp = users.set_roles(admin, "dual", ["fostering_worker", "cdop_coordinator"])
    assert otp and grants() == ["cdop", "fostering"]
    auth.sign_out(admin)
    with pytest.raises(auth.LoginFailed):
        auth.sign_in(workspace, "dual", password)
    session = auth.sign_in(workspace, "dual", otp)
    assert set(workspace.keys) == {"core", "fostering", "cdop"} and session.must_change_password
    auth.sign_out(session)


def test_auth5_a_disabled_account_cannot_sign_in_and_keeps_nothing_open(workspace, make_user, admin_password):
    """AUTH-5/GOV-1: a disabled user is refused after the key check, with no store left open."""
    password = make_user("pf1", ["fostering_worker"])
    admin = auth.sign_in(workspace, "admin", admin_password)
    users.set_active(admin, "pf1", False)
    auth.sign_out(admin)
    with pytest.raises(auth.LoginFailed, match="disabled"):
        auth.sign_in(workspace, "pf1", password)
    assert workspace.keys == {} and not any(stores.is_open(n) for n in stores.STORE_NAMES)

