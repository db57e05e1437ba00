"""Board records as plain dicts: the field lists, and the mapping between what a form hands
the service and what the tables store. No database access here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hscb_desktop.domains.board import rules
from hscb_desktop.domains.board import vocab as V

BOARD_FIELDS = ("name", "meetings_planned_per_year")
SEAT_FIELDS = (
    "title",
    "agency_id",
    "display_label",
    "deputy_allowed",
    "statutory_partner",
    "counts_for_quorum",
    "sort_order",
    "footnote",
    "active_from",
    "active_to",
)
SEAT_DERIVED = ("agency_name", "agency_sector")  # set by the service from the core store
HOLDER_FIELDS = ("person_name", "from_date", "to_date")
MEETING_FIELDS = ("meeting_date", "meeting_type", "counts_override", "quorate_override", "notes")

_DATES = {"active_from", "active_to", "from_date", "to_date", "meeting_date"}
_BOOLS = {"deputy_allowed", "statutory_partner", "counts_for_quorum"}
_NULL_BOOLS = {"counts_override", "quorate_override"}
_INTS = {"agency_id", "sort_order", "meetings_planned_per_year"}


def clean_value(name: str, value: Any) -> Any:
    if name in _DATES:
        return rules.as_date(value)[0]
    if name in _BOOLS:
        return bool(rules.as_bool(value)[0])
    if name in _NULL_BOOLS:
        return rules.as_bool(value)[0]
    if name in _INTS:
        return rules.as_int(value, -1_000_000)[0]
    return (value.strip() or None) if isinstance(value, str) else value


def clean(data: Mapping[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """Validated input -> stored values (dates as dates, blank text as None)."""
    return {name: clean_value(name, data.get(name)) for name in fields}


def clean_seat(data: Mapping[str, Any]) -> dict[str, Any]:
    out = clean(data, SEAT_FIELDS)
    out["display_label"] = out["display_label"] or out["title"]
    out["sort_order"] = out["sort_order"] or 0
    return out


def clean_meeting(data: Mapping[str, Any]) -> dict[str, Any]:
    out = clean(data, MEETING_FIELDS)
    out["counts_for_attendance"] = (
        out["counts_override"]
        if out["counts_override"] is not None
        else V.counts_for_attendance(out["meeting_type"])
    )
    return out


def clean_grid(attendance: Any) -> dict[int, dict[str, Any]]:
    """Validated grid -> {role id: {status, attendee_name}}; blank statuses dropped."""
    rows, _ = rules.attendance_rows(attendance)
    out = {}
    for row in rows:
        name = row["attendee_name"]
        name = (name.strip() or None) if isinstance(name, str) else None
        out[row["role"]] = {"status": row["status"], "attendee_name": name}
    return out
