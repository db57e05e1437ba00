"""What changed in a saved record since a form loaded it, and who saved each change.

The plain data behind the conflict view (issue 11, optimistic locking): when a save
is refused as stale, the form asks its domain service for the record as stored now
and, field by field, how it differs from what the user started from, with the user
and time of the audit entry that last changed the field. Qt-free; each domain's
``service.py`` authorises the read and calls ``compare``.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN

from hscb_desktop.storage import audit

# Keys that change on every save or are bookkeeping, never something the user typed.
_BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at"})
# Audit actions that do not change a record's values.
_READS = frozenset({"view", "export", "print"})


@dataclass(frozen=True)
class FieldChange:
    field: str
    started: Any  # the value the user's form loaded
    stored: Any  # the value saved now
    user: str = ""  # who saved it ("" when the audit log does not say)
    at: dt.datetime | None = None  # when (UTC), None when unknown


@dataclass(frozen=True)
class Conflict:
    stored: dict[str, Any]  # the record as saved now: what "Take theirs" loads
    changes: list[FieldChange] = field(default_factory=list)
    last_user: str = ""  # who saved the record last, and when
    last_at: dt.datetime | None = None

    @property
    def version(self) -> Any:
        return self.stored.get("version")


def same(a: Any, b: Any) -> bool:
    """Equal as stored: blank text and None are the same answer; list order does not count."""
    if a in ("", None) and b in ("", None):
        return True
    if isinstance(a, (list, tuple, set)) and isinstance(b, (list, tuple, set)):
        try:
            return sorted(a) == sorted(b)
        except TypeError:
            return list(a) == list(b)
    return a == b


def _when(stamp: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return None


def compare(
    store: str,
    table: str,
    record_id: object,
    started: Mapping[str, Any] | None,
    stored: Mapping[str, Any],
    fields: Iterable[str] | None = None,
) -> Conflict:
    """``stored`` against ``started`` over ``fields`` (default: every key of ``stored``),
    each difference attributed to the newest audit entry of the record that changed that
    field (or, when none names it, the newest change of the record)."""
    started = started or {}
    names = [f for f in (fields if fields is not None else stored) if f not in _BOOKKEEPING]
    differing = [f for f in names if f in stored and not same(started.get(f), stored.get(f))]
    last, by_field = _attribute(store, table, record_id, differing)
    changes = []
    for name in differing:
        entry = by_field.get(name) or last
        changes.append(
            FieldChange(
                name,
                started.get(name),
                stored.get(name),
                entry.user if entry else "",
                _when(entry.ts) if entry else None,
            )
        )
    return Conflict(
        dict(stored),
        changes,
        last.user if last else "",
        _when(last.ts) if last else None,
    )


def _attribute(store: str, table: str, record_id: object, names: list[str]):
    """The record's newest write, and for each of ``names`` the newest write whose stored
    values show it changing: one pass over the writes, newest first, stopping once every
    name is found (a record saved a thousand times costs what its recent saves cost)."""
    AuditEntry, AuditValue, _ = audit.models(store)
    writes = (
        AuditEntry.select(AuditEntry.seq, AuditEntry.ts, AuditEntry.user, AuditValue.old,
                          AuditValue.new)
        .join(AuditValue, JOIN.LEFT_OUTER, on=(AuditValue.seq == AuditEntry.seq))
        .where((AuditEntry.record_table == table) & (AuditEntry.record_id == str(record_id))
               & AuditEntry.action.not_in(sorted(_READS)))
        .order_by(AuditEntry.seq.desc())
        .objects()
    )
    last, found, pending = None, {}, set(names)
    for row in writes.iterator():
        last = last or row
        if not pending:
            break
        new = json.loads(row.new) if row.new else None
        if not isinstance(new, Mapping):
            continue
        old = json.loads(row.old) if row.old else None
        for name in [n for n in pending if n in new]:
            if not isinstance(old, Mapping) or old.get(name) != new[name]:
                found[name] = row
                pending.discard(name)
    return last, found
