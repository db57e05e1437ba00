"""The CDOP API: the only code that writes CDOP records (ARCHITECTURE rule 3).

Every function takes the signed-in ``Session`` first, checks that it is active and that
its roles allow the work (record access to "cdop" for casework, return access for the
export), validates with ``rules``, and writes in one transaction together with its audit
entry (AUD-1). Opening a death or a review is audited as a view.

Records travel as flat dicts keyed by field names (``records``): a death's identity keys
(forenames, family_name, nhs_number, date_of_birth, home_postcode) are stored in their
own table so that ``panel_pack`` can leave them off what goes to panel (SPEC §0.4).
Deaths and reviews carry a ``version`` for optimistic locking; agency reports and panel
meetings have none, so their dialogs hand back the row as loaded (``expected``, domains.stale).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from peewee import JOIN, fn

from hscb_desktop.core.clock import local_today, utc_stamp
from hscb_desktop.core.coerce import MAX_INT
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
from hscb_desktop.core.vocab import ETHNICITY, SEX
from hscb_desktop.domains import history, stale
from hscb_desktop.domains.cdop import records, rules
from hscb_desktop.domains.cdop import vocab as V
from hscb_desktop.domains.cdop.models import (
    SEARCH_INDEX,
    AgencyReport,
    AgencyReportEvent,
    AgendaItem,
    CdopReview,
    CdopReviewFactor,
    ChildDeath,
    ChildIdentity,
    PanelMeeting,
)
from hscb_desktop.security import guard
from hscb_desktop.storage import audit, search, stores
from hscb_desktop.storage import refs as storage_refs

STORE = "cdop"
DEATH_TABLE = "cdop_child_death"
REVIEW_TABLE = "cdop_review"
REPORT_TABLE = "cdop_agency_report"
MEETING_TABLE = "cdop_panel_meeting"
AGENDA_TABLE = "cdop_agenda_item"


# -- plumbing -----------------------------------------------------------------------------


def _authorise(session, action: str = "work on CDOP records") -> None:
    guard.require_record_access(session, STORE, action)


def _db():
    return stores.proxy(STORE)


def _today(session) -> dt.date:
    return local_today(session.clock)


def _now(session) -> str:
    return utc_stamp(session.clock)


def _audit(session, action: str, table: str, record_id: Any = "", old=None, new=None, reason=""):
    audit.append(
        STORE,
        session.actor,
        action,
        clock=session.clock,
        table=table,
        record_id=record_id,
        old=old or None,
        new=new or None,
        reason=reason,
    )


def _refuse(problems: Sequence[Problem]) -> None:
    if has_errors(problems):
        raise ValidationFailed([p for p in problems if p.blocking])


def _mapping(data: Any, what: str = "record") -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ValidationFailed([error("", f"The {what} is missing.")])
    return data


def _is_id(record_id: Any) -> bool:
    return (isinstance(record_id, int) and not isinstance(record_id, bool)
            and 1 <= record_id <= MAX_INT)  # hostile ids: SQLite cannot bind past 64 bits


def _get(model, record_id: Any, what: str):
    row = model.get_or_none(model.id == record_id) if _is_id(record_id) else None
    if row is None:
        raise RecordMissing([error("", f"That {what} ({record_id}) no longer exists.")])
    return row


def _diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[dict, dict]:
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}


def _stale(what: str, version: int) -> StaleVersion:
    return StaleVersion(
        [
            error(
                "",
                f"{what} was changed by someone else after you opened it (it is now at "
                f"version {version}). Your changes were not saved: reopen it and make them "
                "again.",
            )
        ]
    )


def agency_names() -> dict[int, str]:
    """Core agency ids -> names (empty before the core store opens)."""
    if not stores.is_open(stores.CORE):
        return {}
    from hscb_desktop.storage.core_models import Agency

    return dict(Agency.select(Agency.id, Agency.name).tuples())


# -- deaths (notifications) -----------------------------------------------------------------


def _death(death_id: Any) -> ChildDeath:
    return _get(ChildDeath, death_id, "child death")


def _death_record(death: ChildDeath) -> dict[str, Any]:
    """The notification as one flat dict (what the form shows and what the audit stores)."""
    out = {name: getattr(death, name) for name in records.DEATH_FIELDS}
    identity = ChildIdentity.get_or_none(ChildIdentity.death == death.id)
    for name in records.IDENTITY_FIELDS:
        out[name] = getattr(identity, name) if identity else None
    return out


def _duplicates(nhs_number: Any, but: int | None = None) -> list[str]:
    """References of other cases with this NHS number."""
    number = rules.normalise_nhs(nhs_number)
    if not number or not rules.nhs_number_valid(number):
        return []
    query = (
        ChildDeath.select(ChildDeath.cdop_ref)
        .join(ChildIdentity, on=(ChildIdentity.death == ChildDeath.id))
        .where(ChildIdentity.nhs_number == number)
    )
    if but is not None:
        query = query.where(ChildDeath.id != but)
    return sorted(r.cdop_ref for r in query)


def same_nhs_number(session, nhs_number: str, but: int | None = None) -> list[str]:
    """The references of cases already holding this NHS number (the form's duplicate hint)."""
    _authorise(session)
    return _duplicates(nhs_number, but)


def _ref_taken(ref: str, but: int | None = None) -> bool:
    query = ChildDeath.select().where(ChildDeath.cdop_ref == ref)
    if but is not None:
        query = query.where(ChildDeath.id != but)
    return query.exists()


def next_ref(year: int) -> str:
    """The next free reference of a year (by notification date): CDOP-2016-001, ..."""
    prefix = f"CDOP-{int(year):04d}-"
    storage_refs.take_turns(ChildDeath)  # team mode: one writer numbers at a time
    refs = [
        r.cdop_ref[len(prefix) :]
        for r in ChildDeath.select(ChildDeath.cdop_ref).where(
            ChildDeath.cdop_ref.startswith(prefix)
        )
    ]
    number = max((int(n) for n in refs if n.isdigit()), default=0) + 1
    return f"{prefix}{number:03d}"


def check_death(session, data: Mapping[str, Any], death_id: int | None = None) -> list[Problem]:
    """Every problem (errors and warnings) with a notification, for the form before saving.
    With ``death_id``, ``data`` holds changes to that death (missing keys keep their values)."""
    _authorise(session)
    if not isinstance(data, Mapping):
        return [error("", "The record is missing.")]
    merged = {**_death_record(_death(death_id)), **data} if death_id is not None else dict(data)
    return rules.validate_death(
        merged, _today(session), _duplicates(merged.get("nhs_number"), death_id)
    )


def _write_identity(death_id: int, values: Mapping[str, Any], *, fresh: bool = False) -> None:
    if not fresh:
        ChildIdentity.delete().where(ChildIdentity.death == death_id).execute()
    ChildIdentity.create(death=death_id, **records.identity_row(values))


def create_death(session, data: Mapping[str, Any], source: str = "") -> int:
    """Record a notification; returns the new death's id. The reference is generated
    (CDOP-<year of notification>-NNN) unless ``cdop_ref`` is given. ``source`` (an
    import: file, sheet and row) audits it as an "import" with the source as the reason."""
    _authorise(session)
    data = _mapping(data)
    _refuse(rules.validate_death(data, _today(session)))
    values = records.clean_death(data)
    now = _now(session)
    with _db().atomic():
        ref = values["cdop_ref"] or next_ref(values["notification_date"].year)
        if values["cdop_ref"] and _ref_taken(ref):
            raise ValidationFailed([error("cdop_ref", f"The reference {ref} is already used.")])
        values["cdop_ref"] = ref
        death = ChildDeath.create(
            **records.death_columns(values),
            **records.derived_death(values),
            version=1,
            created_at=now,
            updated_at=now,
        )
        _write_identity(death.id, values, fresh=True)
        search.upsert(STORE, SEARCH_INDEX, death.id, records.search_texts(values, ref))
        _audit(session, "import" if source else "create", DEATH_TABLE, death.id,
               new=_death_record(death), reason=source)
    return death.id


def _reviewed(death_id: int) -> bool:
    return (
        CdopReview.select()
        .where((CdopReview.death == death_id) & CdopReview.review_completed_date.is_null(False))
        .exists()
    )


def update_death(
    session, death_id: int, data: Mapping[str, Any], expected_version: int, reason: str = ""
) -> int:
    """Save changed notification fields (missing keys keep their values); returns the new
    version. A reviewed case changes only with a reason."""
    _authorise(session)
    data = _mapping(data)
    with _db().atomic():
        death = _death(death_id)
        if expected_version is not None and death.version != expected_version:
            raise _stale(death.cdop_ref, death.version)
        old = _death_record(death)
        allowed = set(records.DEATH_FIELDS) | records.IDENTITY_KEYS
        merged = {**old, **{k: v for k, v in data.items() if k in allowed}}
        _refuse(rules.validate_death(merged, _today(session)))
        values = records.clean_death(merged)
        values["cdop_ref"] = values["cdop_ref"] or death.cdop_ref
        if values["cdop_ref"] != death.cdop_ref and _ref_taken(values["cdop_ref"], but=death_id):
            raise ValidationFailed(
                [error("cdop_ref", f"The reference {values['cdop_ref']} is already used.")]
            )
        # A reviewed death still holds a review: its dates must still fit the new ones.
        review = CdopReview.get_or_none(CdopReview.death == death_id)
        if review is not None:
            _refuse(
                rules.validate_review(
                    _review_record(review),
                    {**values, **records.derived_death(values)},
                    _today(session),
                    _meeting_date(review.panel_meeting_id),
                )
            )
        before, after = _diff(
            old, {**records.death_columns(values), **records.identity_row(values)}
        )
        after.pop("name_norm", None)
        before.pop("name_norm", None)
        if not after:
            return death.version
        if _reviewed(death_id) and not (reason or "").strip():
            raise ValidationFailed(
                [error("reason", "Give a reason for changing a case the panel has reviewed.")]
            )
        rows = (
            ChildDeath.update(
                **records.death_columns(values),
                **records.derived_death(values),
                version=death.version + 1,
                updated_at=_now(session),
            )
            .where((ChildDeath.id == death_id) & (ChildDeath.version == death.version))
            .execute()
        )
        if rows != 1:
            current = _death(death_id)
            raise _stale(current.cdop_ref, current.version)
        _write_identity(death_id, values)
        search.upsert(
            STORE, SEARCH_INDEX, death_id, records.search_texts(values, values["cdop_ref"])
        )
        _audit(session, "update", DEATH_TABLE, death_id, old=before, new=after, reason=reason)
        _refresh_sudi(session, death_id)
        return death.version + 1


def death_changes(session, death_id: int, started, fields=None) -> history.Conflict:
    """The case as saved now and each field that differs from ``started`` (what a form
    loaded), with who saved it and when: for the conflict view after a stale save."""
    current = get_death(session, death_id)
    return history.compare(STORE, DEATH_TABLE, death_id, started, current, fields)


def review_changes(session, death_id: int, started, fields=None) -> history.Conflict:
    """The death's review as saved now against ``started`` (None: the form had none)."""
    current = get_review(session, death_id) or {}
    return history.compare(STORE, REVIEW_TABLE, current.get("id"), started, current, fields)


def get_death(session, death_id: int) -> dict[str, Any]:
    """The whole case for the form, opening it audited as a view (AUD-1): the notification
    with identity, the derived age, its agency reports, the meetings whose agenda it is on,
    and the state of its review (``review`` is None until one is started)."""
    _authorise(session)
    with _db().atomic():
        death = _death(death_id)
        record = _death_record(death)
        record.update({k: getattr(death, k) for k in records.DERIVED_DEATH_FIELDS})
        record.update(
            id=death.id,
            version=death.version,
            notification_gaps=rules.notification_gaps(record),
            duplicates=_duplicates(record["nhs_number"], death.id),
            reports=_reports(death.id),
            agenda=[
                {"meeting_id": m.id, "meeting_date": m.meeting_date}
                for m in PanelMeeting.select()
                .join(AgendaItem)
                .where(AgendaItem.death == death.id)
                .order_by(PanelMeeting.meeting_date, PanelMeeting.id)
            ],
        )
        review = CdopReview.get_or_none(CdopReview.death == death.id)
        record["review"] = (
            None
            if review is None
            else {
                "id": review.id,
                "version": review.version,
                "review_completed_date": review.review_completed_date,
                "panel_meeting_id": review.panel_meeting_id,
                "category_of_death": review.category_of_death,
            }
        )
        record["status"] = "reviewed" if review and review.review_completed_date else "open"
        _audit(session, "view", DEATH_TABLE, death.id)
    return record


def _audit_seqs_with_values(death_id: int) -> list[int]:
    targets = [(DEATH_TABLE, death_id)]
    targets += [
        (REPORT_TABLE, r.id)
        for r in AgencyReport.select(AgencyReport.id).where(AgencyReport.death == death_id)
    ]
    targets += [
        (REVIEW_TABLE, r.id)
        for r in CdopReview.select(CdopReview.id).where(CdopReview.death == death_id)
    ]
    targets += [
        (AGENDA_TABLE, a.id)
        for a in AgendaItem.select(AgendaItem.id).where(AgendaItem.death == death_id)
    ]
    seqs: list[int] = []
    for table, record_id in targets:
        seqs += [
            e.seq for e in audit.entries_for(STORE, table, record_id) if e.old_hash or e.new_hash
        ]
    return seqs


def delete_death(session, death_id: int, reason: str) -> None:
    """Explicit, audited deletion (e.g. notified in error, or not a CDOP death). The case's
    earlier audit values are redacted too, or the deleted identity would live on in the log."""
    _authorise(session, "delete CDOP records")
    if not (reason or "").strip():
        raise ValidationFailed([error("reason", "Give the reason for deleting this case.")])
    with _db().atomic():
        death = _death(death_id)
        seqs = _audit_seqs_with_values(death_id)
        ref = death.cdop_ref
        ChildDeath.delete().where(ChildDeath.id == death_id).execute()  # cascades
        search.delete(STORE, SEARCH_INDEX, death_id)
        _audit(session, "delete", DEATH_TABLE, death_id, reason=reason)
        if seqs:
            audit.redact(
                STORE, session.actor, seqs, reason=f"deleted {ref}: {reason}", clock=session.clock
            )


# -- agency reports -------------------------------------------------------------------------


def _report_record(report: AgencyReport) -> dict[str, Any]:
    out = {name: getattr(report, name) for name in records.REPORT_FIELDS}
    out["events"] = [
        e.event
        for e in AgencyReportEvent.select()
        .where(AgencyReportEvent.report == report.id)
        .order_by(AgencyReportEvent.id)
    ]
    return out


def _reports(death_id: int) -> list[dict[str, Any]]:
    return [
        {"id": r.id, **_report_record(r)}
        for r in AgencyReport.select()
        .where(AgencyReport.death == death_id)
        .order_by(AgencyReport.id)
    ]


def _write_report(report_id: int, values: Mapping[str, Any], *, fresh: bool) -> None:
    if not fresh:
        AgencyReportEvent.delete().where(AgencyReportEvent.report == report_id).execute()
    for event in values["events"]:
        AgencyReportEvent.create(report=report_id, event=event)


def _report_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: values[k] for k in records.REPORT_FIELDS}


def check_report(session, death_id: int, data: Mapping[str, Any]) -> list[Problem]:
    _authorise(session)
    return rules.validate_report(data, _death_record(_death(death_id)), _today(session))


def add_report(session, death_id: int, data: Mapping[str, Any]) -> int:
    """Record an agency report (requested, or received) on a death; returns its id."""
    _authorise(session)
    data = _mapping(data, "report")
    with _db().atomic():
        death = _death(death_id)
        _refuse(rules.validate_report(data, _death_record(death), _today(session)))
        values = records.clean_report(data)
        report = AgencyReport.create(death=death_id, **_report_columns(values))
        _write_report(report.id, values, fresh=True)
        _audit(session, "create", REPORT_TABLE, report.id, new={"death": death_id, **values})
        _refresh_sudi(session, death_id)
        return report.id


def _report_name(report: AgencyReport, stored: Mapping[str, Any]) -> str:
    """"The report from <agency> on CDOP-2017-001", as the reports table names it."""
    agency = agency_names().get(stored["agency_id"]) or stored["agency_name"]
    ref = ChildDeath.get_by_id(report.death_id).cdop_ref
    return f"The report from {agency} on {ref}" if agency else f"The agency report on {ref}"


def _refuse_stale_report(report: AgencyReport, stored: Mapping[str, Any],
                         expected: Mapping[str, Any] | None, *, deleting: bool = False) -> None:
    names = (*records.REPORT_FIELDS, "events")
    expected = stale.as_stored(expected, records.clean_report, names)
    if expected is not None:
        stale.refuse_if_changed(stored, expected, _report_name(report, stored), names,
                                deleting=deleting)


def update_report(session, report_id: int, data: Mapping[str, Any],
                  expected: Mapping[str, Any] | None = None) -> None:
    """Change an agency report (missing keys keep their values), e.g. to mark it received.
    ``expected``: the report as the dialog loaded it; one changed since is refused
    (``StaleVersion``)."""
    _authorise(session)
    data = _mapping(data, "report")
    with _db().atomic():
        stale.lock_row(STORE, AgencyReport, report_id)
        report = _get(AgencyReport, report_id, "agency report")
        old = _report_record(report)
        _refuse_stale_report(report, old, expected)
        merged = {**old, **{k: v for k, v in data.items() if k in old}}
        _refuse(
            rules.validate_report(merged, _death_record(_death(report.death_id)), _today(session))
        )
        values = records.clean_report(merged)
        before, after = _diff(old, values)
        if not after:
            return
        AgencyReport.update(**_report_columns(values)).where(AgencyReport.id == report_id).execute()
        _write_report(report_id, values, fresh=False)
        _audit(session, "update", REPORT_TABLE, report_id, old=before, new=after)
        _refresh_sudi(session, report.death_id)


def delete_report(session, report_id: int, expected: Mapping[str, Any] | None = None) -> None:
    """``expected``: the report as the table showed it; one changed since is not deleted."""
    _authorise(session)
    with _db().atomic():
        stale.lock_row(STORE, AgencyReport, report_id)
        report = _get(AgencyReport, report_id, "agency report")
        stored = _report_record(report)
        _refuse_stale_report(report, stored, expected, deleting=True)
        old = {"death": report.death_id, **stored}
        AgencyReport.delete().where(AgencyReport.id == report_id).execute()
        _audit(session, "delete", REPORT_TABLE, report_id, old=old)
        _refresh_sudi(session, report.death_id)


# -- panel meetings and agendas ---------------------------------------------------------------


def _meeting_date(meeting_id: Any) -> dt.date | None:
    if not _is_id(meeting_id):
        return None  # None, or a value validate_review refuses
    meeting = PanelMeeting.get_or_none(PanelMeeting.id == meeting_id)
    return meeting.meeting_date if meeting else None


def _meeting_record(meeting: PanelMeeting) -> dict[str, Any]:
    return {name: getattr(meeting, name) for name in records.MEETING_FIELDS}


def create_meeting(session, data: Mapping[str, Any]) -> int:
    """Plan (or record) a panel meeting; returns its id."""
    _authorise(session)
    data = _mapping(data, "meeting")
    _refuse(rules.validate_meeting(data))
    values = records.clean_meeting(data)
    with _db().atomic():
        meeting = PanelMeeting.create(**values, created_at=_now(session))
        _audit(session, "create", MEETING_TABLE, meeting.id, new=values)
    return meeting.id


def _refuse_stale_meeting(stored: Mapping[str, Any], expected: Mapping[str, Any] | None, *,
                          deleting: bool = False) -> None:
    expected = stale.as_stored(expected, records.clean_meeting, records.MEETING_FIELDS)
    stale.refuse_if_changed(stored, expected,
                            f"The panel meeting of {stored['meeting_date']:%d/%m/%Y}",
                            records.MEETING_FIELDS, deleting=deleting)


def update_meeting(session, meeting_id: int, data: Mapping[str, Any],
                   expected: Mapping[str, Any] | None = None) -> None:
    """``expected``: the meeting as the form loaded it; one changed since is refused
    (``StaleVersion``)."""
    _authorise(session)
    data = _mapping(data, "meeting")
    with _db().atomic():
        stale.lock_row(STORE, PanelMeeting, meeting_id)
        meeting = _get(PanelMeeting, meeting_id, "panel meeting")
        old = _meeting_record(meeting)
        _refuse_stale_meeting(old, expected)
        merged = {**old, **{k: v for k, v in data.items() if k in old}}
        _refuse(rules.validate_meeting(merged))
        values = records.clean_meeting(merged)
        if values["meeting_date"] != old["meeting_date"]:
            early = (
                CdopReview.select(CdopReview.id)
                .where(
                    (CdopReview.panel_meeting == meeting_id)
                    & (CdopReview.review_completed_date < values["meeting_date"])
                )
                .exists()
            )
            if early:
                raise ValidationFailed(
                    [
                        error(
                            "meeting_date",
                            "Reviews recorded at this meeting were completed before that date.",
                        )
                    ]
                )
        before, after = _diff(old, values)
        if not after:
            return
        PanelMeeting.update(**values).where(PanelMeeting.id == meeting_id).execute()
        _audit(session, "update", MEETING_TABLE, meeting_id, old=before, new=after)


def delete_meeting(session, meeting_id: int, reason: str = "",
                   expected: Mapping[str, Any] | None = None) -> None:
    """Delete a meeting planned in error; refused while reviews are recorded against it,
    or (``expected``: the meeting as loaded) when it was changed since."""
    _authorise(session)
    with _db().atomic():
        stale.lock_row(STORE, PanelMeeting, meeting_id)
        meeting = _get(PanelMeeting, meeting_id, "panel meeting")
        _refuse_stale_meeting(_meeting_record(meeting), expected, deleting=True)
        if CdopReview.select().where(CdopReview.panel_meeting == meeting_id).exists():
            raise ValidationFailed(
                [error("", "Reviews are recorded against this meeting: move them first.")]
            )
        old = {**_meeting_record(meeting), "agenda": _agenda_ids(meeting_id)}
        PanelMeeting.delete().where(PanelMeeting.id == meeting_id).execute()
        _audit(session, "delete", MEETING_TABLE, meeting_id, old=old, reason=reason)


def _agenda_ids(meeting_id: int) -> list[int]:
    return [
        a.death_id
        for a in AgendaItem.select(AgendaItem.death)
        .where(AgendaItem.meeting == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    ]


def _agenda_rows(meeting_id: int) -> list[dict[str, Any]]:
    query = (
        AgendaItem.select(
            AgendaItem.death,
            AgendaItem.position,
            ChildDeath.cdop_ref,
            CdopReview.review_completed_date,
            CdopReview.panel_meeting,
        )
        .join(ChildDeath, on=(AgendaItem.death == ChildDeath.id))
        .join(CdopReview, join_type=JOIN.LEFT_OUTER, on=(CdopReview.death == ChildDeath.id))
        .where(AgendaItem.meeting == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id)
        .tuples()
    )
    return [
        {
            "death_id": death_id,
            "position": position,
            "cdop_ref": ref,
            "reviewed": completed is not None,
            "reviewed_here": completed is not None and review_meeting == meeting_id,
        }
        for death_id, position, ref, completed, review_meeting in query
    ]


def get_meeting(session, meeting_id: int) -> dict[str, Any]:
    """A meeting with its agenda (references only, no identity)."""
    _authorise(session)
    meeting = _get(PanelMeeting, meeting_id, "panel meeting")
    return {"id": meeting.id, **_meeting_record(meeting), "agenda": _agenda_rows(meeting_id)}


def list_meetings(session, period: Any = None) -> list[dict[str, Any]]:
    """Meetings, newest first (``period``: "2016-17" or a ReportingPeriod), with how many
    deaths are on each agenda and how many reviews each completed."""
    _authorise(session)
    query = PanelMeeting.select().order_by(PanelMeeting.meeting_date.desc(), PanelMeeting.id.desc())
    if period is not None:
        p = period_for(STORE, period) if isinstance(period, str) else period
        query = query.where(PanelMeeting.meeting_date.between(p.start, p.end))
    meetings = list(query)
    ids = [m.id for m in meetings]
    # Two grouped counts for the whole list, not two queries per meeting (the CDOP page
    # lists every meeting when the window opens: ten years are ~240 of them).
    agenda: dict[int, int] = {}
    reviewed: dict[int, int] = {}
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        agenda.update(
            AgendaItem.select(AgendaItem.meeting, fn.COUNT(AgendaItem.id))
            .where(AgendaItem.meeting.in_(chunk)).group_by(AgendaItem.meeting).tuples())
        reviewed.update(
            CdopReview.select(CdopReview.panel_meeting, fn.COUNT(CdopReview.id))
            .where(CdopReview.panel_meeting.in_(chunk)
                   & CdopReview.review_completed_date.is_null(False))
            .group_by(CdopReview.panel_meeting).tuples())
    return [
        {"id": m.id, **_meeting_record(m), "agenda_count": agenda.get(m.id, 0),
         "reviews_completed": reviewed.get(m.id, 0)}
        for m in meetings
    ]


def _add_to_agenda(session, meeting_id: int, death_id: int) -> int:
    existing = AgendaItem.get_or_none(
        (AgendaItem.meeting == meeting_id) & (AgendaItem.death == death_id)
    )
    if existing is not None:
        return existing.id
    position = (
        AgendaItem.select(AgendaItem.position)
        .where(AgendaItem.meeting == meeting_id)
        .order_by(AgendaItem.position.desc())
        .scalar()
        or 0
    ) + 1
    item = AgendaItem.create(meeting=meeting_id, death=death_id, position=position)
    _audit(
        session,
        "create",
        AGENDA_TABLE,
        item.id,
        new={"meeting": meeting_id, "death": death_id, "position": position},
    )
    return item.id


def add_to_agenda(session, meeting_id: int, death_id: int) -> int:
    """Put a death on a meeting's agenda (at the end); returns the agenda item's id."""
    _authorise(session)
    with _db().atomic():
        _get(PanelMeeting, meeting_id, "panel meeting")
        _death(death_id)
        return _add_to_agenda(session, meeting_id, death_id)


def remove_from_agenda(session, meeting_id: int, death_id: int) -> None:
    _authorise(session)
    with _db().atomic():
        item = AgendaItem.get_or_none(
            (AgendaItem.meeting == meeting_id) & (AgendaItem.death == death_id)
        )
        if item is None:
            raise RecordMissing([error("", "That case is not on this meeting's agenda.")])
        if (
            CdopReview.select()
            .where(
                (CdopReview.death == death_id)
                & (CdopReview.panel_meeting == meeting_id)
                & CdopReview.review_completed_date.is_null(False)
            )
            .exists()
        ):
            raise ValidationFailed(
                [error("", "The panel completed this case's review at this meeting.")]
            )
        AgendaItem.delete().where(AgendaItem.id == item.id).execute()
        _audit(
            session,
            "delete",
            AGENDA_TABLE,
            item.id,
            old={"meeting": meeting_id, "death": death_id, "position": item.position},
        )


# -- reviews ----------------------------------------------------------------------------------


def _review_record(review: CdopReview) -> dict[str, Any]:
    out: dict[str, Any] = {"panel_meeting_id": review.panel_meeting_id}
    for name in (
        records.REVIEW_DATE_FIELDS + records.REVIEW_BOOL_FIELDS + records.REVIEW_TEXT_FIELDS
    ):
        out[name] = getattr(review, name)
    out["categories_applicable"] = records.split_codes(review.categories_applicable)
    out["agencies_represented"] = records.split_codes(review.agencies_represented)
    out["factors"] = sorted(
        (f.factor for f in CdopReviewFactor.select().where(CdopReviewFactor.review == review.id)),
        key=lambda c: V.FACTORS.codes.index(c) if c in V.FACTORS else len(V.FACTORS),
    )
    out["sudi_suggested"] = review.sudi_suggested
    out["sudi_override"] = review.sudi_override
    out["sudi"] = review.sudi
    return out


def _death_facts(death: ChildDeath) -> dict[str, Any]:
    """What the review rules need of the death (no identity)."""
    return {
        "date_of_death": death.date_of_death,
        "notification_date": death.notification_date,
        "expected_or_unexpected": death.expected_or_unexpected,
        "age_days": death.age_days,
    }


def _sudden(death_id: int, values: Mapping[str, Any]) -> bool | None:
    if values.get("sudden_death") is not None:
        return values["sudden_death"]
    return rules.sudden_from_reports(_reports(death_id))


def suggestions(session, death_id: int, data: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """What the review form suggests for these (unsaved) review values: ``category``, the
    highest ticked applicable category (§8.9); ``sudi``, from the age at death, expected or
    unexpected and whether the death was sudden (the panel's view, else the reports)."""
    _authorise(session)
    death = _death(death_id)
    data = data if isinstance(data, Mapping) else {}
    sudden = rules.as_bool(data.get("sudden_death"))[0]
    if sudden is None:
        sudden = rules.sudden_from_reports(_reports(death_id))
    applicable, _ = rules.as_codes(data.get("categories_applicable"))
    return {
        "category": rules.suggest_category(applicable),
        "sudden": sudden,
        "sudi": rules.suggest_sudi(death.age_days, death.expected_or_unexpected, sudden),
    }


def check_review(session, death_id: int, data: Mapping[str, Any]) -> list[Problem]:
    """Every problem with these review values (merged over the saved review, if any)."""
    _authorise(session)
    if not isinstance(data, Mapping):
        return [error("", "The review is missing.")]
    death = _death(death_id)
    review = CdopReview.get_or_none(CdopReview.death == death_id)
    merged = {**(_review_record(review) if review else {}), **data}
    return rules.validate_review(
        merged, _death_facts(death), _today(session), _meeting_date(merged.get("panel_meeting_id"))
    )


def save_review(
    session,
    death_id: int,
    data: Mapping[str, Any],
    expected_version: int | None = None,
    reason: str = "",
) -> int:
    """Create or change the death's review (missing keys keep their values); returns the
    review's new version. ``sudi`` True/False is the panel's answer, overriding the
    suggestion; None goes back to the suggestion; left out, it stays as it was. The
    suggestion (``sudi_suggested``), the override (``sudi_override``) and the answer
    counted (``sudi``) are all stored. A review is complete once it has a
    ``review_completed_date``; changing a completed review needs a reason. Naming a panel
    meeting puts the death on its agenda.
    """
    _authorise(session)
    data = _mapping(data, "review")
    with _db().atomic():
        death = _death(death_id)
        review = CdopReview.get_or_none(CdopReview.death == death_id)
        if (
            review is not None
            and expected_version is not None
            and review.version != expected_version
        ):
            raise _stale(f"The review of {death.cdop_ref}", review.version)
        if review is None and expected_version not in (None, 0):
            raise _stale(f"The review of {death.cdop_ref}", 0)
        old = _review_record(review) if review else {}
        merged = {
            **old,
            **{k: v for k, v in data.items() if k in records.REVIEW_FIELDS},
        }
        meeting_id = merged.get("panel_meeting_id")
        if meeting_id is not None and isinstance(meeting_id, int):
            _get(PanelMeeting, meeting_id, "panel meeting")
        _refuse(
            rules.validate_review(
                merged, _death_facts(death), _today(session), _meeting_date(meeting_id)
            )
        )
        values = records.clean_review(merged)
        # "sudi" given: the panel's answer (None: follow the suggestion); absent: as before.
        if "sudi" in data:
            values["sudi_override"] = values["sudi"]
        else:
            values["sudi_override"] = review.sudi_override if review is not None else None
        values["sudi_suggested"] = rules.suggest_sudi(
            death.age_days, death.expected_or_unexpected, _sudden(death_id, values)
        )
        values["sudi"] = (
            values["sudi_suggested"] if values["sudi_override"] is None else values["sudi_override"]
        )
        new = dict(values)
        before, after = _diff(old, new)
        if review is not None and not after:
            return review.version
        if review is not None and review.review_completed_date and not (reason or "").strip():
            raise ValidationFailed(
                [error("reason", "Give a reason for changing a completed review.")]
            )
        now = _now(session)
        if review is None:
            review = CdopReview.create(
                death=death_id,
                **records.review_columns(values),
                version=1,
                created_at=now,
                updated_at=now,
            )
            version = 1
            action, before = "create", None
            after = new
        else:
            rows = (
                CdopReview.update(
                    **records.review_columns(values),
                    version=review.version + 1,
                    updated_at=now,
                )
                .where((CdopReview.id == review.id) & (CdopReview.version == review.version))
                .execute()
            )
            if rows != 1:
                raise _stale(f"The review of {death.cdop_ref}", review.version + 1)
            version, action = review.version + 1, "update"
            CdopReviewFactor.delete().where(CdopReviewFactor.review == review.id).execute()
        for factor in values["factors"]:
            CdopReviewFactor.create(review=review.id, factor=factor)
        _audit(
            session,
            action,
            REVIEW_TABLE,
            review.id,
            old=before,
            new={"death": death_id, **after},
            reason=reason,
        )
        if values["panel_meeting_id"] is not None:
            _add_to_agenda(session, values["panel_meeting_id"], death_id)
        return version


def get_review(session, death_id: int) -> dict[str, Any] | None:
    """The death's review for the form (None before one is started), audited as a view;
    ``suggested_category`` is the highest ticked applicable category."""
    _authorise(session)
    with _db().atomic():
        _death(death_id)
        review = CdopReview.get_or_none(CdopReview.death == death_id)
        if review is None:
            return None
        record = _review_record(review)
        record.update(
            id=review.id,
            death_id=death_id,
            version=review.version,
            suggested_category=rules.suggest_category(record["categories_applicable"]),
            domain_names=list(V.DOMAIN_NAMES.get(review.domain_scheme, ())),
            status="complete" if review.review_completed_date else "in progress",
        )
        _audit(session, "view", REVIEW_TABLE, review.id)
    return record


def _refresh_sudi(session, death_id: int) -> None:
    """Keep a review's SUDI suggestion in step with the death and its reports; an answer
    that followed the suggestion follows it still, an override stays."""
    review = CdopReview.get_or_none(CdopReview.death == death_id)
    if review is None:
        return
    death = _death(death_id)
    sudden = _sudden(death_id, {"sudden_death": review.sudden_death})
    suggested = rules.suggest_sudi(death.age_days, death.expected_or_unexpected, sudden)
    if suggested == review.sudi_suggested:
        return
    old = {"sudi_suggested": review.sudi_suggested, "sudi": review.sudi}
    new = {
        "sudi_suggested": suggested,
        "sudi": suggested if review.sudi_override is None else review.sudi_override,
    }
    # The version stays: a review form open elsewhere recomputes the suggestion when saved.
    CdopReview.update(**new).where(CdopReview.id == review.id).execute()
    _audit(
        session,
        "update",
        REVIEW_TABLE,
        review.id,
        old=old,
        new=new,
        reason="SUDI suggestion recomputed after the death or its reports changed",
    )


# -- the panel pack ---------------------------------------------------------------------------

PACK_FIELDS_EXCLUDED = records.IDENTITY_KEYS  # never in a panel pack (SPEC §0.4, S-C5)
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip


def _label(codes, code: Any) -> str:
    return codes.label(code) if isinstance(code, str) and code in codes else ""


def _yes_no(value: Any) -> str:
    return {True: "Yes", False: "No"}.get(value, "Not recorded")


def _scrubber(identity: Mapping[str, Any]):
    """Replace the child's own names, NHS number and postcode in free text (a summary or
    narrative that names the child) with placeholders."""
    patterns: list[tuple[re.Pattern[str], str]] = []
    nhs = identity.get("nhs_number")
    if nhs:
        digits = r"[\s-]*".join(re.escape(c) for c in nhs)
        patterns.append((re.compile(digits), "[NHS number]"))
    postcode = identity.get("home_postcode")
    if postcode:
        bare = postcode.replace(" ", "")
        patterns.append(
            (re.compile(r"\s*".join(re.escape(c) for c in bare), re.IGNORECASE), "[postcode]")
        )
    names = []
    for key in ("forenames", "family_name"):
        names += [p for p in re.split(r"[\s-]+", identity.get(key) or "") if len(p) >= 2]
    for name in sorted(set(names), key=len, reverse=True):
        patterns.append((re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE), "[child]"))
    dob = identity.get("date_of_birth")
    if isinstance(dob, dt.date):
        for text in {
            dob.strftime("%d/%m/%Y"),
            dob.isoformat(),
            f"{dob.day}/{dob.month}/{dob.year}",
        }:
            patterns.append((re.compile(re.escape(text)), "[date of birth]"))

    def scrub(text: str | None) -> str:
        if not text:
            return ""
        for pattern, placeholder in patterns:
            text = pattern.sub(placeholder, text)
        return text

    return scrub


def _pack_case(death: ChildDeath, position: int, agencies: Mapping[int, str]) -> dict[str, Any]:
    identity = ChildIdentity.get_or_none(ChildIdentity.death == death.id)
    scrub = _scrubber(
        {k: getattr(identity, k) for k in records.IDENTITY_FIELDS} if identity else {}
    )
    reports = []
    for r in _reports(death.id):
        reports.append(
            {
                "agency": agencies.get(r["agency_id"]) or r["agency_name"] or "",
                "requested_date": r["requested_date"],
                "received_date": r["received_date"],
                "mode_of_death": _label(V.MODES_OF_DEATH, r["mode_of_death"]),
                "attempted_resuscitation": _label(V.YES_NO_UNKNOWN, r["attempted_resuscitation"]),
                "events": [_label(V.EVENTS, e) for e in r["events"]],
                "narrative": scrub(r["narrative"]),
            }
        )
    review = CdopReview.get_or_none(CdopReview.death == death.id)
    review_data = None
    if review is not None:
        rec = _review_record(review)
        names = V.DOMAIN_NAMES.get(rec["domain_scheme"], V.DOMAIN_NAMES[V.DEFAULT_DOMAIN_SCHEME])
        review_data = {
            "status": "Complete" if rec["review_completed_date"] else "In progress",
            "review_completed_date": rec["review_completed_date"],
            "category_of_death": _label(V.CATEGORIES, rec["category_of_death"]),
            "categories_applicable": [
                _label(V.CATEGORIES, c) for c in rec["categories_applicable"]
            ],
            "cause_of_death_text": scrub(rec["cause_of_death_text"]),
            "domain_scores": [
                {"domain": name, "score": _label(V.DOMAIN_SCORES, rec[field])}
                for name, field in zip(names, V.DOMAIN_FIELDS)
            ],
            "factors": [_label(V.FACTORS, f) for f in rec["factors"]],
            "modifiable_factors": _label(V.MODIFIABLE, rec["modifiable_factors"]),
            "modifiable_factors_text": scrub(rec["modifiable_factors_text"]),
            "sudi": rec["sudi"],
            "sudi_suggested": rec["sudi_suggested"],
            **{q: _label(V.YES_NO_UNKNOWN, rec[q]) for q in V.TRISTATE_FACTORS},
            "scr_considered": _yes_no(rec["scr_considered"]),
            "scr_held": _yes_no(rec["scr_held"]),
            "recommendations": scrub(rec["recommendations"]),
        }
    died = death.date_of_death
    return {
        "position": position,
        "cdop_ref": death.cdop_ref,
        "sex": _label(SEX, death.sex),
        "ethnicity": _label(ETHNICITY, death.ethnicity),
        "age_at_death": rules.age_text(death.age_days, death.age_years),
        "age_band": _label(V.AGE_BANDS, death.age_band),
        "month_of_death": f"{_MONTHS[died.month - 1]} {died.year}",
        "la_of_residence": death.la_of_residence or "",
        "normally_resident_in_area": _yes_no(death.normally_resident_in_area),
        "place_of_death": _label(V.PLACES_OF_DEATH, death.place_of_death),
        "place_of_death_other": scrub(death.place_of_death_other),
        "expected_or_unexpected": _label(V.EXPECTED, death.expected_or_unexpected),
        "unexpected_confirmed_by_designated_doctor": _yes_no(
            death.unexpected_confirmed_by_designated_doctor
        ),
        "joint_agency_response": _yes_no(death.joint_agency_response),
        "post_mortem_required": _yes_no(death.post_mortem_required),
        "coroner_involved": _yes_no(death.coroner_involved),
        "inquest": _yes_no(death.inquest),
        "looked_after": _yes_no(death.looked_after),
        "child_protection_plan": _yes_no(death.child_protection_plan),
        "child_in_need": _yes_no(death.child_in_need),
        "notified_by": agencies.get(death.notified_by_agency_id, ""),
        "circumstances_summary": scrub(death.circumstances_summary),
        "reports": reports,
        "review": review_data,
    }


def panel_pack(session, meeting_id: int) -> dict[str, Any]:
    """One meeting's cases as plain data for the panel to read beforehand, WITHOUT identity:
    no names, NHS number, date of birth or postcode (the child's own names, number and
    postcode are also replaced in free text). Age is given as a band and in days / weeks /
    months / years, the death by month. Producing a pack is audited."""
    _authorise(session, "produce a CDOP panel pack")
    with _db().atomic():
        meeting = _get(PanelMeeting, meeting_id, "panel meeting")
        agencies = agency_names()
        items = (
            AgendaItem.select(AgendaItem, ChildDeath)
            .join(ChildDeath, on=(AgendaItem.death == ChildDeath.id))
            .where(AgendaItem.meeting == meeting_id)
            .order_by(AgendaItem.position, AgendaItem.id)
        )
        cases = [_pack_case(item.death, n, agencies) for n, item in enumerate(items, start=1)]
        board = "Hertfordshire Safeguarding Children Board"
        if stores.is_open(stores.CORE):
            from hscb_desktop import settings

            board = settings.get("board_name")
        pack = {
            "board": board,
            "title": "Child Death Overview Panel: case papers",
            "meeting_id": meeting.id,
            "meeting_date": meeting.meeting_date,
            "quorate": meeting.quorate,
            "generated": session.clock.now().astimezone().replace(microsecond=0),
            "generated_by": session.username,
            "notice": (
                "CONFIDENTIAL. Identifying details (names, NHS number, date of birth, "
                "address) are withheld from this pack."
            ),
            "cases": cases,
        }
        _audit(
            session,
            "panel_pack",
            MEETING_TABLE,
            meeting_id,
            new={"cases": [c["cdop_ref"] for c in cases]},
        )
    return pack


# -- loading many cases (demo data, tests, imports) -------------------------------------------


def load_cases(
    session, meetings: Iterable[Mapping[str, Any]], cases: Iterable[Mapping[str, Any]]
) -> dict[str, list[int]]:
    """Create meetings and cases in one transaction, each through the functions above (so
    validated and audited like single saves). A case is a notification dict that may carry
    ``reports`` (a list of report dicts), ``agenda`` (indexes into ``meetings``) and
    ``review`` (a review dict whose ``meeting`` is an index into ``meetings``). Any error
    refuses the whole load, naming the case. Returns {"meetings": ids, "deaths": ids}."""
    _authorise(session)
    meetings, cases = list(meetings), list(cases)
    with _db().atomic():
        meeting_ids = []
        for n, m in enumerate(meetings, start=1):
            meeting_ids.append(_numbered(f"Meeting {n}", create_meeting, session, m))
        death_ids = []
        for n, case in enumerate(cases, start=1):
            what = f"Case {n}"
            case = _numbered(what, _mapping, case, "case")
            notification = {
                k: v for k, v in case.items() if k not in ("reports", "agenda", "review")
            }
            death_id = _numbered(what, create_death, session, notification)
            for report in case.get("reports") or ():
                _numbered(what, add_report, session, death_id, report)
            for index in case.get("agenda") or ():
                _numbered(what, add_to_agenda, session, meeting_ids[index], death_id)
            review = case.get("review")
            if review:
                review = dict(review)
                index = review.pop("meeting", None)
                if index is not None:
                    review["panel_meeting_id"] = meeting_ids[index]
                _numbered(what, save_review, session, death_id, review)
            death_ids.append(death_id)
    return {"meetings": meeting_ids, "deaths": death_ids}


def _numbered(what: str, fn, *args):
    try:
        return fn(*args)
    except ValidationFailed as exc:
        raise ValidationFailed(
            [Problem(p.field, f"{what}: {p.message}", p.severity) for p in exc.problems]
        ) from None


# -- the return -------------------------------------------------------------------------------


def export_cdop(session, period_spec: str, path: str | Path) -> Path:
    """Compute tables C1-C8 for a period, write the workbook atomically (KP-1) and audit the
    export with the file's SHA-256 (XLS-3). Business unit users may run it: counts only."""
    guard.require_return_access(session, STORE)
    from hscb_desktop.domains.cdop import returns as cdop_returns
    from hscb_desktop.returns import export

    period = period_for(STORE, period_spec)
    chain = export.verify_chain(STORE)  # AUD-3: the chain is checked before each export
    tables = cdop_returns.compute(period, _today(session))
    return export.write_return(
        session,
        STORE,
        "CDOP: child death reviews",
        "cdop",
        period,
        tables,
        {"Counting rules": cdop_returns.COUNTING_RULES},
        path,
        chain,
    )

# -- the data-quality gate (annual report) ------------------------------------------


def period_problems(session, period) -> list[tuple[RecordRef, Problem]]:
    """(reference, problem) for every problem the rules find in the deaths whose review was
    completed in ``period`` (notification and review), for the annual report's data-quality
    gate. Return access suffices: only references and the rules' own messages leave."""
    guard.require_return_access(session, STORE)
    today = _today(session)
    found: list[tuple[RecordRef, Problem]] = []
    reviews = (
        CdopReview.select()
        .where(CdopReview.review_completed_date.between(period.start, period.end))
        .order_by(CdopReview.review_completed_date, CdopReview.id)
    )
    for review in reviews:
        death = ChildDeath.get_by_id(review.death_id)
        record = _death_record(death)
        problems = rules.validate_death(
            record, today, _duplicates(record.get("nhs_number"), death.id)
        )
        saved = _review_record(review)
        problems += rules.validate_review(
            saved, _death_facts(death), today, _meeting_date(saved.get("panel_meeting_id"))
        )
        found += [(RecordRef(death.cdop_ref, "case", death.id), p) for p in problems]
    return found
