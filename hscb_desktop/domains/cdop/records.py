"""CDOP records as plain dicts: the field lists, and the mapping between what a form or an
import hands the service and what the tables store. No database access here.

A death (notification) travels as one flat dict keyed by field names: the identity keys
(``IDENTITY_FIELDS``) are stored in ``ChildIdentity``, the rest in ``ChildDeath``. A review
is another flat dict; its lists (``factors``, ``categories_applicable``,
``agencies_represented``) are lists of codes. An agency report's ``events`` likewise.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from hscb_desktop.domains.cdop import rules
from hscb_desktop.domains.cdop import vocab as V

# -- the notification --------------------------------------------------------------------

IDENTITY_FIELDS = ("forenames", "family_name", "nhs_number", "date_of_birth", "home_postcode")
DEATH_DATE_FIELDS = ("date_of_death", "notification_date")
DEATH_BOOL_FIELDS = (
    "live_born",
    "normally_resident_in_area",
    "unexpected_confirmed_by_designated_doctor",
    "joint_agency_response",
    "post_mortem_required",
    "coroner_involved",
    "inquest",
    "looked_after",
    "child_protection_plan",
    "child_in_need",
)
DEATH_TEXT_FIELDS = (
    "cdop_ref",
    "sex",
    "ethnicity",
    "time_of_death",
    "la_of_residence",
    "place_of_death",
    "place_of_death_other",
    "expected_or_unexpected",
    "circumstances_summary",
)
DEATH_INT_FIELDS = ("notified_by_agency_id",)
DEATH_FIELDS = DEATH_DATE_FIELDS + DEATH_BOOL_FIELDS + DEATH_TEXT_FIELDS + DEATH_INT_FIELDS
# Set by the service from the values above, shown read-only.
DERIVED_DEATH_FIELDS = ("age_days", "age_years", "age_band", "notification_complete")
# What may never reach the panel (SPEC §0.4): ChildIdentity's columns.
IDENTITY_KEYS = frozenset(IDENTITY_FIELDS)

# -- agency reports, meetings --------------------------------------------------------------

REPORT_FIELDS = (
    "agency_id",
    "agency_name",
    "requested_date",
    "received_date",
    "mode_of_death",
    "attempted_resuscitation",
    "narrative",
)
MEETING_FIELDS = ("meeting_date", "quorate", "notes")

# -- the review ------------------------------------------------------------------------------

REVIEW_DATE_FIELDS = ("review_completed_date",)
REVIEW_BOOL_FIELDS = ("sudden_death", "scr_considered", "scr_held")
REVIEW_TEXT_FIELDS = (
    "category_of_death",
    "cause_of_death_text",
    "domain_scheme",
    *V.DOMAIN_FIELDS,
    "modifiable_factors",
    "modifiable_factors_text",
    *V.TRISTATE_FACTORS,
    "recommendations",
)
REVIEW_LIST_FIELDS = ("categories_applicable", "factors", "agencies_represented")
REVIEW_FIELDS = (
    ("panel_meeting_id",)
    + REVIEW_DATE_FIELDS
    + REVIEW_BOOL_FIELDS
    + REVIEW_TEXT_FIELDS
    + REVIEW_LIST_FIELDS
    + ("sudi",)
)
# The review's columns (lists stored as comma-separated text, except factors: own table).
REVIEW_COLUMNS = (
    ("panel_meeting",)
    + REVIEW_DATE_FIELDS
    + REVIEW_BOOL_FIELDS
    + REVIEW_TEXT_FIELDS
    + ("categories_applicable", "agencies_represented", "sudi_suggested", "sudi_override", "sudi")
)


def normalise(text: str | None) -> str:
    """Case-, space- and punctuation-insensitive key."""
    return " ".join(re.sub(r"[^\w]+", " ", (text or "").casefold()).split())


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def postcode(value: Any) -> str | None:
    """Upper case, one space before the inward code: "al10 9ab" -> "AL10 9AB". Only what
    looks like a postcode (5 to 7 ASCII letters and digits) is changed; anything else is
    kept as typed, so it never grows past the length the rules allowed (ten characters
    without a space became eleven with one; "ß" upper-cased is "SS")."""
    text = _text(value)
    if not text:
        return None
    bare = re.sub(r"\s+", "", text)
    if bare.isascii() and bare.isalnum() and 5 <= len(bare) <= 7:
        bare = bare.upper()
        return f"{bare[:-3]} {bare[-3:]}"
    return text


def clean_death(data: Mapping[str, Any]) -> dict[str, Any]:
    """Validated notification input -> stored values (dates as dates, blank text as None)."""
    out: dict[str, Any] = {}
    for name in DEATH_DATE_FIELDS:
        out[name] = rules.as_date(data.get(name))[0]
    for name in DEATH_BOOL_FIELDS:
        out[name] = rules.as_bool(data.get(name))[0]
    for name in DEATH_TEXT_FIELDS:
        out[name] = _text(data.get(name))
    out["time_of_death"] = rules.as_time(data.get("time_of_death"))[0]
    out["notified_by_agency_id"] = data.get("notified_by_agency_id")
    out["live_born"] = True  # validation refuses anything else
    out["forenames"] = _text(data.get("forenames"))
    out["family_name"] = _text(data.get("family_name"))
    out["nhs_number"] = rules.normalise_nhs(data.get("nhs_number"))
    out["date_of_birth"] = rules.as_date(data.get("date_of_birth"))[0]
    out["home_postcode"] = postcode(data.get("home_postcode"))
    return out


def derived_death(values: Mapping[str, Any]) -> dict[str, Any]:
    days, years = rules.age_at_death(values["date_of_birth"], values["date_of_death"])
    return {
        "age_days": days,
        "age_years": years,
        "age_band": rules.band_of(days, years),
        "notification_complete": not rules.notification_gaps(values),
    }


def death_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: values[k] for k in DEATH_FIELDS}


def identity_row(values: Mapping[str, Any]) -> dict[str, Any]:
    row = {k: values[k] for k in IDENTITY_FIELDS}
    row["name_norm"] = normalise(full_name(values)) or None
    return row


def full_name(values: Mapping[str, Any]) -> str:
    return " ".join(p for p in (values.get("forenames"), values.get("family_name")) if p)


def search_texts(values: Mapping[str, Any], ref: str) -> list[Any]:
    return [ref, values.get("nhs_number"), full_name(values)]


def clean_report(data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "agency_id": data.get("agency_id"),
        "agency_name": _text(data.get("agency_name")),
        "requested_date": rules.as_date(data.get("requested_date"))[0],
        "received_date": rules.as_date(data.get("received_date"))[0],
        "mode_of_death": _text(data.get("mode_of_death")),
        "attempted_resuscitation": _text(data.get("attempted_resuscitation")),
        "narrative": _text(data.get("narrative")),
        "events": sorted(set(rules.as_codes(data.get("events"))[0]), key=V.EVENTS.codes.index),
    }


def clean_meeting(data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "meeting_date": rules.as_date(data.get("meeting_date"))[0],
        "quorate": rules.as_bool(data.get("quorate"))[0],
        "notes": _text(data.get("notes")),
    }


def _ordered(codes, code_list) -> list[str]:
    return sorted(set(codes), key=code_list.codes.index)


def clean_review(data: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"panel_meeting_id": data.get("panel_meeting_id")}
    for name in REVIEW_DATE_FIELDS:
        out[name] = rules.as_date(data.get(name))[0]
    for name in REVIEW_BOOL_FIELDS:
        out[name] = rules.as_bool(data.get(name))[0]
    for name in REVIEW_TEXT_FIELDS:
        out[name] = _text(data.get(name))
    out["domain_scheme"] = out["domain_scheme"] or V.DEFAULT_DOMAIN_SCHEME
    for name, codes in rules.REVIEW_LISTS.items():
        out[name] = _ordered(rules.as_codes(data.get(name))[0], codes)
    out["sudi"] = rules.as_bool(data.get("sudi"))[0]  # the override; None: the suggestion
    return out


def review_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: values[k] for k in REVIEW_DATE_FIELDS + REVIEW_BOOL_FIELDS + REVIEW_TEXT_FIELDS}
    out["panel_meeting"] = values["panel_meeting_id"]
    out["categories_applicable"] = ",".join(values["categories_applicable"]) or None
    out["agencies_represented"] = ",".join(values["agencies_represented"]) or None
    out["sudi_suggested"] = values["sudi_suggested"]
    out["sudi_override"] = values["sudi_override"]
    out["sudi"] = values["sudi"]
    return out


def split_codes(text: str | None) -> list[str]:
    return [c for c in (text or "").split(",") if c]


def to_sql(value: Any) -> Any:
    """A value as the driver stores it the way peewee does (dates as ISO text, bools as 0/1)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value
