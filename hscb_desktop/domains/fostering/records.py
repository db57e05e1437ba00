"""Private fostering records as plain dicts: the field lists, and the mapping between what
a form or an import hands the service and what the tables store. No database access here.

Records travel as flat dicts keyed by model field names. A notification's child identity
uses the ``child_*`` keys (stored in ``PfChild``) and its carer the ``carer_*`` keys
(``PfCarer``); an arrangement's ``reasons`` is a list of codes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from hscb_desktop.domains.fostering import rules

ENQUIRY_DATES = ("date_received",)
ENQUIRY_TEXT = (
    "ref",
    "enquirer_type",
    "enquirer_name",
    "outcome",
    "not_pf_reason",
    "other_la_name",
    "notes",
)
ENQUIRY_FIELDS = ENQUIRY_DATES + ENQUIRY_TEXT

NOTIFICATION_DATES = ("date_received", "intended_start_date")
NOTIFICATION_TEXT = (
    "ref",
    "notifier_type",
    "notification_type",
    "not_progressed_reason",
    "notes",
)
NOTIFICATION_FIELDS = (
    NOTIFICATION_DATES
    + NOTIFICATION_TEXT
    + (
        "intended_duration_days",
        "progressed",
    )
)
# Form key -> PfChild column: the child's identity lives only in the child table (§0.4).
CHILD_FIELDS = {
    "child_name": "name",
    "child_sex": "sex",
    "child_date_of_birth": "date_of_birth",
    "child_place_of_birth": "place_of_birth",
    "child_country_of_birth": "country_of_birth",
    "child_born_in_uk": "born_in_uk",
    "child_religion": "religion",
    "child_ethnicity": "ethnicity",
    "child_language": "language",
    "child_disabled": "disabled",
    "child_immigration_status": "immigration_status",
}
CARER_FIELDS = {
    "carer_name": "name",
    "carer_address": "address",
    "carer_postcode": "postcode",
    "carer_phone": "phone",
    "carer_household": "household",
}

ARRANGEMENT_DATES = (
    "start_date",
    "la_aware_date",
    "initial_visit_date",
    "dbs_carer_date",
    "dbs_household_date",
    "pnc_date",
    "assessment_completed_date",
    "end_date",
)
ARRANGEMENT_TEXT = (
    "carer_relationship",
    "assessment_outcome",
    "child_in_need_or_cp",
    "end_reason",
    "end_notified_by",
    "new_carer_details",
    "notes",
)
ARRANGEMENT_FIELDS = ARRANGEMENT_DATES + ARRANGEMENT_TEXT

VISIT_FIELDS = (
    "visit_date",
    "visit_type",
    "child_seen_alone",
    "report_written_date",
    "visitor",
    "notes",
)


def normalise(text: str | None) -> str:
    """Case-, space- and punctuation-insensitive key."""
    return " ".join(re.sub(r"[^\w]+", " ", (text or "").casefold()).split())


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def clean_enquiry(data: Mapping[str, Any]) -> dict[str, Any]:
    out = {name: _text(data.get(name)) for name in ENQUIRY_TEXT}
    out["date_received"] = rules.as_date(data.get("date_received"))[0]
    return out


def clean_notification(data: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {name: _text(data.get(name)) for name in NOTIFICATION_TEXT}
    for name in NOTIFICATION_DATES:
        out[name] = rules.as_date(data.get(name))[0]
    out["intended_duration_days"] = rules.as_int(data.get("intended_duration_days"))[0]
    out["progressed"] = rules.as_bool(data.get("progressed"))[0]
    for key in CHILD_FIELDS:
        if key == "child_date_of_birth":
            out[key] = rules.as_date(data.get(key))[0]
        elif key == "child_disabled":
            out[key] = bool(rules.as_bool(data.get(key))[0])
        else:
            out[key] = _text(data.get(key))
    for key in CARER_FIELDS:
        out[key] = _text(data.get(key))
    out["notice_given_in_time"] = rules.notice_given_in_time(
        out["notification_type"],
        out["notifier_type"],
        out["date_received"],
        out["intended_start_date"],
    )
    return out


def clean_arrangement(data: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {name: _text(data.get(name)) for name in ARRANGEMENT_TEXT}
    for name in ARRANGEMENT_DATES:
        out[name] = rules.as_date(data.get(name))[0]
    out["reasons"] = sorted(set(rules.as_codes(data.get("reasons"))[0]))
    return out


def clean_visit(data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "visit_date": rules.as_date(data.get("visit_date"))[0],
        "visit_type": _text(data.get("visit_type")),
        "child_seen_alone": rules.as_bool(data.get("child_seen_alone"))[0],
        "report_written_date": rules.as_date(data.get("report_written_date"))[0],
        "visitor": _text(data.get("visitor")),
        "notes": _text(data.get("notes")),
    }


def notification_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: values[k] for k in NOTIFICATION_FIELDS}
    out["notice_given_in_time"] = values["notice_given_in_time"]
    return out


def child_row(values: Mapping[str, Any]) -> dict[str, Any]:
    row = {col: values[key] for key, col in CHILD_FIELDS.items()}
    row["name_norm"] = normalise(row["name"])
    return row


def carer_row(values: Mapping[str, Any]) -> dict[str, Any]:
    row = {col: values[key] for key, col in CARER_FIELDS.items()}
    row["name_norm"] = normalise(row["name"])
    return row


def arrangement_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: values[k] for k in ARRANGEMENT_FIELDS}


def search_texts(ref: str, values: Mapping[str, Any]) -> list[Any]:
    """The notification index's texts, in ``models.SEARCH_COLUMNS`` order."""
    return [ref, values.get("child_name"), values.get("carer_name")]


def enquiry_search_texts(ref: str, values: Mapping[str, Any]) -> list[Any]:
    return [ref, values.get("enquirer_name"), values.get("other_la_name")]


def to_sql(value: Any) -> Any:
    """A value as the driver stores it the way peewee does (dates as ISO text, bools as 0/1)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def day(value: Any) -> dt.date | None:
    """A date column as the bare cursor returns it (ISO text on SQLite)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)
