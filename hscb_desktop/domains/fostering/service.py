"""The private fostering API: the only code that writes private fostering records
(ARCHITECTURE rule 3).

Every function takes the signed-in ``Session`` first, checks that it is active and that
its roles allow the work (record access for casework, return access for the export),
validates with ``rules``, and writes in one transaction together with its audit entry
(AUD-1). Records travel as flat dicts keyed by model field names: a notification's child
under ``child_*`` keys (stored in ``PfChild``) and its carer under ``carer_*`` keys
(``PfCarer``); an arrangement's ``reasons`` is a list of codes. The enquiry, notification
and arrangement carry a ``version``: updates pass the version they read and are refused
(``StaleVersion``) if someone saved in between.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from peewee import fn

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
from hscb_desktop.domains.fostering import records, rules
from hscb_desktop.domains.fostering.models import (
    ENQUIRY_SEARCH_INDEX,
    SEARCH_INDEX,
    PfArrangement,
    PfArrangementReason,
    PfCarer,
    PfChild,
    PfEnquiry,
    PfNotification,
    PfVisit,
)
from hscb_desktop.security import guard
from hscb_desktop.storage import audit, bulk, reference, refs, search, stores

STORE = "fostering"
T_ENQUIRY = "pf_enquiry"
T_NOTIFICATION = "pf_notification"
T_ARRANGEMENT = "pf_arrangement"
T_VISIT = "pf_visit"
ENQUIRY_PREFIX = "PFE"
NOTIFICATION_PREFIX = "PF"


# -- plumbing ---------------------------------------------------------------------


def _authorise(session, action: str = "work on private fostering records") -> None:
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


def assessment_days() -> int:
    """Days from notification to the assessment's due date (setting ``pf_assessment_days``)."""
    if stores.is_open(stores.CORE):
        from hscb_desktop import settings

        return int(settings.get("pf_assessment_days"))
    return rules.DEFAULT_ASSESSMENT_DAYS


def _missing(what: str, record_id) -> RecordMissing:
    return RecordMissing([error("", f"{what} {record_id} no longer exists.")])


def _get(model, record_id, what: str):
    row = model.get_or_none(model.id == record_id) if isinstance(record_id, int) else None
    if row is None:
        raise _missing(what, record_id)
    return row


def _refuse(problems: list[Problem]) -> None:
    if has_errors(problems):
        raise ValidationFailed([p for p in problems if p.blocking])


def _diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[dict, dict]:
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}


def _stale(ref: str, version: int) -> StaleVersion:
    return StaleVersion(
        [
            error(
                "",
                f"{ref} was changed by someone else after you opened it (it is now at "
                f"version {version}). Your changes were not saved: reopen the record and "
                "make them again.",
            )
        ]
    )


def _mapping(data) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ValidationFailed([error("", "The record is missing.")])
    return data


def next_ref(model, prefix: str, year: int) -> str:
    """The next free reference of a year: PF-2016-0001, PFE-2016-0002, ..."""
    return refs.next_reference(model, f"{prefix}-{int(year):04d}-")


def _ref_taken(model, ref: str, but: int | None = None) -> bool:
    query = model.select().where(model.ref == ref)
    if but is not None:
        query = query.where(model.id != but)
    return query.exists()


def _audit(session, action: str, table: str, record_id, old=None, new=None, reason="") -> None:
    audit.append(
        STORE,
        session.actor,
        action,
        clock=session.clock,
        table=table,
        record_id=record_id,
        old=old,
        new=new,
        reason=reason,
    )


# -- enquiries ----------------------------------------------------------------------


def _enquiry_record(row: PfEnquiry) -> dict[str, Any]:
    return {name: getattr(row, name) for name in records.ENQUIRY_FIELDS}


def check_enquiry(session, data: Mapping[str, Any]) -> list[Problem]:
    """Every problem (errors and warnings) with this data, for the form before saving."""
    _authorise(session)
    return rules.validate_enquiry(data, _today(session))


def create_enquiry(session, data: Mapping[str, Any]) -> int:
    _authorise(session)
    data = _mapping(data)
    _refuse(rules.validate_enquiry(data, _today(session)))
    values = records.clean_enquiry(data)
    if values["outcome"] == "became_notification":
        raise ValidationFailed(
            [
                error(
                    "outcome",
                    "Record the notification from the enquiry (it links the two and sets "
                    "this outcome).",
                )
            ]
        )
    now = _now(session)
    with _db().atomic():
        ref = values["ref"] or next_ref(PfEnquiry, ENQUIRY_PREFIX, values["date_received"].year)
        if ref == values["ref"] and _ref_taken(PfEnquiry, ref):
            raise ValidationFailed([error("ref", f"The reference {ref} is already used.")])
        values["ref"] = ref
        row = PfEnquiry.create(**values, version=1, created_at=now, updated_at=now)
        search.upsert(
            STORE, ENQUIRY_SEARCH_INDEX, row.id, records.enquiry_search_texts(ref, values)
        )
        _audit(session, "create", T_ENQUIRY, row.id, new=values)
    return row.id


def update_enquiry(
    session, enquiry_id: int, data: Mapping[str, Any], expected_version: int, reason: str = ""
) -> int:
    """Save changed fields (missing keys keep their values); returns the new version."""
    _authorise(session)
    data = _mapping(data)
    with _db().atomic():
        row = _get(PfEnquiry, enquiry_id, "Enquiry")
        if expected_version is not None and row.version != expected_version:
            raise _stale(row.ref, row.version)
        old = _enquiry_record(row)
        merged = {**old, **{k: v for k, v in data.items() if k in records.ENQUIRY_FIELDS}}
        _refuse(rules.validate_enquiry(merged, _today(session)))
        values = records.clean_enquiry(merged)
        values["ref"] = values["ref"] or row.ref
        linked = row.notification_id is not None
        if linked != (values["outcome"] == "became_notification"):
            raise ValidationFailed(
                [
                    error(
                        "outcome",
                        "This enquiry became a notification; its outcome cannot change."
                        if linked
                        else "Record the notification from the enquiry (it links the two "
                        "and sets this outcome).",
                    )
                ]
            )
        if values["ref"] != row.ref and _ref_taken(PfEnquiry, values["ref"], but=enquiry_id):
            raise ValidationFailed(
                [error("ref", f"The reference {values['ref']} is already used.")]
            )
        before, after = _diff(old, values)
        if not after:
            return row.version
        count = (
            PfEnquiry.update(**values, version=row.version + 1, updated_at=_now(session))
            .where((PfEnquiry.id == enquiry_id) & (PfEnquiry.version == row.version))
            .execute()
        )
        if count != 1:
            raise _stale(row.ref, row.version + 1)
        search.upsert(
            STORE,
            ENQUIRY_SEARCH_INDEX,
            enquiry_id,
            records.enquiry_search_texts(values["ref"], values),
        )
        _audit(session, "update", T_ENQUIRY, enquiry_id, before, after, reason)
        return row.version + 1


def get_enquiry(session, enquiry_id: int) -> dict[str, Any]:
    """The whole enquiry for the form; opening it is audited as a view (AUD-1)."""
    _authorise(session)
    with _db().atomic():
        row = _get(PfEnquiry, enquiry_id, "Enquiry")
        record = _enquiry_record(row)
        record.update(id=row.id, version=row.version, notification_id=row.notification_id)
        _audit(session, "view", T_ENQUIRY, row.id)
    return record


# -- notifications ------------------------------------------------------------------


def _notification_record(row: PfNotification) -> dict[str, Any]:
    out = {name: getattr(row, name) for name in records.NOTIFICATION_FIELDS}
    out["notice_given_in_time"] = row.notice_given_in_time
    child = PfChild.get_by_id(row.child_id)
    for key, col in records.CHILD_FIELDS.items():
        out[key] = getattr(child, col)
    carer = PfCarer.get_or_none(PfCarer.id == row.carer_id) if row.carer_id else None
    for key, col in records.CARER_FIELDS.items():
        out[key] = getattr(carer, col) if carer else None
    return out


def _written_notification(values: Mapping[str, Any]) -> dict[str, Any]:
    keys = (
        *records.NOTIFICATION_FIELDS,
        "notice_given_in_time",
        *records.CHILD_FIELDS,
        *records.CARER_FIELDS,
    )
    return {k: values[k] for k in keys}


def check_notification(
    session, data: Mapping[str, Any], notification_id: int | None = None
) -> list[Problem]:
    """Every problem with this data (merged over the stored record when an id is given),
    including the arrangement's own rules that depend on it (the child's age)."""
    _authorise(session)
    if not isinstance(data, Mapping):
        return [error("", "The record is missing.")]
    today = _today(session)
    if notification_id is None:
        return rules.validate_notification(data, today)
    row = _get(PfNotification, notification_id, "Notification")
    merged = {**_notification_record(row), **data}
    problems = rules.validate_notification(merged, today)
    arrangement = PfArrangement.get_or_none(PfArrangement.notification == notification_id)
    if arrangement is not None:
        problems += [
            p
            for p in rules.validate_arrangement(_arrangement_record(arrangement), merged, (), today)
            if p.field in ("start_date", "end_date")
        ]
    return problems


def create_notification(session, data: Mapping[str, Any], enquiry_id: int | None = None) -> int:
    """A notification with its child and carer. ``enquiry_id``: the enquiry it came from,
    whose outcome becomes 'became a notification' (both audited in one transaction)."""
    _authorise(session)
    data = _mapping(data)
    if data.get("progressed") is True:
        raise ValidationFailed(
            [error("progressed", "A notification progresses when its arrangement is recorded.")]
        )
    _refuse(rules.validate_notification(data, _today(session)))
    values = records.clean_notification(data)
    now = _now(session)
    with _db().atomic():
        enquiry = None
        if enquiry_id is not None:
            enquiry = _get(PfEnquiry, enquiry_id, "Enquiry")
            if enquiry.notification_id is not None:
                raise ValidationFailed(
                    [error("", f"{enquiry.ref} has already become a notification.")]
                )
            if values["date_received"] < enquiry.date_received:
                raise ValidationFailed(
                    [
                        error(
                            "date_received",
                            "The notification cannot be received before its enquiry.",
                        )
                    ]
                )
        ref = values["ref"] or next_ref(
            PfNotification, NOTIFICATION_PREFIX, values["date_received"].year
        )
        if ref == values["ref"] and _ref_taken(PfNotification, ref):
            raise ValidationFailed([error("ref", f"The reference {ref} is already used.")])
        values["ref"] = ref
        child = PfChild.create(**records.child_row(values))
        carer = PfCarer.create(**records.carer_row(values))
        row = PfNotification.create(
            **records.notification_columns(values),
            child=child.id,
            carer=carer.id,
            version=1,
            created_at=now,
            updated_at=now,
        )
        search.upsert(STORE, SEARCH_INDEX, row.id, records.search_texts(ref, values))
        _audit(session, "create", T_NOTIFICATION, row.id, new=_written_notification(values))
        if enquiry is not None:
            _link_enquiry(session, enquiry, row.id)
    return row.id


def _link_enquiry(session, enquiry: PfEnquiry, notification_id: int) -> None:
    old = {
        "outcome": enquiry.outcome,
        "not_pf_reason": enquiry.not_pf_reason,
        "other_la_name": enquiry.other_la_name,
        "notification": None,
    }
    new = {
        "outcome": "became_notification",
        "not_pf_reason": None,
        "other_la_name": None,
        "notification": notification_id,
    }
    PfEnquiry.update(
        outcome="became_notification",
        not_pf_reason=None,
        other_la_name=None,
        notification=notification_id,
        version=enquiry.version + 1,
        updated_at=_now(session),
    ).where(PfEnquiry.id == enquiry.id).execute()
    before, after = _diff(old, new)
    _audit(session, "update", T_ENQUIRY, enquiry.id, before, after, "became a notification")


def changes_since(session, table: str, record_id: int, started, fields=None) -> history.Conflict:
    """An enquiry, notification or arrangement (``table``) as saved now, and each field
    that differs from ``started`` (what a form loaded) with who saved it and when: for
    the conflict view after a stale save."""
    getters = {
        T_ENQUIRY: get_enquiry,
        T_NOTIFICATION: get_notification,
        T_ARRANGEMENT: get_arrangement,
    }
    current = getters[table](session, record_id)
    return history.compare(STORE, table, record_id, started, current, fields)


def update_notification(
    session,
    notification_id: int,
    data: Mapping[str, Any],
    expected_version: int,
    reason: str = "",
) -> int:
    """Save changed fields, the child's and carer's included; returns the new version."""
    _authorise(session)
    data = _mapping(data)
    today = _today(session)
    with _db().atomic():
        row = _get(PfNotification, notification_id, "Notification")
        if expected_version is not None and row.version != expected_version:
            raise _stale(row.ref, row.version)
        old = _notification_record(row)
        keys = (*records.NOTIFICATION_FIELDS, *records.CHILD_FIELDS, *records.CARER_FIELDS)
        merged = {**old, **{k: v for k, v in data.items() if k in keys}}
        problems = rules.validate_notification(merged, today)
        arrangement = PfArrangement.get_or_none(PfArrangement.notification == notification_id)
        if arrangement is not None:
            if merged.get("progressed") is not True:
                problems.append(
                    error(
                        "progressed", "An arrangement is recorded, so the notification progressed."
                    )
                )
            problems += rules.validate_arrangement(
                _arrangement_record(arrangement), merged, _visits(arrangement.id), today
            )
        elif merged.get("progressed") is True:
            problems.append(
                error("progressed", "A notification progresses when its arrangement is recorded.")
            )
        _refuse(problems)
        values = records.clean_notification(merged)
        values["ref"] = values["ref"] or row.ref
        if values["ref"] != row.ref and _ref_taken(PfNotification, values["ref"], but=row.id):
            raise ValidationFailed(
                [error("ref", f"The reference {values['ref']} is already used.")]
            )
        written = _written_notification(values)
        before, after = _diff(old, written)
        if not after:
            return row.version
        if arrangement is not None and arrangement.end_date and not (reason or "").strip():
            raise ValidationFailed(
                [error("reason", "Give a reason for changing an ended arrangement's record.")]
            )
        count = (
            PfNotification.update(
                **records.notification_columns(values),
                version=row.version + 1,
                updated_at=_now(session),
            )
            .where((PfNotification.id == row.id) & (PfNotification.version == row.version))
            .execute()
        )
        if count != 1:
            raise _stale(row.ref, row.version + 1)
        PfChild.update(**records.child_row(values)).where(PfChild.id == row.child_id).execute()
        if row.carer_id:
            PfCarer.update(**records.carer_row(values)).where(PfCarer.id == row.carer_id).execute()
        search.upsert(STORE, SEARCH_INDEX, row.id, records.search_texts(values["ref"], values))
        _audit(session, "update", T_NOTIFICATION, row.id, before, after, reason)
        return row.version + 1


def get_notification(session, notification_id: int) -> dict[str, Any]:
    """The notification with its child and carer; audited as a view."""
    _authorise(session)
    with _db().atomic():
        row = _get(PfNotification, notification_id, "Notification")
        record = _notification_record(row)
        arrangement = PfArrangement.get_or_none(PfArrangement.notification == row.id)
        enquiry = PfEnquiry.get_or_none(PfEnquiry.notification == row.id)
        record.update(
            id=row.id,
            version=row.version,
            arrangement_id=arrangement.id if arrangement else None,
            enquiry_id=enquiry.id if enquiry else None,
        )
        _audit(session, "view", T_NOTIFICATION, row.id)
    return record


# -- arrangements -------------------------------------------------------------------


def _arrangement_record(row: PfArrangement) -> dict[str, Any]:
    out = {name: getattr(row, name) for name in records.ARRANGEMENT_FIELDS}
    out["reasons"] = sorted(
        r.reason
        for r in PfArrangementReason.select(PfArrangementReason.reason).where(
            PfArrangementReason.arrangement == row.id
        )
    )
    return out


def _visits(arrangement_id: int) -> list[dict[str, Any]]:
    return [
        {"id": v.id, **{f: getattr(v, f) for f in records.VISIT_FIELDS}}
        for v in PfVisit.select()
        .where(PfVisit.arrangement == arrangement_id)
        .order_by(PfVisit.visit_date, PfVisit.id)
    ]


def _write_reasons(arrangement_id: int, reasons: Iterable[str], *, fresh: bool = False) -> None:
    if not fresh:
        PfArrangementReason.delete().where(
            PfArrangementReason.arrangement == arrangement_id
        ).execute()
    for code in reasons:
        PfArrangementReason.create(arrangement=arrangement_id, reason=code)


def _with_defaults(data: Mapping[str, Any], notification: PfNotification) -> dict[str, Any]:
    out = dict(data)
    if out.get("la_aware_date") in (None, ""):
        out["la_aware_date"] = notification.date_received  # SPEC §2.4 default
    return out


def check_arrangement(
    session,
    data: Mapping[str, Any],
    *,
    notification_id: int | None = None,
    arrangement_id: int | None = None,
) -> list[Problem]:
    """Every problem with the arrangement's data: a new one (``notification_id``) or an
    existing one (``arrangement_id``, merged over what is stored, with its visits)."""
    _authorise(session)
    if not isinstance(data, Mapping):
        return [error("", "The record is missing.")]
    visits: list[dict[str, Any]] = []
    if arrangement_id is not None:
        row = _get(PfArrangement, arrangement_id, "Arrangement")
        notification = PfNotification.get_by_id(row.notification_id)
        data = {**_arrangement_record(row), **data}
        visits = _visits(row.id)
    else:
        notification = _get(PfNotification, notification_id, "Notification")
    return rules.validate_arrangement(
        _with_defaults(data, notification),
        _notification_record(notification),
        visits,
        _today(session),
    )


def record_arrangement(session, notification_id: int, data: Mapping[str, Any]) -> int:
    """The arrangement a notification led to (one per notification). The notification is
    marked as progressed; ``la_aware_date`` defaults to the notification date."""
    _authorise(session)
    data = _mapping(data)
    now = _now(session)
    with _db().atomic():
        notification = _get(PfNotification, notification_id, "Notification")
        if PfArrangement.select().where(PfArrangement.notification == notification.id).exists():
            raise ValidationFailed(
                [error("", f"{notification.ref} already has an arrangement recorded.")]
            )
        if notification.progressed is False:
            raise ValidationFailed(
                [
                    error(
                        "progressed",
                        f"{notification.ref} is recorded as not progressing to an arrangement; "
                        "change that first.",
                    )
                ]
            )
        data = _with_defaults(data, notification)
        _refuse(
            rules.validate_arrangement(
                data, _notification_record(notification), (), _today(session)
            )
        )
        values = records.clean_arrangement(data)
        row = PfArrangement.create(
            **records.arrangement_columns(values),
            notification=notification.id,
            version=1,
            created_at=now,
            updated_at=now,
        )
        _write_reasons(row.id, values["reasons"], fresh=True)
        _audit(
            session,
            "create",
            T_ARRANGEMENT,
            row.id,
            new={"notification": notification.id, **values},
        )
        if notification.progressed is not True:
            PfNotification.update(
                progressed=True, version=notification.version + 1, updated_at=now
            ).where(PfNotification.id == notification.id).execute()
            _audit(
                session,
                "update",
                T_NOTIFICATION,
                notification.id,
                {"progressed": notification.progressed},
                {"progressed": True},
                "arrangement recorded",
            )
    return row.id


def _update_arrangement(
    session,
    arrangement_id: int,
    changes: Mapping[str, Any],
    expected_version: int | None,
    *,
    action: str = "update",
    reason: str = "",
) -> int:
    today = _today(session)
    with _db().atomic():
        row = _get(PfArrangement, arrangement_id, "Arrangement")
        notification = PfNotification.get_by_id(row.notification_id)
        if expected_version is not None and row.version != expected_version:
            raise _stale(notification.ref, row.version)
        old = _arrangement_record(row)
        keys = (*records.ARRANGEMENT_FIELDS, "reasons")
        merged = _with_defaults(
            {**old, **{k: v for k, v in changes.items() if k in keys}}, notification
        )
        _refuse(
            rules.validate_arrangement(
                merged, _notification_record(notification), _visits(row.id), today
            )
        )
        values = records.clean_arrangement(merged)
        before, after = _diff(old, values)
        if not after:
            return row.version
        if row.end_date and action == "update" and not (reason or "").strip():
            raise ValidationFailed(
                [error("reason", "Give a reason for changing an ended arrangement.")]
            )
        count = (
            PfArrangement.update(
                **records.arrangement_columns(values),
                version=row.version + 1,
                updated_at=_now(session),
            )
            .where((PfArrangement.id == row.id) & (PfArrangement.version == row.version))
            .execute()
        )
        if count != 1:
            raise _stale(notification.ref, row.version + 1)
        if "reasons" in after:
            _write_reasons(row.id, values["reasons"])
        _audit(session, action, T_ARRANGEMENT, row.id, before, after, reason)
        return row.version + 1


def update_arrangement(
    session,
    arrangement_id: int,
    data: Mapping[str, Any],
    expected_version: int,
    reason: str = "",
) -> int:
    """Save changed fields (missing keys keep their values); returns the new version.
    Changing an ended arrangement needs a reason."""
    _authorise(session)
    return _update_arrangement(
        session, arrangement_id, _mapping(data), expected_version, reason=reason
    )


def end_arrangement(
    session,
    arrangement_id: int,
    *,
    end_date: dt.date,
    end_reason: str,
    expected_version: int,
    end_notified_by: str | None = None,
    new_carer_details: str | None = None,
    reason: str = "",
) -> int:
    """Record the end of an arrangement (SPEC §2.2: who told us, the new carer)."""
    _authorise(session)
    changes: dict[str, Any] = {"end_date": end_date, "end_reason": end_reason}
    if end_notified_by is not None:
        changes["end_notified_by"] = end_notified_by
    if new_carer_details is not None:
        changes["new_carer_details"] = new_carer_details
    return _update_arrangement(
        session, arrangement_id, changes, expected_version, action="end", reason=reason
    )


def get_arrangement(session, arrangement_id: int) -> dict[str, Any]:
    """The arrangement, its notification (child and carer included), visits and what is
    due; audited as a view."""
    _authorise(session)
    from hscb_desktop.domains.fostering import due

    today = _today(session)
    with _db().atomic():
        row = _get(PfArrangement, arrangement_id, "Arrangement")
        notification = PfNotification.get_by_id(row.notification_id)
        record = _arrangement_record(row)
        record.update(
            id=row.id,
            version=row.version,
            notification_id=notification.id,
            ref=notification.ref,
            notification=_notification_record(notification),
            notification_version=notification.version,
            visits=_visits(row.id),
            due=due.compute(today, arrangement_ids=[row.id]),
        )
        _audit(session, "view", T_ARRANGEMENT, row.id)
    return record


# -- visits -------------------------------------------------------------------------


def _visit_write(
    session,
    arrangement_id: int,
    visit_id: int | None,
    data: Mapping[str, Any] | None,
    expected: Mapping[str, Any] | None = None,
) -> int:
    """Add (visit_id None), change, or delete (data None) one visit. A first initial
    statutory visit also fills in the arrangement's initial visit date. ``expected``: the
    visit as the user's dialog loaded it; a visit changed since is refused
    (``StaleVersion``, domains.stale)."""
    _authorise(session)
    if data is not None:
        data = _mapping(data)
    now = _now(session)
    with _db().atomic():
        if visit_id is not None:
            stale.lock_row(STORE, PfVisit, visit_id)
        arrangement = _get(PfArrangement, arrangement_id, "Arrangement")
        notification = PfNotification.get_by_id(arrangement.notification_id)
        old = None
        if visit_id is not None:
            stored = PfVisit.get_or_none(
                (PfVisit.id == visit_id) & (PfVisit.arrangement == arrangement_id)
            )
            if stored is None:
                raise RecordMissing([error("", "That visit no longer exists.")])
            old = {f: getattr(stored, f) for f in records.VISIT_FIELDS}
            _refuse_if_visit_changed(old, expected, deleting=data is None)
        new = None
        if data is not None:
            new = records.clean_visit({**(old or {}), **data})
            _refuse(
                rules.validate_visit(
                    {**(old or {}), **data},
                    _arrangement_record(arrangement),
                    _notification_record(notification),
                    _today(session),
                )
            )
        if data is None:
            PfVisit.delete().where(PfVisit.id == visit_id).execute()
        elif visit_id is None:
            visit_id = PfVisit.create(arrangement=arrangement_id, **new).id
        else:
            PfVisit.update(**new).where(PfVisit.id == visit_id).execute()
        _audit(
            session,
            "delete" if data is None else ("update" if old else "create"),
            T_VISIT,
            visit_id,
            old,
            None if new is None else {"arrangement": arrangement_id, **new},
        )
        if (
            new is not None
            and new["visit_type"] == "initial_statutory"
            and arrangement.initial_visit_date is None
        ):
            PfArrangement.update(
                initial_visit_date=new["visit_date"],
                version=arrangement.version + 1,
                updated_at=now,
            ).where(PfArrangement.id == arrangement_id).execute()
            _audit(
                session,
                "update",
                T_ARRANGEMENT,
                arrangement_id,
                {"initial_visit_date": None},
                {"initial_visit_date": new["visit_date"]},
                "initial statutory visit recorded",
            )
        return visit_id


def _refuse_if_visit_changed(
    old: dict[str, Any], expected: Mapping[str, Any] | None, *, deleting: bool
) -> None:
    loaded = stale.as_stored(expected, records.clean_visit, records.VISIT_FIELDS)
    if loaded is None:
        return
    when = old["visit_date"]
    what = "The visit" + (f" of {when:%d/%m/%Y}" if isinstance(when, dt.date) else "")
    stale.refuse_if_changed(old, loaded, what, records.VISIT_FIELDS, deleting=deleting)


def _arrangement_of(visit_id: int) -> int:
    row = PfVisit.get_or_none(PfVisit.id == visit_id) if isinstance(visit_id, int) else None
    if row is None:
        raise RecordMissing([error("", f"That visit ({visit_id}) no longer exists.")])
    return row.arrangement_id


def add_visit(session, arrangement_id: int, data: Mapping[str, Any]) -> int:
    return _visit_write(session, arrangement_id, None, data)


def update_visit(session, visit_id: int, data: Mapping[str, Any],
                 expected: Mapping[str, Any] | None = None) -> int:
    """``expected``: the visit as the dialog loaded it (refused if changed since)."""
    _authorise(session)
    return _visit_write(session, _arrangement_of(visit_id), visit_id, data, expected)


def delete_visit(session, visit_id: int, expected: Mapping[str, Any] | None = None) -> None:
    """``expected``: the visit as the dialog loaded it (refused if changed since)."""
    _authorise(session)
    _visit_write(session, _arrangement_of(visit_id), visit_id, None, expected)


# -- what is due --------------------------------------------------------------------


def due_list(session, today: dt.date | None = None) -> list:
    """Every due and overdue item (``due.DueItem``) for open arrangements and undecided
    notifications, sorted by date; ``today`` defaults to the session clock's date."""
    _authorise(session)
    from hscb_desktop.domains.fostering import due

    return due.compute(today or _today(session))


# -- bulk (demo data, benchmarks, tests) ----------------------------------------------


def bulk_create(
    session,
    notifications: Iterable[Mapping[str, Any]] = (),
    enquiries: Iterable[Mapping[str, Any]] = (),
    sources: list[str] | None = None,
) -> dict[str, int]:
    """Create many records with the driver's executemany; validated like single saves and
    audited as one entry. Each notification may carry ``arrangement`` (a dict, which may
    carry ``visits``) and ``enquiry`` (the enquiry it came from, whose outcome becomes
    'became a notification'). Returns how many of each were added. With ``sources`` (an
    import: file, sheet and row of each notification) each notification is audited on its
    own as an "import", the source as the reason."""
    _authorise(session)
    notifications, enquiries = list(notifications), list(enquiries)
    if sources is not None and len(sources) != len(notifications):
        raise ValueError("bulk_create: one source per notification")
    imported: list[tuple[int, dict[str, Any]]] = []  # (id, values) to audit as imports
    today, now = _today(session), _now(session)
    problems: list[Problem] = []

    def _number(what: str, n: int, found: list[Problem]) -> None:
        problems.extend(
            Problem(p.field, f"{what} {n}: {p.message}", p.severity) for p in found if p.blocking
        )

    for n, data in enumerate(enquiries, start=1):
        _number("Enquiry", n, rules.validate_enquiry(data, today))
        if data.get("outcome") == "became_notification":
            _number("Enquiry", n, [error("outcome", "Give it with its notification.")])
    for n, data in enumerate(notifications, start=1):
        _number("Notification", n, rules.validate_notification(data, today))
        if isinstance(data.get("enquiry"), Mapping):
            linked = {**data["enquiry"], "outcome": None}
            _number("Notification", n, rules.validate_enquiry(linked, today))
        plan = data.get("arrangement")
        if plan is None and data.get("progressed") is True:
            _number("Notification", n, [error("progressed", "It has no arrangement.")])
        if plan is not None:
            if data.get("progressed") is False:
                _number("Notification", n, [error("progressed", "It did not progress.")])
            plan = {**plan, "la_aware_date": plan.get("la_aware_date") or data.get("date_received")}
            note = {**data, "child_disabled": bool(data.get("child_disabled"))}
            _number(
                "Notification",
                n,
                rules.validate_arrangement(plan, note, plan.get("visits") or [], today),
            )
    if problems:
        raise ValidationFailed(problems)

    def _first(model) -> int:
        return (model.select(model.id).order_by(model.id.desc()).scalar() or 0) + 1

    counters: dict[tuple[str, int], int] = {}

    def _ref(model, prefix: str, given: Any, received: dt.date) -> str:
        if isinstance(given, str) and given.strip():
            return given.strip()
        key = (prefix, received.year)
        if key not in counters:
            counters[key] = int(next_ref(model, prefix, received.year).rsplit("-", 1)[1])
        counters[key] += 1
        return f"{prefix}-{received.year:04d}-{counters[key] - 1:04d}"

    enquiry_cols = [
        "id",
        *records.ENQUIRY_FIELDS,
        "notification_id",
        "version",
        "created_at",
        "updated_at",
    ]
    child_cols = ["id", *records.CHILD_FIELDS.values(), "name_norm"]
    carer_cols = ["id", *records.CARER_FIELDS.values(), "name_norm"]
    note_cols = [
        "id",
        *records.NOTIFICATION_FIELDS,
        "notice_given_in_time",
        "child_id",
        "carer_id",
        "version",
        "created_at",
        "updated_at",
    ]
    arr_cols = [
        "id",
        *records.ARRANGEMENT_FIELDS,
        "notification_id",
        "version",
        "created_at",
        "updated_at",
    ]
    visit_cols = ["arrangement_id", *records.VISIT_FIELDS]

    with _db().atomic():
        eid, nid, aid = _first(PfEnquiry), _first(PfNotification), _first(PfArrangement)
        cid, kid = _first(PfChild), _first(PfCarer)
        e_rows, c_rows, k_rows, n_rows, a_rows, r_rows, v_rows = [], [], [], [], [], [], []
        n_texts, e_texts = [], []
        sql = records.to_sql

        def _enquiry(data: Mapping[str, Any], link: int | None) -> None:
            nonlocal eid
            values = records.clean_enquiry(data)
            values["ref"] = _ref(PfEnquiry, ENQUIRY_PREFIX, values["ref"], values["date_received"])
            if link is not None:
                values.update(outcome="became_notification", not_pf_reason=None, other_la_name=None)
            e_rows.append(
                (
                    eid,
                    *(sql(values[c]) for c in records.ENQUIRY_FIELDS),
                    link,
                    1 + (link is not None),
                    now,
                    now,
                )
            )
            e_texts.append((eid, records.enquiry_search_texts(values["ref"], values)))
            eid += 1

        for data in enquiries:
            _enquiry(data, None)
        for data in notifications:
            values = records.clean_notification(data)
            values["ref"] = _ref(
                PfNotification, NOTIFICATION_PREFIX, values["ref"], values["date_received"]
            )
            plan = data.get("arrangement")
            if plan is not None:
                values["progressed"] = True
            child, carer = records.child_row(values), records.carer_row(values)
            c_rows.append((cid, *(sql(child[c]) for c in child_cols[1:])))
            k_rows.append((kid, *(sql(carer[c]) for c in carer_cols[1:])))
            n_rows.append(
                (
                    nid,
                    *(sql(v) for v in records.notification_columns(values).values()),
                    cid,
                    kid,
                    1,
                    now,
                    now,
                )
            )
            n_texts.append((nid, records.search_texts(values["ref"], values)))
            if sources is not None:
                imported.append((nid, {**values, "arrangement": plan}))
            if isinstance(data.get("enquiry"), Mapping):
                _enquiry(data["enquiry"], nid)
            if plan is not None:
                arr = records.clean_arrangement(
                    {**plan, "la_aware_date": plan.get("la_aware_date") or values["date_received"]}
                )
                visits = [records.clean_visit(v) for v in plan.get("visits") or []]
                if arr["initial_visit_date"] is None:
                    initial = [
                        v["visit_date"] for v in visits if v["visit_type"] == "initial_statutory"
                    ]
                    arr["initial_visit_date"] = min(initial) if initial else None
                a_rows.append(
                    (aid, *(sql(arr[c]) for c in records.ARRANGEMENT_FIELDS), nid, 1, now, now)
                )
                r_rows += [(aid, code) for code in arr["reasons"]]
                v_rows += [(aid, *(sql(v[c]) for c in records.VISIT_FIELDS)) for v in visits]
                aid += 1
            cid, kid, nid = cid + 1, kid + 1, nid + 1
        bulk.insert_rows(STORE, "pf_child", child_cols, c_rows)
        bulk.insert_rows(STORE, "pf_carer", carer_cols, k_rows)
        bulk.insert_rows(STORE, "pf_notification", note_cols, n_rows)
        bulk.insert_rows(STORE, "pf_enquiry", enquiry_cols, e_rows)
        bulk.insert_rows(STORE, "pf_arrangement", arr_cols, a_rows)
        bulk.insert_rows(STORE, "pf_arrangement_reason", ["arrangement_id", "reason"], r_rows)
        bulk.insert_rows(STORE, "pf_visit", visit_cols, v_rows)
        search.upsert_many(STORE, SEARCH_INDEX, n_texts)
        search.upsert_many(STORE, ENQUIRY_SEARCH_INDEX, e_texts)
        counts = {
            "enquiries": len(e_rows),
            "notifications": len(n_rows),
            "arrangements": len(a_rows),
            "visits": len(v_rows),
        }
        for (number, values), source in zip(imported, sources or ()):
            _audit(session, "import", T_NOTIFICATION, number, new=values, reason=source)
        if any(counts.values()) and sources is None:
            _audit(session, "bulk_create", T_NOTIFICATION, "", new=counts)
    return counts


# -- the return -------------------------------------------------------------------


def export_fostering(session, period_spec: str, path: str | Path) -> Path:
    """Compute tables P1-P5 for a period, write the workbook atomically (KP-1) and audit the
    export with the file's SHA-256 (XLS-3). Business unit users may run it: counts only."""
    guard.require_return_access(session, STORE)
    from hscb_desktop.domains.fostering import returns as pf_returns
    from hscb_desktop.returns import export

    period = period_for(STORE, period_spec)
    chain = export.verify_chain(STORE)  # AUD-3: the chain is checked before each export
    tables = pf_returns.compute(period, calendar(), _today(session))
    return export.write_return(
        session,
        STORE,
        "Private fostering",
        "fostering",
        period,
        tables,
        {"Counting rules": pf_returns.COUNTING_RULES},
        path,
        chain,
    )

# -- the data-quality gate (annual report) ------------------------------------------


def period_problems(session, period) -> list[tuple[RecordRef, Problem]]:
    """(reference, problem) for every problem the rules find in the period's enquiries and
    notifications (by date received) and in the arrangements open at any time in it, for
    the annual report's data-quality gate. Return access suffices: only references and the
    rules' own messages leave this function."""
    guard.require_return_access(session, STORE)
    today = _today(session)
    found: list[tuple[RecordRef, Problem]] = []
    for enquiry in (
        PfEnquiry.select()
        .where(PfEnquiry.date_received.between(period.start, period.end))
        .order_by(PfEnquiry.date_received, PfEnquiry.id)
    ):
        ref = RecordRef(enquiry.ref, "enquiry", enquiry.id)
        found += [(ref, p) for p in rules.validate_enquiry(_enquiry_record(enquiry), today)]
    notes = list(
        PfNotification.select()
        .where(PfNotification.date_received.between(period.start, period.end))
        .order_by(PfNotification.date_received, PfNotification.id)
    )
    a = PfArrangement
    arrangements = list(
        a.select()
        .where((a.start_date <= period.end) & (a.end_date.is_null() | (a.end_date >= period.start)))
        .order_by(a.start_date, a.id)
    )
    # Read in a few queries, not five per record: ten years of data put 1,000 arrangements
    # in a year, and the gate took 4.5 s of the return's 3 s.
    ids = [x.id for x in arrangements]
    by_id = {n.id: n for n in notes}
    wanted = {x.notification_id for x in arrangements} - set(by_id)
    by_id.update({n.id: n for n in _chunked(PfNotification, PfNotification.id, wanted)})
    note_record = _notification_records(list(by_id.values()))
    reasons: dict[int, list[str]] = {i: [] for i in ids}
    for r in _chunked(PfArrangementReason, PfArrangementReason.arrangement, ids):
        reasons[r.arrangement_id].append(r.reason)
    visits: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    for v in sorted(_chunked(PfVisit, PfVisit.arrangement, ids),
                    key=lambda v: (v.visit_date, v.id)):
        visits[v.arrangement_id].append({"id": v.id, **{f: getattr(v, f)
                                                         for f in records.VISIT_FIELDS}})
    for note in notes:
        ref = RecordRef(note.ref, "notification", note.id)
        found += [(ref, p) for p in rules.validate_notification(note_record[note.id], today)]
    for arrangement in arrangements:
        note = by_id[arrangement.notification_id]
        record = {name: getattr(arrangement, name) for name in records.ARRANGEMENT_FIELDS}
        record["reasons"] = sorted(reasons[arrangement.id])
        problems = rules.validate_arrangement(
            record, note_record[note.id], visits[arrangement.id], today)
        ref = RecordRef(f"{note.ref} arrangement", "arrangement", arrangement.id)
        found += [(ref, p) for p in problems]
    return found


def _chunked(model, field, values) -> list:
    """Rows whose ``field`` is in ``values``, 500 at a time (SQLite's bound-variable limit)."""
    values, out = list(values), []
    for start in range(0, len(values), 500):
        out += list(model.select().where(field.in_(values[start:start + 500])))
    return out


def _notification_records(notes: list) -> dict[int, dict[str, Any]]:
    """``_notification_record`` of many notifications, their children and carers read in
    two queries."""
    children = {c.id: c for c in _chunked(PfChild, PfChild.id, {n.child_id for n in notes})}
    carers = {c.id: c for c in _chunked(PfCarer, PfCarer.id,
                                        {n.carer_id for n in notes if n.carer_id})}
    out = {}
    for row in notes:
        record = {name: getattr(row, name) for name in records.NOTIFICATION_FIELDS}
        record["notice_given_in_time"] = row.notice_given_in_time
        child, carer = children[row.child_id], carers.get(row.carer_id)
        for key, col in records.CHILD_FIELDS.items():
            record[key] = getattr(child, col)
        for key, col in records.CARER_FIELDS.items():
            record[key] = getattr(carer, col) if carer else None
        out[row.id] = record
    return out
