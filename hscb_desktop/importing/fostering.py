"""Private fostering notifications from a tracker (Qt-free): one row is one notification,
with its child and carer, and its arrangement when the row gives one (a start date or a
carer relationship). Enquiries and statutory visits are not imported.

A row is a duplicate of a stored notification, or of an earlier row, when it has the
same reference, or the same child (name, case- and space-insensitive) notified on the
same date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.validation import Problem, error
from hscb_desktop.core.vocab import ETHNICITY, SEX
from hscb_desktop.domains.fostering import records, rules, service
from hscb_desktop.domains.fostering import vocab as FV
from hscb_desktop.importing.fields import BOOL, CODE, CODES, DATE, INT, TEXT, Field
from hscb_desktop.security import guard

name = "fostering"
title = "Private fostering notifications"
STORE = service.STORE
ARRANGEMENT = "arrangement_"  # the prefix of the arrangement's fields in a row

FIELDS: tuple[Field, ...] = (
    Field("ref", "Reference", TEXT, aliases=("PF ref", "case ref", "case number", "ID")),
    Field("date_received", "Date notified", DATE, required=True,
          aliases=("date received", "notification date", "date of notification")),
    Field("notifier_type", "Notified by", CODE, FV.NOTIFIER_TYPES, required=True,
          aliases=("notifier", "who notified", "source")),
    Field("notification_type", "Notification type", CODE, FV.NOTIFICATION_TYPES, required=True,
          aliases=("type", "kind of notification")),
    Field("intended_start_date", "Intended start date", DATE, aliases=("proposed start",)),
    Field("intended_duration_days", "Intended duration (days)", INT, aliases=("duration",)),
    Field("progressed", "Progressed", BOOL, aliases=("went ahead",)),
    Field("not_progressed_reason", "Reason not progressed", CODE, FV.NOT_PROGRESSED_REASONS),
    Field("notes", "Notes", TEXT, aliases=("comments",)),
    Field("child_name", "Child's name", TEXT, required=True, aliases=("child", "name")),
    Field("child_sex", "Child's sex", CODE, SEX, aliases=("sex", "gender")),
    Field("child_date_of_birth", "Child's date of birth", DATE, aliases=("dob", "date of birth")),
    Field("child_place_of_birth", "Child's place of birth", TEXT),
    Field("child_country_of_birth", "Child's country of birth", TEXT, aliases=("country",)),
    Field("child_born_in_uk", "Born in the UK", CODE, FV.BORN_IN_UK),
    Field("child_religion", "Child's religion", TEXT, aliases=("religion",)),
    Field("child_ethnicity", "Child's ethnicity", CODE, ETHNICITY, aliases=("ethnicity",)),
    Field("child_language", "Child's language", TEXT, aliases=("language",)),
    Field("child_disabled", "Child disabled", BOOL, aliases=("disabled", "disability")),
    Field("child_immigration_status", "Immigration status", TEXT),
    Field("carer_name", "Carer's name", TEXT, aliases=("carer", "foster carer")),
    Field("carer_address", "Carer's address", TEXT, aliases=("address",)),
    Field("carer_postcode", "Carer's postcode", TEXT, aliases=("postcode",)),
    Field("carer_phone", "Carer's phone", TEXT, aliases=("phone", "telephone")),
    Field("carer_household", "Carer's household", TEXT, aliases=("household",)),
    Field(ARRANGEMENT + "start_date", "Arrangement start date", DATE,
          aliases=("start date", "placement start")),
    Field(ARRANGEMENT + "la_aware_date", "Date the authority became aware", DATE,
          aliases=("la aware", "date aware")),
    Field(ARRANGEMENT + "carer_relationship", "Carer's relationship to the child", CODE,
          FV.CARER_RELATIONSHIPS, aliases=("relationship",)),
    Field(ARRANGEMENT + "reasons", "Reasons for the arrangement", CODES, FV.REASONS,
          aliases=("reasons", "reason")),
    Field(ARRANGEMENT + "initial_visit_date", "Initial visit date", DATE,
          aliases=("initial visit",)),
    Field(ARRANGEMENT + "assessment_completed_date", "Assessment completed", DATE,
          aliases=("assessment date",)),
    Field(ARRANGEMENT + "assessment_outcome", "Assessment outcome", CODE,
          FV.ASSESSMENT_OUTCOMES),
    Field(ARRANGEMENT + "child_in_need_or_cp", "Child in need or child protection", CODE,
          FV.CIN_CP, aliases=("cin cp",)),
    Field(ARRANGEMENT + "end_date", "Arrangement end date", DATE, aliases=("end date",)),
    Field(ARRANGEMENT + "end_reason", "End reason", CODE, FV.END_REASONS),
)


def authorise(session) -> None:
    guard.require_record_access(session, STORE, "import private fostering records")


def to_record(values: dict[str, Any]) -> dict[str, Any]:
    """A notification as ``service.bulk_create`` takes it (the arrangement nested)."""
    record = {k: v for k, v in values.items() if not k.startswith(ARRANGEMENT)}
    plan = {k[len(ARRANGEMENT):]: v for k, v in values.items() if k.startswith(ARRANGEMENT)}
    if plan.get("start_date") or plan.get("carer_relationship"):
        plan.setdefault("reasons", [])
        record["arrangement"] = plan
    return record


def validator(session) -> Callable[[dict[str, Any]], list[Problem]]:
    today = local_today(session.clock)
    return lambda record: _validate(record, today)


def _validate(record: dict[str, Any], today) -> list[Problem]:
    """What ``service.bulk_create`` checks, with arrangement problems on their row fields."""
    problems = rules.validate_notification(record, today)
    plan = record.get("arrangement")
    if plan is None and record.get("progressed") is True:
        problems.append(error(ARRANGEMENT + "start_date", "It progressed: give the arrangement."))
    if plan is not None:
        if record.get("progressed") is False:
            problems.append(error("progressed", "It did not progress, yet has an arrangement."))
        plan = {**plan, "la_aware_date": plan.get("la_aware_date") or record.get("date_received")}
        note = {**record, "child_disabled": bool(record.get("child_disabled"))}
        problems += [Problem(ARRANGEMENT + p.field if p.field else "", p.message, p.severity)
                     for p in rules.validate_arrangement(plan, note, [], today)]
    return problems


def keys(record: dict[str, Any]) -> list[tuple]:
    out: list[tuple] = []
    ref = record.get("ref")
    if isinstance(ref, str) and ref.strip():
        out.append(("reference", ref.strip()))
    child = records.normalise(record.get("child_name"))
    if child:
        out.append(("child and date notified", child, record.get("date_received")))
    return out


def existing_keys(session) -> set[tuple]:
    authorise(session)
    from hscb_desktop.domains.fostering.models import PfChild, PfNotification

    out: set[tuple] = set()
    query = (PfNotification.select(PfNotification.ref, PfNotification.date_received,
                                   PfChild.name_norm).join(PfChild))
    for ref, received, child in query.tuples():
        out.add(("reference", ref))
        if child:
            out.add(("child and date notified", child, received))
    return out


def create(session, batch: list[dict[str, Any]], sources: list[str]) -> list[int]:
    from hscb_desktop.domains.fostering.models import PfNotification

    first = (PfNotification.select(PfNotification.id).order_by(PfNotification.id.desc())
             .scalar() or 0) + 1
    added = service.bulk_create(session, batch, sources=sources)["notifications"]
    return list(range(first, first + added))


def extract_records(session):
    """Every notification as a dict of FIELDS, by reference (the record-level extract)."""
    authorise(session)
    from hscb_desktop.domains.fostering.models import (
        PfArrangement,
        PfArrangementReason,
        PfCarer,
        PfChild,
        PfNotification,
    )

    children = {c.id: c for c in PfChild.select()}
    carers = {c.id: c for c in PfCarer.select()}
    plans = {a.notification_id: a for a in PfArrangement.select()}
    reasons: dict[int, list[str]] = {}
    for row in PfArrangementReason.select():
        reasons.setdefault(row.arrangement_id, []).append(row.reason)
    for note in PfNotification.select().order_by(PfNotification.ref).iterator():
        out = {f: getattr(note, f) for f in records.NOTIFICATION_FIELDS}
        child, carer = children.get(note.child_id), carers.get(note.carer_id)
        for key, col in records.CHILD_FIELDS.items():
            out[key] = getattr(child, col) if child else None
        for key, col in records.CARER_FIELDS.items():
            out[key] = getattr(carer, col) if carer else None
        plan = plans.get(note.id)
        for f in FIELDS:
            if f.name.startswith(ARRANGEMENT):
                column = f.name[len(ARRANGEMENT):]
                if column == "reasons":
                    out[f.name] = sorted(reasons.get(plan.id, [])) if plan else []
                else:
                    out[f.name] = getattr(plan, column) if plan else None
        yield out
