"""Setting a PostgreSQL database up for team mode, and upgrading it (``init``, ``migrate``).

Both run with an owner or superuser login given in the address (its password from the
environment or a prompt), never with an application user's login.
"""
from __future__ import annotations

import datetime as dt

from hscb_desktop.core.clock import Clock
from hscb_desktop.security import passwords, server_roles
from hscb_desktop.security import roles as R
from hscb_desktop.storage import audit, server, stores
from hscb_desktop.storage.server import SERVER_SCHEMA, ServerAddress


class AlreadySetUp(server.ServerError):
    pass


def _as_owner(conn, address: ServerAddress) -> None:
    conn.execute(f'SET ROLE "{address.owner_role}"')


def prepare(address: ServerAddress, clock: Clock) -> dict[str, list[str]]:
    """Roles, schemas, tables (migrated), views, functions and grants: everything but
    users. Run again, it brings every schema to this build. Returns the migrations applied."""
    conn = server.connect(address)
    try:
        server_roles.create_roles(conn, address)
        server_roles.create_schemas(conn, address)
    finally:
        conn.close()
    done = server_roles.migrate_all(address, clock)
    finish(address)
    return done


def finish(address: ServerAddress) -> None:
    """The parts that follow the tables: views, functions, grants (re-run after migrations)."""
    conn = server.connect(address)
    try:
        _as_owner(conn, address)
        server_roles.create_return_views(conn)
        server_roles.create_admin_functions(conn)
        conn.execute("RESET ROLE")
        server_roles.grant(conn, address)
    finally:
        conn.close()


def has_users(address: ServerAddress) -> bool:
    conn = server.connect(address)
    try:
        row = conn.execute("SELECT to_regclass('core.\"user\"')").fetchone()
        return bool(row[0]) and bool(conn.execute('SELECT count(*) FROM core."user"').fetchone()[0])
    finally:
        conn.close()


def initialise(address: ServerAddress, admin_username: str, admin_password: str, clock: Clock) -> None:
    """``init --database``: set the database up and create the first administrator (AUTH-2)."""
    from hscb_desktop.security.auth import PasswordRejected

    problems = passwords.policy_problems(admin_password, admin_username)
    if problems:
        raise PasswordRejected(problems)
    address.login_for(admin_username)  # a name the server can take, before anything is made
    if has_users(address):
        raise AlreadySetUp(f"The database {address.dbname!r} is already set up for HSCB Desktop.")
    prepare(address, clock)
    create_first_admin(address, admin_username, admin_password, clock)


def create_first_admin(address: ServerAddress, username: str, password: str, clock: Clock) -> None:
    from hscb_desktop.storage.core_models import User

    stores.bind(stores.CORE, server_roles.open_as_owner(address, stores.CORE))
    try:
        db = stores.proxy(stores.CORE)
        with db.atomic():
            admin = User.create(username=username, display_name="Administrator", roles=R.ADMINISTRATOR,
                                password_hash="", created_at=clock.now().astimezone(dt.timezone.utc)
                                .isoformat(timespec="seconds"))
            audit.append(stores.CORE, audit.SYSTEM, "user_created", clock=clock, table="user",
                         record_id=admin.id, new={"username": username, "roles": [R.ADMINISTRATOR]})
            conn = db.connection()
            db.execute_sql(f"SELECT {SERVER_SCHEMA}.add_login(%s, %s, %s)",
                           (username, server_roles.verifier(conn, address.login_for(username), password),
                            [R.ADMINISTRATOR]))
    finally:
        stores.unbind(stores.CORE)


def migrate(address: ServerAddress, clock: Clock) -> dict[str, list[str]]:
    """``migrate --database``: bring every schema to this build, then renew views and grants."""
    return prepare(address, clock)
