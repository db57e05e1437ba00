"""CDOP child death notifications from a tracker (Qt-free): one row is one notification,
identity included. Agency reports, panel meetings and reviews are not imported.

A row is a duplicate of a stored notification, or of an earlier row, when it has the
same CDOP reference, the same NHS number, or the same child (forenames and family name,
case- and space-insensitive) with the same date of death. Volumes are small (a few
hundred a year), so each row goes through ``service.create_death``, the form's own path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.validation import Problem
from hscb_desktop.core.vocab import ETHNICITY, SEX
from hscb_desktop.domains.cdop import records, rules, service
from hscb_desktop.domains.cdop import vocab as CV
from hscb_desktop.importing.fields import BOOL, CODE, DATE, TEXT, Field
from hscb_desktop.security import guard

name = "cdop"
title = "CDOP notifications"
STORE = service.STORE

FIELDS: tuple[Field, ...] = (
    Field("cdop_ref", "CDOP reference", TEXT, aliases=("reference", "ref", "case number")),
    Field("notification_date", "Date notified", DATE, required=True,
          aliases=("notification date", "date of notification", "date received")),
    Field("date_of_death", "Date of death", DATE, required=True, aliases=("dod", "died")),
    Field("time_of_death", "Time of death", TEXT),
    Field("forenames", "Forenames", TEXT, aliases=("first name", "first names", "forename")),
    Field("family_name", "Family name", TEXT, aliases=("surname", "last name")),
    Field("nhs_number", "NHS number", TEXT, aliases=("nhs", "nhs no")),
    Field("date_of_birth", "Date of birth", DATE, required=True, aliases=("dob",)),
    Field("home_postcode", "Home postcode", TEXT, aliases=("postcode",)),
    Field("sex", "Sex", CODE, SEX, aliases=("gender",)),
    Field("ethnicity", "Ethnicity", CODE, ETHNICITY),
    Field("la_of_residence", "Local authority of residence", TEXT,
          aliases=("local authority", "la")),
    Field("normally_resident_in_area", "Normally resident in the area", BOOL,
          aliases=("resident",)),
    Field("place_of_death", "Place of death", CODE, CV.PLACES_OF_DEATH, aliases=("place",)),
    Field("place_of_death_other", "Place of death (other)", TEXT),
    Field("expected_or_unexpected", "Expected or unexpected", CODE, CV.EXPECTED,
          aliases=("expected", "unexpected")),
    Field("live_born", "Live born", BOOL),
    Field("unexpected_confirmed_by_designated_doctor", "Unexpected (designated doctor)", BOOL),
    Field("joint_agency_response", "Joint agency response", BOOL, aliases=("jar",)),
    Field("post_mortem_required", "Post mortem", BOOL, aliases=("pm",)),
    Field("coroner_involved", "Coroner involved", BOOL, aliases=("coroner",)),
    Field("inquest", "Inquest", BOOL),
    Field("looked_after", "Looked after", BOOL, aliases=("lac", "cla")),
    Field("child_protection_plan", "Child protection plan", BOOL, aliases=("cp plan",)),
    Field("child_in_need", "Child in need", BOOL, aliases=("cin",)),
    Field("circumstances_summary", "Circumstances", TEXT,
          aliases=("summary", "circumstances of death", "details")),
)


def authorise(session) -> None:
    guard.require_record_access(session, STORE, "import CDOP records")


def to_record(values: dict[str, Any]) -> dict[str, Any]:
    return dict(values)


def validator(session) -> Callable[[dict[str, Any]], list[Problem]]:
    today = local_today(session.clock)
    return lambda record: rules.validate_death(record, today)


def _child(forenames: Any, family: Any) -> str:
    return records.normalise(f"{forenames or ''} {family or ''}")


def keys(record: dict[str, Any]) -> list[tuple]:
    out: list[tuple] = []
    ref = record.get("cdop_ref")
    if isinstance(ref, str) and ref.strip():
        out.append(("reference", ref.strip()))
    nhs = "".join((record.get("nhs_number") or "").split())
    if nhs:
        out.append(("NHS number", nhs))
    child = _child(record.get("forenames"), record.get("family_name"))
    if child:
        out.append(("child and date of death", child, record.get("date_of_death")))
    return out


def existing_keys(session) -> set[tuple]:
    authorise(session)
    from hscb_desktop.domains.cdop.models import ChildDeath, ChildIdentity

    out: set[tuple] = set()
    query = ChildDeath.select(ChildDeath.cdop_ref, ChildDeath.date_of_death,
                              ChildIdentity.forenames, ChildIdentity.family_name,
                              ChildIdentity.nhs_number).join(ChildIdentity)
    for ref, died, forenames, family, nhs in query.tuples():
        out.add(("reference", ref))
        if nhs:
            out.add(("NHS number", nhs))
        child = _child(forenames, family)
        if child:
            out.add(("child and date of death", child, died))
    return out


def create(session, batch: list[dict[str, Any]], sources: list[str]) -> list[int]:
    return [service.create_death(session, record, source=source)
            for record, source in zip(batch, sources)]


def extract_records(session):
    """Every notification as a dict of FIELDS, by reference (the record-level extract)."""
    authorise(session)
    from hscb_desktop.domains.cdop.models import ChildDeath, ChildIdentity

    identities = {i.death_id: i for i in ChildIdentity.select()}
    for death in ChildDeath.select().order_by(ChildDeath.cdop_ref).iterator():
        out = {f: getattr(death, f) for f in records.DEATH_FIELDS}
        identity = identities.get(death.id)
        for key in records.IDENTITY_FIELDS:
            out[key] = getattr(identity, key) if identity else None
        yield out
