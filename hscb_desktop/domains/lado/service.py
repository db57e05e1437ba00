"""The LADO API: the only code that writes LADO records (ARCHITECTURE rule 3).

Every function takes the signed-in ``Session`` first, checks that it is active
and that its roles allow the work (record access for casework, return access
for the export), validates with ``rules``, and writes in one transaction
together with its audit entry (AUD-1). Records travel as flat dicts keyed by
model field names; subject identity uses the ``subject_*`` keys and is stored
in its own table; ``abuse_category`` and ``harm_criteria`` are lists of codes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from hscb_desktop.core.calendar import WorkingCalendar
from hscb_desktop.core.clock import local_today, utc_stamp
from hscb_desktop.core.periods import period_for
from hscb_desktop.core.validation import (
    Problem,
    RecordRef,
    RecordMissing,
    StaleVersion,
    ValidationFailed,
    error,
    has_errors,
)
from hscb_desktop.domains import history, stale
from hscb_desktop.domains.lado import records, rules
from hscb_desktop.domains.lado.models import (
    SEARCH_INDEX,
    LadoAction,
    LadoContact,
    LadoContactCategory,
    LadoContactHarmCriterion,
    LadoMeeting,
    LadoSubject,
)
from hscb_desktop.security import guard
from hscb_desktop.storage import audit, bulk, reference, refs, search, stores

STORE = "lado"
TABLE = "lado_contact"


# -- plumbing ---------------------------------------------------------------------


def _authorise(session, action: str = "work on LADO records") -> None:
    guard.require_record_access(session, STORE, action)


def _db():
    return stores.proxy(STORE)


def _today(session) -> dt.date:
    return local_today(session.clock)


def _now(session) -> str:
    return utc_stamp(session.clock)


def calendar() -> WorkingCalendar:
    """Bank holidays from the core store's editable table (shipped ones before it opens)."""
    return reference.working_calendar()


def pension_age() -> int:
    if stores.is_open(stores.CORE):
        from hscb_desktop import settings

        return int(settings.get("pension_age"))
    return rules.DEFAULT_PENSION_AGE


def _missing(record_id) -> RecordMissing:
    return RecordMissing([error("", f"LADO contact {record_id} no longer exists.")])


def _contact(record_id) -> LadoContact:
    contact = (
        LadoContact.get_or_none(LadoContact.id == record_id) if isinstance(record_id, int) else None
    )
    if contact is None:
        raise _missing(record_id)
    return contact


def _record(contact: LadoContact, written: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The contact as one flat dict (what the form shows and what the audit stores).
    ``written``: the cleaned values just saved, so a new record is not read back."""
    out = {name: getattr(contact, name) for name in records.CONTACT_FIELDS}
    if written is not None:
        subject = records.subject_row(written) or {}
        for key, col in records.SUBJECT_FIELDS.items():
            out[key] = subject.get(col)
        out["abuse_category"] = sorted(written["abuse_category"])
        out["harm_criteria"] = sorted(written["harm_criteria"])
        return out
    subject = LadoSubject.get_or_none(LadoSubject.contact == contact.id)
    for key, col in records.SUBJECT_FIELDS.items():
        out[key] = getattr(subject, col) if subject else None
    out["abuse_category"] = sorted(
        r.category
        for r in LadoContactCategory.select().where(LadoContactCategory.contact == contact.id)
    )
    out["harm_criteria"] = sorted(
        r.criterion
        for r in LadoContactHarmCriterion.select().where(
            LadoContactHarmCriterion.contact == contact.id
        )
    )
    return out


def _rows_of(model, contact_id: int, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    return [
        {"id": r.id, **{f: getattr(r, f) for f in fields}}
        for r in model.select().where(model.contact == contact_id).order_by(model.id)
    ]


def _meetings(contact_id: int) -> list[dict[str, Any]]:
    return _rows_of(LadoMeeting, contact_id, records.MEETING_FIELDS)


def _actions(contact_id: int) -> list[dict[str, Any]]:
    return _rows_of(LadoAction, contact_id, records.ACTION_FIELDS)


def _check(session, data, meetings, actions) -> list[Problem]:
    problems = rules.validate(data, meetings, actions, _today(session), calendar())
    if has_errors(problems):
        raise ValidationFailed(problems)
    return problems


def _write_children(contact_id: int, values: Mapping[str, Any], *, fresh: bool = False) -> None:
    """Subject and multi-select rows; ``fresh`` (a new contact) has none to clear."""
    if not fresh:
        LadoSubject.delete().where(LadoSubject.contact == contact_id).execute()
    subject = records.subject_row(values)
    if subject:
        LadoSubject.create(contact=contact_id, **subject)
    if not fresh:
        LadoContactCategory.delete().where(LadoContactCategory.contact == contact_id).execute()
    for code in values["abuse_category"]:
        LadoContactCategory.create(contact=contact_id, category=code)
    if not fresh:
        LadoContactHarmCriterion.delete().where(
            LadoContactHarmCriterion.contact == contact_id
        ).execute()
    for code in values["harm_criteria"]:
        LadoContactHarmCriterion.create(contact=contact_id, criterion=code)


def _ref_taken(ref: str, but: int | None = None) -> bool:
    query = LadoContact.select().where(LadoContact.ref == ref)
    if but is not None:
        query = query.where(LadoContact.id != but)
    return query.exists()


def next_ref(year: int) -> str:
    """The next free reference of a year: LADO-2016-0001, LADO-2016-0002, ..."""
    return refs.next_reference(LadoContact, f"LADO-{int(year):04d}-")


def _diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[dict, dict]:
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}


# -- contacts ---------------------------------------------------------------------


def check(session, data: Mapping[str, Any], contact_id: int | None = None) -> list[Problem]:
    """Every problem (errors and warnings) with this data, for the form before saving."""
    _authorise(session)
    if not isinstance(data, Mapping):
        return [error("", "The record is missing.")]
    meetings = _meetings(contact_id) if contact_id else list(data.get("meetings") or [])
    actions = _actions(contact_id) if contact_id else list(data.get("actions") or [])
    return rules.validate(data, meetings, actions, _today(session), calendar())


def create_contact(session, data: Mapping[str, Any]) -> int:
    _authorise(session)
    if not isinstance(data, Mapping):
        raise ValidationFailed([error("", "The record is missing.")])
    _check(session, data, [], [])
    values = records.clean(data)
    derived = records.derived(values, pension_age())
    now = _now(session)
    with _db().atomic():
        ref = values["ref"] or next_ref(values["date_received"].year)
        if ref == values["ref"] and _ref_taken(ref):  # a generated one is free by construction
            raise ValidationFailed([error("ref", f"The reference {ref} is already used.")])
        values["ref"] = ref
        contact = LadoContact.create(
            **records.contact_columns(values), **derived, version=1, created_at=now, updated_at=now
        )
        _write_children(contact.id, values, fresh=True)
        search.upsert(STORE, SEARCH_INDEX, contact.id, records.search_texts(values, ref))
        audit.append(
            STORE,
            session.actor,
            "create",
            clock=session.clock,
            table=TABLE,
            record_id=contact.id,
            new=_record(contact, values),
        )
    return contact.id


def _update(
    session,
    contact_id: int,
    changes: Mapping[str, Any],
    expected_version: int | None,
    *,
    action: str = "update",
    reason: str = "",
    extra: Mapping[str, Any] | None = None,
) -> int:
    """Shared by update_contact, close_case and set_retention_hold; returns the new version."""
    with _db().atomic():
        contact = _contact(contact_id)
        if expected_version is not None and contact.version != expected_version:
            raise _stale(contact)
        old = _record(contact)
        merged = {
            **old,
            **{
                k: v
                for k, v in changes.items()
                if k in records.CONTACT_FIELDS
                or k in records.SUBJECT_FIELDS
                or k in records.LIST_FIELDS
            },
        }
        _check(session, merged, _meetings(contact_id), _actions(contact_id))
        values = records.clean(merged)
        if not values["ref"]:
            values["ref"] = contact.ref
        if values["ref"] != contact.ref and _ref_taken(values["ref"], but=contact_id):
            raise ValidationFailed(
                [error("ref", f"The reference {values['ref']} is already used.")]
            )
        before, after = _diff(old, values)
        state_old = {k: getattr(contact, k) for k in (extra or {})}
        state_new = {k: v for k, v in (extra or {}).items() if state_old[k] != v}
        if not after and not state_new:
            return contact.version
        if contact.date_closed and action in ("update", "close") and not (reason or "").strip():
            raise ValidationFailed([error("reason", "Give a reason for changing a closed case.")])
        rows = (
            LadoContact.update(
                **records.contact_columns(values),
                **records.derived(values, pension_age()),
                **(extra or {}),
                version=contact.version + 1,
                updated_at=_now(session),
            )
            .where((LadoContact.id == contact_id) & (LadoContact.version == contact.version))
            .execute()
        )
        if rows != 1:
            raise _stale(_contact(contact_id))
        _write_children(contact_id, values)
        search.upsert(STORE, SEARCH_INDEX, contact_id, records.search_texts(values, values["ref"]))
        audit.append(
            STORE,
            session.actor,
            action,
            clock=session.clock,
            table=TABLE,
            record_id=contact_id,
            old={**before, **{k: state_old[k] for k in state_new}},
            new={**after, **state_new},
            reason=reason,
        )
        return contact.version + 1


def _stale(contact: LadoContact) -> StaleVersion:
    return StaleVersion(
        [
            error(
                "",
                f"{contact.ref} was changed by someone else after you opened it "
                f"(it is now at version {contact.version}). Your changes were not "
                "saved: reopen the record and make them again.",
            )
        ]
    )


def update_contact(
    session, contact_id: int, data: Mapping[str, Any], expected_version: int, reason: str = ""
) -> int:
    """Save changed fields (missing keys keep their values); returns the new version."""
    _authorise(session)
    if not isinstance(data, Mapping):
        raise ValidationFailed([error("", "The record is missing.")])
    return _update(session, contact_id, data, expected_version, reason=reason)


def get_contact(session, contact_id: int) -> dict[str, Any]:
    """The whole record for the form; opening it is audited as a view (AUD-1)."""
    _authorise(session)
    with _db().atomic():
        contact = _contact(contact_id)
        record = _record(contact)
        record.update({k: getattr(contact, k) for k in records.STATE_FIELDS})
        record.update(
            id=contact.id,
            version=contact.version,
            meetings=_meetings(contact.id),
            actions=_actions(contact.id),
        )
        audit.append(
            STORE, session.actor, "view", clock=session.clock, table=TABLE, record_id=contact.id
        )
    return record


def contact_changes(session, contact_id: int, started, fields=None) -> history.Conflict:
    """The contact as saved now and each field that differs from ``started`` (what a form
    loaded), with who saved it and when: for the conflict view after a stale save."""
    current = get_contact(session, contact_id)
    return history.compare(STORE, TABLE, contact_id, started, current, fields)


def close_case(
    session,
    contact_id: int,
    *,
    date_closed: dt.date,
    closure_reason: str,
    expected_version: int,
    outcome: str | None = None,
    outcome_date: dt.date | None = None,
    lessons_learned: str | None = None,
    reason: str = "",
) -> int:
    """Close (or, with a reason, re-close) a case; a threshold case needs its outcome."""
    _authorise(session)
    changes: dict[str, Any] = {"date_closed": date_closed, "closure_reason": closure_reason}
    if outcome is not None:
        changes["outcome"] = outcome
    if outcome_date is not None:
        changes["outcome_date"] = outcome_date
    if lessons_learned is not None:
        changes["lessons_learned"] = lessons_learned
    return _update(session, contact_id, changes, expected_version, action="close", reason=reason)


def set_retention_hold(session, contact_id: int, hold: bool, reason: str) -> int:
    """Suspend (or resume) retention review, e.g. for IICSA or litigation (§8.5)."""
    _authorise(session)
    problems = rules.validate_hold_reason(reason)
    if problems:
        raise ValidationFailed(problems)
    return _update(
        session,
        contact_id,
        {},
        None,
        action="retention_hold",
        reason=reason,
        extra={"retention_hold": bool(hold), "retention_hold_reason": reason.strip()},
    )


def _audit_seqs_with_values(contact_id: int) -> list[int]:
    """Audit entries holding values about this contact or its meetings and actions."""
    targets = [(TABLE, contact_id)]
    targets += [
        ("lado_meeting", m.id)
        for m in LadoMeeting.select(LadoMeeting.id).where(LadoMeeting.contact == contact_id)
    ]
    targets += [
        ("lado_action", a.id)
        for a in LadoAction.select(LadoAction.id).where(LadoAction.contact == contact_id)
    ]
    seqs = []
    for table, record_id in targets:
        seqs += [
            e.seq for e in audit.entries_for(STORE, table, record_id) if e.old_hash or e.new_hash
        ]
    return seqs


def delete_contact(session, contact_id: int, reason: str) -> None:
    """Explicit, audited deletion after retention review (never automatic, §8.5). The record's
    earlier audit values are redacted too, or the deleted data would live on in the log."""
    _authorise(session, "delete LADO records")
    if not (reason or "").strip():
        raise ValidationFailed([error("reason", "Give the reason for deleting this record.")])
    with _db().atomic():
        contact = _contact(contact_id)
        if contact.retention_hold:
            raise ValidationFailed(
                [
                    error(
                        "retention_hold",
                        f"{contact.ref} is under a retention hold "
                        f"({contact.retention_hold_reason}); lift the "
                        "hold before deleting it.",
                    )
                ]
            )
        seqs = _audit_seqs_with_values(contact_id)
        summary = {
            "ref": contact.ref,
            "date_received": contact.date_received,
            "retention_review_date": contact.retention_review_date,
        }
        search.delete(STORE, SEARCH_INDEX, contact_id)
        LadoContact.delete().where(LadoContact.id == contact_id).execute()  # children cascade
        audit.append(
            STORE,
            session.actor,
            "delete",
            clock=session.clock,
            table=TABLE,
            record_id=contact_id,
            old=summary,
            reason=reason,
        )
        if seqs:
            audit.redact(
                STORE,
                session.actor,
                seqs,
                reason=f"deleted {contact.ref}: {reason}",
                clock=session.clock,
            )


def redact_malicious(session, contact_id: int, reason: str) -> None:
    """Remove the details of an allegation found malicious or false (KCSIE; AUD-4): the text
    fields are cleared and the values in this record's earlier audit entries are redacted."""
    _authorise(session, "redact LADO records")
    if not (reason or "").strip():
        raise ValidationFailed([error("reason", "Give the reason for the redaction.")])
    with _db().atomic():
        contact = _contact(contact_id)
        if contact.outcome not in ("malicious", "false"):
            raise ValidationFailed(
                [
                    error(
                        "outcome",
                        "Only an allegation found malicious or false "
                        "can have its details redacted.",
                    )
                ]
            )
        seqs = _audit_seqs_with_values(contact_id)
        LadoContact.update(
            **{f: None for f in records.DETAIL_FIELDS},
            redacted=True,
            version=LadoContact.version + 1,
            updated_at=_now(session),
        ).where(LadoContact.id == contact_id).execute()
        LadoMeeting.update(notes=None).where(LadoMeeting.contact == contact_id).execute()
        LadoAction.update(notes=None).where(LadoAction.contact == contact_id).execute()
        audit.append(
            STORE,
            session.actor,
            "redact_details",
            clock=session.clock,
            table=TABLE,
            record_id=contact_id,
            new={"redacted": True, "cleared": list(records.DETAIL_FIELDS)},
            reason=reason,
        )
        if seqs:
            audit.redact(STORE, session.actor, seqs, reason=reason, clock=session.clock)


def related_contacts(session, contact_id: int) -> dict[str, list[int]]:
    """Other contacts about the same subject (normalised name + date of birth) or the same
    employer (normalised name), newest first: the patterns the LADO watches for."""
    _authorise(session)
    contact = _contact(contact_id)
    subject = LadoSubject.get_or_none(LadoSubject.contact == contact_id)
    same_subject: list[int] = []
    if subject and subject.name_norm and subject.dob:
        same_subject = [
            r.contact_id
            for r in LadoSubject.select(LadoSubject.contact)
            .join(LadoContact)
            .where(
                (LadoSubject.name_norm == subject.name_norm)
                & (LadoSubject.dob == subject.dob)
                & (LadoSubject.contact != contact_id)
            )
            .order_by(LadoContact.date_received.desc(), LadoContact.id.desc())
        ]
    same_employer = (
        [
            c.id
            for c in LadoContact.select(LadoContact.id)
            .where(
                (LadoContact.employer_norm == contact.employer_norm)
                & (LadoContact.id != contact_id)
            )
            .order_by(LadoContact.date_received.desc(), LadoContact.id.desc())
        ]
        if contact.employer_norm
        else []
    )
    return {"subject": same_subject, "employer": same_employer}


# -- meetings and actions ---------------------------------------------------------


def _child_write(
    session,
    model,
    table: str,
    fields: tuple[str, ...],
    contact_id: int,
    row_id: int | None,
    data: Mapping[str, Any] | None,
    expected: Mapping[str, Any] | None = None,
) -> int:
    """Add (row_id None), change, or delete (data None) one meeting or action.
    ``expected``: the row as the user's dialog loaded it; a row changed since is refused
    (``StaleVersion``, domains.stale)."""
    _authorise(session)
    if data is not None and not isinstance(data, Mapping):
        raise ValidationFailed([error("", "The row is missing.")])
    with _db().atomic():
        if row_id is not None:
            stale.lock_row(STORE, model, row_id)
        contact = _contact(contact_id)
        meetings, actions = _meetings(contact_id), _actions(contact_id)
        rows = meetings if model is LadoMeeting else actions
        old = next((r for r in rows if r["id"] == row_id), None)
        kind = table.split("_")[1]
        if row_id is not None and old is None:
            raise RecordMissing([error("", f"That {kind} no longer exists.")])
        expected = stale.as_stored(
            expected, lambda row: {f: records.cell(f, v) for f, v in row.items()}, fields)
        if old is not None and expected is not None:
            when = old.get("meeting_date" if model is LadoMeeting else "action_date")
            stale.refuse_if_changed(old, expected, f"The {kind}" + (
                f" of {when:%d/%m/%Y}" if isinstance(when, dt.date) else ""), fields,
                deleting=data is None)
        new = None
        if data is not None:
            new = {f: (old or {}).get(f) for f in fields}
            new.update({f: data[f] for f in fields if f in data})
            for f in fields:
                new[f] = records.cell(f, new[f])
        others = [r for r in rows if r["id"] != row_id] + ([new] if new else [])
        if model is LadoMeeting:
            meetings = others
        else:
            actions = others
        record = _record(contact)
        # Only this row's own problems block it; deleting a row cannot make the case invalid.
        problems = (
            []
            if data is None
            else [
                p
                for p in rules.validate(record, meetings, actions, _today(session), calendar())
                if p.blocking and p.field in fields
            ]
        )
        if problems:
            raise ValidationFailed(problems)
        if data is None:
            model.delete().where(model.id == row_id).execute()
        elif row_id is None:
            row_id = model.create(contact=contact_id, **new).id
        else:
            model.update(**new).where(model.id == row_id).execute()
        before = {k: v for k, v in (old or {}).items() if k != "id"} or None
        audit.append(
            STORE,
            session.actor,
            "delete" if data is None else ("update" if old else "create"),
            clock=session.clock,
            table=table,
            record_id=row_id,
            old=before,
            new=None if new is None else {"contact": contact_id, **new},
        )
        return row_id


def _contact_of(model, row_id: int) -> int:
    row = model.get_or_none(model.id == row_id) if isinstance(row_id, int) else None
    if row is None:
        raise RecordMissing([error("", f"That row ({row_id}) no longer exists.")])
    return row.contact_id


def add_meeting(session, contact_id: int, data: Mapping[str, Any]) -> int:
    return _child_write(
        session, LadoMeeting, "lado_meeting", records.MEETING_FIELDS, contact_id, None, data
    )


def update_meeting(session, meeting_id: int, data: Mapping[str, Any],
                   expected: Mapping[str, Any] | None = None) -> int:
    """``expected``: the meeting as the dialog loaded it (refused if changed since)."""
    _authorise(session)
    return _child_write(
        session,
        LadoMeeting,
        "lado_meeting",
        records.MEETING_FIELDS,
        _contact_of(LadoMeeting, meeting_id),
        meeting_id,
        data,
        expected,
    )


def delete_meeting(session, meeting_id: int, expected: Mapping[str, Any] | None = None) -> None:
    _authorise(session)
    _child_write(
        session,
        LadoMeeting,
        "lado_meeting",
        records.MEETING_FIELDS,
        _contact_of(LadoMeeting, meeting_id),
        meeting_id,
        None,
        expected,
    )


def add_action(session, contact_id: int, data: Mapping[str, Any]) -> int:
    return _child_write(
        session, LadoAction, "lado_action", records.ACTION_FIELDS, contact_id, None, data
    )


def update_action(session, action_id: int, data: Mapping[str, Any],
                  expected: Mapping[str, Any] | None = None) -> int:
    """``expected``: the action as the dialog loaded it (refused if changed since)."""
    _authorise(session)
    return _child_write(
        session,
        LadoAction,
        "lado_action",
        records.ACTION_FIELDS,
        _contact_of(LadoAction, action_id),
        action_id,
        data,
        expected,
    )


def delete_action(session, action_id: int, expected: Mapping[str, Any] | None = None) -> None:
    _authorise(session)
    _child_write(
        session,
        LadoAction,
        "lado_action",
        records.ACTION_FIELDS,
        _contact_of(LadoAction, action_id),
        action_id,
        None,
        expected,
    )


# -- bulk (import, demo data, benchmarks) -------------------------------------------


def bulk_create(
    session, items: Iterable[Mapping[str, Any]], sources: list[str] | None = None
) -> list[int]:
    """Create many contacts (each may carry ``meetings`` and ``actions`` lists) with the
    driver's executemany; validated like single saves, audited as one entry. With
    ``sources`` (an import: file, sheet and row of each item) each contact is audited
    on its own as an "import", the source as the reason."""
    _authorise(session)
    items = list(items)
    if sources is not None and len(sources) != len(items):
        raise ValueError("bulk_create: one source per item")
    today, cal, age, now = _today(session), calendar(), pension_age(), _now(session)
    for number, data in enumerate(items, start=1):
        problems = rules.validate(
            data, data.get("meetings") or [], data.get("actions") or [], today, cal
        )
        if has_errors(problems):
            raise ValidationFailed(
                [
                    Problem(p.field, f"Record {number}: {p.message}", p.severity)
                    for p in problems
                    if p.blocking
                ]
            )
    given = [
        r["ref"].strip() for r in items if isinstance(r.get("ref"), str) and r["ref"].strip()
    ]
    with _db().atomic():
        taken = (
            {c.ref for c in LadoContact.select(LadoContact.ref).where(LadoContact.ref.in_(given))}
            if given
            else set()
        )
        if taken or len(set(given)) != len(given):
            raise ValidationFailed(
                [
                    error(
                        "ref",
                        "Some references are already used or repeated: "
                        f"{', '.join(sorted(taken)[:5]) or 'within the batch'}.",
                    )
                ]
            )
        first = (
            LadoContact.select(LadoContact.id).order_by(LadoContact.id.desc()).scalar() or 0
        ) + 1
        counters: dict[int, int] = {}
        contacts, subjects, cats, crits, meetings, actions, texts = [], [], [], [], [], [], []
        written: list[tuple[int, dict[str, Any]]] = []  # (id, values) to audit as imports
        columns = [
            *records.CONTACT_FIELDS,
            "employer_norm",
            "sector_group",
            "retention_review_date",
            "dob_unknown",
        ]
        for offset, data in enumerate(items):
            cid, values = first + offset, records.clean(data)
            year = values["date_received"].year
            if not values["ref"]:
                if year not in counters:
                    counters[year] = int(next_ref(year).rsplit("-", 1)[1])
                values["ref"] = f"LADO-{year:04d}-{counters[year]:04d}"
                counters[year] += 1
            row = {**records.contact_columns(values), **records.derived(values, age)}
            contacts.append((cid, *(records.to_sql(row[c]) for c in columns), 0, 0, 1, now, now))
            subject = records.subject_row(values)
            if subject:
                subjects.append((cid, *(records.to_sql(v) for v in subject.values())))
            cats += [(cid, c) for c in values["abuse_category"]]
            crits += [(cid, c) for c in values["harm_criteria"]]
            meetings += [
                (
                    cid,
                    m.get("meeting_type"),
                    records.to_sql(rules.as_date(m.get("meeting_date"))[0]),
                    records.cell("agencies_present", m.get("agencies_present")),
                    m.get("notes"),
                )
                for m in data.get("meetings") or []
            ]
            actions += [
                (
                    cid,
                    a.get("action_type"),
                    records.to_sql(rules.as_date(a.get("action_date"))[0]),
                    a.get("notes"),
                )
                for a in data.get("actions") or []
            ]
            texts.append((cid, records.search_texts(values, values["ref"])))
            if sources is not None:
                written.append((cid, values))
        bulk.insert_rows(
            STORE,
            TABLE,
            ["id", *columns, "retention_hold", "redacted", "version", "created_at", "updated_at"],
            contacts,
        )
        if subjects:
            bulk.insert_rows(
                STORE,
                "lado_subject",
                ["contact_id", "name", "sex", "dob", "ethnicity", "other_roles", "name_norm"],
                subjects,
            )
        bulk.insert_rows(STORE, "lado_contact_category", ["contact_id", "category"], cats)
        bulk.insert_rows(STORE, "lado_contact_harm_criterion", ["contact_id", "criterion"], crits)
        bulk.insert_rows(
            STORE,
            "lado_meeting",
            ["contact_id", "meeting_type", "meeting_date", "agencies_present", "notes"],
            meetings,
        )
        bulk.insert_rows(
            STORE, "lado_action", ["contact_id", "action_type", "action_date", "notes"], actions
        )
        search.upsert_many(STORE, SEARCH_INDEX, texts)
        ids = list(range(first, first + len(items)))
        for (cid, values), source in zip(written, sources or ()):
            audit.append(STORE, session.actor, "import", clock=session.clock, table=TABLE,
                         record_id=cid, new=_record(SimpleNamespace(**values), values),
                         reason=source)
        if ids and sources is None:
            audit.append(
                STORE,
                session.actor,
                "bulk_create",
                clock=session.clock,
                table=TABLE,
                new={"count": len(ids), "first_id": ids[0], "last_id": ids[-1]},
            )
    return ids


# -- the return -------------------------------------------------------------------


def export_lado(session, period_spec: str, path: str | Path) -> Path:
    """Compute tables L1-L8 for a period, write the workbook atomically (KP-1) and audit the
    export with the file's SHA-256 (XLS-3). Business unit users may run it: counts only."""
    guard.require_return_access(session, STORE)
    from hscb_desktop.domains.lado import returns as lado_returns
    from hscb_desktop.returns import export

    period = period_for(STORE, period_spec)
    chain = export.verify_chain(STORE)  # AUD-3: the chain is checked before each export
    tables = lado_returns.compute(period)
    return export.write_return(
        session,
        STORE,
        "LADO: allegations against people who work with children",
        "lado",
        period,
        tables,
        {"Counting rules": lado_returns.COUNTING_RULES},
        path,
        chain,
    )

# -- the data-quality gate (annual report) ------------------------------------------


def period_problems(session, period) -> list[tuple[RecordRef, Problem]]:
    """(reference, problem) for every problem the rules find in the contacts received in
    ``period``, for the annual report's data-quality gate. Return access suffices: only
    references and the rules' own messages leave this function."""
    guard.require_return_access(session, STORE)
    today, working = _today(session), calendar()
    found: list[tuple[RecordRef, Problem]] = []
    in_period = LadoContact.date_received.between(period.start, period.end)
    contacts = LadoContact.select().where(in_period).order_by(
        LadoContact.date_received, LadoContact.id)
    parts = _period_parts(LadoContact.select(LadoContact.id).where(in_period))
    for contact in contacts:
        written, meetings, actions = parts(contact.id)
        problems = rules.validate(_record(contact, written), meetings, actions, today, working)
        ref = RecordRef(contact.ref, "contact", contact.id)
        found += [(ref, p) for p in problems]
    return found


def _period_parts(ids):
    """Subject, codes, meetings and actions of the contacts ``ids`` (a query) read in five
    queries, not five per contact: a year is 8,000 contacts (20 s, 40,000 queries, before).
    Returns contact id -> (what ``_record`` takes as ``written``, meetings, actions)."""
    from collections import defaultdict

    subjects = {s.contact_id: s for s in LadoSubject.select().where(LadoSubject.contact.in_(ids))}
    codes: dict[str, dict[int, list[str]]] = {"abuse_category": defaultdict(list),
                                              "harm_criteria": defaultdict(list)}
    for r in LadoContactCategory.select().where(LadoContactCategory.contact.in_(ids)):
        codes["abuse_category"][r.contact_id].append(r.category)
    for r in LadoContactHarmCriterion.select().where(LadoContactHarmCriterion.contact.in_(ids)):
        codes["harm_criteria"][r.contact_id].append(r.criterion)
    rows: dict[str, dict[int, list[dict[str, Any]]]] = {}
    for model, fields in ((LadoMeeting, records.MEETING_FIELDS),
                          (LadoAction, records.ACTION_FIELDS)):
        rows[model.__name__] = defaultdict(list)
        for r in model.select().where(model.contact.in_(ids)).order_by(model.id):
            rows[model.__name__][r.contact_id].append(
                {"id": r.id, **{f: getattr(r, f) for f in fields}})

    def parts(contact_id: int):
        subject = subjects.get(contact_id)
        written = {key: getattr(subject, col) if subject else None
                   for key, col in records.SUBJECT_FIELDS.items()}
        written.update({name: by_id[contact_id] for name, by_id in codes.items()})
        return (written, rows["LadoMeeting"][contact_id], rows["LadoAction"][contact_id])

    return parts


def late_referrals(session, since: dt.date, limit: int = 200) -> list[dict[str, Any]]:
    """Open contacts received on or after ``since`` that the rules warn were referred late
    (the work tray). Only the reference, the date and the warning leave the service, so
    reading them is not a view of the record."""
    _authorise(session)
    today, cal, out = _today(session), calendar(), []
    recent = list(LadoContact.select().where(LadoContact.date_closed.is_null()
                                              & (LadoContact.date_received >= since))
                  .order_by(LadoContact.date_received.desc()).limit(limit))
    # Each contact's subject and codes in a few queries, not three a contact: the work
    # tray asks at every sign-in (100 open recent cases: 140 ms before, issue 10).
    parts = _period_parts([c.id for c in recent])
    for contact in recent:
        written, _meetings, _actions = parts(contact.id)
        warnings = [p for p in rules.validate(_record(contact, written), (), (), today, cal)
                    if p.field == "date_received" and not p.blocking]
        if warnings:
            out.append({"id": contact.id, "ref": contact.ref,
                        "date_received": contact.date_received, "message": warnings[0].message})
    return out
