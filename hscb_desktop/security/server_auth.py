"""Signing in and user administration in team mode (issue 11).

Signing in is connecting with the user's own server login: the server checks the password
(no store keys, no keyring), then the app opens the schemas the user's roles need. Lockout
after failed sign-ins is the server's policy in team mode (PostgreSQL's ``auth_delay``, or
the council's directory through ``pg_hba.conf``), because a refused login cannot append to
the chain. User administration calls the owner's functions (``security.server_roles``),
in the same transaction as the user row and its audit entry.
"""
from __future__ import annotations

import datetime as dt

from hscb_desktop import settings
from hscb_desktop.security import passwords, server_roles
from hscb_desktop.security import roles as R
from hscb_desktop.security.session import Session
from hscb_desktop.storage import audit, server, stores
from hscb_desktop.storage.core_models import User
from hscb_desktop.storage.server import SERVER_SCHEMA

# One place for the team-mode messages that match the embedded ones.
BAD_LOGIN = "The user name or password is not correct."


def sign_in(workspace, username: str, password: str) -> Session:
    from hscb_desktop.security.auth import LoginFailed

    clock = workspace.clock
    workspace.close_stores()
    try:
        login = workspace.address.login_for(username)
    except server.ServerError:
        raise LoginFailed(BAD_LOGIN) from None
    workspace.sign_in_as(login, password)
    try:
        try:
            workspace.open_store(stores.CORE)
        except server.ServerLoginDisabled as exc:
            raise LoginFailed(str(exc)) from None
        except server.ServerLoginRefused:
            raise LoginFailed(BAD_LOGIN) from None
        user = User.get_or_none(User.username == username)
        if user is None or not user.active:
            raise LoginFailed("This account has been disabled. Ask an administrator.")
        user_roles = user.role_set()
        for store in sorted(R.stores_for(user_roles)):
            workspace.open_store(store, server_roles.schema_for(store, user_roles))
    except BaseException:
        workspace.close_stores()
        raise
    with stores.proxy(stores.CORE).atomic():
        audit.append(stores.CORE, audit.Actor(username, user.roles), "login", clock=clock,
                     table="user", record_id=user.id)
    return Session(workspace, username, user.id, user.display_name or username, user_roles, clock,
                   must_change_password=user.must_change_password,
                   idle_limit_s=60.0 * settings.get("idle_lock_minutes"),
                   absolute_limit_s=3600.0 * settings.get("session_limit_hours"))


def _call(fn: str, *args) -> None:
    marks = ", ".join(["%s"] * len(args))
    stores.proxy(stores.CORE).execute_sql(f"SELECT {SERVER_SCHEMA}.{fn}({marks})", args)


def _verifier(session: Session, username: str, password: str) -> str:
    conn = stores.proxy(stores.CORE).connection()
    return server_roles.verifier(conn, session.workspace.address.login_for(username), password)


def _now(session: Session) -> str:
    return session.clock.now().astimezone(dt.timezone.utc).isoformat()


def add_user(session: Session, username: str, chosen: frozenset[str], display_name: str,
             password: str, one_time: bool) -> None:
    session.workspace.address.login_for(username)  # refuse a name the server cannot take
    with stores.proxy(stores.CORE).atomic():
        user = User.create(username=username, display_name=display_name, roles=",".join(sorted(chosen)),
                           password_hash="", must_change_password=one_time, created_at=_now(session))
        _call("add_login", username, _verifier(session, username, password), sorted(chosen))
        audit.append(stores.CORE, session.actor, "user_created", clock=session.clock, table="user",
                     record_id=user.id, new={"username": username, "roles": sorted(chosen),
                                             "display_name": display_name})


def reset_password(session: Session, user: User, password: str) -> None:
    with stores.proxy(stores.CORE).atomic():
        User.update(must_change_password=True, version=User.version + 1).where(User.id == user.id).execute()
        _call("set_login_password", user.username, _verifier(session, user.username, password))
        audit.append(stores.CORE, session.actor, "password_reset", clock=session.clock, table="user",
                     record_id=user.id)


def set_roles(session: Session, user: User, old: frozenset[str], new: frozenset[str]) -> None:
    with stores.proxy(stores.CORE).atomic():
        User.update(roles=",".join(sorted(new)), version=User.version + 1).where(User.id == user.id).execute()
        _call("set_login_groups", user.username, sorted(new))
        audit.append(stores.CORE, session.actor, "roles_changed", clock=session.clock, table="user",
                     record_id=user.id, old={"roles": sorted(old)}, new={"roles": sorted(new)})


def set_active(session: Session, user: User, active: bool) -> None:
    with stores.proxy(stores.CORE).atomic():
        User.update(active=active, version=User.version + 1).where(User.id == user.id).execute()
        _call("set_login_allowed", user.username, active)
        audit.append(stores.CORE, session.actor, "user_enabled" if active else "user_disabled",
                     clock=session.clock, table="user", record_id=user.id)


def change_own_password(session: Session, old_password: str, new_password: str) -> None:
    from hscb_desktop.security.auth import LoginFailed, PasswordRejected

    ws = session.workspace
    if not ws.check_password(session.username, old_password):
        raise LoginFailed("The current password is not correct.")
    problems = passwords.policy_problems(new_password, session.username)
    if problems:
        raise PasswordRejected(problems)
    if new_password == old_password:
        raise PasswordRejected(["Choose a password different from the current one."])
    db = stores.proxy(stores.CORE)
    with db.atomic():
        db.execute_sql(f"ALTER ROLE CURRENT_USER PASSWORD '{_verifier(session, session.username, new_password)}'")
        db.execute_sql(f"SELECT {SERVER_SCHEMA}.password_changed()")
        audit.append(stores.CORE, session.actor, "password_changed", clock=session.clock, table="user",
                     record_id=session.user_id)
    ws.password_changed(new_password)
    session.must_change_password = False
