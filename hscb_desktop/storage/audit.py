"""Hash-chained audit log, one chain per store (AUD-1 … AUD-4).

``audit_entry`` holds who/when/what and the SHA-256 of the old and new values;
``audit_value`` holds the values themselves. Each entry's hash covers the previous
entry's hash and the entry (with the value *hashes*), so a lawful redaction can
delete values and the chain still verifies (AUD-4). Triggers make both tables
append-only; an ``audit_value`` row may be deleted only once a redaction entry
names it (AUD-2).
"""
from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache

from peewee import JOIN, CharField, IntegerField, Model, TextField

from hscb_desktop.core.clock import Clock
from hscb_desktop.core.coerce import UNSTORABLE, storable
from hscb_desktop.core.validation import ValidationFailed, error
from hscb_desktop.storage import stores

GENESIS = "0" * 64


@dataclass(frozen=True)
class Actor:
    user: str
    roles: str  # comma-separated role codes held when acting


SYSTEM = Actor("system", "system")


def _default(value):
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"cannot audit a {type(value).__name__}")


def canonical_json(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default)


def value_hash(value) -> str:
    return "" if value is None else hashlib.sha256(canonical_json(value).encode()).hexdigest()


@lru_cache(maxsize=None)
def models(store: str):
    """The audit models bound to one store's proxy."""

    class Base(Model):
        class Meta:
            database = stores.proxy(store)

    class AuditEntry(Base):
        seq = IntegerField(primary_key=True)
        ts = CharField()  # ISO 8601 UTC from the injectable clock
        user = CharField()
        roles = CharField()
        action = CharField()  # create, update, delete, view, export, login, login_failed, lock, …
        record_table = CharField(default="")
        record_id = CharField(default="")
        reason = TextField(default="")
        old_hash = CharField(default="")
        new_hash = CharField(default="")
        prev_hash = CharField()
        entry_hash = CharField()

        class Meta:
            table_name = "audit_entry"

    class AuditValue(Base):
        seq = IntegerField(primary_key=True)  # = AuditEntry.seq
        old = TextField(null=True)
        new = TextField(null=True)

        class Meta:
            table_name = "audit_value"

    class AuditRedacted(Base):
        seq = IntegerField(primary_key=True)  # the entry whose values were removed
        redaction_seq = IntegerField()  # the redaction event that removed them

        class Meta:
            table_name = "audit_redacted"

    return AuditEntry, AuditValue, AuditRedacted


_TRIGGERS = [
    "CREATE TRIGGER IF NOT EXISTS audit_entry_no_update BEFORE UPDATE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_entry_no_delete BEFORE DELETE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_value_no_update BEFORE UPDATE ON audit_value "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_value_no_delete BEFORE DELETE ON audit_value "
    "WHEN NOT EXISTS (SELECT 1 FROM audit_redacted r WHERE r.seq = OLD.seq) "
    "BEGIN SELECT RAISE(ABORT, 'audit values can only be removed by a recorded redaction'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_redacted_no_update BEFORE UPDATE ON audit_redacted "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_redacted_no_delete BEFORE DELETE ON audit_redacted "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
]


def create_tables(store: str) -> None:
    """Migration step shared by every store."""
    db = stores.proxy(store)
    db.create_tables(list(models(store)))
    if stores.is_server(store):
        from hscb_desktop.storage import server_audit

        server_audit.create_guards(store)
        return
    for sql in _TRIGGERS:
        db.execute_sql(sql)


def _entry_payload(e) -> dict:
    return {
        "seq": e.seq, "ts": e.ts, "user": e.user, "roles": e.roles, "action": e.action,
        "table": e.record_table, "record_id": e.record_id, "reason": e.reason,
        "old_hash": e.old_hash, "new_hash": e.new_hash,
    }


def _chain_hash(prev_hash: str, payload: dict) -> str:
    return hashlib.sha256((prev_hash + canonical_json(payload)).encode()).hexdigest()


def append(store: str, actor: Actor, action: str, *, clock: Clock, table: str = "",
           record_id: object = "", old=None, new=None, reason: str = "") -> int:
    """Append one entry. Call inside the caller's write transaction so the record
    change and its audit entry commit together."""
    if not storable(reason or ""):  # free-text reasons reach the log unvalidated by any rules
        raise ValidationFailed([error("reason", f"The reason {UNSTORABLE}.")])
    AuditEntry, AuditValue, _ = models(store)
    if stores.is_server(store):  # concurrent writers: one at a time reads the head and appends
        from hscb_desktop.storage import server_audit

        server_audit.serialise_appends(store)
    last = AuditEntry.select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).first()
    seq = (last.seq + 1) if last else 1
    entry = AuditEntry(
        seq=seq, ts=clock.now().astimezone(dt.timezone.utc).isoformat(timespec="microseconds"),
        user=actor.user, roles=actor.roles, action=action, record_table=table,
        record_id="" if record_id is None else str(record_id), reason=reason or "",
        old_hash=value_hash(old), new_hash=value_hash(new),
        prev_hash=last.entry_hash if last else GENESIS,
    )
    entry.entry_hash = _chain_hash(entry.prev_hash, _entry_payload(entry))
    entry.save(force_insert=True)
    if old is not None or new is not None:
        AuditValue.create(seq=seq, old=None if old is None else canonical_json(old),
                          new=None if new is None else canonical_json(new))
    return seq


@dataclass(frozen=True)
class ChainReport:
    store: str
    ok: bool
    count: int
    head_hash: str
    first_bad_seq: int | None = None
    message: str = ""
    redacted: int = 0

    def describe(self) -> str:
        if self.ok:
            return (f"{self.store}: OK, {self.count} entries, head {self.head_hash[:16]}…"
                    + (f", {self.redacted} redacted" if self.redacted else ""))
        return f"{self.store}: BROKEN at entry {self.first_bad_seq}: {self.message}"


def verify(store: str, anchor: tuple[int, str] | None = None) -> ChainReport:
    """Check the chain from the first entry. ``anchor`` is a (count, head hash) recorded
    outside the live file (a backup manifest, an export): the chain must still contain
    that entry with that hash, so a truncated or rewritten tail is found (AUD-3)."""
    AuditEntry, AuditValue, AuditRedacted = models(store)
    # The business unit's server login sees a casework chain's entries, not its values:
    # the links and entry hashes (which cover the value hashes) are checked all the same.
    hidden = getattr(stores.proxy(store).obj, "values_hidden", False)
    redacted = set() if hidden else {r.seq for r in AuditRedacted.select(AuditRedacted.seq)}
    # One streamed pass, each entry with its values beside it: memory stays flat however
    # long the chain (a 50,000-row import left every value in a dict at once before).
    rows = AuditEntry.select().order_by(AuditEntry.seq)
    if not hidden:
        rows = (AuditEntry.select(AuditEntry, AuditValue.seq.alias("v_seq"),
                                  AuditValue.old.alias("v_old"), AuditValue.new.alias("v_new"))
                .join(AuditValue, JOIN.LEFT_OUTER, on=(AuditValue.seq == AuditEntry.seq))
                .order_by(AuditEntry.seq).objects())
    prev, count, expected_seq = GENESIS, 0, 1
    for e in rows.iterator():
        def broken(why: str, seq: int = e.seq) -> ChainReport:
            return ChainReport(store, False, count, prev, seq, why, len(redacted))
        if e.seq != expected_seq:
            return broken(f"entry {expected_seq} is missing", expected_seq)
        if e.prev_hash != prev:
            return broken("its link to the previous entry does not match")
        if _chain_hash(prev, _entry_payload(e)) != e.entry_hash:
            return broken("its contents do not match its hash")
        if getattr(e, "v_seq", None) is not None:
            old = None if e.v_old is None else json.loads(e.v_old)
            new = None if e.v_new is None else json.loads(e.v_new)
            if value_hash(old) != e.old_hash or value_hash(new) != e.new_hash:
                return broken("its stored values do not match their hashes")
        elif (e.old_hash or e.new_hash) and e.seq not in redacted and not hidden:
            return broken("its values are missing and no redaction is recorded")
        prev, count, expected_seq = e.entry_hash, count + 1, expected_seq + 1
        if anchor is not None and e.seq == anchor[0] and e.entry_hash != anchor[1]:
            return broken("it does not match the head recorded in a backup or export")
    if anchor is not None and anchor[0] > count:
        return ChainReport(store, False, count, prev, count + 1,
                           f"entries {count + 1} to {anchor[0]} are missing: the chain ends before "
                           "the head recorded in a backup or export", len(redacted))
    return ChainReport(store, True, count, prev, redacted=len(redacted))


def head(store: str) -> tuple[int, str]:
    AuditEntry, _, _ = models(store)
    last = AuditEntry.select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).first()
    return (last.seq, last.entry_hash) if last else (0, GENESIS)


def redact(store: str, actor: Actor, seqs: list[int], *, reason: str, clock: Clock) -> int:
    """Remove the values of the given entries (e.g. a malicious allegation's details),
    recording who, when, why and which. Call inside a write transaction."""
    if not reason.strip():
        raise ValueError("A redaction needs a reason.")
    _, AuditValue, AuditRedacted = models(store)
    targets = sorted(set(seqs))
    redaction_seq = append(store, actor, "redact", clock=clock, new={"entries": targets}, reason=reason)
    for seq in targets:
        AuditRedacted.insert(seq=seq, redaction_seq=redaction_seq).on_conflict_ignore().execute()
    if stores.is_server(store):  # no login may DELETE audit rows; the owner's function may
        from hscb_desktop.storage import server_audit

        server_audit.remove_redacted_values(store, targets)
        return redaction_seq
    AuditValue.delete().where(AuditValue.seq.in_(targets)).execute()
    return redaction_seq


def entries_for(store: str, table: str, record_id: object) -> list:
    AuditEntry, _, _ = models(store)
    return list(AuditEntry.select().where((AuditEntry.record_table == table)
                                          & (AuditEntry.record_id == str(record_id))).order_by(AuditEntry.seq))


def values_of(store: str, seq: int):
    _, AuditValue, _ = models(store)
    v = AuditValue.get_or_none(AuditValue.seq == seq)
    if v is None:
        return None, None
    return (None if v.old is None else json.loads(v.old)), (None if v.new is None else json.loads(v.new))
