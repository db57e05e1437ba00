"""User administration and password changes (AUTH-5), all audited.

Only an administrator manages users. Granting a store key to a user needs a key
that only the user's password can derive, so an administrator's reset (or a role
change that adds a store) issues a one-time password that re-wraps the user's
keys and must be changed at the next sign-in.
"""
from __future__ import annotations

import datetime as dt
import secrets

from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.security import auth, passwords, server_auth
from hscb_desktop.security import roles as R
from hscb_desktop.security.session import Session
from hscb_desktop.storage import audit, keys, stores
from hscb_desktop.storage.core_models import KeyGrant, User


def _server(session: Session) -> bool:
    return getattr(session.workspace, "is_server", False)


def _require_admin(session: Session, action: str) -> None:
    if not session.active:
        raise PermissionDenied("The session is locked.")
    R.require_role(session.roles, R.ADMINISTRATOR, action=action)


def _check_password(password: str, username: str) -> None:
    problems = passwords.policy_problems(password, username)
    if problems:
        raise auth.PasswordRejected(problems)


def one_time_password() -> str:
    # 4 groups of 5 from an unambiguous alphabet: easy to read out, ~100 bits.
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(4))


def _wrap_for(session: Session, user: User, password: str) -> None:
    """Re-wrap the user's core key and store keys under a KEK from ``password``."""
    entry, kek = auth._keyring_entry(user.username, password, session.workspace.keys[stores.CORE])
    missing = R.stores_for(user.role_set()) - set(session.workspace.keys)
    if missing:
        raise PermissionDenied(f"This session does not hold the key for: {', '.join(sorted(missing))}.")
    auth.grant_keys(user, kek, session.workspace.keys)
    ring = session.workspace.keyring
    ring.users[user.username] = entry
    ring.lockout.pop(user.username, None)


def add_user(session: Session, username: str, roles: list[str], display_name: str = "",
             password: str | None = None) -> str:
    """Create a user; returns the password to hand over (a one-time password unless
    one is given). The user must change a one-time password at first sign-in."""
    _require_admin(session, "add users")
    username = username.strip()
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        raise ValueError("A user name is 1 to 64 characters with no spaces.")
    if User.get_or_none(User.username == username) or (
            not _server(session) and username in session.workspace.keyring.users):
        raise ValueError(f"There is already a user called {username}.")
    chosen = R.validate_roles(roles)
    one_time = password is None
    password = password or one_time_password()
    if not one_time:
        _check_password(password, username)
    if _server(session):
        server_auth.add_user(session, username, chosen, display_name, password, one_time)
        return password
    with stores.proxy(stores.CORE).atomic():
        user = User.create(username=username, display_name=display_name, roles=",".join(sorted(chosen)),
                           password_hash=passwords.hash_password(password), must_change_password=one_time,
                           created_at=session.clock.now().astimezone(dt.timezone.utc).isoformat())
        _wrap_for(session, user, password)
        audit.append(stores.CORE, session.actor, "user_created", clock=session.clock, table="user",
                     record_id=user.id, new={"username": username, "roles": sorted(chosen),
                                             "display_name": display_name})
        session.workspace.keyring.save()
    return password


def reset_password(session: Session, username: str) -> str:
    """Administrator reset: a one-time password that must be changed at next sign-in."""
    _require_admin(session, "reset passwords")
    user = User.get_or_none(User.username == username)
    if user is None:
        raise ValueError(f"There is no user called {username}.")
    password = one_time_password()
    if _server(session):
        server_auth.reset_password(session, user, password)
        return password
    with stores.proxy(stores.CORE).atomic():
        User.update(password_hash=passwords.hash_password(password), must_change_password=True,
                    version=User.version + 1).where(User.id == user.id).execute()
        _wrap_for(session, user, password)
        audit.append(stores.CORE, session.actor, "password_reset", clock=session.clock, table="user",
                     record_id=user.id)
        session.workspace.keyring.save()
    return password


def set_roles(session: Session, username: str, roles: list[str]) -> str | None:
    """Change a user's roles. Removing a store's role deletes its wrapped key at once;
    adding one needs a fresh wrap, so a one-time password is issued and returned."""
    _require_admin(session, "change roles")
    user = User.get(User.username == username)
    old, new = user.role_set(), R.validate_roles(roles)
    gains = R.stores_for(new) - R.stores_for(old)
    if _server(session):  # no keys to wrap: the server grants the new role at once
        server_auth.set_roles(session, user, old, new)
        return None
    with stores.proxy(stores.CORE).atomic():
        User.update(roles=",".join(sorted(new)), version=User.version + 1).where(User.id == user.id).execute()
        user = User.get_by_id(user.id)
        KeyGrant.delete().where((KeyGrant.user == user)
                                & KeyGrant.store.not_in(sorted(R.stores_for(new)) or [""])).execute()
        audit.append(stores.CORE, session.actor, "roles_changed", clock=session.clock, table="user",
                     record_id=user.id, old={"roles": sorted(old)}, new={"roles": sorted(new)})
    return reset_password(session, username) if gains else None


def set_active(session: Session, username: str, active: bool) -> None:
    _require_admin(session, "enable or disable users")
    user = User.get(User.username == username)
    if user.id == session.user_id and not active:
        raise ValueError("You cannot disable your own account.")
    if _server(session):
        server_auth.set_active(session, user, active)
        return
    with stores.proxy(stores.CORE).atomic():
        User.update(active=active, version=User.version + 1).where(User.id == user.id).execute()
        audit.append(stores.CORE, session.actor, "user_enabled" if active else "user_disabled",
                     clock=session.clock, table="user", record_id=user.id)


def unlock_account(session: Session, username: str) -> None:
    _require_admin(session, "unlock accounts")
    if not _server(session):  # team mode keeps no lockout of its own (server_auth)
        ring = session.workspace.keyring
        ring.lockout.pop(username, None)
        ring.save()
    with stores.proxy(stores.CORE).atomic():
        audit.append(stores.CORE, session.actor, "account_unlocked", clock=session.clock, table="user",
                     new={"username": username})


def change_own_password(session: Session, old_password: str, new_password: str) -> None:
    if _server(session):
        server_auth.change_own_password(session, old_password, new_password)
        return
    user = User.get_by_id(session.user_id)
    if not passwords.verify(user.password_hash, old_password):
        raise auth.LoginFailed("The current password is not correct.")
    _check_password(new_password, user.username)
    if new_password == old_password:
        raise auth.PasswordRejected(["Choose a password different from the current one."])
    entry, kek = auth._keyring_entry(user.username, new_password, session.workspace.keys[stores.CORE])
    with stores.proxy(stores.CORE).atomic():
        # Re-wrap only this user's copies (ENC-2): the stores are not re-keyed.
        for grant in list(user.grants):
            key = session.workspace.keys.get(grant.store)
            if key is None:
                raise PermissionDenied(f"The {grant.store} store is not open in this session.")
            KeyGrant.update(wrapped=keys.wrap(kek, key, owner=user.username, store=grant.store)) \
                .where(KeyGrant.id == grant.id).execute()
        User.update(password_hash=passwords.hash_password(new_password), must_change_password=False,
                    version=User.version + 1).where(User.id == user.id).execute()
        audit.append(stores.CORE, session.actor, "password_changed", clock=session.clock, table="user",
                     record_id=user.id)
        session.workspace.keyring.users[user.username] = entry
        session.workspace.keyring.save()
    session.must_change_password = False


def list_users(session: Session) -> list[dict]:
    _require_admin(session, "see the user list")
    return [{"username": u.username, "display_name": u.display_name, "roles": sorted(u.role_set()),
             "active": u.active, "must_change_password": u.must_change_password}
            for u in User.select().order_by(User.username)]
