"""First-run set-up, signing in, lockout, lock and unlock (AUTH-1 … AUTH-4).

Signing in costs one Argon2id derivation: the password's key-encryption key either
unwraps the user's core-store key (the password is right) or it does not. Unknown
user names go through the same derivation with throw-away parameters, so they take
the same time and get the same message.
"""
from __future__ import annotations

import datetime as dt
import logging

from hscb_desktop import settings
from hscb_desktop.core.clock import Clock
from hscb_desktop.security import passwords
from hscb_desktop.security import roles as R
from hscb_desktop.security.session import Session
from hscb_desktop.storage import audit, keys, stores
from hscb_desktop.storage.core_models import KeyGrant, User
from hscb_desktop.storage.keyring import KeyringUser
from hscb_desktop.storage.workspace import Workspace

log = logging.getLogger(__name__)

LOCKOUT_THRESHOLD = 5
LOCKOUT_MINUTES = (1, 5, 15)  # grows with each lockout in a row, then stays at the last
BAD_LOGIN = "The user name or password is not correct."


class LoginFailed(Exception):
    pass


class AccountLocked(LoginFailed):
    pass


class AlreadyInitialised(Exception):
    pass


class PasswordRejected(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(" ".join(problems))


def _iso(clock: Clock) -> str:
    return clock.now().astimezone(dt.timezone.utc).isoformat(timespec="seconds")


def _keyring_entry(username: str, password: str, core_key: bytes) -> tuple[KeyringUser, bytes]:
    params = keys.new_kdf_params()
    kek = keys.derive_kek(password, params)
    return KeyringUser(kdf=params.to_phc(), core=keys.wrap(kek, core_key, owner=username, store="core")), kek


def grant_keys(user: User, kek: bytes, store_keys: dict[str, bytes]) -> None:
    """(Re)write the user's wrapped copies of exactly the keys their roles need."""
    needed = R.stores_for(user.role_set())
    KeyGrant.delete().where(KeyGrant.user == user).execute()
    for store in sorted(needed):
        KeyGrant.create(user=user, store=store,
                        wrapped=keys.wrap(kek, store_keys[store], owner=user.username, store=store))


def initialise(workspace: Workspace, admin_username: str, admin_password: str) -> None:
    """Create every store with its own random key and the first administrator
    (AUTH-2: there are no default credentials)."""
    if workspace.initialised:
        raise AlreadyInitialised(f"{workspace.paths.root} already holds HSCB Desktop data.")
    problems = passwords.policy_problems(admin_password, admin_username)
    if problems:
        raise PasswordRejected(problems)
    clock = workspace.clock
    store_keys = {name: keys.new_key() for name in stores.STORE_NAMES}
    for name in stores.STORE_NAMES:
        if workspace.paths.store_file(name).exists():
            raise AlreadyInitialised(f"{workspace.paths.store_file(name)} already exists; not overwriting it.")
    for name in stores.STORE_NAMES:
        workspace.open_store(name, store_keys[name], create=True)
    entry, kek = _keyring_entry(admin_username, admin_password, store_keys["core"])
    db = stores.proxy(stores.CORE)
    with db.atomic():
        admin = User.create(username=admin_username, display_name="Administrator",
                            roles=R.ADMINISTRATOR, password_hash=passwords.hash_password(admin_password),
                            created_at=_iso(clock))
        grant_keys(admin, kek, store_keys)
        audit.append(stores.CORE, audit.SYSTEM, "user_created", clock=clock, table="user",
                     record_id=admin.id, new={"username": admin_username, "roles": [R.ADMINISTRATOR]})
    ring = workspace.new_keyring()
    ring.users[admin_username] = entry
    ring.save()


def _record_failure(workspace: Workspace, username: str) -> LoginFailed:
    ring, clock = workspace.keyring, workspace.clock
    event = {"ts": _iso(clock), "user": username, "action": "login_failed"}
    error: LoginFailed = LoginFailed(BAD_LOGIN)
    # Unknown names are counted and locked exactly like known ones, so neither the message
    # nor the lockout tells whether an account exists (AUTH-3).
    state = ring.lockout_for(username)
    state.failures += 1
    if state.failures >= LOCKOUT_THRESHOLD:
        minutes = LOCKOUT_MINUTES[min(state.lockouts, len(LOCKOUT_MINUTES) - 1)]
        state.lockouts += 1
        state.failures = 0
        state.locked_until = (clock.now() + dt.timedelta(minutes=minutes)).isoformat()
        event["action"] = "account_locked"
        error = AccountLocked(f"Too many failed sign-ins: this account is locked for {minutes} "
                              f"minute{'s' if minutes != 1 else ''}. An administrator can unlock it.")
    ring.pending_events.append(event)
    ring.save()
    return error


def _locked_until(workspace: Workspace, username: str) -> dt.datetime | None:
    state = workspace.keyring.lockout.get(username)
    if state is None or not state.locked_until:
        return None
    until = dt.datetime.fromisoformat(state.locked_until)
    return until if until > workspace.clock.now() else None


def sign_in(workspace: Workspace, username: str, password: str) -> Session:
    if getattr(workspace, "is_server", False):  # team mode: the server checks the password
        from hscb_desktop.security import server_auth

        return server_auth.sign_in(workspace, username, password)
    ring, clock = workspace.keyring, workspace.clock
    until = _locked_until(workspace, username)
    if until is not None:
        ring.pending_events.append({"ts": _iso(clock), "user": username, "action": "login_refused_locked"})
        ring.save()
        local = until.astimezone().strftime("%H:%M")
        raise AccountLocked(f"This account is locked after too many failed sign-ins. Try again after "
                            f"{local}, or ask an administrator to unlock it.")
    entry = ring.users.get(username)
    params = keys.KdfParams.from_phc(entry.kdf) if entry else keys.new_kdf_params()
    kek = keys.derive_kek(password, params)  # the one Argon2id of a sign-in
    if entry is None:
        raise _record_failure(workspace, username)
    try:
        core_key = keys.unwrap(kek, entry.core, owner=username, store="core")
    except keys.WrongPassword:
        raise _record_failure(workspace, username) from None

    # ENC-3: whatever an earlier session opened (an administrator holds every key) is
    # closed and its keys forgotten before this user's own keys are used.
    workspace.close_stores()
    try:
        workspace.open_store(stores.CORE, core_key)
        user = User.get_or_none(User.username == username)
        if user is None or not user.active:
            raise LoginFailed("This account has been disabled. Ask an administrator.")
        user_roles = user.role_set()
        for grant in user.grants:
            if grant.store in R.stores_for(user_roles):
                workspace.open_store(grant.store,  # DB-5: a big store is checked after sign-in
                                     keys.unwrap(kek, grant.wrapped, owner=username, store=grant.store),
                                     check_later=True)
    except BaseException:
        workspace.close_stores()  # a refused or failed sign-in leaves no store open, no key held
        raise

    db = stores.proxy(stores.CORE)
    with db.atomic():
        for event in ring.pending_events:  # failed sign-ins that could not reach the chain then
            audit.append(stores.CORE, audit.Actor(event["user"], ""), event["action"], clock=clock,
                         table="user", new={"at": event["ts"]})
        if passwords.needs_rehash(user.password_hash):  # AUTH-1: parameters can be raised later
            User.update(password_hash=passwords.hash_password(password)).where(User.id == user.id).execute()
        audit.append(stores.CORE, audit.Actor(username, user.roles), "login", clock=clock,
                     table="user", record_id=user.id)
    ring.pending_events.clear()
    ring.lockout.pop(username, None)
    ring.save()
    return Session(workspace, username, user.id, user.display_name or username, user_roles, clock,
                   must_change_password=user.must_change_password,
                   idle_limit_s=60.0 * settings.get("idle_lock_minutes"),
                   absolute_limit_s=3600.0 * settings.get("session_limit_hours"))


def lock(session: Session, reason: str = "idle") -> None:
    if session.locked:
        return
    session.locked = True
    with stores.proxy(stores.CORE).atomic():
        audit.append(stores.CORE, session.actor, "lock", clock=session.clock, table="user",
                     record_id=session.user_id, reason=reason)


class SignedOut(LoginFailed):
    """Too many wrong passwords at the unlock view: the session is closed."""


def unlock(session: Session, password: str) -> None:
    if session.absolute_expired():  # AUTH-4: the absolute limit needs a full sign-in
        sign_out(session)
        raise SignedOut("This session has reached its time limit: sign in again.")
    user = User.get_by_id(session.user_id)
    if getattr(session.workspace, "is_server", False):
        right = session.workspace.check_password(session.username, password)
    else:
        right = passwords.verify(user.password_hash, password)
    with stores.proxy(stores.CORE).atomic():
        if right:
            session.locked = False
            session.failed_unlocks = 0
            session.last_activity = session.clock.monotonic()
            audit.append(stores.CORE, session.actor, "unlock", clock=session.clock, table="user",
                         record_id=session.user_id)
            return
        audit.append(stores.CORE, session.actor, "unlock_failed", clock=session.clock, table="user",
                     record_id=session.user_id)
    session.failed_unlocks += 1
    if session.failed_unlocks >= LOCKOUT_THRESHOLD:
        sign_out(session)
        raise SignedOut("Too many wrong passwords: you have been signed out. Sign in again.")
    raise LoginFailed("The password is not correct.")


def sign_out(session: Session) -> None:
    try:
        if stores.is_open(stores.CORE):
            with stores.proxy(stores.CORE).atomic():
                audit.append(stores.CORE, session.actor, "logout", clock=session.clock, table="user",
                             record_id=session.user_id)
    finally:
        session.locked = True
        session.workspace.close_stores()
