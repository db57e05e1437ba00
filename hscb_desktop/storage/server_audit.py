"""The audit chain's server side (AUD-2, AUD-3 in team mode).

The server itself refuses changes to the audit tables: PL/pgSQL triggers refuse UPDATE,
DELETE and TRUNCATE (as the embedded store's triggers do), and no login is granted
UPDATE or DELETE on them (``server_roles``). The one lawful deletion, of the values of
entries a redaction names (AUD-4), goes through ``audit_remove_redacted``, a SECURITY
DEFINER function that deletes nothing the trigger would not allow.

Appends are serialised with a transaction-scoped advisory lock per store, taken before
the head is read, so concurrent writers on several machines keep one linear chain (the
lock needs no privilege on the tables, unlike ``LOCK TABLE … EXCLUSIVE``).
"""
from __future__ import annotations

from hscb_desktop.storage import stores

_GUARDS = [
    """CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'integrity_constraint_violation';
    END $$""",
    """CREATE OR REPLACE FUNCTION audit_value_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            PERFORM 1 FROM audit_redacted r WHERE r.seq = OLD.seq;
            IF FOUND THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION 'audit values can only be removed by a recorded redaction'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'integrity_constraint_violation';
    END $$""",
    "DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry",
    "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
    "FOR EACH ROW EXECUTE FUNCTION audit_append_only()",
    "DROP TRIGGER IF EXISTS audit_redacted_append_only ON audit_redacted",
    "CREATE TRIGGER audit_redacted_append_only BEFORE UPDATE OR DELETE ON audit_redacted "
    "FOR EACH ROW EXECUTE FUNCTION audit_append_only()",
    "DROP TRIGGER IF EXISTS audit_value_guard ON audit_value",
    "CREATE TRIGGER audit_value_guard BEFORE UPDATE OR DELETE ON audit_value "
    "FOR EACH ROW EXECUTE FUNCTION audit_value_guard()",
    *[f"DROP TRIGGER IF EXISTS {t}_no_truncate ON {t}" for t in ("audit_entry", "audit_value", "audit_redacted")],
    *[f"CREATE TRIGGER {t}_no_truncate BEFORE TRUNCATE ON {t} "
      "FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()"
      for t in ("audit_entry", "audit_value", "audit_redacted")],
    # The functions run as their owner with this schema's tables only (no search_path games).
    """CREATE OR REPLACE FUNCTION audit_remove_redacted(seqs integer[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER AS $$
    DECLARE removed integer;
    BEGIN
        DELETE FROM audit_value v WHERE v.seq = ANY(seqs)
            AND EXISTS (SELECT 1 FROM audit_redacted r WHERE r.seq = v.seq);
        GET DIAGNOSTICS removed = ROW_COUNT;
        RETURN removed;
    END $$""",
    "REVOKE ALL ON FUNCTION audit_remove_redacted(integer[]) FROM PUBLIC",
    # Even the owner keeps no UPDATE/TRUNCATE; DELETE on values only for the function above.
    "REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_redacted FROM PUBLIC, CURRENT_USER",
    "REVOKE UPDATE, TRUNCATE ON audit_value FROM PUBLIC, CURRENT_USER",
]


def create_guards(store: str) -> None:
    """Run by the audit migration (0001_audit) on a server store, as the schema's owner."""
    db = stores.proxy(store)
    schema = db.execute_sql("SELECT current_schema()").fetchone()[0]
    for sql in _GUARDS:
        db.execute_sql(sql)
    # Pin the functions to this schema: a caller's search_path must not redirect them.
    for fn in ("audit_append_only()", "audit_value_guard()", "audit_remove_redacted(integer[])"):
        db.execute_sql(f'ALTER FUNCTION {fn} SET search_path = "{schema}", pg_temp')


def serialise_appends(store: str) -> None:
    """Wait for, then hold until commit, this store's audit lock (inside the write transaction)."""
    stores.proxy(store).execute_sql(
        "SELECT pg_advisory_xact_lock(hashtext('hscb-audit:' || current_schema()))")


def remove_redacted_values(store: str, seqs: list[int]) -> int:
    row = stores.proxy(store).execute_sql("SELECT audit_remove_redacted(%s)", (list(seqs),)).fetchone()
    return int(row[0] or 0)
