"""Separation held by the server (issue 11, GOV-1, ENC-3 in team mode).

``hscb-desktop-cli --database URL init``, run with an owner or superuser login, sets a
database up:

- an owner role (NOLOGIN, CREATEROLE) that owns every schema, table and function, so no
  application login owns anything (an owner could drop the audit triggers);
- a NOLOGIN group role per application role (``security.roles``), named ``<db>_<role>``;
- one schema per store, migrated by the owner;
- for the business unit, a ``<domain>_returns`` schema per casework domain holding views
  named like the tables, with identifying and narrative columns NULL: its ``search_path``
  points there, so the returns code is unchanged and it can read nothing else. Views,
  rather than column grants, because the returns select whole rows through the models and
  a column grant would refuse the query instead of hiding the column;
- grants: a practitioner gets its own schema and what it needs of core, and nothing at all
  on the other casework schemas; the administrator gets users and reference data in core
  and only the audit tables of the domain schemas (to verify them, AUD-3);
- the audit tables append-only for everyone (``storage.server_audit``);
- user administration through SECURITY DEFINER functions (``hscb_server.*``) that only
  the administrator group may call and that can grant only the application groups, so the
  administrator's login needs no CREATEROLE (which on PostgreSQL 15 could grant itself
  the owner role).

Each application user is a LOGIN role ``<db>_<username>``; their password is sent to the
server only as a SCRAM verifier computed on the client.
"""
from __future__ import annotations

import re

from hscb_desktop.security import roles as R
from hscb_desktop.storage import server, stores
from hscb_desktop.storage.server import RETURNS_SUFFIX, SERVER_SCHEMA, ServerAddress

CASEWORK_GROUP = {"lado": R.LADO_OFFICER, "fostering": R.FOSTERING_WORKER, "cdop": R.CDOP_COORDINATOR}
STORE_GROUP = {**CASEWORK_GROUP, "board": R.BUSINESS_UNIT}
AUDIT_TABLES = ("audit_entry", "audit_value", "audit_redacted")

# Columns the business unit's views show as NULL: names, contact details, identifiers and
# narrative. Codes, dates, flags and counts stay, which is all the returns read.
_IDENTIFYING = re.compile(
    r"(^|_)(name|names|forenames|norm|address|postcode|phone|email|nhs_number|place_of_birth|"
    r"narrative|notes|details|summary|text|recommendations|visitor|officer|referrer|employer|"
    r"immigration_status|religion|language|other_roles|lessons_learned|hold_reason|reason_text)($|_)")
_CODE_TEXT = {"categories_applicable", "agencies_represented", "agencies_present"}


def schema_for(store: str, roles) -> str:
    """The schema a store's connections work in for a user with ``roles``."""
    if store in CASEWORK_GROUP and store not in R.record_domains(roles) \
            and R.BUSINESS_UNIT in roles and R.ADMINISTRATOR not in roles:
        return store + RETURNS_SUFFIX
    return store


def hidden_column(name: str, data_type: str) -> bool:
    if name in _CODE_TEXT or data_type not in ("text", "character varying"):
        return False  # ids, dates, flags and counts
    return bool(_IDENTIFYING.search(name)) or data_type == "text"


# -- roles -------------------------------------------------------------------------


def create_roles(conn, address: ServerAddress) -> None:
    """The owner and group roles (cluster-wide; idempotent)."""
    existing = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles").fetchall()}
    wanted = [(address.owner_role, "NOLOGIN CREATEROLE")] + [(address.group_for(g), "NOLOGIN") for g in R.ROLES]
    for name, options in wanted:
        if name not in existing:
            conn.execute(f'CREATE ROLE "{name}" {options}')
    me = conn.execute("SELECT current_user").fetchone()[0]
    is_super = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]
    if not is_super:
        conn.execute(f'GRANT "{address.owner_role}" TO "{me}"')


def create_schemas(conn, address: ServerAddress) -> None:
    owner = address.owner_role
    conn.execute(f'REVOKE ALL ON DATABASE "{address.dbname}" FROM PUBLIC')
    conn.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    conn.execute(f'GRANT CREATE ON DATABASE "{address.dbname}" TO "{owner}"')  # the views' schemas
    for schema in (*stores.STORE_NAMES, SERVER_SCHEMA):
        conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}" AUTHORIZATION "{owner}"')
    try:  # trusted since PostgreSQL 13; without it search still works, by a scan
        conn.execute(f'CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA "{SERVER_SCHEMA}"')
    except Exception:  # noqa: BLE001 - the driver's error; the search falls back
        pass


def open_as_owner(address: ServerAddress, store: str):
    """A store connection working as the owner role (the init login must be a member)."""
    db = server.ServerDatabase(address.dbname, prefer_psycopg3=True, autoconnect=True,
                               **address.connect_params(
                                   options=f"-c search_path={store} -c role={address.owner_role}"))
    db.connect()
    return db


def migrate_all(address: ServerAddress, clock) -> dict[str, list[str]]:
    """Run every store's pending migrations as the owner (``init`` and ``migrate``)."""
    from hscb_desktop.storage import core_schema, migrations  # noqa: F401 (registers core steps)

    done = {}
    for store in stores.STORE_NAMES:
        stores.bind(store, open_as_owner(address, store))
        try:
            done[store] = migrations.migrate(store, clock=clock, backup_dir=None)
        finally:
            stores.unbind(store)
    return done


# -- the business unit's aggregate views -------------------------------------------------


def create_return_views(conn) -> None:
    for store in CASEWORK_GROUP:
        views = store + RETURNS_SUFFIX
        owner = conn.execute("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = %s",
                             (store,)).fetchone()[0]
        conn.execute(f'DROP SCHEMA IF EXISTS "{views}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{views}" AUTHORIZATION {owner}')
        columns: dict[str, list[tuple[str, str]]] = {}
        for table, column, data_type in conn.execute(
                "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
                "JOIN information_schema.tables t ON t.table_schema = c.table_schema "
                "AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' "
                "WHERE c.table_schema = %s ORDER BY c.table_name, c.ordinal_position", (store,)).fetchall():
            columns.setdefault(table, []).append((column, data_type))
        for table, cols in columns.items():
            names = [c for c, _ in cols]
            if "doc" in names and "rowid" in names:
                continue  # a search index: names only, nothing to aggregate
            if table in AUDIT_TABLES or table == "schema_migration":
                select = ", ".join(f'"{c}"' for c in names)  # appends and chain checks need them whole
            else:
                select = ", ".join(f'NULL::{t if t != "USER-DEFINED" else "text"} AS "{c}"'
                                   if hidden_column(c, t) else f'"{c}"' for c, t in cols)
            conn.execute(f'CREATE VIEW "{views}"."{table}" AS SELECT {select} FROM "{store}"."{table}"')
            conn.execute(f'ALTER VIEW "{views}"."{table}" OWNER TO {owner}')


# -- grants ------------------------------------------------------------------------


def grant(conn, address: ServerAddress) -> None:
    """Every privilege an application login has, from nothing (idempotent)."""
    g = {role: f'"{address.group_for(role)}"' for role in R.ROLES}
    everyone = ", ".join(g.values())
    sql = [f'GRANT CONNECT, TEMPORARY ON DATABASE "{address.dbname}" TO {everyone}']
    # core: everyone reads users and reference data and appends to the core chain (sign-in).
    sql += [f"GRANT USAGE ON SCHEMA core TO {everyone}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA core TO {everyone}",
            f"GRANT INSERT ON core.audit_entry, core.audit_value TO {everyone}",
            f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA core TO {g[R.ADMINISTRATOR]}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA core TO {g[R.ADMINISTRATOR]}",
            f"REVOKE UPDATE, DELETE ON core.audit_entry, core.audit_value, core.audit_redacted, "
            f"core.schema_migration FROM {g[R.ADMINISTRATOR]}",
            f"GRANT INSERT ON core.audit_redacted TO {g[R.ADMINISTRATOR]}",
            f"GRANT EXECUTE ON FUNCTION core.audit_remove_redacted(integer[]) TO {g[R.ADMINISTRATOR]}"]
    for store, role in STORE_GROUP.items():
        grp = g[role]
        audit_tables = ", ".join(f"{store}.{t}" for t in AUDIT_TABLES)
        sql += [f"GRANT USAGE ON SCHEMA {store} TO {grp}, {g[R.ADMINISTRATOR]}",
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {store} TO {grp}",
                # UPDATE: bulk loads that bring their own ids move the sequence (setval).
                f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {store} TO {grp}",
                f"REVOKE UPDATE, DELETE ON {audit_tables}, {store}.schema_migration FROM {grp}",
                f"GRANT EXECUTE ON FUNCTION {store}.audit_remove_redacted(integer[]) TO {grp}",
                # The administrator verifies every chain (AUD-3) and reads no record table.
                f"GRANT SELECT ON {audit_tables}, {store}.schema_migration TO {g[R.ADMINISTRATOR]}",
                f"GRANT INSERT ON {store}.audit_entry, {store}.audit_value TO {g[R.ADMINISTRATOR]}"]
    bu = g[R.BUSINESS_UNIT]
    for store in CASEWORK_GROUP:
        views = store + RETURNS_SUFFIX
        sql += [f"GRANT USAGE ON SCHEMA {views} TO {bu}",
                f"GRANT SELECT ON ALL TABLES IN SCHEMA {views} TO {bu}",
                # Its exports are audited in the domain's chain: append through the views,
                # read the entries (links and hashes), never the stored values.
                f"GRANT INSERT ON {views}.audit_entry, {views}.audit_value TO {bu}",
                f"REVOKE SELECT ON {views}.audit_value, {views}.audit_redacted FROM {bu}",
                f"GRANT SELECT (seq) ON {views}.audit_value TO {bu}"]  # INSERT … RETURNING seq
    sql += [f"GRANT USAGE ON SCHEMA {SERVER_SCHEMA} TO {everyone}",
            f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {SERVER_SCHEMA} FROM PUBLIC",
            f"GRANT EXECUTE ON FUNCTION {SERVER_SCHEMA}.password_changed() TO {everyone}"]
    for fn in ADMIN_FUNCTIONS:
        sql.append(f"GRANT EXECUTE ON FUNCTION {SERVER_SCHEMA}.{fn} TO {g[R.ADMINISTRATOR]}")
    for statement in sql:
        conn.execute(statement)


# -- user administration through the owner's functions --------------------------------

ADMIN_FUNCTIONS = ("add_login(text, text, text[])", "set_login_groups(text, text[])",
                   "set_login_password(text, text)", "set_login_allowed(text, boolean)")


def create_admin_functions(conn) -> None:
    """Run as the owner (``SET ROLE``), in schema hscb_server."""
    groups = ", ".join(f"'{r}'" for r in R.ROLES)
    s = SERVER_SCHEMA
    conn.execute(f"""CREATE OR REPLACE FUNCTION {s}.app_login(username text) RETURNS text
        LANGUAGE plpgsql STABLE AS $$
        DECLARE login text := current_database() || '_' || username;
        BEGIN
            IF username IS NULL OR username !~ '^[A-Za-z0-9_.@-]+$' OR username = 'owner'
               OR username = ANY(ARRAY[{groups}]) THEN
                RAISE EXCEPTION 'not an application user name: %', username;
            END IF;
            PERFORM 1 FROM pg_roles WHERE rolname = login AND (rolsuper OR rolcreaterole OR rolbypassrls);
            IF FOUND THEN
                RAISE EXCEPTION 'the role % is not an application login', login;
            END IF;
            -- An existing role must be one of this database's users (a member of one of its
            -- groups): never a role of another database whose name starts the same way.
            PERFORM 1 FROM pg_roles WHERE rolname = login;
            IF FOUND AND NOT EXISTS (
                SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                JOIN pg_roles u ON u.oid = m.member
                WHERE u.rolname = login
                  AND g.rolname IN (SELECT current_database() || '_' || x FROM unnest(ARRAY[{groups}]) x)) THEN
                RAISE EXCEPTION 'the role % is not an application login of this database', login;
            END IF;
            RETURN login;
        END $$""")
    conn.execute(f"""CREATE OR REPLACE FUNCTION {s}.grant_groups(login text, groups text[])
        RETURNS void LANGUAGE plpgsql AS $$
        DECLARE g text;
        BEGIN
            IF NOT groups <@ ARRAY[{groups}] THEN
                RAISE EXCEPTION 'unknown application role in %', groups;
            END IF;
            FOREACH g IN ARRAY ARRAY[{groups}] LOOP
                IF g = ANY(groups) THEN
                    EXECUTE format('GRANT %I TO %I', current_database() || '_' || g, login);
                ELSE
                    EXECUTE format('REVOKE %I FROM %I', current_database() || '_' || g, login);
                END IF;
            END LOOP;
        END $$""")
    conn.execute(f"""CREATE OR REPLACE FUNCTION {s}.set_login_groups(username text, groups text[])
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
        BEGIN
            PERFORM {s}.grant_groups({s}.app_login(username), groups);
        END $$""")
    conn.execute(f"""CREATE OR REPLACE FUNCTION {s}.add_login(username text, verifier text, groups text[])
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
        DECLARE login text := {s}.app_login(username);
        BEGIN
            PERFORM 1 FROM pg_roles WHERE rolname = login;
            IF FOUND THEN
                RAISE EXCEPTION 'there is already a server login %', login;
            END IF;
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', login, verifier);
            PERFORM {s}.grant_groups(login, groups);
        END $$""")
    conn.execute(f"""CREATE OR REPLACE FUNCTION {s}.set_login_password(username text, verifier text)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
        BEGIN
            EXECUTE format('ALTER ROLE %I PASSWORD %L', {s}.app_login(username), verifier);
        END $$""")
    conn.execute(f"""CREATE OR REPLACE FUNCTION {s}.set_login_allowed(username text, allowed boolean)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
        BEGIN
            EXECUTE format('ALTER ROLE %I %s', {s}.app_login(username),
                           CASE WHEN allowed THEN 'LOGIN' ELSE 'NOLOGIN' END);
        END $$""")
    # A user who has just set their own password (ALTER ROLE CURRENT_USER) clears their flag.
    conn.execute(f"""CREATE OR REPLACE FUNCTION {s}.password_changed() RETURNS void
        LANGUAGE sql SECURITY DEFINER AS $$
        UPDATE core."user" SET must_change_password = false, version = version + 1
        WHERE current_database() || '_' || username = session_user
        $$""")
    for fn in ("app_login(text)", "grant_groups(text, text[])", "password_changed()", *ADMIN_FUNCTIONS):
        conn.execute(f"ALTER FUNCTION {s}.{fn} SET search_path = pg_catalog, pg_temp")


def verifier(conn, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password``, computed here: the server never sees it."""
    return conn.pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256").decode()


def drop_logins(conn, address: ServerAddress) -> list[str]:
    """Every login and group of one database (tests, and IT removing a deployment)."""
    prefix = address.prefix
    names = [r[0] for r in conn.execute(
        "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s) ORDER BY rolname", (prefix,)).fetchall()]
    for name in names:
        conn.execute(f'DROP ROLE IF EXISTS "{name}"')
    return names
