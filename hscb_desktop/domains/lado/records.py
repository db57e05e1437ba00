"""LADO records as plain dicts: the field lists, and the mapping between what a form or an
import hands the service and what the tables store. No database access here.

Records travel as flat dicts keyed by model field names; subject identity uses the
``subject_*`` keys (stored in ``LadoSubject``); ``abuse_category`` and ``harm_criteria``
are lists of codes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from hscb_desktop.domains.lado import rules
from hscb_desktop.domains.lado import vocab as V

DATE_FIELDS = (
    "date_received",
    "date_allegation_known",
    "date_of_incident",
    "threshold_decision_date",
    "outcome_date",
    "date_closed",
)
BOOL_FIELDS = (
    "subject_named",
    "more_than_one_subject",
    "threshold_met",
    "police_involved",
    "s47_enquiry",
)
INT_FIELDS = ("referrer_agency_id", "child_count")
TEXT_FIELDS = (
    "ref",
    "contact_method",
    "referrer_name",
    "referrer_role",
    "referral_source_type",
    "employer_name",
    "employment_sector",
    "setting_type",
    "subject_role",
    "subject_employment_basis",
    "previous_allegations_known",
    "linked_case_ref",
    "followed_physical_intervention",
    "lado_officer",
    "allegation_details",
    "outcome",
    "outcome_scheme_version",
    "closure_reason",
    "lessons_learned",
)
CONTACT_FIELDS = DATE_FIELDS + BOOL_FIELDS + INT_FIELDS + TEXT_FIELDS
# Form key -> LadoSubject column: identity lives only in the subject table (SPEC §0.4).
SUBJECT_FIELDS = {
    "subject_name": "name",
    "subject_sex": "sex",
    "subject_dob": "dob",
    "subject_ethnicity": "ethnicity",
    "subject_other_roles": "other_roles",
}
LIST_FIELDS = ("abuse_category", "harm_criteria")
# Read-only facts get_contact adds (set by dedicated functions, not by update_contact).
STATE_FIELDS = (
    "retention_review_date",
    "dob_unknown",
    "retention_hold",
    "retention_hold_reason",
    "redacted",
    "sector_group",
)
DETAIL_FIELDS = ("allegation_details", "lessons_learned")  # cleared by redact_malicious
MEETING_FIELDS = ("meeting_type", "meeting_date", "agencies_present", "notes")
ACTION_FIELDS = ("action_type", "action_date", "notes")


def normalise(text: str | None) -> str:
    """Case-, space- and punctuation-insensitive key ("St. Albans  School" = "st albans school")."""
    return " ".join(re.sub(r"[^\w]+", " ", (text or "").casefold()).split())


def clean(data: Mapping[str, Any]) -> dict[str, Any]:
    """Validated input -> stored values (dates as dates, blank text as None)."""
    out: dict[str, Any] = {}
    for name in CONTACT_FIELDS:
        value = data.get(name)
        if name in DATE_FIELDS:
            value = rules.as_date(value)[0]
        elif name in BOOL_FIELDS:
            value = rules.as_bool(value)[0]
        elif name in TEXT_FIELDS:
            value = (value.strip() or None) if isinstance(value, str) else None
        out[name] = value
    out["subject_dob"] = rules.as_date(data.get("subject_dob"))[0]
    for key in ("subject_name", "subject_sex", "subject_ethnicity", "subject_other_roles"):
        value = data.get(key)
        out[key] = (value.strip() or None) if isinstance(value, str) else None
    for key in LIST_FIELDS:
        out[key] = sorted(set(rules.as_codes(data.get(key))[0]))
    if out["subject_named"] is None:
        out["subject_named"] = bool(out["subject_name"])
    out["threshold_met"] = bool(out["threshold_met"])
    return out


def derived(values: Mapping[str, Any], age: int) -> dict[str, Any]:
    review, dob_unknown = rules.retention_review_date(
        values["date_received"], values["subject_dob"], age
    )
    return {
        "employer_norm": normalise(values["employer_name"]),
        "sector_group": V.sector_group(values["employment_sector"]) or "other",
        "retention_review_date": review,
        "dob_unknown": dob_unknown,
    }


def contact_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: values[k] for k in CONTACT_FIELDS}


def subject_row(values: Mapping[str, Any]) -> dict[str, Any] | None:
    row = {col: values[key] for key, col in SUBJECT_FIELDS.items()}
    if not any(v is not None for v in row.values()):
        return None  # tier-1 consultations carry no identity at all
    row["name_norm"] = normalise(row["name"]) or None
    return row


def search_texts(values: Mapping[str, Any], ref: str) -> list[Any]:
    return [
        ref,
        values.get("employer_name"),
        values.get("subject_name"),
        values.get("subject_role"),
    ]


def cell(field: str, value: Any) -> Any:
    if field.endswith("_date"):
        when, why = rules.as_date(value)
        return value if why else when  # a bad date stays as given so validation reports it
    if field == "agencies_present" and isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    if isinstance(value, str):
        return value.strip() or None
    return value


def to_sql(value: Any) -> Any:
    """A value as the driver stores it the way peewee does (dates as ISO text, bools as 0/1)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value
