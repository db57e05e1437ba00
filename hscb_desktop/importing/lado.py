"""LADO contacts from a tracker: the fields a column can fill, duplicate keys, and the
service calls that validate and create them (Qt-free).

One spreadsheet row is one contact (meetings and actions are not imported). A row is a
duplicate of a stored contact, or of an earlier row, when it has the same reference,
or the same subject (name, case- and space-insensitive) received on the same date, or,
with neither a reference nor a subject, the same employer, referral source and date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.validation import Problem
from hscb_desktop.core.vocab import ETHNICITY, SEX, TRISTATE
from hscb_desktop.domains.lado import records, rules, service
from hscb_desktop.domains.lado import vocab as LV
from hscb_desktop.importing.fields import BOOL, CODE, CODES, DATE, INT, TEXT, Field
from hscb_desktop.security import guard

name = "lado"
title = "LADO contacts"

FIELDS: tuple[Field, ...] = (
    Field("ref", "Reference", TEXT, aliases=("LADO ref", "case ref", "case number", "ID")),
    Field("date_received", "Date received", DATE, required=True,
          aliases=("date of referral", "referral date", "date rec'd", "received")),
    Field("date_allegation_known", "Date allegation known", DATE,
          aliases=("date known", "allegation known")),
    Field("date_of_incident", "Date of incident", DATE, aliases=("incident date",)),
    Field("contact_method", "Contact method", CODE, LV.CONTACT_METHODS,
          aliases=("method", "how received")),
    Field("referrer_name", "Referrer name", TEXT, aliases=("referrer", "referred by")),
    Field("referrer_role", "Referrer role", TEXT),
    Field("referral_source_type", "Referral source", CODE, LV.REFERRAL_SOURCES, required=True,
          aliases=("source", "source of referral", "referrer type")),
    Field("employer_name", "Employer", TEXT, required=True,
          aliases=("employer name", "organisation", "employer or organisation", "agency")),
    Field("employment_sector", "Employment sector", CODE, LV.EMPLOYMENT_SECTORS, required=True,
          aliases=("sector",)),
    Field("setting_type", "Setting", CODE, LV.SETTING_TYPES, aliases=("setting type",)),
    Field("subject_role", "Subject's role", TEXT, aliases=("role", "job title", "post")),
    Field("subject_employment_basis", "Employment basis", CODE, LV.EMPLOYMENT_BASIS,
          aliases=("basis", "contract")),
    Field("subject_named", "Subject named", BOOL),
    Field("previous_allegations_known", "Previous allegations known", CODE, TRISTATE,
          aliases=("previous allegations",)),
    Field("more_than_one_subject", "More than one subject", BOOL),
    Field("linked_case_ref", "Linked case reference", TEXT, aliases=("linked case",)),
    Field("child_count", "Number of children", INT, aliases=("children", "no of children")),
    Field("followed_physical_intervention", "Followed physical intervention", CODE, TRISTATE,
          aliases=("physical intervention", "restraint")),
    Field("threshold_met", "Threshold met", BOOL, aliases=("threshold", "met threshold")),
    Field("threshold_decision_date", "Threshold decision date", DATE),
    Field("lado_officer", "LADO officer", TEXT, aliases=("officer", "lado")),
    Field("police_involved", "Police involved", BOOL, aliases=("police",)),
    Field("s47_enquiry", "Section 47 enquiry", BOOL, aliases=("s47",)),
    Field("abuse_category", "Categories of harm", CODES, LV.ABUSE_CATEGORIES,
          aliases=("category", "abuse category", "category of abuse", "type of abuse")),
    Field("harm_criteria", "Harm criteria", CODES, LV.HARM_CRITERIA, aliases=("criteria", "harm")),
    Field("allegation_details", "Allegation details", TEXT,
          aliases=("allegation", "details", "summary", "nature of allegation")),
    Field("outcome", "Outcome", CODE, LV.OUTCOMES, aliases=("result",)),
    Field("outcome_scheme_version", "Outcome scheme", CODE, LV.OUTCOME_SCHEMES),
    Field("outcome_date", "Outcome date", DATE, aliases=("date of outcome",)),
    Field("date_closed", "Date closed", DATE, aliases=("closed", "closure date")),
    Field("closure_reason", "Closure reason", CODE, LV.CLOSURE_REASONS,
          aliases=("reason closed",)),
    Field("lessons_learned", "Lessons learned", TEXT),
    Field("subject_name", "Subject's name", TEXT,
          aliases=("subject", "name of subject", "name", "person")),
    Field("subject_sex", "Subject's sex", CODE, SEX, aliases=("sex", "gender")),
    Field("subject_dob", "Subject's date of birth", DATE, aliases=("date of birth",)),
    Field("subject_ethnicity", "Subject's ethnicity", CODE, ETHNICITY, aliases=("ethnicity",)),
    Field("subject_other_roles", "Subject's other roles with children", TEXT,
          aliases=("other roles",)),
)


def authorise(session) -> None:
    guard.require_record_access(session, service.STORE, "import LADO records")


def to_record(values: dict[str, Any]) -> dict[str, Any]:
    record = dict(values)
    for key in records.LIST_FIELDS:
        record.setdefault(key, [])
    return record


def validator(session) -> Callable[[dict[str, Any]], list[Problem]]:
    """The rules' check of one record, with today and the bank holidays read once."""
    today, calendar = local_today(session.clock), service.calendar()
    return lambda record: rules.validate(record, (), (), today, calendar)


def keys(record: dict[str, Any]) -> list[tuple]:
    out: list[tuple] = []
    ref = record.get("ref")
    if isinstance(ref, str) and ref.strip():
        out.append(("reference", ref.strip()))
    received = record.get("date_received")
    subject = records.normalise(record.get("subject_name"))
    if subject:
        out.append(("subject and date received", subject, received))
    elif not out:  # neither reference nor subject: an anonymous consultation
        out.append(("employer, source and date received",
                    records.normalise(record.get("employer_name")),
                    record.get("referral_source_type"), received))
    return out


def existing_keys(session) -> set[tuple]:
    """The duplicate keys of every stored contact: one read, for a whole import."""
    authorise(session)
    from hscb_desktop.domains.lado.models import LadoContact, LadoSubject

    subjects = dict(LadoSubject.select(LadoSubject.contact, LadoSubject.name_norm).tuples())
    out: set[tuple] = set()
    query = LadoContact.select(LadoContact.id, LadoContact.ref, LadoContact.date_received,
                               LadoContact.employer_norm, LadoContact.referral_source_type)
    for cid, ref, received, employer, source in query.tuples():
        out.add(("reference", ref))
        if subjects.get(cid):
            out.add(("subject and date received", subjects[cid], received))
        if not subjects.get(cid):  # rows with no reference are matched this way
            out.add(("employer, source and date received", employer, source, received))
    return out


def create(session, batch: list[dict[str, Any]], sources: list[str]) -> list[int]:
    return service.bulk_create(session, batch, sources=sources)


STORE = service.STORE


def extract_records(session):
    """Every contact as a dict of FIELDS, by reference (for the record-level extract)."""
    authorise(session)
    from hscb_desktop.domains.lado.models import (
        LadoContact,
        LadoContactCategory,
        LadoContactHarmCriterion,
        LadoSubject,
    )

    subjects = {s.contact_id: s for s in LadoSubject.select()}
    lists: dict[str, dict[int, list[str]]] = {"abuse_category": {}, "harm_criteria": {}}
    for row in LadoContactCategory.select():
        lists["abuse_category"].setdefault(row.contact_id, []).append(row.category)
    for row in LadoContactHarmCriterion.select():
        lists["harm_criteria"].setdefault(row.contact_id, []).append(row.criterion)
    for contact in LadoContact.select().order_by(LadoContact.ref).iterator():
        out = {f: getattr(contact, f) for f in records.CONTACT_FIELDS}
        subject = subjects.get(contact.id)
        for key, col in records.SUBJECT_FIELDS.items():
            out[key] = getattr(subject, col) if subject else None
        for key, by_id in lists.items():
            out[key] = sorted(by_id.get(contact.id, []))
        yield out
